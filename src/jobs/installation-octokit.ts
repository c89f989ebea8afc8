/**
 * The worker signs in again as the installation (what Probot's `app.auth(installationId)` does), with two
 * differences: the job's logger (Octokit's request logs carry the delivery id too) and the throttle by kind
 * (src/jobs/throttle.ts): Octokit's own write spacing (every write and every GraphQL query, reads included,
 * one second apart) is replaced by the content-creation limits on writes only; a primary rate limit is
 * waited out only when it resets within a minute (`rateLimitWait`).
 */
import Bottleneck from 'bottleneck';
import type { Logger } from 'pino';
import type { Probot, ProbotOctokit } from 'probot';
import { requestKind, type WriteLimiter } from './throttle.js';

type Octokit = InstanceType<typeof ProbotOctokit>;

export interface ThrottleSetup {
  /** Writes per installation; absent: Octokit's own throttle only. */
  writes?: WriteLimiter;
}

/** The longest primary rate-limit reset a job waits for (s); Probot's default waits up to an hour, twice. */
export const MAX_RATE_LIMIT_WAIT_S = 60;

/**
 * A primary rate limit that resets within a minute is waited out once; a later reset fails the request, so
 * the run reports RL402 as a failing check run that names the reset time, instead of holding a worker
 * silently for up to an hour.
 */
export function rateLimitWait(log: Pick<Logger, 'warn'>) {
  return (
    retryAfter: number,
    options: { method?: string; url?: string },
    _octokit: unknown,
    retryCount = 0,
  ) => {
    const wait = retryAfter <= MAX_RATE_LIMIT_WAIT_S && retryCount < 1;
    log.warn(
      { retryAfter, request: `${options.method ?? 'GET'} ${options.url ?? ''}` },
      wait
        ? `release-lanes: rate limit reached, retrying in ${retryAfter} s`
        : `release-lanes: rate limit reached, resets in ${retryAfter} s: the run stops (RL402)`,
    );
    return wait;
  };
}

/** Replaces the throttle plugin's write group: no spacing (writes are spaced by `writes`, reads never). */
const unspaced = new Bottleneck.Group({ maxConcurrent: null, minTime: 0 });

export async function installationOctokit(
  app: Probot,
  installationId: number,
  log: Logger,
  setup: ThrottleSetup,
): Promise<Octokit> {
  const appOctokit = await app.auth();
  // Writes are limited only when the App throttles at all (tests and GHES setups may turn it off).
  let throttled = false;
  const octokit = (await appOctokit.auth({
    type: 'installation',
    installationId,
    factory: ({
      octokit: parent,
      octokitOptions,
      ...otherOptions
    }: {
      octokit: Octokit;
      octokitOptions: Record<string, unknown> & { throttle?: { enabled?: boolean }; auth?: object };
    }) => {
      throttled = octokitOptions.throttle?.enabled !== false && setup.writes !== undefined;
      const Ctor = parent.constructor as new (o: Record<string, unknown>) => Octokit;
      return new Ctor({
        ...octokitOptions,
        log: log.child({ name: 'github' }),
        throttle:
          octokitOptions.throttle?.enabled === false
            ? { enabled: false }
            : {
                ...octokitOptions.throttle,
                id: String(installationId),
                onRateLimit: rateLimitWait(log),
                ...(throttled ? { write: unspaced } : {}),
              },
        auth: { ...octokitOptions.auth, otherOptions, installationId },
      });
    },
  })) as Octokit;
  const writes = setup.writes;
  if (writes && throttled) {
    octokit.hook.wrap('request', (request, options) =>
      requestKind(options as { method?: string; url?: string; query?: unknown }) === 'write'
        ? writes.schedule(installationId, async () => request(options))
        : request(options),
    );
  }
  return octokit;
}
