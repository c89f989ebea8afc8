/**
 * Reads a release-please repository unchanged: `release-please-config.json` → lanes that produce the same
 * tag names (`<component><separator>v<version>`) and next versions release-please would.
 * Mirrors release-please's src/manifest.ts (mergeReleaserConfig) and src/strategies/base.ts (getComponent).
 */
import semver from 'semver';
import type { LaneConfig, LanePrOptions, RepoConfig, Warning, WorkspaceDependency } from '../core/types.js';
import { ReleaseLanesError as CodedError, ReleaseLanesErrors, type ReleaseLanesError } from '../errors.js';
import {
  DEFAULT_CHANGELOG_FILE,
  DEFAULT_INITIAL_VERSION,
  RELEASE_PLEASE_CONFIG_PATH,
  RELEASE_PLEASE_MANIFEST_PATH,
} from './defaults.js';
import { normalizePath } from './paths.js';
import { releasePleaseKeyErrors } from './release-please-keys.js';
import { labelList, releasePleasePrStyle } from './release-please-style.js';
import {
  FILTER_COMMITS_SECTIONS,
  PYTHON_SECTIONS,
  RELEASE_PLEASE_TYPES,
  RUBY_YOSHI_SECTIONS,
  typeChangelogSections,
} from './release-please-types.js';
import { didYouMean } from './suggest.js';
import {
  releaseTypeChangelogJson,
  releaseTypeDiscoverRules,
  releaseTypeVersionFiles,
  type ReleaseTypeFilesInput,
  type RpExtraFile,
} from './release-please-files.js';
import { checkLanes, type LaneLocator } from './semantic.js';
import { parseJsonSource, pointer, type SourceFile } from './source.js';
import { schemaErrors, schemaValidator } from './validate-schema.js';

export interface ReleasePleaseInputs {
  /**
   * Package path → package name read from the package's manifest file (package.json `name` for node,
   * Cargo.toml `[package].name` for rust, Chart.yaml `name` for helm,
   * pubspec.yaml for dart). release-please derives the default component from it.
   */
  packageNames?: Record<string, string>;
  /**
   * Python packages: package path → pyproject.toml `project.name` (else `tool.poetry.name`), `null` when
   * that table has no name; a package without such a table is absent (release-please's python strategy
   * then names its `__init__.py` files after the component).
   */
  pyprojectNames?: Record<string, string | null>;
  /** Package path → names of the packages it depends on; used by the node-/cargo-/maven-workspace plugins. */
  packageDependencies?: Record<string, string[]>;
  /** Package path → its package.json requirements (node-workspace: the changelog's dependency lines). */
  dependencyRanges?: Record<string, Omit<WorkspaceDependency, 'lane'>[]>;
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
  'release-as'?: string;
  'skip-github-release'?: boolean;
  'skip-changelog'?: boolean;
  'changelog-host'?: string;
  'include-commit-authors'?: boolean;
  'pull-request-title-pattern'?: string;
  'pull-request-header'?: string;
  'pull-request-footer'?: string;
  'draft-pull-request'?: boolean;
  'component-no-space'?: boolean;
  [key: string]: unknown;
}
type RpPlugin = string | { type: string; groupName?: string; components?: string[]; [key: string]: unknown };
interface RpConfig extends RpPackage {
  packages: Record<string, RpPackage>;
  plugins?: RpPlugin[];
  'separate-pull-requests'?: boolean;
  'bootstrap-sha'?: string;
  'last-release-sha'?: string;
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
  'release-as': str,
  'skip-github-release': bool,
  'skip-changelog': bool,
  'changelog-type': str,
  'changelog-host': str,
  'include-commit-authors': bool,
  'pull-request-title-pattern': str,
  'pull-request-header': str,
  'pull-request-footer': str,
  'draft-pull-request': bool,
  'component-no-space': bool,
  'force-tag-creation': bool,
  'always-update': bool,
  'date-format': str,
  'extra-label': str,
  'snapshot-label': str,
  'skip-snapshot': bool,
};
/** The subset of release-please's schema (schemas/config.json upstream) that affects lanes. */
export const RELEASE_PLEASE_SCHEMA = {
  type: 'object',
  required: ['packages'],
  properties: {
    ...packageProps,
    'bootstrap-sha': str,
    'last-release-sha': str,
    'always-link-local': bool,
    signoff: str,
    'group-pull-request-title-pattern': str,
    label: str,
    'release-label': str,
    'release-search-depth': { type: 'number' },
    'commit-search-depth': { type: 'number' },
    'commit-batch-size': { type: 'number' },
    'sequential-calls': bool,
    packages: { type: 'object', additionalProperties: { type: 'object', properties: packageProps } },
    plugins: {
      type: 'array',
      items: { anyOf: [str, { type: 'object', required: ['type'], properties: { type: str } }] },
    },
  },
};
const validateRp = schemaValidator('release-please', RELEASE_PLEASE_SCHEMA);

