/**
 * The merge flow (apply stage): a release PR was merged → version tags, GitHub Releases, channel tags.
 *
 * What to release is read from the MERGED TREE, never from the PR: the manifest at the merge commit vs.
 * the manifest at its first parent (the base the release PR was merged into) gives the lanes whose
 * version changed. The PR body marker is only compared, as a hint. A re-run (webhook redelivery,
 * `/release-lanes retry`) therefore computes the same operations; tags already in place are `unchanged`.
 *
 * Order: every operation is planned (and checked: RL300 for a version tag at another commit, guardOps,
 * validateTagSet) BEFORE the first write. Then per lane, or per lockstep group, in dependency order:
 *   1. the immutable version tag(s) at the merge commit, annotated with the changelog entry;
 *   2. the GitHub Release of each version tag (an existing one is left alone);
 *   3. the lane's channel tags (forced moves / creates).
 * A failure stops the run where it is; `progress` says what was done, and the next run resumes.
 */
import semver from 'semver';
import { loadConfig, type ConfigFiles } from '../config/index.js';
import { releasePleaseInputsFrom, releasePleasePackageFiles } from '../config/release-please-inputs.js';
import { branchRole, type BranchRole } from '../core/branches.js';
import { isLatestRelease, unitReleaseMode } from '../core/github-release.js';
import { orderLanes } from '../core/order.js';
import { laneTagSpec, planTagOperations } from '../core/release-tags.js';
import { laneTagVars, renderTemplate } from '../core/tag-template.js';
import { describeOps, releaseLabels, releasesFromTags, type KnownRelease } from '../core/tags/index.js';
import type { LaneConfig, LaneRelease, RepoConfig, TagOperation, TagRef, Warning } from '../core/types.js';
import { CONFIG_PATH, MANIFEST_PATH, RP_CONFIG_PATH, RP_MANIFEST_PATH } from '../plan.js';
import type { ReleasePublisher, TagHost } from '../ports/tag-host.js';
import { groupEntry, groupNotes, splitEntry, type MemberEntry } from '../render/group-entry.js';
import type { PlanMarker } from '../render/pr-body.js';
import { applyTagOps, checkTagOps, type ApplyProgress } from './apply-tag-ops.js';
import { laneLog, type RunLog } from '../run/log.js';

export const CONFIG_FILES = [CONFIG_PATH, MANIFEST_PATH, RP_CONFIG_PATH, RP_MANIFEST_PATH] as const;

/* ------------------------------------------------------------------ config at a commit ------------ */

export interface TagConfig {
  config: RepoConfig;
  /** Lane → version in the manifest at `ref`. */
  versions: Record<string, string>;
  /** Lane → version in the manifest at the first parent of `ref` (when asked). */
  parentVersions: Record<string, string>;
  tags: TagRef[];
  warnings: Warning[];
}

/**
 * Config, manifest (and the parent's manifest) and every tag, in one read through the host (+1 for the
 * package.json files of a release-please config, whose component names come from them).
 */
export async function readTagConfig(
  host: TagHost,
  ref: string | undefined,
  opts: { parent?: boolean; configPath?: string } = {},
): Promise<TagConfig> {
  const custom = opts.configPath;
  const read = await host.read({
    ...(ref !== undefined ? { ref } : {}),
    paths: custom ? [custom, MANIFEST_PATH, RP_MANIFEST_PATH] : CONFIG_FILES,
    parentPaths: opts.parent ? [MANIFEST_PATH, RP_MANIFEST_PATH] : [],
    tags: true,
  });
  const f = read.files;
  // An alternative config file is a release-please config when named like one (as in src/plan.ts).
  const rpCustom = custom !== undefined && /release-please-config[^/]*\.json$/.test(custom);
  const files: ConfigFiles = custom
    ? rpCustom
      ? { releasePleaseConfig: f[custom], releasePleaseManifest: f[RP_MANIFEST_PATH] }
      : { releaseLanesYml: f[custom] ?? '', releaseLanesManifest: f[MANIFEST_PATH] }
    : {
        releaseLanesYml: f[CONFIG_PATH],
        releaseLanesManifest: f[MANIFEST_PATH],
        releasePleaseConfig: f[RP_CONFIG_PATH],
        releasePleaseManifest: f[RP_MANIFEST_PATH],
      };
  const inputs = files.releaseLanesYml ? {} : await releasePleaseInputs(host, ref, files.releasePleaseConfig);
  const loaded = loadConfig(files, inputs);
  const warnings = [...loaded.warnings];
  let parentVersions: Record<string, string> = {};
  if (opts.parent) {
    try {
      // The parent's manifest read with the merged config: same lanes, same keys.
      parentVersions = loadConfig(
        {
          ...files,
          releaseLanesManifest: read.parentFiles[MANIFEST_PATH] ?? null,
          releasePleaseManifest: read.parentFiles[RP_MANIFEST_PATH] ?? null,
        },
        inputs,
      ).versions;
    } catch (e) {
      warnings.push({
        code: 'parent-manifest',
        message: `the manifest before the merge cannot be read (${(e as Error).message.split('\n')[0]}); every lane in the manifest is treated as released`,
      });
    }
  }
  return {
    config: loaded.config,
    versions: loaded.versions,
    parentVersions,
    tags: read.tags ?? [],
    warnings,
  };
}

