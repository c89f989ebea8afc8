/** The release-PR job: open or update the release PRs of the default branch (the App's push flow). */
import type { PrOutcome } from '../flows/open-release-pr.js';
import { runReleasePrs } from '../handlers/run-release-prs.js';
import type { JobContext } from './job-context.js';

export interface ReleasePrJobResult {
  prs: PrOutcome[];
  /** Lane → version the open release PRs propose. */
  proposed: { lane: string; version: string }[];
}

export async function releasePrJob(ctx: JobContext): Promise<ReleasePrJobResult> {
  const outcome = await runReleasePrs(
    ctx.octokit,
    ctx.log,
    {
      owner: ctx.owner,
      repo: ctx.repo,
      base: ctx.base,
      ...(ctx.repoUrl ? { repoUrl: ctx.repoUrl } : {}),
      ...(ctx.trigger ? { triggerSha: ctx.trigger.sha, triggerDate: ctx.trigger.date } : {}),
    },
    {
      now: ctx.now,
      identity: ctx.identity,
      failureCheckRun: false,
      ...(ctx.configPath ? { configPath: ctx.configPath } : {}),
      ...(ctx.dryRun ? { dryRun: ctx.dryRun } : {}),
    },
  );
  if (!outcome.ok) throw outcome.error;
  return {
    prs: outcome.result.prs,
    proposed: outcome.result.plan.releases.map((r) => ({ lane: r.lane, version: r.version })),
  };
}
