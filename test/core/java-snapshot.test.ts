import fc from 'fast-check';
import semver from 'semver';
import { DEFAULT_CHANGELOG_SECTIONS } from '../../src/core/conventional.js';
import { isSnapshotVersion, needsSnapshotBump, nextSnapshotVersion } from '../../src/core/java-snapshot.js';
import { planReleases } from '../../src/core/plan.js';
import { prTitlesOf } from '../../src/core/release-please-title.js';
import type { LaneConfig, LaneHistory, RawCommit } from '../../src/core/types.js';
import { laneConfig, repoConfig } from '../helpers/config.js';

let n = 0;
const c = (message: string): RawCommit => ({ sha: `${(++n).toString(16).padStart(40, '0')}`, message });

function javaLane(name: string, extra: Partial<LaneConfig> = {}): LaneConfig {
  return laneConfig(name, [name], {
    changelogSections: [...DEFAULT_CHANGELOG_SECTIONS],
    component: name,
    snapshotBumps: true,
    releasePr: { titleComponent: name },
    ...extra,
  });
}

const history = (currentVersion: string | undefined, ...messages: string[]): LaneHistory => ({
  ...(currentVersion ? { currentVersion } : {}),
  commits: messages.map(c),
});

describe('Java SNAPSHOT versions', () => {
  it('the next SNAPSHOT is the next patch, prerelease and build kept (release-please JavaAddSnapshot)', () => {
    expect(
      ['1.2.3', '0.1.0', '1.2.3-beta', '1.2.3-beta.1', '1.2.3+build.5', '2.0.0-rc.1+b'].map(
        nextSnapshotVersion,
      ),
    ).toEqual([
      '1.2.4-SNAPSHOT',
      '0.1.1-SNAPSHOT',
      '1.2.4-beta-SNAPSHOT',
      '1.2.4-beta.1-SNAPSHOT',
      '1.2.4-SNAPSHOT+build.5',
      '2.0.1-rc.1-SNAPSHOT+b',
    ]);
  });

  it('every next SNAPSHOT is valid SemVer, a SNAPSHOT, and above the release it follows', () => {
    fc.assert(
      fc.property(
        fc.nat(50),
        fc.nat(50),
        fc.nat(50),
        fc.option(fc.constantFrom('alpha', 'beta.1', 'rc.2')),
        (major, minor, patch, pre) => {
          const release = `${major}.${minor}.${patch}${pre ? `-${pre}` : ''}`;
          const next = nextSnapshotVersion(release);
          expect(semver.valid(next)).toBe(next);
          expect(isSnapshotVersion(next)).toBe(true);
          expect(isSnapshotVersion(release)).toBe(false);
          expect(semver.gt(next, release)).toBe(true);
        },
      ),
    );
  });

  it('reads the PR title a squash merge or a merge commit left in the message', () => {
    expect(prTitlesOf('chore(main): release 1.2.4-SNAPSHOT (#12)\n\nbody')).toEqual([
      'chore(main): release 1.2.4-SNAPSHOT (#12)',
      'chore(main): release 1.2.4-SNAPSHOT',
    ]);
    expect(
      prTitlesOf('Merge pull request #7 from acme/release-please--branches--main\n\nchore: release main\n'),
    ).toEqual(['Merge pull request #7 from acme/release-please--branches--main', 'chore: release main']);
  });
});