/** Release types whose default package name is read from a file in the package. */
const NAME_FROM_FILE = new Set(['node', 'expo', 'rust', 'helm', 'dart']);
const NODE_LIKE = new Set(['node', 'expo']);
const RUBY_TYPES = new Set(['ruby', 'ruby-yoshi']);
/** release-please's Java strategies honoured here: SNAPSHOT bumps unless `skip-snapshot: true`. */
const JAVA_TYPES = new Set(['java', 'maven']);
const WORKSPACE_PLUGINS = new Set(['node-workspace', 'cargo-workspace', 'maven-workspace']);

function pluginType(p: RpPlugin): string {
  return typeof p === 'string' ? p : p.type;
}

/** release-please's `normalizeComponent`: node strips the npm scope (`@acme/sdk` → `sdk`). */
function normalizeComponent(releaseType: string, name: string): string {
  return NODE_LIKE.has(releaseType) && /^@[\w-]+\//.test(name) ? (name.split('/')[1] ?? name) : name;
}

const sectionsOf = (sections: readonly RpSection[]) =>
  sections.map((s) => ({ type: s.type, section: s.section, hidden: s.hidden ?? false }));

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
  const errors: ReleaseLanesError[] = releasePleaseKeyErrors(source);
  const warn = (code: string, message: string, lane?: string) =>
    warnings.push({ code, message, ...(lane ? { lane } : {}) });

  const { packages, plugins = [], ...defaults } = raw;
  const names = new Map<string, string>();
  for (const [p, n] of Object.entries(inputs.packageNames ?? {})) names.set(normalizePath(p) ?? p, n);
  const pyprojectNames = new Map<string, string | null>();
  for (const [p, n] of Object.entries(inputs.pyprojectNames ?? {}))
    pyprojectNames.set(normalizePath(p) ?? p, n);

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
    const releaseType = cfg['release-type'] ?? 'node';
    const typeError = releaseTypeError(releaseType, cfg, source, pkg, key);
    if (typeError) {
      errors.push(typeError);
      continue;
    }
    const includeComponent = cfg['include-component-in-tag'] ?? true;
    let packageName = cfg['package-name'] ?? (NAME_FROM_FILE.has(releaseType) ? names.get(path) : undefined);
    let component = cfg.component || normalizeComponent(releaseType, packageName ?? '');
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
    const pyprojectName = pyprojectNames.has(path) ? pyprojectNames.get(path) : undefined;
    const typeInput: ReleaseTypeFilesInput = {
      releaseType,
      path,
      ...(component ? { component } : {}),
      ...(packageName ? { packageName } : {}),
      ...(pyprojectName !== undefined ? { projectName: pyprojectName } : {}),
      ...(typeof cfg['version-file'] === 'string' ? { versionFile: cfg['version-file'] } : {}),
      ...(Array.isArray(cfg['extra-files']) ? { extraFiles: cfg['extra-files'] as RpExtraFile[] } : {}),
      cargoWorkspace: plugins.some((p) => pluginType(p) === 'cargo-workspace'),
    };
    const versionFiles = releaseTypeVersionFiles(typeInput);
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
      // ruby-yoshi writes its own sections whatever `changelog-sections` says
      changelogSections:
        releaseType === 'ruby-yoshi'
          ? RUBY_YOSHI_SECTIONS.map((s) => ({ ...s }))
          : sectionsOf(cfg['changelog-sections'] ?? typeChangelogSections(releaseType)),
      releaseName: tagComponent ? `{component}: ${vName}{version}` : `${vName}{version}`,
      draft: cfg.draft ?? false,
    };
    if (component) lane.component = component;
    const changelogJson = releaseTypeChangelogJson({
      ...typeInput,
      packageNameSet: cfg['package-name'] !== undefined,
      skipChangelog: cfg['skip-changelog'] === true,
    });
    if (changelogJson) {
      // util/filter-commits.ts: the strategy's sections (python's own), else its default without `deps`
      const sections =
        cfg['changelog-sections'] ?? (releaseType === 'python' ? PYTHON_SECTIONS : FILTER_COMMITS_SECTIONS);
      lane.changelogJson = { ...changelogJson, sections: sectionsOf(sections) };
    }
    if (releaseType === 'ruby-yoshi') lane.changelogStyle = 'ruby-yoshi';
    if (JAVA_TYPES.has(releaseType) && cfg['skip-snapshot'] !== true) lane.snapshotBumps = true;
    const discover = releaseTypeDiscoverRules(releaseType, path);
    if (discover.length > 0) lane.discoverFiles = discover;
    const prereleaseType = cfg['prerelease-type'];
    if (prereleaseType && (cfg.versioning === 'prerelease' || cfg.prerelease === true)) {
      lane.prerelease = prereleaseType;
    }
    Object.assign(lane, laneOptions(cfg, tagComponent));
    const releaseAs = cfg['release-as'];
    if (releaseAs !== undefined && releaseAs !== '' && !semver.valid(releaseAs)) {
      const where =
        pkg['release-as'] !== undefined ? pointer('packages', key, 'release-as') : pointer('release-as');
      errors.push(source.error('RL108', where, `release-as \`${releaseAs}\` is not a SemVer version`));
    }
    mapped.push({ lane, path, key, ...(packageName ? { packageName } : {}) });
  }

  applyPlugins(plugins, mapped, inputs, warn);
  const mavenWorkspace = plugins.findIndex((p) => pluginType(p) === 'maven-workspace');
  const snapshotting = mapped.filter((m) => m.lane.snapshotBumps).map((m) => `\`${m.key}\``);
  if (mavenWorkspace >= 0 && snapshotting.length > 0) {
    errors.push(
      new CodedError(
        'RL132',
        `release-please plugin \`maven-workspace\` with Java SNAPSHOT bumps (package ${snapshotting.join(', ')}) is not supported by release-lanes`,
        source.locate(pointer('plugins', mavenWorkspace)),
        'Set `"skip-snapshot": true` (top level or on each Java package), or remove the `maven-workspace` plugin.',
      ),
    );
  }

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
    releasePr: releasePleasePrStyle(raw),
  };
  const history = { bootstrapSha: raw['bootstrap-sha'], lastReleaseSha: raw['last-release-sha'] };
  if (history.bootstrapSha !== undefined || history.lastReleaseSha !== undefined)
    config.history = stripUndefined(history);
  const sentenceCase = plugins.find((p) => pluginType(p) === 'sentence-case');
  if (sentenceCase !== undefined) {
    const words = typeof sentenceCase === 'object' ? sentenceCase.specialWords : undefined;
    config.sentenceCase = Array.isArray(words) ? words.map(String) : ['gRPC', 'npm'];
  }
  if (inputs.defaultBranch !== undefined) config.targetBranch = inputs.defaultBranch;
  const laneByPath = Object.fromEntries(mapped.map((m) => [m.path, m.lane.name]));
  return { config, source, warnings, laneByPath };
}

