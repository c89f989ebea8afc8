/** `.github/release-lanes.yml` → RepoConfig, every default resolved. */
import { isSelectorKind, SELECTOR_KINDS } from '../core/version-file-kinds.js';
import type {
  ChangelogSection,
  ChannelRule,
  LaneConfig,
  RepoConfig,
  SnapshotPolicy,
  TagPolicy,
  VersionFile,
} from '../core/types.js';
import { ReleaseLanesError, ReleaseLanesErrors } from '../errors.js';
import {
  DEFAULT_CHANGELOG_FILE,
  DEFAULT_CHANGELOG_SECTIONS,
  DEFAULT_INITIAL_VERSION,
  RELEASE_LANES_CONFIG_PATH,
  RELEASE_LANES_MANIFEST_PATH,
} from './defaults.js';
import { joinPath, normalizePath, staticBase } from './paths.js';
import { checkLanes, type LaneLocator } from './semantic.js';
import { parseYamlSource, pointer, type SourceFile } from './source.js';
import { validateSchema } from './validate-schema.js';

interface RawSection {
  type: string;
  section: string;
  hidden?: boolean;
}
interface RawShared {
  'bump-minor-pre-major'?: boolean;
  'bump-patch-for-minor-pre-major'?: boolean;
  'initial-version'?: string;
  'changelog-sections'?: RawSection[];
  draft?: boolean;
  release?: boolean | 'draft';
  'release-name'?: string;
  'changelog-empty-entries'?: boolean;
}
interface RawSnapshotRule {
  moving?: string[];
  commit?: string;
}
interface RawLane extends RawShared {
  name: string;
  path: string | string[];
  'exclude-paths'?: string[];
  tag?: string;
  'depends-on'?: string[];
  'version-files'?: VersionFile[];
  'changelog-path'?: string;
  prerelease?: string;
  component?: string;
  group?: string;
  channels?: (Omit<ChannelRule, 'followStable'> & { 'follow-stable'?: boolean })[];
  supported?: string;
  rebuild?: { tag: string; moves?: string[] };
  snapshots?: {
    branches?: Record<string, RawSnapshotRule>;
    'other-branches'?: RawSnapshotRule & { patterns: string[] };
  };
}
interface RawConfig extends RawShared {
  'root-mode'?: 'all' | 'unclaimed';
  'separate-pull-requests'?: boolean;
  branch?: string;
  'maintenance-branches'?: string[];
  'latest-lanes'?: string[];
  lanes: RawLane[];
}

/** Pointer of a lane field inside release-lanes.yml; inherited repo-level values point at the top level. */
function yamlLocator(raw: RawConfig): LaneLocator {
  return (i, field, ...sub) => {
    if (field === 'lane') return { pointer: pointer('lanes', i) };
    const lane = raw.lanes[i] as unknown as Record<string, unknown> | undefined;
    if (lane && !(field in lane) && field in raw) return { pointer: pointer(field, ...sub) };
    return { pointer: pointer('lanes', i, field, ...sub) };
  };
}

function sections(raw: RawSection[] | undefined, fallback: readonly ChangelogSection[]): ChangelogSection[] {
  return (raw ?? fallback).map((s) => ({ type: s.type, section: s.section, hidden: s.hidden ?? false }));
}

function defaultTag(lane: RawLane, firstPath: string, all: RawLane[]): string {
  const isGoModule = (lane['version-files'] ?? []).some((f) => f.kind === 'go');
  if (isGoModule && firstPath !== '.') return '{path}/v{version}';
  if (lane.group !== undefined) {
    return all.every((l) => l.group === lane.group) ? 'v{version}' : '{group}-v{version}';
  }
  return all.length === 1 ? 'v{version}' : '{lane}-v{version}';
}

