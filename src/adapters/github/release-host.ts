import type { ProbotOctokit } from 'probot';
import { ReleaseLanesError } from '../../errors.js';
import type {
  CheckRunInput,
  ReleaseBranchWrite,
  ReleaseHost,
  ReleasePr,
  ReleaseState,
  ReleaseStateQuery,
} from '../../ports/release-host.js';
import { parseReleaseState, releaseStateQuery, type StateData } from './release-state-write.js';
import { isAlreadyExists, isRefExistence, mapWriteError } from './github-write-errors.js';

/**
 * The GitHub ReleaseHost: release branches, release pull requests, labels and check runs.
 *
 * Requests: reading the state is 1 GraphQL query (+1 REST blob per file GraphQL truncates). Writing a
 * release branch is 3 REST calls with the Git Data API — `POST /git/trees` (base_tree + inline `content`
 * entries, no blob calls), `POST /git/commits`, `POST /git/refs` or a forced `PATCH /git/refs/heads/…`.
 * Opening a PR is `POST /pulls`; a label costs `POST /labels` (422 already_exists = fine) and
 * `POST /issues/{n}/labels`. Every call is counted (`requestCount()`).
 */

type Octokit = Pick<InstanceType<typeof ProbotOctokit>, 'graphql' | 'request'>;

export const CHECK_RUN_NAME = 'release-lanes';
/** GitHub's limit for check run summaries. */
const SUMMARY_LIMIT = 65_535;

/** The body of `POST /repos/{owner}/{repo}/check-runs` for a completed `release-lanes` check. */
export function checkRunBody(check: CheckRunInput) {
  const summary =
    check.summary.length > SUMMARY_LIMIT
      ? `${check.summary.slice(0, SUMMARY_LIMIT - 20)}\n\n… (truncated)`
      : check.summary;
  return {
    name: CHECK_RUN_NAME,
    head_sha: check.headSha,
    status: 'completed',
    conclusion: check.conclusion,
    output: { title: check.title.slice(0, 255), summary },
  } as const;
}

export interface GitHubReleaseHostOptions {
  owner: string;
  repo: string;
}

export type GitHubReleaseHost = ReleaseHost & { requestCount(): number };

