/**
 * Who may trigger tagging, and what happens when tagging cannot finish: conflicts (RL300, nothing
 * written), rulesets (RL301, version tags and Releases kept, retry resumes), server errors mid-run
 * (a retry resumes without duplicates and ends in the same state as an uninterrupted run).
 */
import { latticeRepo, wallosRepo } from './helpers/repos.js';
import { deliverMerge, openAndMerge, releaseAndMerge, PENDING_LABEL } from './helpers/scenario.js';
import { closedPayload, retryPayload, tagHarness, type TagHarness } from './helpers/tag-github.js';

const tagWrites = (th: TagHarness, from: number) =>
  th.gh.requests
    .slice(from)
    .filter(
      (r) =>
        r.path !== '/graphql' &&
        (/\/git\/(tags|refs\/tags)|\/releases/.test(r.path) || JSON.stringify(r.body).includes('refs/tags/')),
    );

describe('who triggers tagging', () => {
  let th: TagHarness;
  beforeEach(async () => {
    th = await tagHarness(wallosRepo());
  });
  afterEach(() => th.close());

  const variants: [string, Partial<Parameters<typeof closedPayload>[0]>][] = [
    [
      'a human PR with the pending label and a release-lanes/ branch',
      { user: { login: 'mallory', type: 'User' } },
    ],
    ['another bot', { user: { login: 'dependabot[bot]', type: 'Bot' } }],
    ['a fork PR with the same label and branch name', { headRepo: 'mallory/mono' }],
    ['a PR closed without merging', { merged: false }],
    ['a PR whose body does not end with our plan marker', { body: 'chore: release main\n\nby hand' }],
    ['a PR from another branch', { head: 'feature/release-lanes' }],
    ['a PR merged into another branch', { base: 'develop' }],
  ];
  it.each(variants)('%s does nothing', async (_name, override) => {
    const m = await openAndMerge(th);
    const base = m.payload.pull_request as { body: string; head: { ref: string } };
    const payload = closedPayload({
      number: m.number,
      mergeSha: m.mergeSha,
      head: base.head.ref,
      body: base.body,
      labels: [PENDING_LABEL.name],
      ...override,
    });
    const mark = th.gh.requests.length;
    await th.deliver('pull_request', payload);
    expect(th.lines(mark)).toEqual([]);
    expect(th.tags()['v1.0.1']).toBeUndefined();
    expect(th.releases).toEqual([]);
  });

  it('our PR whose pending label never came (the label request failed) is tagged all the same', async () => {
    const m = await openAndMerge(th);
    const pr = th.gh.prs.find((p) => p.number === m.number)!;
    pr.labels.length = 0;
    const base = m.payload.pull_request as { body: string; head: { ref: string } };
    await th.deliver(
      'pull_request',
      closedPayload({
        number: m.number,
        mergeSha: m.mergeSha,
        head: base.head.ref,
        body: base.body,
        labels: [],
      }),
    );
    expect(th.tags()['v1.0.1']).toBe(m.mergeSha);
    expect(th.releases.map((r) => r.tag_name)).toEqual(['v1.0.1']);
    expect(pr.labels).toEqual(['release-lanes: tagged']);
  });

  it('a redelivery of a finished release writes no tag and leaves a passing check', async () => {
    const m = await releaseAndMerge(th);
    const tags = th.tags();
    const mark = th.gh.requests.length;
    await th.deliver('pull_request', {
      ...m.payload,
      pull_request: { ...(m.payload.pull_request as object), labels: [{ name: 'release-lanes: tagged' }] },
    });
    expect(tagWrites(th, mark)).toEqual([]);
    expect(th.tags()).toEqual(tags);
    expect(th.lines(mark).filter((l) => l.startsWith('POST …/check-runs'))).toHaveLength(1);
    expect(th.gh.checkRuns.at(-1) as { head_sha: string; conclusion: string }).toMatchObject({
      head_sha: m.mergeSha,
      conclusion: 'success',
    });
  });

  it('the App itself is recognised through GET /app (asked once)', async () => {
    const m = await releaseAndMerge(th);
    expect(th.tags()['v1.0.1']).toBe(m.mergeSha);
    await th.deliver('pull_request', m.payload); // a redelivery
    expect(th.appRequests()).toBe(1);
  });
});

