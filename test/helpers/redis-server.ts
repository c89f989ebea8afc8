/**
 * A throw-away `redis-server` on a free localhost port in a temp dir (no persistence), for the Redis queue
 * tests. `.ci/run` installs it from Debian (`apt-get install -y redis-server`). Without it the suites fail
 * when CI=true, and skip with a visible warning otherwise.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const hasRedisServer = spawnSync('redis-server', ['--version']).status === 0;

/** `describe` when redis-server exists; otherwise a failure on CI and a warned skip elsewhere. */
export function describeWithRedis(name: string, fn: () => void): void {
  if (hasRedisServer) return describe(name, fn);
  if (process.env.CI === 'true') {
    describe(name, () => {
      test('redis-server is installed', () => {
        throw new Error(
          'redis-server not found: install it (apt-get install -y redis-server) to run the Redis queue tests',
        );
      });
    });
    return;
  }
  console.warn(`SKIPPED "${name}": redis-server not found (apt-get install -y redis-server)`);
  describe.skip(name, fn);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface RedisServer {
  url: string;
  stop(): Promise<void>;
}

export async function startRedisServer(): Promise<RedisServer> {
  const dir = mkdtempSync(join(tmpdir(), 'rl-redis-'));
  const port = await freePort();
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const onData = (b: Buffer) => {
      out += b.toString();
      if (/Ready to accept connections/i.test(out)) resolve();
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${out}`)));
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