export function createGitHubReleaseHost(
  octokit: Octokit,
  options: GitHubReleaseHostOptions,
): GitHubReleaseHost {
  const { owner, repo } = options;
  const full = `${owner}/${repo}`;
  let requests = 0;

  async function rest<T = unknown>(
    route: string,
    params: Record<string, unknown>,
    what: string,
    opts: { ref?: boolean } = {},
  ): Promise<T> {
    requests++;
    try {
      const res = await octokit.request(route, { owner, repo, ...params });
      return res.data as T;
    } catch (e) {
      throw Object.assign(mapWriteError(e, what, opts), { cause: e });
    }
  }

  /** Like `rest`, but hands the raw Octokit error to `recover` first (null = not recovered). */
  async function restOr<T>(
    route: string,
    params: Record<string, unknown>,
    what: string,
    recover: (e: unknown) => Promise<T> | null,
    opts: { ref?: boolean } = {},
  ): Promise<T> {
    try {
      return await rest<T>(route, params, what, opts);
    } catch (e) {
      const cause = (e as { cause?: unknown }).cause;
      const next = cause === undefined ? null : recover(cause);
      if (next) return next;
      throw e;
    }
  }

  async function readReleaseState(q: ReleaseStateQuery): Promise<ReleaseState> {
    const plan = releaseStateQuery(owner, repo, q);
    const what = `reading the release state of ${full}`;
    requests++;
    let data: StateData;
    try {
      data = await octokit.graphql<StateData>(plan.query, plan.variables);
    } catch (e) {
      throw mapWriteError(e, what);
    }
    const parsed = parseReleaseState(data, q, plan);
    if (!parsed) throw new ReleaseLanesError('RL403', `${what}: commit ${q.baseSha} not found`);
    for (const [path, oid] of Object.entries(parsed.fallbacks)) {
      const blob = await rest<{ content: string; encoding: string }>(
        'GET /repos/{owner}/{repo}/git/blobs/{file_sha}',
        { file_sha: oid },
        `reading ${path}@${q.baseSha.slice(0, 7)}`,
      );
      const text = Buffer.from(blob.content, blob.encoding === 'base64' ? 'base64' : 'utf8').toString('utf8');
      parsed.state.files[path] = { ...parsed.state.files[path], text, oid };
    }
    return parsed.state;
  }

  async function writeReleaseBranch(w: ReleaseBranchWrite): Promise<{ sha: string }> {
    const what = `writing branch ${w.branch} of ${full}`;
    const tree = await rest<{ sha: string }>(
      'POST /repos/{owner}/{repo}/git/trees',
      {
        base_tree: w.baseTree,
        tree: Object.keys(w.files)
          .sort()
          .map((path) => ({
            path,
            mode: w.executable?.includes(path) ? '100755' : '100644',
            type: 'blob',
            content: w.files[path],
          })),
      },
      what,
    );
    const commit = await rest<{ sha: string }>(
      'POST /repos/{owner}/{repo}/git/commits',
      { message: w.message, tree: tree.sha, parents: [w.baseSha] },
      what,
    );
    const update = (): Promise<unknown> =>
      restOr(
        'PATCH /repos/{owner}/{repo}/git/refs/{ref}',
        { ref: `heads/${w.branch}`, sha: commit.sha, force: true },
        what,
        (e) => (isRefExistence(e) === 'missing' ? create(false) : null),
        { ref: true },
      );
    const create = (fallback: boolean): Promise<unknown> =>
      restOr(
        'POST /repos/{owner}/{repo}/git/refs',
        { ref: `refs/heads/${w.branch}`, sha: commit.sha },
        what,
        (e) => (fallback && isRefExistence(e) === 'exists' ? update() : null),
        { ref: true },
      );
    await (w.exists ? update() : create(true));
    return { sha: commit.sha };
  }

  async function findOpenPr(branch: string): Promise<ReleasePr | null> {
    const list = await rest<
      { number: number; title: string; body: string | null; html_url: string; labels: { name: string }[] }[]
    >(
      'GET /repos/{owner}/{repo}/pulls',
      { head: `${owner}:${branch}`, state: 'open', per_page: 5 },
      `finding the release PR of ${branch}`,
    );
    const p = list[0];
    return p
      ? {
          number: p.number,
          branch,
          title: p.title,
          body: p.body ?? '',
          labels: p.labels.map((l) => l.name),
          url: p.html_url,
        }
      : null;
  }

  return {
    readReleaseState,
    writeReleaseBranch,

    async openPr(pr) {
      type Pull = { number: number; title: string; body: string | null; html_url: string };
      const created = await restOr<Pull | null>(
        'POST /repos/{owner}/{repo}/pulls',
        {
          title: pr.title,
          head: pr.branch,
          base: pr.base,
          body: pr.body,
          ...(pr.draft ? { draft: true } : {}),
        },
        `opening the release PR for ${pr.branch} in ${full}`,
        // Opened concurrently (or GraphQL lagged): use the existing one; the flow then updates it.
        (e) => (isAlreadyExists(e) ? Promise.resolve(null) : null),
      );
      if (created) {
        return {
          number: created.number,
          branch: pr.branch,
          title: created.title,
          body: created.body ?? '',
          labels: [],
          url: created.html_url,
        };
      }
      const existing = await findOpenPr(pr.branch);
      if (!existing)
        throw new ReleaseLanesError('RL404', `GitHub says a PR for ${pr.branch} exists but lists none`);
      return existing;
    },

    async updatePr(number, pr) {
      await rest(
        'PATCH /repos/{owner}/{repo}/pulls/{pull_number}',
        { pull_number: number, ...pr },
        `updating PR #${number} of ${full}`,
      );
    },

    async closePr(pr, comment) {
      const what = `closing PR #${pr.number} of ${full}`;
      await rest(
        'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
        { issue_number: pr.number, body: comment },
        what,
      );
      await rest(
        'PATCH /repos/{owner}/{repo}/pulls/{pull_number}',
        { pull_number: pr.number, state: 'closed' },
        what,
      );
      await deleteBranch(pr.branch);
    },

    deleteBranch,

    async ensureLabel(label) {
      await restOr(
        'POST /repos/{owner}/{repo}/labels',
        { name: label.name, color: label.color, description: label.description },
        `creating label "${label.name}" in ${full}`,
        (e) => (isAlreadyExists(e) ? Promise.resolve(null) : null),
      );
    },

    async addLabels(number, labels) {
      await rest(
        'POST /repos/{owner}/{repo}/issues/{issue_number}/labels',
        { issue_number: number, labels },
        `labelling PR #${number} of ${full}`,
      );
    },

    async createCheckRun(check) {
      await rest(
        'POST /repos/{owner}/{repo}/check-runs',
        checkRunBody(check),
        `reporting a check run on ${check.headSha.slice(0, 7)} of ${full}`,
      );
    },

    requestCount: () => requests,
  };

  async function deleteBranch(branch: string): Promise<void> {
    await restOr(
      'DELETE /repos/{owner}/{repo}/git/refs/{ref}',
      { ref: `heads/${branch}` },
      `deleting branch ${branch} of ${full}`,
      // Already gone: fine.
      (e) =>
        (e as { status?: number }).status === 404 || isRefExistence(e) === 'missing'
          ? Promise.resolve(undefined)
          : null,
    );
  }
}
