import { isTagged, notOurReleasePr, type ReleasePrFacts } from '../../src/flows/our-release-pr.js';
import { planMarker } from '../../src/render/pr-body.js';
import type { RepoConfig } from '../../src/core/types.js';

const REPO = 'acme/mono';
const BOT = 'release-lanes[bot]';
const marker = planMarker({ releases: [], order: [], warnings: [], tags: [] }, 'a'.repeat(40));
const ours: ReleasePrFacts = {
  number: 7,
  merged: true,
  mergeSha: 'b'.repeat(40),
  author: BOT,
  head: 'release-lanes/main',
  headRepo: REPO,
  base: 'main',
  baseRepo: REPO,
  labels: [],
  body: `## Release\n\n${marker}\n`,
};

describe('notOurReleasePr: author + branch + marker, never the label', () => {
  it.each<[string, Partial<ReleasePrFacts>, string | null]>([
    ['ours, without any label', {}, null],
    ['ours, per-lane branch', { head: 'release-lanes/main/sdk' }, null],
    ['ours on a release-please config', { head: 'release-please--branches--main--components--sdk' }, null],
    ['ours, body not read (a listing)', { body: undefined }, null],
    [
      'a human with the pending label',
      { author: 'mallory', labels: ['release-lanes: pending'] },
      'opened by mallory, not by release-lanes[bot]',
    ],
    ['another bot', { author: 'dependabot[bot]' }, 'opened by dependabot[bot], not by release-lanes[bot]'],
    ['a fork', { headRepo: 'mallory/mono' }, 'from a fork'],
    ['not merged', { merged: false }, 'not merged'],
    [
      'a branch opened for another base',
      { head: 'release-lanes/develop' },
      'head branch release-lanes/develop is not a release branch (release-lanes/main… or release-please--branches--main…)',
    ],
    [
      'a look-alike branch name',
      { head: 'release-lanes/mainline' },
      'head branch release-lanes/mainline is not a release branch (release-lanes/main… or release-please--branches--main…)',
    ],
    [
      'no marker at the end of the body',
      { body: `${marker}\n\nedited by hand` },
      'its body does not end with a release-lanes plan marker',
    ],
  ])('%s', (_name, patch, reason) => {
    expect(notOurReleasePr({ ...ours, ...patch }, REPO, BOT)).toBe(reason);
  });

  it('a named base must match (the CLI/Action release branch)', () => {
    expect(notOurReleasePr(ours, REPO, BOT, 'main')).toBeNull();
    expect(notOurReleasePr(ours, REPO, BOT, 'stable')).toBe('not merged into stable');
  });

  it('tagged: ours, release-please default, or the config release-label', () => {
    const rp = {
      releasePr: { flavor: 'release-please', taggedLabels: ['shipped'] },
    } as unknown as RepoConfig;
    expect(isTagged(['release-lanes: tagged'])).toBe(true);
    expect(isTagged(['autorelease: tagged'])).toBe(true);
    expect(isTagged(['shipped'])).toBe(false);
    expect(isTagged(['shipped'], rp)).toBe(true);
    expect(isTagged(['release-lanes: pending'])).toBe(false);
  });
});
