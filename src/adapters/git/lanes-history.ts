import { createLaneAssigner } from '../../core/assign.js';
import { createRangeTracker } from '../../core/ranges.js';
import type { RawCommit, RepoConfig } from '../../core/types.js';
import { ReleaseLanesError } from '../../errors.js';
import { GitLogParser, type HeaderDecision } from './log-parser.js';
import { GitLogStream, lanesLogArgs } from './log-stream.js';
import { runGit } from './run-git.js';

/** What one history pass did (for tests and the benchmark). */
export interface GitHistoryStats {
  /** Commits git printed that were parsed (kept or not). */
  commitsParsed: number;
  /** Commits kept for at least one lane. */
  commitsKept: number;
  /** True when git was stopped before the end of history because every lane's range was complete. */
  stoppedEarly: boolean;
  /**
   * `git log` passes read: 1, or 2 when the pass started ahead over HEAD alone could not stand for the
   * walk of HEAD and the boundaries (a boundary not an ancestor of HEAD, or HEAD moved meanwhile).
   */
  passes: number;
}

const FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

export { lanesLogArgs };

export interface LanesHistoryOptions {
  /** Filled with what the pass did. */
  stats?: GitHistoryStats;
  /** Called once per kept commit as soon as it is read (while git still runs). */
  onKept?: (commit: RawCommit) => void;
  /** The pass over HEAD started ahead (startHistoryRead); used when it is the same walk, else stopped. */
  ahead?: GitLogStream;
  /** HEAD as already resolved (resolveHead) by the caller; default: resolved here. */
  head?: Promise<string | null>;
}

/** The commit HEAD points at, or null in a repository without commits. */
export async function resolveHead(cwd: string): Promise<string | null> {
  const r = await runGit(cwd, ['rev-parse', '--verify', '-q', 'HEAD^{commit}'], [0, 1]);
  return r.code === 0 ? r.stdout.toString('latin1').trim() : null;
}

/**
 * Commits since each lane's boundary, newest first (topological order), in ONE `git log` pass for all
 * lanes. A commit is kept for the lanes it touches (createLaneAssigner) for which it is after the
 * boundary (createRangeTracker). git is killed as soon as no older commit can be in any lane's range.
 *
 * Boundaries (full commit shas) are also walked, so a boundary that is not an ancestor
 * of HEAD (a release tagged on a branch) still bounds its lane like `git log boundary..HEAD`; commits
 * reachable only from such a boundary are dropped. A boundary git does not know (shallow clone)
 * is ignored: that lane gets the whole available history.
 *
 * `ahead`: the pass over HEAD alone, started before the boundaries were known (startHistoryRead). When
 * every boundary is an ancestor of HEAD it is the same walk, so it is used; the tracker tells at the end
 * (every boundary seen) and the first commit tells whether HEAD is the same. Otherwise its result is
 * dropped and the pass over HEAD and the boundaries is read instead (stats.passes = 2).
 */
export async function readLanesHistory(
  cwd: string,
  config: RepoConfig,
  boundaries: Record<string, string | undefined>,
  opts: LanesHistoryOptions = {},
): Promise<Record<string, RawCommit[]>> {
  const { stats, onKept, ahead } = opts;
  const lanes = config.lanes.map((l) => l.name);
  const result: Record<string, RawCommit[]> = Object.fromEntries(lanes.map((l) => [l, []]));
  if (stats) Object.assign(stats, { commitsParsed: 0, commitsKept: 0, stoppedEarly: false, passes: 0 });
  const head = lanes.length === 0 ? null : await (opts.head ?? resolveHead(cwd));
  if (head === null) {
    // no lanes, or no commits yet
    ahead?.stop();
    return result;
  }

  const bounds: Record<string, string> = {};
  const extraRevs = new Set<string>();
  for (const lane of lanes) {
    const b = boundaries[lane]?.trim().toLowerCase();
    if (!b) continue;
    if (!FULL_SHA.test(b)) {
      throw new ReleaseLanesError(
        'RL201',
        `boundary of lane "${lane}" must be a full commit sha, got "${b}"`,
      );
    }
    bounds[lane] = b;
    if (b !== head) extraRevs.add(b);
  }
  let pass: Pass | null = null;
  let passes = 1;
  if (ahead) pass = await onePass(ahead, config, bounds, head, false, onKept).catch(() => null);
  if (pass === null) {
    if (ahead) passes++;
    pass = await onePass(new GitLogStream(cwd, [head, ...extraRevs]), config, bounds, head, true, onKept);
  }
  if (stats) Object.assign(stats, pass!.stats, { passes });
  return pass!.result;
}

interface Pass {
  result: Record<string, RawCommit[]>;
  stats: Omit<GitHistoryStats, 'passes'>;
}

/**
 * One `git log` pass. `walksBoundaries`: the stream walks HEAD and every boundary (the last two
 * arguments of lanesLogArgs); otherwise it walks HEAD alone (started ahead), which is the same walk
 * when every boundary is an ancestor of HEAD: null when that turned out false (a boundary never seen,
 * or HEAD moved since), the caller then walks again.
 */
async function onePass(
  stream: GitLogStream,
  config: RepoConfig,
  bounds: Record<string, string>,
  head: string,
  walksBoundaries: boolean,
  onKept: ((commit: RawCommit) => void) | undefined,
): Promise<Pass | null> {
  const lanes = config.lanes.map((l) => l.name);
  const result: Record<string, RawCommit[]> = Object.fromEntries(lanes.map((l) => [l, []]));
  let kept = 0;
  const tracker = createRangeTracker(lanes, bounds);
  const assign = createLaneAssigner(config);
  /** Pending commits reachable from HEAD (only needed when other tips are walked). */
  const fromHead = walksBoundaries && stream.revs.length > 1 ? new Set<string>([head]) : null;
  let inRange: readonly string[] = [];
  let first = true;
  let wrongHead = false;

  const parser = new GitLogParser({
    onHeader({ sha, parents }): HeaderDecision {
      if (first) {
        first = false;
        if (!walksBoundaries && sha !== head) {
          wrongHead = true;
          return 'stop';
        }
      }
      if (tracker.done()) return 'stop';
      inRange = tracker.visit(sha, parents);
      if (fromHead !== null) {
        if (!fromHead.delete(sha)) return 'skip';
        for (const p of parents) fromHead.add(p);
      }
      return inRange.length > 0 ? 'keep' : 'skip';
    },
    onCommit(rec) {
      const lanes = assign(rec.files).filter((l) => inRange.includes(l));
      if (lanes.length === 0) return;
      const d = rec.decode(); // message, author and date only for commits that are kept
      const commit: RawCommit = {
        sha: d.sha,
        message: d.message,
        files: d.files,
        parents: d.parents,
        authorName: d.authorName,
        date: d.date,
      };
      for (const lane of lanes) result[lane]!.push(commit);
      kept++;
      onKept?.(commit);
    },
  });

  const stoppedEarly = await stream.read((chunk) => {
    parser.push(chunk);
    return !parser.isStopped;
  });
  if (!stoppedEarly) parser.end();
  if (!walksBoundaries && (wrongHead || tracker.unseenBoundaries().length > 0)) return null;
  return {
    result,
    stats: { commitsParsed: parser.recordsSeen, commitsKept: kept, stoppedEarly },
  };
}
