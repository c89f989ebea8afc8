/**
 * Every key of release-please 17.11's `release-please-config.json` (its schemas/config.json, plus the three
 * keys its code reads without listing them: `component`, `package-name`, `include-commit-authors`) with
 * what release-lanes does with it. A key is either honoured with release-please's meaning or refused when
 * the config loads (RL130 names the key and says what to use instead; RL132 for a refused value). Every
 * key of 17.11 is honoured, some with values refused (RL132); RL130 stays for keys a later schema adds. An
 * unknown key is RL131 with a did-you-mean. Nothing is ignored. docs/config.md has the same table, and a
 * test checks both against the schema.
 */
import type { ReleaseLanesError } from '../errors.js';
import { ReleaseLanesError as CodedError } from '../errors.js';
import { pointer, type SourceFile } from './source.js';
import { didYouMean } from './suggest.js';

/** `top`: only at the top level (release-please's manifest options); `both`: top level and per package. */
export type RpKeyScope = 'top' | 'both';

export interface RpKeySpec {
  scope: RpKeyScope;
  status: 'honoured' | 'refused';
  /** For refused keys: what to use instead (the fix line of RL130). */
  instead?: string;
  /** For honoured keys whose values are only partly supported: the fix for a refused value, or null. */
  refuseValue?: (value: unknown) => string | null;
}

const honoured = (scope: RpKeyScope = 'both'): RpKeySpec => ({ scope, status: 'honoured' });
const only = (scope: RpKeyScope, ok: (v: unknown) => boolean, instead: string): RpKeySpec => ({
  scope,
  status: 'honoured',
  refuseValue: (v) => (ok(v) ? null : instead),
});

export const RELEASE_PLEASE_KEYS: Record<string, RpKeySpec> = {
  $schema: honoured('top'),
  packages: honoured('top'),
  'bootstrap-sha': honoured('top'),
  'last-release-sha': honoured('top'),
  'always-link-local': only(
    'top',
    (v) => v !== false,
    'release-lanes always links workspace packages (`always-link-local: true`, the default); remove the key',
  ),
  plugins: honoured('top'),
  signoff: honoured('top'),
  'group-pull-request-title-pattern': honoured('top'),
  'release-search-depth': honoured('top'),
  'commit-search-depth': honoured('top'),
  'commit-batch-size': honoured('top'),
  'sequential-calls': honoured('top'),
  label: honoured('top'),
  'release-label': honoured('top'),
  'release-type': honoured(),
  'bump-minor-pre-major': honoured(),
  'bump-patch-for-minor-pre-major': honoured(),
  'prerelease-type': honoured(),
  versioning: only(
    'both',
    (v) => v === 'default' || v === 'prerelease',
    'release-lanes bumps by conventional commits (`versioning: default`) or cuts prereleases (`versioning: prerelease` with `prerelease-type`); force one version with `release-as` instead',
  ),
  'changelog-sections': honoured(),
  'release-as': honoured(),
  'skip-github-release': honoured(),
  'skip-changelog': honoured(),
  draft: honoured(),
  'force-tag-creation': honoured(),
  prerelease: honoured(),
  'draft-pull-request': honoured(),
  'extra-label': honoured(),
  'include-component-in-tag': honoured(),
  'include-v-in-tag': honoured(),
  'include-v-in-release-name': honoured(),
  'changelog-type': only(
    'both',
    (v) => v === 'default',
    "release-lanes writes release-please's `default` changelog; remove `changelog-type` (GitHub's generated notes, `github`, are not supported)",
  ),
  'changelog-host': honoured(),
  'changelog-path': honoured(),
  'pull-request-title-pattern': honoured(),
  'pull-request-header': honoured(),
  'pull-request-footer': honoured(),
  'separate-pull-requests': honoured(),
  'always-update': honoured(),
  'tag-separator': honoured(),
  'date-format': only(
    'both',
    (v) => v === '%Y-%m-%d',
    'release-lanes writes dates as `%Y-%m-%d` (the default); remove `date-format`',
  ),
  'extra-files': honoured(),
  'version-file': honoured(),
  'exclude-paths': honoured(),
  'snapshot-label': honoured(),
  'skip-snapshot': honoured(),
  'initial-version': honoured(),
  'component-no-space': honoured(),
  // read by release-please's code (manifest.ts extractReleaserConfig), not listed in its schema
  component: honoured(),
  'package-name': honoured(),
  'include-commit-authors': honoured(),
};

/** Plugins release-lanes honours, with the options each accepts and their release-please defaults. */
const PLUGINS: Record<string, Record<string, unknown>> = {
  'node-workspace': {
    updateAllPackages: false,
    merge: true,
    considerAllArtifacts: true,
    updatePeerDependencies: false,
  },
  'cargo-workspace': { updateAllPackages: false, merge: true, considerAllArtifacts: true },
  'maven-workspace': { updateAllPackages: false, merge: true, considerAllArtifacts: true },
  'linked-versions': { groupName: undefined, components: undefined, merge: true },
  'sentence-case': { specialWords: undefined },
};

