/**
 * The merged release PRs whose tagging has not happened yet (the `release` command and the Action).
 *
 * Asked with 1 request (`GET /issues`, closed, labelled `release-lanes: pending`, oldest first) + 1
 * `GET /pulls/{n}` per merged candidate. A PR counts as ours only when the identity of the token in use
 * opened it, from a `release-lanes/…` branch of this repository, into the default branch: a PR carrying
 * only the right label or branch name never counts.
 */
import { PENDING_LABEL } from '../../flows/open-release-pr.js';
import { BRANCH_PREFIX } from '../../flows/release-branches.js';
import { mapGitHubError } from './github-errors.js';
import type { GitHubOctokit } from './octokit.js';

/** The fields of `GET /pulls/{n}` the trust check reads. */
export interface MergedPull {
  number: number;
  merged_at: string | null;
  merge_commit_sha: string | null;
  body: string | null;
  user: { login: string } | null;
  labels: { name: string }[];
  head: { ref: string; repo: { full_name: string } | null };
  base: { ref: string; repo: { full_name: string } };
}

/** Why this merged pull request is not one of ours to tag, or null when it is. */
export function notOurReleasePr(
  pr: MergedPull,
  repoFullName: string,
  base: string,
  login: string,
): string | null {
  if (!pr.merged_at) return 'not merged';
  if (!pr.merge_commit_sha) return 'no merge commit';
  if (pr.user?.login !== login) return `opened by ${pr.user?.login ?? 'nobody'}, not by ${login}`;
  if (!pr.labels.some((l) => l.name === PENDING_LABEL.name)) return `no "${PENDING_LABEL.name}" label`;
  if (!pr.head.ref.startsWith(BRANCH_PREFIX)) return `head branch is not ${BRANCH_PREFIX}…`;
  if (pr.head.repo?.full_name !== repoFullName || pr.base.repo.full_name !== repoFullName)
    return 'from a fork';
  if (pr.base.ref !== base) return `not merged into ${base}`;
  return null;
}

export interface MergedReleasePrs {
  /** Ours, oldest merge first. */
  prs: MergedPull[];
  /** Candidates that carry the label but are not ours, with the reason. */
  ignored: { number: number; reason: string }[];
}

export async function mergedReleasePrs(
  octokit: Pick<GitHubOctokit, 'request'>,
  where: { owner: string; repo: string },
  opts: { base: string; login: string },
): Promise<MergedReleasePrs> {
  const full = `${where.owner}/${where.repo}`;
  let issues: { number: number; pull_request?: { merged_at?: string | null } }[];
  try {
    ({ data: issues } = await octokit.request('GET /repos/{owner}/{repo}/issues', {
      ...where,
      state: 'closed',
      labels: PENDING_LABEL.name,
      sort: 'created',
      direction: 'asc',
      per_page: 100,
    }));
  } catch (e) {
    throw mapGitHubError(e, `listing merged release PRs of ${full}`);
  }
  const prs: MergedPull[] = [];
  const ignored: MergedReleasePrs['ignored'] = [];
  for (const issue of issues.filter((i) => i.pull_request?.merged_at)) {
    let pr: MergedPull;
    try {
      ({ data: pr } = (await octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
        ...where,
        pull_number: issue.number,
      })) as unknown as { data: MergedPull });
    } catch (e) {
      throw mapGitHubError(e, `reading PR #${issue.number} of ${full}`);
    }
    const reason = notOurReleasePr(pr, full, opts.base, opts.login);
    if (reason) ignored.push({ number: pr.number, reason });
    else prs.push(pr);
  }
  prs.sort((a, b) => Date.parse(a.merged_at!) - Date.parse(b.merged_at!) || a.number - b.number);
  return { prs, ignored };
}
