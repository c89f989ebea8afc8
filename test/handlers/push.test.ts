import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { harness, short, type AppHarness } from './helpers/setup.js';
import { parsePlanMarker } from '../../src/render/pr-body.js';
import { createSdkServerRepo } from './helpers/monorepo.js';
import { createTestRepo } from '../helpers/git-repo.js';

const GATHER = ['POST /graphql releaseLanesBootstrap', 'POST /graphql releaseLanesHistory'];
const STATE = 'POST /graphql releaseLanesState';
const BRANCH = 'release-lanes/main';

let h: AppHarness;
afterEach(() => h?.close());

const json = (text: string | null): Record<string, unknown> =>
  JSON.parse(text ?? 'null') as Record<string, unknown>;

describe('push to the default branch → one grouped release PR', () => {
  beforeEach(async () => {
    h = await harness(createSdkServerRepo());
  });

  test('first push: one commit on the head (Git Data API, inline contents), PR opened and labelled', async () => {
    const { gh, repo } = h;
    const head = repo.head();
    await h.push();

    expect(short(gh.calls())).toEqual([
      ...GATHER,
      STATE,
      'POST …/git/trees',
      'POST …/git/commits',
      'POST …/git/refs',
      'POST …/pulls',
      'POST …/labels',
      'POST …/issues/100/labels',
    ]);
    expect(gh.tokenRequests).toHaveLength(1);

    // config only from the default branch; files read at the pinned head
    const boot = gh.requests[0]!.body as { variables: Record<string, string | null> };
    expect(boot.variables.qualified).toBe('refs/heads/main');
    const fileExprs = Object.entries(boot.variables).filter(([k]) => /^e\d+$/.test(k));
    expect(fileExprs.length).toBeGreaterThan(0);
    for (const [, v] of fileExprs) expect(v).toMatch(/^refs\/heads\/main:/);
    const state = gh.requests[2]!.body as { variables: Record<string, string> };
    for (const [k, v] of Object.entries(state.variables))
      if (/^[rc]\d+$/.test(k)) expect(v.startsWith(`${head}:`)).toBe(true);

    // the tree: base_tree of the head, inline contents, no blob calls
    const tree = gh.requests[3]!.body as { base_tree: string; tree: Record<string, unknown>[] };
    expect(tree.base_tree).toBe(repo.git('rev-parse', 'main^{tree}'));
    expect(tree.tree.map((e) => e.path)).toEqual([
      '.release-lanes-manifest.json',
      'package-lock.json',
      'packages/sdk/CHANGELOG.md',
      'packages/sdk/package.json',
      'packages/server/CHANGELOG.md',
      'packages/server/package.json',
    ]);
    for (const e of tree.tree) {
      expect(e).toMatchObject({ mode: '100644', type: 'blob' });
      expect(typeof e.content).toBe('string');
      expect(e).not.toHaveProperty('sha');
    }
    expect(gh.requests[4]!.body).toMatchObject({ parents: [head] });
    expect(gh.requests[5]!.body).toMatchObject({ ref: `refs/heads/${BRANCH}` });

    // the branch: exactly one commit on the head, with the release files
    expect(repo.git('rev-list', '--count', `main..${BRANCH}`)).toBe('1');
    expect(repo.git('rev-parse', `${BRANCH}^`)).toBe(head);
    expect(json(gh.fileAt(BRANCH, '.release-lanes-manifest.json'))).toEqual({
      sdk: '1.4.0',
      server: '0.4.1',
    });
    expect(json(gh.fileAt(BRANCH, 'packages/sdk/package.json'))).toEqual({
      name: '@acme/sdk',
      version: '1.4.0',
    });
    expect(json(gh.fileAt(BRANCH, 'packages/server/package.json'))).toEqual({
      name: '@acme/server',
      version: '0.4.1',
      dependencies: { '@acme/sdk': '^1.4.0' },
    });
    const lock = json(gh.fileAt(BRANCH, 'package-lock.json')) as {
      packages: Record<string, Record<string, unknown>>;
    };
    expect(lock.packages['packages/sdk']!.version).toBe('1.4.0');
    expect(lock.packages['packages/server']).toMatchObject({
      version: '0.4.1',
      dependencies: { '@acme/sdk': '^1.4.0' },
    });
    const sdkLog = gh.fileAt(BRANCH, 'packages/sdk/CHANGELOG.md')!;
    expect(sdkLog.indexOf('## [1.4.0]')).toBeLessThan(sdkLog.indexOf('## 1.3.0'));
    expect(sdkLog).toContain('* old sdk entry');
    expect(sdkLog).toContain('add streaming client');
    // files outside the release are untouched
    expect(gh.fileAt(BRANCH, 'packages/sdk/src/stream.ts')).toBe('export {}\n');

    // the PR
    expect(gh.prs).toHaveLength(1);
    const pr = gh.prs[0]!;
    expect(pr).toMatchObject({
      title: 'chore: release main (sdk 1.4.0, server 0.4.1)',
      head: BRANCH,
      base: 'main',
      state: 'open',
      labels: ['release-lanes: pending'],
    });
    expect(pr.body).toContain('| 1 | sdk | 1.3.0 → **1.4.0** | minor | `sdk-v1.4.0` |');
    expect(pr.body).toContain('| 2 | server | 0.4.0 → **0.4.1** | patch | `server-v0.4.1` |');
    expect(pr.body).toContain(
      `<!-- release-lanes:plan {"v":1,"lanes":[{"lane":"sdk","version":"1.4.0","tag":"sdk-v1.4.0"},{"lane":"server","version":"0.4.1","tag":"server-v0.4.1"}],"base":"${head}","carry":{`,
    );
    // The page dates of each path history, for the next push (docs/app.md): one page each, read down to
    // the boundary's anchor (the released commit).
    const released = new Date(Number(h.repo.git('show', '-s', '--format=%ct', 'sdk-v1.3.0')) * 1000);
    const date = released.toISOString().replace('.000Z', 'Z');
    expect(parsePlanMarker(pr.body)!.carry).toEqual({ 'packages/sdk': [date], 'packages/server': [date] });
    // user text from commits is escaped: no mention, no HTML
    expect(pr.body).toContain('`@everyone`');
    expect(pr.body).toContain('&lt;b&gt;mentions&lt;/b&gt;');
    expect(pr.body).not.toMatch(/[^`]@everyone/);
    expect(pr.body).not.toContain('<b>mentions');

    // the request count is logged per run
    const entry = h.app.logs.find((l) => /API requests/.test(String(l.msg)));
    expect(entry).toMatchObject({ requests: 9, gatherRequests: 2, applyRequests: 7 });
  });

  test('the same push delivered twice: one PR, identical content, zero write requests the second time', async () => {
    const { gh, repo } = h;
    const payload = await h.push();
    const branchSha = gh.refSha(`refs/heads/${BRANCH}`);
    const body = gh.prs[0]!.body;
    gh.clear();
    await h.app.push(payload, 'redelivery');
    expect(short(gh.calls())).toEqual([...GATHER, STATE]);
    expect(gh.writes()).toEqual([]);
    expect(gh.prs).toHaveLength(1);
    expect(gh.prs[0]!.body).toBe(body);
    expect(gh.refSha(`refs/heads/${BRANCH}`)).toBe(branchSha);
    expect(repo.git('rev-parse', `${BRANCH}^`)).toBe(repo.head());
  });

  test('two deliveries at once are serialized: still one PR and one branch commit', async () => {
    const { gh } = h;
    await Promise.all([h.push(), h.push()]);
    expect(gh.prs).toHaveLength(1);
    expect(gh.calls().filter((c) => c.endsWith('/pulls'))).toHaveLength(1);
    expect(gh.calls().filter((c) => c.endsWith('/git/commits'))).toHaveLength(1);
  });

  test('a later push rewrites the branch from the new head and edits the PR in place', async () => {
    const { gh, repo } = h;
    await h.push();
    const prNumber = gh.prs[0]!.number;
    repo.commit('feat(server)!: drop the v1 API', { 'packages/server/src/v2.ts': 'export {}\n' });
    const head = repo.head();
    gh.clear();
    await h.push();
    expect(short(gh.calls())).toEqual([
      ...GATHER,
      STATE,
      'POST …/git/trees',
      'POST …/git/commits',
      `PATCH …/git/refs/heads/${BRANCH}`,
      `PATCH …/pulls/${prNumber}`,
    ]);
    expect(
      gh.requests.find((r) => r.method === 'PATCH' && r.path.includes('/git/refs/'))!.body,
    ).toMatchObject({ force: true });
    expect(gh.prs).toHaveLength(1);
    expect(gh.prs[0]!.title).toBe('chore: release main (sdk 1.4.0, server 1.0.0)');
    expect(gh.prs[0]!.body).toContain(`"base":"${head}"`);
    expect(repo.git('rev-list', '--count', `main..${BRANCH}`)).toBe('1');
    expect(repo.git('rev-parse', `${BRANCH}^`)).toBe(head);
    expect(json(gh.fileAt(BRANCH, '.release-lanes-manifest.json'))).toEqual({
      sdk: '1.4.0',
      server: '1.0.0',
    });
  });

  test('tag pushes, deletions and release branches make no request; other branches and release merges only read the config for snapshots', async () => {
    const { gh, repo } = h;
    const after = repo.head();
    await h.push({ ref: 'refs/tags/sdk-v1.3.0' });
    await h.push({ ref: 'refs/heads/main', deleted: true });
    await h.push({ ref: `refs/heads/${BRANCH}` });
    expect(gh.requests).toEqual([]);
    expect(gh.tokenRequests).toEqual([]);
    await h.push({ ref: 'refs/heads/feature/x' });
    await h.push({ after, message: 'chore: release main (sdk 1.4.0) (#7)' });
    await h.push({
      after,
      message: 'Merge pull request #7 from acme/release-lanes/main\n\nchore: release main',
    });
    // no release PR work (merges are tagged by the merge flow), one snapshot-config read each, no write
    expect(short(gh.calls())).toEqual(Array(3).fill('POST /graphql releaseLanesBootstrap'));
  });

  test('when nothing is left to release, the stale PR is closed with a comment and its branch deleted', async () => {
    const { gh, repo } = h;
    await h.push();
    const pr = gh.prs[0]!;
    // The release lands on main (merge flow not involved here): manifest, versions and tags at the head.
    repo.git('merge', '-q', '--ff-only', BRANCH);
    repo.tag('sdk-v1.4.0');
    repo.tag('server-v0.4.1');
    repo.commit('docs: notes', { 'NOTES.md': 'notes\n' });
    gh.clear();
    await h.push();
    expect(short(gh.calls())).toEqual([
      ...GATHER,
      STATE,
      `POST …/issues/${pr.number}/comments`,
      `PATCH …/pulls/${pr.number}`,
      `DELETE …/git/refs/heads/${BRANCH}`,
    ]);
    expect(pr.state).toBe('closed');
    expect(pr.comments[0]).toMatch(/nothing is left to release/);
    expect(gh.refSha(`refs/heads/${BRANCH}`)).toBeNull();
    gh.clear();
    await h.push();
    expect(gh.writes()).toEqual([]);
  });

  test('a 500 after the branch was written leaves a state the next run repairs (no duplicate, no rewrite)', async () => {
    const { gh, repo } = h;
    gh.fail('POST', /\/pulls$/, 500, { message: 'Server Error' });
    await h.push();
    expect(gh.prs).toHaveLength(0);
    expect(gh.refSha(`refs/heads/${BRANCH}`)).not.toBeNull();
    expect(gh.checkRuns).toHaveLength(1);
    expect(gh.checkRuns[0]).toMatchObject({
      name: 'release-lanes',
      head_sha: repo.head(),
      status: 'completed',
      conclusion: 'failure',
    });
    expect((gh.checkRuns[0]!.output as { title: string }).title).toMatch(/^RL403 /);
    const branchSha = gh.refSha(`refs/heads/${BRANCH}`);

    gh.clear();
    await h.push();
    expect(short(gh.calls())).toEqual([
      ...GATHER,
      STATE,
      'POST …/pulls',
      'POST …/labels',
      'POST …/issues/100/labels',
      // the head's check was red (read in the bootstrap): the repair turns it green
      'POST …/check-runs',
    ]);
    expect((gh.checkRuns.at(-1) as { conclusion: string }).conclusion).toBe('success');
    expect(gh.refSha(`refs/heads/${BRANCH}`)).toBe(branchSha);
    expect(gh.prs).toHaveLength(1);
    expect(gh.prs[0]!.labels).toEqual(['release-lanes: pending']);
  });

  test('a PR whose label was removed and body edited by hand is restored with two requests', async () => {
    const { gh } = h;
    await h.push();
    const pr = gh.prs[0]!;
    const body = pr.body;
    pr.labels = [];
    pr.body = 'edited by a human';
    gh.clear();
    await h.push();
    expect(short(gh.calls())).toEqual([
      ...GATHER,
      STATE,
      `PATCH …/pulls/${pr.number}`,
      `POST …/issues/${pr.number}/labels`,
    ]);
    expect(pr.body).toBe(body);
    expect(pr.labels).toEqual(['release-lanes: pending']);
  });
});

describe('separate-pull-requests: one PR per lane', () => {
  beforeEach(async () => {
    h = await harness(createSdkServerRepo({ separate: true }));
  });

  test('one branch and PR per lane; switching back to grouped closes them and deletes their branches', async () => {
    const { gh, repo } = h;
    await h.push();
    expect(gh.prs.map((p) => [p.head, p.title])).toEqual([
      ['release-lanes/main/sdk', 'chore(main): release sdk 1.4.0'],
      ['release-lanes/main/server', 'chore(main): release server 0.4.1'],
    ]);
    expect(json(gh.fileAt('release-lanes/main/sdk', '.release-lanes-manifest.json'))).toEqual({
      sdk: '1.4.0',
      server: '0.4.0',
    });
    expect(json(gh.fileAt('release-lanes/main/server', '.release-lanes-manifest.json'))).toEqual({
      sdk: '1.3.0',
      server: '0.4.1',
    });
    expect(gh.fileAt('release-lanes/main/sdk', 'packages/server/CHANGELOG.md')).toBe(
      gh.fileAt('main', 'packages/server/CHANGELOG.md'),
    );
    expect(json(gh.fileAt('release-lanes/main/server', 'packages/server/package.json'))).toMatchObject({
      dependencies: { '@acme/sdk': '^1.4.0' },
    });
    expect(gh.prs[1]!.body).toContain('"lanes":[{"lane":"server","version":"0.4.1","tag":"server-v0.4.1"}]');
    // labels: created once
    expect(gh.calls().filter((c) => c.endsWith('/labels') && !c.includes('/issues/'))).toHaveLength(1);

    repo.commit('chore: one release PR', {
      '.github/release-lanes.yml': repo
        .git('show', 'main:.github/release-lanes.yml')
        .replace('separate-pull-requests: true\n', ''),
    });
    gh.clear();
    await h.push();
    const calls = short(gh.calls());
    const firstCreate = calls.indexOf('POST …/git/refs');
    expect(calls.indexOf('DELETE …/git/refs/heads/release-lanes/main/sdk')).toBeLessThan(firstCreate);
    expect(calls.indexOf('DELETE …/git/refs/heads/release-lanes/main/server')).toBeLessThan(firstCreate);
    expect(gh.prs.filter((p) => p.state === 'open').map((p) => p.head)).toEqual([BRANCH]);
    for (const p of gh.prs.slice(0, 2)) expect(p.comments[0]).toMatch(/superseded/);
    expect(gh.refSha('refs/heads/release-lanes/main/sdk')).toBeNull();
    expect(json(gh.fileAt(BRANCH, '.release-lanes-manifest.json'))).toEqual({
      sdk: '1.4.0',
      server: '0.4.1',
    });
  });
});

describe('an executable version file', () => {
  test('keeps its mode in the release commit (the state query reads the modes of its directory)', async () => {
    const repo = createTestRepo('rl-app-x-');
    repo.commit('chore: initial', {
      '.github/release-lanes.yml':
        'lanes:\n  - name: tool\n    path: .\n    tag: v{version}\n    version-files:\n      - { kind: generic, path: bin/tool }\n      - { kind: generic, path: bin/README.md }\n',
      '.release-lanes-manifest.json': '{\n  "tool": "1.0.0"\n}\n',
      'bin/tool': '#!/bin/sh\nVERSION=1.0.0 # x-release-please-version\necho "$VERSION"\n',
      'bin/README.md': 'tool 1.0.0 <!-- x-release-please-version -->\n',
    });
    chmodSync(join(repo.dir, 'bin/tool'), 0o755);
    repo.commit('chore: make bin/tool executable');
    expect(repo.git('ls-tree', 'HEAD', 'bin/tool')).toMatch(/^100755 /);
    repo.tag('v1.0.0');
    repo.commit('fix: quoting', { 'src/x.sh': 'x\n' });
    h = await harness(repo);
    await h.push();

    const calls = short(h.gh.calls());
    const state = h.gh.requests[calls.indexOf(STATE)]!.body as { query: string };
    expect(state.query).toMatch(
      /d0: object\(expression: \$d0\) \{ \.\.\. on Tree \{ entries \{ name mode \} \} \}/,
    );
    const tree = h.gh.requests[calls.indexOf('POST …/git/trees')]!.body as {
      tree: { path: string; mode: string }[];
    };
    expect(Object.fromEntries(tree.tree.map((e) => [e.path, e.mode]))).toMatchObject({
      'bin/tool': '100755',
      'bin/README.md': '100644',
      'CHANGELOG.md': '100644',
    });
    const modes = repo
      .git('ls-tree', '-r', BRANCH, 'bin')
      .split('\n')
      .map((l) => l.split(/\s+/).slice(0, 1).concat(l.split('\t')[1]!));
    expect(modes).toEqual([
      ['100644', 'bin/README.md'],
      ['100755', 'bin/tool'],
    ]);
    expect(h.gh.fileAt(BRANCH, 'bin/tool')).toContain('VERSION=1.0.1');
  });
});
