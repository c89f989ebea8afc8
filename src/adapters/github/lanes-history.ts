import type { LaneAssigner } from '../../core/assign.js';
import type { RawCommit, RepoConfig } from '../../core/types.js';
import { ReleaseLanesError } from '../../errors.js';
import { fetchCommitFiles, type CommitFilesResult, type RestRequest } from './commit-files.js';
import {
  historyRoundQuery,
  parseHistoryRound,
  type AnchorNode,
  type AnchorRequest,
  type HistoryNode,
  type HistoryPageRequest,
} from './graphql-history.js';
import { carriedWindows, carryOf, type HistoryCarry } from './history-carry.js';
import { planStreams, type LaneStreams } from './lane-streams.js';

/**
 * The history engine of the GitHub gatherer (see repo-host.ts for the request strategy): page the path
 * histories ("streams") round by round until every lane boundary's anchor has shown, fetch file lists
 * for the few commits the histories cannot place alone, and hand each lane its commits, newest first.
 */

export interface GatherLog {
  requests: number;
  lanes: number;
  commits: number;
  rounds: number;
  fileLists: number;
  fallbackBoundaries?: string[];
}

export interface HistoryDeps {
  owner: string;
  repo: string;
  branch: string;
  gql: <T>(query: string, variables: Record<string, unknown>, what: string) => Promise<T>;
  rest: RestRequest;
  historiesPerQuery: number;
  anchorsPerQuery: number;
  concurrency: number;
  log?: (entry: GatherLog) => void;
}

/** One `history` connection of a stream: the whole history, or a carried commit-date window. */
interface Segment {
  since?: string;
  until?: string;
  nodes: HistoryNode[];
  cursor: string | null;
  hasNext: boolean;
  started: boolean;
}

interface StreamState {
  key: string;
  boundaries: Set<string | undefined>;
  /** Newest first. Without a carry: one segment (the whole history, paged as far as needed). */
  segments: Segment[];
  /** The segments' nodes in order, without duplicates (windows overlap by a second). */
  nodes: HistoryNode[];
  index: Map<string, number>;
  changedFiles: boolean;
}

const segment = (window: { since?: string; until?: string } = {}): Segment => ({
  ...window,
  nodes: [],
  cursor: null,
  hasNext: true,
  started: false,
});

interface Anchor {
  date: string;
  /** Newest commit touching the path contained in the boundary; null = none (read the whole stream). */
  oid: string | null;
}

