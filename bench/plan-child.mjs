/**
 * One measured run, in its own process so its peak RSS is its own:
 *   node bench/plan-child.mjs <repo> plan|history
 * Prints one JSON line: { mode, ms, maxRssMb, commitsParsed, commitsKept, releases }.
 */
import { performance } from 'node:perf_hooks';

const [repo, mode = 'plan'] = process.argv.slice(2);
const { createGitRepoHost } = await import('../dist/adapters/git/index.js');
const stats = { commitsParsed: 0, commitsKept: 0, stoppedEarly: false };
const host = createGitRepoHost(repo, { stats });

let planModule = null;
try {
  planModule = await import('../dist/plan.js');
} catch {
  planModule = null; // TODO: remove this fallback once src/plan.ts is always built
}

const t0 = performance.now();
let releases = null;
if (mode === 'plan' && planModule?.planFromHost) {
  const { plan } = await planModule.planFromHost(host, { now: new Date('2026-01-01T00:00:00Z') });
  releases = plan.releases.length;
} else if (planModule?.gather) {
  await planModule.gather(host, { now: new Date('2026-01-01T00:00:00Z') });
} else {
  // Fallback without src/plan.ts: boundaries from the manifest and `{lane}-v{version}` tags.
  const { loadConfig } = await import('../dist/config/index.js');
  const [yml, manifest, tags] = await Promise.all([
    host.readFile('.github/release-lanes.yml'),
    host.readFile('.release-lanes-manifest.json'),
    host.listTags(),
  ]);
  const { config, versions } = loadConfig({ releaseLanesYml: yml, releaseLanesManifest: manifest });
  const byName = new Map(tags.map((t) => [t.name, t.sha]));
  const boundaries = Object.fromEntries(
    config.lanes.map((l) => [l.name, byName.get(`${l.name}-v${versions[l.name]}`)]),
  );
  await host.lanesHistory(config, boundaries);
}
const ms = performance.now() - t0;
const maxRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ mode, ms, maxRssMb, ...stats, releases })}\n`);
