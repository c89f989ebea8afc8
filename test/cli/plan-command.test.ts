import { runCli } from '../helpers/run-cli.js';
import { createTestRepo, type TestRepo } from '../helpers/git-repo.js';

const NOW = new Date('2026-11-23T12:00:00Z');

const run = (argv: string[], cwd: string) => runCli(argv, cwd, NOW);

const CONFIG = `lanes:
  - name: sdk
    path: packages/sdk
  - name: server
    path: services/server
    depends-on: [sdk]
    channels:
      - {tag: server-latest, track: latest}
  - name: docs
    path: docs
`;

describe('release-lanes plan (real git repositories)', () => {
  let repo: TestRepo;
  beforeEach(() => {
    repo = createTestRepo();
  });
  afterEach(() => repo.cleanup());

  function seed() {
    repo.commit('chore: initial layout', {
      '.github/release-lanes.yml': CONFIG,
      '.release-lanes-manifest.json': '{"sdk":"1.3.0","server":"0.4.2","docs":"1.0.0"}\n',
      'packages/sdk/index.ts': 'export {}\n',
      'services/server/main.ts': '\n',
      'docs/index.md': '# docs\n',
    });
    repo.tag('sdk-v1.3.0');
    repo.tag('server-v0.4.2', { message: 'server 0.4.2' }); // annotated: must be peeled
    repo.tag('docs-v1.0.0');
  }

  it('prints the JSON contract: releases in dependency order with commits, tags and changelog', async () => {
    seed();
    const fix = repo.commit('fix(server): drain connections on SIGTERM', {
      'services/server/main.ts': 'drain\n',
    });
    const feat = repo.commit('feat(sdk): stream events', { 'packages/sdk/index.ts': 'export const s = 1\n' });
    repo.commit('docs: typo', { 'docs/index.md': '# Docs\n' });
    const both = repo.commit('feat: request ids end to end', {
      'packages/sdk/ids.ts': '1\n',
      'services/server/ids.ts': '1\n',
    });

    const { code, stdout, stderr } = await run(['plan', '--json'], repo.dir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(['releases', 'order', 'warnings', 'tags']);
    expect(out.order).toEqual(['sdk', 'server']);
    expect(out.releases.map((r: Record<string, unknown>) => Object.keys(r))).toEqual([
      ['lane', 'path', 'previousVersion', 'version', 'bump', 'tag', 'commits', 'changelog'],
      ['lane', 'path', 'previousVersion', 'version', 'bump', 'tag', 'commits', 'changelog'],
    ]);
    const [sdk, server] = out.releases;
    expect(sdk).toMatchObject({
      lane: 'sdk',
      path: 'packages/sdk',
      previousVersion: '1.3.0',
      version: '1.4.0',
      bump: 'minor',
      tag: 'sdk-v1.4.0',
    });
    expect(sdk.commits).toEqual([both, feat]);
    expect(server).toMatchObject({
      previousVersion: '0.4.2',
      version: '0.5.0',
      bump: 'minor',
      tag: 'server-v0.5.0',
    });
    expect(server.commits).toEqual([both, fix]);
    expect(sdk.changelog).toMatch(
      /^## 1\.4\.0 \(2026-11-23\)\n\n\n### Features\n\n\* request ids end to end \(\w{7}\)\n\* \*\*sdk:\*\* stream events/,
    );
    expect(server.changelog).toContain('### Bug Fixes\n\n* **server:** drain connections on SIGTERM');
    expect(server.changelog).toContain(
      '* The following workspace dependencies were updated\n  * sdk bumped to 1.4.0',
    );
    expect(out.tags).toEqual([
      { name: 'sdk-v1.4.0', action: 'create', from: null, to: 'merge' },
      { name: 'server-v0.5.0', action: 'create', from: null, to: 'merge' },
      { name: 'server-latest', action: 'create', from: null, to: 'merge' },
    ]);
  });

  it('prints a readable plan and supports --exit-code when nothing is to be released', async () => {
    seed();
    const readable = await run(['plan'], repo.dir);
    expect(readable.code).toBe(0);
    expect(readable.stdout).toBe('Nothing to release.\n');
    expect((await run(['plan', '--exit-code'], repo.dir)).code).toBe(1);

    repo.commit('fix(sdk): null check', { 'packages/sdk/index.ts': 'x\n' });
    const r = await run(['plan', '--cwd', repo.dir], '/');
    expect(r.stdout).toContain('1. sdk  1.3.0 → 1.3.1  [patch]  tag sdk-v1.3.1  (1 commit)');
    expect(r.stdout).toContain('2. server  0.4.2 → 0.4.3  [patch]');
    expect(r.stdout).toContain('dependency sdk is released as 1.3.1');
    expect(r.stdout).toContain('Tag operations:\n  create    sdk-v1.3.1 → the merge commit\n');
    expect(r.stdout).toContain('  create    server-latest → the merge commit\n');
  });

  it('exits 2 with the coded error and its fix for a bad config', async () => {
    repo.commit('chore: config', {
      '.github/release-lanes.yml': 'lanes:\n  - name: server\n    path: server\n    depends-on: [sdkk]\n',
    });
    const r = await run(['plan'], repo.dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('RL102 Unknown lane in depends-on (.github/release-lanes.yml line 4');
    expect(r.stderr).toContain('fix:');
  });

  it('exits 2 outside a git repository and for unknown commands', async () => {
    const notGit = createTestRepo();
    notGit.git('rev-parse', '--git-dir');
    const r1 = await run(['plan', '--cwd', '/proc'], '/');
    expect(r1.code).toBe(2);
    expect(r1.stderr).toMatch(/RL20[01]/);
    notGit.cleanup();
    const r2 = await run(['frobnicate'], repo.dir);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('RL203');
  });

  it('without any config plans the repository as one root lane from its tags', async () => {
    repo.commit('feat: one', { 'package.json': '{"name":"tool","version":"1.1.0"}\n' });
    repo.tag('v1.1.0');
    repo.commit('fix: two', { 'a.txt': '1\n' });
    const out = JSON.parse((await run(['plan', '--json'], repo.dir)).stdout);
    expect(out.releases).toEqual([
      expect.objectContaining({ lane: 'tool', path: '.', version: '1.1.1', tag: 'v1.1.1' }),
    ]);
    expect(out.warnings[0].code).toBe('no-config');
  });

  it('reads a release-please repository unchanged', async () => {
    repo.commit('chore: setup', {
      'release-please-config.json': JSON.stringify({
        packages: { 'packages/a': {}, 'packages/b': { component: 'bee' } },
        'bump-minor-pre-major': true,
      }),
      '.release-please-manifest.json': '{"packages/a":"0.3.0","packages/b":"2.0.0"}',
      'packages/a/package.json': '{"name":"@acme/a","version":"0.3.0"}',
      'packages/b/package.json': '{"name":"@acme/b","version":"2.0.0"}',
    });
    repo.tag('a-v0.3.0');
    repo.tag('bee-v2.0.0');
    repo.commit('feat(a)!: drop node 18', { 'packages/a/x.js': '1\n' });
    repo.commit('fix(b): y', { 'packages/b/x.js': '1\n' });
    const out = JSON.parse((await run(['plan', '--json'], repo.dir)).stdout);
    expect(
      out.releases.map((r: { lane: string; version: string; tag: string }) => [r.lane, r.version, r.tag]),
    ).toEqual([
      ['a', '0.4.0', 'a-v0.4.0'],
      ['bee', '2.0.1', 'bee-v2.0.1'],
    ]);
  });
});
