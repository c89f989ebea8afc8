/**
 * A repository configured with release-please files: the App keeps release-please's conventions (branch
 * names, titles, labels, PR body, Release bodies with the version heading), honours its PR options, and
 * takes over a release PR release-please itself opened and that was merged but never tagged.
 */
import { createTestRepo } from '../helpers/git-repo.js';
import { json } from './helpers/scenario.js';
import { closedPayload, tagHarness, type TagHarness } from './helpers/tag-github.js';

const HEADER = ':robot: I have created a release *beep* *boop*';

/** Two node packages, b depends on a; both released at 1.0.0; then a feature in a. */
function workspaceRepo(extra: Record<string, unknown> = {}) {
  const repo = createTestRepo('rl-e2e-rp-');
  repo.commit('chore: initial', {
    'release-please-config.json': json({
      ...extra,
      plugins: ['node-workspace'],
      packages: { 'packages/a': {}, 'packages/b': {} },
    }),
    '.release-please-manifest.json': json({ 'packages/a': '1.0.0', 'packages/b': '1.0.0' }),
    'packages/a/package.json': json({ name: '@acme/a', version: '1.0.0' }),
    'packages/b/package.json': json({
      name: '@acme/b',
      version: '1.0.0',
      dependencies: { '@acme/a': '^1.0.0' },
    }),
  });
  repo.tag('a-v1.0.0', { message: 'a-v1.0.0' });
  repo.tag('b-v1.0.0', { message: 'b-v1.0.0' });
  repo.commit('feat: faster parser', { 'packages/a/index.js': 'exports.x = 1;\n' });
  return repo;
}

/** One root node package `x`, released at 1.0.0, then a fix. */
function singleRepo(options: Record<string, unknown>) {
  const repo = createTestRepo('rl-e2e-rp1-');
  repo.commit('chore: initial', {
    'release-please-config.json': json({ ...options, packages: { '.': {} } }),
    '.release-please-manifest.json': json({ '.': '1.0.0' }),
    'package.json': json({ name: 'x', version: '1.0.0' }),
  });
  repo.tag('x-v1.0.0', { message: 'x-v1.0.0' });
  repo.commit('fix: rounding', { 'index.js': 'exports.x = 2;\n' });
  return repo;
}

/** Merge the App's open release PR in git and deliver `pull_request.closed`. */
async function mergeOpenPr(th: TagHarness, user = { login: 'release-lanes[bot]', type: 'Bot' }) {
  const pr = th.gh.prs.find((p) => p.state === 'open');
  if (!pr) throw new Error(`no release PR; checks: ${JSON.stringify(th.gh.checkRuns)}`);
  const mergeSha = th.repo.merge(pr.head, `Merge pull request #${pr.number} from acme/${pr.head}`);
  pr.state = 'closed';
  th.merges.set(pr.number, { sha: mergeSha, user, headRepo: 'acme/mono' });
  const payload = closedPayload({
    number: pr.number,
    mergeSha,
    head: pr.head,
    body: pr.body,
    labels: [...pr.labels],
    user,
  });
  (payload.pull_request as Record<string, unknown>).title = pr.title;
  await th.deliver('pull_request', payload);
  return { pr, mergeSha };
}

describe('a release-please repository keeps release-please conventions', () => {
  let th: TagHarness;
  afterEach(() => th.close());

  it('grouped PR: release-please branch, title, label and body; Releases start with the version heading', async () => {
    th = await tagHarness(workspaceRepo());
    await th.push();
    const pr = th.gh.prs.find((p) => p.state === 'open')!;
    expect(pr.head).toBe('release-please--branches--main');
    expect(pr.title).toBe('chore: release main');
    expect(pr.labels).toEqual(['autorelease: pending']);
    expect(
      pr.body.startsWith(`${HEADER}\n---\n\n\n<details><summary>a: 1.1.0</summary>\n\n## [1.1.0](`),
    ).toBe(true);
    expect(pr.body).toContain('<details><summary>b: 1.0.1</summary>');
    expect(pr.body).toContain(
      '\n---\nThis PR was generated with [Release Please](https://github.com/googleapis/release-please).',
    );

    const { mergeSha } = await mergeOpenPr(th);
    expect(th.tags()['a-v1.1.0']).toBe(mergeSha);
    expect(th.tags()['b-v1.0.1']).toBe(mergeSha);
    const a = th.releases.find((r) => r.tag_name === 'a-v1.1.0')!;
    expect(a.body).toMatch(
      /^## \[1\.1\.0\]\(https:\/\/github\.com\/acme\/mono\/compare\/a-v1\.0\.0\.\.\.a-v1\.1\.0\) \(\d{4}-\d{2}-\d{2}\)\n\n\n### Features\n\n\* faster parser /,
    );
    expect(pr.labels).toEqual(['autorelease: tagged']);
  }, 120_000);

  it('one package: component branch and title; label, release-label, extra-label, draft PR, header, footer, skip-github-release', async () => {
    th = await tagHarness(
      singleRepo({
        label: 'release: pending',
        'release-label': 'release: done',
        'extra-label': 'bot',
        'draft-pull-request': true,
        'pull-request-header': 'Release time',
        'pull-request-footer': 'Merge me',
        'skip-github-release': true,
        signoff: 'Rel Bot <bot@example.com>',
      }),
    );
    const mark = th.gh.requests.length;
    await th.push();
    const pr = th.gh.prs.find((p) => p.state === 'open')!;
    expect(pr.head).toBe('release-please--branches--main--components--x');
    expect(pr.title).toBe('chore(main): release x 1.0.1');
    expect(pr.labels).toEqual(['release: pending', 'bot']);
    expect(pr.body.startsWith('Release time\n---\n\n\n## [1.0.1](')).toBe(true);
    expect(pr.body).toContain('\n---\nMerge me\n');
    const open = th.gh.requests.slice(mark).find((r) => r.method === 'POST' && r.path.endsWith('/pulls'));
    expect(open?.body).toMatchObject({ draft: true });
    expect(th.repo.git('log', '-1', '--format=%B', pr.head)).toContain(
      'Signed-off-by: Rel Bot <bot@example.com>',
    );

    const { mergeSha } = await mergeOpenPr(th);
    expect(th.tags()['x-v1.0.1']).toBe(mergeSha);
    expect(th.releases).toEqual([]); // skip-github-release
    expect(pr.labels).toEqual(['bot', 'release: done']);
  }, 120_000);
});

