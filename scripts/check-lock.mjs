#!/usr/bin/env node
// Checks package-lock.json before anything is installed, with nothing but Node itself:
//  1. the lock is in sync with package.json (same dependency names and specs, same overrides),
//  2. every entry other than a link has a `version` and an `integrity`,
//  3. every Node version our `engines` claims is allowed by the `engines` of every runtime dependency.
// Exits 1 with one line per problem and a fix. Run by .ci/run before `npm ci`, and by `npm test`.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
const problems = [];
const regen = "run `npm install` with this machine's npm and commit package-lock.json";

const top = lock.packages?.[''];
if (!top)
  problems.push(`package-lock.json has no root entry (lockfileVersion ${lock.lockfileVersion}); ${regen}`);
else {
  for (const field of ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies']) {
    const want = pkg[field] ?? {};
    const have = top[field] ?? {};
    for (const name of new Set([...Object.keys(want), ...Object.keys(have)])) {
      if (want[name] !== have[name])
        problems.push(
          `out of sync: ${field}.${name} is ${JSON.stringify(want[name])} in package.json but ${JSON.stringify(have[name])} in package-lock.json; ${regen}`,
        );
    }
  }
  if (lock.name !== pkg.name || top.version !== pkg.version)
    problems.push(
      `out of sync: name/version ${pkg.name}@${pkg.version} vs ${lock.name}@${top.version}; ${regen}`,
    );
  if (JSON.stringify(top.engines ?? null) !== JSON.stringify(pkg.engines ?? null))
    problems.push(`out of sync: engines differ between package.json and package-lock.json; ${regen}`);
}

for (const [path, entry] of Object.entries(lock.packages ?? {})) {
  if (path === '' || entry.link) continue;
  for (const field of ['version', 'integrity'])
    if (!entry[field]) problems.push(`${path} has no \`${field}\`; ${regen}`);
}

for (const [name, raw] of Object.entries(pkg.overrides ?? {})) {
  if (typeof raw !== 'string') continue;
  // `"$name"` refers to the version of our own direct dependency of that name.
  const spec = raw.startsWith('$')
    ? (pkg.dependencies?.[raw.slice(1)] ?? pkg.devDependencies?.[raw.slice(1)])
    : raw;
  for (const [path, entry] of Object.entries(lock.packages ?? {}))
    if (path.endsWith(`node_modules/${name}`) && entry.version !== spec)
      problems.push(
        `override ${name}@${spec} is not applied in package-lock.json (${path} is ${entry.version}); ${regen}`,
      );
}

// engines: our range must be a subset of each runtime dependency's range.
const ours = pkg.engines?.node;
if (ours) {
  // Before `npm ci` our node_modules is empty: fall back to the semver that ships inside npm itself.
  const { execFileSync } = await import('node:child_process');
  const candidates = [join(root, 'node_modules/semver/index.js')];
  try {
    candidates.push(
      join(
        execFileSync('npm', ['root', '-g'], { encoding: 'utf8' }).trim(),
        'npm/node_modules/semver/index.js',
      ),
    );
  } catch {
    /* npm not on PATH */
  }
  let semver = null;
  for (const c of candidates) {
    semver = (await import(c).catch(() => null))?.default ?? null;
    if (semver) break;
  }
  if (!semver) problems.push("engines: cannot load semver (neither ours nor npm's) to check engines");
  else {
    for (const [path, entry] of Object.entries(lock.packages ?? {})) {
      if (path === '' || entry.dev || entry.link || !entry.engines?.node) continue;
      const theirs =
        typeof entry.engines === 'object' && !Array.isArray(entry.engines) ? entry.engines.node : null;
      if (theirs && !semver.subset(ours, theirs, { includePrerelease: false }))
        problems.push(
          `engines: we claim node "${ours}" but ${path.replace(/^.*node_modules\//, '')}@${entry.version} requires "${theirs}"; pin a version that supports ours (package.json "overrides") or narrow "engines"`,
        );
    }
  }
}

if (problems.length) {
  for (const p of problems) console.error(`check-lock: ${p}`);
  process.exit(1);
}
const n = Object.keys(lock.packages ?? {}).length - 1;
console.log(
  `check-lock: package-lock.json matches package.json; ${n} entries, all with version and integrity${ours ? `; engines node "${ours}" allowed by every runtime dependency` : ''}`,
);
