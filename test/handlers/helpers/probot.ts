/** A real Probot instance running the App, with a throw-away RSA key and captured logs. */
import { generateKeyPairSync } from 'node:crypto';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { Probot, ProbotOctokit } from 'probot';
import { memoryJobQueue } from '../../../src/adapters/queue/memory.js';
import { createApp } from '../../../src/app.js';
import type { JobQueue } from '../../../src/ports/job-queue.js';

export const WEBHOOK_SECRET = 'test-webhook-secret';

let privateKey: string | undefined;
function testKey(): string {
  privateKey ??= generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  }).privateKey;
  return privateKey;
}

export interface TestProbot {
  probot: Probot;
  /** Parsed log records. */
  logs: Record<string, unknown>[];
  /** The App's in-process job queue. */
  queue: JobQueue;
  /** The routes the App added to Probot's server (`GET /health`). */
  handlers: ((req: never, res: never) => unknown)[];
  push(payload: Record<string, unknown>, id?: string): Promise<void>;
}

export async function createTestProbot(now = new Date('2024-06-02T00:00:00Z')): Promise<TestProbot> {
  const logs: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      for (const line of chunk.toString('utf8').split('\n'))
        if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
      cb();
    },
  });
  const probot = new Probot({
    appId: 1,
    privateKey: testKey(),
    secret: WEBHOOK_SECRET,
    log: pino({ level: 'debug' }, stream),
    // A function, not an object: Probot passes its own `throttle` options per instance, which would win over
    // object defaults and space write requests 1 s apart (Bottleneck) in tests.
    Octokit: ProbotOctokit.defaults((options: Record<string, unknown>) => ({
      ...options,
      retry: { enabled: false },
      throttle: { ...(options.throttle as object), enabled: false },
    })) as typeof ProbotOctokit,
  });
  const queue = memoryJobQueue();
  const handlers: TestProbot['handlers'] = [];
  await probot.load(createApp({ now: () => now, queue }), {
    cwd: process.cwd(),
    addHandler: (h) => handlers.push(h as never),
  });
  // A delivery is answered once it is queued; tests assert on the state after its job ran, so a test
  // delivery resolves when the queue is idle again.
  const receive = probot.receive.bind(probot);
  probot.receive = async (event) => {
    await receive(event);
    await queue.idle();
  };
  let n = 0;
  return {
    probot,
    logs,
    queue,
    handlers,
    push: (payload, id) => probot.receive({ id: id ?? `delivery-${++n}`, name: 'push', payload } as never),
  };
}
