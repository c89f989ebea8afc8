/**
 * The durable job queue (`REDIS_URL`), shared by every replica. BullMQ's open-source queue has no
 * per-group ordering, so the order lives in Redis next to it:
 *
 * - `<prefix>:pending:<owner>/<repo>`: the repository's jobs, a FIFO list of Job JSON. Accepting a job
 *   (one Lua script: dedup key SET NX, coalescing, RPUSH) then adds a BullMQ "drain" job naming the
 *   repository.
 * - `<prefix>:lock:<owner>/<repo>`: whoever holds it (SET NX PX, renewed while running) runs the next job
 *   of the repository's list. A drain job that finds the lock held is delayed and tried again; every job
 *   brought its own drain job, so no job is stranded.
 * - `<prefix>:active:<owner>/<repo>`: the job being run. A replica that dies mid-job leaves it there; its
 *   lock expires, BullMQ's stalled-job check hands its drain job to another replica, which takes the
 *   active job first and runs it again (the flows are idempotent).
 * - `<prefix>:delivery:<id>`: the dedup key (while queued; after a clean run for `dedupSeconds`).
 *
 * ioredis and bullmq are loaded only when REDIS_URL is set (src/ports/job-queue.ts).
 */
import { randomUUID } from 'node:crypto';
import { DelayedError, Queue, Worker, type Job as BullJob } from 'bullmq';
import { Redis } from 'ioredis';
import { ReleaseLanesError } from '../../errors.js';
import type {
  EnqueueResult,
  Job,
  JobQueue,
  JobResult,
  JobRunner,
  QueueOptions,
  QueueStats,
} from '../../ports/job-queue.js';
import { DEFAULT_CONCURRENCY } from '../../ports/job-queue.js';
import { burstGate } from './burst-gate.js';

export interface RedisQueueOptions extends QueueOptions {
  /** Key prefix (default `release-lanes`); replicas of one App share it. */
  prefix?: string;
  /** Repository lock and BullMQ job lock lifetime (ms, default 30 000); renewed every third of it. */
  lockMs?: number;
  /** How often a replica looks for jobs of dead replicas (ms, default 15 000). */
  stalledMs?: number;
  /** Delay before a drain job that found its repository busy tries again (ms, default 500). */
  retryMs?: number;
}

const ENQUEUE = `
if not redis.call('SET', KEYS[2], 'queued', 'NX', 'PX', ARGV[3]) then
  redis.call('HINCRBY', KEYS[4], 'duplicates', 1)
  return -1
end
local removed = 0
if ARGV[2] ~= '' then
  for _, item in ipairs(redis.call('LRANGE', KEYS[1], 0, -1)) do
    local ok, j = pcall(cjson.decode, item)
    if ok and j.coalesce == ARGV[2] then removed = removed + redis.call('LREM', KEYS[1], 1, item) end
  end
end
redis.call('RPUSH', KEYS[1], ARGV[1])
redis.call('INCRBY', KEYS[3], 1 - removed)
redis.call('HINCRBY', KEYS[4], 'accepted', 1)
redis.call('HINCRBY', KEYS[4], 'coalesced', removed)
return removed`;

const TAKE = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return false end
local active = redis.call('GET', KEYS[2])
if active then return active end
local item = redis.call('LPOP', KEYS[3])
if not item then return false end
redis.call('SET', KEYS[2], item)
redis.call('DECR', KEYS[4])
return item`;

const FINISH = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[2])
if ARGV[2] == 'done' then redis.call('SET', KEYS[3], 'done', 'PX', ARGV[3]) else redis.call('DEL', KEYS[3]) end
redis.call('HINCRBY', KEYS[4], ARGV[2], 1)
return 1`;

const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/** How long accepting a job or reading the counters may wait for Redis before it is RL411. */
const ANSWER_MS = 5000;

/** `p`, or RL411 when Redis has not answered within `ms` (a webhook must not hang on a Redis outage). */
function answered<T>(p: Promise<T>, url: string, ms = ANSWER_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ReleaseLanesError('RL411', `${redactUrl(url)} did not answer within ${ms} ms`)),
      ms,
    );
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

/** While queued, a delivery id is kept this long at most (a job never waits a week). */
const QUEUED_MS = 7 * 24 * 3600 * 1000;

