import picomatch from 'picomatch';
import type { LaneConfig, RepoConfig } from './types.js';

/**
 * Lane assignment by the files a commit touched.
 *
 * - Each file belongs to the lane with the longest matching path (nested lanes: `packages/sdk/plugins`
 *   beats `packages/sdk`), like release-please's commit splitter. A path is a directory or a glob.
 * - A commit belongs to every lane one of its files belongs to (a commit may touch several lanes).
 * - `exclude-paths` of a lane drop files from that lane.
 * - A root lane (`.`): in `all` mode (release-please's behaviour) it receives every commit that touched
 *   any file it does not exclude; in `unclaimed` mode only files no other lane claims.
 *   A commit with no files (`--allow-empty`) belongs to the root lane in `all` mode.
 */
/** Paths whose owner an assigner remembers (a bound on its memory). */
const MAX_REMEMBERED = 200_000;

export type LaneAssigner = (files: readonly string[]) => string[];

interface Matcher {
  lane: string;
  /** Specificity: longer literal prefix wins. */
  weight: number;
  test: (file: string) => boolean;
}

export function normalizePath(p: string): string {
  let s = p.trim().replace(/\\/g, '/');
  while (s.startsWith('./')) s = s.slice(2);
  s = s.replace(/\/+$/, '');
  return s === '' ? '.' : s;
}

function isGlob(p: string): boolean {
  return picomatch.scan(p).isGlob;
}

function pathMatcher(path: string): { weight: number; test: (file: string) => boolean } {
  const p = normalizePath(path);
  if (p === '.') return { weight: 0, test: () => true };
  if (isGlob(p)) {
    const m = picomatch(p, { dot: true });
    const mUnder = picomatch(`${p}/**`, { dot: true });
    const base = picomatch.scan(p).base;
    return { weight: base.length + 0.5, test: (f) => m(f) || mUnder(f) };
  }
  const prefix = `${p}/`;
  return { weight: p.length + 1, test: (f) => f === p || f.startsWith(prefix) };
}

function excludeTest(lane: LaneConfig): (file: string) => boolean {
  if (lane.excludePaths.length === 0) return () => false;
  const tests = lane.excludePaths.map((e) => pathMatcher(e).test);
  return (f) => tests.some((t) => t(f));
}

export function createLaneAssigner(config: Pick<RepoConfig, 'lanes' | 'rootMode'>): LaneAssigner {
  const roots = config.lanes.filter((l) => l.paths.some((p) => normalizePath(p) === '.'));
  // Directory paths are looked up by walking a file's ancestors (longest first): O(depth) per file.
  // Globs are few and scanned; a glob only beats a directory match with a longer literal base.
  const dirs = new Map<string, string[]>();
  const globs: Matcher[] = [];
  for (const lane of config.lanes) {
    for (const p of lane.paths) {
      const n = normalizePath(p);
      if (n === '.') continue;
      if (isGlob(n)) globs.push({ lane: lane.name, ...pathMatcher(n) });
      else dirs.set(n, [...(dirs.get(n) ?? []), lane.name]);
    }
  }
  globs.sort((a, b) => b.weight - a.weight);
  const excludes = new Map(config.lanes.map((l) => [l.name, excludeTest(l)]));
  const laneOrder = new Map(config.lanes.map((l, i) => [l.name, i]));
  const rootExcludes = roots.map((r) => ({ name: r.name, excluded: excludes.get(r.name)! }));

  // A path's owner never changes: remembered, as most commits touch files touched before.
  const owners = new Map<string, string | undefined>();
  const ownerOf = (file: string): string | undefined => {
    if (owners.has(file)) return owners.get(file);
    const owner = findOwner(file);
    if (owners.size < MAX_REMEMBERED) owners.set(file, owner);
    return owner;
  };
  const findOwner = (file: string): string | undefined => {
    let owner: string | undefined;
    let weight = -1;
    for (let end = file.length; end > 0; end = file.lastIndexOf('/', end - 1)) {
      const lanes = dirs.get(end === file.length ? file : file.slice(0, end));
      const hit = lanes?.find((l) => !excludes.get(l)!(file));
      if (hit !== undefined) {
        owner = hit;
        weight = end + 1;
        break;
      }
    }
    for (const g of globs) {
      if (g.weight <= weight) break;
      if (g.test(file) && !excludes.get(g.lane)!(file)) return g.lane;
    }
    return owner;
  };

  return (files) => {
    if (files.length === 1 && rootExcludes.length === 0) {
      const owner = ownerOf(files[0]!);
      return owner === undefined ? [] : [owner];
    }
    const hit = new Set<string>();
    const rootHit = new Set<string>();
    for (const file of files) {
      const owner = ownerOf(file);
      if (owner !== undefined) hit.add(owner);
      for (const r of rootExcludes) {
        if (r.excluded(file)) continue;
        if (config.rootMode === 'all' || owner === undefined) rootHit.add(r.name);
      }
    }
    if (files.length === 0 && config.rootMode === 'all') for (const r of roots) rootHit.add(r.name);
    for (const r of rootHit) hit.add(r);
    return [...hit].sort((a, b) => laneOrder.get(a)! - laneOrder.get(b)!);
  };
}
