import { PAGE_SIZE } from './graphql-bootstrap.js';

/**
 * Builds one GraphQL request of a history round: any number of aliased `history(path:, first: 100,
 * after:)` connections on the (pinned) head commit, plus "anchor" lookups `object(oid: <boundary>)
 * { history(path:, first: 1) }` that name, for a path and a lane boundary, the newest commit touching
 * the path that the boundary already contains — paging that path's history stops once the anchor shows.
 * Every value travels as a variable; the text only carries aliases. Pure.
 */

export interface HistoryPageRequest {
  /** Repository-relative path, '' = whole history (no path filter). */
  path: string;
  cursor: string | null;
  /** Also ask `changedFilesIfAvailable` (to tell empty commits apart without a REST call). */
  changedFiles: boolean;
  /** Commit-date window (GitTimestamp, ISO 8601): only commits dated at or after `since` / before `until`. */
  since?: string;
  until?: string;
}

export interface AnchorRequest {
  boundary: string;
  /** '' = no path (the anchor is the boundary itself; the lookup only proves it exists). */
  path: string;
}

export interface HistoryNode {
  oid: string;
  message: string;
  committedDate: string;
  author: { name: string | null; user?: { login: string } | null } | null;
  parents: { nodes: { oid: string }[] };
  changedFilesIfAvailable?: number | null;
}

export interface HistoryConnection {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: HistoryNode[];
}

export interface AnchorNode {
  oid: string;
  committedDate: string;
  history?: { nodes: { oid: string }[] };
}

export interface HistoryRoundResult {
  histories: (HistoryConnection | null)[];
  anchors: (AnchorNode | null)[];
}

const COMMIT_FRAGMENT = `fragment releaseLanesCommit on Commit {
  oid message committedDate author { name user { login } } parents(first: 2) { nodes { oid } }
}`;

export function historyRoundQuery(
  histories: readonly HistoryPageRequest[],
  anchors: readonly AnchorRequest[],
): { query: string; variables: Record<string, string | null> } {
  const defs = ['$owner: String!', '$repo: String!'];
  const variables: Record<string, string | null> = {};
  const fields: string[] = [];
  if (histories.length > 0) defs.push('$head: GitObjectID!');
  histories.forEach((h, i) => {
    const args: string[] = [];
    if (h.path !== '') {
      defs.push(`$p${i}: String!`);
      variables[`p${i}`] = h.path;
      args.push(`path: $p${i}`);
    }
    defs.push(`$c${i}: String`);
    variables[`c${i}`] = h.cursor;
    args.push(`first: ${PAGE_SIZE}`, `after: $c${i}`);
    if (h.since !== undefined) {
      defs.push(`$si${i}: GitTimestamp`);
      variables[`si${i}`] = h.since;
      args.push(`since: $si${i}`);
    }
    if (h.until !== undefined) {
      defs.push(`$un${i}: GitTimestamp`);
      variables[`un${i}`] = h.until;
      args.push(`until: $un${i}`);
    }
    const extra = h.changedFiles ? ' changedFilesIfAvailable' : '';
    fields.push(
      `s${i}: history(${args.join(', ')}) { pageInfo { hasNextPage endCursor } nodes { ...releaseLanesCommit${extra} } }`,
    );
  });
  const anchorFields = anchors.map((a, i) => {
    defs.push(`$b${i}: GitObjectID!`);
    variables[`b${i}`] = a.boundary;
    let hist = '';
    if (a.path !== '') {
      defs.push(`$q${i}: String!`);
      variables[`q${i}`] = a.path;
      hist = ` history(path: $q${i}, first: 1) { nodes { oid } }`;
    }
    return `a${i}: object(oid: $b${i}) { ... on Commit { oid committedDate${hist} } }`;
  });
  const head =
    histories.length > 0
      ? `head: object(oid: $head) { ... on Commit {\n      ${fields.join('\n      ')}\n    } }`
      : '';
  const body = [head, ...anchorFields].filter(Boolean).join('\n    ');
  const query = `query releaseLanesHistory(${defs.join(', ')}) {
  repository(owner: $owner, name: $repo) {
    ${body}
  }
}${histories.length > 0 ? `\n${COMMIT_FRAGMENT}` : ''}`;
  return { query, variables };
}

interface RawRoundData {
  repository: ({ head?: Record<string, HistoryConnection | null> | null } & Record<string, unknown>) | null;
}

export function parseHistoryRound(
  data: RawRoundData,
  histories: readonly HistoryPageRequest[],
  anchors: readonly AnchorRequest[],
): HistoryRoundResult {
  const repo = data.repository ?? {};
  const head = (repo.head ?? {}) as Record<string, HistoryConnection | null>;
  return {
    histories: histories.map((_, i) => head[`s${i}`] ?? null),
    anchors: anchors.map((_, i) => (repo[`a${i}`] as AnchorNode | null | undefined) ?? null),
  };
}
