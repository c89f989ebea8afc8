import { createSdkServerRepo } from '../handlers/helpers/monorepo.js';
import { actionHarness, mergeReleasePr, type ActionHarness } from './helpers.js';

// Each test runs the Action or the CLI several times against a real git repository.
const SLOW = 120_000;

const PENDING = 'release-lanes: pending';
const TAGGED = 'release-lanes: tagged';

describe('the GitHub Action on a push to the default branch', () => {
  let ah: ActionHarness;
  beforeEach(async () => {
    ah = await actionHarness(createSdkServerRepo());
    ah.th.gh.actor = 'github-actions[bot]';
  }, SLOW);
  afterEach(() => ah.close());

  it(
    'opens the release PR as the workflow token, then a re-run of the same push writes nothing',
    async () => {
      const first = await ah.run();
      expect(first.lines.filter((l) => l.startsWith('::error'))).toEqual([]);
      expect(first.code).toBe(0);
      const pr = ah.th.gh.prs.find((p) => p.state === 'open')!;
      expect(pr).toMatchObject({ head: 'release-lanes/main', base: 'main', author: 'github-actions[bot]' });
      expect(pr.labels).toEqual([PENDING]);
      expect(first.outputs).toMatchObject({
        releases_created: 'false',
        paths_released: '[]',
        tags: '[]',
        prs_created: 'true',
      });
      expect(JSON.parse(first.outputs.pr!)).toMatchObject({
        headBranchName: 'release-lanes/main',
        baseBranchName: 'main',
        number: pr.number,
        title: pr.title,
        action: 'opened',
      });
      expect(JSON.parse(first.outputs.prs!)).toHaveLength(1);
      // GET /user is refused for a workflow token, so is the viewer query: github-actions[bot] it is.
      expect(ah.identityRequests).toEqual(['GET /user', 'POST /graphql releaseLanesViewer']);

      const mark = ah.th.gh.requests.length;
      const again = await ah.run();
      expect(again.code).toBe(0);
      expect(ah.th.gh.writes().filter((r) => ah.th.gh.requests.indexOf(r) >= mark)).toEqual([]);
      expect(again.outputs).toMatchObject({ prs_created: 'false', releases_created: 'false' });
      expect(again.outputs.pr).toBeUndefined();
    },
    SLOW,
  );

  it(
    'tags the merged release PR (dependency order, Releases, outputs), then refreshes; a re-run writes nothing',
    async () => {
      await ah.run();
      const merged = mergeReleasePr(ah);
      const mark = ah.th.gh.requests.length;
      const run = await ah.run({ after: merged.sha });
      expect(run.lines.filter((l) => l.startsWith('::error'))).toEqual([]);
      expect(run.code).toBe(0);

      const tags = ah.th.tags();
      expect(tags['sdk-v1.4.0']).toBe(merged.sha);
      expect(tags['server-v0.4.1']).toBe(merged.sha);
      expect(ah.th.tagType('sdk-v1.4.0')).toBe('tag');
      expect(ah.th.releases.map((r) => r.tag_name)).toEqual(['sdk-v1.4.0', 'server-v0.4.1']);
      // sdk before server (server depends on sdk), each version tag before its Release
      const writes = ah.th.gh.requests
        .slice(mark)
        .filter((r) => r.method === 'POST' && /\/(git\/tags|releases)$/.test(r.path))
        .map(
          (r) =>
            `${r.path.split('/').pop()} ${String((r.body as { tag?: string; tag_name?: string }).tag ?? (r.body as { tag_name?: string }).tag_name)}`,
        );
      expect(writes).toEqual([
        'tags sdk-v1.4.0',
        'releases sdk-v1.4.0',
        'tags server-v0.4.1',
        'releases server-v0.4.1',
      ]);
      const tagWrites = ah.th.gh.requests
        .slice(mark)
        .filter((r) => r.method === 'POST' && r.path.endsWith('/git/tags'))
        .map((r) => (r.body as { tag: string }).tag);
      expect(tagWrites).toEqual(['sdk-v1.4.0', 'server-v0.4.1']);
      const pr = ah.th.gh.prs.find((p) => p.number === merged.number)!;
      expect(pr.labels).toContain(TAGGED);
      expect(pr.labels).not.toContain(PENDING);
      // the workflow prints its result: no check run (a workflow token may lack `checks: write`)
      expect(ah.th.gh.requests.slice(mark).filter((r) => r.path.endsWith('/check-runs'))).toEqual([]);

      expect(run.outputs).toMatchObject({
        releases_created: 'true',
        paths_released: JSON.stringify(['packages/sdk', 'packages/server']),
        'packages/sdk--release_created': 'true',
        'packages/sdk--tag_name': 'sdk-v1.4.0',
        'packages/sdk--version': '1.4.0',
        'packages/sdk--major': '1',
        'packages/sdk--minor': '4',
        'packages/sdk--patch': '0',
        'packages/sdk--sha': merged.sha,
        'packages/server--tag_name': 'server-v0.4.1',
        'packages/server--version': '0.4.1',
        'packages/server--patch': '1',
        'sdk--tag_name': 'sdk-v1.4.0',
        'sdk--version': '1.4.0',
        'server--tag_name': 'server-v0.4.1',
        'server--version': '0.4.1',
        prs_created: 'false',
      });
      const created = JSON.parse(run.outputs.tags!) as string[];
      expect(created).toEqual(expect.arrayContaining(['sdk-v1.4.0', 'server-v0.4.1']));
      for (const t of created) expect(ah.th.tags()[t]).toBe(merged.sha);

      const mark2 = ah.th.gh.requests.length;
      const releases = ah.th.releases.length;
      const again = await ah.run({ after: merged.sha });
      expect(again.code).toBe(0);
      expect(
        ah.th.gh.requests.slice(mark2).filter((r) => r.method !== 'GET' && r.path !== '/graphql'),
      ).toEqual([]);
      expect(ah.th.releases).toHaveLength(releases);
      expect(again.outputs).toMatchObject({ releases_created: 'false', tags: '[]', prs_created: 'false' });
    },
    SLOW,
  );

  it(
    'never tags a merged PR with the right label and branch that another identity opened',
    async () => {
      await ah.run();
      const merged = mergeReleasePr(ah, 'mallory');
      const run = await ah.run({ after: merged.sha });
      expect(run.code).toBe(0);
      expect(Object.keys(ah.th.tags()).sort()).toEqual(['sdk-v1.3.0', 'server-v0.4.0']);
      expect(ah.th.releases).toEqual([]);
      expect(run.lines.join('\n')).toContain(
        `PR #${merged.number} ignored: opened by mallory, not by github-actions[bot]`,
      );
      expect(run.outputs.releases_created).toBe('false');
    },
    SLOW,
  );

  it(
    'refuses to touch an open release PR that another identity opened (RL214), with nothing written',
    async () => {
      ah.th.gh.actor = 'release-lanes[bot]';
      await ah.run(); // opened as the App's bot
      ah.th.gh.actor = 'github-actions[bot]';
      const mark = ah.th.gh.requests.length;
      ah.th.repo.commit('feat(sdk): more', { 'packages/sdk/src/more.ts': 'export {}\n' });
      const run = await ah.run();
      expect(run.code).toBe(1);
      expect(run.lines.at(-1)).toMatch(
        /^::error title=RL214 Release branch has a pull request opened by someone else::RL214 .*opened by release-lanes\[bot\], not by github-actions\[bot\]/,
      );
      expect(
        ah.th.gh.requests.slice(mark).filter((r) => r.method !== 'GET' && r.path !== '/graphql'),
      ).toEqual([]);
    },
    SLOW,
  );

  it(
    'dry-run: reads GitHub, logs the tags and Releases a real run would make, writes nothing',
    async () => {
      await ah.run();
      const merged = mergeReleasePr(ah);
      const mark = ah.th.gh.requests.length;
      const run = await ah.run({ after: merged.sha, inputs: { 'dry-run': 'true' } });
      expect(run.code).toBe(0);
      expect(
        ah.th.gh.requests.slice(mark).filter((r) => r.method !== 'GET' && r.path !== '/graphql'),
      ).toEqual([]);
      expect(Object.keys(ah.th.tags()).sort()).toEqual(['sdk-v1.3.0', 'server-v0.4.0']);
      const would = run.lines.filter((l) => l.startsWith('dry run: would '));
      expect(would).toEqual(
        expect.arrayContaining([
          `dry run: would create version tag sdk-v1.4.0 at ${merged.sha.slice(0, 7)}`,
          'dry run: would create release sdk-v1.4.0 (sdk-v1.4.0)',
          `dry run: would create version tag server-v0.4.1 at ${merged.sha.slice(0, 7)}`,
        ]),
      );
      expect(run.outputs).toMatchObject({ releases_created: 'false', prs_created: 'false', tags: '[]' });
    },
    SLOW,
  );

  it(
    'config-file: reads the config from that file for the release PR and for the tags',
    async () => {
      const config = ah.th.repo.git('show', 'main:.github/release-lanes.yml');
      ah.th.repo.commit('chore: move the release config', {
        '.github/release-lanes.yml': null,
        'ci/release-lanes.yml': `${config}\n`,
      });
      const inputs = { 'config-file': 'ci/release-lanes.yml' };
      const without = await ah.run();
      expect(without.code).toBe(1);
      expect(without.lines.at(-1)).toMatch(/^::error title=RL109 /);

      expect((await ah.run({ inputs })).code).toBe(0);
      const merged = mergeReleasePr(ah);
      const run = await ah.run({ after: merged.sha, inputs });
      expect(run.code).toBe(0);
      expect(ah.th.tags()['sdk-v1.4.0']).toBe(merged.sha);
      expect(run.outputs['sdk--version']).toBe('1.4.0');
    },
    SLOW,
  );
});
