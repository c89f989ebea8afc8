import { createLaneAssigner } from '../../core/assign.js';
import { createRangeTracker } from '../../core/ranges.js';
import type { RawCommit, RepoConfig } from '../../core/types.js';
import { ReleaseLanesError } from '../../errors.js';
import { GitLogParser, LOG_FORMAT, type HeaderDecision } from './log-parser.js';
import { gitFailure, runGit, spawnError, spawnGit } from './run-git.js';

/** What one history pass did (for tests and the benchmark). */
export interface GitHistoryStats {
  /** Commits git printed that were parsed (kept or not). */
  commitsParsed: number;
  /** Commits kept for at least one lane. */
  commitsKept: number;
  /** True when git was stopped before the end of history because every lane's range was complete. */
  stoppedEarly: boolean;
}

const FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/**
 * The arguments of the single history pass. `--no-renames`: a file moved from lane A to lane B shows
 * as a deletion in A and an addition in B, so the move counts for both lanes (with rename detection
 * only the new path would be listed). Merges list no files (no `-m`), which is fine: the planner
 * ignores merge commits; they are still fed to the range tracker so ranges follow every parent.
 */
export function lanesLogArgs(revs: readonly string[]): string[] {
  return [
    'log',
    '--topo-order',
    '-z',
    '--name-only',
    '--no-renames',
    '--no-color',
    '--no-ext-diff',
    '--ignore-missing',
    `--format=${LOG_FORMAT}`,
    ...revs,
    '--',
  ];
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
 */
export async function readLanesHistory(
  cwd: string,
  config: RepoConfig,
  boundaries: Record<string, string | undefined>,
  stats?: GitHistoryStats,
  onKept?: (commit: RawCommit) => void,
): Promise<Record<string, RawCommit[]>> {
  const lanes = config.lanes.map((l) => l.name);
  const result: Record<string, RawCommit[]> = Object.fromEntries(lanes.map((l) => [l, []]));
  if (stats) Object.assign(stats, { commitsParsed: 0, commitsKept: 0, stoppedEarly: false });
  if (lanes.length === 0) return result;
  const head = await resolveHead(cwd);
  if (head === null) return result; // no commits yet

  const bounds: Record<string, string | undefined> = {};
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
  const tracker = createRangeTracker(lanes, bounds);
  const assign = createLaneAssigner(config);
  /** Pending commits reachable from HEAD (only needed when other tips are walked). */
  const fromHead = extraRevs.size > 0 ? new Set<string>([head]) : null;
  let inRange: string[] = [];
  let kept = 0;

  const parser = new GitLogParser({
    onHeader({ sha, parents }): HeaderDecision {
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

  const args = lanesLogArgs([head, ...extraRevs]);
  await new Promise<void>((resolve, reject) => {
    const child = spawnGit(cwd, args);
    const err: Buffer[] = [];
    let failure: unknown = null;
    child.stdin.end();
    child.stdout.on('data', (chunk: Buffer) => {
      if (parser.isStopped || failure !== null) return;
      try {
        parser.push(chunk);
      } catch (e) {
        failure = e;
      }
      if (parser.isStopped || failure !== null) {
        child.stdout.destroy();
        child.kill();
      }
    });
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => reject(spawnError(cwd, e)));
    child.on('close', (code) => {
      if (failure !== null) return reject(failure);
      if (parser.isStopped) return resolve();
      if (code !== 0) return reject(gitFailure(cwd, args, code ?? -1, Buffer.concat(err).toString('utf8')));
      try {
        parser.end();
        resolve();
      } catch (e) {
        reject(e);
      }
    });
  });

  if (stats)
    Object.assign(stats, {
      commitsParsed: parser.recordsSeen,
      commitsKept: kept,
      stoppedEarly: parser.isStopped,
    });
  return result;
}
