/**
 * scripts/check-docker.mjs: the Dockerfile rules on the repository's Dockerfile, and the outside-Docker
 * replay (COPY/RUN per stage, production-only node_modules, the App module, CMD, HEALTHCHECK) on a small
 * fixture shaped like the real one, plus copies of it broken one way each. The replay of the real
 * Dockerfile (a full `npm ci` and build) runs in .ci/run as `npm run check:docker`.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const script = resolve('scripts/check-docker.mjs');
const fixture = resolve('test/scripts/fixtures/docker-context');

function check(args: string[]): [number, string] {
  try {
    return [0, execFileSync('node', [script, ...args], { encoding: 'utf8', stdio: 'pipe' })];
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return [err.status, `${err.stdout}${err.stderr}`];
  }
}

/** A copy of the fixture with one file edited. */
function broken(file: string, edit: (text: string) => string): [number, string] {
  const dir = mkdtempSync(join(tmpdir(), 'check-docker-'));
  try {
    cpSync(fixture, dir, { recursive: true });
    writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
    return check([dir]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('scripts/check-docker.mjs', () => {
  it('the repository Dockerfile: multi-stage, non-root, HEALTHCHECK on /health, RUN via docker-build.sh', () => {
    const [code, out] = check(['--static']);
    expect(out).toContain('check-docker: 2 stages, USER node, HEALTHCHECK on /health');
    expect(code).toBe(0);
  });

  it('the Dockerfile CMD runs the App through the installed probot bin', () => {
    const dockerfile = readFileSync('Dockerfile', 'utf8');
    expect(dockerfile).toMatch(/^CMD \["node_modules\/\.bin\/probot", "run", "\.\/dist\/app\.js"\]$/m);
    expect(readFileSync('scripts/docker-build.sh', 'utf8')).toContain('npm ci --omit=dev --ignore-scripts');
  });

  it('replays a Dockerfile outside Docker and checks the result', () => {
    const [code, out] = check([fixture]);
    expect(out).toContain('[build] RUN sh scripts/docker-build.sh build');
    expect(out).toContain('[runtime] RUN sh scripts/docker-build.sh runtime');
    expect(out).toContain('runtime node_modules: 0 packages, none dev-only');
    expect(out).toContain('CMD started the App; GET / on $PORT answered 200');
    expect(out).toContain('HEALTHCHECK passes on 200 from /health, fails on 503');
    expect(code).toBe(0);
  }, 180_000);

  it.each([
    ['a single stage', (d: string) => d.slice(d.indexOf('FROM', d.indexOf('FROM') + 1)), 'not multi-stage'],
    [
      'the server on localhost only',
      (d: string) => d.replace(' HOST=0.0.0.0', ''),
      'does not set ENV HOST=0.0.0.0',
    ],
    ['running as root', (d: string) => d.replace('USER node', 'USER root'), 'runs as root'],
    ['no USER', (d: string) => d.replace('USER node\n', ''), 'runs as root'],
    [
      'a RUN outside the script',
      (d: string) => d.replace('RUN sh scripts/docker-build.sh runtime', 'RUN npm ci'),
      'does not go through scripts/docker-build.sh',
    ],
    [
      'a HEALTHCHECK elsewhere',
      (d: string) => d.replace("'/health'", "'/ready'"),
      'no HEALTHCHECK on /health',
    ],
  ])('refuses a Dockerfile with %s', (_, edit, message) => {
    const [code, out] = broken('Dockerfile', edit);
    expect(out).toContain(message);
    expect(code).toBe(1);
  });

  it('refuses an image that installs devDependencies', () => {
    const [code, out] = broken('scripts/docker-build.sh', (s) =>
      s.replace('npm ci --omit=dev --ignore-scripts', 'npm ci --include=dev --ignore-scripts'),
    );
    expect(out).toContain('devDependencies in the image: picomatch');
    expect(code).toBe(1);
  }, 180_000);

  it('refuses a HEALTHCHECK that passes whatever /health says', () => {
    const [code, out] = broken('Dockerfile', (d) => d.replace('r.ok ? 0 : 1', '0'));
    expect(out).toContain('HEALTHCHECK exits 0 on a /health answering 503, expected 1');
    expect(code).toBe(1);
  }, 180_000);
});
