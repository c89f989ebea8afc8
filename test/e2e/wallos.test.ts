/** Wallos: SemVer tags from conventional commits, a GitHub Release per version, `latest` for the image. */
import { wallosRepo } from './helpers/repos.js';
import { releaseAndMerge } from './helpers/scenario.js';
import { tagHarness, type TagHarness } from './helpers/tag-github.js';

describe('Wallos: v1.2.3 tags and a GitHub Release', () => {
  let th: TagHarness;
  beforeEach(async () => {
    th = await tagHarness(wallosRepo());
  });
  afterEach(() => th.close());

  it('a fix releases v1.0.1: annotated tag with the changelog, Release with escaped notes, latest moves', async () => {
    const m = await releaseAndMerge(th);
    expect(th.lines(m.mark).slice(0, 10)).toEqual([
      'POST /graphql releaseLanesBootstrap',
      'POST /graphql releaseLanesBootstrap',
      'POST …/git/tags',
      'POST …/git/refs',
      'POST …/releases',
      'PATCH …/git/refs/tags/latest',
      `POST …/issues/${m.number}/comments`,
      'POST …/check-runs', // a passing check on the merge commit
      `DELETE …/issues/${m.number}/labels/release-lanes: pending`, // pending goes first
      `POST …/issues/${m.number}/labels`, // then tagged: the mark of a finished release
    ]);
    const tagBody = th.gh.requests.find((r) => r.path.endsWith('/git/tags'))!.body as Record<string, string>;
    expect(tagBody).toMatchObject({ tag: 'v1.0.1', object: m.mergeSha, type: 'commit' });
    expect(tagBody.message).toMatch(/^## \[?1\.0\.1/);
    expect(th.tagMessage('v1.0.1')).toContain('currency rounding');
    const [release] = th.releases;
    expect(release).toMatchObject({ tag_name: 'v1.0.1', name: 'v1.0.1', prerelease: false, draft: false });
    // user text from the commit is escaped: no ping, no HTML
    expect(release!.body).toContain('currency rounding');
    expect(release!.body).not.toMatch(/(^|[^`])@everyone/);
    expect(release!.body).not.toContain('<script>');
    expect(th.tags()).toMatchObject({ 'v1.0.1': m.mergeSha, latest: m.mergeSha });
  });

  it('a squash merge is tagged the same way (the squash commit is the release commit)', async () => {
    const m = await releaseAndMerge(th, { squash: true });
    expect(th.repo.git('rev-list', '--parents', '-n', '1', m.mergeSha).split(' ')).toHaveLength(2);
    expect(th.tags()).toMatchObject({ 'v1.0.1': m.mergeSha, latest: m.mergeSha });
    expect(th.releases.map((r) => r.tag_name)).toEqual(['v1.0.1']);
  });
});
