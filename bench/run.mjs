/**
 * `npm run bench`: what a user runs, timed against the bare `git log` it cannot do without.
 *
 *   BENCH_COMMITS (default 100000)  BENCH_LANES (default 50)  BENCH_PAIRS (default 5, at least 5)
 *   BENCH_API=0 skips the App part (request counts per push).
 *
 * On the synthetic repository (bench/generate.mjs, cached in bench/.cache):
 *   git log  `git log --name-only --format=%H%x00%B <range>` (range: oldest lane tag..HEAD, or the whole
 *            history when a lane was never released), read to the end by this process
 *   plan     the whole CLI process `node dist/cli.js plan --json` (start-up, git, plan, output), its
 *            output read to the end by this process
 * in alternating pairs (the order flips every pair; the machine may be shared), each under
 * `/usr/bin/time -f %M` for its peak RSS. Prints the medians, the ratio (target ≤ 1.3×) and the peak
 * RSS (target < 300 MB). The plan's versions are checked against an independent oracle
 * (bench/oracle.mjs); a wrong version fails the bench.
 *
 * Then the App on a local GitHub stand-in (test/handlers/push-budget.test.ts, nock over a real git repository):
 * requests and wall time per push for the first release PR over 2,000 commits and for +10 commits,
 * beside the budget ⌈new commits / 100⌉ + 8.
 */
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { ensureBenchRepo } from './generate.mjs';
import { expectedVersions } from './oracle.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const commits = Number(process.env.BENCH_COMMITS ?? 100000);
const laneCount = Number(process.env.BENCH_LANES ?? 50);
const pairs = Math.max(5, Number(process.env.BENCH_PAIRS ?? 5));
const TARGET_RATIO = 1.3;
const TARGET_RSS_MB = 300;
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const tmp = mkdtempSync(join(tmpdir(), 'rl-bench-'));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Runs a whole process, reads its stdout to the end; wall time, peak RSS (MB) and the output. */
async function timed(cmd, args, { cwd, keep = false }) {
  const rssFile = join(tmp, 'rss');
  const argv = TIME ? [TIME, '-f', '%M', '-o', rssFile, cmd, ...args] : [cmd, ...args];
  const t0 = performance.now();
  const p = spawn(argv[0], argv.slice(1), { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
  const chunks = [];
  let bytes = 0;
  p.stdout.on('data', (b) => {
    bytes += b.length;
    if (keep) chunks.push(b);
  });
  const [code] = await once(p, 'close');
  const ms = performance.now() - t0;
  if (code !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${code}`);
  const rssMb = TIME ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024 : NaN;
  return { ms, rssMb, bytes, out: keep ? Buffer.concat(chunks).toString('utf8') : '' };
}

const repo = await ensureBenchRepo({
  commits,
  lanes: laneCount,
  cacheDir: join(here, '.cache'),
  log: (m) => console.log(m),
});
const git = (...args) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
const total = Number(git('rev-list', '--count', 'HEAD'));
const manifest = JSON.parse(readFileSync(join(repo, '.release-lanes-manifest.json'), 'utf8'));
const laneNames = [
  ...readFileSync(join(repo, '.github/release-lanes.yml'), 'utf8').matchAll(/- name: (\S+)/g),
].map((m) => m[1]);
const laneTags = laneNames.filter((l) => manifest[l]).map((l) => `${l}-v${manifest[l]}`);
const oldest = laneTags
  .map((t) => ({ t, depth: Number(git('rev-list', '--count', `${t}..HEAD`)) }))
  .sort((a, b) => b.depth - a.depth)[0];
const neverReleased = laneNames.length - laneTags.length;
const range = neverReleased > 0 || !oldest ? 'HEAD' : `${oldest.t}..HEAD`;
const rangeCount = Number(git('rev-list', '--count', range));

console.log(`repository: ${repo}`);
console.log(
  `${total} commits, ${laneNames.length} lanes (${neverReleased} never released), ${git('tag', '--list').split('\n').length} tags`,
);
console.log(`git log range: ${range} (${rangeCount} commits); ${pairs} alternating pairs, medians\n`);

const gitArgs = ['log', '--name-only', '--format=%H%x00%B', range];
const cliArgs = [join(root, 'dist/cli.js'), 'plan', '--json'];
const runGit = () => timed('git', gitArgs, { cwd: repo });
const runPlan = (keep = false) => timed(process.execPath, cliArgs, { cwd: repo, keep });

// Warm-up (page cache, compiled code cache) and the correctness check, not timed.
await runGit();
const first = await runPlan(true);
const expected = expectedVersions(repo, { commits, lanes: laneCount });
const planned = Object.fromEntries(JSON.parse(first.out).releases.map((r) => [r.lane, r.version]));
const lanesToCheck = [...new Set([...Object.keys(expected), ...Object.keys(planned)])].sort();
const wrong = lanesToCheck.filter((l) => expected[l] !== planned[l]);

const gitRuns = [];
const planRuns = [];
for (let i = 0; i < pairs; i++) {
  if (i % 2 === 0) {
    gitRuns.push(await runGit());
    planRuns.push(await runPlan());
  } else {
    planRuns.push(await runPlan());
    gitRuns.push(await runGit());
  }
}
rmSync(tmp, { recursive: true, force: true });

const gitMs = median(gitRuns.map((r) => r.ms));
const planMs = median(planRuns.map((r) => r.ms));
const ratios = gitRuns.map((g, i) => planRuns[i].ms / g.ms);
const pad = (s, n) => String(s).padEnd(n);
const sec = (ms) => `${(ms / 1000).toFixed(2)} s`;
const mb = (x) => (Number.isNaN(x) ? 'n/a' : `${x.toFixed(0)} MB`);
console.log(`${pad('process', 34)}${pad('median', 10)}${pad('runs', 44)}${pad('peak RSS', 10)}output`);
for (const [name, runs] of [
  ['git log --name-only', gitRuns],
  ['release-lanes plan --json', planRuns],
]) {
  console.log(
    `${pad(name, 34)}${pad(sec(median(runs.map((r) => r.ms))), 10)}${pad(runs.map((r) => (r.ms / 1000).toFixed(2)).join(' '), 44)}${pad(mb(median(runs.map((r) => r.rssMb))), 10)}${(runs[0].bytes / 1048576).toFixed(1)} MB`,
  );
}
const ratio = planMs / gitMs;
const planRss = Math.max(...planRuns.map((r) => r.rssMb));
const ok = (b) => (b ? 'ok' : 'OVER TARGET');
console.log(
  `\nplan / git log: ${ratio.toFixed(2)}x of the medians (median of the pair ratios ${median(ratios).toFixed(2)}x; target <= ${TARGET_RATIO}x) ${ok(ratio <= TARGET_RATIO)}`,
);
console.log(
  `plan peak RSS: ${mb(planRss)} (max of the runs; target < ${TARGET_RSS_MB} MB) ${ok(planRss < TARGET_RSS_MB)}`,
);
console.log(
  `versions: ${lanesToCheck.length - wrong.length}/${lanesToCheck.length} lanes as the oracle (bench/oracle.mjs)${
    wrong.length
      ? `; WRONG: ${wrong.map((l) => `${l} ${planned[l] ?? '-'} != ${expected[l] ?? '-'}`).join(', ')}`
      : ''
  }`,
);

let apiOk = true;
if (process.env.BENCH_API !== '0') {
  const report = join(mkdtempSync(join(tmpdir(), 'rl-bench-api-')), 'report.json');
  execFileSync(
    process.execPath,
    [
      '--experimental-vm-modules',
      join(root, 'node_modules/jest/bin/jest.js'),
      'test/handlers/push-budget.test.ts',
      '-t',
      'first release PR',
      '--silent',
    ],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, RL_BENCH_REPORT: report } },
  );
  const rows = JSON.parse(readFileSync(report, 'utf8'));
  console.log(
    `\nApp on a local GitHub stand-in (nock over a real git repository), 50 lanes, release-please config:`,
  );
  console.log(`${pad('push', 44)}${pad('requests', 10)}${pad('budget', 8)}${pad('wall', 9)}`);
  for (const r of rows) {
    apiOk &&= r.requests <= r.budget;
    console.log(
      `${pad(r.name, 44)}${pad(r.requests, 10)}${pad(r.budget, 8)}${pad(sec(r.ms), 9)}${ok(r.requests <= r.budget)}`,
    );
  }
}

if (wrong.length > 0 || !apiOk) process.exitCode = 1;