export async function gatherLanesHistory(
  deps: HistoryDeps,
  ctx: {
    head: Promise<string>;
    requests: () => number;
    assign: LaneAssigner;
    /** Page dates of the previous run (see history-carry.ts), and where this run leaves its own. */
    carry?: HistoryCarry | null;
    carryOut?: (carry: HistoryCarry) => void;
  },
  config: RepoConfig,
  boundaries: Record<string, string | undefined>,
): Promise<Record<string, RawCommit[]>> {
  const { owner, repo, branch, gql, rest, historiesPerQuery, anchorsPerQuery, concurrency } = deps;
  const head = await ctx.head;
  const plan = planStreams(config, boundaries);
  const wantChanged = plan.lanes.some((l) => l.unclaimedRoot);
  const streams = new Map<string, StreamState>();
  for (const [key, bs] of plan.streams) {
    const dates = ctx.carry?.[key];
    streams.set(key, {
      key,
      boundaries: bs,
      segments: dates ? carriedWindows(dates).map(segment) : [segment()],
      nodes: [],
      index: new Map(),
      changedFiles: wantChanged && key === '',
    });
  }
  const anchorKey = (key: string, b: string) => `${key}\u0000${b}`;
  const anchors = new Map<string, Anchor>();
  const anchorReqs: AnchorRequest[] = [];
  for (const s of streams.values()) {
    for (const b of s.boundaries) if (b !== undefined) anchorReqs.push({ boundary: b, path: s.key });
  }

  /** Whether every boundary of the stream has its anchor among the nodes read (or needs none). */
  const anchored = (s: StreamState): boolean => {
    for (const b of s.boundaries) {
      if (b === undefined) return false;
      const a = anchors.get(anchorKey(s.key, b));
      if (!a || a.oid === null || !s.index.has(a.oid)) return false;
    }
    return true;
  };
  /**
   * The segments of a stream to read a page of this round: every carried window to its end, and the
   * last segment until every anchor has shown. When the windows are read and an anchor is still missing
   * (the range reaches further back than the carried dates), the history older than the last window is
   * paged on as a new segment.
   */
  const nextPages = (s: StreamState): Segment[] => {
    const last = s.segments[s.segments.length - 1]!;
    const open = s.segments.filter((g) => !g.started || (g.hasNext && g !== last));
    if (open.length > 0) return open;
    if (anchors.size < anchorReqs.length || anchored(s)) return [];
    if (last.hasNext) return [last];
    if (last.since === undefined) return [];
    const older = segment({ until: new Date(Date.parse(last.since) + 1000).toISOString() });
    s.segments.push(older);
    return [older];
  };
  const addNodes = (s: StreamState, nodes: readonly HistoryNode[]) => {
    for (const n of nodes) if (!s.index.has(n.oid)) s.index.set(n.oid, s.nodes.push(n) - 1);
  };
  /** Rebuilds a stream's node list from its segments, in segment order (windows may arrive out of order). */
  const rebuild = (s: StreamState) => {
    s.nodes = [];
    s.index = new Map();
    for (const g of s.segments) addNodes(s, g.nodes);
  };

  let rounds = 0;
  let pendingAnchors = anchorReqs;
  for (;;) {
    const pending = [...streams.values()].flatMap((s) => nextPages(s).map((g) => ({ s, g })));
    if (pending.length === 0 && pendingAnchors.length === 0) break;
    rounds++;
    const chunks: { streams: { s: StreamState; g: Segment }[]; anchors: AnchorRequest[] }[] = [];
    for (let h = 0, a = 0; h < pending.length || a < pendingAnchors.length; ) {
      chunks.push({
        streams: pending.slice(h, h + historiesPerQuery),
        anchors: pendingAnchors.slice(a, a + anchorsPerQuery),
      });
      h += historiesPerQuery;
      a += anchorsPerQuery;
    }
    pendingAnchors = [];
    await mapLimit(chunks, concurrency, async (chunk) => {
      const reqs: HistoryPageRequest[] = chunk.streams.map(({ s, g }) => ({
        path: s.key,
        cursor: g.cursor,
        changedFiles: s.changedFiles,
        ...(g.since !== undefined ? { since: g.since } : {}),
        ...(g.until !== undefined ? { until: g.until } : {}),
      }));
      const { query, variables } = historyRoundQuery(reqs, chunk.anchors);
      const what = `reading history of ${owner}/${repo}@${branch}`;
      const data = await gql<Parameters<typeof parseHistoryRound>[0]>(
        query,
        { owner, repo, ...(reqs.length > 0 ? { head } : {}), ...variables },
        what,
      );
      const res = parseHistoryRound(data, reqs, chunk.anchors);
      chunk.streams.forEach(({ s, g }, i) => {
        const conn = res.histories[i];
        if (!conn) throw new ReleaseLanesError('RL403', `${what}: no history returned for "${s.key || '.'}"`);
        g.nodes.push(...conn.nodes);
        g.started = true;
        g.cursor = conn.pageInfo.endCursor;
        g.hasNext = conn.pageInfo.hasNextPage && conn.nodes.length > 0;
      });
      chunk.anchors.forEach((a, i) =>
        anchors.set(anchorKey(a.path, a.boundary), toAnchor(a, res.anchors[i] ?? null)),
      );
    });
    for (const { s } of pending) rebuild(s);
  }
  ctx.carryOut?.(carryOf(new Map([...streams].map(([k, s]) => [k, s.nodes]))));

  // Which candidates need a file list, then fetch those (only those).
  const fallbackBoundaries = new Set<string>();
  const range = (key: string, b: string | undefined, lane: string): HistoryNode[] => {
    const s = streams.get(key)!;
    if (b === undefined) return s.nodes;
    const a = anchors.get(anchorKey(key, b))!;
    if (a.oid === null) return s.nodes;
    const idx = s.index.get(a.oid);
    if (idx !== undefined) return s.nodes.slice(0, idx);
    fallbackBoundaries.add(lane);
    const t = Date.parse(a.date);
    return s.nodes.filter((n) => Date.parse(n.committedDate) > t);
  };
  const perLane = plan.lanes.map((l) => ({ l, candidates: laneCandidates(l, range) }));
  const filesOf = new Map<string, CommitFilesResult>();
  const toFetch = new Set<string>();
  for (const { l, candidates } of perLane) {
    for (const { node, literal } of candidates) {
      if (isMerge(node)) continue;
      if (l.unclaimedRoot && node.changedFilesIfAvailable === 0) {
        filesOf.set(node.oid, { files: [], truncated: false });
        continue;
      }
      const needs =
        l.allNeedFiles ||
        !literal ||
        l.interferers.some((k) => streams.get(k)!.index.has(node.oid)) ||
        (l.unclaimedRoot && typeof node.changedFilesIfAvailable !== 'number');
      if (needs) toFetch.add(node.oid);
    }
  }
  for (const oid of filesOf.keys()) toFetch.delete(oid);
  await mapLimit([...toFetch], concurrency, async (sha) => {
    filesOf.set(sha, await fetchCommitFiles(rest, owner, repo, sha));
  });

  const assign = ctx.assign;
  const assigned = new Map<string, string[]>();
  const out: Record<string, RawCommit[]> = {};
  const seen = new Set<string>();
  for (const { l, candidates } of perLane) {
    const list: RawCommit[] = [];
    for (const { node } of candidates) {
      const f = isMerge(node) ? undefined : filesOf.get(node.oid);
      if (f && !f.truncated) {
        let lanes = assigned.get(node.oid);
        if (!lanes) assigned.set(node.oid, (lanes = assign(f.files)));
        if (!lanes.includes(l.lane)) continue;
      }
      list.push(toRawCommit(node, f?.files));
      seen.add(node.oid);
    }
    out[l.lane] = list;
  }
  deps.log?.({
    requests: ctx.requests(),
    lanes: config.lanes.length,
    commits: seen.size,
    rounds,
    fileLists: toFetch.size,
    ...(fallbackBoundaries.size > 0 ? { fallbackBoundaries: [...fallbackBoundaries] } : {}),
  });
  return out;

  function toAnchor(req: AnchorRequest, node: AnchorNode | null): Anchor {
    if (!node || typeof node.oid !== 'string') {
      const lanes = plan.lanes.filter((l) => l.boundary === req.boundary).map((l) => l.lane);
      throw new ReleaseLanesError(
        'RL403',
        `boundary commit ${req.boundary} (last release of ${lanes.join(', ')}) does not exist in ${owner}/${repo}`,
        undefined,
        'Check that the release tag points at a commit that still exists (force-pushed?), or fix the manifest.',
      );
    }
    if (req.path === '') return { date: node.committedDate, oid: node.oid };
    return { date: node.committedDate, oid: node.history?.nodes[0]?.oid ?? null };
  }
}

