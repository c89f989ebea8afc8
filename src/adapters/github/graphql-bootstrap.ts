import type { TagRef } from '../../core/types.js';

/**
 * The bootstrap query: in ONE request, the config files (read from the release branch only, never from a
 * PR head), the branch head oid and the first 100 tags peeled to their commits. Further tag pages use
 * `TAGS_PAGE_QUERY`. Pure builders and parsers; the adapter does the I/O.
 */

/** Files the gather stage always needs, fetched with the bootstrap query. */
export const BOOTSTRAP_FILES = [
  '.github/release-lanes.yml',
  'release-please-config.json',
  '.release-please-manifest.json',
  '.release-lanes-manifest.json',
] as const;

export const PAGE_SIZE = 100;

/** Peels annotated tags (and tags of tags, 3 levels deep) to what they point at. */
const TAG_TARGET = `target { __typename oid ... on Tag { target { __typename oid ... on Tag { target { __typename oid } } } } }`;

const TAGS_CONNECTION = `refs(refPrefix: "refs/tags/", first: ${PAGE_SIZE}, after: $tagsAfter, orderBy: { field: TAG_COMMIT_DATE, direction: DESC }) {
      pageInfo { hasNextPage endCursor }
      nodes { name ${TAG_TARGET} }
    }`;

const BLOB = `__typename ... on Blob { text isTruncated }`;

/** The conclusion of the latest `release-lanes` check run on the head (a failing one a recovery turns green). */
const HEAD_CHECK = ` ... on Commit { checkSuites(first: 20) { nodes { checkRuns(first: 1, filterBy: { checkName: "release-lanes", checkType: LATEST }) { nodes { conclusion } } } } }`;

/** Whether the head's latest `release-lanes` check run failed (HEAD_CHECK's answer). */
export function headCheckFailed(target: unknown): boolean {
  const suites = (
    target as { checkSuites?: { nodes?: { checkRuns?: { nodes?: { conclusion?: string }[] } }[] } }
  )?.checkSuites?.nodes;
  return (suites ?? []).some((s) => s.checkRuns?.nodes?.some((r) => r.conclusion === 'FAILURE'));
}

/** How many of the most recently updated merged PRs into the branch the bootstrap lists. */
export const MERGED_PRS = 5;

/**
 * `withReleasePrs`: also the bodies of the open pull requests carrying one of the release labels (`$labels`),
 * whose hidden marker may hold what the previous run carried forward (see history-carry.ts).
 * `withMergedPrs`: also the last few PRs merged into `$base` (author, branch, labels, merge commit; no body),
 * where a merged release PR of ours whose tagging did not finish shows (unfinished-releases.ts).
 */
export function bootstrapQuery(
  files: readonly string[],
  withReleasePrs = false,
  withMergedPrs = false,
): string {
  const vars = files.map((_, i) => `$e${i}: String!`);
  if (withReleasePrs) vars.push('$labels: [String!]!');
  if (withMergedPrs) vars.push('$base: String!');
  const objects = files.map((_, i) => `f${i}: object(expression: $e${i}) { ${BLOB} }`).join('\n    ');
  let prs = withReleasePrs
    ? `\n    releasePrs: pullRequests(states: OPEN, labels: $labels, first: 10, orderBy: { field: UPDATED_AT, direction: DESC }) { nodes { headRefName isCrossRepository body } }`
    : '';
  if (withMergedPrs)
    prs += `\n    mergedPrs: pullRequests(states: MERGED, baseRefName: $base, first: ${MERGED_PRS}, orderBy: { field: UPDATED_AT, direction: DESC }) { nodes { number headRefName isCrossRepository author { __typename login } labels(first: 20) { nodes { name } } mergeCommit { oid } } }`;
  return `query releaseLanesBootstrap($owner: String!, $repo: String!, $qualified: String!, $tagsAfter: String${
    vars.length ? `, ${vars.join(', ')}` : ''
  }) {
  repository(owner: $owner, name: $repo) {
    branch: ref(qualifiedName: $qualified) { target { oid${withMergedPrs ? HEAD_CHECK : ''} } }
    ${objects}
    tags: ${TAGS_CONNECTION}${prs}
  }
}`;
}

