/**
 * Wegent: eight images released in lockstep (one version, tag `1.2.3`, `latest` = newest stable release,
 * never the newest commit), and main snapshots on every push: `main-<short-sha>` first, then `main`/`edge`.
 */
import { createTestRepo } from '../helpers/git-repo.js';
import { exampleConfig, json, releaseAndMerge } from './helpers/scenario.js';
import { tagHarness, type TagHarness } from './helpers/tag-github.js';

const DIRS = {
  backend: 'backend',
  web: 'frontend',
  executor: 'executor',
  'executor-manager': 'executor_manager',
  'chat-shell': 'chat_shell',
  'knowledge-runtime': 'knowledge_runtime',
  'knowledge-doc-converter': 'knowledge_doc_converter',
  standalone: 'standalone',
};

function wegentRepo() {
  const repo = createTestRepo('rl-e2e-wegent-');
  const files: Record<string, string> = {
    '.github/release-lanes.yml': exampleConfig('wegent'),
    '.release-lanes-manifest.json': json(Object.fromEntries(Object.keys(DIRS).map((l) => [l, '1.2.2']))),
  };
  for (const dir of Object.values(DIRS)) files[`${dir}/Dockerfile`] = 'FROM scratch\n';
  repo.commit('chore: initial', files);
  repo.tag('1.2.2', { message: '1.2.2' });
  repo.tag('latest');
  repo.commit('feat(backend): knowledge base sharing', { 'backend/app.py': 'print(1)\n' });
  return repo;
}

/** `main` is both a branch and (a snapshot) tag here: `git rev-parse main` would pick the TAG. */
const pushMain = (th: TagHarness) => th.push({ after: th.repo.git('rev-parse', 'refs/heads/main') });

describe('Wegent: lockstep images, latest + 1.2.3, main/edge/main-<sha> snapshots', () => {
  let th: TagHarness;
  beforeEach(async () => {
    th = await tagHarness(wegentRepo());
  });
  afterEach(() => th.close());

  it('one shared version tag and one Release for the eight images, then `latest` moves', async () => {
    const old = th.tags();
    const m = await releaseAndMerge(th);
    const lines = th.lines(m.mark);
    expect(lines.slice(0, 10)).toEqual([
      'POST /graphql releaseLanesBootstrap',
      'POST /graphql releaseLanesBootstrap',
      'POST …/git/tags', // 1.3.0, annotated, for the whole group
      'POST …/git/refs',
      'POST …/releases',
      'PATCH …/git/refs/tags/latest', // after the version tag and its Release
      `POST …/issues/${m.number}/comments`,
      'POST …/check-runs', // a passing check on the merge commit
      `DELETE …/issues/${m.number}/labels/release-lanes: pending`, // pending goes first
      `POST …/issues/${m.number}/labels`, // then tagged: the mark of a finished release
    ]);
    const tags = th.tags();
    expect(tags['1.3.0']).toBe(m.mergeSha);
    expect(tags.latest).toBe(m.mergeSha);
    expect(tags['1.2.2']).toBe(old['1.2.2']);
    expect(th.releases).toHaveLength(1);
    expect(th.releases[0]).toMatchObject({
      tag_name: '1.3.0',
      name: 'Wegent 1.3.0',
      prerelease: false,
      make_latest: 'true', // the only lockstep group is the repository's latest by default
    });
    // one entry for the group: the backend (the only image with changes) one level below the version,
    // no empty section for the seven other images
    expect(th.releases[0]!.body).toBe(
      `### backend\n\n#### Features\n\n${th.releases[0]!.body.split('#### Features\n\n')[1]}`,
    );
    expect(th.releases[0]!.body).toContain('knowledge base sharing');
    expect(th.releases[0]!.body).not.toMatch(/### (web|standalone|executor)/);
    expect(th.tagMessage('1.3.0')).toMatch(
      /^## \[1\.3\.0\]\([^)]*\) \([0-9-]+\)\n\n### backend\n\n#### Features\n/,
    );

    // the PR read as one release: a short title, one changelog block, one CHANGELOG entry
    const pr = th.gh.prs.find((p) => p.number === m.number)!;
    expect(pr.title).toBe('chore: release wegent 1.3.0');
    expect(pr.body.match(/<details/g)).toHaveLength(1);
    expect(pr.body).toContain('<details open><summary><b>wegent</b> 1.3.0</summary>');
    expect(th.gh.fileAt(m.mergeSha, 'backend/CHANGELOG.md')).toContain('knowledge base sharing');
    for (const dir of ['frontend', 'executor', 'standalone'])
      expect(th.gh.fileAt(m.mergeSha, `${dir}/CHANGELOG.md`)).toBeNull();
  });

  it('every push to main: main-<12-char sha> is created first, then main and edge move to it', async () => {
    const feat = th.repo.git('rev-parse', 'refs/heads/main');
    const m = await releaseAndMerge(th); // its first push (the feat commit) created the snapshot tags
    let tags = th.tags();
    expect([tags[`main-${feat.slice(0, 12)}`], tags.main, tags.edge]).toEqual([feat, feat, feat]);
    const refWrites = (from: number) =>
      th.gh.requests
        .slice(from)
        .filter((r) => /\/git\/refs/.test(r.path) && !/heads/.test(`${r.path} ${JSON.stringify(r.body)}`))
        .map(
          (r) =>
            `${r.method} ${r.method === 'POST' ? (r.body as { ref: string }).ref : r.path.split('/git/refs/')[1]}`,
        );

    // the push of the merge commit (the release-PR handler ignores it, the snapshot handler does not)
    let mark = th.gh.requests.length;
    await pushMain(th);
    const short = m.mergeSha.slice(0, 12);
    expect(refWrites(mark)).toEqual([`POST refs/tags/main-${short}`, 'PATCH tags/main', 'PATCH tags/edge']);
    tags = th.tags();
    expect([tags[`main-${short}`], tags.main, tags.edge]).toEqual([m.mergeSha, m.mergeSha, m.mergeSha]);

    // a later merge to main: a new commit tag, main/edge move; `latest` and `1.3.0` stay on the release
    const next = th.repo.commit('fix(web): layout', { 'frontend/app.tsx': 'export {}\n' });
    mark = th.gh.requests.length;
    await pushMain(th);
    expect(refWrites(mark)).toEqual([
      `POST refs/tags/main-${next.slice(0, 12)}`,
      'PATCH tags/main',
      'PATCH tags/edge',
    ]);
    tags = th.tags();
    expect([tags.main, tags.edge]).toEqual([next, next]);
    expect(tags[`main-${short}`]).toBe(m.mergeSha);
    expect(tags.latest).toBe(m.mergeSha);
    expect(tags['1.3.0']).toBe(m.mergeSha);

    // a redelivered push: nothing to write
    mark = th.gh.requests.length;
    await pushMain(th);
    expect(refWrites(mark)).toEqual([]);
  });
});
