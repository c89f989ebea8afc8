import picomatch from 'picomatch';
import { normalizePath } from '../../core/assign.js';
import type { RepoConfig } from '../../core/types.js';

/**
 * Which path histories ("streams") the GitHub gatherer must read for a config, and how deep.
 *
 * A lane reads the history of each of its paths (a glob reads the history of its literal base and every
 * commit then needs its file list; `.` reads the unfiltered history). A commit of lane L can be given to L
 * WITHOUT its file list unless it also shows in an "interfering" stream of L:
 * - the history of a lane path equal to or nested inside one of L's paths (the longest path wins a file),
 * - the history of one of L's exclude paths (a glob exclude: its base; no base: every commit of L),
 * - for a root lane in `unclaimed` mode, the history of every other lane path.
 * Interfering streams are read at least back to L's boundary so the overlap test is complete.
 * Pure.
 */

export interface LaneStreams {
  lane: string;
  boundary?: string;
  /** Stream keys ('' = unfiltered) of the lane's own paths; `literal` = no glob, membership is proof. */
  own: { key: string; literal: boolean }[];
  interferers: string[];
  /** Every (non-merge) commit needs a file list (glob exclude without a literal base). */
  allNeedFiles: boolean;
  /** Root lane in `unclaimed` mode: an empty commit belongs nowhere, so emptiness must be known. */
  unclaimedRoot: boolean;
}

export interface StreamPlan {
  lanes: LaneStreams[];
  /** Stream key → lane boundaries it must reach back to (undefined = the whole history). */
  streams: Map<string, Set<string | undefined>>;
}

function literalBase(path: string): { key: string; literal: boolean } {
  const p = normalizePath(path);
  if (p === '.') return { key: '', literal: true };
  const scan = picomatch.scan(p);
  if (!scan.isGlob) return { key: p, literal: true };
  const base = normalizePath(scan.base);
  return { key: base === '.' ? '' : base, literal: false };
}

const inside = (key: string, dir: string): boolean => key === dir || key.startsWith(`${dir}/`);

export function planStreams(config: RepoConfig, boundaries: Record<string, string | undefined>): StreamPlan {
  const streams = new Map<string, Set<string | undefined>>();
  const need = (key: string, boundary: string | undefined) => {
    let s = streams.get(key);
    if (!s) streams.set(key, (s = new Set()));
    s.add(boundary);
  };
  const laneKeys = new Map(config.lanes.map((l) => [l.name, l.paths.map(literalBase)]));

  const lanes = config.lanes.map((lane): LaneStreams => {
    const boundary = boundaries[lane.name];
    const keys = laneKeys.get(lane.name)!;
    const root = keys.some((k) => k.key === '' && k.literal);
    const own = root ? [{ key: '', literal: true }] : dedupe(keys);
    const interferers = new Set<string>();
    let allNeedFiles = false;

    for (const e of lane.excludePaths) {
      const { key } = literalBase(e);
      if (key === '') allNeedFiles = true;
      else interferers.add(key);
    }
    for (const other of config.lanes) {
      if (other === lane) continue;
      for (const q of laneKeys.get(other.name)!) {
        if (root) {
          if (config.rootMode !== 'unclaimed') continue;
          if (q.key === '') allNeedFiles = true;
          else interferers.add(q.key);
          continue;
        }
        if (q.key === '') continue; // a root or a base-less glob never beats a literal directory
        if (own.some((o) => o.literal && inside(q.key, o.key))) interferers.add(q.key);
      }
    }
    for (const o of own) need(o.key, boundary);
    for (const i of interferers) need(i, boundary);
    return {
      lane: lane.name,
      boundary,
      own,
      interferers: [...interferers],
      allNeedFiles,
      unclaimedRoot: root && config.rootMode === 'unclaimed',
    };
  });
  return { lanes, streams };
}

function dedupe(keys: { key: string; literal: boolean }[]): { key: string; literal: boolean }[] {
  const m = new Map<string, boolean>();
  for (const k of keys) m.set(k.key, (m.get(k.key) ?? false) || k.literal);
  return [...m].map(([key, literal]) => ({ key, literal }));
}
