import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { LOG_FORMAT } from './log-parser.js';
import { gitFailure, spawnError, spawnGit } from './run-git.js';

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

/**
 * `git log` flushes its output after every commit when it writes to a pipe (about 200 bytes a write
 * on a large history); GIT_FLUSH=0 lets it fill whole stdio buffers instead: on 100,000 commits that
 * is some 65,000 reads and wake-ups fewer, about a second of CPU on either side of the pipe.
 */
const NO_FLUSH = { GIT_FLUSH: '0' };

/**
 * A running `git log` (lanesLogArgs) whose output is kept until a reader asks for it, then handed over
 * chunk by chunk as git writes it. Lets git start before the planner knows what it will ask
 * (startHistoryRead): loading the planner, the config and the tags then overlaps with git's walk.
 */
export class GitLogStream {
  private kept: Buffer[] | null = [];
  private reader: ((chunk: Buffer) => void) | null = null;
  private readonly stderr: Buffer[] = [];
  private readonly child: ChildProcessWithoutNullStreams | null = null;
  private readonly exit: Promise<number>;
  private ended = false;

  constructor(
    private readonly cwd: string,
    readonly revs: readonly string[],
  ) {
    let child: ChildProcessWithoutNullStreams;
    try {
      child = spawnGit(cwd, lanesLogArgs(revs), NO_FLUSH);
    } catch (e) {
      this.exit = Promise.reject(spawnError(cwd, e as NodeJS.ErrnoException));
      this.exit.catch(() => undefined);
      return;
    }
    this.child = child;
    child.stdin.end();
    child.stdout.on('data', (b: Buffer) => (this.reader ? this.reader(b) : this.kept?.push(b)));
    child.stderr.on('data', (b: Buffer) => this.stderr.push(b));
    this.exit = new Promise<number>((resolve, reject) => {
      child.on('error', (e) => reject(spawnError(cwd, e)));
      child.on('close', (code) => resolve(code ?? -1));
    });
    // Nobody may ever read a stream started ahead (bad config, no lanes): its failure is not an error.
    const ended = () => void (this.ended = true);
    this.exit.then(ended, ended);
  }

  /**
   * Feeds git's whole output to `onChunk` (what was kept first), until git ends or `onChunk` returns
   * false (git is then killed). Resolves true when stopped early; rejects with RL200/RL201 when git
   * failed, or with what `onChunk` threw. One reader per stream.
   */
  async read(onChunk: (chunk: Buffer) => boolean): Promise<boolean> {
    if (this.kept === null) throw new Error('GitLogStream.read: already read');
    let stopped = false;
    let failure: unknown = null;
    const feed = (b: Buffer) => {
      if (stopped || failure !== null) return;
      try {
        stopped = !onChunk(b);
      } catch (e) {
        failure = e;
      }
      if (stopped || failure !== null) this.stop();
    };
    const kept = this.kept;
    this.kept = null;
    this.reader = feed;
    for (const b of kept) feed(b);
    const code = await this.exit;
    if (failure !== null) throw failure;
    if (stopped) return true;
    if (code !== 0) {
      throw gitFailure(this.cwd, lanesLogArgs(this.revs), code, Buffer.concat(this.stderr).toString('utf8'));
    }
    return false;
  }

  /** Kills git if it still runs (a stream nobody reads must be stopped, or the process waits for it). */
  stop(): void {
    this.kept = null;
    if (!this.ended && this.child !== null) {
      this.child.stdout.destroy();
      this.child.kill();
    }
  }
}

/**
 * Starts the history pass of the checkout at `cwd` over everything reachable from HEAD, before the
 * lanes and their boundaries are known. readLanesHistory uses it when every boundary turns out to be
 * an ancestor of HEAD (the usual case), and otherwise stops it and walks the boundaries too.
 */
export function startHistoryRead(cwd: string): GitLogStream {
  return new GitLogStream(cwd, ['HEAD']);
}
