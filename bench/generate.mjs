/**
 * Synthetic monorepo for the benchmark: N commits across L lanes, written with `git fast-import`
 * (streamed to git's stdin, never held in memory), cached under bench/.cache keyed by the parameters.
 *
 * - each commit touches 1–3 files in 1–2 lanes, with a realistic conventional message;
 * - every 400 commits a 3-commit side branch is merged back (so ~1% more commits than asked);
 * - each lane's last release is 1k–N commits deep (log-uniform), with older releases below it;
 *   a few lanes were never released, so the whole history must be read;
 * - `.github/release-lanes.yml` lists the lanes (some depend on others), the manifest their versions.
 */
import { spawn, execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Bump when the generated repository changes shape, to invalidate caches. */
const GENERATOR_VERSION = 2;

const NAMES = [
  'auth',
  'billing',
  'search',
  'catalog',
  'checkout',
  'gateway',
  'ingest',
  'notify',
  'profile',
  'reports',
  'scheduler',
  'storage',
  'telemetry',
  'ui-kit',
  'web',
  'mobile',
  'admin',
  'cli',
  'sdk-js',
  'sdk-go',
  'sdk-py',
  'agent',
  'docs',
  'infra',
  'ledger',
  'pricing',
  'orders',
  'inventory',
  'shipping',
  'returns',
  'reviews',
  'recommend',
  'ads',
  'analytics',
  'audit',
  'cache',
  'config',
  'events',
  'export',
  'flags',
  'graph',
  'i18n',
  'images',
  'jobs',
  'kyc',
  'locks',
  'mail',
  'maps',
  'media',
  'queue',
  'ratelimit',
  'realtime',
  'secrets',
  'sessions',
  'sms',
  'tenants',
  'uploads',
  'users',
  'video',
  'webhooks',
];
const AREAS = ['packages', 'services', 'apps'];
const TYPES = [
  ['fix', 34],
  ['feat', 24],
  ['chore', 14],
  ['docs', 8],
  ['refactor', 8],
  ['perf', 4],
  ['test', 5],
  ['ci', 2],
  ['build', 1],
];
const VERBS = ['handle', 'support', 'add', 'avoid', 'cache', 'validate', 'expose', 'retry', 'log', 'stream'];
const OBJECTS = [
  'empty payloads',
  'expired tokens',
  'pagination cursors',
  'unicode names',
  'large uploads',
  'timeouts',
  'concurrent writes',
  'config reloads',
  'missing headers',
  'rate limits',
  'dark mode',
  'CSV exports',
];

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The lanes, their last release depth and versions (pure, from the seed). */
export function benchLayout({ commits, lanes, seed = 42 }) {
  if (lanes > NAMES.length) throw new Error(`at most ${NAMES.length} lanes`);
  const rnd = mulberry32(seed);
  const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
  const neverReleased = new Set([lanes - 1, Math.floor(lanes / 2), 1].filter((i) => i < lanes && lanes > 3));
  const minDepth = Math.min(1000, Math.max(10, Math.floor(commits / 10)));
  const out = [];
  for (let i = 0; i < lanes; i++) {
    const name = NAMES[i];
    const path = `${AREAS[i % AREAS.length]}/${name}`;
    const dependsOn = i > 4 && rnd() < 0.3 ? [NAMES[Math.floor(rnd() * Math.min(i, 5))]] : [];
    let releases = [];
    if (!neverReleased.has(i)) {
      // log-uniform depth of the last release in [minDepth, commits - 1]
      const depth = Math.floor(
        Math.exp(Math.log(minDepth) + rnd() * (Math.log(commits - 1) - Math.log(minDepth))),
      );
      let major = Math.floor(rnd() * 3);
      let minor = Math.floor(rnd() * 12);
      let patch = Math.floor(rnd() * 8);
      let at = commits - 1 - depth;
      const count = 1 + Math.floor(rnd() * 5);
      for (let k = 0; k < count && at >= 1; k++) {
        releases.push({ at, version: `${major}.${minor}.${patch}`, annotated: rnd() < 0.5 });
        if (patch > 0) patch--;
        else if (minor > 0) minor--;
        else if (major > 0) major--;
        else break;
        at -= 50 + Math.floor(rnd() * 2000);
      }
    }
    releases = releases.reverse(); // oldest first
    out.push({ name, path, dependsOn, releases });
  }
  return { lanes: out, rnd, pick };
}

function configYaml(layout) {
  const lines = ['# Synthetic monorepo of the release-lanes benchmark.', 'lanes:'];
  for (const l of layout.lanes) {
    lines.push(`  - name: ${l.name}`, `    path: ${l.path}`, `    tag: ${l.name}-v{version}`);
    if (l.dependsOn.length > 0) lines.push(`    depends-on: [${l.dependsOn.join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}

function manifestJson(layout) {
  const versions = {};
  for (const l of layout.lanes) {
    const last = l.releases[l.releases.length - 1];
    if (last) versions[l.name] = last.version;
  }
  return `${JSON.stringify(versions, null, 2)}\n`;
}

const data = (text) => `data ${Buffer.byteLength(text)}\n${text}\n`;

function message(rnd, pick, lane, i) {
  let r = rnd() * 100;
  let type = 'fix';
  for (const [t, w] of TYPES) {
    if ((r -= w) < 0) {
      type = t;
      break;
    }
  }
  const scoped = rnd() < 0.7;
  const breaking = type === 'feat' && rnd() < 0.004;
  let msg = `${type}${scoped ? `(${lane})` : ''}${breaking ? '!' : ''}: ${pick(VERBS)} ${pick(OBJECTS)}`;
  if (rnd() < 0.15) msg += ` (#${1000 + (i % 9000)})`;
  if (rnd() < 0.3)
    msg += `\n\nThis ${pick(VERBS)}s ${pick(OBJECTS)} in ${lane}.\nSee the design note for details.`;
  if (breaking) msg += `\n\nBREAKING CHANGE: ${pick(OBJECTS)} are no longer accepted.`;
  if (rnd() < 0.02) msg = `Update ${lane} ${pick(OBJECTS)}`; // non-conventional
  return msg;
}

/** Streams the fast-import commands into git. */
async function writeHistory(dir, layout, commits) {
  const { rnd, pick, lanes } = layout;
  const git = spawn('git', ['fast-import', '--quiet', '--done'], {
    cwd: dir,
    stdio: ['pipe', 'ignore', 'inherit'],
  });
  const exited = once(git, 'close');
  const tagsAt = new Map();
  for (const l of lanes) {
    for (const r of l.releases) {
      if (!tagsAt.has(r.at)) tagsAt.set(r.at, []);
      tagsAt.get(r.at).push({ name: `${l.name}-v${r.version}`, annotated: r.annotated });
    }
  }
  const base = 1600000000;
  let buf = [];
  let bufLen = 0;
  const emit = async (s) => {
    buf.push(s);
    bufLen += s.length;
    if (bufLen > 1 << 20) {
      const chunk = buf.join('');
      buf = [];
      bufLen = 0;
      if (!git.stdin.write(chunk)) await once(git.stdin, 'drain');
    }
  };
  const who = (i) => {
    const n = i % 7;
    return `Dev ${n} <dev${n}@example.com> ${base + i * 600} +0000`;
  };
  const changes = (i) => {
    const laneCount = rnd() < 0.85 ? 1 : 2;
    const files = new Map();
    const touched = [];
    for (let k = 0; k < laneCount; k++) {
      const lane = pick(lanes);
      touched.push(lane.name);
      const n = laneCount === 1 ? 1 + Math.floor(rnd() * 3) : 1;
      for (let f = 0; f < n; f++)
        files.set(`${lane.path}/src/file${Math.floor(rnd() * 20)}.ts`, `// change ${i}\n`);
    }
    return { files, lane: touched[0] };
  };
  const fileCommands = (files) => [...files].map(([p, c]) => `M 100644 inline ${p}\n${data(c)}`).join('');

  let mark = 0;
  let mainMark = 0;
  for (let i = 0; i < commits; i++) {
    // Every ~400 commits, a short side branch merged back into main.
    if (i > 0 && i % 400 === 0 && i < commits - 10) {
      let sideMark = mainMark;
      const sideFiles = new Map();
      for (let s = 0; s < 3; s++) {
        const c = changes(i);
        for (const [p, v] of c.files) sideFiles.set(p, v);
        await emit(`commit refs/heads/side\nmark :${++mark}\nauthor ${who(i)}\ncommitter ${who(i)}\n`);
        await emit(`${data(message(rnd, pick, c.lane, i))}from :${sideMark}\n${fileCommands(c.files)}\n`);
        sideMark = mark;
      }
      await emit(`commit refs/heads/main\nmark :${++mark}\nauthor ${who(i)}\ncommitter ${who(i)}\n`);
      await emit(
        `${data(`Merge pull request #${i} from acme/topic-${i}`)}from :${mainMark}\nmerge :${sideMark}\n`,
      );
      await emit(`${fileCommands(sideFiles)}\n`);
      mainMark = mark;
    }
    const c =
      i === 0
        ? {
            files: new Map([
              ['README.md', '# bench\n'],
              ['.github/release-lanes.yml', configYaml(layout)],
            ]),
            lane: 'repo',
          }
        : i === commits - 1
          ? { files: new Map([['.release-lanes-manifest.json', manifestJson(layout)]]), lane: 'repo' }
          : changes(i);
    const msg =
      i === 0
        ? 'chore: initial commit'
        : i === commits - 1
          ? 'chore: sync the manifest'
          : message(rnd, pick, c.lane, i);
    await emit(
      `commit refs/heads/main\nmark :${++mark}\nauthor ${who(i)}\ncommitter ${who(i)}\n${data(msg)}`,
    );
    await emit(`${mainMark ? `from :${mainMark}\n` : ''}${fileCommands(c.files)}\n`);
    mainMark = mark;
    for (const t of tagsAt.get(i) ?? []) {
      if (t.annotated)
        await emit(`tag ${t.name}\nfrom :${mark}\ntagger ${who(i)}\n${data(`Release ${t.name}`)}`);
      else await emit(`reset refs/tags/${t.name}\nfrom :${mark}\n\n`);
    }
  }
  await emit('done\n');
  git.stdin.end(buf.join(''));
  const [code] = await exited;
  if (code !== 0) throw new Error(`git fast-import exited with ${code}`);
}

/** Returns the path of a cached synthetic repository, generating it first when needed. */
export async function ensureBenchRepo({ commits, lanes, cacheDir, seed = 42, log = () => {} }) {
  const dir = join(cacheDir, `repo-c${commits}-l${lanes}-s${seed}-g${GENERATOR_VERSION}`);
  if (existsSync(join(dir, '.git', 'bench-complete'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  log(`generating ${commits} commits across ${lanes} lanes in ${dir} …`);
  const git = (...args) => execFileSync('git', args, { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'bench');
  git('config', 'user.email', 'bench@example.com');
  await writeHistory(dir, benchLayout({ commits, lanes, seed }), commits);
  git('branch', '-q', '-D', 'side');
  git('reset', '-q', '--hard');
  git('gc', '-q');
  git('commit-graph', 'write', '--reachable');
  writeFileSync(join(dir, '.git', 'bench-complete'), `${new Date().toISOString()}\n`);
  return dir;
}
