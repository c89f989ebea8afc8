/**
 * Java SNAPSHOT pull requests through the App, end to end (release-please 17.11's java/maven strategies):
 * after a release the next push opens the SNAPSHOT PR (version files only, `autorelease: snapshot`); its
 * merge tags nothing; the push after it proposes the next release; merging that tags it, and the cycle
 * starts again. A real git repository; GitHub simulated at the HTTP level.
 */
import { createTestRepo } from '../helpers/git-repo.js';
import { json, mavenRepo, pom } from '../helpers/maven-repo.js';
import { deliverMerge, mergeReleasePr } from './helpers/scenario.js';
import { tagHarness, type TagHarness } from './helpers/tag-github.js';

const HEADER = ':robot: I have created a release *beep* *boop*';
const SNAPSHOT_NOTES = '### Updating meta-information for bleeding-edge SNAPSHOT release.';

type Style = 'squash' | 'merge';

/** Merge the open PR in git as GitHub would and deliver `pull_request.closed`. */
const mergeOpenPr = (th: TagHarness, style: Style) =>
  deliverMerge(th, mergeReleasePr(th, { squash: style === 'squash' }));

const openPr = (th: TagHarness) => th.gh.prs.find((p) => p.state === 'open');
const changedFiles = (th: TagHarness, branch: string) =>
  th.repo.git('diff', '--name-only', `main...${branch}`).split('\n').filter(Boolean).sort();
const failedChecks = (th: TagHarness) =>
  th.gh.checkRuns.filter((c) => c.conclusion !== undefined && c.conclusion !== 'success');

