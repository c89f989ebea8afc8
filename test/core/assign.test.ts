import fc from 'fast-check';
import { createLaneAssigner } from '../../src/core/assign.js';
import type { LaneConfig, RepoConfig } from '../../src/core/types.js';
import { laneConfig } from '../helpers/config.js';

const lane = laneConfig;

const cfg = (lanes: LaneConfig[], rootMode: RepoConfig['rootMode'] = 'all') => ({ lanes, rootMode });

describe('createLaneAssigner', () => {
  it('assigns by directory and lets one commit belong to several lanes', () => {
    const assign = createLaneAssigner(
      cfg([lane('sdk', ['packages/sdk']), lane('server', ['services/server'])]),
    );
    expect(assign(['packages/sdk/src/a.ts'])).toEqual(['sdk']);
    expect(assign(['packages/sdk/a.ts', 'services/server/main.go'])).toEqual(['sdk', 'server']);
    expect(assign(['packages/sdk-extra/a.ts'])).toEqual([]); // a prefix of the name is not the dir
    expect(assign(['README.md'])).toEqual([]);
  });

  it('the longest (nested) path wins per file', () => {
    const assign = createLaneAssigner(
      cfg([lane('sdk', ['packages/sdk']), lane('plugins', ['packages/sdk/plugins'])]),
    );
    expect(assign(['packages/sdk/plugins/x.ts'])).toEqual(['plugins']);
    expect(assign(['packages/sdk/plugins/x.ts', 'packages/sdk/y.ts'])).toEqual(['sdk', 'plugins']);
  });

  it('supports globs and several paths per lane', () => {
    const assign = createLaneAssigner(cfg([lane('images', ['services/*/Dockerfile', 'deploy'])]));
    expect(assign(['services/web/Dockerfile'])).toEqual(['images']);
    expect(assign(['deploy/chart.yaml'])).toEqual(['images']);
    expect(assign(['services/web/main.ts'])).toEqual([]);
  });

  it('exclude-paths drop files from a lane', () => {
    const assign = createLaneAssigner(
      cfg([lane('sdk', ['packages/sdk'], { excludePaths: ['packages/sdk/testdata'] })]),
    );
    expect(assign(['packages/sdk/testdata/big.json'])).toEqual([]);
    expect(assign(['packages/sdk/testdata/big.json', 'packages/sdk/a.ts'])).toEqual(['sdk']);
  });

  it('root lane in `all` mode gets every commit (release-please), in `unclaimed` mode only the rest', () => {
    const lanes = [lane('root', ['.'], { excludePaths: ['docs'] }), lane('sdk', ['packages/sdk'])];
    const all = createLaneAssigner(cfg(lanes, 'all'));
    expect(all(['packages/sdk/a.ts'])).toEqual(['root', 'sdk']);
    expect(all(['docs/intro.md'])).toEqual([]);
    expect(all([])).toEqual(['root']);
    const unclaimed = createLaneAssigner(cfg(lanes, 'unclaimed'));
    expect(unclaimed(['packages/sdk/a.ts'])).toEqual(['sdk']);
    expect(unclaimed(['package.json', 'packages/sdk/a.ts'])).toEqual(['root', 'sdk']);
    expect(unclaimed([])).toEqual([]);
  });
});

describe('createLaneAssigner agrees with a naive longest-prefix reference', () => {
  it('on random lane trees and files', () => {
    const seg = fc.constantFrom('a', 'b', 'c', 'ab');
    const dir = fc.array(seg, { minLength: 1, maxLength: 3 }).map((s) => s.join('/'));
    fc.assert(
      fc.property(
        fc.uniqueArray(dir, { minLength: 1, maxLength: 6 }),
        fc.array(
          fc.array(seg, { minLength: 1, maxLength: 4 }).map((s) => s.join('/')),
          { maxLength: 6 },
        ),
        fc.boolean(),
        (paths, files, withRoot) => {
          const lanes = paths.map((p, i) => lane(`l${i}`, [p]));
          if (withRoot) lanes.push(lane('root', ['.']));
          const got = createLaneAssigner(cfg(lanes, 'unclaimed'))(files);
          const expected = new Set<string>();
          for (const f of files) {
            let best: { name: string; len: number } | undefined;
            paths.forEach((p, i) => {
              if ((f === p || f.startsWith(`${p}/`)) && (!best || p.length > best.len))
                best = { name: `l${i}`, len: p.length };
            });
            if (best) expected.add(best.name);
            else if (withRoot) expected.add('root');
          }
          expect(new Set(got)).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });
});
