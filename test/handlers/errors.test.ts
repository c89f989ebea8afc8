import { harness, short, type AppHarness } from './helpers/setup.js';
import { createSdkServerRepo } from './helpers/monorepo.js';

let h: AppHarness;
afterEach(() => h?.close());
beforeEach(async () => {
  h = await harness(createSdkServerRepo());
});

type Check = {
  name: string;
  head_sha: string;
  conclusion: string;
  output: { title: string; summary: string };
};

describe('errors a maintainer can act on become a failing check run on the pushed commit', () => {
  test('invalid config on the default branch → RL102 with the file, line and fix; nothing else written', async () => {
    const { gh, repo } = h;
    const config = repo
      .git('show', 'main:.github/release-lanes.yml')
      .replace('depends-on: [sdk]', 'depends-on: [sdkk]');
    repo.commit('chore: config', { '.github/release-lanes.yml': config });
    await h.push();
    expect(short(gh.calls())).toEqual(['POST /graphql releaseLanesBootstrap', 'POST …/check-runs']);
    const check = gh.checkRuns[0] as Check;
    expect(check).toMatchObject({
      name: 'release-lanes',
      head_sha: repo.head(),
      conclusion: 'failure',
      status: 'completed',
    });
    expect(check.output.title).toBe('RL102 Unknown lane in depends-on');
    expect(check.output.summary).toContain(
      'RL102 Unknown lane in depends-on (.github/release-lanes.yml line 10',
    );
    expect(check.output.summary).toContain('sdkk');
    expect(check.output.summary).toContain('fix: Name an existing lane in `depends-on`');
    expect(gh.prs).toHaveLength(0);
  });

  test('config on another branch is never read: a push there reads the default branch only', async () => {
    const { gh, repo } = h;
    repo.checkout('feature', { create: true });
    repo.commit('chore: broken config', { '.github/release-lanes.yml': 'lanes: [' });
    await h.push({ ref: 'refs/heads/feature', after: repo.head() });
    // one read (are snapshots configured for this branch?), of the default branch, and nothing written
    expect(short(gh.calls())).toEqual(['POST /graphql releaseLanesBootstrap']);
    const body = (gh.requests[0] as { body: { variables: Record<string, string> } }).body;
    expect(Object.values(body.variables).filter((v) => String(v).includes('release-lanes.yml'))).toEqual([
      'refs/heads/main:.github/release-lanes.yml',
    ]);
    expect(gh.checkRuns).toHaveLength(0);
  });

  test('missing permission (403 on the tree) → RL400', async () => {
    const { gh } = h;
    gh.fail('POST', /\/git\/trees$/, 403, { message: 'Resource not accessible by integration' });
    await h.push();
    const check = gh.checkRuns[0] as Check;
    expect(check.output.title).toBe('RL400 Missing permission');
    expect(check.output.summary).toContain('Resource not accessible by integration');
    expect(check.output.summary).toContain('fix: Accept the permissions requested in app.yml');
  });

  test('protected branch / ruleset refusing the ref (422) → RL401', async () => {
    const { gh } = h;
    gh.fail('POST', /\/git\/refs$/, 422, {
      message: 'Repository rule violations found\n\nCannot create ref due to creations being restricted.',
    });
    await h.push();
    const check = gh.checkRuns[0] as Check;
    expect(check.output.title).toBe('RL401 Protected branch refused the push');
    expect(check.output.summary).toContain('Cannot create ref due to creations being restricted');
    expect(gh.prs).toHaveLength(0);
  });

  test('a version file that does not exist → RL120 naming the file', async () => {
    const { gh, repo } = h;
    const config = repo
      .git('show', 'main:.github/release-lanes.yml')
      .replace('path: packages/sdk/package.json', 'path: packages/sdk/nope.json');
    repo.commit('chore: config', { '.github/release-lanes.yml': config });
    await h.push();
    const check = gh.checkRuns[0] as Check;
    expect(check.output.title).toBe('RL120 Version file cannot be updated');
    expect(check.output.summary).toContain('packages/sdk/nope.json');
    expect(gh.writes().map((w) => w.path)).toEqual(['/repos/acme/mono/check-runs']);
  });
});
