import {
  isLatestRelease,
  latestLaneNames,
  laneReleaseMode,
  unitReleaseMode,
} from '../../src/core/github-release.js';
import { branchRole } from '../../src/core/branches.js';
import { laneConfig, repoConfig } from '../helpers/config.js';

const lanes = [
  laneConfig('server', ['server']),
  laneConfig('agent', ['node-agent']),
  laneConfig('docs', ['docs']),
];

describe('which lanes may be the Latest Release', () => {
  it('default: the root lane (and its group), else the only lane or group, else none', () => {
    expect([
      ...latestLaneNames(repoConfig([laneConfig('app', ['.']), laneConfig('docs', ['docs'])])),
    ]).toEqual(['app']);
    expect([...latestLaneNames(repoConfig([laneConfig('app', ['app'])]))]).toEqual(['app']);
    const group = [laneConfig('a', ['a'], { group: 'g' }), laneConfig('b', ['b'], { group: 'g' })];
    expect([...latestLaneNames(repoConfig(group))]).toEqual(['a', 'b']);
    expect([...latestLaneNames(repoConfig(lanes))]).toEqual([]);
  });

  it('latest-lanes names lanes or groups', () => {
    expect([...latestLaneNames(repoConfig(lanes, { latestLanes: ['server'] }))]).toEqual(['server']);
    const group = [laneConfig('a', ['a'], { group: 'g' }), laneConfig('b', ['b'])];
    expect([...latestLaneNames(repoConfig(group, { latestLanes: ['g'] }))]).toEqual(['a']);
  });
});

describe('make_latest', () => {
  const config = repoConfig(lanes, { latestLanes: ['server'] });
  const base = { config, lanes: ['server'], known: ['1.0.0', '1.1.0', '2.0.0-alpha.1'], maintenance: false };
  const latest = (o: Partial<Parameters<typeof isLatestRelease>[0]>) =>
    isLatestRelease({ ...base, version: '1.2.0', mode: 'published', ...o });

  it('true only for the highest stable, published release of a latest lane from the release branch', () => {
    expect(latest({})).toBe(true);
    expect(latest({ version: '1.0.1' })).toBe(false); // a patch of an older line
    expect(latest({ version: '2.0.0-alpha.2' })).toBe(false); // a prerelease
    expect(latest({ maintenance: true })).toBe(false); // released from a maintenance branch
    expect(latest({ mode: 'draft' })).toBe(false);
    expect(latest({ lanes: ['agent'] })).toBe(false); // not a latest lane
  });
});

describe('release modes', () => {
  it('release: true | false | draft; draft: true is release: draft', () => {
    expect(laneReleaseMode({ draft: false })).toBe('published');
    expect(laneReleaseMode({ draft: true })).toBe('draft');
    expect(laneReleaseMode({ draft: false, release: false })).toBe('none');
    expect(laneReleaseMode({ draft: false, release: 'draft' })).toBe('draft');
    expect(unitReleaseMode([{ draft: false, release: false }, { draft: false }])).toBe('published');
    expect(unitReleaseMode([{ draft: false, release: false }, { draft: true }])).toBe('draft');
    expect(unitReleaseMode([{ draft: false, release: false }])).toBe('none');
  });
});

describe('branch roles', () => {
  const c = repoConfig(lanes, { maintenanceBranches: ['release/*'] });
  it('the release branch (default: the default branch), maintenance globs, nothing else', () => {
    expect(branchRole(c, 'main', 'main')).toBe('release');
    expect(branchRole(c, 'release/0.3', 'main')).toBe('maintenance');
    expect(branchRole(c, 'feature/x', 'main')).toBeNull();
    const develop = repoConfig(lanes, { targetBranch: 'develop' });
    expect(branchRole(develop, 'develop', 'main')).toBe('release');
    expect(branchRole(develop, 'main', 'main')).toBeNull();
  });
});
