/**
 * The in-process queue shares the event loop with the webhook server: a burst of deliveries is answered
 * before its jobs start. Jest's fake clock drives the start delay (no real waiting), and
 * RELEASE_LANES_CONCURRENCY is read or refused with RL420.
 */
import { jest } from '@jest/globals';
import { memoryJobQueue } from '../../../src/adapters/queue/memory.js';
import { concurrencyOf, createJobQueue, type Job } from '../../../src/ports/job-queue.js';

const job = (repo: string): Job => ({
  id: repo,
  deliveryId: repo,
  kind: 'push',
  owner: 'acme',
  repo,
  installationId: 1,
  event: 'push',
  payload: {},
  acceptedAt: 0,
});

afterEach(() => jest.useRealTimers());

test('workers start once no job was accepted for `quietMs`, at most `maxStartDelayMs` after the first', async () => {
  jest.useFakeTimers();
  const q = memoryJobQueue({ quietMs: 10, maxStartDelayMs: 50, concurrency: 20 });
  const started: string[] = [];
  q.start((j) => {
    started.push(j.id);
    return Promise.resolve('done');
  });
  await jest.advanceTimersByTimeAsync(0);

  await q.enqueue(job('a'));
  await jest.advanceTimersByTimeAsync(9);
  await q.enqueue(job('b'));
  await jest.advanceTimersByTimeAsync(9);
  expect(started).toEqual([]); // 18 ms after `a`, but `b` came 9 ms ago
  await jest.advanceTimersByTimeAsync(1);
  expect(started).toEqual(['a', 'b']);

  // A steady stream (one every 6 ms, never 10 ms quiet): the waiting jobs start 50 ms after the first.
  started.length = 0;
  for (let i = 0; i < 10; i++) {
    await q.enqueue(job(`c${i}`));
    await jest.advanceTimersByTimeAsync(6);
  }
  expect(started).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8']);
  await jest.advanceTimersByTimeAsync(10);
  expect(started).toContain('c9');
  await q.idle();
  expect(await q.stats()).toMatchObject({ accepted: 12, done: 12, waiting: 0, running: 0 });
  await q.close();
});

test('RELEASE_LANES_CONCURRENCY: a whole number from 1 to 1000, else RL420', async () => {
  expect(concurrencyOf({})).toBeUndefined();
  expect(concurrencyOf({ RELEASE_LANES_CONCURRENCY: '' })).toBeUndefined();
  expect(concurrencyOf({ RELEASE_LANES_CONCURRENCY: '32' })).toBe(32);
  for (const bad of ['0', '-1', '1.5', 'eight', '1001']) {
    expect(() => concurrencyOf({ RELEASE_LANES_CONCURRENCY: bad })).toThrow(
      new RegExp(`^RL420 .*RELEASE_LANES_CONCURRENCY is "${bad}"`),
    );
  }
  await expect(createJobQueue({ RELEASE_LANES_CONCURRENCY: '0' })).rejects.toMatchObject({ code: 'RL420' });
});

test('RELEASE_LANES_CONCURRENCY bounds the jobs running at once', async () => {
  const q = await createJobQueue({ RELEASE_LANES_CONCURRENCY: '2' }, { quietMs: 0 });
  let running = 0;
  let most = 0;
  const gates: (() => void)[] = [];
  q.start(async () => {
    most = Math.max(most, ++running);
    await new Promise<void>((r) => gates.push(r));
    running--;
    return 'done';
  });
  for (const r of ['a', 'b', 'c', 'd']) await q.enqueue(job(r));
  while (gates.length < 2) await new Promise((r) => setImmediate(r));
  expect((await q.stats()).running).toBe(2);
  while (gates.length > 0 || running > 0) {
    gates.shift()?.();
    await new Promise((r) => setImmediate(r));
  }
  await q.idle();
  expect(most).toBe(2);
  expect(await q.stats()).toMatchObject({ done: 4 });
  await q.close();
});
