/**
 * The files a release PR changes, computed from the plan and the files' current text. Pure: no I/O.
 *
 * - the manifest (`config.manifestPath`: `.release-lanes-manifest.json`, or `.release-please-manifest.json`
 *   for a release-please config) gets each released lane's new version; indentation and key order kept;
 * - each released lane's changelog gets the new entry prepended (`prependChangelog`, existing text kept);
 * - each lane's version files go through the updaters, with the new versions of the other lanes released
 *   in the same plan (by package name) so internal dependency ranges move too;
 * - npm lockfiles next to a lane's `package.json` and at the repository root are updated when they hold
 *   the package (found automatically; a lockfile listed in `version-files` is updated like any other);
 * - a lane due for its Java SNAPSHOT bump gets its version files (not the released-only `java-released`
 *   markers) set to the `-SNAPSHOT` version, and nothing else: no changelog, no manifest.
 */
import type { LaneConfig, ReleasePlan, RepoConfig } from '../core/types.js';
import { ReleaseLanesError } from '../errors.js';
import { prependChangelog } from '../render/changelog.js';
import { groupEntry, hasNotes, type MemberEntry } from '../render/group-entry.js';
import { updateChangelogJson } from '../updaters/changelog-json.js';
import { applyUpdater, type UpdaterContext } from '../updaters/index.js';
import { findScalar, scanToml } from '../updaters/shared/toml-scan.js';
import { expoSdkVersion, selectorOf } from './version-file-context.js';

const LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json'];

/** Updaters release-please runs only for a released version, never for a SNAPSHOT one (JavaReleased). */
const releasedOnly = (vf: { kind: string }): boolean => vf.kind === 'java-released';

const dirOf = (path: string): string => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
const join = (dir: string, name: string): string => (dir === '' || dir === '.' ? name : `${dir}/${name}`);
const isLockfile = (path: string): boolean => LOCKFILES.includes(path.split('/').pop() ?? '');

/** Lockfiles that may hold the packages of a lane's package.json files (read them; absent is fine). */
function lockfileCandidates(lane: LaneConfig): string[] {
  const out = new Set<string>();
  for (const vf of lane.versionFiles) {
    if (vf.kind !== 'package-json' || isLockfile(vf.path)) continue;
    for (const name of LOCKFILES) {
      out.add(join(dirOf(vf.path), name));
      out.add(name);
    }
  }
  for (const vf of lane.versionFiles) out.delete(vf.path);
  return [...out];
}

/** release-please's machine-readable changelog, at the repository root. */
export const CHANGELOG_JSON = 'changelog.json';

/** Every path a release of `lane` may write (manifest excluded), and the file naming its changelog.json artifact. */
export function laneFilePaths(lane: LaneConfig): string[] {
  const json = lane.changelogJson;
  return [
    ...new Set([
      lane.changelogPath,
      ...lane.versionFiles.map((v) => v.path),
      ...lockfileCandidates(lane),
      ...(json ? [CHANGELOG_JSON, ...(json.artifactFrom ? [json.artifactFrom.path] : [])] : []),
    ]),
  ];
}

/** Every path a release of these lanes may write or needs to read, manifest included, sorted. */
export function releaseFilePaths(config: RepoConfig, lanes: readonly string[]): string[] {
  const byName = new Map(config.lanes.map((l) => [l.name, l]));
  const out = new Set<string>([config.manifestPath]);
  for (const name of lanes) {
    const lane = byName.get(name);
    if (lane) for (const p of laneFilePaths(lane)) out.add(p);
  }
  return [...out].sort();
}

/** Paths to read for a plan: files of the released lanes and of the lanes they depend on (package names). */
export function planReadPaths(plan: ReleasePlan, config: RepoConfig): string[] {
  const lanes = new Set<string>();
  for (const r of plan.releases) {
    lanes.add(r.lane);
    for (const d of r.dependencyUpdates) lanes.add(d.lane);
  }
  for (const b of plan.snapshotBumps ?? []) lanes.add(b.lane);
  return releaseFilePaths(config, [...lanes]);
}

/** The package name a lane publishes, from its package.json / Cargo.toml, else its component. */
export function lanePackageName(lane: LaneConfig, files: Record<string, string | null>): string | undefined {
  for (const vf of lane.versionFiles) {
    const text = files[vf.path];
    if (typeof text !== 'string') continue;
    if (vf.kind === 'package-json' && !isLockfile(vf.path)) {
      try {
        const name = (JSON.parse(text) as { name?: unknown }).name;
        if (typeof name === 'string' && name !== '') return name;
      } catch {
        /* the updater reports a broken package.json */
      }
    }
    if (vf.kind === 'cargo-toml') {
      try {
        const name = findScalar(scanToml(text, vf.path), ['package', 'name']).find(
          (s) => s.kind === 'string',
        );
        if (name) return name.value;
      } catch {
        /* the updater reports a broken Cargo.toml */
      }
    }
  }
  return lane.component;
}

