/**
 * Taking over a release PR that release-please itself opened, so a repository can switch while such a PR is
 * open or merged-but-untagged: the merged PR is tagged (and relabelled `autorelease: tagged`) by
 * release-lanes, not proposed again.
 *
 * A deliberately narrow rule, separate from how release-lanes recognises its OWN release PRs (author
 * identity + branch + marker, pull-request-closed.ts). A merged PR that release-lanes did not open is taken
 * over only when ALL of these hold:
 *   1. shape, checked from the PR alone (no request): merged into the default branch, from a branch of the
 *      same repository named as release-please names them (`release-please--branches--<base>` or
 *      `…--components--<component>`), with at least one label;
 *   2. config, checked at the merge commit: the repository is configured with release-please files, the PR
 *      carries that config's pending label (`label`, default `autorelease: pending`), its title matches one
 *      of the config's release-please title patterns, and its body has release-please's shape (the
 *      configured or default header, then a `---` line).
 * What gets tagged is still read from the merged tree (the manifest before and after the merge), exactly as
 * for release-lanes' own PRs. Like release-please, this trusts whoever could merge into the default branch.
 */
import { titleMatcher } from '../core/release-please-title.js';
import type { RepoConfig } from '../core/types.js';
import {
  DEFAULT_GROUP_PR_TITLE_PATTERN,
  DEFAULT_PR_HEADER,
  DEFAULT_PR_TITLE_PATTERN,
  RP_BRANCH_PREFIX,
} from '../render/release-please-pr.js';

export interface TakeoverPr {
  merged?: boolean | null;
  merged_at?: string | null;
  merge_commit_sha: string | null;
  title?: string;
  body?: string | null;
  labels: { name: string }[];
  head: { ref: string; repo: { full_name: string } | null };
  base: { ref: string; repo: { full_name: string } };
}

/** Step 1: why this PR does not look like release-please's own release PR, or null when it does. */
export function notReleasePleaseShape(
  pr: TakeoverPr,
  repoFullName: string,
  defaultBranch: string,
): string | null {
  if (!(pr.merged ?? pr.merged_at)) return 'not merged';
  if (!pr.merge_commit_sha) return 'no merge commit';
  if (pr.base.ref !== defaultBranch) return `not merged into ${defaultBranch}`;
  if (pr.head.repo?.full_name !== repoFullName || pr.base.repo.full_name !== repoFullName)
    return 'from a fork';
  const branch = pr.head.ref;
  const own = `${RP_BRANCH_PREFIX}${defaultBranch}`;
  if (branch !== own && !branch.startsWith(`${own}--components--`))
    return `head branch is not ${own}[--components--…]`;
  if (pr.labels.length === 0) return 'no label';
  return null;
}

/** Step 2, given the config at the merge commit: why it is not taken over, or null. */
export function notReleasePleaseReleasePr(pr: TakeoverPr, config: RepoConfig): string | null {
  const style = config.releasePr;
  if (config.source !== 'release-please' || style?.flavor !== 'release-please')
    return 'the repository is not configured with release-please files';
  const labels = pr.labels.map((l) => l.name);
  if (!style.pendingLabels.some((l) => labels.includes(l)))
    return `no "${style.pendingLabels.join('", "')}" label`;
  const patterns = new Set([
    style.groupTitlePattern ?? DEFAULT_GROUP_PR_TITLE_PATTERN,
    ...config.lanes.map((l) => l.releasePr?.titlePattern ?? DEFAULT_PR_TITLE_PATTERN),
  ]);
  const noSpace = config.lanes.some((l) => l.releasePr?.componentNoSpace === true);
  if (![...patterns].some((p) => titleMatcher(p, noSpace).test(pr.title ?? '')))
    return "the title does not match release-please's title pattern";
  const headers = new Set(config.lanes.map((l) => l.releasePr?.header || DEFAULT_PR_HEADER));
  const body = (pr.body ?? '').replace(/\r\n/g, '\n').trim();
  const lines = body.split('\n');
  const delimiter = lines.indexOf('---');
  if (delimiter < 0 || !headers.has(lines.slice(0, delimiter).join('\n').trim()))
    return "the body does not have release-please's shape (header, then ---)";
  return null;
}
