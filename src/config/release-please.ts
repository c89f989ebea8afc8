/**
 * Reads a release-please repository unchanged: `release-please-config.json` → lanes that produce the same
 * tag names (`<component><separator>v<version>`) and next versions release-please would.
 * Mirrors release-please's src/manifest.ts (mergeReleaserConfig) and src/strategies/base.ts (getComponent).
 */
import type { LaneConfig, RepoConfig, Warning } from '../core/types.js';
import { ReleaseLanesErrors, type ReleaseLanesError } from '../errors.js';
import {
  DEFAULT_CHANGELOG_FILE,
  DEFAULT_CHANGELOG_SECTIONS,
  DEFAULT_INITIAL_VERSION,
  RELEASE_PLEASE_CONFIG_PATH,
  RELEASE_PLEASE_MANIFEST_PATH,
} from './defaults.js';
import { normalizePath } from './paths.js';
import { releaseTypeVersionFiles, type RpExtraFile } from './release-please-files.js';
import { checkLanes, type LaneLocator } from './semantic.js';
import { parseJsonSource, pointer, type SourceFile } from './source.js';
import { ajv, schemaErrors } from './validate-schema.js';

export interface ReleasePleaseInputs {
  /**
   * Package path → package name read from the package's manifest file (package.json `name` for node,
   * Cargo.toml `[package].name` for rust, Chart.yaml `name` for helm, pubspec.yaml for dart,
   * sfdx-project.json for sfdx). release-please derives the default component from it.
   */
  packageNames?: Record<string, string>;
  /** Package path → names of the packages it depends on; used by the node-/cargo-/maven-workspace plugins. */
  packageDependencies?: Record<string, string[]>;
  defaultBranch?: string;
}

interface RpSection {
  type: string;
  section: string;
  hidden?: boolean;
}
interface RpPackage {
  'release-type'?: string;
  component?: string;
  'package-name'?: string;
  'tag-separator'?: string;
  'include-component-in-tag'?: boolean;
  'include-v-in-tag'?: boolean;
  'include-v-in-release-name'?: boolean;
  'bump-minor-pre-major'?: boolean;
  'bump-patch-for-minor-pre-major'?: boolean;
  'changelog-sections'?: RpSection[];
  'changelog-path'?: string;
  'exclude-paths'?: string[];
  prerelease?: boolean;
  'prerelease-type'?: string;
  versioning?: string;
  'initial-version'?: string;
  draft?: boolean;
  [key: string]: unknown;
}
type RpPlugin = string | { type: string; groupName?: string; components?: string[]; [key: string]: unknown };
interface RpConfig extends RpPackage {
  packages: Record<string, RpPackage>;
  plugins?: RpPlugin[];
  'separate-pull-requests'?: boolean;
}

const str = { type: 'string' };
const bool = { type: 'boolean' };
const packageProps = {
  'release-type': str,
  component: str,
  'package-name': str,
  'tag-separator': str,
  'include-component-in-tag': bool,
  'include-v-in-tag': bool,
  'include-v-in-release-name': bool,
  'bump-minor-pre-major': bool,
  'bump-patch-for-minor-pre-major': bool,
  'changelog-sections': {
    type: 'array',
    items: {
      type: 'object',
      required: ['type', 'section'],
      properties: { type: str, section: str, hidden: bool },
    },
  },
  'changelog-path': str,
  'exclude-paths': { type: 'array', items: str },
  prerelease: bool,
  'prerelease-type': str,
  versioning: str,
  'initial-version': str,
  draft: bool,
  'separate-pull-requests': bool,
};
/** The subset of release-please's schema (schemas/config.json upstream) that affects lanes. */
const validateRp = ajv.compile({
  type: 'object',
  required: ['packages'],
  properties: {
    ...packageProps,
    packages: { type: 'object', additionalProperties: { type: 'object', properties: packageProps } },
    plugins: {
      type: 'array',
      items: { anyOf: [str, { type: 'object', required: ['type'], properties: { type: str } }] },
    },
  },
});

/** Options that change versions, tags or files but have no release-lanes equivalent. */
const UNSUPPORTED = [
  'release-as',
  'bootstrap-sha',
  'last-release-sha',
  'skip-github-release',
  'skip-changelog',
  'changelog-type',
  'always-link-local',
  'force-tag-creation',
  'component-no-space',
];

/** Release types whose default package name is read from a file in the package. */
const NAME_FROM_FILE = new Set(['node', 'expo', 'node-librarian', 'rust', 'helm', 'dart', 'sfdx']);
const NODE_LIKE = new Set(['node', 'expo', 'node-librarian']);
const RUBY_TYPES = new Set(['ruby', 'ruby-yoshi']);
const WORKSPACE_PLUGINS = new Set(['node-workspace', 'cargo-workspace', 'maven-workspace']);
const COSMETIC_PLUGINS = new Set(['sentence-case', 'group-priority']);

