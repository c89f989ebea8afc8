/**
 * The library entry (`import … from 'release-lanes'`): plan a local checkout, load a config, and the
 * plan's types. It loads neither Probot nor any GitHub client; the App lives in `release-lanes/app`.
 */
import { createGitRepoHost } from './adapters/git/repo-host.js';
import { startHistoryRead, type GitLogStream } from './adapters/git/log-stream.js';
import { originWebUrl } from './adapters/git/remote-url.js';
import type { ReleasePlan } from './core/types.js';
import { planFromHost } from './plan.js';

export interface PlanCheckoutOptions {
  /** The clock; defaults to the time of the call. */
  now?: Date;
  /** A config path relative to the checkout (default `.github/release-lanes.yml`, else release-please's files). */
  configPath?: string;
  /** The web URL for changelog links; defaults to the GitHub URL of the `origin` remote. */
  repoUrl?: string;
  /**
   * The history pass already started on `cwd` (startHistoryRead), e.g. by the CLI before it loaded the
   * planner. Default: planCheckout starts it itself, before it reads the config.
   */
  ahead?: GitLogStream;
}

/** Plans the next release of every lane of the git checkout in `cwd`, as `release-lanes plan` does. */
export async function planCheckout(cwd: string, opts: PlanCheckoutOptions = {}): Promise<ReleasePlan> {
  // git walks the history while the config and the tags are read (the walk is the long part).
  const ahead = opts.ahead ?? startHistoryRead(cwd);
  try {
    const { plan } = await planFromHost(createGitRepoHost(cwd, { ahead }), {
      now: opts.now ?? new Date(),
      configPath: opts.configPath,
      repoUrl: opts.repoUrl ?? (await originWebUrl(cwd)),
      allowDefaultConfig: true,
    });
    return plan;
  } finally {
    ahead.stop();
  }
}

export { planToJson } from './cli/plan-json.js';
export {
  loadConfig,
  parseReleaseLanesConfig,
  parseReleasePleaseConfig,
  RELEASE_LANES_SCHEMA,
} from './config/index.js';
export {
  ERRORS,
  ReleaseLanesError,
  ReleaseLanesErrors,
  isReleaseLanesError,
  type ErrorCode,
} from './errors.js';
export { buildPlan, planFromHost } from './plan.js';
export type * from './core/types.js';
export type { RepoHost } from './ports/repo-host.js';
