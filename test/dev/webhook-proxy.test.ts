/**
 * `npm start`'s webhook proxy step: the decision per environment, the real smee-client channel creation
 * against a local stand-in for https://smee.io/new, the .env line, and RL230 when no channel can be made.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SmeeClient } from 'smee-client';
import { setEnvFileValue } from '../../src/dev/env-file.js';
import { ensureWebhookProxy, webhookProxyStep } from '../../src/dev/webhook-proxy.js';

describe('webhookProxyStep', () => {
  it.each([
    [{}, 'create-channel'],
    [{ APP_ID: '1' }, 'create-channel'],
    [{ PRIVATE_KEY: 'k' }, 'create-channel'],
    [{ APP_ID: '1', PRIVATE_KEY_PATH: 'k.pem' }, 'hint'],
    [{ APP_ID: '1', PRIVATE_KEY: 'k', WEBHOOK_PROXY_URL: 'https://smee.io/abc' }, 'forward'],
    [{ WEBHOOK_PROXY_URL: 'https://smee.io/abc' }, 'forward'],
    [{ NODE_ENV: 'production' }, 'none'],
    [{ NO_SMEE_SETUP: 'true' }, 'none'],
    [{ PROJECT_DOMAIN: 'x' }, 'none'],
  ])('%j → %s', (env, kind) => {
    expect(webhookProxyStep(env).kind).toBe(kind);
  });
});

describe('ensureWebhookProxy with smee-client', () => {
  let server: Server;
  let status = 307;
  let dir: string;
  const requests: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push(`${req.method} ${req.url}`);
      res.writeHead(status, status === 307 ? { location: 'https://smee.io/AbCdEf123' } : {}).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  });
  afterAll(() => server.close());
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rl-env-'));
    requests.length = 0;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const io = (env: Record<string, string>, lines: string[]) => ({
    env,
    createChannel: () =>
      SmeeClient.createChannel({
        newChannelUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/new`,
      }),
    saveProxyUrl: (url: string) => setEnvFileValue(join(dir, '.env'), 'WEBHOOK_PROXY_URL', url),
    log: (l: string) => lines.push(l),
  });

  it('empty environment: creates a channel and writes WEBHOOK_PROXY_URL to .env, keeping the other lines', async () => {
    status = 307;
    writeFileSync(join(dir, '.env'), 'LOG_LEVEL=debug\nWEBHOOK_PROXY_URL=\n# comment');
    const lines: string[] = [];
    const step = await ensureWebhookProxy(io({}, lines));
    expect(step).toEqual({ kind: 'forward', url: 'https://smee.io/AbCdEf123' });
    expect(requests).toEqual(['HEAD /new']);
    expect(readFileSync(join(dir, '.env'), 'utf8')).toBe(
      'LOG_LEVEL=debug\nWEBHOOK_PROXY_URL=https://smee.io/AbCdEf123\n# comment\n',
    );
    expect(lines.join('\n')).toContain('Created the webhook proxy https://smee.io/AbCdEf123');
  });

  it('no channel (smee.io answers without a location): RL230, .env untouched', async () => {
    status = 500;
    writeFileSync(join(dir, '.env'), 'LOG_LEVEL=debug\n');
    await expect(ensureWebhookProxy(io({}, []))).rejects.toMatchObject({ code: 'RL230' });
    expect(readFileSync(join(dir, '.env'), 'utf8')).toBe('LOG_LEVEL=debug\n');
  });

  it('smee.io unreachable: RL230 with the fix', async () => {
    const refused = {
      ...io({}, []),
      createChannel: () => SmeeClient.createChannel({ newChannelUrl: 'http://127.0.0.1:1/new' }),
    };
    const err = await ensureWebhookProxy(refused).catch((e: { code: string; render(): string }) => e);
    expect(err).toMatchObject({ code: 'RL230' });
    expect((err as { render(): string }).render()).toContain('WEBHOOK_PROXY_URL');
  });

  it('credentials without a proxy: a hint and no channel', async () => {
    const lines: string[] = [];
    const step = await ensureWebhookProxy(io({ APP_ID: '1', PRIVATE_KEY: 'k' }, lines));
    expect(step.kind).toBe('hint');
    expect(requests).toEqual([]);
    expect(lines[0]).toContain('WEBHOOK_PROXY_URL is not set');
  });
});

describe('setEnvFileValue', () => {
  it('creates the file, appends a new key, replaces an existing one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-env-'));
    const file = join(dir, '.env');
    setEnvFileValue(file, 'A', '1');
    setEnvFileValue(file, 'B', '2');
    setEnvFileValue(file, 'A', '3');
    expect(readFileSync(file, 'utf8')).toBe('A=3\nB=2\n');
    rmSync(dir, { recursive: true, force: true });
  });
});
