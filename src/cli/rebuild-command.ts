/**
 * `release-lanes rebuild [--cwd DIR] [--dry-run] [--push] [--remote NAME] [--date YYYY-MM-DD]`
 *
 * For a scheduled Actions workflow: from the checkout's tags and config (working tree), create the dated
 * rebuild tag `{major}.{minor}-r{date}` of the newest release of every supported line and move the
 * configured tags to it (`git tag` / `git tag -f`, moving tags only). `--push` then runs
 * `git push --force origin <moved tags>` and `git push origin <new dated tags>`. Version tags are never
 * touched; a same-day re-run changes nothing (exit 0, "nothing to do").
 *
 * Exit codes: 0 ok · 2 bad config or input (coded error on stderr).
 */
import path from 'node:path';
import { withCodedErrors } from './coded-errors.js';
import { parseArgs } from 'node:util';
import { createGitTagHost } from '../adapters/git/tag-host.js';
import { ReleaseLanesError } from '../errors.js';
import { runRebuild } from '../flows/rebuild.js';
import { parseDay } from '../handlers/repository-dispatch.js';

export interface RebuildIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  now: Date;
}

export const REBUILD_USAGE = `Usage: release-lanes rebuild [--cwd DIR] [--dry-run] [--push] [--remote NAME] [--date YYYY-MM-DD]

Create today's dated rebuild tags ({major}.{minor}-r{date}) for the newest release of every supported
line and move the configured channel tags to them. Version tags are never moved.

  --cwd DIR       the git checkout (default: current directory)
  --dry-run       print the tag operations, change nothing
  --push          push the moved tags (--force) and the new dated tags to the remote
  --remote NAME   remote to push to (default: origin)
  --date DAY      the rebuild date, YYYY-MM-DD (default: today, UTC)
`;

/** Runs the command; returns the exit code. Coded errors are printed, never thrown. */
export async function rebuildCommand(argv: string[], io: RebuildIO): Promise<number> {
  return withCodedErrors(io, () => run(argv, io));
}

async function run(argv: string[], io: RebuildIO): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      allowPositionals: false,
      options: {
        cwd: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        push: { type: 'boolean', default: false },
        remote: { type: 'string', default: 'origin' },
        date: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (e) {
    throw new ReleaseLanesError('RL203', (e as Error).message);
  }
  if (values.help) {
    io.stdout(REBUILD_USAGE);
    return 0;
  }
  const dryRun = values['dry-run'];
  if (dryRun && values.push) throw new ReleaseLanesError('RL203', '--dry-run and --push exclude each other');
  const cwd = path.resolve(io.cwd, values.cwd ?? '.');
  const now = values.date !== undefined ? parseDay(values.date) : io.now;
  const host = createGitTagHost(cwd);
  const result = await runRebuild({ host, now, dryRun });
  if (result.ops.length === 0) {
    io.stdout('No lane has a `rebuild` policy with a supported stable release: nothing to do.\n');
    return 0;
  }
  const prefix = dryRun ? 'would ' : '';
  for (const line of result.summary) {
    io.stdout(`${line.startsWith('unchanged') ? line : `${prefix}${line}`}\n`);
  }
  if (result.changes.length === 0) io.stdout('Nothing to do: today’s rebuild tags are already in place.\n');
  if (values.push && result.changes.length > 0) {
    for (const args of await host.push(values.remote)) io.stdout(`git ${args.join(' ')}\n`);
  }
  return 0;
}
