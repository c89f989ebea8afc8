/**
 * The one GraphQL query the release-PR flow reads its state with (pure builder + parser):
 * - `base`: the base commit's tree id (the `base_tree` of the release commit);
 * - `rN`: text + blob id of each file to read at the base commit, `cN`: blob id of each file to compare;
 * - `dN`: the entries (name, mode) of each directory holding a file read, so an executable file stays one;
 * - `hN`: head commit (and parents) of each release branch, `hNfM`: blob ids on that branch;
 * - `pN`: open pull requests whose head is that branch (with their author: GraphQL names a bot `slug`,
 *   REST and the token identity `slug[bot]`, so bots are reported as `slug[bot]`).
 * Every value travels as a variable; the query text only carries aliases.
 */
import type { ReleasePr, ReleaseState, ReleaseStateQuery } from '../../ports/release-host.js';

export interface BlobRef {
  __typename?: string;
  oid?: string;
  text?: string | null;
  isTruncated?: boolean;
  isBinary?: boolean;
}

interface PrNode {
  number: number;
  title: string;
  body: string;
  url?: string;
  headRefName: string;
  isCrossRepository: boolean;
  author?: { __typename?: string; login: string } | null;
  labels?: { nodes: { name: string }[] } | null;
}

interface RefNode {
  target: { oid: string; parents?: { nodes: { oid: string }[] } } | null;
}

export interface StateQueryPlan {
  query: string;
  variables: Record<string, string>;
  branches: string[];
  /** The directories asked as `dN` (in order). */
  dirs: string[];
}

export function releaseStateQuery(owner: string, repo: string, q: ReleaseStateQuery): StateQueryPlan {
  const defs = ['$owner: String!', '$repo: String!', '$base: GitObjectID!'];
  const variables: Record<string, string> = { owner, repo, base: q.baseSha };
  const fields: string[] = ['base: object(oid: $base) { ... on Commit { tree { oid } } }'];
  q.read.forEach((path, i) => {
    defs.push(`$r${i}: String!`);
    variables[`r${i}`] = `${q.baseSha}:${path}`;
    fields.push(
      `r${i}: object(expression: $r${i}) { __typename ... on Blob { oid text isTruncated isBinary } }`,
    );
  });
  const dirs = readDirs(q.read);
  dirs.forEach((dir, i) => {
    defs.push(`$d${i}: String!`);
    variables[`d${i}`] = `${q.baseSha}:${dir}`;
    fields.push(`d${i}: object(expression: $d${i}) { ... on Tree { entries { name mode } } }`);
  });
  q.compare.forEach((path, i) => {
    defs.push(`$c${i}: String!`);
    variables[`c${i}`] = `${q.baseSha}:${path}`;
    fields.push(`c${i}: object(expression: $c${i}) { __typename ... on Blob { oid } }`);
  });
  const branches = Object.keys(q.branches);
  branches.forEach((branch, i) => {
    defs.push(`$h${i}: String!`, `$n${i}: String!`);
    variables[`h${i}`] = `refs/heads/${branch}`;
    variables[`n${i}`] = branch;
    fields.push(
      `h${i}: ref(qualifiedName: $h${i}) { target { oid ... on Commit { parents(first: 2) { nodes { oid } } } } }`,
      `p${i}: pullRequests(headRefName: $n${i}, states: OPEN, first: 5) { nodes { number title body url headRefName isCrossRepository author { __typename login } labels(first: 50) { nodes { name } } } }`,
    );
    (q.branches[branch] ?? []).forEach((path, j) => {
      defs.push(`$h${i}f${j}: String!`);
      variables[`h${i}f${j}`] = `refs/heads/${branch}:${path}`;
      fields.push(`h${i}f${j}: object(expression: $h${i}f${j}) { __typename ... on Blob { oid } }`);
    });
  });
  (q.labels ?? []).forEach((name, i) => {
    defs.push(`$l${i}: String!`);
    variables[`l${i}`] = name;
    fields.push(`l${i}: label(name: $l${i}) { id }`);
  });
  const query = `query releaseLanesState(${defs.join(', ')}) {
  repository(owner: $owner, name: $repo) {
    ${fields.join('\n    ')}
  }
}`;
  return { query, variables, branches, dirs };
}

