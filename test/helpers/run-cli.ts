import { main, type CliIO } from '../../src/cli/main.js';

/**
 * Runs the CLI in-process in `cwd` at the clock `now` (plus any other CLI option: `env`, `octokit`…);
 * returns its exit code and what it printed.
 */
export async function runCli(
  argv: string[],
  cwd: string,
  now: Date,
  extra: Partial<Omit<CliIO, 'stdout' | 'stderr' | 'cwd' | 'now'>> = {},
) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    ...extra,
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    cwd,
    now,
  });
  return { code, stdout, stderr };
}
