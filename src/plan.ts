/**
 * The plan pipeline used by the CLI and the App alike:
 *   1. gather  — config, manifest, tags and per-lane history through a RepoHost
 *   2. plan    — the pure core (src/core/plan.ts)
 *   3. render  — changelogs (src/render)
 */
import semver from 'semver';
import { discoveryQuery, withDiscoveredFiles } from './config/discovered-files.js';
import { loadConfig } from './config/index.js';
import {
  releasePleaseInputsFrom,
  releasePleasePackageFiles,
  releasePleasePyprojectFiles,
} from './config/release-please-inputs.js';
import { parseCommitOnce } from './core/conventional.js';
import { planReleases, versionTagVars } from './core/plan.js';
import { renderTag, tagMatcher } from './core/tag-template.js';
import type {
  LaneConfig,
  LaneHistory,
  PlanInput,
  RawCommit,
  ReleasePlan,
  RepoConfig,
  TagRef,
  Warning,
} from './core/types.js';
import { renderChangelog } from './render/changelog.js';
import { rubyYoshiNotes } from './render/ruby-yoshi-notes.js';
import { changelogJsonChanges } from './updaters/changelog-json.js';
import type { RepoHost } from './ports/repo-host.js';

export const CONFIG_PATH = '.github/release-lanes.yml';
export const MANIFEST_PATH = '.release-lanes-manifest.json';
export const RP_CONFIG_PATH = 'release-please-config.json';
export const RP_MANIFEST_PATH = '.release-please-manifest.json';

export interface GatherOptions {
  now: Date;
  /** Link base for changelogs, e.g. https://github.com/o/r */
  repoUrl?: string;
  /** Alternative config file (YAML, or a release-please-config.json). */
  configPath?: string;
  /** Read config/manifest at this ref (the App passes the default branch head); default: working tree / branch head. */
  ref?: string;
  /**
   * Without any config file, plan the repository as one root lane (`v{version}` tags) instead of
   * failing with RL109. The CLI does this; the App does not (it only acts on configured repos).
   */
  allowDefaultConfig?: boolean;
}

export interface Gathered {
  config: RepoConfig;
  input: PlanInput;
  versions: Record<string, string>;
  tags: TagRef[];
  headSha: string;
}

/** Current version and boundary of a lane from the manifest and the tags. */
export function resolveLaneStart(
  lane: LaneConfig,
  manifestVersion: string | undefined,
  tags: readonly TagRef[],
  warnings: Warning[],
): { currentVersion?: string; lastTag?: string; boundary?: string } {
  const match = tagMatcher(lane.tag, versionTagVars(lane, '0.0.0'));
  const candidates: { version: string; tag: TagRef }[] = [];
  for (const t of tags) {
    const v = match(t.name);
    if (v !== null && semver.valid(v)) candidates.push({ version: v, tag: t });
  }
  candidates.sort((a, b) => semver.rcompare(a.version, b.version));
  if (manifestVersion) {
    const exact = renderTag(lane.tag, versionTagVars(lane, manifestVersion));
    const hit = tags.find((t) => t.name === exact);
    if (hit) return { currentVersion: manifestVersion, lastTag: hit.name, boundary: hit.sha };
    const older = candidates.find((c) => semver.lte(c.version, manifestVersion));
    warnings.push({
      code: 'missing-release-tag',
      lane: lane.name,
      message:
        `manifest says ${lane.name} is at ${manifestVersion} but tag ${exact} does not exist; ` +
        (older ? `counting commits since ${older.tag.name}` : 'counting the whole history'),
    });
    return { currentVersion: manifestVersion, lastTag: older?.tag.name, boundary: older?.tag.sha };
  }
  const newest = candidates[0];
  if (!newest) return {};
  return { currentVersion: newest.version, lastTag: newest.tag.name, boundary: newest.tag.sha };
}

async function readConfigFiles(host: RepoHost, opts: GatherOptions) {
  const read = (p: string) => host.readFile(p, opts.ref);
  if (opts.configPath) {
    const text = await read(opts.configPath);
    if (/release-please-config[^/]*\.json$/.test(opts.configPath)) {
      return { releasePleaseConfig: text, releasePleaseManifest: await read(RP_MANIFEST_PATH) };
    }
    return { releaseLanesYml: text ?? '', releaseLanesManifest: await read(MANIFEST_PATH) };
  }
  const [releaseLanesYml, releaseLanesManifest, releasePleaseConfig, releasePleaseManifest] =
    await Promise.all([read(CONFIG_PATH), read(MANIFEST_PATH), read(RP_CONFIG_PATH), read(RP_MANIFEST_PATH)]);
  return { releaseLanesYml, releaseLanesManifest, releasePleaseConfig, releasePleaseManifest };
}

