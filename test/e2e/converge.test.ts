/**
 * Issue 12: a human look-alike PR does not stop release PRs; `/release-lanes retry` never opens a release
 * PR while a merged release is unfinished; a check run's "Re-run" finishes a release.
 */
import { wallosRepo } from './helpers/repos.js';
import { openAndMerge, PENDING_LABEL } from './helpers/scenario.js';
import { rerequestedPayload, retryPayload, tagHarness, type TagHarness } from './helpers/tag-github.js';

const RATE_LIMIT = {
  message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
};

describe('converging', () => {
  let th: TagHarness;
  beforeEach(async () => {
    th = await tagHarness(wallosRepo());
  });
  afterEach(() => th.close());

  it('a merged human PR with the pending label that bumps the manifest does not stop release PRs', async () => {
    const manifest = JSON.parse(th.gh.fileAt('main', '.release-lanes-manifest.json')!) as Record<
      string,
      string
    >;
    const bump = th.repo.commit('chore: release main', {
      '.release-lanes-manifest.json': `${JSON.stringify({ ...manifest, wallos: '1.0.1' }, null, 2)}\n`,
    });
    th.gh.prs.push({
      number: 7,
      title: 'chore: release main',
      body: 'looks like a release',
      head: 'release-lanes/main',
      base: 'main',
      state: 'closed',
      labels: [PENDING_LABEL.name],
      comments: [],
      author: 'mallory',
    });
    th.merges.set(7, { sha: bump, user: { login: 'mallory', type: 'User' }, headRepo: 'acme/mono' });
    th.repo.commit('fix: a real fix', { 'index.php': '<?php // fixed twice\n' });
    await th.push();
    expect(th.lines()).toContain('POST /graphql releaseLanesState'); // planned and applied, not stopped
    expect(th.gh.prs.filter((p) => p.state === 'open')).toHaveLength(1);
    expect(th.tags()['v1.0.1']).toBeUndefined();
    expect(th.gh.prs.find((p) => p.number === 7)!.labels).toEqual([PENDING_LABEL.name]);
  });

  it('retry on a merged release whose tagging keeps failing opens no release PR; once it passes, one release', async () => {
    const m = await openAndMerge(th);
    th.failTag('POST', /\/git\/tags$/, 403, RATE_LIMIT, 2);
    await th.deliver('pull_request', m.payload);
    expect(th.tags()['v1.0.1']).toBeUndefined();
    const opened = () => th.gh.requests.filter((r) => r.method === 'POST' && /\/pulls$/.test(r.path)).length;
    const before = opened();

    await th.deliver('issue_comment', retryPayload(m.number, [PENDING_LABEL.name])); // still rate limited
    expect(opened()).toBe(before);
    expect(th.gh.prs.filter((p) => p.state === 'open')).toEqual([]);
    expect((th.gh.checkRuns.at(-1) as { conclusion: string }).conclusion).toBe('failure');

    await th.deliver('issue_comment', retryPayload(m.number, [PENDING_LABEL.name]));
    expect(th.tags()['v1.0.1']).toBe(m.mergeSha);
    expect(opened()).toBe(before);
    expect(Object.keys(th.tags()).filter((t) => /^v\d/.test(t))).toEqual(['v1.0.0', 'v1.0.1']);
    expect(th.gh.prs.find((p) => p.number === m.number)!.labels).toEqual(['release-lanes: tagged']);
    const last = th.gh.checkRuns.at(-1) as { conclusion: string; head_sha: string };
    expect(last).toMatchObject({ conclusion: 'success', head_sha: m.mergeSha });
  });

  it('"Re-run" on another check run than release-lanes\' does nothing', async () => {
    await th.deliver('check_run', rerequestedPayload(th.repo.head(), 'ci'));
    expect(th.gh.requests).toEqual([]);
  });

  it('"Re-run" on the failing check finishes a release whose Release and channel tag are missing', async () => {
    const m = await openAndMerge(th);
    th.failTag('POST', /\/releases$/, 500, { message: 'Server Error' });
    await th.deliver('pull_request', m.payload);
    expect(th.tags()['v1.0.1']).toBe(m.mergeSha);
    expect(th.releases).toEqual([]);
    const failed = th.gh.checkRuns.at(-1) as { conclusion: string; head_sha: string };
    expect(failed).toMatchObject({ conclusion: 'failure', head_sha: m.mergeSha });

    await th.deliver('check_run', rerequestedPayload(m.mergeSha));
    expect(th.releases.map((r) => r.tag_name)).toEqual(['v1.0.1']);
    expect(th.tags().latest).toBe(m.mergeSha);
    expect(th.gh.prs.find((p) => p.number === m.number)!.labels).toEqual(['release-lanes: tagged']);
    const runs = (th.gh.checkRuns as { conclusion: string; head_sha: string }[]).filter(
      (c) => c.head_sha === m.mergeSha,
    );
    expect(runs.at(-1)!.conclusion).toBe('success');
  });
});
