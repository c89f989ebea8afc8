/**
 * The one table of what each job kind runs. The queue worker dispatches from it: it signs in again as the
 * installation, rebuilds a Probot Context from the job's JSON (with a logger that carries the delivery id,
 * repository, job id and kind on every line) and calls the handlers. The flows are idempotent, so a job
 * that runs twice (a replica died mid-run) ends in the same state.
 */
import { Context, type Probot } from 'probot';
import type { Logger } from 'pino';
import { handlePullRequestClosed } from '../handlers/pull-request-closed.js';
import type { TagDeps } from '../handlers/pull-request-closed.js';
import { handlePush } from '../handlers/push.js';
import { handlePushSnapshot } from '../handlers/push-snapshot.js';
import { handleRepositoryDispatch } from '../handlers/repository-dispatch.js';
import { handleRetryComment } from '../handlers/retry-comment.js';
import type { Job, JobKind, JobResult, JobRunner } from '../ports/job-queue.js';
import { installationOctokit, type ThrottleSetup } from './installation-octokit.js';

/** The Context of one webhook event (rebuilt by the runner from the job's JSON). */
type Ctx<E extends 'push' | 'pull_request.closed' | 'issue_comment.created' | 'repository_dispatch'> =
  Context<E>;
type JobSpec = (context: Context, deps: TagDeps) => Promise<JobResult>;

type Outcome = { ok: boolean; refresh?: { ok: boolean } } | null | undefined;

/**
 * `ok: false` anywhere (a failure reported as a check run), the refresh after tagging included → `failed`
 * (a failed job's delivery is not deduplicated: its redelivery runs again).
 */
const resultOf = (...outcomes: Outcome[]): JobResult =>
  outcomes.some((o) => o && (!o.ok || o.refresh?.ok === false)) ? 'failed' : 'done';

async function pushJob(context: Context, deps: TagDeps): Promise<JobResult> {
  const ctx = context as unknown as Ctx<'push'>;
  // One delivery, one config read: the release-PR run (default branch) hands what it read to the
  // snapshot step; a failed run (already reported as a check) skips snapshots. A merged release whose
  // tagging did not finish is finished first (converge.ts).
  const outcome = await handlePush(ctx, deps);
  if (outcome && !outcome.ok) return 'failed';
  // The config snapshots use is the default branch's: what a run on the default branch read, or what a
  // run on another branch read to find that branch releases nothing (a maintenance run read its own).
  const onDefault = ctx.payload.ref === `refs/heads/${ctx.payload.repository.default_branch}`;
  await handlePushSnapshot(
    ctx,
    outcome?.ok && (onDefault || outcome.result.skipped) && outcome.result.config.lanes.length > 0
      ? { config: outcome.result.config, tags: outcome.result.tags }
      : undefined,
  );
  return 'done';
}

export const JOBS = {
  push: pushJob,
  'pull-request-closed': async (context, deps) =>
    resultOf(await handlePullRequestClosed(context as unknown as Ctx<'pull_request.closed'>, deps)),
  'issue-comment': async (context, deps) => {
    const ctx = context as unknown as Ctx<'issue_comment.created'>;
    // On a merged release PR: resume its tagging; else converge (never a release PR over an unfinished one).
    return resultOf(await handleRetryComment(ctx, deps));
  },
  'repository-dispatch': async (context, deps) =>
    (await handleRepositoryDispatch(context as unknown as Ctx<'repository_dispatch'>, deps)) === null &&
    (context.payload as { action?: string }).action === 'release-lanes-rebuild'
      ? 'failed'
      : 'done',
} satisfies Record<JobKind, JobSpec>;

/** The logger of one job: every line names the delivery, repository, job and kind. */
export function jobLog(log: Logger, job: Job): Logger {
  return log.child({
    delivery: job.deliveryId,
    repo: `${job.owner}/${job.repo}`,
    job: job.id,
    kind: job.kind,
    ...(job.sha ? { sha: job.sha.slice(0, 7) } : {}),
  });
}

/** Runs jobs for `app`: a fresh installation Octokit per job, errors logged (never thrown at the queue). */
export function createJobRunner(app: Probot, deps: TagDeps, throttle: ThrottleSetup = {}): JobRunner {
  return async (job) => {
    const log = jobLog(app.log as unknown as Logger, job);
    const started = Date.now();
    log.info({ waitedMs: started - job.acceptedAt }, `release-lanes: job ${job.kind} started`);
    try {
      const octokit = await installationOctokit(app, job.installationId, log, throttle);
      const context = new Context(
        { id: job.deliveryId, name: job.event, payload: job.payload } as never,
        octokit as never,
        log as never,
      );
      const result = await JOBS[job.kind](context as Context, deps);
      log.info({ result, ms: Date.now() - started }, `release-lanes: job ${job.kind} ${result}`);
      return result;
    } catch (err) {
      log.error({ err, ms: Date.now() - started }, `release-lanes: job ${job.kind} failed unexpectedly`);
      return 'failed';
    }
  };
}
