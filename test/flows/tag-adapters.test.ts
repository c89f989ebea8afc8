/**
 * The adapters' own guards: neither the GitHub nor the git TagHost ever moves a version tag (RL303
 * before any request / git command), and both refuse an immutable tag at another commit.
 */
import { createGitHubTagHost } from '../../src/adapters/github/tag-host.js';
import { createGitTagHost } from '../../src/adapters/git/tag-host.js';
import { createTestRepo, type TestRepo } from '../helpers/git-repo.js';

function recordingOctokit(answer: (route: string, params: Record<string, unknown>) => unknown) {
  const calls: string[] = [];
  const octokit = {
    request: async (route: string, params: Record<string, unknown>) => {
      calls.push(`${route} ${JSON.stringify(params.ref ?? params.tag_name ?? '')}`);
      const r = answer(route, params);
      if (r instanceof Error) throw r;
      return { data: r, headers: {}, status: 200 };
    },
    graphql: async () => {
      throw new Error('unexpected graphql');
    },
  };
  return { octokit: octokit as never, calls };
}

const httpError = (status: number, message: string) =>
  Object.assign(new Error(message), { status, response: { data: { message }, headers: {} } });

describe('GitHub TagHost', () => {
  it('refuses to move a version tag, by kind or by protected name, without a request', async () => {
    const { octokit, calls } = recordingOctokit(() => ({}));
    const host = createGitHubTagHost(octokit, { owner: 'o', repo: 'r' });
    await expect(
      host.moveTag({ name: 'v1.0.0', sha: 'a'.repeat(40), from: null, kind: 'version' }),
    ).rejects.toMatchObject({
      code: 'RL303',
    });
    host.protect(['1.2.3']);
    await expect(
      host.moveTag({ name: '1.2.3', sha: 'a'.repeat(40), from: 'b'.repeat(40), kind: 'channel' }),
    ).rejects.toMatchObject({
      code: 'RL303',
    });
    expect(calls).toEqual([]);
    expect(host.requestCount()).toBe(0);
  });

  it('an existing tag ("Reference already exists") is fine at the same commit, RL300 elsewhere', async () => {
    const sha = 'c'.repeat(40);
    const annotated = 'd'.repeat(40);
    const { octokit, calls } = recordingOctokit((route) => {
      if (route.startsWith('POST') && route.endsWith('/git/refs'))
        return httpError(422, 'Reference already exists');
      if (route.includes('/git/ref/')) return { object: { type: 'tag', sha: annotated } };
      if (route.includes('/git/tags/{tag_sha}')) return { object: { type: 'commit', sha } };
      return {};
    });
    const host = createGitHubTagHost(octokit, { owner: 'o', repo: 'r' });
    await expect(host.createTag({ name: 'v1', sha, kind: 'version' })).resolves.toBe('exists');
    expect(calls).toEqual([
      'POST /repos/{owner}/{repo}/git/refs "refs/tags/v1"',
      'GET /repos/{owner}/{repo}/git/ref/{ref} "tags/v1"',
      'GET /repos/{owner}/{repo}/git/tags/{tag_sha} ""',
    ]);
    await expect(host.createTag({ name: 'v1', sha: 'e'.repeat(40), kind: 'version' })).rejects.toMatchObject({
      code: 'RL300',
    });
    await expect(
      host.createTag({ name: 'main-abc', sha: 'e'.repeat(40), kind: 'snapshot' }),
    ).rejects.toMatchObject({
      code: 'RL304',
    });
  });

  it('a ruleset refusing a channel tag is RL301; moving a missing tag creates it', async () => {
    const { octokit, calls } = recordingOctokit((route, p) => {
      if (route.startsWith('PATCH') && p.ref === 'tags/latest')
        return httpError(422, 'Repository rule violations found');
      if (route.startsWith('PATCH')) return httpError(422, 'Reference does not exist');
      return {};
    });
    const host = createGitHubTagHost(octokit, { owner: 'o', repo: 'r' });
    await expect(
      host.moveTag({ name: 'latest', sha: 'a'.repeat(40), from: 'b'.repeat(40), kind: 'channel' }),
    ).rejects.toMatchObject({
      code: 'RL301',
    });
    await host.moveTag({ name: 'edge', sha: 'a'.repeat(40), from: 'b'.repeat(40), kind: 'snapshot' });
    expect(calls.slice(1)).toEqual([
      'PATCH /repos/{owner}/{repo}/git/refs/{ref} "tags/edge"',
      'POST /repos/{owner}/{repo}/git/refs "refs/tags/edge"',
    ]);
  });

  it('a draft release is looked up first (GitHub does not tie drafts to tags)', async () => {
    const { octokit, calls } = recordingOctokit((route) =>
      route.startsWith('GET') ? [{ tag_name: 'v1' }] : {},
    );
    const host = createGitHubTagHost(octokit, { owner: 'o', repo: 'r' });
    const r = { name: 'x', body: '', prerelease: false, draft: true, makeLatest: false };
    await expect(host.ensureRelease({ ...r, tag: 'v1' })).resolves.toBe('exists');
    await expect(host.ensureRelease({ ...r, tag: 'v2' })).resolves.toBe('created');
    await expect(host.ensureRelease({ ...r, tag: 'v2' })).resolves.toBe('exists');
    expect(calls).toEqual([
      'GET /repos/{owner}/{repo}/releases ""',
      'POST /repos/{owner}/{repo}/releases "v2"',
    ]);
  });
});