function pluginType(p: RpPlugin): string {
  return typeof p === 'string' ? p : p.type;
}

/** release-please's `normalizeComponent`: node strips the npm scope (`@acme/sdk` → `sdk`). */
function normalizeComponent(releaseType: string, name: string): string {
  return NODE_LIKE.has(releaseType) && /^@[\w-]+\//.test(name) ? (name.split('/')[1] ?? name) : name;
}

/** release-please's `addPath`: a file relative to the package, or to the root with a leading `/`. */
function addPath(pkgPath: string, file: string): string {
  if (pkgPath === '.' || file.startsWith('/')) return file.replace(/^\/+/, '');
  return `${pkgPath}/${file}`;
}

interface Mapped {
  lane: LaneConfig;
  path: string;
  key: string;
  packageName?: string;
}

export function parseReleasePleaseConfig(
  text: string,
  inputs: ReleasePleaseInputs = {},
): { config: RepoConfig; source: SourceFile; warnings: Warning[]; laneByPath: Record<string, string> } {
  const source = parseJsonSource(RELEASE_PLEASE_CONFIG_PATH, text, 'RL100');
  const shapeErrors = schemaErrors(validateRp, source);
  if (shapeErrors.length > 0) throw new ReleaseLanesErrors(shapeErrors);
  const raw = source.data as RpConfig;
  const warnings: Warning[] = [];
  const errors: ReleaseLanesError[] = [];
  const warn = (code: string, message: string, lane?: string) =>
    warnings.push({ code, message, ...(lane ? { lane } : {}) });

  const { packages, plugins = [], ...defaults } = raw;
  const names = new Map<string, string>();
  for (const [p, n] of Object.entries(inputs.packageNames ?? {})) names.set(normalizePath(p) ?? p, n);

  warnUnsupported(defaults, 'top level', warn);
  const mapped: Mapped[] = [];
  for (const [key, pkg] of Object.entries(packages)) {
    const path = normalizePath(key);
    if (path === null) {
      errors.push(
        source.error(
          'RL101',
          pointer('packages', key),
          `package path \`${key}\` must be relative to the repository root`,
          { key: true },
        ),
      );
      continue;
    }
    const cfg: RpPackage = { ...defaults, ...stripUndefined(pkg) };
    warnUnsupported(pkg, `packages.${key}`, warn);
    const releaseType = cfg['release-type'] ?? 'node';
    const includeComponent = cfg['include-component-in-tag'] ?? true;
    let packageName = cfg['package-name'] ?? (NAME_FROM_FILE.has(releaseType) ? names.get(path) : undefined);
    let component = cfg.component || normalizeComponent(releaseType, packageName ?? '');
    if (!cfg.component && releaseType === 'dotnet-yoshi') component = path.split('/').pop() ?? '';
    if (
      !component &&
      cfg['package-name'] === undefined &&
      NAME_FROM_FILE.has(releaseType) &&
      packageName === undefined
    ) {
      if (includeComponent) {
        const guess = path === '.' ? '' : (path.split('/').pop() ?? '');
        warn(
          'release-please-package-name',
          `${key}: release-type \`${releaseType}\` takes its component from the package name; pass packageNames['${key}'] (read from the package manifest). Guessing \`${guess}\`.`,
        );
        component = guess;
        packageName = undefined;
      }
    }
    // release-please's ruby strategies set their tag separator to `/` whatever the config says
    const separator = RUBY_TYPES.has(releaseType) ? '/' : (cfg['tag-separator'] ?? '-');
    const v = cfg['include-v-in-tag'] === false ? '' : 'v';
    const vName = cfg['include-v-in-release-name'] === false ? '' : 'v';
    const tagComponent = includeComponent ? component : '';
    const versionFiles = releaseTypeVersionFiles({
      releaseType,
      path,
      ...(component ? { component } : {}),
      ...(packageName ? { packageName } : {}),
      ...(typeof cfg['version-file'] === 'string' ? { versionFile: cfg['version-file'] } : {}),
      ...(Array.isArray(cfg['extra-files']) ? { extraFiles: cfg['extra-files'] as RpExtraFile[] } : {}),
      cargoWorkspace: plugins.some((p) => pluginType(p) === 'cargo-workspace'),
    });
    const excludePaths = (cfg['exclude-paths'] ?? []).map((p) => normalizePath(p) ?? p);

    const lane: LaneConfig = {
      name: component || (path === '.' ? 'root' : path),
      paths: [path],
      excludePaths,
      tag: tagComponent ? `{component}${separator}${v}{version}` : `${v}{version}`,
      dependsOn: [],
      versionFiles,
      changelogPath: addPath(path, cfg['changelog-path'] ?? DEFAULT_CHANGELOG_FILE),
      initialVersion: cfg['initial-version'] ?? DEFAULT_INITIAL_VERSION,
      bumpMinorPreMajor: cfg['bump-minor-pre-major'] ?? false,
      bumpPatchForMinorPreMajor: cfg['bump-patch-for-minor-pre-major'] ?? false,
      changelogSections: (cfg['changelog-sections'] ?? DEFAULT_CHANGELOG_SECTIONS).map((s) => ({
        type: s.type,
        section: s.section,
        hidden: s.hidden ?? false,
      })),
      releaseName: tagComponent ? `{component}: ${vName}{version}` : `${vName}{version}`,
      draft: cfg.draft ?? false,
    };
    if (component) lane.component = component;
    const prereleaseType = cfg['prerelease-type'];
    if (prereleaseType && (cfg.versioning === 'prerelease' || cfg.prerelease === true)) {
      lane.prerelease = prereleaseType;
    } else if (cfg.versioning !== undefined && cfg.versioning !== 'default') {
      warn(
        'release-please-unsupported',
        `${key}: versioning \`${cfg.versioning}\` is not supported; using default SemVer bumps`,
      );
    }
    mapped.push({ lane, path, key, ...(packageName ? { packageName } : {}) });
  }

  applyPlugins(plugins, mapped, inputs, warn);

  const lanes = mapped.map((m) => m.lane);
  errors.push(...checkLanes(lanes, source, rpLocator(mapped, raw)));
  if (errors.length > 0) throw new ReleaseLanesErrors(errors);

  const config: RepoConfig = {
    lanes,
    rootMode: 'all',
    separatePullRequests: raw['separate-pull-requests'] ?? mapped.length === 1,
    maintenanceBranches: [],
    source: 'release-please',
    manifestPath: RELEASE_PLEASE_MANIFEST_PATH,
  };
  if (inputs.defaultBranch !== undefined) config.targetBranch = inputs.defaultBranch;
  const laneByPath = Object.fromEntries(mapped.map((m) => [m.path, m.lane.name]));
  return { config, source, warnings, laneByPath };
}