describe("taking over release-please's own release PR", () => {
  let th: TagHarness;
  afterEach(() => th.close());

  /** What release-please would have pushed: manifest, package.json and changelog on its branch. */
  function releasePleasePr(t: TagHarness, title = 'chore: release main') {
    t.repo.checkout('release-please--branches--main', { create: true });
    t.repo.commit(title, {
      '.release-please-manifest.json': json({ 'packages/a': '1.1.0', 'packages/b': '1.0.0' }),
      'packages/a/package.json': json({ name: '@acme/a', version: '1.1.0' }),
      'packages/a/CHANGELOG.md':
        '# Changelog\n\n## 1.1.0 (2024-06-01)\n\n\n### Features\n\n* faster parser\n',
    });
    t.repo.checkout('main');
    const mergeSha = t.repo.merge('release-please--branches--main', 'Merge pull request #7');
    return closedPayload({
      number: 7,
      mergeSha,
      head: 'release-please--branches--main',
      body: `${HEADER}\n---\n\n\n<details><summary>a: 1.1.0</summary>\n\n## 1.1.0 (2024-06-01)\n</details>\n\n---\nThis PR was generated with [Release Please](https://github.com/googleapis/release-please).`,
      labels: ['autorelease: pending'],
      user: { login: 'github-actions[bot]', type: 'Bot' },
    });
  }

  it('tags a merged release PR release-please opened, relabels it, and does not propose it again', async () => {
    th = await tagHarness(workspaceRepo());
    const payload = releasePleasePr(th);
    const pull = payload.pull_request as Record<string, unknown>;
    pull.title = 'chore: release main';
    const mergeSha = pull.merge_commit_sha as string;
    await th.deliver('pull_request', payload);
    expect(th.tags()['a-v1.1.0']).toBe(mergeSha);
    expect(th.tags()['b-v1.0.0']).toBeDefined();
    expect(th.releases.map((r) => r.tag_name)).toEqual(['a-v1.1.0']);
    expect(th.releases[0]!.body.startsWith('## 1.1.0 (2024-06-01)')).toBe(true);
    const labelCalls = th.lines().filter((l) => l.includes('/issues/7/labels'));
    expect(labelCalls).toEqual(['DELETE …/issues/7/labels/autorelease: pending', 'POST …/issues/7/labels']);
    // the next push plans from a-v1.1.0: nothing left for a
    await th.push();
    expect(th.gh.prs.filter((p) => p.state === 'open')).toEqual([]);
  }, 120_000);

  it.each([
    ['a title that is not a release title', { title: 'feat: something' }],
    ['another label', { labels: ['release: pending'] }],
    ['a body without the release-please header', { body: 'hello' }],
    ['a head branch of its own', { head: 'release-v1.1.0' }],
  ])(
    '%s is not taken over',
    async (_name, override) => {
      th = await tagHarness(workspaceRepo());
      const payload = releasePleasePr(th);
      const pull = payload.pull_request as Record<string, unknown>;
      pull.title = 'chore: release main';
      const o = override as { title?: string; labels?: string[]; body?: string; head?: string };
      if (o.title) pull.title = o.title;
      if (o.body) pull.body = o.body;
      if (o.labels) pull.labels = o.labels.map((name) => ({ name }));
      if (o.head) (pull.head as Record<string, unknown>).ref = o.head;
      await th.deliver('pull_request', payload);
      expect(th.tags()['a-v1.1.0']).toBeUndefined();
      expect(th.releases).toEqual([]);
    },
    120_000,
  );
});