const dirOf = (path: string): string => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');

/** The directories of the files read (`''` = the root tree), each once. */
function readDirs(paths: readonly string[]): string[] {
  return [...new Set(paths.map(dirOf))].sort();
}

/** Git's mode of an executable blob: 0o100755, as GraphQL's `TreeEntry.mode` reports it (an Int). */
const EXECUTABLE = 0o100755;

export type StateData = { repository: Record<string, unknown> | null };

const isBlob = (n: unknown): n is BlobRef => !!n && (n as BlobRef).__typename === 'Blob';

/**
 * The state, except texts GraphQL could not return (truncated or binary): those are listed in
 * `fallbacks` (path → blob id) for the adapter to fetch through REST.
 */
export function parseReleaseState(
  data: StateData,
  q: ReleaseStateQuery,
  plan: StateQueryPlan,
): { state: ReleaseState; fallbacks: Record<string, string> } | null {
  const r = data.repository;
  if (!r) return null;
  const baseTree = (r.base as { tree?: { oid?: string } } | null)?.tree?.oid;
  if (!baseTree) return null;
  const files: ReleaseState['files'] = {};
  const fallbacks: Record<string, string> = {};
  const executable = new Set<string>();
  plan.dirs.forEach((dir, i) => {
    const entries = (r[`d${i}`] as { entries?: { name: string; mode: number }[] } | null)?.entries ?? [];
    for (const e of entries) if (e.mode === EXECUTABLE) executable.add(dir ? `${dir}/${e.name}` : e.name);
  });
  q.read.forEach((path, i) => {
    const n = r[`r${i}`];
    if (!isBlob(n) || !n.oid) {
      files[path] = null;
      return;
    }
    if (n.isTruncated || n.isBinary || typeof n.text !== 'string') fallbacks[path] = n.oid;
    files[path] = {
      text: typeof n.text === 'string' ? n.text : '',
      oid: n.oid,
      ...(executable.has(path) ? { mode: '100755' as const } : {}),
    };
  });
  q.compare.forEach((path, i) => {
    const n = r[`c${i}`];
    files[path] ??= isBlob(n) && n.oid ? { text: '', oid: n.oid } : null;
  });
  const heads: ReleaseState['heads'] = {};
  const prs: ReleaseState['prs'] = {};
  plan.branches.forEach((branch, i) => {
    const ref = r[`h${i}`] as RefNode | null | undefined;
    if (ref?.target?.oid) {
      const blobs: Record<string, string | null> = {};
      (q.branches[branch] ?? []).forEach((path, j) => {
        const n = r[`h${i}f${j}`];
        blobs[path] = isBlob(n) && n.oid ? n.oid : null;
      });
      heads[branch] = {
        sha: ref.target.oid,
        parents: (ref.target.parents?.nodes ?? []).map((p) => p.oid),
        blobs,
      };
    } else {
      heads[branch] = null;
    }
    const nodes = ((r[`p${i}`] as { nodes?: PrNode[] } | null)?.nodes ?? []).filter(
      (p) => !p.isCrossRepository && p.headRefName === branch,
    );
    const pr = nodes.sort((a, b) => a.number - b.number)[0];
    prs[branch] = pr ? toReleasePr(pr) : null;
  });
  const labels: ReleaseState['labels'] = {};
  (q.labels ?? []).forEach((name, i) => (labels[name] = !!r[`l${i}`]));
  return { state: { baseTree, files, heads, prs, labels }, fallbacks };
}

function toReleasePr(p: PrNode): ReleasePr {
  return {
    number: p.number,
    branch: p.headRefName,
    title: p.title,
    body: p.body ?? '',
    labels: (p.labels?.nodes ?? []).map((l) => l.name),
    ...(p.url ? { url: p.url } : {}),
    ...(p.author ? { author: authorLogin(p.author) } : {}),
  };
}

function authorLogin(a: { __typename?: string; login: string }): string {
  return a.__typename === 'Bot' && !a.login.endsWith('[bot]') ? `${a.login}[bot]` : a.login;
}