describe('needsSnapshotBump (release-please Java.needsSnapshot)', () => {
  const lane = javaLane('lib');

  it('after a release, until a SNAPSHOT PR of this component is merged', () => {
    expect(needsSnapshotBump(lane, history('1.2.3'))).toBe(true);
    expect(needsSnapshotBump(lane, history('1.2.3', 'fix: npe', 'feat: api'))).toBe(true);
    expect(needsSnapshotBump(lane, history('1.2.3', 'chore(main): release lib 1.2.4-SNAPSHOT'))).toBe(false);
    expect(
      needsSnapshotBump(lane, history('1.2.3', 'fix: npe', 'chore(main): release lib 1.2.4-SNAPSHOT (#3)')),
    ).toBe(false);
    expect(
      needsSnapshotBump(
        lane,
        history('1.2.3', 'Merge pull request #3 from acme/x\n\nchore(main): release lib 1.2.4-SNAPSHOT'),
      ),
    ).toBe(false);
  });

  it('not before the first release, not after a SNAPSHOT "release", never for other lanes', () => {
    expect(needsSnapshotBump(lane, history(undefined, 'feat: first'))).toBe(false);
    expect(needsSnapshotBump(lane, history('1.2.4-SNAPSHOT'))).toBe(false);
    expect(needsSnapshotBump(javaLane('x', { snapshotBumps: undefined }), history('1.2.3'))).toBe(false);
  });

  it("another component's SNAPSHOT PR, a release PR or a human commit naming SNAPSHOT do not count", () => {
    for (const message of [
      'chore(main): release other 1.2.4-SNAPSHOT',
      'chore(main): release lib 1.2.4',
      'fix: works with 1.2.4-SNAPSHOT builds',
    ]) {
      expect([message, needsSnapshotBump(lane, history('1.2.3', message))]).toEqual([message, true]);
    }
  });

  it('a custom title pattern: its own SNAPSHOT titles and release-please default ones both count', () => {
    const custom = javaLane('lib', {
      releasePr: { titleComponent: 'lib', titlePattern: 'ship${component}: ${version}' },
    });
    expect(needsSnapshotBump(custom, history('1.2.3', 'ship lib: 1.2.4-SNAPSHOT'))).toBe(false);
    expect(needsSnapshotBump(custom, history('1.2.3', 'chore(main): release lib 1.2.4-SNAPSHOT'))).toBe(
      false,
    );
  });
});

describe('planReleases with a lane due for its SNAPSHOT bump', () => {
  const NOW = new Date('2026-11-23T12:00:00Z');
  it('bumps it instead of releasing it; its dependents and group are not bumped through it', () => {
    const lanes = [
      javaLane('core'),
      laneConfig('app', ['app'], { dependsOn: ['core'], changelogSections: [...DEFAULT_CHANGELOG_SECTIONS] }),
      laneConfig('web', ['web'], { changelogSections: [...DEFAULT_CHANGELOG_SECTIONS] }),
    ];
    const { plan } = planReleases({
      config: repoConfig(lanes),
      histories: {
        core: history('1.2.3', 'feat: big'),
        app: history('0.1.0'),
        web: history('2.0.0', 'fix: css'),
      },
      now: NOW,
    });
    expect(plan.snapshotBumps).toEqual([
      { lane: 'core', path: 'core', previousVersion: '1.2.3', version: '1.2.4-SNAPSHOT' },
    ]);
    expect(plan.releases.map((r) => `${r.lane}@${r.version}`)).toEqual(['web@2.0.1']);
    expect(plan.tags.map((t) => t.lane)).not.toContain('core');
  });

  it('once the SNAPSHOT PR is merged the lane releases from the last release, as release-please does', () => {
    const { plan } = planReleases({
      config: repoConfig([javaLane('core')]),
      histories: { core: history('1.2.3', 'feat: big', 'chore(main): release core 1.2.4-SNAPSHOT (#4)') },
      now: NOW,
    });
    expect(plan.snapshotBumps).toBeUndefined();
    expect(plan.releases.map((r) => `${r.lane}@${r.version}`)).toEqual(['core@1.3.0']);
  });
});
const java = (titleComponent = '', extra: Partial<LaneConfig> = {}): LaneConfig =>
  laneConfig('a', ['a'], { snapshotBumps: true, releasePr: { titleComponent }, ...extra });

const needs = (
  lane: LaneConfig,
  messages: string[],
  current = '1.2.3',
  grouped: { titlePattern?: string } | null = {},
) => needsSnapshotBump(lane, { currentVersion: current, commits: messages.map(c) }, grouped ?? undefined);

describe('needsSnapshotBump with grouped release PRs', () => {
  it('a grouped release PR among the lane commits counts, whatever its merge message names', () => {
    expect(needs(java(), ['chore: release main (#12)'])).toBe(false);
    expect(needs(java(), ['chore: release main\n\n- a: 1.2.3 -> 1.2.4-SNAPSHOT (no tag)'])).toBe(false);
    expect(
      needs(java(), [
        'Merge pull request #12 from acme/release-please--branches--main\n\nchore: release main',
      ]),
    ).toBe(false);
    expect(
      needs(java(), ['release the trains (#12)'], '1.2.3', { titlePattern: 'release the ${branch} trains' }),
    ).toBe(true);
    expect(
      needs(java(), ['release the main trains (#12)'], '1.2.3', {
        titlePattern: 'release the ${branch} trains',
      }),
    ).toBe(false);
    // one PR per package: a title of the grouped shape is another package's release (`chore: release 2.0.0`)
    expect(needs(java(), ['chore: release 2.0.0 (#12)'], '1.2.3', null)).toBe(true);
  });
});
