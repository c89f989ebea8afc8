import type { MergedPrNode } from '../adapters/github/graphql-bootstrap.js';
import type { RepoConfig } from '../core/types.js';
import { isFinished, isOurBranchFor, notOurReleasePr, type ReleasePrFacts } from '../flows/our-release-pr.js';

/** A merged PR of the bootstrap listing, in the predicate's terms (a Bot's GraphQL login gets its `[bot]`). */
export function factsOfNode(n: MergedPrNode, repoFullName: string, base: string): ReleasePrFacts {
  const author = n.author ? `${n.author.login}${n.author.__typename === 'Bot' ? '[bot]' : ''}` : null;
  return {
    number: n.number,
    merged: true,
    mergeSha: n.mergeCommit?.oid ?? null,
    author,
    head: n.headRefName,
    headRepo: n.isCrossRepository ? null : repoFullName,
    base,
    baseRepo: repoFullName,
    labels: (n.labels?.nodes ?? []).map((l) => l.name),
  };
}

/**
 * Our merged release PRs whose tagging did not finish (no `tagged` label yet): an API error, a refused
 * ruleset, a lost delivery, a label request that failed after the PR was opened. A merged Java SNAPSHOT PR
 * (its SNAPSHOT label, no pending label) has nothing to tag and is finished. Read from the last few
 * merged PRs the bootstrap query already lists (no request of its own); a PR is ours by author, branch,
 * repository (our-release-pr.ts), never by label, so a human PR carrying the pending label is not taken
 * for one. The marker is checked when the PR is read in full, before it is tagged. Oldest first.
 */
export async function unfinishedReleasePrs(
  nodes: readonly MergedPrNode[],
  where: { repoFullName: string; base: string; login: () => Promise<string> },
  config: RepoConfig,
): Promise<number[]> {
  const candidates = nodes
    .map((n) => factsOfNode(n, where.repoFullName, where.base))
    .filter((pr) => isOurBranchFor(pr.head, pr.base) && !isFinished(pr, config));
  // Our identity is asked only when a candidate shows (the App's is cached per process).
  if (candidates.length === 0) return [];
  const login = await where.login();
  return candidates
    .filter((pr) => notOurReleasePr(pr, where.repoFullName, login, where.base) === null)
    .map((pr) => pr.number)
    .sort((a, b) => a - b);
}
