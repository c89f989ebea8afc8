/**
 * The job-queue contract, for both adapters: the in-process queue and the Redis queue (a real
 * redis-server; two "replicas" are two queue instances with their own connections on one prefix).
 * No timing: blocked jobs wait on gates the test opens, so a broken guarantee deadlocks (times out) or
 * shows in the recorded order.
 */
import { randomUUID } from 'node:crypto';
import { memoryJobQueue } from '../../../src/adapters/queue/memory.js';
import { redisJobQueue } from '../../../src/adapters/queue/redis.js';
import type { Job, JobQueue, JobResult } from '../../../src/ports/job-queue.js';
import { describeWithRedis, startRedisServer, type RedisServer } from '../../helpers/redis-server.js';

function job(repo: string, id: string, extra: Partial<Job> = {}): Job {
  return {
    id,
    deliveryId: id,
    kind: 'push',
    owner: 'acme',
    repo,
    installationId: 1,
    event: 'push',
    payload: { ref: 'refs/heads/main' },
    acceptedAt: 0,
    ...extra,
  };
}

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
}

/** Records start/end of every run; `block(id)` makes that job wait until the returned gate opens. */
function recorder() {
  const events: string[] = [];
  const blocks = new Map<string, { open: () => void; opened: Promise<void> }>();
  const started = new Map<string, { open: () => void; opened: Promise<void> }>();
  const startedGate = (id: string) => {
    if (!started.has(id)) started.set(id, gate());
    return started.get(id)!;
  };
  const results = new Map<string, JobResult>();
  return {
    events,
    results,
    block(id: string) {
      const g = gate();
      blocks.set(id, g);
      return g;
    },
    started: (id: string) => startedGate(id).opened,
    runner:
      (who: string) =>
      async (j: Job): Promise<JobResult> => {
        events.push(`start ${j.repo} ${j.id}${who ? ` @${who}` : ''}`);
        startedGate(j.id).open();
        await blocks.get(j.id)?.opened;
        events.push(`end ${j.repo} ${j.id}`);
        return results.get(j.id) ?? 'done';
      },
  };
}

/** The start/end lines of one repository never overlap, and its jobs ran in `order`. */
function expectSerial(events: string[], repo: string, order: string[]) {
  const mine = events.filter((e) => e.split(' ')[1] === repo).map((e) => e.replace(/ @\w+$/, ''));
  expect(mine).toEqual(order.flatMap((id) => [`start ${repo} ${id}`, `end ${repo} ${id}`]));
}

type Make = () => Promise<JobQueue>;

function contract(name: string, setup: () => { make: Make; cleanup?: () => Promise<void> }) {
  describe(name, () => {
    let make: Make;
    const open: JobQueue[] = [];
    beforeEach(() => {
      const s = setup();
      make = async () => {
        const q = await s.make();
        open.push(q);
        return q;
      };
    });
    afterEach(async () => {
      for (const q of open.splice(0)) await q.close({ force: true });
    });

    test('one repository in order, one job at a time; another repository in parallel', async () => {
      const q = await make();
      const r = recorder();
      // a1 runs until b1 has started: only possible when repositories run in parallel.
      const a1 = r.block('a1');
      void r.started('b1').then(a1.open);
      for (const id of ['a1', 'a2', 'a3'])
        expect(await q.enqueue(job('a', id))).toEqual({ status: 'queued', coalesced: 0 });
      await q.enqueue(job('b', 'b1'));
      q.start(r.runner(''));
      await q.idle();
      expectSerial(r.events, 'a', ['a1', 'a2', 'a3']);
      expectSerial(r.events, 'b', ['b1']);
      expect(r.events.indexOf('start b b1')).toBeLessThan(r.events.indexOf('end a a1'));
      expect(await q.stats()).toMatchObject({ accepted: 4, done: 4, failed: 0, waiting: 0, running: 0 });
    });

    test('a burst of pushes to one branch while a job runs: one run, on the newest', async () => {
      const q = await make();
      const r = recorder();
      const first = r.block('first');
      q.start(r.runner(''));
      await q.enqueue(job('a', 'first'));
      await r.started('first');
      const results = [];
      for (const id of ['p1', 'p2', 'p3'])
        results.push(await q.enqueue(job('a', id, { coalesce: 'push:refs/heads/main' })));
      await q.enqueue(job('a', 'other-branch', { coalesce: 'push:refs/heads/dev' }));
      expect(results.map((x) => x.coalesced)).toEqual([0, 1, 1]);
      first.open();
      await q.idle();
      expectSerial(r.events, 'a', ['first', 'p3', 'other-branch']);
      expect(await q.stats()).toMatchObject({ accepted: 5, coalesced: 2, done: 3 });
    });

    test('a delivery id is accepted once; a failed run forgets it (GitHub redelivery runs again)', async () => {
      const q = await make();
      const r = recorder();
      q.start(r.runner(''));
      expect(await q.enqueue(job('a', 'd1'))).toEqual({ status: 'queued', coalesced: 0 });
      expect(await q.enqueue(job('a', 'd1'))).toEqual({ status: 'duplicate', coalesced: 0 });
      await q.idle();
      expect(await q.enqueue(job('a', 'd1'))).toEqual({ status: 'duplicate', coalesced: 0 });
      r.results.set('d2', 'failed');
      await q.enqueue(job('a', 'd2'));
      await q.idle();
      r.results.delete('d2');
      expect(await q.enqueue(job('a', 'd2'))).toEqual({ status: 'queued', coalesced: 0 });
      await q.idle();
      expectSerial(r.events, 'a', ['d1', 'd2', 'd2']);
      expect(await q.stats()).toMatchObject({ accepted: 3, duplicates: 2, done: 2, failed: 1 });
    });
  });
}