describe('Java SNAPSHOT pull requests (App)', () => {
  let th: TagHarness;
  afterEach(() => th.close());

  it.each<Style>(['squash', 'merge'])(
    'full cycle, SNAPSHOT PR merged by %s: SNAPSHOT PR → no tag → release 1.2.4 → tag → SNAPSHOT 1.2.5',
    async (style) => {
      th = await tagHarness(mavenRepo('rl-e2e-snap-'));
      await th.push();
      const snap = openPr(th)!;
      expect(snap.head).toBe('release-please--branches--main');
      expect(snap.title).toBe('chore(main): release 1.2.4-SNAPSHOT');
      expect(snap.body.startsWith(`${HEADER}\n---\n\n\n${SNAPSHOT_NOTES}\n`)).toBe(true);
      expect(snap.body).toContain('This PR was generated with [Release Please]');
      expect(snap.labels).toEqual(['autorelease: snapshot']);
      expect(changedFiles(th, snap.head)).toEqual(['pom.xml']);
      expect(th.gh.fileAt(snap.head, 'pom.xml')).toBe(pom('1.2.4-SNAPSHOT'));
      expect(th.gh.fileAt(snap.head, 'CHANGELOG.md')).toBeNull();
      expect(th.gh.fileAt(snap.head, '.release-please-manifest.json')).toBe(json({ '.': '1.2.3' }));

      // a fix while it is open does not turn it into a release PR
      th.repo.commit('fix: rounding in totals', { 'src/main/java/App.java': 'class App { int x; }\n' });
      await th.push();
      expect(th.gh.prs.filter((p) => p.state === 'open')).toEqual([snap]);
      expect(snap.title).toBe('chore(main): release 1.2.4-SNAPSHOT');
      expect(snap.labels).toEqual(['autorelease: snapshot']);
      expect(snap.body).not.toContain('rounding');
      expect(changedFiles(th, snap.head)).toEqual(['pom.xml']);

      // merged: nothing tagged, no Release, no failing check, no `tagged` label
      const tagsBefore = th.tags();
      const merged = await mergeOpenPr(th, style);
      expect(th.tags()).toEqual(tagsBefore);
      expect(th.releases).toEqual([]);
      expect(failedChecks(th)).toEqual([]);
      expect(snap.labels).toEqual(['autorelease: snapshot']);
      const writes = th.gh.requests
        .slice(merged.mark)
        .filter((r) => r.method !== 'GET' && !(r.method === 'POST' && r.path === '/graphql'));
      // nothing tagged, published, or relabelled on the SNAPSHOT PR (it has its label)
      expect(snap.number).toBe(100);
      expect(
        writes.filter((r) => /\/git\/(tags|refs\/tags)|\/releases|\/issues\/100\//.test(r.path)),
      ).toEqual([]);
      expect(JSON.stringify(writes)).not.toContain('autorelease: tagged');
      expect(th.repo.git('show', 'main:pom.xml')).toContain('<version>1.2.4-SNAPSHOT</version>');

      // the merge event proposes the release it held back (a squash's push is ignored as a release merge);
      // the next push leaves it as it is
      expect(openPr(th)?.title).toBe('chore(main): release 1.2.4');
      await th.push();
      const rel = openPr(th)!;
      expect(rel.number).not.toBe(snap.number);
      expect(rel.head).toBe('release-please--branches--main');
      expect(rel.title).toBe('chore(main): release 1.2.4');
      expect(rel.labels).toEqual(['autorelease: pending']);
      expect(rel.body).toContain('rounding in totals');
      expect(changedFiles(th, rel.head)).toEqual([
        '.release-please-manifest.json',
        'CHANGELOG.md',
        'pom.xml',
      ]);
      expect(th.gh.fileAt(rel.head, 'pom.xml')).toBe(pom('1.2.4'));
      expect(th.gh.fileAt(rel.head, 'CHANGELOG.md')).toContain('rounding in totals');
      expect(th.gh.fileAt(rel.head, 'CHANGELOG.md')).not.toContain('SNAPSHOT');

      // merged: v1.2.4 tagged with its Release, labelled tagged
      const released = await mergeOpenPr(th, 'merge');
      expect(th.tags()['v1.2.4']).toBe(released.mergeSha);
      expect(th.releases.map((r) => r.tag_name)).toEqual(['v1.2.4']);
      expect(rel.labels).toEqual(['autorelease: tagged']);
      expect(failedChecks(th)).toEqual([]);

      // and the next push opens the next SNAPSHOT PR
      await th.push();
      const next = openPr(th)!;
      expect(next.title).toBe('chore(main): release 1.2.5-SNAPSHOT');
      expect(next.labels).toEqual(['autorelease: snapshot']);
      expect(changedFiles(th, next.head)).toEqual(['pom.xml']);
      expect(th.gh.fileAt(next.head, 'pom.xml')).toBe(pom('1.2.5-SNAPSHOT'));
    },
    120_000,
  );
});

describe('a merged SNAPSHOT PR is never an unfinished release', () => {
  let th: TagHarness;
  afterEach(() => th.close());

  /** Merge the open SNAPSHOT PR in git without its `pull_request.closed` (a lost delivery). */
  function mergeSilently(): number {
    const pr = openPr(th)!;
    th.repo.git('merge', '--squash', '-q', pr.head);
    const sha = th.repo.commit(`${pr.title} (#${pr.number})`);
    pr.state = 'closed';
    th.merges.set(pr.number, { sha, user: { login: 'release-lanes[bot]', type: 'Bot' } });
    return pr.number;
  }

  it('its label request failed: one recovery run labels it, tags nothing; the next run spends nothing on it', async () => {
    th = await tagHarness(mavenRepo('rl-e2e-snap-'));
    th.gh.fail('POST', /\/issues\/\d+\/labels$/, 422, { message: 'Validation Failed' }, 1);
    await th.push();
    const snap = openPr(th)!;
    expect(snap.title).toBe('chore(main): release 1.2.4-SNAPSHOT');
    expect(snap.labels).toEqual([]);
    const n = mergeSilently();

    th.repo.commit('fix: rounding in totals', { 'src/main/java/App.java': 'class App { int x; }\n' });
    const tagsBefore = th.tags();
    let mark = th.gh.requests.length;
    await th.push();
    expect(th.lines(mark).filter((l) => l.includes(`/pulls/${n}`))).toEqual([`GET …/pulls/${n}`]);
    expect(snap.labels).toEqual(['autorelease: snapshot']);
    expect(th.tags()).toEqual(tagsBefore);
    expect(th.releases).toEqual([]);
    expect(failedChecks(th).filter((c) => c.head_sha === th.repo.head())).toEqual([]);
    expect(openPr(th)?.title).toBe('chore(main): release 1.2.4');

    th.repo.commit('docs: readme', { 'README.md': 'app\n' });
    mark = th.gh.requests.length;
    await th.push();
    expect(th.lines(mark).filter((l) => l.includes(`/${n}`))).toEqual([]);
    expect(snap.labels).toEqual(['autorelease: snapshot']);
  }, 120_000);

  it('merged with its label, its closed event lost: not listed as unfinished, no request spent on it', async () => {
    th = await tagHarness(
      mavenRepo('rl-e2e-snap-', { 'snapshot-label': 'java: snapshot', 'extra-label': 'bot' }),
    );
    await th.push();
    const snap = openPr(th)!;
    expect(snap.labels).toEqual(['java: snapshot', 'bot']);
    const n = mergeSilently();

    th.repo.commit('fix: rounding in totals', { 'src/main/java/App.java': 'class App { int x; }\n' });
    const mark = th.gh.requests.length;
    await th.push();
    expect(th.lines(mark).filter((l) => l.includes(`/${n}`))).toEqual([]);
    expect(snap.labels).toEqual(['java: snapshot', 'bot']);
    const rel = openPr(th)!;
    expect(rel.title).toBe('chore(main): release 1.2.4');
    expect(rel.labels).toEqual(['autorelease: pending', 'bot']);
  }, 120_000);
});

describe('grouped PR (separate-pull-requests false): the SNAPSHOT bump is one entry', () => {
  let th: TagHarness;
  afterEach(() => th.close());

  /** maven `a` released at 1.0.0, node `b` at 1.0.0 with a feature since. */
  function groupedRepo() {
    const repo = createTestRepo('rl-e2e-snapg-');
    repo.commit('chore: initial', {
      'release-please-config.json': json({
        'separate-pull-requests': false,
        packages: {
          a: { 'release-type': 'maven', component: 'a' },
          b: { 'release-type': 'node', component: 'b' },
        },
      }),
      '.release-please-manifest.json': json({ a: '1.0.0', b: '1.0.0' }),
      'a/pom.xml': pom('1.0.0', 'a'),
      'b/package.json': json({ name: 'b', version: '1.0.0' }),
    });
    repo.tag('a-v1.0.0', { message: 'a-v1.0.0' });
    repo.tag('b-v1.0.0', { message: 'b-v1.0.0' });
    repo.commit('feat: faster parser', { 'b/index.js': 'exports.x = 1;\n' });
    return repo;
  }

  it.each<Style>(['squash', 'merge'])(
    'merged by %s: b tagged, a not; the next push sees the SNAPSHOT bump as done',
    async (style) => {
      th = await tagHarness(groupedRepo());
      await th.push();
      const pr = openPr(th)!;
      expect(pr.head).toBe('release-please--branches--main');
      expect(pr.title).toBe('chore: release main');
      expect(pr.labels).toEqual(['autorelease: pending', 'autorelease: snapshot']);
      expect(pr.body).toContain(`<details><summary>a: 1.0.1-SNAPSHOT</summary>\n\n${SNAPSHOT_NOTES}`);
      expect(pr.body).toContain('<details><summary>b: 1.1.0</summary>');
      expect(changedFiles(th, pr.head)).toEqual([
        '.release-please-manifest.json',
        'a/pom.xml',
        'b/CHANGELOG.md',
        'b/package.json',
      ]);
      expect(th.gh.fileAt(pr.head, 'a/pom.xml')).toBe(pom('1.0.1-SNAPSHOT', 'a'));
      expect(th.gh.fileAt(pr.head, '.release-please-manifest.json')).toBe(json({ a: '1.0.0', b: '1.1.0' }));

      const { mergeSha } = await mergeOpenPr(th, style);
      expect(th.tags()['b-v1.1.0']).toBe(mergeSha);
      expect(Object.keys(th.tags()).sort()).toEqual(['a-v1.0.0', 'b-v1.0.0', 'b-v1.1.0']);
      expect(th.releases.map((r) => r.tag_name)).toEqual(['b-v1.1.0']);
      expect(pr.labels).toContain('autorelease: tagged');
      expect(pr.labels).not.toContain('autorelease: pending');
      expect(failedChecks(th)).toEqual([]);

      // a's SNAPSHOT bump is done: nothing left to propose, even after an unrelated push
      expect(th.gh.prs.filter((p) => p.state === 'open')).toEqual([]);
      th.repo.commit('chore: tidy', { 'notes.txt': 'x\n' });
      await th.push();
      expect(th.gh.prs.filter((p) => p.state === 'open')).toEqual([]);

      // a fix in a: its release 1.0.1 (the SNAPSHOT version's release)
      th.repo.commit('fix: overflow', { 'a/src/A.java': 'class A {}\n' });
      await th.push();
      const rel = openPr(th)!;
      expect(rel.body).toContain('<details><summary>a: 1.0.1</summary>');
      expect(rel.body).not.toContain('SNAPSHOT');
      expect(rel.labels).toEqual(['autorelease: pending']);
      expect(th.gh.fileAt(rel.head, 'a/pom.xml')).toBe(pom('1.0.1', 'a'));
    },
    120_000,
  );
});
