import nock from 'nock';
import { createGitHubRepoHost, type GatherLog } from '../../../src/adapters/github/repo-host.js';
import type { LaneConfig } from '../../../src/core/types.js';
import { FakeRepo } from '../../fixtures/github/fake-github.js';
import { expectedHistory, lane, repoConfig, rng, testOctokit } from '../../fixtures/github/lanes.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const shas = (r: Record<string, { sha: string }[]>) =>
  Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v.map((c) => c.sha)]));

function host(fake: FakeRepo, extra: { log?: (l: GatherLog) => void; maxRequests?: number } = {}) {
  return createGitHubRepoHost(testOctokit(), {
    owner: fake.owner,
    repo: fake.name,
    branch: 'main',
    ...extra,
  });
}

/** `n` commits touching 1–2 random lanes each. */
function randomCommits(
  fake: FakeRepo,
  lanes: LaneConfig[],
  n: number,
  rand: () => number,
  label: string,
): void {
  for (let i = 0; i < n; i++) {
    const a = lanes[Math.floor(rand() * lanes.length)]!;
    const files = [`${a.paths[0]}/src/${label}${i}.ts`];
    if (rand() < 0.3) files.push(`${lanes[Math.floor(rand() * lanes.length)]!.paths[0]}/README.md`);
    fake.commit(`${rand() < 0.5 ? 'feat' : 'fix'}: ${label} ${i}`, files);
  }
}