const isMerge = (n: HistoryNode): boolean => n.parents.nodes.length > 1;

/** A lane's commits from its own streams, merged newest first (by commit date, stable per stream). */
function laneCandidates(
  l: LaneStreams,
  range: (key: string, b: string | undefined, lane: string) => HistoryNode[],
): { node: HistoryNode; literal: boolean }[] {
  const lists = l.own.map((o) => ({ nodes: range(o.key, l.boundary, l.lane), literal: o.literal, i: 0 }));
  const byOid = new Map<string, { node: HistoryNode; literal: boolean }>();
  const order: { node: HistoryNode; literal: boolean }[] = [];
  for (;;) {
    let best: (typeof lists)[number] | undefined;
    for (const x of lists) {
      const n = x.nodes[x.i];
      if (!n) continue;
      if (!best || Date.parse(n.committedDate) > Date.parse(best.nodes[best.i]!.committedDate)) best = x;
    }
    if (!best) break;
    const node = best.nodes[best.i++]!;
    const prev = byOid.get(node.oid);
    if (prev) prev.literal ||= best.literal;
    else {
      const c = { node, literal: best.literal };
      byOid.set(node.oid, c);
      order.push(c);
    }
  }
  return order;
}

function toRawCommit(n: HistoryNode, files: readonly string[] | undefined): RawCommit {
  return {
    sha: n.oid,
    message: n.message,
    ...(files ? { files } : {}),
    parents: n.parents.nodes.map((p) => p.oid),
    ...(n.author?.name ? { authorName: n.author.name } : {}),
    ...(n.author?.user?.login ? { authorLogin: n.author.user.login } : {}),
    date: n.committedDate,
  };
}

async function mapLimit<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
