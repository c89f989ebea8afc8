/**
 * Maintenance lines (pytmbot's example config, `maintenance-branches: ['release/*']`): once 0.4.0 exists, a
 * fix pushed to `release/0.3` is released as 0.3.1 from a release PR against `release/0.3`; its merge tags
 * the merge commit on that branch, moves `0.3` only, and its Release is not the repository's Latest. A
 * `feat` there is refused (RL310); `release/0.2` is end-of-life (RL311); other branches release nothing.
 */
import { createTestRepo } from '../helpers/git-repo.js';
import type { FakePr } from '../handlers/helpers/fake-github.js';
import { closedPayload, tagHarness, type TagHarness } from './helpers/tag-github.js';
import { exampleConfig, json } from './helpers/scenario.js';

function linesRepo() {
  const repo = createTestRepo('rl-e2e-maint-');
  repo.commit('chore: initial', {
    '.github/release-lanes.yml': exampleConfig('pytmbot'),
    '.release-lanes-manifest.json': json({ pytmbot: '0.2.9' }),
    'pytmbot/main.py': 'print(1)\n',
  });
  repo.tag('0.2.9');
  const r030 = repo.commit('chore: release main (pytmbot 0.3.0)', {
    '.release-lanes-manifest.json': json({ pytmbot: '0.3.0' }),
    'CHANGELOG.md': '# Changelog\n\n## 0.3.0 (2024-05-01)\n\n* health\n',
  });
  repo.tag('0.3.0');
  repo.commit('chore: release main (pytmbot 0.4.0)', {
    '.release-lanes-manifest.json': json({ pytmbot: '0.4.0' }),
  });
  repo.tag('0.4.0');
  for (const t of ['0.4', 'stable', 'latest']) repo.tag(t);
  repo.tag('0.3', { ref: r030 });
  // the maintenance branches, cut from their last release
  repo.checkout('release/0.3', { create: true, from: '0.3.0' });
  repo.commit('fix: crash on empty config', { 'pytmbot/main.py': 'print(2)\n' });
  repo.checkout('release/0.2', { create: true, from: '0.2.9' });
  repo.commit('fix: old crash', { 'pytmbot/main.py': 'print(0)\n' });
  repo.checkout('main');
  return repo;
}

/** Merge the open release PR into `base` in git and deliver its `pull_request.closed` event. */
async function mergeInto(th: TagHarness, pr: FakePr, base: string): Promise<string> {
  th.repo.checkout(base);
  const mergeSha = th.repo.merge(pr.head, `Merge pull request #${pr.number} from acme/${pr.head}`);
  th.repo.checkout('main');
  pr.state = 'closed';
  th.merges.set(pr.number, {
    sha: mergeSha,
    user: { login: 'release-lanes[bot]', type: 'Bot' },
    headRepo: 'acme/mono',
  });
  await th.deliver(
    'pull_request',
    closedPayload({
      number: pr.number,
      mergeSha,
      head: pr.head,
      base,
      body: pr.body,
      labels: [...pr.labels],
    }),
  );
  return mergeSha;
}

const pushBranch = (th: TagHarness, branch: string) =>
  th.push({ ref: `refs/heads/${branch}`, after: th.repo.git('rev-parse', `refs/heads/${branch}`) });