/** release-please names node packages after package.json `name` and links them by their dependencies. */
async function releasePleaseInputs(host: TagHost, ref: string | undefined, text: string | null | undefined) {
  const packageFiles = releasePleasePackageFiles(text);
  const paths = [...new Set(Object.values(packageFiles))];
  if (paths.length === 0) return {};
  const read = await host.read({ ...(ref !== undefined ? { ref } : {}), paths });
  return releasePleaseInputsFrom(packageFiles, read.files);
}

/** Every existing version tag of any lane (what must never move). */
export function versionTagNames(config: RepoConfig, tags: readonly TagRef[]): string[] {
  const names = new Set<string>();
  for (const lane of config.lanes) {
    for (const r of releasesFromTags(lane.tag, laneTagSpec(lane), tags)) if (r.tag) names.add(r.tag);
  }
  return [...names];
}

/* ------------------------------------------------------------------ changelog entries ------------- */

const VERSION_HEADING = /^#{1,3} \[?v?([0-9][^\]\s()]*)/;

/**
 * The entry of `version` in a CHANGELOG file: from its `## [1.2.3](…) (date)` heading to the next version
 * heading (fenced code is skipped). `notes` is the entry without its heading: the GitHub Release body.
 */
export function changelogEntry(
  text: string | null | undefined,
  version: string,
): { entry: string; notes: string } | null {
  if (!text) return null;
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  let fence: string | null = null;
  let start = -1;
  let end = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (f) {
      if (fence === null) fence = f[1]![0]!;
      else if (f[1]![0] === fence) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const m = VERSION_HEADING.exec(line);
    if (!m) continue;
    if (start === -1) {
      if (m[1] === version) start = i;
    } else {
      end = i;
      break;
    }
  }
  if (start === -1) return null;
  const entry = lines.slice(start, end).join('\n').trim();
  const notes = lines
    .slice(start + 1, end)
    .join('\n')
    .trim();
  return { entry, notes };
}

/* ------------------------------------------------------------------ the flow ---------------------- */

export interface ReleasedLane {
  lane: string;
  previousVersion: string | null;
  version: string;
  tag: string;
}

export interface ReleaseOutcome {
  tag: string;
  name: string;
  action: 'created' | 'exists';
}

export interface TagReleaseProgress extends ApplyProgress {
  releases: ReleaseOutcome[];
}

export interface TagReleaseOptions {
  host: TagHost;
  /** GitHub Releases; absent = tags only. */
  publisher?: ReleasePublisher;
  /** The merge (or squash / rebase) commit of the release PR on the release branch. */
  mergeSha: string;
  /**
   * Branch the PR was merged into: the config's `branch` (default: `defaultBranch`) or a branch matching
   * `maintenance-branches` (a maintenance release: never the Latest Release). Absent = not checked.
   */
  baseBranch?: string;
  /** The repository's default branch (where `branch` points when the config sets none). */
  defaultBranch?: string;
  /** The PR body marker (a hint: mismatches are reported as warnings). */
  marker?: PlanMarker | null;
  /** Filled as the run goes, so a caller catching a failure knows what was done. */
  progress?: TagReleaseProgress;
  /** Alternative config file (the Action's `config-file`). */
  configPath?: string;
  /**
   * Asked with the config at the merge commit before anything is planned: why this PR must not be tagged
   * under that config (e.g. the takeover of release-please's own PR on a repository that is not configured
   * with release-please files), or null.
   */
  accept?: (config: RepoConfig) => string | null;
  /** Where to write one line per lane (or lockstep group) as its tags and Release are done (the App's job log). */
  log?: RunLog;
}