describe('lanesHistory: one aliased history per lane, paged only as far as needed', () => {
  const lanes50 = Array.from({ length: 50 }, (_, i) => lane(`p${i}`, [`packages/p${i}`]));
  const config50 = repoConfig(lanes50);

  function fixture50(): { fake: FakeRepo; boundaries: Record<string, string> } {
    const rand = rng(42);
    const fake = new FakeRepo();
    randomCommits(fake, lanes50, 200, rand, 'old');
    // Release 1 touched lanes p0–p24, release 2 lanes p25–p49 (p0's boundary is R2, which does not touch it).
    const r1 = fake.commit(
      'chore: release 1',
      lanes50.slice(0, 25).map((l) => l.changelogPath),
    );
    randomCommits(fake, lanes50, 200, rand, 'mid');
    const r2 = fake.commit(
      'chore: release 2',
      lanes50.slice(25).map((l) => l.changelogPath),
    );
    randomCommits(fake, lanes50, 250, rand, 'new');
    const boundaries = Object.fromEntries(lanes50.map((l, i) => [l.name, i < 25 && i > 0 ? r1 : r2]));
    return { fake, boundaries };
  }

  it('50 lanes, 250 new commits: exact result in ≤ ⌈250/100⌉ + 8 requests, no file lists', async () => {
    const { fake, boundaries } = fixture50();
    fake.serve();
    const logs: GatherLog[] = [];
    const h = host(fake, { log: (l) => logs.push(l) });
    const result = await h.lanesHistory(config50, boundaries);

    expect(shas(result)).toEqual(expectedHistory(fake, config50, boundaries));
    const total = Object.values(result).reduce((n, v) => n + v.length, 0);
    expect(total).toBeGreaterThan(250); // lanes p1–p24 also get the 200 "mid" commits
    expect(result.p7![0]).toMatchObject({
      message: expect.stringMatching(/^(feat|fix): new/),
      authorName: 'Dev',
    });
    expect(result.p7![0]!.files).toBeUndefined();
    expect(result.p7![0]!.parents).toHaveLength(1);

    expect(fake.restRequests()).toHaveLength(0);
    expect(h.requestCount()).toBe(fake.requests.length);
    expect(h.requestCount()).toBeLessThanOrEqual(Math.ceil(250 / 100) + 8);
    expect(logs).toEqual([expect.objectContaining({ requests: h.requestCount(), lanes: 50, fileLists: 0 })]);
    expect(logs[0]!.fallbackBoundaries).toBeUndefined();
    console.log(`50 lanes / 250 new commits: ${h.requestCount()} requests`, logs[0]);
  });

  it('50 lanes, 250 new commits all in one lane: only that lane pages on', async () => {
    const rand = rng(7);
    const fake = new FakeRepo();
    randomCommits(fake, lanes50, 300, rand, 'old');
    const r = fake.commit(
      'chore: release',
      lanes50.map((l) => l.changelogPath),
    );
    for (let i = 0; i < 250; i++) fake.commit(`fix: hot ${i}`, [`packages/p3/x${i}.ts`]);
    const boundaries = Object.fromEntries(lanes50.map((l) => [l.name, r]));
    fake.serve();
    const h = host(fake);
    const result = await h.lanesHistory(config50, boundaries);

    expect(shas(result)).toEqual(expectedHistory(fake, config50, boundaries));
    expect(result.p3).toHaveLength(250);
    expect(result.p4).toEqual([]);
    // bootstrap + round 1 (50 histories in one request) + 2 more pages of p3 alone
    expect(h.requestCount()).toBe(1 + 1 + 2);
    const later = fake.graphqlRequests().slice(2);
    for (const req of later) expect(req.variables).toMatchObject({ p0: 'packages/p3' });
    for (const req of later)
      expect(Object.keys(req.variables!).filter((k) => /^p\d+$/.test(k))).toEqual(['p0']);
    console.log(`50 lanes / 250 new commits in one lane: ${h.requestCount()} requests`);
  });

  it('a lane never released reads its whole history across pages (no silent cap)', async () => {
    const fake = new FakeRepo();
    for (let i = 0; i < 620; i++) fake.commit(`feat: web ${i}`, [i % 2 ? 'apps/web/a.ts' : 'apps/api/a.ts']);
    const config = repoConfig([lane('web', ['apps/web']), lane('api', ['apps/api'])]);
    fake.serve();
    const h = host(fake);
    const result = await h.lanesHistory(config, {});
    expect(result.web).toHaveLength(310);
    expect(result.api).toHaveLength(310);
    expect(shas(result)).toEqual(expectedHistory(fake, config, {}));
    // bootstrap + 4 rounds (310 = 100 + 100 + 100 + 10), both lanes in one request each round
    expect(h.requestCount()).toBe(1 + 4);
  });

  it('a request budget fails with a coded error instead of returning a truncated history', async () => {
    const fake = new FakeRepo();
    for (let i = 0; i < 250; i++) fake.commit(`feat: ${i}`, ['apps/web/a.ts']);
    fake.serve();
    const h = host(fake, { maxRequests: 2 });
    await expect(h.lanesHistory(repoConfig([lane('web', ['apps/web'])]), {})).rejects.toMatchObject({
      code: 'RL403',
      detail: expect.stringMatching(/NOT fully read/),
    });
  });

  it('a lane with several paths: one alias per path, merged by oid, newest first', async () => {
    const fake = new FakeRepo();
    fake.commit('chore: init', ['a/x', 'b/x', 'c/x']);
    const base = fake.head();
    const c1 = fake.commit('feat: a', ['a/1']);
    const c2 = fake.commit('feat: both', ['a/2', 'b/2']);
    const c3 = fake.commit('feat: b', ['b/3']);
    fake.commit('feat: c', ['c/4']);
    const config = repoConfig([lane('ab', ['a', 'b']), lane('c', ['c'])]);
    fake.serve();
    const h = host(fake);
    const result = await h.lanesHistory(config, { ab: base, c: base });
    expect(shas(result).ab).toEqual([c3, c2, c1]);
    expect(shas(result)).toEqual(expectedHistory(fake, config, { ab: base, c: base }));
    const round = fake.graphqlRequests()[1]!;
    expect(round.variables).toMatchObject({ p0: 'a', p1: 'b', p2: 'c' });
    expect(h.requestCount()).toBe(2);
  });

  it('keeps merge commits with their parents', async () => {
    const fake = new FakeRepo();
    const base = fake.commit('chore: init', ['packages/sdk/a.ts']);
    const f = fake.commit('feat: on branch', ['packages/sdk/b.ts'], { branch: 'feature', parents: [base] });
    const m1 = fake.commit('fix: on main', ['packages/sdk/c.ts']);
    const merge = fake.commit('Merge branch feature', ['packages/sdk/b.ts'], { parents: [m1, f] });
    const config = repoConfig([lane('sdk', ['packages/sdk'])]);
    fake.serve();
    const result = await host(fake).lanesHistory(config, { sdk: base });
    expect(result.sdk!.map((c) => c.sha)).toEqual([merge, m1, f]);
    expect(result.sdk![0]!.parents).toEqual([m1, f]);
    expect(fake.restRequests()).toHaveLength(0);
  });

  it('a branch commit older than the release but merged after it counts as new', async () => {
    const fake = new FakeRepo();
    const b0 = fake.commit('chore: init', ['packages/sdk/a.ts']);
    const side = fake.commit('feat: on branch', ['packages/sdk/b.ts'], { branch: 'feature', parents: [b0] });
    const release = fake.commit('chore: release', ['CHANGELOG.md']); // does not touch packages/sdk
    const merge = fake.commit('Merge branch feature', ['packages/sdk/b.ts'], { parents: [release, side] });
    const config = repoConfig([lane('sdk', ['packages/sdk'])]);
    fake.serve();
    const logs: GatherLog[] = [];
    const result = await host(fake, { log: (l) => logs.push(l) }).lanesHistory(config, { sdk: release });
    expect(shas(result)).toEqual({ sdk: [merge, side] });
    expect(shas(result)).toEqual(expectedHistory(fake, config, { sdk: release }));
    expect(logs[0]!.fallbackBoundaries).toBeUndefined();
  });

  it('a boundary that does not exist is a coded error', async () => {
    const fake = new FakeRepo();
    fake.commit('feat: a', ['packages/sdk/a.ts']);
    fake.serve();
    await expect(
      host(fake).lanesHistory(repoConfig([lane('sdk', ['packages/sdk'])]), { sdk: 'f'.repeat(40) }),
    ).rejects.toMatchObject({
      code: 'RL403',
      detail: expect.stringMatching(/ffff.* \(last release of sdk\)/),
    });
  });
});