describe('git TagHost', () => {
  let repo: TestRepo;
  beforeEach(() => {
    repo = createTestRepo('rl-tag-host-');
    repo.commit('one');
    repo.tag('v1.0.0');
    repo.commit('two');
  });
  afterEach(() => repo.cleanup());

  it('creates annotated and lightweight tags, resumes, refuses conflicts and version moves', async () => {
    const host = createGitTagHost(repo.dir);
    const head = repo.head();
    const first = repo.git('rev-parse', 'HEAD~1');
    await expect(
      host.createTag({ name: 'v1.1.0', sha: head, kind: 'version', message: '## 1.1.0\n\n* `x` "y"' }),
    ).resolves.toBe('created');
    expect(repo.git('cat-file', '-t', 'refs/tags/v1.1.0')).toBe('tag');
    expect(repo.git('tag', '-l', '--format=%(contents)', 'v1.1.0')).toBe('## 1.1.0\n\n* `x` "y"');
    await expect(host.createTag({ name: 'v1.1.0', sha: head, kind: 'version' })).resolves.toBe('exists');
    await expect(host.createTag({ name: 'v1.0.0', sha: head, kind: 'version' })).rejects.toMatchObject({
      code: 'RL300',
    });
    await expect(
      host.moveTag({ name: 'v1.0.0', sha: head, from: first, kind: 'version' }),
    ).rejects.toMatchObject({ code: 'RL303' });
    host.protect(['v1.0.0']);
    await expect(
      host.moveTag({ name: 'v1.0.0', sha: head, from: first, kind: 'channel' }),
    ).rejects.toMatchObject({ code: 'RL303' });
    expect(repo.git('rev-parse', 'v1.0.0')).toBe(first);
    await host.moveTag({ name: 'latest', sha: first, from: null, kind: 'channel' });
    await host.moveTag({ name: 'latest', sha: head, from: first, kind: 'channel' });
    expect(repo.git('rev-parse', 'latest')).toBe(head);
    await expect(host.createTag({ name: 'bad..name', sha: head, kind: 'rebuild' })).rejects.toMatchObject({
      code: 'RL302',
    });
    expect([...host.created, '|', ...host.moved]).toEqual(['v1.1.0', '|', 'latest', 'latest']);
  });
});