export interface TagReleaseResult {
  /** Set when nothing was to be done, with the reason. */
  skipped?: string;
  config?: RepoConfig;
  lanes: ReleasedLane[];
  ops: TagOperation[];
  progress: TagReleaseProgress;
  /** One line per op (describeOps) and per release, for the PR comment and the logs. */
  summary: string[];
  warnings: Warning[];
}

interface Unit {
  key: string;
  lanes: LaneConfig[];
  releases: ReleasedLane[];
}

export async function tagRelease(opts: TagReleaseOptions): Promise<TagReleaseResult> {
  const progress = opts.progress ?? { applied: [], releases: [] };
  const { host, mergeSha } = opts;
  const loaded = await readTagConfig(host, mergeSha, { parent: true, configPath: opts.configPath });
  const { config, versions, parentVersions, tags } = loaded;
  const warnings = [...loaded.warnings];
  const empty = { lanes: [], ops: [], progress, summary: [], warnings };
  const refusal = opts.accept?.(config) ?? null;
  if (refusal !== null) return { ...empty, config, skipped: refusal };
  const role =
    opts.baseBranch === undefined
      ? 'release'
      : await trustedRole(host, config, opts.baseBranch, opts.defaultBranch ?? opts.baseBranch);
  if (role === null) {
    return {
      ...empty,
      config,
      skipped: `merged into ${opts.baseBranch}, releases are cut from ${config.targetBranch ?? opts.defaultBranch}`,
    };
  }

  // 1. What the merge released, in dependency order.
  const lanesByName = new Map(config.lanes.map((l) => [l.name, l]));
  const order = orderLanes(config.lanes.map((l) => ({ name: l.name, dependsOn: l.dependsOn })));
  const released: ReleasedLane[] = [];
  for (const name of order) {
    const version = versions[name];
    const before = parentVersions[name] ?? null;
    if (version === undefined || version === before) continue;
    released.push({ lane: name, previousVersion: before, version, tag: '' });
  }
  compareMarker(opts.marker, released, warnings);
  if (released.length === 0) {
    return { ...empty, config, skipped: 'the merge changed no version in the manifest' };
  }

  // 2. Every op, checked before the first write (RL300 / RL303 / RL302 / RL107 stop here).
  const laneReleases = released.map((r) => toLaneRelease(lanesByName.get(r.lane)!, r));
  const ops = planTagOperations(config, laneReleases, tags, mergeSha);
  const protectedNames = versionTagNames(config, tags);
  checkTagOps(ops, tags, protectedNames);

  const unitOf = (laneOrGroup: string) => lanesByName.get(laneOrGroup)?.group ?? laneOrGroup;
  const units: Unit[] = [];
  for (const r of released) {
    const lane = lanesByName.get(r.lane)!;
    const key = lane.group ?? lane.name;
    let unit = units.find((u) => u.key === key);
    if (!unit) units.push((unit = { key, lanes: [], releases: [] }));
    unit.lanes.push(lane);
    unit.releases.push(r);
  }
  for (const unit of units) {
    const version = unit.releases[0]!.version;
    const versionOps = ops.filter((o) => unitOf(o.lane) === unit.key && o.kind === 'version');
    for (const r of unit.releases) {
      r.tag = renderLaneTag(lanesByName.get(r.lane)!, r.version) ?? versionOps[0]?.name ?? '';
    }
    if (unit.releases.some((r) => r.version !== version)) {
      warnings.push({
        code: 'group-versions',
        lane: unit.key,
        message: `lanes of group ${unit.key} have different versions in the manifest; ${version} is tagged`,
      });
    }
  }

  // 3. Changelog entries (tag messages, release bodies) from the merged tree.
  const paths = [...new Set(released.map((r) => lanesByName.get(r.lane)!.changelogPath))];
  const changelogs = (await host.read({ ref: mergeSha, paths })).files;

  // 4. Apply, unit by unit.
  const summary: string[] = [];
  for (const unit of units) {
    const unitOps = ops.filter((o) => unitOf(o.lane) === unit.key);
    const versionOps = unitOps.filter((o) => o.kind === 'version');
    const notes = new Map<string, { lane: LaneConfig; release: ReleasedLane; entry: string | null }[]>();
    const found = unit.releases.map((r) => {
      const lane = lanesByName.get(r.lane)!;
      return { r, lane, entry: changelogEntry(changelogs[lane.changelogPath], r.version)?.entry ?? null };
    });
    for (const { r, lane, entry } of found) {
      // A lockstep member with no changes has no entry of its own: only warn when no member has one.
      if (entry === null && !lane.skipChangelog && found.every((f) => f.entry === null)) {
        warnings.push({
          code: 'changelog-entry-missing',
          lane: r.lane,
          message: `${lane.changelogPath} at ${mergeSha.slice(0, 7)} has no entry for ${r.version}`,
        });
      }
      const tag = versionOps.find((o) => o.name === r.tag)?.name ?? versionOps[0]?.name ?? r.tag;
      notes.set(tag, [...(notes.get(tag) ?? []), { lane, release: r, entry }]);
    }
    const messages = new Map([...notes].map(([tag, list]) => [tag, joinEntries(list, 'entry')]));
    await applyTagOps(host, versionOps, {
      existingTags: tags,
      versionTagNames: protectedNames,
      messages,
      progress,
      skipChecks: true,
    });
    const log = opts.log && laneLog(opts.log, unit.key);
    const version = unit.releases[0]!.version;
    log?.info(
      { version, tags: versionOps.map((o) => `${o.name} ${o.action}`) },
      `release-lanes: ${unit.key} ${version}: version tag ${versionOps.map((o) => o.name).join(', ')}`,
    );
    const releaseLines: string[] = [];
    // release-please's Release body starts with the version heading; release-lanes' own leaves it out
    const bodyKey = config.releasePr?.flavor === 'release-please' ? 'entry' : 'notes';
    if (opts.publisher) {
      for (const op of versionOps) {
        const list = notes.get(op.name) ?? [];
        const first = list[0];
        if (!first) continue;
        const mode = unitReleaseMode(list.map((l) => l.lane));
        if (mode === 'none') continue;
        const name = releaseTitle(first.lane, first.release.version, op.name);
        if (list.every((l) => l.lane.skipGithubRelease)) {
          releaseLines.push(`no release ${name} (skip-github-release)`);
          continue;
        }
        const action = await opts.publisher.ensureRelease({
          tag: op.name,
          name,
          body: joinEntries(list, bodyKey),
          prerelease: semver.prerelease(first.release.version) !== null,
          draft: mode === 'draft',
          makeLatest: isLatestRelease({
            config,
            lanes: list.map((l) => l.lane.name),
            version: first.release.version,
            known: list.flatMap((l) =>
              releasesFromTags(l.lane.tag, laneTagSpec(l.lane), tags).map((r) => r.version),
            ),
            maintenance: role === 'maintenance',
            mode,
          }),
        });
        progress.releases.push({ tag: op.name, name, action });
        log?.info(
          { tag: op.name, release: action },
          `release-lanes: ${unit.key}: GitHub Release ${name} ${action}`,
        );
        releaseLines.push(`${action === 'created' ? 'create' : 'keep'} release ${name}`);
      }
    }
    const channelOps = unitOps.filter((o) => o.kind !== 'version');
    await applyTagOps(host, channelOps, {
      existingTags: tags,
      versionTagNames: protectedNames,
      progress,
      skipChecks: true,
    });
    if (channelOps.length > 0) {
      log?.info(
        { channels: channelOps.map((o) => `${o.name} ${o.action}`) },
        `release-lanes: ${unit.key}: channel tags ${channelOps.map((o) => `${o.name} ${o.action}`).join(', ')}`,
      );
    }
    summary.push(...describeOps(unitOps, labelsFor(unit, tags, mergeSha)), ...releaseLines);
  }
  return { config, lanes: released, ops, progress, summary, warnings };
}