/**
 * RL134 for a release type release-lanes does not write as release-please would: a refused type, or an
 * unknown one (did-you-mean).
 */
function releaseTypeError(
  releaseType: string,
  cfg: RpPackage,
  source: SourceFile,
  pkg: RpPackage,
  key: string,
): ReleaseLanesError | undefined {
  const where =
    pkg['release-type'] !== undefined ? pointer('packages', key, 'release-type') : pointer('release-type');
  const at = source.locate(where);
  const spec = RELEASE_PLEASE_TYPES[releaseType];
  if (!spec) {
    return new CodedError(
      'RL134',
      `unknown release-please release type \`${releaseType}\` (package \`${key}\`)${didYouMean(releaseType, Object.keys(RELEASE_PLEASE_TYPES))}`,
      at,
    );
  }
  if (spec.status === 'refused') {
    return new CodedError(
      'RL134',
      `release-please release type \`${releaseType}\` (package \`${key}\`) is not supported by release-lanes`,
      at,
      `${spec.instead!.charAt(0).toUpperCase()}${spec.instead!.slice(1)}.`,
    );
  }
  return undefined;
}

/** The per-lane options that are not about versions or tags (PR texts, Releases, changelog links). */
function laneOptions(cfg: RpPackage, titleComponent: string): Partial<LaneConfig> {
  const out: Partial<LaneConfig> = {};
  const pr: LanePrOptions = stripUndefined({
    titlePattern: cfg['pull-request-title-pattern'],
    header: cfg['pull-request-header'],
    footer: cfg['pull-request-footer'],
    draft: cfg['draft-pull-request'],
    componentNoSpace: cfg['component-no-space'],
    snapshotLabels: labelList(cfg['snapshot-label']),
  });
  out.releasePr = { ...pr, titleComponent };
  if (cfg['skip-github-release'] === true) out.skipGithubRelease = true;
  if (cfg['skip-changelog'] === true) out.skipChangelog = true;
  if (cfg['release-as']) out.releaseAs = cfg['release-as'];
  if (cfg['changelog-host']) out.changelogHost = cfg['changelog-host'].replace(/\/+$/, '');
  if (cfg['include-commit-authors'] === true) out.includeCommitAuthors = true;
  return out;
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
        if (type !== 'node-workspace') continue;
        const ranges = (inputs.dependencyRanges?.[m.path] ?? inputs.dependencyRanges?.[m.key] ?? []).flatMap(
          (r) => {
            const lane = byPackage.get(r.name);
            return lane && lane !== m.lane.name ? [{ ...r, lane }] : [];
          },
        );
        if (ranges.length > 0) m.lane.workspaceDependencies = ranges;
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
    }
    // sentence-case: RepoConfig.sentenceCase; anything else was refused by releasePleaseKeyErrors (RL132)
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
