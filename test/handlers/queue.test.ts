import nock from 'nock';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createSdkServerRepo } from './helpers/monorepo.js';
import { harness, short, type AppHarness } from './helpers/setup.js';

let h: AppHarness;
afterEach(() => h?.close());

test('a delivery id is run once: the same X-GitHub-Delivery again is acknowledged and ignored', async () => {
  h = await harness(createSdkServerRepo());
  const { gh, app } = h;
  const payload = await h.push();
  expect(gh.prs).toHaveLength(1);
  gh.clear();
  await app.push(payload, 'delivery-1');
  expect(gh.requests).toEqual([]);
  expect(app.logs.some((l) => /delivery delivery-1 already accepted/.test(String(l.msg)))).toBe(true);
  expect(await app.queue.stats()).toMatchObject({ accepted: 1, duplicates: 1, done: 1 });
  // another delivery of the same push runs again (reads only: nothing changed)
  await app.push(payload, 'delivery-2');
  expect(short(gh.calls())).toEqual([
    'POST /graphql releaseLanesBootstrap',
    'POST /graphql releaseLanesHistory',
    'POST /graphql releaseLanesState',
  ]);
});

test('every log line of a job carries the delivery id, repository, job id and kind', async () => {
  h = await harness(createSdkServerRepo());
  await h.push();
  const { logs } = h.app;
  const from = logs.findIndex((l) => l.msg === 'release-lanes: job push started');
  const to = logs.findIndex((l) => l.msg === 'release-lanes: job push done');
  expect(from).toBeGreaterThanOrEqual(0);
  expect(to).toBeGreaterThan(from + 3); // Octokit's request lines and the run's summary in between
  for (const line of logs.slice(from, to + 1)) {
    expect(line).toMatchObject({
      delivery: 'delivery-1',
      repo: 'acme/mono',
      job: 'delivery-1',
      kind: 'push',
    });
  }
  expect(logs.find((l) => l.msg === 'release-lanes: push job queued')).toMatchObject({
    delivery: 'delivery-1',
  });
});

test('GET /health answers 200 with the queue counters', async () => {
  h = await harness(createSdkServerRepo());
  await h.push();
  const handlers = h.app.handlers as unknown as ((
    req: IncomingMessage,
    res: ServerResponse,
  ) => Promise<boolean>)[];
  const server = createServer((req, res) => {
    void (async () => {
      for (const handle of handlers) if (await handle(req, res)) return;
      res.writeHead(404).end();
    })();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  nock.enableNetConnect('127.0.0.1');
  try {
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const res = await fetch(`${base}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'ok',
      queue: {
        backend: 'memory',
        waiting: 0,
        running: 0,
        accepted: 1,
        duplicates: 0,
        coalesced: 0,
        done: 1,
        failed: 0,
      },
    });
    expect((await fetch(`${base}/elsewhere`)).status).toBe(404);
  } finally {
    nock.disableNetConnect();
    server.close();
  }
});
