/**
 * Probot's own setup flow (the page `npm start` opens with no credentials), with WEBHOOK_PROXY_URL set as
 * `npm start` leaves it: the App it registers gets the proxy as its webhook URL, not http://localhost:3000/,
 * with app.yml's events and permissions; and `probot run` connects to the proxy to forward events.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { run } from 'probot';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';

const KEYS = [
  'APP_ID',
  'PRIVATE_KEY',
  'PRIVATE_KEY_PATH',
  'WEBHOOK_SECRET',
  'WEBHOOK_PROXY_URL',
  'PORT',
  'LOG_LEVEL',
  'NODE_ENV',
];
const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));

let proxy: Server;
const proxyRequests: string[] = [];
beforeAll(async () => {
  // a stand-in for the smee.io channel: an event stream that stays open
  proxy = createServer((req, res) => {
    proxyRequests.push(`${req.method} ${req.url} ${req.headers.accept ?? ''}`);
    res.writeHead(200, { 'content-type': 'text/event-stream' }).write(': ready\n\n');
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
});
afterAll(() => {
  proxy.closeAllConnections();
  proxy.close();
  for (const k of KEYS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

it('registers the App with the webhook proxy as hook URL and app.yml’s events', async () => {
  const channel = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/AbCdEf123`;
  const port = await freePort();
  for (const k of KEYS) delete process.env[k];
  Object.assign(process.env, { WEBHOOK_PROXY_URL: channel, PORT: String(port), LOG_LEVEL: 'fatal' });
  const server = await run(['node', 'probot', 'run', './dist/app.js']);
  try {
    const html = await (await fetch(`http://localhost:${port}/probot`)).text();
    const hook = /"hook_attributes":(\{[^}]*\})/.exec(html)?.[1];
    expect(JSON.parse(hook!)).toEqual({ url: channel });
    expect(html).not.toContain('"url":"http://localhost');
    const manifest = parse(readFileSync('app.yml', 'utf8')) as { default_events: string[] };
    const events = /"default_events":(\[[^\]]*\])/.exec(html)?.[1];
    expect(JSON.parse(events!)).toEqual(manifest.default_events);
    expect(proxyRequests.some((r) => r.startsWith('GET /AbCdEf123') && r.includes('text/event-stream'))).toBe(
      true,
    );
  } finally {
    await server.stop();
  }
});