const REFUSED_PLUGINS: Record<string, string> = {
  'group-priority':
    'release-lanes proposes every release pull request at once; remove the `group-priority` plugin',
};

const TOP_KEYS = Object.keys(RELEASE_PLEASE_KEYS);
const PACKAGE_KEYS = TOP_KEYS.filter((k) => RELEASE_PLEASE_KEYS[k]!.scope === 'both');

/**
 * Refusals of a release-please config, located: refused keys (RL130), unknown keys (RL131, did-you-mean),
 * refused values and plugins (RL132). Shapes are checked before this runs.
 */
export function releasePleaseKeyErrors(source: SourceFile): ReleaseLanesError[] {
  const raw = source.data as Record<string, unknown>;
  const errors: ReleaseLanesError[] = [];
  const at = (ptr: string) => source.locate(ptr, { key: true });
  const checkObject = (obj: Record<string, unknown>, base: string[], known: string[], where: string) => {
    for (const [key, value] of Object.entries(obj)) {
      const ptr = pointer(...base, key);
      const spec = known.includes(key) ? RELEASE_PLEASE_KEYS[key] : undefined;
      if (!spec) {
        const topOnly = RELEASE_PLEASE_KEYS[key]?.scope === 'top';
        errors.push(
          new CodedError(
            'RL131',
            topOnly
              ? `release-please option \`${key}\` is only read at the top level, not ${where}`
              : `unknown release-please option \`${key}\` ${where}${didYouMean(key, known)}`,
            at(ptr),
            topOnly ? `Move \`${key}\` to the top level of release-please-config.json.` : undefined,
          ),
        );
      } else if (spec.status === 'refused') {
        errors.push(
          new CodedError(
            'RL130',
            `release-please option \`${key}\` (${where}) is not supported by release-lanes`,
            at(ptr),
            `${capitalise(spec.instead ?? '')}.`,
          ),
        );
      } else {
        const instead = spec.refuseValue?.(value) ?? null;
        if (instead !== null) {
          errors.push(
            new CodedError(
              'RL132',
              `release-please option \`${key}: ${JSON.stringify(value)}\` (${where}) is not supported by release-lanes`,
              source.locate(ptr),
              `${capitalise(instead)}.`,
            ),
          );
        }
      }
    }
  };
  checkObject(raw, [], TOP_KEYS, 'at the top level');
  const packages = raw.packages;
  if (packages && typeof packages === 'object') {
    for (const [path, pkg] of Object.entries(packages as Record<string, unknown>)) {
      if (pkg && typeof pkg === 'object')
        checkObject(
          pkg as Record<string, unknown>,
          ['packages', path],
          PACKAGE_KEYS,
          `in package \`${path}\``,
        );
    }
  }
  const plugins = Array.isArray(raw.plugins) ? (raw.plugins as unknown[]) : [];
  plugins.forEach((plugin, i) => errors.push(...pluginErrors(plugin, pointer('plugins', i), source)));
  return errors;
}

function pluginErrors(plugin: unknown, ptr: string, source: SourceFile): ReleaseLanesError[] {
  const type = typeof plugin === 'string' ? plugin : String((plugin as { type?: unknown }).type ?? '');
  const options = typeof plugin === 'object' && plugin !== null ? (plugin as Record<string, unknown>) : {};
  const known = PLUGINS[type];
  if (!known) {
    const instead =
      REFUSED_PLUGINS[type] ??
      `release-lanes knows the plugins ${Object.keys(PLUGINS)
        .map((p) => `\`${p}\``)
        .join(', ')}${didYouMean(type, Object.keys(PLUGINS))}; remove this one`;
    return [
      new CodedError(
        'RL132',
        `release-please plugin \`${type}\` is not supported by release-lanes`,
        source.locate(ptr),
        `${capitalise(instead)}.`,
      ),
    ];
  }
  const errors: ReleaseLanesError[] = [];
  for (const [key, value] of Object.entries(options)) {
    if (key === 'type') continue;
    if (!(key in known)) {
      errors.push(
        new CodedError(
          'RL131',
          `unknown option \`${key}\` of plugin \`${type}\`${didYouMean(key, Object.keys(known))}`,
          source.locate(`${ptr}${pointer(key)}`, { key: true }),
          `Plugin \`${type}\` takes ${Object.keys(known)
            .map((k) => `\`${k}\``)
            .join(', ')}.`,
        ),
      );
    } else if (known[key] !== undefined && value !== known[key]) {
      errors.push(
        new CodedError(
          'RL132',
          `plugin \`${type}\` option \`${key}: ${JSON.stringify(value)}\` is not supported by release-lanes`,
          source.locate(`${ptr}${pointer(key)}`),
          `Remove \`${key}\` (release-lanes behaves as release-please's default, \`${key}: ${JSON.stringify(known[key])}\`).`,
        ),
      );
    }
  }
  return errors;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