describe('failures', () => {
  let th: TagHarness;
  afterEach(() => th.close());

  it('RL300: a version tag at another commit stops the run before any write', async () => {
    th = await tagHarness(wallosRepo());
    const m = await openAndMerge(th);
    th.repo.tag('v1.0.1', { ref: 'HEAD~2' }); // someone tagged v1.0.1 by hand, elsewhere
    const before = th.tags();
    const r = await deliverMerge(th, m);
    expect(th.lines(r.mark)).toEqual([
      'POST /graphql releaseLanesBootstrap',
      'POST …/check-runs',
      `POST …/issues/${m.number}/comments`,
    ]);
    expect(th.tags()).toEqual(before);
    expect(th.releases).toEqual([]);
    const check = th.gh.checkRuns.at(-1) as {
      conclusion: string;
      head_sha: string;
      output: { title: string; summary: string };
    };
    expect(check.conclusion).toBe('failure');
    expect(check.head_sha).toBe(m.mergeSha);
    expect(check.output.title).toBe('RL300 Version tag already exists at another commit');
    expect(check.output.summary).toContain('Nothing was written.');
    const pr = th.gh.prs.find((p) => p.number === m.number)!;
    expect(pr.labels).toContain(PENDING_LABEL.name);
  });

  it('RL301: a ruleset refusing `latest` keeps v1.0.1 and its Release; a retry resumes', async () => {
    th = await tagHarness(wallosRepo());
    const rule = { message: 'Repository rule violations found\n\nCannot update this protected ref.\n\n' };
    th.failTag('PATCH', /\/git\/refs\/tags\/latest$/, 422, rule);
    const m = await releaseAndMerge(th);
    expect(th.lines(m.mark).slice(0, 8)).toEqual([
      'POST /graphql releaseLanesBootstrap',
      'POST /graphql releaseLanesBootstrap',
      'POST …/git/tags',
      'POST …/git/refs',
      'POST …/releases',
      'PATCH …/git/refs/tags/latest', // 422
      'POST …/check-runs',
      `POST …/issues/${m.number}/comments`,
    ]);
    const check = th.gh.checkRuns.at(-1) as { output: { title: string; summary: string } };
    expect(check.output.title).toBe('RL301 Tag ruleset refused the update');
    expect(check.output.summary).toContain('create v1.0.1 (version)');
    const pr = th.gh.prs.find((p) => p.number === m.number)!;
    expect(pr.comments.at(-1)).toContain('Repository rule violations');
    expect(pr.comments.at(-1)).toContain('`create v1.0.1 (version)`');
    expect(pr.labels).toEqual([PENDING_LABEL.name]);
    const oldLatest = th.repo.git('rev-parse', 'refs/tags/v1.0.0^{commit}');
    expect(th.tags()).toMatchObject({ 'v1.0.1': m.mergeSha, latest: oldLatest });
    expect(th.releases).toHaveLength(1);

    // the ruleset now lets the App bypass it: `/release-lanes retry` on the merged PR
    const mark = th.gh.requests.length;
    await th.deliver('issue_comment', retryPayload(m.number, [PENDING_LABEL.name]));
    expect(tagWrites(th, mark).map((r) => `${r.method} ${r.path.split('/mono')[1]} ${r.status}`)).toEqual([
      'POST /releases 422', // exists: left alone
      'PATCH /git/refs/tags/latest 200',
    ]);
    expect(th.tags()).toMatchObject({ 'v1.0.1': m.mergeSha, latest: m.mergeSha });
    expect(th.releases).toHaveLength(1);
    expect(pr.labels).toEqual(['release-lanes: tagged']);
  });

  it('a 500 mid-run (3 of 5 lanes) then retries: no duplicates, same end state as an uninterrupted run', async () => {
    // the uninterrupted run
    const clean = await tagHarness(latticeRepo());
    const c = await releaseAndMerge(clean);
    const cleanTags = clean.repo.git('for-each-ref', '--format=%(refname) %(objectname)', 'refs/tags');
    const cleanReleases = clean.releases.map((r) => JSON.stringify(r));
    const cleanNames = Object.keys(clean.tags());
    clean.close();

    th = await tagHarness(latticeRepo());
    // the agent's Release fails (its tag exists by then), then the docs tag object fails on the first retry
    th.failTag(
      'POST',
      /\/releases$/,
      500,
      { message: 'Server Error' },
      1,
      (b) => b.tag_name === 'agent-v0.2.0',
    );
    th.failTag('POST', /\/git\/tags$/, 502, { message: 'Bad Gateway' }, 1, (b) => b.tag === 'docs-v1.0.1');
    const m = await releaseAndMerge(th);
    expect(m.mergeSha).toBe(c.mergeSha); // deterministic repositories: same commits
    const firstTags = th.tags();
    expect(Object.keys(firstTags).filter((t) => !cleanNames.includes(t))).toEqual([]);
    expect(firstTags['agent-v0.2.0']).toBe(m.mergeSha);
    expect(firstTags['docs-v1.0.1']).toBeUndefined();
    expect(th.releases.map((r) => r.tag_name)).toEqual(['sdk-v1.3.0', 'server-v0.4.1-alpha.1']);
    expect((th.gh.checkRuns.at(-1) as { output: { title: string } }).output.title).toMatch(/^RL403 /);

    let mark = th.gh.requests.length;
    await th.deliver('issue_comment', retryPayload(m.number, [PENDING_LABEL.name]));
    expect(tagWrites(th, mark).map((r) => `${r.method} ${r.path.split('/mono')[1]} ${r.status}`)).toEqual([
      'POST /releases 422', // sdk: exists
      'POST /releases 422', // server: exists
      'GET /releases 200', // agent's Release is a draft (no tag until published): is it there already?
      'POST /releases 201', // agent: its tag is in place (unchanged), its Release is made now
      'POST /git/tags 502', // docs
    ]);

    mark = th.gh.requests.length;
    await th.deliver('issue_comment', retryPayload(m.number, [PENDING_LABEL.name]));
    const writes = tagWrites(th, mark).filter((r) => r.status < 300);
    expect(writes.map((r) => `${r.method} ${r.path.split('/mono')[1]}`)).toEqual([
      'GET /releases', // agent's draft Release exists already: nothing to create
      'POST /git/tags',
      'POST /git/refs', // docs: tag only (`release: false` in the Lattice example)
      'POST /git/tags',
      'POST /git/refs', // plugin-index: tag only
    ]);
    expect(th.repo.git('for-each-ref', '--format=%(refname) %(objectname)', 'refs/tags')).toBe(cleanTags);
    expect(th.releases.map((r) => JSON.stringify(r))).toEqual(cleanReleases);
    expect(th.gh.prs.find((p) => p.number === m.number)!.labels).toEqual(['release-lanes: tagged']);

    // once tagged, a retry comment is ignored (the label is no longer pending)
    mark = th.gh.requests.length;
    await th.deliver('issue_comment', retryPayload(m.number, ['release-lanes: tagged']));
    expect(tagWrites(th, mark)).toEqual([]);
  });
});

