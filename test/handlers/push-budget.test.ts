/**
 * The API budget of one push (issue 14): at most ⌈new commits / 100⌉ + 8 requests, on a 50-lane
 * release-please repository, for the first release PR over 2,000 commits and for the next push of
 * 10 commits that updates it in place — with exact versions and the same PR a full walk would write.
 * Request counts only (no timing assertion); with RL_BENCH_REPORT=<file> the counts and the wall time
 * per push are also written there for `npm run bench`.
 */
import { writeFileSync } from 'node:fs';
import { parsePlanMarker } from '../../src/render/pr-body.js';
import { addLaneCommits, createReleasePleaseLanesRepo } from './helpers/monorepo.js';
import { harness, type AppHarness } from './helpers/setup.js';

const LANES = 50;
const FIRST = 2000;
const MORE = 10;
const budget = (newCommits: number) => Math.ceil(newCommits / 100) + 8;

let h: AppHarness | undefined;
afterEach(() => h?.close());

async function timedPush(x: AppHarness): Promise<{ requests: number; ms: number }> {
  x.gh.clear();
  const t0 = performance.now();
  await x.push();
  return { requests: x.gh.requests.length, ms: performance.now() - t0 };
}

const withoutCarry = (body: string) => body.replace(/,"carry":\{.*?\}(?=\} -->)/, '');

const versions = (x: AppHarness) =>
  Object.fromEntries(parsePlanMarker(x.gh.prs[0]?.body)!.lanes.map((l) => [l.lane, l.version]));

test('50 release-please lanes: first release PR over 2,000 commits, then +10 commits', async () => {
  h = await harness(createReleasePleaseLanesRepo(LANES, FIRST));
  const first = await timedPush(h);
  expect(h.gh.prs).toHaveLength(1);
  const expected = Object.fromEntries(
    Array.from({ length: LANES }, (_, i) => [`lane-${String(i).padStart(2, '0')}`, '1.1.0']),
  );
  expect(versions(h)).toEqual(expected);
  // No package.json is read: every package names its component and no workspace plugin is configured.
  expect(h.gh.requests.filter((r) => r.operation === 'releaseLanesFile')).toEqual([]);
  expect(first.requests).toBeLessThanOrEqual(budget(FIRST));

  addLaneCommits(h.repo, LANES, FIRST, MORE - 1);
  h.repo.commit('feat(lane-07)!: drop the old API', { 'packages/lane-07/src/api.ts': 'export {}\n' });
  const update = await timedPush(h);
  expect(h.gh.prs).toHaveLength(1);
  expect(versions(h)).toEqual({ ...expected, 'lane-07': '2.0.0' });
  expect(update.requests).toBeLessThanOrEqual(budget(MORE));

  // The same PR as a run without carried state (a full walk) writes.
  const carried = h.gh.prs[0]!.body;
  expect(parsePlanMarker(carried)!.carry).toBeDefined();
  h.gh.prs[0]!.body = withoutCarry(carried);
  await timedPush(h);
  expect(h.gh.prs[0]!.body).toBe(carried);

  if (process.env.RL_BENCH_REPORT) {
    writeFileSync(
      process.env.RL_BENCH_REPORT,
      JSON.stringify([
        { name: `first release PR (${FIRST} commits)`, ...first, budget: budget(FIRST) },
        { name: `+${MORE} commits, PR updated in place`, ...update, budget: budget(MORE) },
      ]),
    );
  }
}, 180_000);

test('a force-push under an open release PR: the carried state does not fit and is not trusted', async () => {
  h = await harness(createReleasePleaseLanesRepo(LANES, 300));
  await h.push();
  expect(parsePlanMarker(h.gh.prs[0]!.body)!.carry).toBeDefined();
  // History rewritten: the last 150 commits replaced by 5 others, one of them breaking lane-00.
  h.repo.git('reset', '-q', '--hard', 'HEAD~150');
  addLaneCommits(h.repo, LANES, 10_000, 4);
  h.repo.commit('feat(lane-00)!: new storage', { 'packages/lane-00/src/s.ts': 'export {}\n' });
  await h.push();
  const after = h.gh.prs[0]!.body;
  // A run that carries nothing sees the same plan.
  h.gh.prs[0]!.body = withoutCarry(after);
  await h.push();
  expect(h.gh.prs[0]!.body).toBe(after);
  expect(versions(h)['lane-00']).toBe('2.0.0');
}, 180_000);

test('release types that find version files by name (python, terraform-module, maven): one tree listing, within budget', async () => {
  const repo = createReleasePleaseLanesRepo(3, 0);
  const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';
  repo.commit('chore: python, terraform and maven packages', {
    'release-please-config.json': json({
      'release-type': 'node',
      'skip-snapshot': true,
      packages: {
        'packages/lane-00': { component: 'lane-00' },
        'packages/lane-01': { component: 'lane-01' },
        'packages/lane-02': { component: 'lane-02' },
        py: { component: 'py', 'release-type': 'python' },
        tf: { component: 'tf', 'release-type': 'terraform-module' },
        jvm: { component: 'jvm', 'release-type': 'maven' },
      },
    }),
    '.release-please-manifest.json': json({
      'packages/lane-00': '1.0.0',
      'packages/lane-01': '1.0.0',
      'packages/lane-02': '1.0.0',
      py: '1.0.0',
      tf: '1.0.0',
      jvm: '1.0.0',
    }),
    'py/pyproject.toml': '[project]\nname = "py"\nversion = "1.0.0"\n',
    'py/py/_impl/version.py': '__version__ = "1.0.0"\n',
    'tf/modules/sub/versions.tf': 'module_name = "blueprints/tf/sub/v1.0.0"\n',
    'jvm/pom.xml': '<project>\n  <version>1.0.0</version>\n</project>\n',
    'jvm/core/pom.xml': '<project>\n  <parent>\n    <version>1.0.0</version>\n  </parent>\n</project>\n',
  });
  for (const c of ['py', 'tf', 'jvm']) repo.tag(`${c}-v1.0.0`);
  addLaneCommits(repo, 3, 0, 150);
  repo.commit('fix(py): a', { 'py/src.py': 'x = 1\n' });
  repo.commit('fix(tf): b', { 'tf/main.tf': '# b\n' });
  repo.commit('fix(jvm): c', { 'jvm/core/A.java': 'class A {}\n' });
  h = await harness(repo);
  const first = await timedPush(h);
  // +1: the python packages' pyproject.toml, read (in one aliased query, with any package.json the config
  // needs) before the config is mapped: release-please names the `__init__.py` files after its project name
  expect(first.requests).toBeLessThanOrEqual(budget(153) + 1);
  expect(h.gh.requests.filter((r) => r.path.includes('/git/trees/')).map((r) => r.method)).toEqual(['GET']);
  const pr = h.gh.prs[0]!;
  const show = (path: string) => h!.repo.git('show', `${pr.head}:${path}`); // trimmed
  expect(show('py/py/_impl/version.py')).toBe('__version__ = "1.0.1"');
  expect(show('tf/modules/sub/versions.tf')).toBe('module_name = "blueprints/tf/sub/v1.0.1"');
  expect(show('jvm/core/pom.xml')).toContain('<version>1.0.1</version>');
}, 180_000);
