import type { ProbotOctokit } from 'probot';
import { createLaneAssigner, type LaneAssigner } from '../../core/assign.js';
import type { RepoConfig, TagRef } from '../../core/types.js';
import { ReleaseLanesError } from '../../errors.js';
import type { RepoHost } from '../../ports/repo-host.js';
import { parsePlanMarker } from '../../render/pr-body.js';
import type { RestResponse } from './commit-files.js';
import { mapGitHubError } from './github-errors.js';
import {
  BOOTSTRAP_FILES,
  FILES_PER_QUERY,
  allTags,
  blobText,
  bootstrapQuery,
  bootstrapVariables,
  filesQuery,
  headCheckFailed,
  type BlobNode,
  type MergedPrNode,
  type ReleasePrNode,
  type TagsConnection,
} from './graphql-bootstrap.js';
import { validCarry, type HistoryCarry } from './history-carry.js';
import { gatherLanesHistory, type GatherLog } from './lanes-history.js';

export type { GatherLog } from './lanes-history.js';

/**
 * The GitHub gather adapter: RepoHost over the GitHub API, in as few requests as possible.
 *
 * 1. bootstrap (1 request + 1 per further 100 tags): config files read from the release branch ONLY
 *    (never a PR head), the branch head oid, tags peeled to commits. readFile/listTags/headSha reuse it.
 * 2. lanesHistory: rounds of GraphQL requests on the pinned head commit, one aliased
 *    `history(path:, first: 100, after:)` per distinct path ("stream", see lane-streams.ts), up to
 *    `historiesPerQuery` (default 50: a 50-lane repo in one request) streams per request. The first round also resolves, per (path, boundary), the
 *    anchor = newest commit touching the path that the boundary contains; a stream is paged on until every
 *    anchor it needs has shown (a lane without boundary reads its whole history: there is no cap, and a
 *    `maxRequests` budget, if set, fails with a coded error instead of stopping silently).
 *    Cost ≈ 1 + Σ rounds ⌈streams in round / historiesPerQuery⌉ + file lists.
 * 3. File lists (REST, 1+ request per commit) only for commits the path histories cannot place alone:
 *    a commit that also shows in a nested lane's, an exclude path's or (root `unclaimed`) another lane's
 *    history, commits found through a glob's base, and possibly-empty commits of an `unclaimed` root.
 *    Those are placed by the pure assigner (src/core/assign.ts); every other commit returned by
 *    `history(path:)` belongs to that lane and carries no `files`. Merge commits are kept (with parents)
 *    by path membership and never cost a file list: the planner ignores them.
 * Ordering assumption: GitHub lists history newest first (git's commit-date walk); if a boundary's anchor
 * never shows (boundary not on the branch), the stream is read whole and commits newer than the boundary's
 * date are taken — reported as `fallbackBoundaries` in the log.
 * Requests are counted here (each HTTP request this adapter makes; Octokit plugin retries are not seen).
 */

type Octokit = Pick<InstanceType<typeof ProbotOctokit>, 'graphql' | 'request'>;

export interface GitHubRepoHostOptions {
  owner: string;
  repo: string;
  /** The release branch; config and manifests are only read from it. */
  branch: string;
  log?: (entry: GatherLog) => void;
  /** Lane assignment by files; default `createLaneAssigner` (src/core/assign.ts). */
  assigner?: (config: RepoConfig) => LaneAssigner;
  /** Aliased histories per GraphQL request (GitHub times out on very large queries). Default 40. */
  historiesPerQuery?: number;
  /** Anchor lookups per GraphQL request. Default 100. */
  anchorsPerQuery?: number;
  /** Parallel requests. Default 4. */
  concurrency?: number;
  /** Hard budget: past it, RL403 is thrown (never a silent cap). Default unlimited. */
  maxRequests?: number;
  /** Files fetched by the bootstrap query. Default BOOTSTRAP_FILES. */
  bootstrapFiles?: readonly string[];
  /**
   * The labels of the App's release PRs (ours, and release-please's for a release-please config): the
   * bootstrap query then also reads their bodies, and the history carried forward in their marker
   * (history-carry.ts) shortens this run's history reads.
   */
  releasePrLabels?: string[];
  /** Release branches start with one of these (a labelled PR from another branch or a fork is not trusted). */
  releaseBranchPrefixes?: string[];
  /**
   * Also list the last few PRs merged into the branch (`Bootstrap.mergedPrs`) and read the head's latest
   * `release-lanes` check (`Bootstrap.headCheckFailed`), in the same request.
   */
  listMergedPrs?: boolean;
}

