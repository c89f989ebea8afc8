import type { LaneRelease, ReleasePlan } from '../../src/core/types.js';
import { wantedPrs } from '../../src/flows/release-branches.js';
import { laneConfig, repoConfig } from '../helpers/config.js';

const release = (lane: string, version: string, group?: string): LaneRelease => ({
  lane,
  path: lane,
  previousVersion: '1.0.0',
  version,
  bump: 'minor',
  tag: group ? `v${version}` : `${lane}-v${version}`,
  commits: [],
  changelog: `## ${version}`,
  reasons: [],
  dependencyUpdates: [],
  prerelease: false,
  ...(group ? { group } : {}),
});

describe('wantedPrs with separate-pull-requests', () => {
  it('a lockstep group is one PR (all its members, its tags), other lanes one PR each', () => {
    const config = repoConfig(
      [
        laneConfig('sdk', ['sdk']),
        laneConfig('api', ['api'], { group: 'images' }),
        laneConfig('web', ['web'], { group: 'images' }),
      ],
      { separatePullRequests: true },
    );
    const plan: ReleasePlan = {
      releases: [
        release('sdk', '1.1.0'),
        release('api', '2.1.0', 'images'),
        release('web', '2.1.0', 'images'),
      ],
      order: ['sdk', 'api', 'web'],
      warnings: [],
      tags: [
        { name: 'sdk-v1.1.0', action: 'create', from: null, to: 'merge', lane: 'sdk', kind: 'version' },
        { name: 'v2.1.0', action: 'create', from: null, to: 'merge', lane: 'images', kind: 'version' },
      ],
    };
    const prs = wantedPrs(plan, config, 'main');
    expect(prs.map((p) => [p.branch, p.title, p.lanes, p.plan.tags.map((t) => t.name)])).toEqual([
      ['release-lanes/main/sdk', 'chore(main): release sdk 1.1.0', ['sdk'], ['sdk-v1.1.0']],
      ['release-lanes/main/api', 'chore(main): release images 2.1.0', ['api', 'web'], ['v2.1.0']],
    ]);
  });
});