describe('lanesHistory: file lists only where path histories cannot decide', () => {
  it('nested lanes: file lists only for commits in both the outer and the nested history', async () => {
    const fake = new FakeRepo();
    const base = fake.commit('chore: init', ['packages/sdk/a.ts', 'packages/sdk/plugins/p.ts']);
    const outerOnly = fake.commit('feat: sdk', ['packages/sdk/a.ts']);
    const innerOnly = fake.commit('feat: plugin', ['packages/sdk/plugins/p.ts']);
    const both = fake.commit('feat: both', ['packages/sdk/b.ts', 'packages/sdk/plugins/q.ts']);
    // 650 files: the REST file list spans 3 pages of 300.
    const big = fake.commit(
      'chore: generate',
      Array.from({ length: 650 }, (_, i) => `packages/sdk/plugins/gen/${i}.ts`),
    );
    const other = fake.commit('fix: server', ['services/server/main.go']);
    const config = repoConfig([
      lane('sdk', ['packages/sdk']),
      lane('plugins', ['packages/sdk/plugins']),
      lane('server', ['services/server']),
    ]);
    const boundaries = { sdk: base, plugins: base, server: base };
    fake.serve();
    const logs: GatherLog[] = [];
    const h = host(fake, { log: (l) => logs.push(l) });
    const result = await h.lanesHistory(config, boundaries);

    expect(shas(result)).toEqual(expectedHistory(fake, config, boundaries));
    expect(shas(result)).toEqual({
      sdk: [both, outerOnly],
      plugins: [big, both, innerOnly],
      server: [other],
    });
    const restShas = fake.restRequests().map((r) => r.what);
    expect(restShas).toEqual(
      expect.arrayContaining([
        `/repos/acme/mono/commits/${innerOnly}`,
        `/repos/acme/mono/commits/${both}`,
        `/repos/acme/mono/commits/${big}`,
        `/repos/acme/mono/commits/${big}?page=2`,
        `/repos/acme/mono/commits/${big}?page=3`,
      ]),
    );
    expect(restShas).toHaveLength(5);
    expect(result.sdk![0]!.files).toEqual(['packages/sdk/b.ts', 'packages/sdk/plugins/q.ts']);
    expect(result.sdk![1]!.files).toBeUndefined();
    expect(h.requestCount()).toBe(2 + 5);
    expect(logs[0]).toMatchObject({ fileLists: 3, requests: 7 });
  });

  it('exclude-paths: file lists only for commits touching the excluded directory', async () => {
    const fake = new FakeRepo();
    const base = fake.commit('chore: init', ['packages/sdk/a.ts']);
    const code = fake.commit('feat: code', ['packages/sdk/a.ts']);
    const data = fake.commit('test: data only', ['packages/sdk/testdata/x.json']);
    const mixed = fake.commit('fix: code and data', ['packages/sdk/b.ts', 'packages/sdk/testdata/y.json']);
    const config = repoConfig([lane('sdk', ['packages/sdk'], { excludePaths: ['packages/sdk/testdata'] })]);
    fake.serve();
    const result = await host(fake).lanesHistory(config, { sdk: base });
    expect(shas(result)).toEqual({ sdk: [mixed, code] });
    expect(fake.restRequests().map((r) => r.what.split('/').pop())).toEqual(
      expect.arrayContaining([data, mixed]),
    );
    expect(fake.restRequests()).toHaveLength(2);
    void code;
  });

  it('root lane in `all` mode takes every commit without file lists', async () => {
    const fake = new FakeRepo();
    const base = fake.commit('chore: init', ['README.md']);
    fake.commit('feat: sdk', ['packages/sdk/a.ts']);
    fake.commit('docs: readme', ['README.md']);
    fake.commit('chore: release-as', []); // empty commit (Release-As footer)
    const config = repoConfig([lane('root', ['.']), lane('sdk', ['packages/sdk'])], 'all');
    fake.serve();
    const h = host(fake);
    const result = await h.lanesHistory(config, { root: base, sdk: base });
    expect(shas(result)).toEqual(expectedHistory(fake, config, { root: base, sdk: base }));
    expect(result.root).toHaveLength(3);
    expect(fake.restRequests()).toHaveLength(0);
    expect(h.requestCount()).toBe(2);
  });

  it('root lane in `unclaimed` mode: file lists only for commits other lanes also saw; empty commits skipped', async () => {
    const fake = new FakeRepo();
    const base = fake.commit('chore: init', ['README.md']);
    fake.commit('feat: sdk', ['packages/sdk/a.ts']);
    fake.commit('feat: sdk + root', ['packages/sdk/b.ts', 'package.json']);
    fake.commit('docs: readme', ['README.md']);
    fake.commit('chore: empty', []);
    const config = repoConfig([lane('root', ['.']), lane('sdk', ['packages/sdk'])], 'unclaimed');
    const boundaries = { root: base, sdk: base };
    fake.serve();
    const result = await host(fake).lanesHistory(config, boundaries);
    expect(shas(result)).toEqual(expectedHistory(fake, config, boundaries));
    expect(result.root!.map((c) => c.message)).toEqual(['docs: readme', 'feat: sdk + root']);
    expect(fake.restRequests()).toHaveLength(2); // the two sdk commits; README and the empty one need none
  });

  it('a glob path reads its literal base and places those commits by file list', async () => {
    const fake = new FakeRepo();
    const base = fake.commit('chore: init', ['services/web/Dockerfile']);
    const df = fake.commit('build: web image', ['services/web/Dockerfile']);
    fake.commit('feat: web code', ['services/web/main.ts']);
    const config = repoConfig([lane('images', ['services/*/Dockerfile'])]);
    fake.serve();
    const result = await host(fake).lanesHistory(config, { images: base });
    expect(shas(result)).toEqual({ images: [df] });
    expect(fake.graphqlRequests()[1]!.variables).toMatchObject({ p0: 'services' });
    expect(fake.restRequests()).toHaveLength(2);
  });

  it('an inner lane released long ago is still read far enough to resolve the outer lane', async () => {
    const fake = new FakeRepo();
    const innerRelease = fake.commit('chore: release plugins', ['packages/sdk/plugins/CHANGELOG.md']);
    const early = fake.commit('feat: plugin early', ['packages/sdk/plugins/p.ts']);
    for (let i = 0; i < 120; i++) fake.commit(`feat: plugin ${i}`, [`packages/sdk/plugins/p${i}.ts`]);
    const sdkRelease = fake.commit('chore: release sdk', ['packages/sdk/CHANGELOG.md']);
    const mix = fake.commit('feat: both', ['packages/sdk/a.ts', 'packages/sdk/plugins/z.ts']);
    const config = repoConfig([lane('sdk', ['packages/sdk']), lane('plugins', ['packages/sdk/plugins'])]);
    // plugins was released before sdk: its history must still be read back to sdk's boundary only.
    const boundaries = { sdk: sdkRelease, plugins: innerRelease };
    fake.serve();
    const result = await host(fake).lanesHistory(config, boundaries);
    expect(shas(result)).toEqual(expectedHistory(fake, config, boundaries));
    expect(result.plugins).toHaveLength(122);
    expect(result.plugins!.at(-1)!.sha).toBe(early);
    expect(shas(result).sdk).toEqual([mix]);
    expect(fake.restRequests().map((r) => r.what.split('/').pop())).toEqual([mix]);
  });
});