/**
 * Where a lane's history starts: release-please's `last-release-sha` for every lane, else the last release
 * tag, else its `bootstrap-sha` (a lane never released).
 */
function historyStart(config: RepoConfig, boundary: string | undefined): string | undefined {
  return config.history?.lastReleaseSha ?? boundary ?? config.history?.bootstrapSha;
}

/** Stage 1: gather everything the planner needs, in one history pass for all lanes. */
export async function gather(host: RepoHost, opts: GatherOptions): Promise<Gathered> {
  const files = await readConfigFiles(host, opts);
  const loaded = await loadConfigWithPackageNames(host, files, opts);
  const { versions } = loaded;
  const config = await withFoundFiles(host, loaded.config, opts.ref);
  const warnings: Warning[] = [...loaded.warnings];
  const [tags, headSha] = await Promise.all([host.listTags(), host.headSha()]);
  const starts = new Map(
    config.lanes.map((l) => [l.name, resolveLaneStart(l, versions[l.name], tags, warnings)]),
  );
  const boundaries = Object.fromEntries(
    config.lanes.map((l) => [l.name, historyStart(config, starts.get(l.name)!.boundary)]),
  );
  // Commits are parsed as they arrive, while the rest of the history is still being read.
  const commits = await host.lanesHistory(config, boundaries, (c) => void parseCommitOnce(c));
  const histories: Record<string, LaneHistory> = {};
  for (const l of config.lanes) {
    const s = starts.get(l.name)!;
    histories[l.name] = {
      ...(s.currentVersion ? { currentVersion: s.currentVersion } : {}),
      ...(s.lastTag ? { lastTag: s.lastTag } : {}),
      commits: commits[l.name] ?? [],
    };
  }
  return {
    config,
    versions,
    tags,
    headSha,
    input: {
      config,
      histories,
      now: opts.now,
      repoUrl: opts.repoUrl,
      existingTags: tags,
      gatherWarnings: warnings,
    },
  };
}

/** The lanes' version files found by name in the tree (release-please's python, terraform-module, maven). */
export async function withFoundFiles(
  host: Pick<RepoHost, 'findFiles'>,
  config: RepoConfig,
  ref: string | undefined,
): Promise<RepoConfig> {
  const query = discoveryQuery(config);
  if (!query) return config;
  return withDiscoveredFiles(config, await host.findFiles(query.names, query.dirs, ref));
}

/** Loads the config; for release-please configs first reads each package's package.json (names, deps). */
export async function loadConfigWithPackageNames(
  host: Pick<RepoHost, 'readFile' | 'readFiles'>,
  files: Parameters<typeof loadConfig>[0],
  opts: Pick<GatherOptions, 'ref' | 'allowDefaultConfig' | 'configPath'>,
) {
  if (!files.releaseLanesYml && !files.releasePleaseConfig && opts.allowDefaultConfig && !opts.configPath) {
    return defaultSingleLaneConfig(host, opts);
  }
  if (files.releaseLanesYml || !files.releasePleaseConfig) return loadConfig(files);
  const packageFiles = releasePleasePackageFiles(files.releasePleaseConfig);
  const pyprojectFiles = releasePleasePyprojectFiles(files.releasePleaseConfig);
  const texts = await readMany(
    host,
    [...Object.values(packageFiles), ...Object.values(pyprojectFiles)],
    opts.ref,
  );
  return loadConfig(files, releasePleaseInputsFrom(packageFiles, texts, pyprojectFiles));
}

/** Files the plan needs, in one batch when the host can (the GitHub host: one aliased query). */
async function readMany(
  host: Pick<RepoHost, 'readFile' | 'readFiles'>,
  paths: readonly string[],
  ref: string | undefined,
): Promise<Record<string, string | null>> {
  const unique = [...new Set(paths)];
  if (unique.length === 0) return {};
  if (host.readFiles) return host.readFiles(unique, ref);
  const texts = await Promise.all(unique.map((p) => host.readFile(p, ref)));
  return Object.fromEntries(unique.map((p, i) => [p, texts[i] ?? null]));
}