/**
 * path → new content for every file the release changes (files whose content would not change are left
 * out). `currentFiles` holds the current text of the paths from `planReadPaths` (null = absent).
 * Throws RL120 when a listed version file is missing or has no version, RL110 for a broken manifest.
 */
export function releaseFiles(
  plan: ReleasePlan,
  config: RepoConfig,
  currentFiles: Record<string, string | null>,
): Record<string, string> {
  const byName = new Map(config.lanes.map((l) => [l.name, l]));
  const laneOf = (name: string): LaneConfig => {
    const lane = byName.get(name);
    if (!lane)
      throw new ReleaseLanesError('RL111', `the plan releases "${name}", which the config does not have`);
    return lane;
  };
  const out: Record<string, string> = {};
  const current = (path: string): string | null => out[path] ?? currentFiles[path] ?? null;

  // New versions by package name: lanes released here and the dependencies they were bumped for.
  const dependencyVersions: Record<string, string> = {};
  const addVersion = (laneName: string, version: string) => {
    const name = lanePackageName(laneOf(laneName), currentFiles);
    if (name !== undefined) dependencyVersions[name] = version;
  };
  for (const r of plan.releases) for (const d of r.dependencyUpdates) addVersion(d.lane, d.version);
  for (const r of plan.releases) addVersion(r.lane, r.version);

  for (const [path, entry] of changelogEntries(plan, laneOf)) {
    out[path] = prependChangelog(current(path), entry);
  }
  for (const r of plan.releases) {
    const lane = laneOf(r.lane);
    const packageName = lanePackageName(lane, currentFiles);
    const ctx = {
      lane: lane.name,
      ...(packageName !== undefined ? { packageName } : {}),
      dependencyVersions,
    };
    writeVersionFiles(lane, r.version, ctx, current, out, currentFiles);
    // Lockfiles found next to the package (or at the root): updated only when they hold this package.
    if (packageName === undefined) continue;
    for (const path of lockfileCandidates(lane)) {
      const text = current(path);
      if (text === null) continue;
      try {
        out[path] = applyUpdater('package-json', text, r.version, ctx, path);
      } catch (e) {
        if (!(e instanceof ReleaseLanesError && e.code === 'RL120')) throw e;
      }
    }
  }

  // release-please's changelog.json: updated when it exists, one entry per release (in release order)
  for (const r of plan.releases) {
    const target = laneOf(r.lane).changelogJson;
    const text = current(CHANGELOG_JSON);
    if (!target || !r.changelogJson || text === null) continue;
    const artifactName = target.artifactName ?? artifactNameFrom(target, currentFiles);
    if (!artifactName) continue;
    out[CHANGELOG_JSON] = updateChangelogJson(
      text,
      { ...r.changelogJson, version: r.version, language: target.language, artifactName },
      CHANGELOG_JSON,
    );
  }

  for (const b of plan.snapshotBumps ?? []) {
    const lane = laneOf(b.lane);
    const packageName = lanePackageName(lane, currentFiles);
    const ctx = {
      lane: lane.name,
      ...(packageName !== undefined ? { packageName } : {}),
      dependencyVersions: {},
    };
    const snapshotFiles = { ...lane, versionFiles: lane.versionFiles.filter((vf) => !releasedOnly(vf)) };
    writeVersionFiles(snapshotFiles, b.version, ctx, current, out, currentFiles);
  }

  if (plan.releases.length > 0) {
    out[config.manifestPath] = updateManifest(
      config,
      current(config.manifestPath),
      plan.releases.map((r) => ({ lane: laneOf(r.lane), version: r.version })),
    );
  }

  for (const [path, text] of Object.entries(out)) if (text === currentFiles[path]) delete out[path];
  return out;
}

