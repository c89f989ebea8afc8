import { createManyLanesRepo } from './helpers/monorepo.js';
import { harness, short, type AppHarness } from './helpers/setup.js';

let h: AppHarness;
afterEach(() => h?.close());

/** Target from the issue: ≤ ⌈new commits / 100⌉ + 8 API requests per push. */
const budget = (commits: number) => Math.ceil(commits / 100) + 8;

describe('API requests per push, 50 lanes', () => {
  test.each([
    [60, 50],
    [250, 50],
    [250, 1],
  ])(
    '%i new commits over %i lanes: open, redeliver, update',
    async (commits, spread) => {
      h = await harness(createManyLanesRepo(50, commits, spread));
      const { gh, repo } = h;

      // First push ever: the label does not exist yet (one-time POST /labels).
      await h.push();
      const calls = short(gh.calls());
      const gather = calls.filter(
        (c) => / releaseLanes(Bootstrap|History|Tags)$/.test(c) || c.includes('/commits/'),
      ).length;
      expect(calls.slice(gather)).toEqual([
        'POST /graphql releaseLanesState',
        'POST …/git/trees',
        'POST …/git/commits',
        'POST …/git/refs',
        'POST …/pulls',
        'POST …/labels',
        'POST …/issues/100/labels',
      ]);
      expect(gh.prs[0]!.title).toMatch(
        spread > 1
          ? /^chore: release main \(lane-00 1\.1\.0, .*\+\d+ more\)$/
          : /^chore: release main \(lane-00 1\.1\.0, lane-01 1\.0\.1, /,
      );
      expect(gh.prs[0]!.title.length).toBeLessThanOrEqual(256);
      const opened = gh.requests.length;
      expect(opened).toBeLessThanOrEqual(budget(commits)); // including the one-time label creation
      const log = h.app.logs.find((l) => /API requests/.test(String(l.msg)));
      expect(log?.requests).toBe(opened);

      // Redelivery: reads only.
      gh.clear();
      await h.push();
      expect(gh.writes()).toEqual([]);
      // The gather is cheaper with the page dates the first run carried forward in the PR.
      expect(gh.requests.length).toBeLessThanOrEqual(gather + 1);

      // Next push: branch rewritten, PR edited in place.
      repo.commit('fix(lane-07): one more', { 'packages/lane-07/src/x.ts': 'export {}\n' });
      gh.clear();
      await h.push();
      const updated = gh.requests.length;
      expect(updated).toBeLessThanOrEqual(budget(commits + 1));
      expect(gh.prs).toHaveLength(1);
      if (process.env.RL_REPORT) {
        console.log(
          `50 lanes, ${commits} commits over ${spread} lane(s): gather ${gather}, open ${opened}, redeliver ${gather + 1}, update ${updated}, budget ${budget(commits)}`,
        );
      }
    },
    120_000,
  );
});
