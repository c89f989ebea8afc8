/**
 * Which merged pull requests are release-lanes' OWN release PRs — one predicate for the App, the CLI and
 * the Action. The label is NOT part of it (the label request can fail after the PR was opened, and anyone
 * who can label can put it on a human PR): a PR is ours when
 *
 * - the identity of the token in use opened it (the App: `<slug>[bot]`; the CLI/Action: the token's login),
 * - from a release branch of the same repository opened for the branch it was merged into
 *   (`release-lanes/<base>[/…]`, or on a release-please config `release-please--branches--<base>[--…]`),
 * - into that base (when the caller names one: the CLI/Action's release branch),
 * - with our plan marker ending its body (checked when the body was read: a listing without bodies only
 *   preselects, the PR is read in full before it is tagged).
 *
 * A finished one carries a `tagged` label (release-lanes' own or the release-please config's).
 */
import type { RepoConfig } from '../core/types.js';
import { RELEASE_PLEASE_TAGGED_LABEL } from '../config/release-please-style.js';
import { parsePlanMarker, type PlanMarker } from '../render/pr-body.js';
import { RP_BRANCH_PREFIX } from '../render/release-please-pr.js';
import { BRANCH_PREFIX, snapshotLabelsOf } from './release-branches.js';

export const TAGGED_LABEL = 'release-lanes: tagged';

/** What the predicate reads of a pull request, whatever API it came from. */
export interface ReleasePrFacts {
  number: number;
  merged: boolean;
  mergeSha: string | null;
  /** REST form: `<slug>[bot]` for an App. */
  author: string | null;
  head: string;
  headRepo: string | null;
  base: string;
  baseRepo: string | null;
  labels: string[];
  /** The PR body; undefined = not read (the marker is then not checked). */
  body?: string | null;
}

/** The fields of a REST pull request (webhook payload, `GET /pulls/{n}`, `GET /pulls`). */
export interface RestPull {
  number: number;
  merged?: boolean | null;
  merged_at?: string | null;
  merge_commit_sha: string | null;
  body?: string | null;
  user: { login: string } | null;
  labels: { name?: string }[];
  head: { ref: string; repo: { full_name: string } | null };
  base: { ref: string; repo: { full_name: string } | null };
}

export function factsOfRest(pr: RestPull): ReleasePrFacts {
  return {
    number: pr.number,
    merged: Boolean(pr.merged ?? pr.merged_at),
    mergeSha: pr.merge_commit_sha,
    author: pr.user?.login ?? null,
    head: pr.head.ref,
    headRepo: pr.head.repo?.full_name ?? null,
    base: pr.base.ref,
    baseRepo: pr.base.repo?.full_name ?? null,
    labels: pr.labels.flatMap((l) => (l.name ? [l.name] : [])),
    body: pr.body ?? null,
  };
}

/** A release branch we open for `base`: `release-lanes/<base>[/<lane>]` or `release-please--branches--<base>[--…]`. */
export function isOurBranchFor(head: string, base: string): boolean {
  const own = `${BRANCH_PREFIX}${base}`;
  const rp = `${RP_BRANCH_PREFIX}${base}`;
  return head === own || head.startsWith(`${own}/`) || head === rp || head.startsWith(`${rp}--`);
}

/** Why this pull request is not one of our merged release PRs, or null when it is. */
export function notOurReleasePr(
  pr: ReleasePrFacts,
  repoFullName: string,
  login: string,
  /** The branch it must have been merged into (absent: any branch it was opened for). */
  base?: string,
): string | null {
  if (!pr.merged) return 'not merged';
  if (!pr.mergeSha) return 'no merge commit';
  if (pr.author !== login) return `opened by ${pr.author ?? 'nobody'}, not by ${login}`;
  if (pr.headRepo !== repoFullName || pr.baseRepo !== repoFullName) return 'from a fork';
  if (base !== undefined && pr.base !== base) return `not merged into ${base}`;
  if (!isOurBranchFor(pr.head, pr.base))
    return `head branch ${pr.head} is not a release branch (${BRANCH_PREFIX}${pr.base}… or ${RP_BRANCH_PREFIX}${pr.base}…)`;
  if (pr.body !== undefined && !parsePlanMarker(pr.body))
    return 'its body does not end with a release-lanes plan marker';
  return null;
}

/** The labels that mark a finished release: ours, release-please's default and the config's `release-label`. */
export function taggedLabelNames(config?: RepoConfig): string[] {
  const style = config?.releasePr;
  return [
    TAGGED_LABEL,
    RELEASE_PLEASE_TAGGED_LABEL,
    ...(style?.flavor === 'release-please' ? style.taggedLabels : []),
  ];
}

export const isTagged = (labels: readonly string[], config?: RepoConfig): boolean => {
  const tagged = taggedLabelNames(config);
  return labels.some((l) => tagged.includes(l));
};

/** A Java SNAPSHOT pull request: its marker names SNAPSHOT bumps and no release, so nothing is tagged. */
export const isSnapshotOnly = (marker: PlanMarker | null | undefined): boolean =>
  marker !== null && marker !== undefined && marker.lanes.length === 0 && (marker.snapshots?.length ?? 0) > 0;

/** The labels a merged SNAPSHOT pull request keeps as its "done" mark: its lanes' SNAPSHOT labels. */
export function snapshotLabelNames(config: RepoConfig | undefined, lanes?: readonly string[]): string[] {
  const chosen = (config?.lanes ?? []).filter(
    (l) => l.snapshotBumps === true && (lanes === undefined || lanes.includes(l.name)),
  );
  return [...new Set(chosen.flatMap((l) => snapshotLabelsOf(l)))];
}

/**
 * A merged PR with nothing left to do: tagged, or a SNAPSHOT PR (its SNAPSHOT label and no pending label;
 * when its body was read, a SNAPSHOT-only marker).
 */
export function isFinished(pr: Pick<ReleasePrFacts, 'labels' | 'body'>, config?: RepoConfig): boolean {
  if (isTagged(pr.labels, config)) return true;
  if (pr.body !== undefined && isSnapshotOnly(parsePlanMarker(pr.body))) return true;
  const snapshot = snapshotLabelNames(config);
  const pending = config?.releasePr?.pendingLabels ?? [];
  return pr.labels.some((l) => snapshot.includes(l)) && !pr.labels.some((l) => pending.includes(l));
}
