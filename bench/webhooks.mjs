/* global setTimeout */
/**
 * `npm run bench:webhooks`: how fast the App answers webhooks, how long until the release PRs exist, and
 * what a queued job costs.
 *
 *   BENCH_DELIVERIES (default 50)  BENCH_ROUNDS (default 5)  BENCH_JOBS (default 10000)
 *   BENCH_COMMITS (default 3): commits since the last release in each repository
 *   BENCH_ONE_INSTALLATION=1: every repository in one installation (writes then share GitHub's
 *     content-creation limit, 80 a minute: minutes instead of seconds; default one installation per repo)
 *   BENCH_QUEUES (default memory,redis): which queues to measure
 *   RELEASE_LANES_CONCURRENCY (default 8): jobs running at once, as in the App
 *   BENCH_QUIET_MS: the in-process queue's start delay after the last delivery (default the App's, 25)
 *   BENCH_LOG_LEVEL (default info): the App's pino level (lines go to /dev/null, synchronously, as to stdout)
 *
 * GitHub is a child process (bench/github-stand-in.mjs): it holds BENCH_DELIVERIES two-lane monorepos in
 * memory, answers the App's API requests and sends the signed `push` deliveries, one per repository, all at
 * once, on fresh connections. The App is this process: Probot's real HTTP middleware (signature verified with
 * the webhook secret), the job queue and its workers, with Probot's default Octokit (throttle and retry on).
 *
 * - ack: p50/p99 of the time until each delivery is answered, per round, medians over the rounds (after a
 *   warm-up round). Each round also sends the same deliveries to a Probot app that does nothing (Probot's own
 *   floor, BENCH_NOOP_APP=1 in earlier versions), interleaved so both see the same machine load.
 * - release PRs: from the first delivery until the stand-in has opened the last of the release PRs (every
 *   job reads the config, plans, writes the release branch and opens the PR).
 *   With the in-process queue, and with the Redis queue when `redis-server` is installed.
 * - memory per queued job: BENCH_JOBS push jobs accepted by a queue that is not started; V8 heap growth
 *   (in-process) or Redis `used_memory` growth, per job.
 */
import { fork, spawn, spawnSync } from 'node:child_process';
import { createHmac, generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { Probot, createNodeMiddleware } from 'probot';

const deliveries = Number(process.env.BENCH_DELIVERIES ?? 50);
const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 5));
const jobCount = Number(process.env.BENCH_JOBS ?? 10000);
const commits = Number(process.env.BENCH_COMMITS ?? 3);
const oneInstallation = Boolean(process.env.BENCH_ONE_INSTALLATION);
const logLevel = process.env.BENCH_LOG_LEVEL ?? 'info';
const queues = (process.env.BENCH_QUEUES ?? 'memory,redis').split(',');
const SECRET = 'bench-secret';

const { createApp } = await import('../dist/app.js');
const { createJobQueue } = await import('../dist/ports/job-queue.js');
const { jobFromEvent } = await import('../dist/jobs/from-event.js');
const { pushExample } = await import('./github-stand-in.mjs');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const ms = (x) => `${x.toFixed(1)} ms`;

function pushFor(example, i) {
  const name = `repo-${String(i).padStart(3, '0')}`;
  const repository = {
    ...example.repository,
    name,
    full_name: `acme/${name}`,
    owner: { ...example.repository.owner, login: 'acme', name: 'acme' },
    default_branch: 'main',
  };
  const after = createHmac('sha1', 'x').update(`${name}-${randomUUID()}`).digest('hex');
  return {
    ...example,
    ref: 'refs/heads/main',
    after,
    repository,
    head_commit: { ...example.head_commit, id: after, message: 'feat: bench' },
  };
}

