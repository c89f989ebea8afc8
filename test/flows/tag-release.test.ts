/** The merge flow over an in-memory repository: what is released, in which order, and what is refused. */
import { changelogEntry, tagRelease } from '../../src/flows/tag-release.js';
import { InvariantViolation, MemoryRepo } from '../e2e/helpers/memory-tag-host.js';

const CONFIG = '.github/release-lanes.yml';
const MANIFEST = '.release-lanes-manifest.json';
const json = (x: unknown) => `${JSON.stringify(x)}\n`;
const entry = (v: string, text: string) =>
  `# Changelog\n\n## [${v}](https://x/compare) (2024-06-02)\n\n### Features\n\n* ${text}\n\n## 0.0.1\n\n* old\n`;

const PYTMBOT = `lanes:
  - name: pytmbot
    path: .
    tag: '{version}'
    release-name: '{version}'
    supported: '>=0.3'
    channels:
      - { tag: '{major}.{minor}', track: line }
      - { tag: stable, track: latest }
      - { tag: latest, track: latest }
`;

function pytmbot() {
  const repo = new MemoryRepo();
  const c0 = repo.commit(null, { [CONFIG]: PYTMBOT, [MANIFEST]: json({ pytmbot: '0.2.9' }) });
  repo.tags.set('0.2.9', { sha: c0, kind: 'version' });
  repo.tags.set('latest', { sha: c0, kind: 'channel' });
  const r030 = repo.commit(c0, {
    [MANIFEST]: json({ pytmbot: '0.3.0' }),
    'CHANGELOG.md': entry('0.3.0', 'health'),
  });
  return { repo, c0, r030 };
}