function tagPolicy(lane: RawLane): TagPolicy | undefined {
  if (!lane.channels && !lane.supported && !lane.rebuild && !lane.snapshots) return undefined;
  const policy: TagPolicy = {
    channels: (lane.channels ?? []).map((c) => ({
      tag: c.tag,
      track: c.track,
      ...(c.prerelease !== undefined ? { prerelease: c.prerelease } : {}),
      ...(c['follow-stable'] !== undefined ? { followStable: c['follow-stable'] } : {}),
    })),
  };
  if (lane.supported !== undefined) policy.supported = lane.supported;
  if (lane.rebuild) policy.rebuild = { tag: lane.rebuild.tag, moves: lane.rebuild.moves ?? [] };
  if (lane.snapshots) {
    const snapshot: SnapshotPolicy = { branches: {} };
    for (const [branch, rule] of Object.entries(lane.snapshots.branches ?? {})) {
      snapshot.branches[branch] = {
        moving: rule.moving ?? [],
        ...(rule.commit ? { commit: rule.commit } : {}),
      };
    }
    const other = lane.snapshots['other-branches'];
    if (other) {
      snapshot.otherBranches = {
        patterns: other.patterns,
        moving: other.moving ?? [],
        ...(other.commit ? { commit: other.commit } : {}),
      };
    }
    policy.snapshot = snapshot;
  }
  return policy;
}

/** Normalises a list of paths, reporting absolute or escaping ones as RL101. */
/** A `json`/`yaml`/`toml` file needs a `jsonpath`, an `xml` file an `xpath`, and no other kind takes either. */
function selectorProblem(f: VersionFile): string | undefined {
  const wanted = isSelectorKind(f.kind) ? SELECTOR_KINDS[f.kind] : undefined;
  for (const key of ['jsonpath', 'xpath'] as const) {
    const given = key in f;
    if (given && key !== wanted) return `a \`${f.kind}\` version file takes no \`${key}\``;
    if (!given && key === wanted) return `a \`${f.kind}\` version file needs a \`${key}\``;
  }
  return undefined;
}

function paths(
  source: SourceFile,
  errors: ReleaseLanesError[],
  list: string[],
  ptr: (j: number) => string,
  what: string,
): string[] {
  const out: string[] = [];
  list.forEach((p, j) => {
    const n = normalizePath(p);
    if (n === null) {
      errors.push(
        source.error(
          'RL101',
          ptr(j),
          `${what} \`${p}\` must be relative to the repository root and stay inside it`,
        ),
      );
    } else if (!out.includes(n)) {
      out.push(n);
    }
  });
  return out;
}

function mapLane(
  raw: RawLane,
  i: number,
  cfg: RawConfig,
  source: SourceFile,
  errors: ReleaseLanesError[],
): LaneConfig {
  const rawPaths = Array.isArray(raw.path) ? raw.path : [raw.path];
  const lanePaths = paths(
    source,
    errors,
    rawPaths,
    (j) => (Array.isArray(raw.path) ? pointer('lanes', i, 'path', j) : pointer('lanes', i, 'path')),
    'path',
  );
  const first = lanePaths[0] ?? '.';
  const exclude = paths(
    source,
    errors,
    raw['exclude-paths'] ?? [],
    (j) => pointer('lanes', i, 'exclude-paths', j),
    'exclude path',
  );
  (raw['version-files'] ?? []).forEach((f, j) => {
    const problem = selectorProblem(f);
    if (problem) errors.push(source.error('RL121', pointer('lanes', i, 'version-files', j), problem));
  });
  const versionFiles: VersionFile[] = (raw['version-files'] ?? []).map((f, j) => ({
    ...f,
    path:
      paths(
        source,
        errors,
        [f.path],
        () => pointer('lanes', i, 'version-files', j, 'path'),
        'version file',
      )[0] ?? f.path,
  }));
  const changelog =
    raw['changelog-path'] !== undefined
      ? (paths(
          source,
          errors,
          [raw['changelog-path']],
          () => pointer('lanes', i, 'changelog-path'),
          'changelog path',
        )[0] ?? raw['changelog-path'])
      : joinPath(staticBase(first), DEFAULT_CHANGELOG_FILE);

  const lane: LaneConfig = {
    name: raw.name,
    paths: lanePaths,
    excludePaths: exclude,
    tag: raw.tag ?? defaultTag(raw, first, cfg.lanes),
    dependsOn: [...new Set(raw['depends-on'] ?? [])],
    versionFiles,
    changelogPath: changelog,
    initialVersion: raw['initial-version'] ?? cfg['initial-version'] ?? DEFAULT_INITIAL_VERSION,
    bumpMinorPreMajor: raw['bump-minor-pre-major'] ?? cfg['bump-minor-pre-major'] ?? false,
    bumpPatchForMinorPreMajor:
      raw['bump-patch-for-minor-pre-major'] ?? cfg['bump-patch-for-minor-pre-major'] ?? false,
    changelogSections: sections(
      raw['changelog-sections'] ?? cfg['changelog-sections'],
      DEFAULT_CHANGELOG_SECTIONS,
    ),
    draft: raw.draft ?? cfg.draft ?? false,
  };
  const releaseName = raw['release-name'] ?? cfg['release-name'];
  if (releaseName !== undefined) lane.releaseName = releaseName;
  const release = raw.release ?? cfg.release;
  if (release !== undefined) {
    if (lane.draft && release !== 'draft') {
      errors.push(
        source.error(
          'RL101',
          pointer(...('release' in raw ? ['lanes', i, 'release'] : ['release'])),
          `\`release: ${String(release)}\` contradicts \`draft: true\`; use \`release: draft\` alone`,
        ),
      );
    }
    lane.release = release;
  }
  const empty = raw['changelog-empty-entries'] ?? cfg['changelog-empty-entries'];
  if (empty !== undefined) lane.changelogEmptyEntries = empty;
  if (raw.prerelease !== undefined) lane.prerelease = raw.prerelease;
  if (raw.component !== undefined) lane.component = raw.component;
  if (raw.group !== undefined) lane.group = raw.group;
  (raw.channels ?? []).forEach((c, j) => {
    if (c['follow-stable'] !== undefined && c.track !== 'prerelease') {
      errors.push(
        source.error(
          'RL101',
          pointer('lanes', i, 'channels', j, 'follow-stable'),
          `\`follow-stable\` only applies to \`track: prerelease\` channels (channel \`${c.tag}\` tracks ${c.track})`,
        ),
      );
    }
  });
  const policy = tagPolicy(raw);
  if (policy) lane.tagPolicy = policy;
  return lane;
}

