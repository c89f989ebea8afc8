import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ReleaseLanesError } from '../../errors.js';

/**
 * Spawning `git` in a checkout, with errors mapped to coded ReleaseLanesErrors:
 * RL200 (not a git repository / no such directory) and RL201 (git missing or failed).
 */

/** Options that make git output stable and machine-readable whatever the user's config says. */
export const GIT_BASE_ARGS = [
  '-c',
  'core.quotepath=off',
  '-c',
  'log.showSignature=false',
  '-c',
  'color.ui=false',
];

export interface GitResult {
  stdout: Buffer;
  stderr: string;
  code: number;
}

export function spawnGit(
  cwd: string,
  args: readonly string[],
  env: Record<string, string> = {},
): ChildProcessWithoutNullStreams {
  return spawn('git', [...GIT_BASE_ARGS, ...args], {
    cwd,
    env: { ...process.env, LC_ALL: 'C', LANGUAGE: 'C', GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** Maps a failed spawn (git missing, directory missing) to a coded error. */
export function spawnError(cwd: string, err: NodeJS.ErrnoException): ReleaseLanesError {
  if (!existsSync(cwd)) return new ReleaseLanesError('RL200', `directory ${cwd} does not exist`);
  if (err.code === 'ENOENT')
    return new ReleaseLanesError('RL201', 'the `git` executable was not found in PATH');
  return new ReleaseLanesError('RL201', `cannot run git in ${cwd}: ${err.message}`);
}

/** Maps git's exit status and stderr to a coded error. */
export function gitFailure(
  cwd: string,
  args: readonly string[],
  code: number,
  stderr: string,
): ReleaseLanesError {
  const text = stderr.trim() || `exit code ${code}`;
  if (/not a git repository/i.test(text)) return new ReleaseLanesError('RL200', `${cwd}: ${text}`);
  return new ReleaseLanesError('RL201', `git ${args.join(' ')} (in ${cwd}) failed: ${text}`);
}

/**
 * Runs git to completion and buffers its output (for small outputs only: tags, one file, a sha).
 * Exit codes listed in `okCodes` resolve; any other rejects with RL200/RL201.
 */
export function runGit(
  cwd: string,
  args: readonly string[],
  okCodes: readonly number[] = [0],
): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    let child: ChildProcessWithoutNullStreams;
    try {
      child = spawnGit(cwd, args);
    } catch (e) {
      reject(spawnError(cwd, e as NodeJS.ErrnoException));
      return;
    }
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.stdin.end();
    child.on('error', (e) => reject(spawnError(cwd, e)));
    child.on('close', (code) => {
      const stderr = Buffer.concat(err).toString('utf8');
      const status = code ?? -1;
      if (okCodes.includes(status)) resolve({ stdout: Buffer.concat(out), stderr, code: status });
      else reject(gitFailure(cwd, args, status, stderr));
    });
  });
}