describe('tagRelease', () => {
  it('releases what the merged manifest changed; the PR marker is only a hint', async () => {
    const { repo, c0, r030 } = pytmbot();
    const res = await tagRelease({
      host: repo,
      publisher: repo,
      mergeSha: r030,
      marker: { v: 1, lanes: [{ lane: 'pytmbot', version: '9.9.9', tag: '9.9.9' }], base: c0 },
    });
    expect(res.lanes).toEqual([
      { lane: 'pytmbot', previousVersion: '0.2.9', version: '0.3.0', tag: '0.3.0' },
    ]);
    expect(res.warnings.map((w) => w.code)).toEqual(['marker-mismatch']);
    expect(repo.writes.map((w) => `${w.op} ${w.name}`)).toEqual([
      'create 0.3.0',
      'release 0.3.0',
      'create 0.3',
      'create stable',
      'move latest',
    ]);
    expect(repo.tags.get('0.3.0')!.message).toMatch(/^## \[0\.3\.0\][\s\S]*\* health$/);
    expect(repo.releases.get('0.3.0')).toEqual({
      tag: '0.3.0',
      name: '0.3.0',
      body: '### Features\n\n* health',
      prerelease: false,
      draft: false,
      makeLatest: true,
    });
    expect(res.summary[0]).toBe(`create 0.3.0 → ${r030.slice(0, 7)}`);
  });

  it('an end-of-life line (0.2.10 after 0.3.0) gets its version tag and Release only', async () => {
    const { repo, r030 } = pytmbot();
    await tagRelease({ host: repo, publisher: repo, mergeSha: r030 });
    const channels = JSON.stringify(repo.state().tags);
    // a maintenance merge on a 0.2 branch whose parent manifest says 0.2.9
    const maint = repo.commit([...repo.commits.keys()][0]!, { [MANIFEST]: json({ pytmbot: '0.2.10' }) });
    repo.writes.length = 0;
    const res = await tagRelease({ host: repo, publisher: repo, mergeSha: maint });
    expect(res.ops.map((o) => `${o.action} ${o.name}`)).toEqual(['create 0.2.10']);
    expect(repo.writes.map((w) => `${w.op} ${w.name}`)).toEqual(['create 0.2.10', 'release 0.2.10']);
    const after = repo.state().tags;
    delete after['0.2.10'];
    expect(JSON.stringify(after)).toBe(channels);
    expect(res.warnings.map((w) => w.code)).toEqual(['changelog-entry-missing']);
  });

  it('RL300 before any write when the version tag exists at another commit', async () => {
    const { repo, c0, r030 } = pytmbot();
    repo.tags.set('0.3.0', { sha: c0, kind: 'version' });
    await expect(tagRelease({ host: repo, publisher: repo, mergeSha: r030 })).rejects.toMatchObject({
      code: 'RL300',
    });
    expect(repo.writes).toEqual([]);
  });

  it('a channel rule producing a version tag name is refused before any write (RL107)', async () => {
    const repo = new MemoryRepo();
    const c0 = repo.commit(null, {
      [CONFIG]: `lanes:\n  - name: a\n    path: .\n    tag: 'v{version}'\n    channels: [{ tag: 'v{major}.{minor}.0', track: line }]\n`,
      [MANIFEST]: json({ a: '1.0.0' }),
    });
    repo.tags.set('v1.0.0', { sha: c0, kind: 'version' });
    const m = repo.commit(c0, { [MANIFEST]: json({ a: '1.1.0' }) });
    await expect(tagRelease({ host: repo, publisher: repo, mergeSha: m })).rejects.toMatchObject({
      code: 'RL107', // v1.1.0 is both the version tag and the line tag
    });
    expect(repo.writes).toEqual([]);
  });

  it('a lockstep group with the default `{group}-v{version}` tag: one tag, one Release, group first', async () => {
    const repo = new MemoryRepo();
    const c0 = repo.commit(null, {
      [CONFIG]: `lanes:
  - { name: sdk, path: sdk }
  - { name: api, path: api, group: images, depends-on: [sdk], channels: [{ tag: 'images-latest', track: latest }] }
  - { name: web, path: web, group: images, channels: [{ tag: 'images-latest', track: latest }] }
`,
      [MANIFEST]: json({ sdk: '1.0.0', api: '2.0.0', web: '2.0.0' }),
    });
    const m = repo.commit(c0, {
      [MANIFEST]: json({ sdk: '1.1.0', api: '2.1.0', web: '2.1.0' }),
      'api/CHANGELOG.md': entry('2.1.0', 'api thing'),
      'web/CHANGELOG.md': entry('2.1.0', 'web thing'),
    });
    await tagRelease({ host: repo, publisher: repo, mergeSha: m });
    expect(repo.writes.map((w) => `${w.op} ${w.name}`)).toEqual([
      'create sdk-v1.1.0',
      'release sdk-v1.1.0',
      'create images-v2.1.0',
      'release images-v2.1.0',
      'create images-latest',
    ]);
    // one entry for the group: a sub-heading per member, its sections one level below
    expect(repo.releases.get('images-v2.1.0')!.body).toBe(
      '### api\n\n#### Features\n\n* api thing\n\n### web\n\n#### Features\n\n* web thing',
    );
    expect(repo.tags.get('images-v2.1.0')!.message).toBe(
      '## [2.1.0](https://x/compare) (2024-06-02)\n\n### api\n\n#### Features\n\n* api thing\n\n### web\n\n#### Features\n\n* web thing',
    );
    // the default title is the tag name
    expect(repo.releases.get('images-v2.1.0')!.name).toBe('images-v2.1.0');
  });

  it('a group member without changes (no CHANGELOG entry) adds no empty section and no warning', async () => {
    const repo = new MemoryRepo();
    const c0 = repo.commit(null, {
      [CONFIG]: `lanes:\n  - { name: api, path: api, group: g }\n  - { name: web, path: web, group: g }\n`,
      [MANIFEST]: json({ api: '2.0.0', web: '2.0.0' }),
    });
    const m = repo.commit(c0, {
      [MANIFEST]: json({ api: '2.1.0', web: '2.1.0' }),
      'api/CHANGELOG.md': entry('2.1.0', 'api thing'),
    });
    const res = await tagRelease({ host: repo, publisher: repo, mergeSha: m });
    expect(res.warnings).toEqual([]);
    expect(repo.releases.get('v2.1.0')!.body).toBe('### api\n\n#### Features\n\n* api thing');
  });

  it('a merge that changed no version does nothing', async () => {
    const { repo, r030 } = pytmbot();
    const other = repo.commit(r030, { 'README.md': 'hi\n' });
    const res = await tagRelease({ host: repo, publisher: repo, mergeSha: other });
    expect(res.skipped).toBe('the merge changed no version in the manifest');
    expect(repo.writes).toEqual([]);
  });

  it('the memory host itself refuses to move a version tag (the invariant the property test relies on)', async () => {
    const { repo } = pytmbot();
    repo.versionTags.add('0.2.9');
    await expect(
      repo.moveTag({ name: '0.2.9', sha: 'x', from: null, kind: 'channel' }),
    ).rejects.toBeInstanceOf(InvariantViolation);
  });
});

describe('changelogEntry', () => {
  it('takes the entry of the version, up to the next version heading, skipping fenced code', () => {
    const text =
      '# Changelog\n\n## [1.2.0](u) (d)\n\n```\n## 1.1.0 inside code\n```\n* a\n\n### [1.1.0](u)\n\n* b\n';
    expect(changelogEntry(text, '1.2.0')).toEqual({
      entry: '## [1.2.0](u) (d)\n\n```\n## 1.1.0 inside code\n```\n* a',
      notes: '```\n## 1.1.0 inside code\n```\n* a',
    });
    expect(changelogEntry(text, '1.1.0')!.notes).toBe('* b');
    expect(changelogEntry(text, '9.9.9')).toBeNull();
    expect(changelogEntry(null, '1.0.0')).toBeNull();
  });
});
