/**
 * The merged release PRs whose tagging has not finished yet (the `release` command and the Action).
 *
 * Asked with 1 request: `GET /pulls` (closed, into the release branch, most recently updated first, 30).
 * A PR counts when the shared predicate (src/flows/our-release-pr.ts) says it is ours — opened by the
 * identity of the token in use, from a release branch of this repository opened for the release branch,
 * with our plan marker ending its body — and it carries no `tagged` label yet. The `pending` label is not
 * needed (its request may have failed), and a PR carrying only the right label or branch name never counts.
 * A merged Java SNAPSHOT PR (its marker names no release) has nothing to tag and never counts.
 */
import { PENDING_LABEL } from '../../flows/open-release-pr.js';
import { BRANCH_PREFIX } from '../../flows/release-branches.js';
import { RP_BRANCH_PREFIX } from '../../render/release-please-pr.js';
import {
  factsOfRest,
  isSnapshotOnly,
  isTagged,
  notOurReleasePr,
  type RestPull,
} from '../../flows/our-release-pr.js';
import { parsePlanMarker } from '../../render/pr-body.js';
import { mapGitHubError } from './github-errors.js';
import type { GitHubOctokit } from './octokit.js';

/** How many recently updated closed PRs are looked at. */
const RECENT = 30;

/** The fields of a listed pull request the trust check reads. */
export interface MergedPull extends RestPull {
  merged_at: string | null;
  body: string | null;
  labels: { name: string }[];
}

export interface MergedReleasePrs {
  /** Ours and not finished, oldest merge first. */
  prs: MergedPull[];
  /** Merged PRs from a release branch that are not ours, with the reason. */
  ignored: { number: number; reason: string }[];
}

/** From a release branch name or with the pending label: worth saying why it is not tagged. */
const looksLikeOne = (pr: MergedPull): boolean =>
  pr.head.ref.startsWith(BRANCH_PREFIX) ||
  pr.head.ref.startsWith(RP_BRANCH_PREFIX) ||
  pr.labels.some((l) => l.name === PENDING_LABEL.name);

export async function mergedReleasePrs(
  octokit: Pick<GitHubOctokit, 'request'>,
  where: { owner: string; repo: string },
  opts: { base: string; login: string },
): Promise<MergedReleasePrs> {
  const full = `${where.owner}/${where.repo}`;
  let pulls: MergedPull[];
  try {
    ({ data: pulls } = (await octokit.request('GET /repos/{owner}/{repo}/pulls', {
      ...where,
      state: 'closed',
      base: opts.base,
      sort: 'updated',
      direction: 'desc',
      per_page: RECENT,
    })) as unknown as { data: MergedPull[] });
  } catch (e) {
    throw mapGitHubError(e, `listing merged release PRs of ${full}`);
  }
  const prs: MergedPull[] = [];
  const ignored: MergedReleasePrs['ignored'] = [];
  for (const pr of pulls) {
    if (!pr.merged_at || isTagged(pr.labels.map((l) => l.name))) continue;
    // a merged Java SNAPSHOT PR has nothing to tag
    if (isSnapshotOnly(parsePlanMarker(pr.body))) continue;
    const reason = notOurReleasePr(factsOfRest(pr), full, opts.login, opts.base);
    if (reason === null) prs.push(pr);
    else if (looksLikeOne(pr)) ignored.push({ number: pr.number, reason });
  }
  prs.sort((a, b) => Date.parse(a.merged_at!) - Date.parse(b.merged_at!) || a.number - b.number);
  return { prs, ignored };
}
