/**
 * The benchmark's independent oracle: the version every lane of the synthetic repository must be
 * released at, computed without any release-lanes code — one plain `git log` of the whole history,
 * ancestry by breadth-first search over the parents, lanes from the generator's layout, and the
 * conventional-commit rules the generator uses (bench/generate.mjs writes no reverts and no Release-As):
 *
 * - a lane's commits are the non-merge commits touching `<lane path>/` that its last release tag does
 *   not contain (all of them for a lane never released);
 * - releasable: a breaking change (`!` or a `BREAKING CHANGE:` line) or a feat/fix/perf commit;
 *   once releasable, the level is the highest of every conventional commit: breaking → major,
 *   feat → minor, any other type → patch;
 * - a lane depending on a released lane gets at least a patch (to a fixpoint);
 * - no previous release: 1.0.0.
 */
import { execFileSync } from 'node:child_process';
import { benchLayout } from './generate.mjs';

const HEADER = /^(\w+)(?:\([^()\r\n]*\))?(!)?: ?\S/;
const VISIBLE = new Set(['feat', 'fix', 'perf', 'deps', 'revert']);
const RANK = { none: 0, patch: 1, minor: 2, major: 3 };
const LEVEL = ['none', 'patch', 'minor', 'major'];

function inc(version, bump) {
  const [major, minor, patch] = version.split('.').map(Number);
  if (bump === 'major') return `${major + 1}.0.0`;
  if (bump === 'minor') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

/** Lane name → expected version, for the lanes that must be released. */
export function expectedVersions(repo, { commits, lanes, seed = 42 }) {
  const layout = benchLayout({ commits, lanes, seed }).lanes;
  const git = (...args) =>
    execFileSync('git', args, {
      cwd: repo,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
  const tagSha = new Map(
    git('for-each-ref', '--format=%(refname:strip=2) %(*objectname) %(objectname)', 'refs/tags')
      .split('\n')
      .filter(Boolean)
      .map((l) => {
        const [name, peeled, oid] = l.split(' ');
        return [name, peeled || oid];
      }),
  );

  const index = new Map();
  const parents = [];
  const messages = [];
  const files = [];
  for (const record of git('log', '--no-renames', '--name-only', '--format=%x1e%H%x1f%P%x1f%B%x1f', 'HEAD')
    .split('\x1e')
    .slice(1)) {
    const [sha, ps, message, names] = record.split('\x1f');
    index.set(sha, parents.length);
    parents.push(ps ? ps.split(' ') : []);
    messages.push(message);
    files.push(names.split('\n').filter(Boolean));
  }
  const n = parents.length;
  const parentIdx = parents.map((ps) => ps.map((p) => index.get(p)));

  const contains = (sha) => {
    const seen = new Uint8Array(n);
    const start = index.get(sha);
    if (start === undefined) throw new Error(`oracle: tag commit ${sha} is not in HEAD's history`);
    const stack = [start];
    seen[start] = 1;
    while (stack.length > 0) {
      for (const p of parentIdx[stack.pop()]) {
        if (p !== undefined && !seen[p]) {
          seen[p] = 1;
          stack.push(p);
        }
      }
    }
    return seen;
  };

  const bump = new Map();
  const current = new Map();
  for (const lane of layout) {
    const last = lane.releases[lane.releases.length - 1];
    current.set(lane.name, last?.version ?? null);
    const released = last ? contains(tagSha.get(`${lane.name}-v${last.version}`)) : null;
    const prefix = `${lane.path}/`;
    let level = 0;
    let releasable = false;
    for (let i = 0; i < n; i++) {
      if (parents[i].length > 1 || (released && released[i])) continue;
      if (!files[i].some((f) => f.startsWith(prefix))) continue;
      const m = HEADER.exec(messages[i]);
      if (!m) continue;
      const type = m[1].toLowerCase();
      const breaking = m[2] === '!' || /^BREAKING[ -]CHANGE: /m.test(messages[i]);
      if (breaking || VISIBLE.has(type)) releasable = true;
      level = Math.max(level, breaking ? 3 : type === 'feat' ? 2 : 1);
    }
    bump.set(lane.name, releasable ? level : 0);
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const lane of layout) {
      if (bump.get(lane.name) === 0 && lane.dependsOn.some((d) => bump.get(d) > 0)) {
        bump.set(lane.name, RANK.patch);
        changed = true;
      }
    }
  }
  const out = {};
  for (const lane of layout) {
    const b = bump.get(lane.name);
    if (b === 0) continue;
    const cur = current.get(lane.name);
    out[lane.name] = cur === null ? '1.0.0' : inc(cur, LEVEL[b]);
  }
  return out;
}