describe('the next push finishes a tagging run that did not', () => {
  let th: TagHarness;
  afterEach(() => th.close());

  it('tags the merged release first instead of proposing its versions again', async () => {
    th = await tagHarness(wallosRepo());
    th.failTag('POST', /\/git\/tags$/, 502, { message: 'Bad Gateway' }, 1);
    const m = await releaseAndMerge(th);
    expect(th.tags()['v1.0.1']).toBeUndefined(); // the run failed before the version tag
    expect(th.gh.prs.find((p) => p.number === m.number)!.labels).toContain(PENDING_LABEL.name);

    // an ordinary push to main, no retry comment, no redelivery
    th.repo.commit('docs: explain the image tags', { 'docs/tags.md': '# tags\n' });
    const mark = th.gh.requests.length;
    await th.push();
    expect(th.tags()['v1.0.1']).toBe(m.mergeSha);
    expect(th.releases.map((r) => r.tag_name)).toEqual(['v1.0.1']);
    expect(th.gh.prs.find((p) => p.number === m.number)!.labels).toEqual(['release-lanes: tagged']);
    // the unfinished release shows in the bootstrap query (no lookup of its own); the PR is read in full
    // once, and no release PR proposes 1.0.1 again
    expect(th.lines(mark).filter((l) => l.startsWith('GET …/pulls'))).toEqual([`GET …/pulls/${m.number}`]);
    expect(th.gh.prs.filter((p) => p.number !== m.number)).toEqual([]);

    // the push after that is an ordinary one: no read of merged PRs
    th.repo.commit('docs: more', { 'docs/tags.md': '# tags\n\nmore\n' });
    const mark2 = th.gh.requests.length;
    await th.push();
    expect(th.lines(mark2).filter((l) => l.startsWith('GET …/pulls'))).toEqual([]);
  });
});
