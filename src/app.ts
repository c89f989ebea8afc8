/**
 * The release-lanes GitHub App (Probot). `npm start` runs `probot run ./dist/app.js`:
 * APP_ID, PRIVATE_KEY (or PRIVATE_KEY_PATH) and WEBHOOK_SECRET configure it; with none set, Probot's setup
 * flow registers the App from app.yml. Webhook signatures are verified by Probot with WEBHOOK_SECRET.
 *
 * Events:
 * - push to the default branch → release pull requests kept current (src/handlers/push.ts)
 * - issue_comment `/release-lanes retry` on a pull request → the same run again (src/handlers/retry-comment.ts)
 * - pull_request.closed (merged release PR of this App) → version tags, GitHub Releases and channel tags in
 *   dependency order (src/handlers/pull-request-closed.ts); `/release-lanes retry` on the merged PR resumes
 * - repository_dispatch `release-lanes-rebuild` → dated rebuild tags (src/handlers/repository-dispatch.ts)
 * - push to a branch with `snapshots` configured → snapshot tags (src/handlers/push-snapshot.ts)
 */
import type { ApplicationFunction, ApplicationFunctionOptions, Probot } from 'probot';
import { handleHealthRoute } from './handlers/health.js';
import { tagDepsOf } from './handlers/pull-request-closed.js';
import { createJobRunner } from './jobs/index.js';
import { JOB_EVENTS, jobFromEvent } from './jobs/from-event.js';
import { writeLimiterFor } from './jobs/throttle.js';
import { createJobQueue, type JobQueue } from './ports/job-queue.js';

export interface AppOptions {
  /** The clock (tests pin it). */
  now?: () => Date;
  /** The job queue; default: from the environment (REDIS_URL → Redis, else in-process). */
  queue?: JobQueue;
}

export function createApp(options: AppOptions = {}): ApplicationFunction {
  const now = options.now ?? (() => new Date());
  return async (app: Probot, appOptions?: ApplicationFunctionOptions) => {
    const queue = options.queue ?? (await createJobQueue(process.env));
    const deps = tagDepsOf(app, { now });
    queue.start(createJobRunner(app, deps, { writes: await writeLimiterFor(process.env) }));
    app.on([...JOB_EVENTS], async (context) => {
      const job = jobFromEvent(
        { id: context.id, name: context.name, payload: context.payload as never },
        Date.now(),
      );
      if (!job) return;
      const { status, coalesced } = await queue.enqueue(job);
      context.log.info(
        {
          delivery: job.deliveryId,
          repo: `${job.owner}/${job.repo}`,
          job: job.id,
          kind: job.kind,
          coalesced,
        },
        status === 'duplicate'
          ? `release-lanes: delivery ${job.deliveryId} already accepted, ignored`
          : `release-lanes: ${job.kind} job queued`,
      );
    });
    handleHealthRoute(appOptions, queue, app.log);
  };
}

const app: ApplicationFunction = createApp();
export default app;
