/**
 * The App's pino output for whole job runs (GitHub simulated with nock over a real git repository): every
 * line a job writes, Octokit's request lines included, names the delivery, repository and job; every line
 * about one lane also names the lane.
 */
import { latticeRepo } from '../e2e/helpers/repos.js';
import { releaseAndMerge } from '../e2e/helpers/scenario.js';
import { tagHarness, type TagHarness } from '../e2e/helpers/tag-github.js';

type Line = Record<string, unknown>;

const LANES = ['sdk', 'server', 'agent', 'docs', 'plugin-index'];

let th: TagHarness;
afterEach(() => th?.close());

/** The lines from the job's "started" line to its result line (the in-process queue runs one job here). */
function jobLines(logs: Line[], kind: string, delivery: string): Line[] {
  const from = logs.findIndex(
    (l) => l.msg === `release-lanes: job ${kind} started` && l.delivery === delivery,
  );
  const to = logs.findIndex((l, i) => i > from && l.msg === `release-lanes: job ${kind} done`);
  expect(from).toBeGreaterThanOrEqual(0);
  expect(to).toBeGreaterThan(from);
  return logs.slice(from, to + 1);
}

/** The lane a line's message is about (`release-lanes: <lane> …` / `release-lanes: <lane>: …`), or null. */
function laneOfMessage(line: Line): string | null {
  const m = /^release-lanes: ([\w-]+)[ :]/.exec(String(line.msg));
  return m && LANES.includes(m[1]!) ? m[1]! : null;
}

/**
 * The App's own `GET /app` (its slug, asked once per process with the App's JWT and cached; see
 * src/handlers/pull-request-closed.ts) is logged by Probot's App client, not by the job's.
 */
const appLevel = (l: Line) =>
  l.name === 'octokit' && /^GitHub request: GET \S+\/app - \d+$/.test(String(l.msg));

function expectJobFields(lines: Line[], delivery: string, kind: string) {
  expect(lines.filter(appLevel).length).toBeLessThanOrEqual(1);
  for (const line of lines.filter((l) => !appLevel(l))) {
    expect(line).toMatchObject({ delivery, repo: 'acme/mono', job: delivery, kind });
  }
  for (const line of lines) {
    const lane = laneOfMessage(line);
    if (lane) expect({ msg: line.msg, lane: line.lane }).toEqual({ msg: line.msg, lane });
  }
}

test('push job: every line names delivery, repo and job; each proposed lane has its line with `lane`', async () => {
  th = await tagHarness(latticeRepo());
  await th.push();
  const lines = jobLines(th.app.logs, 'push', 'delivery-1');
  expect(lines.filter((l) => l.name === 'github').length).toBeGreaterThan(3); // Octokit's request lines
  expectJobFields(lines, 'delivery-1', 'push');
  const perLane = lines.filter((l) => l.lane !== undefined);
  expect(perLane.map((l) => l.lane).sort()).toEqual([...LANES].sort());
  const server = perLane.find((l) => l.lane === 'server')!;
  expect(server).toMatchObject({ version: '0.4.1-alpha.1', previous: '0.4.0', action: 'opened' });
  expect(server.msg).toMatch(/^release-lanes: server 0\.4\.0 -> 0\.4\.1-alpha\.1 in PR #\d+$/);
});

test('merge job: version tags, Releases and channel tags are logged per lane, with `lane`', async () => {
  th = await tagHarness(latticeRepo());
  await releaseAndMerge(th);
  const lines = jobLines(th.app.logs, 'pull-request-closed', 'tag-delivery-1');
  expectJobFields(lines, 'tag-delivery-1', 'pull-request-closed');
  const about = (lane: string) => lines.filter((l) => l.lane === lane).map((l) => String(l.msg));
  expect(about('server')).toEqual([
    'release-lanes: server 0.4.1-alpha.1: version tag server-v0.4.1-alpha.1',
    'release-lanes: server: GitHub Release server 0.4.1-alpha.1 created',
    // an alpha prerelease: `alpha` is created, `latest` (stable only) stays
    'release-lanes: server: channel tags alpha create',
  ]);
  expect(about('agent')).toEqual([
    'release-lanes: agent 0.2.0: version tag agent-v0.2.0',
    'release-lanes: agent: GitHub Release lattice-agent 0.2.0 created',
  ]);
  // tags only (`release: false`): no Release line
  expect(about('docs')).toEqual(['release-lanes: docs 1.0.1: version tag docs-v1.0.1']);
  // lanes are tagged in dependency order: sdk first
  expect(lines.find((l) => l.lane !== undefined)?.lane).toBe('sdk');
  expect(th.tags()['server-v0.4.1-alpha.1']).toBeDefined();
});