function warnUnsupported(
  cfg: Record<string, unknown>,
  where: string,
  warn: (code: string, message: string) => void,
): void {
  for (const option of UNSUPPORTED) {
    if (cfg[option] !== undefined) {
      warn(
        'release-please-unsupported',
        `${where}: release-please option \`${option}\` has no release-lanes equivalent and is ignored`,
      );
    }
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function applyPlugins(
  plugins: RpPlugin[],
  mapped: Mapped[],
  inputs: ReleasePleaseInputs,
  warn: (code: string, message: string, lane?: string) => void,
): void {
  for (const plugin of plugins) {
    const type = pluginType(plugin);
    if (WORKSPACE_PLUGINS.has(type)) {
      const deps = inputs.packageDependencies;
      if (!deps) {
        warn(
          'release-please-plugin',
          `plugin \`${type}\`: pass packageDependencies to derive depends-on between lanes`,
        );
        continue;
      }
      const byPackage = new Map(
        mapped.filter((m) => m.packageName).map((m) => [m.packageName as string, m.lane.name]),
      );
      for (const m of mapped) {
        const own = deps[m.path] ?? deps[m.key] ?? [];
        for (const dep of own) {
          const lane = byPackage.get(dep);
          if (lane && lane !== m.lane.name && !m.lane.dependsOn.includes(lane)) m.lane.dependsOn.push(lane);
        }
      }
    } else if (type === 'linked-versions' && typeof plugin === 'object') {
      const group = plugin.groupName ?? 'linked';
      for (const component of plugin.components ?? []) {
        const m = mapped.find((x) => x.lane.component === component || x.lane.name === component);
        if (!m)
          warn(
            'release-please-plugin',
            `plugin \`linked-versions\`: no package has the component \`${component}\``,
          );
        else m.lane.group = group;
      }
    } else if (!COSMETIC_PLUGINS.has(type)) {
      warn('release-please-plugin', `plugin \`${type}\` has no release-lanes equivalent and is ignored`);
    }
  }
}

function rpLocator(mapped: Mapped[], raw: RpConfig): LaneLocator {
  return (i, field) => {
    const m = mapped[i];
    if (!m) return { pointer: '' };
    const pkg = raw.packages[m.key] ?? {};
    if (field === 'depends-on' || field === 'group') return { pointer: pointer('plugins') };
    if (field === 'name' && pkg.component !== undefined)
      return { pointer: pointer('packages', m.key, 'component') };
    if (field === 'initial-version') {
      if (pkg['initial-version'] !== undefined)
        return { pointer: pointer('packages', m.key, 'initial-version') };
      if (raw['initial-version'] !== undefined) return { pointer: pointer('initial-version') };
    }
    return { pointer: pointer('packages', m.key), key: true };
  };
}