async function listen(handler) {
  const server = createServer(handler);
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${server.address().port}` };
}

async function startRedis() {
  if (spawnSync('redis-server', ['--version']).status !== 0) return null;
  const dir = mkdtempSync(join(tmpdir(), 'rl-bench-redis-'));
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', ''],
    {
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  await new Promise((resolve) => {
    let out = '';
    child.stdout.on('data', (b) => {
      out += b;
      if (/Ready to accept/.test(out)) resolve();
    });
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The GitHub stand-in child process; `round()` sends one burst of deliveries to `target`. */
async function startGitHub() {
  const child = fork(new URL('./github-stand-in.mjs', import.meta.url), [], {
    env: {
      ...process.env,
      STAND_IN: JSON.stringify({
        count: deliveries,
        commits,
        installations: oneInstallation ? 'one' : 'per-repo',
      }),
    },
  });
  const next = (type) =>
    new Promise((resolve, reject) => {
      const onMessage = (m) => {
        if (m.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(m);
      };
      const onExit = (code) => reject(new Error(`GitHub stand-in exited with ${code}`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const { url } = await next('ready');
  return {
    url,
    async round(target, waitForPrs = 0) {
      const done = next('round');
      child.send({ type: 'round', target, secret: SECRET, waitForPrs });
      return done;
    },
    stop() {
      child.send({ type: 'exit' });
    },
  };
}

let privateKey;
function appKey() {
  privateKey ??= generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  }).privateKey;
  return privateKey;
}

/** A Probot server running `appFn` against the stand-in, its logs written as in production (JSON lines). */
async function probotServer(github, appFn) {
  const probot = new Probot({
    appId: 1,
    privateKey: appKey(),
    secret: SECRET,
    baseUrl: github.url,
    log: pino({ level: logLevel }, pino.destination({ dest: '/dev/null', sync: true })),
  });
  const middleware = await createNodeMiddleware(appFn, { probot });
  return listen((req, res) => middleware(req, res, () => res.writeHead(404).end()));
}

const PR_TIMEOUT_MS = 15 * 60_000;

async function ackBench(github, env, label) {
  const queue = await createJobQueue(
    { ...env, RELEASE_LANES_CONCURRENCY: process.env.RELEASE_LANES_CONCURRENCY },
    {
      prefix: `bench-${randomUUID()}`,
      ...(process.env.BENCH_QUIET_MS ? { quietMs: Number(process.env.BENCH_QUIET_MS) } : {}),
    },
  );
  const app = await probotServer(github, createApp({ queue }));
  const noop = await probotServer(github, (a) => a.on('push', () => undefined));
  const summary = (r) => ({ p50: pct(r.times, 50), p99: pct(r.times, 99) });
  const rows = { app: [], noop: [], prs: [], during: [] };
  for (let r = 0; r <= rounds; r++) {
    const floor = summary(await github.round(noop.url));
    const res = await github.round(app.url, PR_TIMEOUT_MS);
    await queue.idle();
    if (res.prs.count < deliveries) {
      throw new Error(
        `${label}: ${res.prs.count} of ${deliveries} release PRs (stand-in: ${res.unknown} unanswered)`,
      );
    }
    if (r === 0) continue; // warm-up
    rows.noop.push(floor);
    rows.app.push(summary(res));
    rows.prs.push(res.prs.lastMs);
    rows.during.push(res.during);
  }
  const stats = await queue.stats();
  await queue.close();
  app.server.close();
  noop.server.close();
  const med = (xs, k) => median(xs.map((x) => x[k]));
  console.log(
    `ack ${label}: ${deliveries} concurrent deliveries to ${deliveries} repos × ${rounds} rounds (medians; goal p99 < 100 ms):\n` +
      `  release-lanes  p50 ${ms(med(rows.app, 'p50'))}, p99 ${ms(med(rows.app, 'p99'))} ` +
      `(API requests of its jobs before the last answer: ${rows.during.join(', ')})\n` +
      `  Probot no-op   p50 ${ms(med(rows.noop, 'p50'))}, p99 ${ms(med(rows.noop, 'p99'))}\n` +
      `  all ${deliveries} release PRs opened after ${(median(rows.prs) / 1000).toFixed(2)} s ` +
      `(${oneInstallation ? 'one installation' : 'one installation per repo'}, concurrency ${process.env.RELEASE_LANES_CONCURRENCY ?? 8}; rounds: ${rows.prs.map((x) => (x / 1000).toFixed(2)).join(', ')} s); ` +
      `jobs accepted ${stats.accepted}, done ${stats.done}, failed ${stats.failed}`,
  );
}

async function memoryBench(env, label, measure) {
  const queue = await createJobQueue(env, { prefix: `bench-${randomUUID()}` });
  const example = pushExample();
  const before = await measure();
  for (let i = 0; i < jobCount; i++) {
    const job = jobFromEvent({ id: randomUUID(), name: 'push', payload: pushFor(example, i) }, Date.now());
    await queue.enqueue(job);
  }
  const after = await measure();
  console.log(
    `memory ${label}: ${jobCount} queued push jobs: ${((after - before) / jobCount).toFixed(0)} bytes per job ` +
      `(payload as GitHub sends it: ${JSON.stringify(pushFor(example, 0)).length} bytes)`,
  );
  await queue.close({ force: true });
}

const heap = async () => {
  globalThis.gc?.();
  await new Promise((r) => setTimeout(r, 50));
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
};

const github = await startGitHub();
if (queues.includes('memory')) {
  await ackBench(github, {}, 'in-process queue');
  await memoryBench({}, 'in-process queue (V8 heap)', heap);
}
const redis = queues.includes('redis') ? await startRedis() : null;
if (redis) {
  try {
    await ackBench(github, { REDIS_URL: redis.url }, 'Redis queue');
    const { Redis } = await import('ioredis');
    const client = new Redis(redis.url);
    const used = async () => Number(/used_memory:(\d+)/.exec(await client.info('memory'))[1]);
    await memoryBench({ REDIS_URL: redis.url }, 'Redis queue (used_memory)', used);
    client.disconnect();
  } finally {
    await redis.stop();
  }
} else if (queues.includes('redis')) {
  console.log('Redis queue: skipped (redis-server not installed)');
}
github.stop();
process.exit(0);
