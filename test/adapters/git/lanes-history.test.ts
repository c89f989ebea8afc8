import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGitRepoHost } from '../../../src/adapters/git/repo-host.js';
import type { GitHistoryStats } from '../../../src/adapters/git/lanes-history.js';
import { GitLogStream, startHistoryRead } from '../../../src/adapters/git/log-stream.js';
import type { RepoConfig } from '../../../src/core/types.js';
import { ReleaseLanesError } from '../../../src/errors.js';
import { createTestRepo, type TestRepo } from '../../helpers/git-repo.js';
import { lane, repoConfig } from './fixtures.js';

const config = repoConfig([
  lane('sdk', ['packages/sdk']),
  lane('server', ['services/server']),
  lane('docs', ['docs']),
]);

const newStats = (): GitHistoryStats => ({
  commitsParsed: -1,
  commitsKept: -1,
  stoppedEarly: false,
  passes: -1,
});

/** git's own answer for one lane: non-merge commits in `since..HEAD` touching `path` (as a set). */
function oracle(repo: TestRepo, path: string, since?: string): string[] {
  const range = since ? [`${since}..HEAD`] : ['HEAD'];
  const out = repo.git('rev-list', '--no-merges', '--full-history', '--no-renames', ...range, '--', path);
  return out === '' ? [] : out.split('\n').sort();
}

/**
 * The history read twice: by a pass of its own, and by the pass the CLI starts ahead over HEAD alone
 * (startHistoryRead), which must give the same commits, in the same order, with the same counts.
 */
async function history(repo: TestRepo, cfg: RepoConfig, boundaries: Record<string, string | undefined>) {
  const stats = newStats();
  const h = await createGitRepoHost(repo.dir, { stats }).lanesHistory(cfg, boundaries);
  const aheadStats = newStats();
  const ahead = startHistoryRead(repo.dir);
  const fromAhead = await createGitRepoHost(repo.dir, { stats: aheadStats, ahead }).lanesHistory(
    cfg,
    boundaries,
  );
  expect(fromAhead).toEqual(h);
  expect({ ...aheadStats, passes: 1 }).toEqual(stats);
  expect(stats.passes).toBe(1);
  return { h, stats, aheadPasses: aheadStats.passes, shas: (l: string) => h[l]!.map((c) => c.sha) };
}