describe('maintenance branches', () => {
  let th: TagHarness;
  beforeEach(async () => {
    th = await tagHarness(linesRepo(), new Date('2024-06-03T10:00:00Z'));
  });
  afterEach(() => th.close());

  it('release/0.3: a release PR against the branch, 0.3.1 tagged on it, `0.3` moves, latest/stable stay', async () => {
    const before = th.tags();
    await pushBranch(th, 'release/0.3');
    const pr = th.gh.prs.find((p) => p.state === 'open')!;
    expect(pr).toMatchObject({ head: 'release-lanes/release/0.3', base: 'release/0.3' });
    expect(pr.title).toBe('chore: release release/0.3 (pytmbot 0.3.1)');
    expect(JSON.parse(th.gh.fileAt(pr.head, '.release-lanes-manifest.json')!)).toEqual({ pytmbot: '0.3.1' });
    // the release commit sits on the maintenance branch head
    expect(th.repo.git('rev-parse', `${pr.head}^`)).toBe(th.repo.git('rev-parse', 'refs/heads/release/0.3'));
    // the branch's role came from the default branch's config (one read), the plan from the branch itself
    const boots = th.gh.requests
      .filter((r) => r.operation === 'releaseLanesBootstrap')
      .map((r) => (r.body as { variables: Record<string, string> }).variables.qualified);
    expect(boots.slice(0, 2)).toEqual(['refs/heads/main', 'refs/heads/release/0.3']);

    const mark = th.gh.requests.length;
    const mergeSha = await mergeInto(th, pr, 'release/0.3');
    const tags = th.tags();
    expect(tags['0.3.1']).toBe(mergeSha);
    expect(tags['0.3']).toBe(mergeSha);
    for (const t of ['0.4.0', '0.4', 'stable', 'latest', '0.3.0']) expect(tags[t]).toBe(before[t]);
    const release = th.releases.find((r) => r.tag_name === '0.3.1')!;
    expect(release).toMatchObject({ name: '0.3.1', prerelease: false, draft: false, make_latest: 'false' });
    expect(th.gh.prs.find((p) => p.number === pr.number)!.labels).toEqual(['release-lanes: tagged']);
    // the merge into a non-default branch is checked against the default branch's config (one read)
    expect(th.lines(mark).filter((l) => l.startsWith('POST /graphql')).length).toBeGreaterThanOrEqual(3);
  });

  it('a feat on release/0.3 while 0.4.0 exists is refused with RL310, nothing is written', async () => {
    th.repo.checkout('release/0.3');
    th.repo.commit('feat: new command', { 'pytmbot/cmd.py': 'x = 1\n' });
    th.repo.checkout('main');
    await pushBranch(th, 'release/0.3');
    expect(th.gh.prs).toEqual([]);
    expect(th.gh.checkRuns).toHaveLength(1);
    expect(th.gh.checkRuns[0]).toMatchObject({ conclusion: 'failure' });
    expect(String((th.gh.checkRuns[0] as { output: { title: string } }).output.title)).toMatch(/^RL310 /);
    expect(JSON.stringify(th.gh.checkRuns[0])).toContain('0.3.0 → 0.4.0 leaves line 0.3');
  });

  it('release/0.2 is end-of-life: nothing is released, a neutral check run says so (RL311)', async () => {
    await pushBranch(th, 'release/0.2');
    expect(th.gh.prs).toEqual([]);
    expect(th.gh.checkRuns).toHaveLength(1);
    expect(th.gh.checkRuns[0]).toMatchObject({ conclusion: 'neutral' });
    expect(String((th.gh.checkRuns[0] as { output: { title: string } }).output.title)).toBe(
      'RL311 Line is end-of-life: pytmbot 0.2',
    );
  });

  it('a branch that is neither the release branch nor a maintenance branch releases nothing', async () => {
    th.repo.checkout('feature/x', { create: true, from: 'main' });
    th.repo.commit('fix: something', { 'pytmbot/x.py': '1\n' });
    th.repo.checkout('main');
    const mark = th.gh.requests.length;
    await pushBranch(th, 'feature/x');
    expect(th.gh.prs).toEqual([]);
    // one read of the default branch (role + snapshots, reused), then only pytmbot's `edge-*` snapshot tags
    expect(th.lines(mark)).toEqual([
      'POST /graphql releaseLanesBootstrap',
      'POST …/git/refs',
      'POST …/git/refs',
    ]);
    const refs = th.gh.requests.slice(mark + 1).map((r) => (r.body as { ref: string }).ref);
    expect(refs.map((r) => r.replace(/[0-9a-f]{40}/, '<sha>'))).toEqual([
      'refs/tags/edge-sha-<sha>',
      'refs/tags/edge-feature-x',
    ]);
  });
});

describe('`branch: develop`', () => {
  let th: TagHarness;
  afterEach(() => th.close());

  it('release PRs target develop, merges into develop are tagged, pushes to main release nothing', async () => {
    const repo = createTestRepo('rl-e2e-develop-');
    repo.commit('chore: initial', {
      '.github/release-lanes.yml': 'branch: develop\nlanes:\n  - { name: app, path: . }\n',
      '.release-lanes-manifest.json': json({ app: '1.0.0' }),
    });
    repo.tag('v1.0.0');
    repo.checkout('develop', { create: true });
    repo.commit('fix: a bug', { 'app.txt': '1\n' });
    repo.checkout('main');
    repo.commit('fix: on main only', { 'main.txt': '1\n' });
    th = await tagHarness(repo);

    await th.push(); // main: not the release branch
    expect(th.gh.prs).toEqual([]);

    await pushBranch(th, 'develop');
    const pr = th.gh.prs.find((p) => p.state === 'open')!;
    expect(pr).toMatchObject({
      head: 'release-lanes/develop',
      base: 'develop',
      title: 'chore: release develop (app 1.0.1)',
    });

    const mergeSha = await mergeInto(th, pr, 'develop');
    expect(th.tags()['v1.0.1']).toBe(mergeSha);
    expect(th.releases.map((r) => [r.tag_name, r.name, r.make_latest])).toEqual([
      ['v1.0.1', 'v1.0.1', 'true'],
    ]);
  });
});
