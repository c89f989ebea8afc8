import { main } from '../../src/cli/main.js';

/** Runs the CLI in-process in `cwd` at the clock `now`; returns its exit code and what it printed. */
export async function runCli(argv: string[], cwd: string, now: Date) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    cwd,
    now,
  });
  return { code, stdout, stderr };
}