describe('lanesHistory (one git log pass for all lanes)', () => {
  let repo: TestRepo;
  afterEach(() => repo?.cleanup());

  it('splits commits by lane from each lane boundary, newest first, with full commit data', async () => {
    repo = createTestRepo();
    repo.commit('feat(sdk): initial sdk', { 'packages/sdk/index.ts': 'v1' });
    const srv = repo.commit('feat(server): initial server', { 'services/server/main.ts': 'v1' });
    repo.commit('docs: readme', { 'docs/readme.md': 'v1' });
    repo.tag('sdk-v1.0.0', { message: 'sdk 1.0.0' });
    repo.tag('docs-v1.0.0');
    const s1 = repo.commit('fix(sdk): null check\n\nLonger body.\n\nRefs: #12', {
      'packages/sdk/index.ts': 'v2',
    });
    const both = repo.commit('feat!: new wire format', {
      'packages/sdk/wire.ts': 'w',
      'services/server/wire.ts': 'w',
    });
    repo.commit('chore: root only', { 'README.md': 'r' });
    const host = createGitRepoHost(repo.dir);
    const tags = Object.fromEntries((await host.listTags()).map((t) => [t.name, t.sha]));

    const { h, stats, shas, aheadPasses } = await history(repo, config, {
      sdk: tags['sdk-v1.0.0'],
      server: undefined,
      docs: tags['docs-v1.0.0'],
    });
    expect(shas('sdk')).toEqual([both, s1]);
    expect(shas('server')).toEqual([both, srv]);
    expect(shas('server').sort()).toEqual(oracle(repo, 'services/server'));
    expect(shas('docs')).toEqual([]);
    const fix = h['sdk']![1]!;
    expect(fix).toEqual({
      sha: s1,
      message: 'fix(sdk): null check\n\nLonger body.\n\nRefs: #12',
      files: ['packages/sdk/index.ts'],
      parents: [repo.git('rev-parse', `${s1}^`)],
      authorName: 'Test Author',
      date: repo.git('log', '-1', '--format=%cI', s1),
    });
    expect(h['sdk']![0]!.files).toEqual(['packages/sdk/wire.ts', 'services/server/wire.ts']);
    expect(stats.stoppedEarly).toBe(false); // server has no boundary: whole history
    expect(stats.commitsParsed).toBe(6);
    expect(stats.commitsKept).toBe(3); // the root-only commit belongs to no lane
    expect(aheadPasses).toBe(1); // both boundaries are ancestors of HEAD: the pass started ahead is used
  });

  it('follows both parents of merges in topological order and agrees with git rev-list', async () => {
    repo = createTestRepo();
    repo.commit('feat(sdk): base', { 'packages/sdk/a.ts': '0' });
    const boundary = repo.commit('chore(docs): base docs', { 'docs/a.md': '0' });
    repo.checkout('feature', { create: true });
    const f1 = repo.commit('feat(sdk): on feature 1', { 'packages/sdk/f.ts': '1' });
    const f2 = repo.commit('feat(sdk): on feature 2', { 'packages/sdk/f.ts': '2' });
    repo.checkout('main');
    const m1 = repo.commit('fix(sdk): on main', { 'packages/sdk/a.ts': '1' });
    const merge = repo.merge('feature');
    const after = repo.commit('docs: after merge', { 'docs/b.md': '1', 'packages/sdk/README.md': 'r' });

    const { h, shas } = await history(repo, config, { sdk: boundary, server: boundary, docs: boundary });
    expect(shas('sdk').sort()).toEqual(oracle(repo, 'packages/sdk', boundary));
    expect(shas('sdk').sort()).toEqual([f1, f2, m1, after].sort());
    expect(shas('sdk')).not.toContain(merge); // merges list no files
    expect(shas('sdk')[0]).toBe(after);
    expect(shas('sdk').indexOf(f2)).toBeLessThan(shas('sdk').indexOf(f1)); // children before parents
    expect(shas('docs')).toEqual([after]);
    expect(h['server']).toEqual([]);
  });

  it('bounds a lane by a release tagged on a branch that is not an ancestor of HEAD', async () => {
    repo = createTestRepo();
    repo.commit('feat(sdk): one', { 'packages/sdk/a.ts': '1' });
    const fork = repo.commit('feat(sdk): two', { 'packages/sdk/a.ts': '2' });
    repo.checkout('release/1.x', { create: true });
    const hotfix = repo.commit('fix(sdk): hotfix on release branch', { 'packages/sdk/a.ts': '2.1' });
    repo.tag('sdk-v1.0.1');
    repo.checkout('main');
    const m1 = repo.commit('feat(sdk): three', { 'packages/sdk/b.ts': '3' });
    repo.commit('docs: guide', { 'docs/guide.md': 'g' });

    const { shas, stats, aheadPasses } = await history(repo, config, {
      sdk: hotfix,
      server: fork,
      docs: fork,
    });
    expect(aheadPasses).toBe(2); // the pass over HEAD alone never meets the hotfix: read again with it
    expect(shas('sdk')).toEqual([m1]); // like `git log sdk-v1.0.1..HEAD`, not the whole history
    expect(shas('sdk')).not.toContain(hotfix);
    expect(shas('sdk').sort()).toEqual(oracle(repo, 'packages/sdk', hotfix));
    expect(shas('docs')).toHaveLength(1);
    expect(stats.stoppedEarly).toBe(true);
  });

  it('gives a lane whose boundary git does not know the whole history', async () => {
    repo = createTestRepo();
    const a = repo.commit('feat(sdk): one', { 'packages/sdk/a.ts': '1' });
    const b = repo.commit('feat(sdk): two', { 'packages/sdk/a.ts': '2' });
    const { shas, aheadPasses } = await history(repo, config, { sdk: 'f'.repeat(40), server: b, docs: b });
    expect(aheadPasses).toBe(2);
    expect(shas('sdk')).toEqual([b, a]);
  });

  it('counts a file moved between lanes for both lanes', async () => {
    repo = createTestRepo();
    const body = 'export const x = 1;\n'.repeat(20);
    const base = repo.commit('feat(sdk): util', { 'packages/sdk/util.ts': body });
    const moved = repo.commit('refactor: move util to the server', {
      'packages/sdk/util.ts': null,
      'services/server/util.ts': body,
    });
    expect(repo.git('show', '--format=', '-M', '--name-status', moved)).toMatch(/^R100/); // git sees a rename
    const { h, shas } = await history(repo, config, { sdk: base, server: base, docs: base });
    expect(shas('sdk')).toEqual([moved]);
    expect(shas('server')).toEqual([moved]);
    expect(h['sdk']![0]!.files).toEqual(['packages/sdk/util.ts', 'services/server/util.ts']);
  });

  it('keeps non-ASCII paths raw (no quoting)', async () => {
    repo = createTestRepo();
    const c = repo.commit('docs: ünïcödé', { 'docs/guide/文档 ü.md': 'x', 'packages/sdk/naïve "q".ts': 'y' });
    const { h } = await history(repo, config, {});
    expect(h['docs']!.map((x) => x.files)).toEqual([['docs/guide/文档 ü.md', 'packages/sdk/naïve "q".ts']]);
    expect(h['sdk']!.map((x) => x.sha)).toEqual([c]);
    expect(h['docs']![0]!.message).toBe('docs: ünïcödé');
  });

  it('feeds the root lane by mode and skips lanes-less commits', async () => {
    repo = createTestRepo();
    const root = repo.commit('chore: root file', { Makefile: 'all:' });
    const sdk = repo.commit('feat(sdk): x', { 'packages/sdk/x.ts': 'x' });
    const withRoot = (mode: 'all' | 'unclaimed') =>
      repoConfig([lane('root', ['.']), lane('sdk', ['packages/sdk'])], { rootMode: mode });
    expect((await history(repo, withRoot('unclaimed'), {})).shas('root')).toEqual([root]);
    expect((await history(repo, withRoot('all'), {})).shas('root')).toEqual([sdk, root]);
    const none = await history(repo, repoConfig([lane('docs', ['docs'])]), {});
    expect(none.h).toEqual({ docs: [] });
    expect(none.stats.commitsKept).toBe(0);
  });

  it('stops git as soon as every lane range is complete (2,000 commits, boundaries near HEAD)', async () => {
    repo = createTestRepo();
    const lanes = ['packages/sdk', 'services/server', 'docs'];
    const shas = repo.importCommits(
      Array.from({ length: 2000 }, (_, i) => ({
        message: `fix: change ${i}`,
        files: { [`${lanes[i % 3]}/f${i % 10}.txt`]: String(i) },
      })),
    );
    const near = shas[shas.length - 4]!; // three commits above the boundary
    const early = await history(repo, config, { sdk: near, server: near, docs: near });
    expect(early.stats.stoppedEarly).toBe(true);
    expect(early.stats.commitsParsed).toBeLessThanOrEqual(10);
    expect(early.stats.commitsParsed).toBeGreaterThanOrEqual(4);
    expect(
      Object.values(early.h)
        .flat()
        .map((c) => c.sha)
        .sort(),
    ).toEqual(shas.slice(-3).sort());

    // One lane never released: the whole history is read, and only that lane gets it all.
    const full = await history(repo, config, { sdk: near, server: undefined, docs: near });
    expect(full.stats.stoppedEarly).toBe(false);
    expect(full.stats.commitsParsed).toBe(2000);
    expect(full.shas('server').sort()).toEqual(oracle(repo, 'services/server'));
    expect(full.shas('server')).toHaveLength(667);
    expect(full.shas('sdk')).toHaveLength(1);
  });

  it('drops the pass started ahead when HEAD moved before the lanes were known', async () => {
    repo = createTestRepo();
    const a = repo.commit('feat(sdk): one', { 'packages/sdk/a.ts': '1' });
    const ahead = new GitLogStream(repo.dir, [a]); // what startHistoryRead read when HEAD was `a`
    const b = repo.commit('fix(sdk): two', { 'packages/sdk/a.ts': '2' });
    const stats = newStats();
    const h = await createGitRepoHost(repo.dir, { stats, ahead }).lanesHistory(config, {});
    expect(h['sdk']!.map((c) => c.sha)).toEqual([b, a]);
    expect(stats.passes).toBe(2);
  });

  it('stops the pass started ahead when there is nothing to read', async () => {
    repo = createTestRepo();
    repo.commit('feat(sdk): one', { 'packages/sdk/a.ts': '1' });
    const ahead = startHistoryRead(repo.dir);
    const stats = newStats();
    expect(
      await createGitRepoHost(repo.dir, { stats, ahead }).lanesHistory({ ...config, lanes: [] }, {}),
    ).toEqual({});
    expect(stats.passes).toBe(0);
    await expect(ahead.read(() => true)).rejects.toThrow(/already read/);
  });

  it('returns empty lanes for a repository without commits', async () => {
    repo = createTestRepo();
    expect(await createGitRepoHost(repo.dir).lanesHistory(config, {})).toEqual({
      sdk: [],
      server: [],
      docs: [],
    });
  });

  it('fails with RL200 outside a git repository and RL201 for a bad boundary', async () => {
    repo = createTestRepo();
    repo.commit('feat: x', { 'docs/x.md': 'x' });
    const plain = mkdtempSync(join(tmpdir(), 'rl-plain-'));
    try {
      const err = await createGitRepoHost(plain)
        .lanesHistory(config, {})
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ReleaseLanesError);
      expect((err as ReleaseLanesError).code).toBe('RL200');
      expect((err as ReleaseLanesError).message).toMatch(/not a git repository/);
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
    const bad = await createGitRepoHost(repo.dir)
      .lanesHistory(config, { sdk: '--output=/tmp/x' })
      .catch((e: unknown) => e);
    expect((bad as ReleaseLanesError).code).toBe('RL201');
    const short = await createGitRepoHost(repo.dir)
      .lanesHistory(config, { sdk: repo.head().slice(0, 7) })
      .catch((e: unknown) => e);
    expect((short as ReleaseLanesError).message).toMatch(/must be a full commit sha/);
  });
});
