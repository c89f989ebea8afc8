/**
 * Lattice: server image, node agent, SDK, docs and plugin index as five lanes. Merging the release PR tags
 * the SDK first (server and agent depend on it), creates a GitHub Release per version tag (a Release per
 * agent tag), and moves the server's `alpha` channel right after the server's own tag and Release.
 */
import { latticeRepo } from './helpers/repos.js';
import { releaseAndMerge } from './helpers/scenario.js';
import { tagHarness, type TagHarness } from './helpers/tag-github.js';

describe('Lattice: five lanes, SDK first, latest + alpha, a Release per tag', () => {
  let th: TagHarness;
  beforeEach(async () => {
    th = await tagHarness(latticeRepo());
  });
  afterEach(() => th.close());

  it('tags in dependency order, each lane: version tag, Release, then its channel tags', async () => {
    const initial = th.tags();
    const m = await releaseAndMerge(th);
    const manifest = JSON.parse(th.gh.fileAt(m.mergeSha, '.release-lanes-manifest.json')!) as Record<
      string,
      string
    >;
    expect(manifest).toEqual({
      sdk: '1.3.0',
      server: '0.4.1-alpha.1',
      agent: '0.2.0',
      docs: '1.0.1',
      'plugin-index': '0.2.0',
    });

    const lines = th.lines(m.mark);
    const tagging = lines.slice(0, lines.indexOf(`POST …/issues/${m.number}/labels`) + 1);
    expect(tagging).toEqual([
      'POST /graphql releaseLanesBootstrap', // config + manifest at the merge commit and its parent, tags
      'POST /graphql releaseLanesBootstrap', // the five CHANGELOG.md files at the merge commit
      'POST …/git/tags', // sdk-v1.3.0 (annotated)
      'POST …/git/refs',
      'POST …/releases',
      'POST …/git/tags', // server-v0.4.1-alpha.1
      'POST …/git/refs',
      'POST …/releases',
      'POST …/git/refs', // alpha (new channel tag); latest stays at 0.4.0: an alpha is not stable
      'POST …/git/tags', // agent-v0.2.0
      'POST …/git/refs',
      'GET …/releases', // a draft is looked up first (GitHub does not tie drafts to tags)
      'POST …/releases',
      'POST …/git/tags', // docs-v1.0.1 (`release: false`: no Release)
      'POST …/git/refs',
      'POST …/git/tags', // plugin-index-v0.2.0 (`release: false`)
      'POST …/git/refs',
      `POST …/issues/${m.number}/comments`,
      'POST …/check-runs', // a passing check on the merge commit
      `DELETE …/issues/${m.number}/labels/release-lanes: pending`, // pending goes first
      `POST …/issues/${m.number}/labels`, // then tagged: the mark of a finished release
    ]);
    // the refs are created in dependency order: the SDK's first
    const refs = th.gh.requests
      .slice(m.mark)
      .filter((r) => r.method === 'POST' && r.path.endsWith('/git/refs'))
      .map((r) => (r.body as { ref: string }).ref);
    expect(refs.slice(0, 6)).toEqual([
      'refs/tags/sdk-v1.3.0',
      'refs/tags/server-v0.4.1-alpha.1',
      'refs/tags/alpha',
      'refs/tags/agent-v0.2.0',
      'refs/tags/docs-v1.0.1',
      'refs/tags/plugin-index-v0.2.0',
    ]);
    // everything after the report only reads (the release PRs are refreshed)
    expect(
      lines.slice(tagging.length).every((l) => l.startsWith('POST /graphql') || l.startsWith('GET')),
    ).toBe(true);

    const tags = th.tags();
    for (const t of [
      'sdk-v1.3.0',
      'server-v0.4.1-alpha.1',
      'agent-v0.2.0',
      'docs-v1.0.1',
      'plugin-index-v0.2.0',
      'alpha',
    ]) {
      expect(tags[t]).toBe(m.mergeSha);
    }
    expect(tags.latest).toBe(initial.latest);
    for (const t of Object.keys(initial)) expect(tags[t]).toBe(initial[t]);
    expect(th.tagType('sdk-v1.3.0')).toBe('tag');
    expect(th.tagMessage('sdk-v1.3.0')).toContain('shared node model');
    expect(th.tagType('alpha')).toBe('commit');

    // one Release per lane that wants one; only the server may be Latest (and an alpha never is)
    expect(th.releases.map((r) => [r.tag_name, r.name, r.prerelease, r.draft, r.make_latest])).toEqual([
      ['sdk-v1.3.0', 'sdk 1.3.0', false, false, 'false'],
      ['server-v0.4.1-alpha.1', 'server 0.4.1-alpha.1', true, false, 'false'],
      ['agent-v0.2.0', 'lattice-agent 0.2.0', false, true, 'false'],
    ]);
    const agent = th.releases.find((r) => r.tag_name === 'agent-v0.2.0')!;
    expect(agent.body).toContain('report the version');
    expect(agent.body).not.toMatch(/^## /); // the release body is the entry without its heading

    const pr = th.gh.prs.find((p) => p.number === m.number)!;
    expect(pr.labels).toEqual(['release-lanes: tagged']);
    expect(pr.comments.at(-1)).toContain('`create sdk-v1.3.0 →');
    expect(pr.comments.at(-1)).toContain('`create release lattice-agent 0.2.0`');
  });

  it('a redelivered merge event writes no tag, creates no second Release and no second comment', async () => {
    const m = await releaseAndMerge(th);
    const before = th.tags();
    const comments = th.gh.prs.find((p) => p.number === m.number)!.comments.length;
    const mark = th.gh.requests.length;
    await th.deliver('pull_request', m.payload); // GitHub redelivers the original payload (label: pending)
    const lines = th.lines(mark);
    expect(lines.slice(0, 2)).toEqual([
      'POST /graphql releaseLanesBootstrap',
      'POST /graphql releaseLanesBootstrap',
    ]);
    expect(lines.filter((l) => /git\/(tags|refs)/.test(l))).toEqual([]);
    expect(
      th.gh.requests
        .slice(mark)
        .filter((r) => r.path.endsWith('/releases'))
        .map((r) => r.status),
    ).toEqual([422, 422, 200]); // sdk, server; the agent's draft is found by the listing
    expect(th.tags()).toEqual(before);
    expect(th.releases).toHaveLength(3);
    expect(th.gh.prs.find((p) => p.number === m.number)!.comments).toHaveLength(comments);
  });
});
