import nock from 'nock';
import { createGitHubRepoHost } from '../../../src/adapters/github/repo-host.js';
import { FakeRepo } from '../../fixtures/github/fake-github.js';
import { testOctokit } from '../../fixtures/github/lanes.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

function repoWithConfig(): FakeRepo {
  const fake = new FakeRepo();
  fake.commit('chore: init', {
    '.github/release-lanes.yml': 'lanes:\n  - name: sdk\n    path: packages/sdk\n',
    '.release-lanes-manifest.json': '{"sdk":"1.0.0"}',
    'packages/sdk/a.ts': 'a',
  });
  return fake;
}

describe('GitHub RepoHost bootstrap', () => {
  it('reads config files, head and tags in one request, and reuses them', async () => {
    const fake = repoWithConfig().serve();
    const first = fake.head();
    fake.tag('sdk-v1.0.0', first, 0); // lightweight
    const second = fake.commit('feat: b', ['packages/sdk/b.ts']);
    fake.tag('sdk-v1.1.0', second, 1); // annotated
    fake.tag('latest', second, 2); // a tag of an annotated tag
    // A PR branch with a different config must never be read by default.
    fake.commit('chore: evil', { '.github/release-lanes.yml': 'evil' }, { branch: 'pr', parents: [second] });

    const host = createGitHubRepoHost(testOctokit(), { owner: 'acme', repo: 'mono', branch: 'main' });
    const boot = await host.bootstrap();

    expect(boot.headSha).toBe(second);
    expect(boot.files).toEqual({
      '.github/release-lanes.yml': 'lanes:\n  - name: sdk\n    path: packages/sdk\n',
      'release-please-config.json': null,
      '.release-please-manifest.json': null,
      '.release-lanes-manifest.json': '{"sdk":"1.0.0"}',
    });
    expect(boot.tags).toEqual(
      expect.arrayContaining([
        { name: 'sdk-v1.0.0', sha: first },
        { name: 'sdk-v1.1.0', sha: second },
        { name: 'latest', sha: second },
      ]),
    );
    expect(boot.tags).toHaveLength(3);

    expect(await host.readFile('.github/release-lanes.yml')).toContain('packages/sdk');
    expect(await host.readFile('.release-please-manifest.json')).toBeNull();
    expect(await host.headSha()).toBe(second);
    expect(await host.listTags()).toBe(boot.tags);
    expect(host.requestCount()).toBe(1);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]!.variables).toMatchObject({
      qualified: 'refs/heads/main',
      e0: 'refs/heads/main:.github/release-lanes.yml',
    });
  });

  it('readFile of the config on first use triggers the bootstrap (one request for everything)', async () => {
    const fake = repoWithConfig().serve();
    const host = createGitHubRepoHost(testOctokit(), { owner: 'acme', repo: 'mono', branch: 'main' });
    const [yml, manifest, head] = await Promise.all([
      host.readFile('.github/release-lanes.yml'),
      host.readFile('.release-lanes-manifest.json'),
      host.headSha(),
    ]);
    expect(yml).toContain('lanes:');
    expect(manifest).toBe('{"sdk":"1.0.0"}');
    expect(head).toBe(fake.head());
    expect(host.requestCount()).toBe(1);
  });

  it('reads other files with one object(expression:) request, at the head or a given ref', async () => {
    const fake = repoWithConfig().serve();
    const old = fake.head();
    fake.commit('feat: b', { 'packages/sdk/a.ts': 'a2' });
    const host = createGitHubRepoHost(testOctokit(), { owner: 'acme', repo: 'mono', branch: 'main' });
    expect(await host.readFile('packages/sdk/a.ts')).toBe('a2');
    expect(await host.readFile('packages/sdk/a.ts', old)).toBe('a');
    expect(await host.readFile('packages/sdk/missing.ts')).toBeNull();
    expect(host.requestCount()).toBe(3);
    expect(fake.requests.map((r) => r.variables?.e0)).toEqual([
      'main:packages/sdk/a.ts',
      `${old}:packages/sdk/a.ts`,
      'main:packages/sdk/missing.ts',
    ]);
  });

  it('pages tags 100 at a time until hasNextPage is false', async () => {
    const fake = repoWithConfig().serve();
    for (let i = 0; i < 250; i++) fake.tag(`v0.0.${i}`, fake.commit(`fix: ${i}`, [`f${i}`]), i % 2);
    const host = createGitHubRepoHost(testOctokit(), { owner: 'acme', repo: 'mono', branch: 'main' });
    const tags = await host.listTags();
    expect(tags).toHaveLength(250);
    expect(new Set(tags.map((t) => t.name)).size).toBe(250);
    expect(tags.find((t) => t.name === 'v0.0.7')!.sha).toBe(fake.tags[7]!.commit);
    expect(host.requestCount()).toBe(3);
    expect(fake.requests.map((r) => r.what)).toEqual([
      'releaseLanesBootstrap',
      'releaseLanesTags',
      'releaseLanesTags',
    ]);
  });

  it('throws a coded error when the branch does not exist', async () => {
    repoWithConfig().serve();
    const host = createGitHubRepoHost(testOctokit(), { owner: 'acme', repo: 'mono', branch: 'nope' });
    await expect(host.headSha()).rejects.toMatchObject({
      code: 'RL403',
      detail: expect.stringMatching(/nope/),
    });
  });
});
