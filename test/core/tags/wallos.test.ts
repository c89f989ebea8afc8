/** Wallos: versioned images from plain SemVer git tags, no moving tags. */
import {
  guardOps,
  planRebuild,
  planReleaseTags,
  planSnapshot,
  releasesFromTags,
  validateTagPolicies,
} from '../../../src/core/tags/index.js';
import { sha, summary, TagStore } from './helpers.js';

const wallos = { lane: 'wallos', tagTemplate: '{version}' };

describe('Wallos plain SemVer tags', () => {
  it('creates exactly the version tag, nothing else', () => {
    const store = new TagStore([
      { name: '2.38.2', sha: sha('2.38.2') },
      { name: 'nightly-build', sha: sha('n') },
    ]);
    const ops = planReleaseTags({
      ...wallos,
      version: '2.39.0',
      commitSha: sha('2.39.0'),
      existingTags: store.list(),
    });
    expect(ops).toEqual([
      { name: '2.39.0', action: 'create', from: null, to: sha('2.39.0'), lane: 'wallos', kind: 'version' },
    ]);
    store.apply(ops);
    expect(releasesFromTags('{version}', wallos, store.list()).map((r) => r.version)).toEqual([
      '2.38.2',
      '2.39.0',
    ]);
  });

  it('no policy means no rebuilds and no snapshots', () => {
    const tags = [{ name: '2.38.2', sha: sha('2.38.2') }];
    expect(
      planRebuild({ lanes: [wallos], existingTags: tags, now: new Date('2025-06-14T00:00:00Z') }),
    ).toEqual([]);
    expect(planSnapshot({ lane: 'wallos', branch: 'main', sha: sha('x'), existingTags: tags })).toEqual([]);
  });

  it('a tag pushed by hand for the same commit is a resume; for another commit, RL300', () => {
    const tags = [{ name: '2.39.0', sha: sha('2.39.0') }];
    expect(
      summary(
        planReleaseTags({ ...wallos, version: '2.39.0', commitSha: sha('2.39.0'), existingTags: tags }),
      ),
    ).toEqual(['unchanged 2.39.0']);
    expect(() =>
      planReleaseTags({ ...wallos, version: '2.39.0', commitSha: sha('y'), existingTags: tags }),
    ).toThrow(expect.objectContaining({ code: 'RL300' }));
  });

  it('rejects versions that are not SemVer (RL108) and templates without {version} (RL105)', () => {
    expect(() =>
      planReleaseTags({ ...wallos, version: '2.39', commitSha: sha('z'), existingTags: [] }),
    ).toThrow(expect.objectContaining({ code: 'RL108' }));
    expect(() =>
      planReleaseTags({
        ...wallos,
        tagTemplate: 'release',
        version: '2.39.0',
        commitSha: sha('z'),
        existingTags: [],
      }),
    ).toThrow(expect.objectContaining({ code: 'RL105' }));
    expect(() => validateTagPolicies([wallos])).not.toThrow();
  });

  it('guardOps refuses to move a version tag', () => {
    const move = { name: '2.39.0', action: 'move' as const, from: sha('a'), to: sha('b'), lane: 'wallos' };
    expect(() => guardOps([{ ...move, kind: 'version' }], [])).toThrow(
      expect.objectContaining({ code: 'RL303' }),
    );
    expect(() => guardOps([{ ...move, kind: 'channel' }], ['2.39.0'])).toThrow(
      expect.objectContaining({ code: 'RL303' }),
    );
  });
});