/** No config at all: one lane at the root, named after package.json `name` when there is one. */
async function defaultSingleLaneConfig(host: Pick<RepoHost, 'readFile'>, opts: Pick<GatherOptions, 'ref'>) {
  let name = 'root';
  const pj = await host.readFile('package.json', opts.ref);
  if (pj) {
    try {
      const n = (JSON.parse(pj) as { name?: unknown }).name;
      if (typeof n === 'string' && /^[@a-z0-9][\w./@-]*$/i.test(n)) name = n;
    } catch {
      /* keep the default name */
    }
  }
  const loaded = loadConfig({ releaseLanesYml: `lanes:\n  - name: ${JSON.stringify(name)}\n    path: .\n` });
  return {
    ...loaded,
    config: { ...loaded.config, source: 'default' as const },
    warnings: [
      {
        code: 'no-config',
        message: `no ${CONFIG_PATH} or ${RP_CONFIG_PATH}: planning one lane "${name}" at the repository root with v{version} tags`,
      },
      ...loaded.warnings,
    ],
  };
}

/** Stages 2 + 3: pure plan, then rendered changelogs. */
export function buildPlan(input: PlanInput): ReleasePlan {
  const { plan, details } = planReleases(input);
  const date = input.now.toISOString().slice(0, 10);
  const lanes = new Map(input.config.lanes.map((l) => [l.name, l]));
  const releases = plan.releases.map((r) => {
    const lane = lanes.get(r.lane)!;
    const d = details[r.lane]!;
    const words = input.config.sentenceCase;
    const commits = d.parsed.filter((c) => c.conventional && !c.merge);
    const repoUrl = changelogLinkBase(input.repoUrl, lane.changelogHost);
    const entry = renderChangelog({
      lane: r.lane,
      component: lane.component,
      version: r.version,
      previousTag: d.previousTag,
      tag: r.tag,
      date,
      ...(repoUrl !== undefined ? { repoUrl } : {}),
      commits: words ? commits.map((c) => ({ ...c, subject: sentenceCase(c.subject, words) })) : commits,
      sections: lane.changelogSections,
      dependencyUpdates: r.dependencyUpdates,
      ...(lane.workspaceDependencies ? { workspaceDependencies: lane.workspaceDependencies } : {}),
      ...(lane.includeCommitAuthors
        ? { authors: commitAuthors(input.histories[r.lane]?.commits ?? []) }
        : {}),
      ...(lane.changelogStyle === 'ruby-yoshi' ? { noReferences: true } : {}),
    });
    const changelog = lane.changelogStyle === 'ruby-yoshi' ? rubyYoshiNotes(entry) : entry;
    if (!lane.changelogJson) return { ...r, changelog };
    // release-please's changelog.json entry: the same commits, filtered by its sections. Its time is the
    // plan's day (like the CHANGELOG date), so planning again the same day writes the same bytes.
    const changes = changelogJsonChanges(commits, lane.changelogJson.sections);
    return { ...r, changelog, changelogJson: { time: `${date}T00:00:00.000Z`, changes } };
  });
  return { ...plan, releases, warnings: [...(input.gatherWarnings ?? []), ...plan.warnings] };
}

/** release-please's `changelog-host`: the same owner/repo path on another host. */
function changelogLinkBase(repoUrl: string | undefined, host: string | undefined): string | undefined {
  if (!repoUrl || !host) return repoUrl;
  const path = /^[a-z]+:\/\/[^/]+(\/.*)$/i.exec(repoUrl.replace(/\/+$/, ''))?.[1] ?? '';
  return `${host}${path}`;
}

/** release-please's sentence-case plugin: the first letter upper-cased, unless the subject is a special word. */
export function sentenceCase(subject: string, specialWords: readonly string[]): string {
  if (specialWords.includes(subject) || !/^[a-z]/.test(subject)) return subject;
  return subject.charAt(0).toUpperCase() + subject.slice(1);
}

/** release-please's `include-commit-authors`: `@login` when GitHub knows the author, else the git name. */
function commitAuthors(commits: readonly RawCommit[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of commits) {
    const author = c.authorLogin ? `@${c.authorLogin}` : c.authorName;
    if (author) out[c.sha] = author;
  }
  return out;
}

export async function planFromHost(
  host: RepoHost,
  opts: GatherOptions,
): Promise<{ plan: ReleasePlan } & Gathered> {
  const g = await gather(host, opts);
  return { ...g, plan: buildPlan(g.input) };
}
