/**
 * `npm run bench`: planning a large monorepo vs. the bare `git log` it needs.
 *
 *   BENCH_COMMITS (default 100000)  BENCH_LANES (default 50)  BENCH_RUNS (default 3)
 *
 * Measures, on the same synthetic repository (bench/generate.mjs, cached in bench/.cache):
 *   raw      the `git log --topo-order -z --name-only …` the git adapter runs, read to the end
 *   history  gather: config, tags and the one-pass lanesHistory, in a child node process
 *   plan     planFromHost (gather + plan + changelogs), in a child node process (peak RSS read there)
 * Prints medians, the plan/raw ratio (target ≤ 1.3×) and the plan's peak RSS (target < 300 MB).
 */
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { ensureBenchRepo } from './generate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const commits = Number(process.env.BENCH_COMMITS ?? 100000);
const laneCount = Number(process.env.BENCH_LANES ?? 50);
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const TARGET_RATIO = 1.3;
const TARGET_RSS_MB = 300;

const { GIT_BASE_ARGS, lanesLogArgs } = await import('../dist/adapters/git/index.js');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function rawGitLog(repo) {
  const t0 = performance.now();
  const git = spawn('git', [...GIT_BASE_ARGS, ...lanesLogArgs(['HEAD'])], {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let bytes = 0;
  let records = 0;
  git.stdout.on('data', (b) => {
    bytes += b.length;
    for (let i = b.indexOf(0x1e); i !== -1; i = b.indexOf(0x1e, i + 1)) records++;
  });
  const [code] = await once(git, 'close');
  if (code !== 0) throw new Error(`git log exited with ${code}`);
  return { ms: performance.now() - t0, bytes, records };
}

async function child(repo, mode) {
  const p = spawn(process.execPath, [join(here, 'plan-child.mjs'), repo, mode], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  p.stdout.on('data', (b) => (out += b));
  const [code] = await once(p, 'close');
  if (code !== 0) throw new Error(`${mode} run exited with ${code}`);
  return JSON.parse(out.trim().split('\n').pop());
}

const repo = await ensureBenchRepo({
  commits,
  lanes: laneCount,
  cacheDir: join(here, '.cache'),
  log: (m) => console.log(m),
});
const total = Number(
  execFileSync('git', ['rev-list', '--count', 'HEAD'], { cwd: repo, encoding: 'utf8' }).trim(),
);
const tags = execFileSync('git', ['tag', '--list'], { cwd: repo, encoding: 'utf8' })
  .split('\n')
  .filter(Boolean).length;
console.log(`repository: ${repo}`);
console.log(`${total} commits, ${laneCount} lanes, ${tags} tags; ${runs} runs each, medians\n`);

await rawGitLog(repo); // warm the page cache so the first measured run is not penalised
const raw = [];
const history = [];
const plan = [];
for (let i = 0; i < runs; i++) {
  raw.push(await rawGitLog(repo));
  history.push(await child(repo, 'history'));
  plan.push(await child(repo, 'plan'));
}

const rawMs = median(raw.map((r) => r.ms));
const historyMs = median(history.map((r) => r.ms));
const planMs = median(plan.map((r) => r.ms));
const planRss = Math.max(...plan.map((r) => r.maxRssMb));
const historyRss = Math.max(...history.map((r) => r.maxRssMb));
const last = plan[plan.length - 1];
const rows = [
  ['raw git log', rawMs, `${raw[0].records} commits, ${(raw[0].bytes / 1048576).toFixed(1)} MB`, ''],
  [
    'gather (lanesHistory)',
    historyMs,
    `${history[0].commitsParsed} parsed, ${history[0].commitsKept} kept`,
    `${historyRss.toFixed(0)} MB`,
  ],
  [
    'plan (planFromHost)',
    planMs,
    last.releases === null ? 'TODO: dist/plan.js planFromHost missing' : `${last.releases} lane releases`,
    `${planRss.toFixed(0)} MB`,
  ],
];
const pad = (s, n) => String(s).padEnd(n);
console.log(`${pad('measurement', 24)}${pad('median', 12)}${pad('peak RSS', 11)}detail`);
for (const [name, ms, detail, rss] of rows) {
  console.log(`${pad(name, 24)}${pad(`${(ms / 1000).toFixed(2)} s`, 12)}${pad(rss, 11)}${detail}`);
}
const ratio = planMs / rawMs;
const ok = (b) => (b ? 'ok' : 'OVER TARGET');
console.log(
  `\nplan / raw git log: ${ratio.toFixed(2)}x (target <= ${TARGET_RATIO}x) ${ok(ratio <= TARGET_RATIO)}`,
);
console.log(`gather / raw git log: ${(historyMs / rawMs).toFixed(2)}x`);
console.log(
  `plan peak RSS: ${planRss.toFixed(0)} MB (target < ${TARGET_RSS_MB} MB) ${ok(planRss < TARGET_RSS_MB)}`,
);
