import { runCli } from '../helpers/run-cli.js';
/**
 * The Action and `release-lanes release-pr|release --repo` on a release-please maven repository: after a
 * release they open the Java SNAPSHOT PR; once it is merged they tag nothing (no attempt), and propose the
 * next release.
 */
import { createOctokit } from '../../src/adapters/github/octokit.js';
import { mavenRepo, pom } from '../helpers/maven-repo.js';
import { actionHarness, NOW, type ActionHarness } from './helpers.js';

const SLOW = 120_000;
/** Squash-merge the open PR in git as GitHub does; no event. */
function squash(ah: ActionHarness, author: string) {
  const { th } = ah;
  const pr = th.gh.prs.find((p) => p.state === 'open')!;
  th.repo.git('merge', '--squash', '-q', pr.head);
  const sha = th.repo.commit(`${pr.title} (#${pr.number})`);
  pr.state = 'closed';
  th.merges.set(pr.number, { sha, user: { login: author, type: 'Bot' } });
  return { pr, sha };
}

const cli = (argv: string[]) =>
  runCli(argv, process.cwd(), NOW, {
    env: { GITHUB_TOKEN: 'ghp_alice' },
    octokit: (o) => createOctokit({ ...o, resilient: false }),
  });

/** Requests that tag or publish (or read a merged PR to tag it). */
const tagging = (ah: ActionHarness, from: number) =>
  ah.th
    .lines(from)
    .filter((l) => /\/git\/tags|\/git\/refs\/tags|\/releases|\/pulls\/\d+$|\/check-runs/.test(l));

describe('Java SNAPSHOT PRs through the Action', () => {
  let ah: ActionHarness;
  beforeEach(async () => {
    ah = await actionHarness(mavenRepo('rl-action-snap-'));
    ah.th.gh.actor = 'github-actions[bot]';
  }, SLOW);
  afterEach(() => ah.close());

  it(
    'opens the SNAPSHOT PR; once merged, tags nothing and proposes the release',
    async () => {
      const first = await ah.run();
      expect(first.lines.filter((l) => l.startsWith('::error'))).toEqual([]);
      expect(first.code).toBe(0);
      const snap = ah.th.gh.prs.find((p) => p.state === 'open')!;
      expect(snap).toMatchObject({
        head: 'release-please--branches--main',
        title: 'chore(main): release 1.2.4-SNAPSHOT',
        labels: ['autorelease: snapshot'],
        author: 'github-actions[bot]',
      });
      expect(ah.th.gh.fileAt(snap.head, 'pom.xml')).toBe(pom('1.2.4-SNAPSHOT'));
      expect(ah.th.gh.fileAt(snap.head, 'CHANGELOG.md')).toBeNull();
      expect(first.outputs).toMatchObject({ releases_created: 'false', prs_created: 'true' });

      ah.th.repo.commit('fix: rounding', { 'App.java': 'class App {}\n' });
      const merged = squash(ah, 'github-actions[bot]');
      const mark = ah.th.gh.requests.length;
      const run = await ah.run({ after: merged.sha });
      expect(run.lines.filter((l) => l.startsWith('::error'))).toEqual([]);
      expect(run.code).toBe(0);
      expect(tagging(ah, mark)).toEqual([]);
      expect(Object.keys(ah.th.tags())).toEqual(['v1.2.3']);
      expect(ah.th.releases).toEqual([]);
      expect(run.outputs).toMatchObject({ releases_created: 'false', tags: '[]', prs_created: 'true' });
      expect(merged.pr.labels).toEqual(['autorelease: snapshot']);
      const rel = ah.th.gh.prs.find((p) => p.state === 'open')!;
      expect(rel.title).toBe('chore(main): release 1.2.4');
      expect(rel.labels).toEqual(['autorelease: pending']);
      expect(ah.th.gh.fileAt(rel.head, 'pom.xml')).toBe(pom('1.2.4'));
    },
    SLOW,
  );
});

describe('Java SNAPSHOT PRs through `release-lanes release-pr|release --repo`', () => {
  let ah: ActionHarness;
  beforeEach(async () => {
    ah = await actionHarness(mavenRepo('rl-action-snap-'), { user: 'alice', viewer: 'alice' });
    ah.th.gh.actor = 'alice';
  }, SLOW);
  afterEach(() => ah.close());

  it(
    'release-pr opens the SNAPSHOT PR; once merged, release has nothing to tag',
    async () => {
      const opened = await cli(['release-pr', '--repo', 'acme/mono']);
      expect(opened.code).toBe(0);
      const snap = ah.th.gh.prs.find((p) => p.state === 'open')!;
      expect(snap.title).toBe('chore(main): release 1.2.4-SNAPSHOT');
      expect(snap.labels).toEqual(['autorelease: snapshot']);
      expect(opened.stdout).toContain(`#${snap.number} release-please--branches--main: ${snap.title}`);

      squash(ah, 'alice');
      const mark = ah.th.gh.requests.length;
      const released = await cli(['release', '--repo', 'acme/mono']);
      expect(released).toMatchObject({ code: 0, stdout: 'nothing to release\n' });
      expect(tagging(ah, mark)).toEqual([]);
      expect(ah.th.gh.writes().filter((r) => ah.th.gh.requests.indexOf(r) >= mark)).toEqual([]);
      expect(Object.keys(ah.th.tags())).toEqual(['v1.2.3']);
    },
    SLOW,
  );
});