contract('in-process job queue', () => ({ make: () => Promise.resolve(memoryJobQueue()) }));

describeWithRedis('Redis job queue (BullMQ, real redis-server)', () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedisServer();
  }, 20000);
  afterAll(async () => {
    await server?.stop();
  });
  const fast = { lockMs: 1000, stalledMs: 300, retryMs: 50 };

  contract('contract', () => {
    const prefix = `t-${randomUUID()}`;
    return { make: () => redisJobQueue(server.url, { prefix, ...fast }) };
  });

  test('two replicas never run one repository at once and keep its order; another repository runs in parallel', async () => {
    const prefix = `t-${randomUUID()}`;
    const r1 = await redisJobQueue(server.url, { prefix, ...fast });
    const r2 = await redisJobQueue(server.url, { prefix, ...fast });
    try {
      const r = recorder();
      const ids = Array.from({ length: 8 }, (_, i) => `j${i}`);
      // j0 runs until b0 has started: repositories run in parallel.
      const j0 = r.block('j0');
      void r.started('b0').then(j0.open);
      r1.start(r.runner('one'));
      r2.start(r.runner('two'));
      for (const [i, id] of ids.entries()) await (i % 2 ? r2 : r1).enqueue(job('a', id));
      await r2.enqueue(job('b', 'b0'));
      await Promise.all([r1.idle(), r2.idle()]);
      expectSerial(r.events, 'a', ids);
      expectSerial(r.events, 'b', ['b0']);
      expect(r.events.indexOf('start b b0')).toBeLessThan(r.events.indexOf('end a j0'));
      expect(await r1.stats()).toMatchObject({ accepted: 9, done: 9, waiting: 0 });
    } finally {
      await r1.close();
      await r2.close();
    }
  });

  test('a replica killed mid-job loses nothing: the other finishes the job, then the next, in order', async () => {
    const prefix = `t-${randomUUID()}`;
    const dying = await redisJobQueue(server.url, { prefix, ...fast });
    const r = recorder();
    r.block('k1'); // never opened: the dying replica never finishes k1
    dying.start(r.runner('dying'));
    await dying.enqueue(job('a', 'k1'));
    await r.started('k1');
    await dying.close({ force: true });

    const survivor = await redisJobQueue(server.url, { prefix, ...fast });
    try {
      await survivor.enqueue(job('a', 'k2'));
      const r2 = recorder();
      survivor.start(r2.runner('survivor'));
      await survivor.idle();
      expect(r.events).toEqual(['start a k1 @dying']);
      expect(r2.events).toEqual(['start a k1 @survivor', 'end a k1', 'start a k2 @survivor', 'end a k2']);
      expect(await survivor.stats()).toMatchObject({ accepted: 2, done: 2, waiting: 0 });
    } finally {
      await survivor.close();
    }
  }, 20000);

  test('Redis gone after start: accepting a job and the counters are RL411 within seconds, never a hang', async () => {
    const own = await startRedisServer();
    const q = await redisJobQueue(own.url, { prefix: 'gone', ...fast });
    try {
      await own.stop();
      await expect(q.stats()).rejects.toThrow(/^RL411 .* did not answer within 5000 ms/);
      await expect(q.enqueue(job('a', 'x'))).rejects.toThrow(/^RL411 /);
    } finally {
      await q.close({ force: true });
    }
  }, 30000);

  test('an unreachable REDIS_URL is RL411 (no password in the message)', async () => {
    await expect(redisJobQueue('redis://user:hunter2@127.0.0.1:1', { prefix: 'x' })).rejects.toThrow(
      /^RL411 .*redis:\/\/127\.0\.0\.1:1/,
    );
  });
});
