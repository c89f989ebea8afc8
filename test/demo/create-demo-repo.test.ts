import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGitRepoHost } from '../../src/adapters/git/repo-host.js';
import { loadConfig } from '../../src/config/index.js';
import {
  createDemoRepo,
  DEMO_CHANNEL_TAGS,
  DEMO_CONFIG_PATH,
  DEMO_CONFIG_YAML,
  DEMO_LANES,
  DEMO_MANIFEST,
  DEMO_MANIFEST_PATH,
  DEMO_RELEASE_TAGS,
} from '../../src/demo/index.js';
import { ReleaseLanesError } from '../../src/errors.js';

describe('createDemoRepo', () => {
  let root: string;
  let dir: string;
  let head: string;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();
  const file = (p: string) => readFileSync(join(dir, p), 'utf8');

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'rl-demo-'));
    dir = join(root, 'demo');
    head = await createDemoRepo(dir);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('builds a git history of ~40 commits on main with a merged branch, clean working tree', () => {
    expect(git('rev-parse', 'HEAD')).toBe(head);
    expect(git('branch', '--show-current')).toBe('main');
    expect(git('branch', '--format=%(refname:short)')).toBe('main'); // the feature branch was merged and deleted
    const log = git('log', '--format=%H %P|%s').split('\n');
    expect(log.length).toBeGreaterThanOrEqual(38);
    expect(log.length).toBeLessThanOrEqual(45);
    const merges = log.filter((l) => l.split('|')[0]!.trim().split(' ').length === 3);
    expect(merges.map((l) => l.split('|')[1])).toEqual([
      'Merge pull request #48 from acme/feature/agent-self-update',
    ]);
    expect(git('status', '--porcelain')).toBe('');
    const subjects = log.map((l) => l.split('|')[1]);
    expect(subjects).toContain('Update index.md'); // non-conventional
    const body = git('log', '--format=%B', '--grep=BREAKING CHANGE');
    expect(body).toMatch(/^feat\(sdk\): .*\n\n[\s\S]*BREAKING CHANGE: /);
    expect(git('log', '--format=%B', '--grep=Release-As')).toMatch(/Release-As: 1\.1\.0/);
    const revert = git('log', '--format=%B', '--grep=^revert:');
    const reverted = /This reverts commit ([0-9a-f]{40})/.exec(revert)![1]!;
    expect(git('log', '-1', '--format=%s', reverted)).toBe('perf(server): cache the compiled route table');
    expect(new Set(git('log', '--format=%an').split('\n')).size).toBeGreaterThanOrEqual(3);
  });

  it('writes the exported config and manifest, and the config is valid', () => {
    expect(file(DEMO_CONFIG_PATH)).toBe(DEMO_CONFIG_YAML);
    expect(JSON.parse(file(DEMO_MANIFEST_PATH))).toEqual(DEMO_MANIFEST);
    const loaded = loadConfig({
      releaseLanesYml: DEMO_CONFIG_YAML,
      releaseLanesManifest: file(DEMO_MANIFEST_PATH),
    });
    expect(Object.fromEntries(loaded.config.lanes.map((l) => [l.name, l.paths[0]]))).toEqual(DEMO_LANES);
    expect(loaded.versions).toEqual(DEMO_MANIFEST);
    expect(loaded.config.lanes.find((l) => l.name === 'server')!.dependsOn).toEqual(['sdk']);
  });

  it('tags the previous releases where the version files hold those versions', () => {
    const tags = git('tag', '--list').split('\n');
    for (const t of [...DEMO_RELEASE_TAGS, ...DEMO_CHANNEL_TAGS]) expect(tags).toContain(t);
    expect(git('cat-file', '-t', 'sdk-v1.3.0')).toBe('tag'); // annotated
    expect(git('cat-file', '-t', 'latest')).toBe('commit'); // lightweight channel tag
    const at = (tag: string, path: string) => git('show', `${tag}:${path}`);
    expect(JSON.parse(at('sdk-v1.3.0', 'packages/sdk/package.json')).version).toBe(DEMO_MANIFEST['sdk']);
    expect(at('server-v0.4.2', 'services/server/Dockerfile')).toContain(
      `ARG VERSION=${DEMO_MANIFEST['server']}`,
    );
    expect(at('agent/v0.2.0', 'agent/main.go')).toContain(
      `var version = "${DEMO_MANIFEST['agent']}" // x-release-lanes-version`,
    );
    expect(JSON.parse(at('docs-v1.0.0', 'docs/package.json')).version).toBe(DEMO_MANIFEST['docs']);
    expect(git('rev-parse', 'latest^{commit}')).toBe(git('rev-parse', 'server-v0.4.2^{commit}'));
    expect(tags.some((t) => t.startsWith('plugin-index'))).toBe(false); // never released
  });

  it('has unreleased commits in every lane, read in one pass by the git adapter', async () => {
    const host = createGitRepoHost(dir);
    const { config } = loadConfig({ releaseLanesYml: file(DEMO_CONFIG_PATH) });
    const tags = new Map((await host.listTags()).map((t) => [t.name, t.sha]));
    const boundaries = {
      sdk: tags.get('sdk-v1.3.0'),
      server: tags.get('server-v0.4.2'),
      agent: tags.get('agent/v0.2.0'),
      docs: tags.get('docs-v1.0.0'),
    };
    const h = await host.lanesHistory(config, boundaries);
    for (const lane of Object.keys(DEMO_LANES)) expect(h[lane]!.length).toBeGreaterThan(0);
    const subjects = (lane: string) => h[lane]!.map((c) => c.message.split('\n')[0]);
    const multi = 'feat: propagate request ids from the SDK to the server';
    expect(subjects('sdk')).toContain(multi);
    expect(subjects('server')).toContain(multi);
    expect(subjects('agent')).toEqual(
      expect.arrayContaining([
        'feat(agent): update itself from the release channel',
        'feat(agent): add a --dry-run flag',
      ]),
    );
    expect(subjects('sdk')).not.toContain('feat(sdk): retry failed requests with exponential backoff'); // released
    expect(subjects('docs')).toContain('docs(sdk): document the retry options'); // docs not released since
  });

  it('is deterministic and refuses a non-empty directory', async () => {
    const again = join(root, 'again');
    expect(await createDemoRepo(again)).toBe(head);
    const busy = join(root, 'busy');
    await createDemoRepo(join(busy, 'x'));
    writeFileSync(join(busy, 'file'), 'x');
    const err = await createDemoRepo(busy).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReleaseLanesError);
    expect((err as ReleaseLanesError).code).toBe('RL203');
  });
});