export interface ReleasePrNode {
  headRefName: string;
  isCrossRepository: boolean;
  body: string | null;
}

/** A merged PR as the bootstrap lists it (GraphQL names an App's bot by its slug, without `[bot]`). */
export interface MergedPrNode {
  number: number;
  headRefName: string;
  isCrossRepository: boolean;
  author: { __typename: string; login: string } | null;
  labels: { nodes: { name: string }[] } | null;
  mergeCommit: { oid: string } | null;
}

export const TAGS_PAGE_QUERY = `query releaseLanesTags($owner: String!, $repo: String!, $tagsAfter: String) {
  repository(owner: $owner, name: $repo) {
    tags: ${TAGS_CONNECTION}
  }
}`;

/** One request reading several files (aliases `f0`…, expressions `$e0`…: `<ref>:<path>`). */
export function filesQuery(count: number): string {
  const vars = Array.from({ length: count }, (_, i) => `$e${i}: String!`).join(', ');
  const objects = Array.from({ length: count }, (_, i) => `f${i}: object(expression: $e${i}) { ${BLOB} }`);
  return `query releaseLanesFile($owner: String!, $repo: String!, ${vars}) {
  repository(owner: $owner, name: $repo) {
    ${objects.join('\n    ')}
  }
}`;
}

/** Files per `filesQuery` request (GitHub limits a query's node count, not its aliases). */
export const FILES_PER_QUERY = 100;

export function bootstrapVariables(
  owner: string,
  repo: string,
  branch: string,
  files: readonly string[],
): Record<string, string | null> {
  const v: Record<string, string | null> = {
    owner,
    repo,
    qualified: `refs/heads/${branch}`,
    tagsAfter: null,
  };
  files.forEach((f, i) => (v[`e${i}`] = `refs/heads/${branch}:${f}`));
  return v;
}

export interface BlobNode {
  __typename?: string;
  text?: string | null;
  isTruncated?: boolean;
}

/** What a blob alias says: the text, null when absent (or not a file), `fallback` when GraphQL cannot give it. */
export function blobText(node: BlobNode | null | undefined): string | null | 'fallback' {
  if (!node || node.__typename !== 'Blob') return null;
  if (node.isTruncated || typeof node.text !== 'string') return 'fallback';
  return node.text;
}

interface TargetNode {
  __typename?: string;
  oid?: string;
  target?: TargetNode | null;
}

export interface TagsConnection {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: { name: string; target: TargetNode | null }[];
}

/** Tags pointing (through annotated tags) at commits; tags of trees/blobs are not versions and are skipped. */
export function peelTags(conn: TagsConnection): TagRef[] {
  const out: TagRef[] = [];
  for (const n of conn.nodes) {
    let t = n.target;
    while (t && t.__typename === 'Tag') t = t.target ?? null;
    if (t && t.__typename === 'Commit' && t.oid) out.push({ name: n.name, sha: t.oid });
  }
  return out;
}

type Gql = <T>(query: string, variables: Record<string, unknown>, what: string) => Promise<T>;

/** Every tag: the first page (from the bootstrap query) plus the remaining pages, 100 at a time. */
export async function allTags(
  gql: Gql,
  where: { owner: string; repo: string },
  first: TagsConnection,
): Promise<TagRef[]> {
  const tags = peelTags(first);
  let page = first.pageInfo;
  while (page.hasNextPage) {
    const more = await gql<{ repository: { tags: TagsConnection } }>(
      TAGS_PAGE_QUERY,
      { ...where, tagsAfter: page.endCursor },
      `listing tags of ${where.owner}/${where.repo}`,
    );
    tags.push(...peelTags(more.repository.tags));
    page = more.repository.tags.pageInfo;
  }
  return tags;
}