/**
 * The role of the branch a release PR was merged into. Another branch than the default one counts only when
 * the DEFAULT branch's config agrees (one more read): a branch's own config cannot make it a release or
 * maintenance branch.
 */
async function trustedRole(
  host: TagHost,
  config: RepoConfig,
  base: string,
  defaultBranch: string,
): Promise<BranchRole | null> {
  const role = branchRole(config, base, defaultBranch);
  if (role === null || base === defaultBranch) return role;
  const read = await host.read({ ref: `refs/heads/${defaultBranch}`, paths: [CONFIG_PATH] });
  const text = read.files[CONFIG_PATH];
  if (!text) return null;
  try {
    return branchRole(loadConfig({ releaseLanesYml: text }).config, base, defaultBranch);
  } catch {
    return null;
  }
}

function toLaneRelease(lane: LaneConfig, r: ReleasedLane): LaneRelease {
  return {
    lane: lane.name,
    path: lane.paths[0] ?? '.',
    previousVersion: r.previousVersion,
    version: r.version,
    bump: 'none',
    tag: '',
    commits: [],
    changelog: '',
    reasons: [],
    dependencyUpdates: [],
    prerelease: semver.prerelease(r.version) !== null,
    ...(lane.group ? { group: lane.group } : {}),
  };
}

