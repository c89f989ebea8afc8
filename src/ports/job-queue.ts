/**
 * The work queue of the App: a webhook is verified, turned into a Job (plain JSON) and acknowledged; a
 * worker runs the job later, signed in again as the installation. Two adapters:
 * - in-process (src/adapters/queue/memory.ts), the default: nothing to install, lost when the process dies;
 * - Redis (src/adapters/queue/redis.ts, BullMQ + ioredis), when `REDIS_URL` is set: shared by every
 *   replica, durable, a job of a replica that dies is finished by another.
 *
 * Every adapter keeps, whatever the caller asks:
 * - one repository's jobs run one at a time, in the order they were accepted (across replicas);
 * - different repositories run in parallel (up to `concurrency` per process);
 * - a delivery id is accepted once (while queued, running, or within `dedupSeconds` of a clean run; a
 *   failed run forgets it, so GitHub's "Redeliver" runs it again);
 * - a job with a `coalesce` key replaces a waiting (not yet running) job of the same repository with the
 *   same key: a burst of pushes becomes one run on the newest head.
 */

import { ReleaseLanesError } from '../errors.js';

/** What a job does: the webhook it came from, dispatched by src/jobs/index.ts. */
export type JobKind = 'push' | 'pull-request-closed' | 'issue-comment' | 'repository-dispatch';

export interface Job {
  /** Unique per job: the delivery id (`X-GitHub-Delivery`). */
  id: string;
  kind: JobKind;
  owner: string;
  repo: string;
  installationId: number;
  deliveryId: string;
  /** The commit and ref that triggered it, when the event has one (logs, coalescing). */
  sha?: string;
  ref?: string;
  /** The webhook event name and the part of its payload the job reads. */
  event: string;
  payload: Record<string, unknown>;
  /** Waiting jobs of the same repository with this key are replaced by this one. */
  coalesce?: string;
  /** When it was accepted (ms since the epoch). */
  acceptedAt: number;
}

/** `failed`: the run reported a failure (a check run) or threw; its delivery id is forgotten. */
export type JobResult = 'done' | 'failed';

export type JobRunner = (job: Job) => Promise<JobResult>;

export interface EnqueueResult {
  /** `duplicate`: this delivery id was already accepted; nothing was queued. */
  status: 'queued' | 'duplicate';
  /** Waiting jobs this one replaced. */
  coalesced: number;
}

export interface QueueStats {
  backend: 'memory' | 'redis';
  /** Jobs accepted and not yet started (all replicas for Redis). */
  waiting: number;
  /** Jobs running in this process. */
  running: number;
  /** Since this process started. */
  accepted: number;
  duplicates: number;
  coalesced: number;
  done: number;
  failed: number;
}

export interface JobQueue {
  enqueue(job: Job): Promise<EnqueueResult>;
  /** Begin running jobs with `run` (a queue accepts jobs before it starts). */
  start(run: JobRunner): void;
  stats(): Promise<QueueStats>;
  /** Resolves when no job accepted by this process is waiting or running. */
  idle(): Promise<void>;
  /**
   * Stop taking jobs. Default: wait for the running ones. `force`: drop them as a killed process would
   * (another replica finishes them; the in-process queue loses them).
   */
  close(options?: { force?: boolean }): Promise<void>;
}

export interface QueueOptions {
  /** Jobs of different repositories running at once in this process (default 8, `RELEASE_LANES_CONCURRENCY`). */
  concurrency?: number;
  /** How long a cleanly run delivery id is remembered (default 3600 s). */
  dedupSeconds?: number;
  /** Workers of this process start once it accepted no job for this long (default 25 ms)… */
  quietMs?: number;
  /** …and at most this long after the first waiting job was accepted (default 500 ms). */
  maxStartDelayMs?: number;
}

export const DEFAULT_CONCURRENCY = 8;

/** `RELEASE_LANES_CONCURRENCY`: a whole number from 1 to 1000, or RL420. */
export function concurrencyOf(env: { RELEASE_LANES_CONCURRENCY?: string | undefined }): number | undefined {
  const raw = env.RELEASE_LANES_CONCURRENCY;
  if (raw === undefined || raw.trim() === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 1000) {
    throw new ReleaseLanesError('RL420', `RELEASE_LANES_CONCURRENCY is ${JSON.stringify(raw)}`);
  }
  return n;
}

/** The queue for this environment: Redis when `REDIS_URL` is set (loaded only then), else in-process. */
export async function createJobQueue(
  env: { REDIS_URL?: string | undefined; RELEASE_LANES_CONCURRENCY?: string | undefined },
  options: QueueOptions = {},
): Promise<JobQueue> {
  const concurrency = concurrencyOf(env);
  if (concurrency !== undefined && options.concurrency === undefined) options = { ...options, concurrency };
  if (!env.REDIS_URL) return (await import('../adapters/queue/memory.js')).memoryJobQueue(options);
  return (await import('../adapters/queue/redis.js')).redisJobQueue(env.REDIS_URL, options);
}
