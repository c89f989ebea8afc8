/**
 * GitHub's limits, per installation and by kind of request
 * (docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api):
 * - reads (REST GET/HEAD, GraphQL queries) are not spaced: Octokit's throttle plugin keeps its concurrency
 *   cap and its primary/secondary rate-limit handling (Redis-shared by Probot when `REDIS_URL` is set);
 * - writes (REST POST/PATCH/PUT/DELETE, GraphQL mutations) follow the content-creation limits: at most 80 a
 *   minute (one every 750 ms) and 500 an hour per installation. With Redis the counters are shared by all
 *   replicas (Bottleneck clustering). A write over the hourly budget is refused with RL410 (a check run
 *   that says when the budget is back) instead of waiting silently for up to an hour.
 */
import Bottleneck from 'bottleneck';
import { ReleaseLanesError } from '../errors.js';

/** `report`: a check run (the failure report itself, which must get through when the budget is spent). */
export type RequestKind = 'read' | 'write' | 'report';

/** The kind of an Octokit request: GraphQL is a write only when it is a mutation. */
export function requestKind(options: { method?: string; url?: string; query?: unknown }): RequestKind {
  const method = String(options.method ?? 'GET').toUpperCase();
  if (method === 'GET' || method === 'HEAD') return 'read';
  const path = String(options.url ?? '').replace(/^https?:\/\/[^/]+/, '');
  if (path.startsWith('/graphql')) {
    const query = typeof options.query === 'string' ? options.query : '';
    return /^\s*(#[^\n]*\n\s*)*mutation\b/.test(query) ? 'write' : 'read';
  }
  // Installation tokens are the auth strategy's own request, not content.
  if (/^\/app\/installations\/\d+\/access_tokens$/.test(path)) return 'read';
  if (/^\/repos\/[^/]+\/[^/]+\/check-runs$/.test(path.split('?')[0]!)) return 'report';
  return 'write';
}

export interface WriteLimits {
  /** Minimum spacing of writes per installation (ms); 750 = 80 a minute. */
  minTime: number;
  /** Writes per installation per `perMs`. */
  budget: number;
  perMs: number;
}

export const GITHUB_WRITE_LIMITS: WriteLimits = { minTime: 750, budget: 500, perMs: 3_600_000 };

export interface WriteLimiter {
  /** Run `write` within the installation's limits, or throw RL410 when its hourly budget is spent. */
  schedule<T>(installationId: number, write: () => Promise<T>): Promise<T>;
  disconnect(): Promise<void>;
}

/** Per-installation write limiter; shared through Redis when `connection` is given. */
export function createWriteLimiter(
  limits: WriteLimits = GITHUB_WRITE_LIMITS,
  connection?: Bottleneck.IORedisConnection,
): WriteLimiter {
  const group = new Bottleneck.Group({
    id: 'release-lanes-writes',
    maxConcurrent: 1,
    minTime: limits.minTime,
    reservoir: limits.budget,
    reservoirRefreshAmount: limits.budget,
    reservoirRefreshInterval: limits.perMs,
    ...(connection ? { datastore: 'ioredis', connection, timeout: limits.perMs * 2 } : {}),
  });
  return {
    async schedule(installationId, write) {
      const limiter = group.key(String(installationId));
      const left = await limiter.currentReservoir();
      if (left !== null && left <= 0) {
        const resume = new Date(Date.now() + limits.perMs).toISOString();
        throw new ReleaseLanesError(
          'RL410',
          `installation ${installationId} used its ${limits.budget} writes of the last ${Math.round(limits.perMs / 60000)} min; release-lanes resumes by ${resume}`,
        );
      }
      return limiter.schedule(write);
    },
    async disconnect() {
      await group.disconnect(false);
    },
  };
}

/** The write limiter for this environment: shared through Redis when `REDIS_URL` is set (loaded only then). */
export async function writeLimiterFor(env: { REDIS_URL?: string | undefined }): Promise<WriteLimiter> {
  if (!env.REDIS_URL) return createWriteLimiter();
  const { Redis } = await import('ioredis');
  const client = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
  const connection = new Bottleneck.IORedisConnection({ client });
  connection.on('error', () => undefined); // a request waits for Redis; /health shows the queue's state
  return createWriteLimiter(GITHUB_WRITE_LIMITS, connection);
}