function renderLaneTag(lane: LaneConfig, version: string): string | null {
  try {
    return renderTemplate(lane.tag, { ...laneTagVars(lane), version });
  } catch {
    return null;
  }
}

function releaseTitle(lane: LaneConfig, version: string, tag: string): string {
  try {
    return renderTemplate(lane.releaseName ?? tag, { ...laneTagVars(lane), version });
  } catch {
    return tag;
  }
}

/**
 * The tag message (`entry`) or Release body (`notes`) of a version tag. One lane, or group members sharing
 * one CHANGELOG: that entry. Group members with their own CHANGELOGs: one group entry, a sub-heading per
 * member that lists something (src/render/group-entry.ts). No entry at all: `<lane> <version>` / empty.
 */
function joinEntries(
  list: { lane: LaneConfig; release: ReleasedLane; entry: string | null }[],
  key: 'entry' | 'notes',
): string {
  const members: MemberEntry[] = [];
  for (const l of list) {
    if (l.entry !== null && !members.some((m) => m.entry === l.entry))
      members.push({ lane: l.lane.name, entry: l.entry });
  }
  const first = list[0];
  if (members.length === 0)
    return key === 'entry' && first ? `${first.lane.name} ${first.release.version}` : '';
  const ownFiles = new Set(list.map((l) => l.lane.changelogPath)).size > 1;
  if (!ownFiles) return key === 'entry' ? members[0]!.entry : splitEntry(members[0]!.entry).notes;
  return key === 'entry' ? (groupEntry(members, true) ?? '') : groupNotes(members);
}

function labelsFor(unit: Unit, tags: readonly TagRef[], mergeSha: string): Map<string, string> {
  const known: KnownRelease[] = [];
  for (const lane of unit.lanes) known.push(...releasesFromTags(lane.tag, laneTagSpec(lane), tags));
  known.sort((a, b) => semver.compare(a.version, b.version));
  known.push({ version: unit.releases[0]!.version, sha: mergeSha });
  return releaseLabels(known);
}

function compareMarker(
  marker: PlanMarker | null | undefined,
  released: ReleasedLane[],
  warnings: Warning[],
): void {
  if (!marker) return;
  const fromTree = released.map((r) => `${r.lane}@${r.version}`).sort();
  const fromMarker = marker.lanes.map((l) => `${l.lane}@${l.version}`).sort();
  if (fromTree.join(',') !== fromMarker.join(',')) {
    warnings.push({
      code: 'marker-mismatch',
      message: `the PR body lists ${fromMarker.join(', ') || 'nothing'}, the merged manifest releases ${fromTree.join(', ') || 'nothing'}; the manifest wins`,
    });
  }
}
