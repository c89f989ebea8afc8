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
import type { ApplicationFunction, Probot } from 'probot';
import { registerTagHandlers, resumeMergedReleasePr } from './handlers/pull-request-closed.js';
import { handlePush } from './handlers/push.js';
import { handlePushSnapshot } from './handlers/push-snapshot.js';
import { handleRetryComment } from './handlers/retry-comment.js';
import type { RunDeps } from './handlers/run-release-prs.js';

export interface AppOptions {
  /** The clock (tests pin it). */
  now?: () => Date;
}

export function createApp(options: AppOptions = {}): ApplicationFunction {
  const deps: RunDeps = { now: options.now ?? (() => new Date()) };
  return (app: Probot) => {
    const tagDeps = registerTagHandlers(app, deps);
    app.on('push', async (context) => {
      // One delivery, one config read: the release-PR run (default branch) hands what it read to the
      // snapshot step; a failed run (already reported as a check) skips snapshots.
      const outcome = await handlePush(context, { ...deps, resumeUnfinished: true });
      if (outcome && !outcome.ok) return;
      // A merged release whose tagging did not finish is tagged first (that run then refreshes the
      // release PRs); planning on top of it would propose its versions again.
      for (const pr of outcome?.result.unfinished ?? []) {
        await resumeMergedReleasePr(
          context.octokit,
          context.log,
          context.repo(),
          context.payload.repository,
          pr,
          tagDeps,
          'push',
        );
      }
      // The config snapshots use is the default branch's: what a run on the default branch read, or what a
      // run on another branch read to find that branch releases nothing (a maintenance run read its own).
      const onDefault = context.payload.ref === `refs/heads/${context.payload.repository.default_branch}`;
      await handlePushSnapshot(
        context,
        outcome?.ok && (onDefault || outcome.result.skipped) && outcome.result.config.lanes.length > 0
          ? { config: outcome.result.config, tags: outcome.result.tags }
          : undefined,
      );
    });
    app.on('issue_comment.created', async (context) => {
      await handleRetryComment(context, deps);
    });
  };
}

const app: ApplicationFunction = createApp();
export default app;
