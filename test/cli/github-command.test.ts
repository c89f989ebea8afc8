import { runCli } from '../helpers/run-cli.js';
import { createOctokit } from '../../src/adapters/github/octokit.js';
import { createSdkServerRepo } from '../handlers/helpers/monorepo.js';
import { actionHarness, mergeReleasePr, NOW, type ActionHarness } from '../action/helpers.js';

// Each test runs the Action or the CLI several times against a real git repository.
const SLOW = 120_000;

const cli = (argv: string[], env: Record<string, string> = {}) =>
  runCli(argv, process.cwd(), NOW, { env, octokit: (o) => createOctokit({ ...o, resilient: false }) });

describe('release-lanes release-pr / release --repo (writes to GitHub)', () => {
  let ah: ActionHarness;
  beforeEach(async () => {
    // a personal token: GET /user names its user, who then opens (and owns) the release PRs
    ah = await actionHarness(createSdkServerRepo(), { user: 'alice', viewer: 'alice' });
    ah.th.gh.actor = 'alice';
  }, SLOW);
  afterEach(() => ah.close());

  it(
    'opens the release PR, tags it once merged, and a second `release` writes nothing',
    async () => {
      const opened = await cli(['release-pr', '--repo', 'acme/mono', '--token', 'ghp_alice']);
      expect(opened.stderr).toContain('acting as alice');
      expect(opened.code).toBe(0);
      const pr = ah.th.gh.prs.find((p) => p.state === 'open')!;
      expect(pr.author).toBe('alice');
      expect(opened.stdout).toBe(`opened release PR #${pr.number} release-lanes/main: ${pr.title}\n`);
      expect(ah.identityRequests).toEqual(['GET /user']);

      const merged = mergeReleasePr(ah, 'alice');
      const released = await cli(['release', '--repo', 'acme/mono'], { GITHUB_TOKEN: 'ghp_alice' });
      expect(released.code).toBe(0);
      expect(ah.th.tags()['sdk-v1.4.0']).toBe(merged.sha);
      expect(ah.th.tags()['server-v0.4.1']).toBe(merged.sha);
      expect(ah.th.releases.map((r) => r.tag_name)).toEqual(['sdk-v1.4.0', 'server-v0.4.1']);
      expect(released.stdout).toContain(`released PR #${merged.number} at ${merged.sha.slice(0, 7)}:`);
      expect(released.stdout).toContain('  create sdk-v1.4.0 → ');
      expect(released.stdout).toContain('  create release sdk-v1.4.0\n');
      // `release` only tags: the release PRs are refreshed by `release-pr`
      expect(ah.th.gh.prs.filter((p) => p.state === 'open')).toEqual([]);

      const mark = ah.th.gh.requests.length;
      const again = await cli(['release', '--repo', 'acme/mono'], { GITHUB_TOKEN: 'ghp_alice' });
      expect(again).toMatchObject({ code: 0, stdout: 'nothing to release\n' });
      expect(
        ah.th.gh.requests.slice(mark).filter((r) => r.method !== 'GET' && r.path !== '/graphql'),
      ).toEqual([]);
    },
    SLOW,
  );

  it(
    '--dry-run reads GitHub and prints the writes without making one',
    async () => {
      const mark = ah.th.gh.requests.length;
      const run = await cli(['release-pr', '--repo', 'acme/mono', '--dry-run'], {
        GITHUB_TOKEN: 'ghp_alice',
      });
      expect(run.code).toBe(0);
      expect(
        ah.th.gh.requests.slice(mark).filter((r) => r.method !== 'GET' && r.path !== '/graphql'),
      ).toEqual([]);
      expect(ah.th.gh.prs).toEqual([]);
      expect(run.stdout).toMatch(/^ {2}write branch release-lanes\/main \(.*packages\/sdk\/package\.json/m);
      expect(run.stdout).toMatch(/^ {2}open PR release-lanes\/main → main: chore: release main/m);
    },
    SLOW,
  );

  it(
    'without a token: RL210, exit 2, no request',
    async () => {
      const mark = ah.th.gh.requests.length;
      const run = await cli(['release', '--repo', 'acme/mono']);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^error: RL210 GitHub token missing/);
      expect(ah.th.gh.requests.length).toBe(mark);
      expect(ah.identityRequests).toEqual([]);
    },
    SLOW,
  );

  it(
    'a bad --repo is RL211; release-pr without --repo or --dry-run is RL203',
    async () => {
      expect((await cli(['release', '--repo', 'mono', '--token', 't'])).stderr).toMatch(
        /RL211 .*"mono", not OWNER\/NAME/,
      );
      expect((await cli(['release-pr'])).stderr).toMatch(/RL203 .*needs --repo OWNER\/NAME/);
    },
    SLOW,
  );
});