export async function redisJobQueue(url: string, options: RedisQueueOptions = {}): Promise<JobQueue> {
  const prefix = options.prefix ?? 'release-lanes';
  const lockMs = options.lockMs ?? 30_000;
  const retryMs = options.retryMs ?? 500;
  const dedupMs = (options.dedupSeconds ?? 3600) * 1000;
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const gate = burstGate(options.quietMs ?? 25, options.maxStartDelayMs ?? 500);
  const key = {
    pending: (repo: string) => `${prefix}:pending:${repo}`,
    active: (repo: string) => `${prefix}:active:${repo}`,
    lock: (repo: string) => `${prefix}:lock:${repo}`,
    delivery: (id: string) => `${prefix}:delivery:${id}`,
    waiting: `${prefix}:waiting`,
    stats: `${prefix}:stats`,
  };

  // A first connection that fails is RL411 at once (no retries); later drops are retried for ever.
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    await probe.ping();
  } catch (e) {
    probe.disconnect();
    throw new ReleaseLanesError('RL411', `${redactUrl(url)}: ${e instanceof Error ? e.message : String(e)}`);
  }
  await probe.quit();
  const client = new Redis(url, { maxRetriesPerRequest: null });
  client.on('error', () => undefined); // surfaced by the commands that fail (and /health)
  const queue = new Queue<{ repo: string }>('jobs', { connection: client as never, prefix });
  let worker: Worker<{ repo: string }> | undefined;
  let running = 0;
  const timers = new Set<NodeJS.Timeout>();

  /**
   * Runs the repository's next job while holding its lock (`token`). One job per drain job: every accepted
   * job added a drain job, so there are always at least as many drain jobs as jobs, and replicas take
   * turns on a busy repository instead of one replica keeping it.
   */
  async function drainOne(repo: string, token: string, run: JobRunner): Promise<void> {
    const renew = setInterval(() => {
      client.eval(RENEW, 1, key.lock(repo), token, lockMs).catch(() => undefined);
    }, lockMs / 3);
    timers.add(renew);
    try {
      const raw = (await client.eval(
        TAKE,
        4,
        key.lock(repo),
        key.active(repo),
        key.pending(repo),
        key.waiting,
        token,
      )) as string | null;
      if (!raw) return;
      const job = JSON.parse(raw) as Job;
      running++;
      let result: JobResult = 'failed';
      try {
        result = await run(job);
      } catch {
        result = 'failed';
      } finally {
        running--;
      }
      await client.eval(
        FINISH,
        4,
        key.lock(repo),
        key.active(repo),
        key.delivery(job.deliveryId),
        key.stats,
        token,
        result,
        dedupMs,
      );
    } finally {
      clearInterval(renew);
      timers.delete(renew);
      await client.eval(RELEASE, 1, key.lock(repo), token).catch(() => undefined);
    }
  }

  return {
    async enqueue(job: Job): Promise<EnqueueResult> {
      // This replica's workers wait until the burst of deliveries it is answering is answered.
      gate.accepted();
      const repo = `${job.owner}/${job.repo}`;
      const removed = (await answered(
        client.eval(
          ENQUEUE,
          4,
          key.pending(repo),
          key.delivery(job.deliveryId),
          key.waiting,
          key.stats,
          JSON.stringify(job),
          job.coalesce ?? '',
          QUEUED_MS,
        ),
        url,
      )) as number;
      if (removed < 0) return { status: 'duplicate', coalesced: 0 };
      await answered(queue.add('drain', { repo }, { removeOnComplete: true, removeOnFail: 1000 }), url);
      return { status: 'queued', coalesced: removed };
    },
    start(run) {
      worker = new Worker<{ repo: string }>(
        'jobs',
        async (bull: BullJob<{ repo: string }>, bullToken?: string) => {
          const repo = bull.data.repo;
          await gate.opened();
          const token = randomUUID();
          const locked = await client.set(key.lock(repo), token, 'PX', lockMs, 'NX');
          if (!locked) {
            // Another replica drains this repository; look again soon (it may have finished by then).
            await bull.moveToDelayed(Date.now() + retryMs, bullToken);
            throw new DelayedError();
          }
          await drainOne(repo, token, run);
        },
        {
          connection: client as never,
          prefix,
          concurrency,
          lockDuration: lockMs,
          stalledInterval: options.stalledMs ?? 15_000,
          maxStalledCount: 100,
        },
      );
      worker.on('error', () => undefined);
    },
    async stats(): Promise<QueueStats> {
      const [waiting, counts] = await answered(
        Promise.all([client.get(key.waiting), client.hgetall(key.stats)]),
        url,
      );
      const n = (k: string) => Number(counts[k] ?? 0);
      return {
        backend: 'redis',
        waiting: Number(waiting ?? 0),
        running,
        accepted: n('accepted'),
        duplicates: n('duplicates'),
        coalesced: n('coalesced'),
        done: n('done'),
        failed: n('failed'),
      };
    },
    async idle() {
      for (;;) {
        const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
        const busy = Object.values(counts).reduce((a, b) => a + b, 0);
        if (busy === 0 && running === 0 && Number((await client.get(key.waiting)) ?? 0) === 0) return;
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async close(opts = {}) {
      gate.close();
      if (opts.force) {
        // As a killed process: no more renewals, connections dropped, running jobs left unfinished.
        for (const t of timers) clearInterval(t);
        timers.clear();
        await worker?.close(true);
        client.disconnect();
        return;
      }
      await worker?.close();
      await queue.close();
      await client.quit();
    },
  };
}

/** `redis://user:secret@host:6379/0` → `redis://host:6379/0` (no password in messages). */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.toString();
  } catch {
    return 'REDIS_URL';
  }
}
