import { planStreams } from '../../../src/adapters/github/lane-streams.js';
import { lane, repoConfig } from '../../fixtures/github/lanes.js';

describe('planStreams', () => {
  it('nested lanes and exclude paths interfere; siblings and the root in `all` mode do not', () => {
    const config = repoConfig([
      lane('root', ['.'], { excludePaths: ['docs'] }),
      lane('sdk', ['packages/sdk'], { excludePaths: ['packages/sdk/testdata'] }),
      lane('plugins', ['packages/sdk/plugins']),
      lane('server', ['services/server']),
      lane('images', ['services/*/Dockerfile']),
    ]);
    const plan = planStreams(config, { sdk: 'b1', plugins: 'b2' });
    const by = Object.fromEntries(plan.lanes.map((l) => [l.lane, l]));
    expect(by.root).toMatchObject({
      own: [{ key: '', literal: true }],
      interferers: ['docs'],
      allNeedFiles: false,
    });
    expect(by.sdk!.interferers.sort()).toEqual(['packages/sdk/plugins', 'packages/sdk/testdata']);
    expect(by.plugins!.interferers).toEqual([]);
    expect(by.server!.interferers).toEqual([]); // the glob's base `services` is not inside services/server
    expect(by.images).toMatchObject({ own: [{ key: 'services', literal: false }] });
    // plugins' history is read back to its own boundary AND to sdk's
    expect([...plan.streams.get('packages/sdk/plugins')!].sort()).toEqual(['b1', 'b2']);
    expect([...plan.streams.get('')!]).toEqual([undefined]);
  });

  it('a root lane in `unclaimed` mode is interfered with by every other lane; a base-less glob exclude by all', () => {
    const config = repoConfig(
      [
        lane('root', ['.']),
        lane('sdk', ['packages/sdk'], { excludePaths: ['**/*.md'] }),
        lane('web', ['apps/web']),
      ],
      'unclaimed',
    );
    const by = Object.fromEntries(planStreams(config, {}).lanes.map((l) => [l.lane, l]));
    expect(by.root).toMatchObject({ unclaimedRoot: true, interferers: ['packages/sdk', 'apps/web'] });
    expect(by.sdk).toMatchObject({ allNeedFiles: true, unclaimedRoot: false });
  });
});
