/**
 * pytmbot: `0.3.0` immutable, `0.3`/`stable`/`latest` moving, weekly `0.3-rYYYYMMDD` rebuilds that never
 * touch `0.3.0`, lines below 0.3 end-of-life, `edge-<branch>`/`edge-sha-<sha>` development tags.
 */
import { createTestRepo } from '../helpers/git-repo.js';
import { exampleConfig, json, releaseAndMerge } from './helpers/scenario.js';
import { dispatchPayload, tagHarness, type TagHarness } from './helpers/tag-github.js';

function pytmbotRepo() {
  const repo = createTestRepo('rl-e2e-pytmbot-');
  repo.commit('chore: initial', {
    '.github/release-lanes.yml': exampleConfig('pytmbot'),
    '.release-lanes-manifest.json': json({ pytmbot: '0.2.8' }),
    'pytmbot/main.py': 'print(1)\n',
  });
  repo.tag('0.2.8');
  repo.commit('chore: release 0.2.9', { '.release-lanes-manifest.json': json({ pytmbot: '0.2.9' }) });
  repo.tag('0.2.9');
  repo.tag('latest'); // before the 0.3 policy: latest at 0.2.9, no `stable`, no line tags
  repo.commit('feat: docker health checks', { 'pytmbot/health.py': 'ok = True\n' });
  return repo;
}

describe('pytmbot: stable contract from 0.3.0, dated rebuilds, edge development tags', () => {
  let th: TagHarness;
  beforeEach(async () => {
    th = await tagHarness(pytmbotRepo(), new Date('2024-06-03T10:00:00Z'));
  });
  afterEach(() => th.close());

  it('the 0.3.0 release publishes 0.3.0, 0.3, stable and latest (latest moves from 0.2.9)', async () => {
    const old = th.tags();
    const m = await releaseAndMerge(th, { squash: true });
    expect(th.lines(m.mark).slice(0, 13)).toEqual([
      'POST /graphql releaseLanesBootstrap',
      'POST /graphql releaseLanesBootstrap',
      'POST …/git/tags',
      'POST …/git/refs', // 0.3.0
      'POST …/releases',
      'POST …/git/refs', // 0.3
      'POST …/git/refs', // stable
      'PATCH …/git/refs/tags/latest',
      `POST …/issues/${m.number}/comments`,
      'POST …/check-runs', // a passing check on the merge commit
      `DELETE …/issues/${m.number}/labels/release-lanes: pending`, // pending goes first
      `POST …/issues/${m.number}/labels`, // then tagged: the mark of a finished release
      'POST /graphql releaseLanesBootstrap', // the release PRs are refreshed
    ]);
    const tags = th.tags();
    expect([tags['0.3.0'], tags['0.3'], tags.stable, tags.latest]).toEqual(Array(4).fill(m.mergeSha));
    expect([tags['0.2.8'], tags['0.2.9']]).toEqual([old['0.2.8'], old['0.2.9']]);
    expect(th.releases.map((r) => r.name)).toEqual(['0.3.0']);
    expect(th.gh.prs.find((p) => p.number === m.number)!.comments.at(-1)).toContain(
      `\`move latest 0.2.9 (${old.latest!.slice(0, 7)}) → 0.3.0 (${m.mergeSha.slice(0, 7)})\``,
    );
  });

  it('the weekly rebuild creates 0.3-rYYYYMMDD at 0.3.0 and never touches 0.3.0; same day = no-op', async () => {
    const m = await releaseAndMerge(th, { squash: true });
    const before = th.tags();
    let mark = th.gh.requests.length;
    await th.deliver('repository_dispatch', dispatchPayload('release-lanes-rebuild', { date: '2024-06-09' }));
    expect(th.lines(mark)).toEqual(['POST /graphql releaseLanesBootstrap', 'POST …/git/refs']);
    expect(th.gh.requests.at(-1)!.body).toEqual({ ref: 'refs/tags/0.3-r20240609', sha: m.mergeSha });
    const after = th.tags();
    expect(after['0.3-r20240609']).toBe(m.mergeSha);
    // 0.3, stable and latest already point at the rebuilt commit; 0.3.0 is untouched
    for (const t of ['0.3.0', '0.3', 'stable', 'latest', '0.2.9']) expect(after[t]).toBe(before[t]);

    mark = th.gh.requests.length;
    await th.deliver('repository_dispatch', dispatchPayload('release-lanes-rebuild', { date: '2024-06-09' }));
    expect(th.lines(mark)).toEqual(['POST /graphql releaseLanesBootstrap']);

    // other dispatch actions are not ours
    mark = th.gh.requests.length;
    await th.deliver('repository_dispatch', dispatchPayload('deploy'));
    expect(th.lines(mark)).toEqual([]);
  });

  it('development branches get edge-<branch> and edge-sha-<sha>; other branches nothing', async () => {
    th.repo.checkout('feature/login', { create: true });
    const sha = th.repo.commit('feat: login', { 'pytmbot/login.py': 'x = 1\n' });
    let mark = th.gh.requests.length;
    await th.push({ ref: 'refs/heads/feature/login', after: sha });
    const writes = th.gh.requests.slice(mark).filter((r) => r.path.includes('/git/refs'));
    expect(writes.map((r) => (r.body as { ref: string }).ref)).toEqual([
      `refs/tags/edge-sha-${sha}`,
      'refs/tags/edge-feature-login',
    ]);
    expect(th.tags()['edge-feature-login']).toBe(sha);

    th.repo.checkout('wip', { create: true });
    const wip = th.repo.commit('chore: wip', { 'x.txt': '1\n' });
    mark = th.gh.requests.length;
    await th.push({ ref: 'refs/heads/wip', after: wip });
    expect(th.gh.requests.slice(mark).filter((r) => r.method !== 'POST' || r.path !== '/graphql')).toEqual(
      [],
    );
  });
});
