/**
 * The release-lanes GitHub App (Probot). `npm start` runs `probot run ./dist/app.js`:
 * APP_ID, PRIVATE_KEY (or PRIVATE_KEY_PATH) and WEBHOOK_SECRET configure it; with none set, Probot's setup
 * flow registers the App from app.yml. Webhook signatures are verified by Probot with WEBHOOK_SECRET.
 *
 * Events:
 * - push to the default branch → release pull requests kept current (src/handlers/push.ts)
 * - issue_comment `/release-lanes retry` on a pull request → the same run again (src/handlers/retry-comment.ts)
 */
import type { ApplicationFunction, Probot } from 'probot';
import { handlePush } from './handlers/push.js';
import { handleRetryComment } from './handlers/retry-comment.js';
import type { RunDeps } from './handlers/run-release-prs.js';

export interface AppOptions {
  /** The clock (tests pin it). */
  now?: () => Date;
}

export function createApp(options: AppOptions = {}): ApplicationFunction {
  const deps: RunDeps = { now: options.now ?? (() => new Date()) };
  return (app: Probot) => {
    app.on('push', async (context) => {
      await handlePush(context, deps);
    });
    app.on('issue_comment.created', async (context) => {
      await handleRetryComment(context, deps);
    });
  };
}

const app: ApplicationFunction = createApp();
export default app;
