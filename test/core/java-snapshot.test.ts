import { isSnapshotVersion, needsSnapshotBump, nextSnapshotVersion } from '../../src/core/java-snapshot.js';
import type { LaneConfig, RawCommit } from '../../src/core/types.js';
import { laneConfig } from '../helpers/config.js';

let n = 0;
const c = (message: string): RawCommit => ({ sha: `${(++n).toString(16).padStart(40, '0')}`, message });

const java = (titleComponent = '', extra: Partial<LaneConfig> = {}): LaneConfig =>
  laneConfig('a', ['a'], { snapshotBumps: true, releasePr: { titleComponent }, ...extra });

const needs = (
  lane: LaneConfig,
  messages: string[],
  current = '1.2.3',
  grouped: { titlePattern?: string } | null = {},
) => needsSnapshotBump(lane, { currentVersion: current, commits: messages.map(c) }, grouped ?? undefined);

describe('Java SNAPSHOT versions', () => {
  it.each([
    ['1.2.3', '1.2.4-SNAPSHOT'],
    ['1.2.3-beta.1', '1.2.4-beta.1-SNAPSHOT'],
    ['1.2.3+b5', '1.2.4-SNAPSHOT+b5'],
  ])('%s → %s', (from, to) => {
    expect(nextSnapshotVersion(from)).toBe(to);
    expect(isSnapshotVersion(to)).toBe(true);
    expect(isSnapshotVersion(from)).toBe(false);
  });
});

describe('needsSnapshotBump', () => {
  it('after a release, until its SNAPSHOT PR is merged (squash subject or merge commit body)', () => {
    expect(needs(java(), [])).toBe(true);
    expect(needs(java(), ['fix: x', 'chore(main): release 1.2.4-SNAPSHOT (#12)'])).toBe(false);
    expect(
      needs(java(), [
        'Merge pull request #12 from acme/release-please--branches--main\n\nchore(main): release 1.2.4-SNAPSHOT',
      ]),
    ).toBe(false);
  });

  it("another component's SNAPSHOT PR, or a release title, does not count", () => {
    expect(needs(java('a'), ['chore(main): release b 1.2.4-SNAPSHOT (#12)'])).toBe(true);
    expect(needs(java('a'), ['chore(main): release a 1.2.4-SNAPSHOT (#12)'])).toBe(false);
    expect(needs(java(), ['chore(main): release 1.2.3 (#11)'])).toBe(true);
  });

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

  it('never for a lane without SNAPSHOT bumps, before the first release, or from a SNAPSHOT release', () => {
    expect(needs(java('', { snapshotBumps: false }), [])).toBe(false);
    expect(needsSnapshotBump(java(), { commits: [] })).toBe(false);
    expect(needs(java(), [], '1.2.4-SNAPSHOT')).toBe(false);
  });
});
