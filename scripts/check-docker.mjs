#!/usr/bin/env node
// Images cannot be built on the development machines (no Docker engine), so this replays the Dockerfile
// outside Docker: each stage gets a temp directory, its COPY steps copy from the context (or `--from` a
// stage), its RUN steps run as written (only `--mount` flags dropped) with the stage's ENV. Then, in the
// final stage:
//  - the Dockerfile is multi-stage, ends as a non-root USER listening on all interfaces (HOST=0.0.0.0), has a
//    HEALTHCHECK on /health and runs every RUN
//    through scripts/docker-build.sh (the commands this replay runs are the image's commands);
//  - node_modules holds production dependencies only (no devDependency, nothing npm marks dev);
//  - the App module imports, and the CMD starts the Probot server, which answers on $PORT;
//  - the HEALTHCHECK command exits 0 on a 200 from /health and 1 on an error status or a refused connection.
// Usage: node scripts/check-docker.mjs [--static] [context-dir]
//   --static: the Dockerfile rules only (no install). `npm run check:docker` (in .ci/run) replays the
//   repository's Dockerfile; test/scripts/check-docker.test.ts runs the rules on it and the replay on a fixture.
import { execFileSync, spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
/* global fetch */

const args = process.argv.slice(2);
const staticOnly = args.includes('--static');
const context = resolve(
  args.find((a) => !a.startsWith('--')) ?? join(dirname(fileURLToPath(import.meta.url)), '..'),
);
/** A failed check: reported by the top-level catch, after the temp directory and the server are cleaned up. */
class CheckFailed extends Error {}
const fail = (msg) => {
  throw new CheckFailed(msg);
};

/** Instructions of a Dockerfile: comments dropped, `\` continuations joined. */
export function parseDockerfile(text) {
  const lines = text.replace(/\\\r?\n/g, ' ').split(/\r?\n/);
  return lines
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => {
      const [, op, rest] = /^(\S+)\s*(.*)$/.exec(l);
      return { op: op.toUpperCase(), args: rest };
    });
}

/** `--flag=value` options in front of an instruction's arguments. */
function flags(args) {
  const out = {};
  let rest = args;
  for (let m; (m = /^--([\w-]+)=(\S+)\s+/.exec(rest)); rest = rest.slice(m[0].length)) out[m[1]] = m[2];
  return { flags: out, rest };
}

const shellOrExec = (args) => (args.startsWith('[') ? JSON.parse(args) : ['/bin/sh', '-c', args]);

