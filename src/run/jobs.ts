/**
 * The jobs the Action and the CLI run, as data: each says whether it honours a dry run. A command is the
 * list of jobs it runs, in order (`all`: tag what was merged first, then keep the release PRs current;
 * planning on top of an untagged release would propose its versions again).
 */
import type { JobContext } from './job-context.js';
import { releaseJob, type TaggedPr } from './release-job.js';
import { releasePrJob } from './release-pr-job.js';
import type { PrOutcome } from '../flows/open-release-pr.js';

export interface RunResult {
  tagged: TaggedPr[];
  prs: PrOutcome[];
}

interface JobSpec {
  run: (ctx: JobContext) => Promise<Partial<RunResult>>;
  dryRun: boolean;
}

export const JOBS = {
  release: { run: releaseJob, dryRun: true },
  'release-pr': { run: releasePrJob, dryRun: true },
} satisfies Record<string, JobSpec>;

export type JobName = keyof typeof JOBS;

export const COMMANDS = {
  release: ['release'],
  'release-pr': ['release-pr'],
  all: ['release', 'release-pr'],
} as const satisfies Record<string, readonly JobName[]>;

export type CommandName = keyof typeof COMMANDS;

export async function runCommand(ctx: JobContext, command: CommandName): Promise<RunResult> {
  const result: RunResult = { tagged: [], prs: [] };
  for (const name of COMMANDS[command]) {
    const job: JobSpec = JOBS[name];
    if (ctx.dryRun && !job.dryRun) {
      ctx.log.info({}, `release-lanes: ${name} skipped (no dry run)`);
      continue;
    }
    const out = await job.run(ctx);
    result.tagged.push(...(out.tagged ?? []));
    result.prs.push(...(out.prs ?? []));
  }
  return result;
}