/** release-please's changelog.json artifact name read at release time: package.json `name`, setup.py `name = '…'`. */
function artifactNameFrom(
  target: NonNullable<LaneConfig['changelogJson']>,
  files: Record<string, string | null>,
): string | undefined {
  const from = target.artifactFrom;
  const text = from ? files[from.path] : null;
  if (!from || typeof text !== 'string') return undefined;
  if (from.kind === 'setup-py') return /name *= *['"](?<name>.*)['"](\r|\n|$)/.exec(text)?.groups?.name;
  try {
    const name = (JSON.parse(text) as { name?: unknown }).name;
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined; // the package.json updater reports it
  }
}

/**
 * The entry each changelog file gets, in release order. A lane alone: its entry. Members of a lockstep group
 * writing to one file: one group entry (a sub-heading per member with changes). An entry with nothing to
 * list is left out unless the lane sets `changelog-empty-entries`.
 */
export function changelogEntries(
  plan: ReleasePlan,
  laneOf: (name: string) => LaneConfig,
): [path: string, entry: string][] {
  const buckets = new Map<string, { path: string; lanes: LaneConfig[]; members: MemberEntry[] }>();
  for (const r of plan.releases) {
    const lane = laneOf(r.lane);
    if (lane.skipChangelog) continue; // release-please `skip-changelog`: no changelog file for this lane
    const key = `${lane.changelogPath}\0${lane.group ?? `lane:${lane.name}`}`;
    const bucket = buckets.get(key) ?? { path: lane.changelogPath, lanes: [], members: [] };
    bucket.lanes.push(lane);
    bucket.members.push({ lane: lane.name, entry: r.changelog });
    buckets.set(key, bucket);
  }
  const out: [string, string][] = [];
  for (const b of buckets.values()) {
    const keepEmpty = b.lanes.some((l) => l.changelogEmptyEntries === true);
    const entry =
      b.members.length === 1
        ? hasNotes(b.members[0]!.entry) || keepEmpty
          ? b.members[0]!.entry
          : null
        : groupEntry(b.members, keepEmpty);
    if (entry !== null) out.push([b.path, entry]);
  }
  return out;
}

/**
 * Run each version file of a lane through its updater, in order (several updaters may edit one path).
 * A missing or version-less `optional` file is skipped; of `alternative` entries for one path at least
 * one must match; anything else that cannot be updated is RL120.
 */
function writeVersionFiles(
  lane: LaneConfig,
  version: string,
  ctx: UpdaterContext,
  current: (path: string) => string | null,
  out: Record<string, string>,
  currentFiles: Record<string, string | null>,
): void {
  const alternatives = new Map<string, { matched: boolean; error?: unknown }>();
  for (const vf of lane.versionFiles) {
    const text = current(vf.path);
    if (text === null) {
      if (vf.optional) continue;
      throw new ReleaseLanesError(
        'RL120',
        `version file ${vf.path} of lane ${lane.name} does not exist on the default branch`,
        { file: vf.path },
        'Fix the path in `version-files`, or add the file.',
      );
    }
    const fileCtx: UpdaterContext = { ...ctx, ...selectorOf(vf), ...expoSdkVersion(vf, currentFiles) };
    try {
      out[vf.path] = applyUpdater(vf.kind, text, version, fileCtx, vf.path);
      if (vf.alternative) alternatives.set(vf.path, { matched: true });
    } catch (e) {
      const skippable = e instanceof ReleaseLanesError && e.code === 'RL120';
      if (skippable && vf.optional) continue;
      if (skippable && vf.alternative) {
        const seen = alternatives.get(vf.path);
        if (!seen) alternatives.set(vf.path, { matched: false, error: e });
        continue;
      }
      throw e;
    }
  }
  for (const { matched, error } of alternatives.values()) if (!matched) throw error;
}

const normKey = (k: string): string => k.replace(/^\.\/(?=.)/, '').replace(/\/+$/, '') || '.';

/** The manifest with new versions; keys are lane names (release-lanes) or package paths (release-please). */
export function updateManifest(
  config: RepoConfig,
  existing: string | null,
  updates: readonly { lane: LaneConfig; version: string }[],
): string {
  let data: Record<string, unknown> = {};
  let indent: string | number = 2;
  if (existing !== null && existing.trim() !== '') {
    try {
      const parsed: unknown = JSON.parse(existing);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        throw new Error('not an object');
      data = parsed as Record<string, unknown>;
    } catch (e) {
      throw new ReleaseLanesError('RL110', `${config.manifestPath}: ${(e as Error).message}`, {
        file: config.manifestPath,
      });
    }
    indent = /^[ \t]+(?=")/m.exec(existing)?.[0] ?? 2;
  }
  for (const { lane, version } of updates) {
    // release-please keys its manifest by package path (`packages/sdk`, `.`), release-lanes by lane name.
    const wanted = config.source === 'release-please' ? normKey(lane.paths[0] ?? '.') : lane.name;
    const key =
      config.source === 'release-please'
        ? (Object.keys(data).find((k) => normKey(k) === wanted) ?? wanted)
        : wanted;
    data[key] = version;
  }
  const eol = existing?.includes('\r\n') ? '\r\n' : '\n';
  return JSON.stringify(data, null, indent).replace(/\n/g, eol) + eol;
}