const instructions = parseDockerfile(readFileSync(join(context, 'Dockerfile'), 'utf8'));
let work;
const stages = [];
let server;
try {
  // --- static rules --------------------------------------------------------------------------------
  const froms = instructions.filter((i) => i.op === 'FROM');
  if (froms.length < 2) fail('the Dockerfile is not multi-stage');
  const finalStart = instructions.lastIndexOf(froms.at(-1));
  const final = instructions.slice(finalStart);
  const user = final.filter((i) => i.op === 'USER').at(-1)?.args;
  if (!user || /^(root|0)(:|$)/.test(user)) fail(`the final stage runs as ${user ?? 'root'}`);
  const health = final.find((i) => i.op === 'HEALTHCHECK');
  if (!health || !/\/health\b/.test(health.args)) fail('no HEALTHCHECK on /health in the final stage');
  const finalEnv = final
    .filter((i) => i.op === 'ENV')
    .flatMap((i) => [...i.args.matchAll(/(\w+)=(\S+)/g)])
    .reduce((env, m) => ({ ...env, [m[1]]: m[2] }), {});
  if (finalEnv.HOST !== '0.0.0.0')
    fail('the final stage does not set ENV HOST=0.0.0.0 (Probot listens on localhost)');
  const cmd = final.find((i) => i.op === 'CMD');
  if (!cmd) fail('no CMD');
  for (const r of instructions.filter((i) => i.op === 'RUN')) {
    if (!/^sh scripts\/docker-build\.sh \w+$/.test(flags(r.args).rest)) {
      fail(`RUN ${r.args} does not go through scripts/docker-build.sh`);
    }
  }

  if (staticOnly) {
    console.log(
      `check-docker: ${froms.length} stages, USER ${user}, HEALTHCHECK on /health, RUN via docker-build.sh`,
    );
  } else {
    work = mkdtempSync(join(tmpdir(), 'release-lanes-docker-'));
    // --- replay ------------------------------------------------------------------------------------
    let stage;
    const inStage = (p) => join(stage.root, resolve(stage.workdir, p));
    for (const { op, args } of instructions) {
      if (op === 'FROM') {
        const name = /\bAS\s+(\S+)/i.exec(args)?.[1] ?? String(stages.length);
        stage = { name, root: join(work, name), workdir: '/', env: {} };
        mkdirSync(stage.root, { recursive: true });
        stages.push(stage);
      } else if (op === 'WORKDIR') {
        stage.workdir = resolve(stage.workdir, args);
        mkdirSync(inStage('.'), { recursive: true });
      } else if (op === 'ENV') {
        for (const m of args.matchAll(/(\w+)=(\S+)/g)) stage.env[m[1]] = m[2];
      } else if (op === 'COPY') {
        const { flags: f, rest } = flags(args);
        const parts = rest.split(/\s+/);
        const dest = parts.pop();
        const from = f.from ? stages.find((s) => s.name === f.from) : undefined;
        if (f.from && !from) fail(`COPY --from=${f.from}: no such stage`);
        for (const src of parts) {
          const source = from ? join(from.root, resolve(from.workdir, src)) : join(context, src);
          const target = dest.endsWith('/') ? join(inStage(dest), src.split('/').pop()) : inStage(dest);
          mkdirSync(dirname(target), { recursive: true });
          cpSync(source, target, { recursive: true });
        }
      } else if (op === 'RUN') {
        const { rest } = flags(args);
        console.log(`check-docker: [${stage.name}] RUN ${rest}`);
        try {
          execFileSync('/bin/sh', ['-c', rest], {
            cwd: inStage('.'),
            env: { PATH: process.env.PATH, HOME: process.env.HOME, ...cacheEnv(), ...stage.env },
            stdio: ['ignore', 'pipe', 'pipe'],
          });
        } catch (e) {
          fail(`RUN ${rest} failed in stage ${stage.name}:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
        }
      }
    }
    const app = join(stage.root, stage.workdir);

    // --- production dependencies only --------------------------------------------------------------
    const pkg = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8'));
    const devOnly = Object.keys(pkg.devDependencies ?? {}).filter((d) => !(d in (pkg.dependencies ?? {})));
    const present = devOnly.filter((d) => existsSync(join(app, 'node_modules', d)));
    if (present.length > 0) fail(`devDependencies in the image: ${present.join(', ')}`);
    const hidden = join(app, 'node_modules', '.package-lock.json');
    const lock = existsSync(hidden) ? JSON.parse(readFileSync(hidden, 'utf8')) : { packages: {} };
    const dev = Object.entries(lock.packages).filter(([, p]) => p.dev);
    if (dev.length > 0) fail(`dev packages installed: ${dev.map(([k]) => k).join(', ')}`);
    console.log(
      `check-docker: runtime node_modules: ${Object.keys(lock.packages).length} packages, none dev-only`,
    );

    // --- the App module and the CMD ------------------------------------------------------------------
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, ...stage.env };
    execFileSync(
      'node',
      [
        '--input-type=module',
        '-e',
        "const m = await import('./dist/app.js'); if (typeof m.default !== 'function') throw new Error('dist/app.js has no default export function');",
      ],
      { cwd: app, env, stdio: 'pipe' },
    );
    const port = String(await freePort());
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const [bin, ...binArgs] = shellOrExec(cmd.args);
    server = spawn(bin, binArgs, {
      cwd: app,
      env: {
        ...env,
        PORT: port,
        APP_ID: '1',
        PRIVATE_KEY: privateKey.export({ type: 'pkcs1', format: 'pem' }),
        WEBHOOK_SECRET: 'check-docker',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    server.stdout.on('data', (d) => (log += d));
    server.stderr.on('data', (d) => (log += d));
    const status = await waitForHttp(`http://127.0.0.1:${port}/`, 30_000);
    if (status === undefined) fail(`CMD ${cmd.args} did not answer on PORT ${port}:\n${log}`);
    console.log(`check-docker: CMD started the App; GET / on $PORT answered ${status}`);

    // --- the HEALTHCHECK command ---------------------------------------------------------------------
    const probe = shellOrExec(health.args.replace(/^(--\S+\s+)*CMD\s+/, ''));
    const healthExit = (p) =>
      new Promise((done) =>
        spawn(probe[0], probe.slice(1), { env: { ...env, PORT: String(p) }, stdio: 'ignore' }).on(
          'exit',
          done,
        ),
      );
    for (const [code, expected] of [
      [200, 0],
      [503, 1],
    ]) {
      const stub = createServer((req, res) => res.writeHead(req.url === '/health' ? code : 404).end());
      await new Promise((r) => stub.listen(0, '127.0.0.1', r));
      const got = await healthExit(stub.address().port);
      stub.close();
      if (got !== expected)
        fail(`HEALTHCHECK exits ${got} on a /health answering ${code}, expected ${expected}`);
    }
    if ((await healthExit(await freePort())) !== 1) fail('HEALTHCHECK does not fail when nothing listens');
    console.log(
      'check-docker: HEALTHCHECK passes on 200 from /health, fails on 503 and on a refused connection',
    );
  }
} catch (e) {
  if (!(e instanceof CheckFailed)) throw e;
  console.error(`check-docker: ${e.message}`);
  process.exitCode = 1;
} finally {
  server?.kill();
  if (work) rmSync(work, { recursive: true, force: true });
}

function cacheEnv() {
  const out = { npm_config_prefer_offline: 'true' };
  if (process.env.npm_config_cache) out.npm_config_cache = process.env.npm_config_cache;
  return out;
}

function freePort() {
  return new Promise((res) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

async function waitForHttp(url, ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      return (await fetch(url)).status;
    } catch {
      await sleep(250);
    }
  }
  return undefined;
}