export interface Bootstrap {
  headSha: string;
  /** Path → text, null when absent. */
  files: Record<string, string | null>;
  tags: TagRef[];
  /** What the previous run carried forward, from an open release PR's marker (null: none usable). */
  carry: HistoryCarry | null;
  /** The last few PRs merged into the branch, most recently updated first (with `listMergedPrs`). */
  mergedPrs: MergedPrNode[];
  /** The head's latest `release-lanes` check run failed (read with `listMergedPrs`). */
  headCheckFailed: boolean;
}

export type GitHubRepoHost = RepoHost & { requestCount(): number; bootstrap(): Promise<Bootstrap> };

/** The carry of the newest open release PR from one of our branches whose marker holds a valid one. */
function carryFromPrs(
  nodes: readonly ReleasePrNode[] | undefined,
  prefixes: readonly string[],
): HistoryCarry | null {
  for (const pr of nodes ?? []) {
    if (pr.isCrossRepository || !prefixes.some((p) => pr.headRefName.startsWith(p))) continue;
    const carry = validCarry(parsePlanMarker(pr.body)?.carry);
    if (carry) return carry;
  }
  return null;
}

export function createGitHubRepoHost(octokit: Octokit, options: GitHubRepoHostOptions): GitHubRepoHost {
  const { owner, repo, branch } = options;
  const bootFiles = options.bootstrapFiles ?? BOOTSTRAP_FILES;
  const historiesPerQuery = Math.max(1, options.historiesPerQuery ?? 50);
  const anchorsPerQuery = Math.max(1, options.anchorsPerQuery ?? 100);
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const maxRequests = options.maxRequests ?? Infinity;
  const makeAssigner = options.assigner ?? createLaneAssigner;
  let requests = 0;

  function spend(what: string): void {
    if (requests >= maxRequests) {
      throw new ReleaseLanesError(
        'RL403',
        `${what}: stopped after ${requests} requests to ${owner}/${repo} (maxRequests budget); the history was NOT fully read`,
        undefined,
        'Raise the request budget (maxRequests) or release lanes that were never released to shorten their history.',
      );
    }
    requests++;
  }

  async function gql<T>(query: string, variables: Record<string, unknown>, what: string): Promise<T> {
    spend(what);
    try {
      return await octokit.graphql<T>(query, variables);
    } catch (e) {
      throw mapGitHubError(e, what);
    }
  }

  async function rest(route: string, params: Record<string, unknown>): Promise<RestResponse> {
    spend(route);
    try {
      const res = await octokit.request(route, params);
      return { headers: res.headers as RestResponse['headers'], data: res.data };
    } catch (e) {
      throw mapGitHubError(
        e,
        `${route.replace('{owner}/{repo}', `${owner}/${repo}`)} ${String(params.ref ?? '')}`,
      );
    }
  }

  /** REST fallback for files GraphQL will not return as text (truncated or binary). */
  async function restFile(path: string, ref: string): Promise<string | null> {
    try {
      const res = await rest('GET /repos/{owner}/{repo}/contents/{path}', {
        owner,
        repo,
        path,
        ref,
        mediaType: { format: 'raw' },
      });
      return typeof res.data === 'string' ? res.data : Buffer.from(res.data as ArrayBuffer).toString('utf8');
    } catch (e) {
      if (e instanceof ReleaseLanesError && /HTTP 404/.test(e.detail)) return null;
      throw e;
    }
  }

  let bootPromise: Promise<Bootstrap> | undefined;
  let bootValue: Bootstrap | undefined;

  async function doBootstrap(): Promise<Bootstrap> {
    type Data = {
      repository:
        | ({
            branch: { target: { oid: string } | null } | null;
            tags: TagsConnection;
            releasePrs?: { nodes: ReleasePrNode[] } | null;
            mergedPrs?: { nodes: MergedPrNode[] } | null;
          } & Record<string, unknown>)
        | null;
    };
    const what = `reading ${owner}/${repo}@${branch}`;
    const labels = options.releasePrLabels;
    const merged = options.listMergedPrs === true;
    const data = await gql<Data>(
      bootstrapQuery(bootFiles, labels !== undefined, merged),
      {
        ...bootstrapVariables(owner, repo, branch, bootFiles),
        ...(labels !== undefined ? { labels } : {}),
        ...(merged ? { base: branch } : {}),
      },
      what,
    );
    const r = data.repository;
    if (!r) throw new ReleaseLanesError('RL403', `${what}: repository not found`);
    const headSha = r.branch?.target?.oid;
    if (!headSha) throw new ReleaseLanesError('RL403', `${what}: branch ${branch} does not exist`);
    const files: Record<string, string | null> = {};
    for (const [i, path] of bootFiles.entries()) {
      const t = blobText(r[`f${i}`] as BlobNode | null);
      files[path] = t === 'fallback' ? await restFile(path, headSha) : t;
    }
    const tags = await allTags(gql, { owner, repo }, r.tags);
    const carry = carryFromPrs(r.releasePrs?.nodes, options.releaseBranchPrefixes ?? ['release-lanes/']);
    return {
      headSha,
      files,
      tags,
      carry,
      mergedPrs: r.mergedPrs?.nodes ?? [],
      headCheckFailed: headCheckFailed(r.branch?.target),
    };
  }

  function bootstrap(): Promise<Bootstrap> {
    bootPromise ??= doBootstrap().then(
      (b) => (bootValue = b),
      (e: unknown) => {
        bootPromise = undefined;
        throw e;
      },
    );
    return bootPromise;
  }

  const onBranch = (ref: string | undefined): boolean =>
    ref === undefined || ref === branch || ref === `refs/heads/${branch}` || ref === bootValue?.headSha;

  /** Files at `ref`: the bootstrap's when it has them, the others in aliased queries of up to 100. */
  async function readFiles(paths: readonly string[], ref?: string): Promise<Record<string, string | null>> {
    const out: Record<string, string | null> = {};
    const rest: string[] = [];
    for (const path of new Set(paths)) {
      if (onBranch(ref) && bootFiles.includes(path)) out[path] = (await bootstrap()).files[path] ?? null;
      else rest.push(path);
    }
    const at = ref ?? bootValue?.headSha ?? branch;
    for (let i = 0; i < rest.length; i += FILES_PER_QUERY) {
      const chunk = rest.slice(i, i + FILES_PER_QUERY);
      const vars = Object.fromEntries(chunk.map((p, k) => [`e${k}`, `${at}:${p}`]));
      const data = await gql<{ repository: Record<string, BlobNode | null> | null }>(
        filesQuery(chunk.length),
        { owner, repo, ...vars },
        chunk.length === 1 ? `reading ${chunk[0]}@${at}` : `reading ${chunk.length} files @${at}`,
      );
      for (const [k, path] of chunk.entries()) {
        const t = blobText(data.repository?.[`f${k}`]);
        out[path] = t === 'fallback' ? await restFile(path, at) : t;
      }
    }
    return out;
  }

  async function readFile(path: string, ref?: string): Promise<string | null> {
    return (await readFiles([path], ref))[path] ?? null;
  }

  /**
   * release-please's findFilesByFilenameAndRef: one recursive tree listing of the commit (1 REST request,
   * only for configs whose release types find files by name), filtered here. A truncated listing (over
   * GitHub's 100 000 entries) is RL135, never a partial answer.
   */
  async function findFiles(
    names: readonly string[],
    dirs: readonly string[],
    ref?: string,
  ): Promise<string[]> {
    if (names.length === 0 || dirs.length === 0) return [];
    const at = ref ?? (await bootstrap()).headSha;
    const res = await rest('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', {
      owner,
      repo,
      tree_sha: at,
      recursive: '1',
    });
    const data = res.data as { truncated?: boolean; tree?: { path: string; type: string; mode: string }[] };
    if (data.truncated) {
      throw new ReleaseLanesError(
        'RL135',
        `the file tree of ${owner}/${repo}@${at} is too large for GitHub to list in one response; cannot find ${names.join(', ')} files`,
      );
    }
    const wanted = new Set(names);
    const inDirs = (p: string) => dirs.some((d) => d === '.' || p.startsWith(`${d}/`));
    return (data.tree ?? [])
      .filter(
        (e) => e.type === 'blob' && wanted.has(e.path.slice(e.path.lastIndexOf('/') + 1)) && inDirs(e.path),
      )
      .map((e) => e.path);
  }

  let carried: HistoryCarry | undefined;
  const lanesHistory = async (config: RepoConfig, boundaries: Record<string, string | undefined>) => {
    const boot = await bootstrap();
    return gatherLanesHistory(
      { owner, repo, branch, gql, rest, historiesPerQuery, anchorsPerQuery, concurrency, log: options.log },
      {
        head: Promise.resolve(boot.headSha),
        requests: () => requests,
        assign: makeAssigner(config),
        carry: boot.carry,
        carryOut: (c) => (carried = c),
      },
      config,
      boundaries,
    );
  };

  return {
    readFile,
    readFiles,
    findFiles,
    listTags: async () => (await bootstrap()).tags,
    headSha: async () => (await bootstrap()).headSha,
    lanesHistory,
    historyCarry: () => carried,
    bootstrap,
    requestCount: () => requests,
  };
}
