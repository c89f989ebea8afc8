/**
 * The two sides of a conformance case on one fixture git repository:
 * - release-please 17.11's own strategy classes, offline: a fake GitHub whose reads come from the fixture's
 *   files, the commits since the previous release read from git, the release PR they build and the text of
 *   each file after its updates;
 * - release-lanes: the plan of the same repository, the files of its release PR and the PRs it wants.
 */
import { createGitRepoHost } from '../../src/adapters/git/index.js';
import { wantedPrs, type WantedPr } from '../../src/flows/release-branches.js';
import { planReadPaths, releaseFiles } from '../../src/flows/release-files.js';
import { planFromHost } from '../../src/plan.js';
import type { ReleasePlan, RepoConfig } from '../../src/core/types.js';
import type { TestRepo } from '../helpers/git-repo.js';
import { rp, Version } from './release-please.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Any = any;
const buildStrategy = rp<(o: object) => Promise<Any>>('factory', 'buildStrategy');
const parseConventionalCommits = rp<(c: object[]) => Any[]>('commit', 'parseConventionalCommits');
const TagName = rp<Any>('util/tag-name', 'TagName');
const FileNotFoundError = rp<Any>('errors', 'FileNotFoundError');

export const OWNER = 'acme';
export const REPO = 'repo';
export const NOW = new Date('2026-03-04T12:00:00Z');
export const RP_MANIFEST = '.release-please-manifest.json';
/** Dates normalised (release-please writes today's date). */
export const undated = (s: string): string => s.replace(/\d{4}-\d{2}-\d{2}/g, 'YYYY-MM-DD');

/** release-please's GitHub class, reduced to the reads its strategies make; files come from the fixture. */
export function fakeGitHub(files: Record<string, string>) {
  const contents = (path: string) => {
    const text = files[path];
    if (text === undefined) throw new FileNotFoundError(path);
    return { sha: 'x', content: Buffer.from(text).toString('base64'), parsedContent: text, mode: '100644' };
  };
  return {
    repository: { owner: OWNER, repo: REPO, defaultBranch: 'main' },
    getFileContentsOnBranch: async (path: string) => contents(path),
    getFileContents: async (path: string) => contents(path),
    getFileJson: async (path: string) => JSON.parse(contents(path).parsedContent) as unknown,
    findFilesByFilenameAndRef: async (name: string, _ref: string, prefix?: string) => {
      const base = prefix && prefix !== '.' ? `${prefix.replace(/\/$/, '')}/` : '';
      return Object.keys(files)
        .filter((p) => p.startsWith(base) && p.split('/').pop() === name)
        .map((p) => p.slice(base.length));
    },
    findFilesByExtensionAndRef: async () => [],
    findFilesByGlobAndRef: async () => [],
  };
}

/** release-please-config.json keys → its strategy options (`bump-minor-pre-major` → `bumpMinorPreMajor`). */
export const camel = (o: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(o).map(([k, v]) => [k.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()), v]),
  );

export interface Package {
  /** The package path (`.` = root). */
  path: string;
  /** Its release-please options. */
  pkg: Record<string, unknown>;
  /** The fixture's files (what the fake GitHub reads). */
  files: Record<string, string>;
}

export const strategyFor = (p: Package, extra: Record<string, unknown> = {}): Promise<Any> =>
  buildStrategy({
    github: fakeGitHub(p.files),
    path: p.path,
    targetBranch: 'main',
    releaseType: 'node',
    ...camel(p.pkg),
    ...extra,
  });

/** The tag release-please gives `version` of this package. */
export async function tagOf(p: Package, version: string): Promise<string> {
  const s = await strategyFor(p);
  return new TagName(
    Version.parse(version),
    await s.getComponent(),
    s.tagSeparator,
    s.includeVInTag,
  ).toString();
}

/** The commits after `sinceSha`, as release-please's commit parser reads them. */
export function conventionalSince(repo: TestRepo, sinceSha: string): Any[] {
  const log = repo.git('log', '--format=%H%x00%B%x00', `${sinceSha}..HEAD`).split('\0\n').filter(Boolean);
  return parseConventionalCommits(
    log.map((entry) => {
      const [sha, message] = entry.split('\0');
      return { sha, message: (message ?? '').trim(), files: [] };
    }),
  );
}

export interface TheirPr {
  pr: Any;
  /** Each file the PR's updates change, with its new text. */
  files: Record<string, string>;
}

/**
 * The release PR release-please's strategy builds for one package released as `previous` at `tagSha`
 * (undefined: nothing to release), and the files its updates write.
 */
export async function theirReleasePr(
  p: Package,
  repo: TestRepo,
  previous: string,
  tagSha: string,
  opts: { draft?: boolean; labels?: string[]; commits?: (c: Any[]) => Any[] } = {},
): Promise<TheirPr | undefined> {
  const strategy = await strategyFor(p);
  const latestRelease = {
    tag: new TagName(
      Version.parse(previous),
      await strategy.getComponent(),
      strategy.tagSeparator,
      strategy.includeVInTag,
    ),
    sha: tagSha,
    notes: '',
  };
  const commits = conventionalSince(repo, tagSha);
  const pr = await strategy.buildReleasePullRequest(
    opts.commits ? opts.commits(commits) : commits,
    latestRelease,
    opts.draft,
    opts.labels ?? ['autorelease: pending'],
  );
  if (!pr) return undefined;
  const files: Record<string, string> = {};
  for (const update of pr.updates) {
    const current = files[update.path] ?? p.files[update.path];
    if (current === undefined && !update.createIfMissing) continue;
    const next = update.updater.updateContent(current ?? '');
    if (next !== current) files[update.path] = next;
  }
  return { pr, files };
}

export interface OurPr {
  plan: ReleasePlan;
  config: RepoConfig;
  files: Record<string, string>;
  prs: WantedPr[];
}

/** release-lanes' plan of the repository, the files of its release PR and the PRs it wants on `main`. */
export async function ourReleasePr(repo: TestRepo): Promise<OurPr> {
  const host = createGitRepoHost(repo.dir);
  const { plan, config } = await planFromHost(host, {
    now: NOW,
    repoUrl: `https://github.com/${OWNER}/${REPO}`,
  });
  const current = Object.fromEntries(
    await Promise.all(
      planReadPaths(plan, config).map(async (path) => [path, await host.readFile(path)] as const),
    ),
  );
  return { plan, config, files: releaseFiles(plan, config, current), prs: wantedPrs(plan, config, 'main') };
}

/** A release-please manifest plugin (e.g. `plugins/sentence-case`, `SentenceCase`) with its defaults. */
export function rpPlugin(module: string, name: string): Any {
  const Plugin = rp<new (...args: unknown[]) => Any>(module, name);
  return new Plugin(fakeGitHub({}), 'main', {});
}
