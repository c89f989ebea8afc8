/**
 * The in-process job queue (the default): one FIFO lane per repository, lanes drained in parallel up to
 * `concurrency`. Jobs live in this process only: a restart loses the waiting ones (the next push, or
 * `/release-lanes retry`, runs again). Set `REDIS_URL` for a durable queue shared by replicas.
 * Workers wait for the burst gate (./burst-gate.ts): a burst of deliveries is answered before its jobs start.
 */
import type {
  EnqueueResult,
  Job,
  JobQueue,
  JobRunner,
  QueueOptions,
  QueueStats,
} from '../../ports/job-queue.js';
import { DEFAULT_CONCURRENCY } from '../../ports/job-queue.js';
import { burstGate } from './burst-gate.js';

export function memoryJobQueue(options: QueueOptions = {}): JobQueue {
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const dedupMs = (options.dedupSeconds ?? 3600) * 1000;
  const gate = burstGate(options.quietMs ?? 25, options.maxStartDelayMs ?? 500);
  const lanes = new Map<string, Job[]>();
  /** Repositories with a job running. */
  const busy = new Set<string>();
  /** Delivery id → forget after (ms); Infinity while queued or running. */
  const seen = new Map<string, number>();
  const counts = { accepted: 0, duplicates: 0, coalesced: 0, done: 0, failed: 0 };
  let runner: JobRunner | undefined;
  let closed = false;
  let idleWaiters: (() => void)[] = [];
  let pumpPending = false;
  let sweptAt = 0;

  const waiting = () => [...lanes.values()].reduce((n, l) => n + l.length, 0);
  const isIdle = () => busy.size === 0 && waiting() === 0;

  /** Drops delivery ids past their dedup window (at most once a second: the map holds an hour of them). */
  function forgetExpired(now: number) {
    if (now - sweptAt < 1000) return;
    sweptAt = now;
    for (const [id, until] of seen) if (until <= now) seen.delete(id);
  }

  /** Starts workers once the burst gate is open. */
  function schedulePump() {
    if (pumpPending) return;
    pumpPending = true;
    void gate.opened().then(() => {
      pumpPending = false;
      pump();
    });
  }

  function pump() {
    if (!runner || closed) return;
    for (const [key, lane] of lanes) {
      if (busy.size >= concurrency) break;
      if (busy.has(key) || lane.length === 0) continue;
      const job = lane.shift()!;
      if (lane.length === 0) lanes.delete(key);
      busy.add(key);
      void runOne(key, job, runner);
    }
    if (isIdle()) {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const w of waiters) w();
    }
  }

  async function runOne(key: string, job: Job, run: JobRunner) {
    let result: 'done' | 'failed' = 'failed';
    try {
      result = await run(job);
    } catch {
      result = 'failed'; // the runner logs and reports; a throw is a failure like any other
    } finally {
      counts[result]++;
      if (result === 'done') seen.set(job.deliveryId, Date.now() + dedupMs);
      else seen.delete(job.deliveryId);
      busy.delete(key);
      // While a burst of deliveries is being answered, the freed worker waits for the gate too.
      if (gate.isOpen()) pump();
      else schedulePump();
    }
  }

  return {
    enqueue(job: Job): Promise<EnqueueResult> {
      forgetExpired(Date.now());
      if (seen.has(job.deliveryId)) {
        counts.duplicates++;
        return Promise.resolve({ status: 'duplicate', coalesced: 0 });
      }
      seen.set(job.deliveryId, Infinity);
      const key = `${job.owner}/${job.repo}`;
      const lane = lanes.get(key) ?? [];
      let coalesced = 0;
      if (job.coalesce) {
        for (let i = lane.length - 1; i >= 0; i--) {
          const old = lane[i]!;
          if (old.coalesce !== job.coalesce) continue;
          lane.splice(i, 1);
          // The replaced delivery counts as run by this one (its redelivery is a duplicate meanwhile).
          coalesced++;
        }
      }
      lane.push(job);
      lanes.set(key, lane);
      counts.accepted++;
      counts.coalesced += coalesced;
      // Start later: this webhook, and the others arriving with it, are answered first.
      gate.accepted();
      schedulePump();
      return Promise.resolve({ status: 'queued', coalesced });
    },
    start(run) {
      runner = run;
      schedulePump();
    },
    stats(): Promise<QueueStats> {
      return Promise.resolve({ backend: 'memory', waiting: waiting(), running: busy.size, ...counts });
    },
    idle() {
      if (isIdle()) return Promise.resolve();
      return new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
    async close(opts = {}) {
      closed = true;
      gate.close();
      if (opts.force) {
        lanes.clear();
        return;
      }
      while (busy.size > 0) await new Promise((r) => setTimeout(r, 10));
    },
  };
}
