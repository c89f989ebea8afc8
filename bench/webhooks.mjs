/* global fetch, setTimeout */
/**
 * `npm run bench:webhooks`: how fast the App answers webhooks, and what a queued job costs.
 *
 *   BENCH_DELIVERIES (default 50)  BENCH_ROUNDS (default 5)  BENCH_JOBS (default 10000)
 *   BENCH_NOOP_APP=1: the same deliveries to a Probot app that does nothing (Probot's own floor)
 *
 * - ack: BENCH_DELIVERIES concurrent signed `push` deliveries, one per repository, POSTed to Probot's real
 *   HTTP middleware on localhost (signature verified with WEBHOOK_SECRET, job queued, 2xx). The jobs run
 *   meanwhile in the same process against a local GitHub stand-in that answers every call but the token with a 404
 *   (so the workers load the process as they would, without a network). p50/p99 per round, medians.
 *   With the in-process queue, and with the Redis queue when `redis-server` is installed.
 * - memory per queued job: BENCH_JOBS push jobs accepted by a queue that is not started; V8 heap growth
 *   (in-process) or Redis `used_memory` growth, per job.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHmac, generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { Probot, createNodeMiddleware } from 'probot';

const deliveries = Number(process.env.BENCH_DELIVERIES ?? 50);
const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 5));
const jobCount = Number(process.env.BENCH_JOBS ?? 10000);
const SECRET = 'bench-secret';

const { createApp } = await import('../dist/app.js');
const { createJobQueue } = await import('../dist/ports/job-queue.js');
const { jobFromEvent } = await import('../dist/jobs/from-event.js');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

function pushExample() {
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve('@octokit/webhooks-examples/package.json'));
  const defs = JSON.parse(readFileSync(join(dir, 'api.github.com', 'index.json'), 'utf8'));
  return defs
    .find((d) => d.name === 'push')
    .examples.find((e) => e.installation && String(e.ref).startsWith('refs/heads/'));
}

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

async function ackBench(env, label) {
  const github = await listen((req, res) => {
    req.resume();
    if (/^\/app\/installations\/\d+\/access_tokens$/.test(req.url)) {
      const expires = new Date(Date.now() + 3600_000).toISOString();
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ token: 'bench', expires_at: expires, permissions: {}, repository_selection: 'all' }),
      );
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"bench stand-in"}');
  });
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const queue = await createJobQueue(env, { prefix: `bench-${randomUUID()}` });
  const probot = new Probot({
    appId: 1,
    privateKey,
    secret: SECRET,
    baseUrl: github.url,
    log: pino({ level: 'silent' }),
  });
  const appFn = process.env.BENCH_NOOP_APP ? (a) => a.on('push', () => undefined) : createApp({ queue });
  const middleware = await createNodeMiddleware(appFn, { probot });
  const app = await listen((req, res) => middleware(req, res, () => res.writeHead(404).end()));
  const example = pushExample();
  const p50s = [];
  const p99s = [];
  for (let r = 0; r < rounds; r++) {
    const bodies = Array.from({ length: deliveries }, (_, i) => JSON.stringify(pushFor(example, i)));
    const times = await Promise.all(
      bodies.map(async (body) => {
        const t0 = performance.now();
        const res = await fetch(`${app.url}/api/github/webhooks`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-github-event': 'push',
            'x-github-delivery': randomUUID(),
            'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`,
          },
          body,
        });
        await res.arrayBuffer();
        if (res.status >= 300) throw new Error(`delivery answered ${res.status}`);
        return performance.now() - t0;
      }),
    );
    p50s.push(pct(times, 50));
    p99s.push(pct(times, 99));
    await queue.idle();
  }
  const stats = await queue.stats();
  await queue.close();
  app.server.close();
  github.server.close();
  console.log(
    `ack ${label}: ${deliveries} concurrent deliveries to ${deliveries} repos × ${rounds} rounds: ` +
      `p50 ${median(p50s).toFixed(1)} ms, p99 ${median(p99s).toFixed(1)} ms (medians; goal p99 < 100 ms); ` +
      `jobs accepted ${stats.accepted}, run ${stats.done + stats.failed}`,
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

await ackBench({}, 'in-process queue');
await memoryBench({}, 'in-process queue (V8 heap)', heap);
const redis = await startRedis();
if (redis) {
  try {
    await ackBench({ REDIS_URL: redis.url }, 'Redis queue');
    const { Redis } = await import('ioredis');
    const client = new Redis(redis.url);
    const used = async () => Number(/used_memory:(\d+)/.exec(await client.info('memory'))[1]);
    await memoryBench({ REDIS_URL: redis.url }, 'Redis queue (used_memory)', used);
    client.disconnect();
  } finally {
    await redis.stop();
  }
} else {
  console.log('Redis queue: skipped (redis-server not installed)');
}
process.exit(0);