/** Parses and validates release-lanes.yml. Throws ReleaseLanesErrors with every problem found. */
export function parseReleaseLanesConfig(
  text: string,
  opts: { defaultBranch?: string } = {},
): {
  config: RepoConfig;
  source: SourceFile;
} {
  const source = parseYamlSource(RELEASE_LANES_CONFIG_PATH, text);
  const schemaErrors = validateSchema(source);
  if (schemaErrors.length > 0) throw new ReleaseLanesErrors(schemaErrors);
  const raw = source.data as RawConfig;
  const errors: ReleaseLanesError[] = [];
  const lanes = raw.lanes.map((l, i) => mapLane(l, i, raw, source, errors));
  errors.push(...checkLanes(lanes, source, yamlLocator(raw)));
  if (errors.length > 0) throw new ReleaseLanesErrors(dedupe(errors));
  const config: RepoConfig = {
    lanes,
    rootMode: raw['root-mode'] ?? 'all',
    separatePullRequests: raw['separate-pull-requests'] ?? false,
    maintenanceBranches: raw['maintenance-branches'] ?? [],
    source: 'release-lanes',
    manifestPath: RELEASE_LANES_MANIFEST_PATH,
  };
  if (raw['latest-lanes'] !== undefined) {
    const names = new Set(lanes.flatMap((l) => (l.group ? [l.name, l.group] : [l.name])));
    raw['latest-lanes'].forEach((name, j) => {
      if (!names.has(name)) {
        errors.push(
          source.error(
            'RL111',
            pointer('latest-lanes', j),
            `\`latest-lanes\` names \`${name}\`, which is neither a lane nor a group`,
          ),
        );
      }
    });
    if (errors.length > 0) throw new ReleaseLanesErrors(errors);
    config.latestLanes = raw['latest-lanes'];
  }
  const target = raw.branch ?? opts.defaultBranch;
  if (target !== undefined) config.targetBranch = target;
  return { config, source };
}

/** A problem in an inherited repo-level value is reported once, not once per lane. */
export function dedupe(errors: ReleaseLanesError[]): ReleaseLanesError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    if (seen.has(e.message)) return false;
    seen.add(e.message);
    return true;
  });
}
