#!/usr/bin/env node
// Proves the published package works: `npm pack`, install the tarball into an empty project, then there
//  - `main`, `types` and every `exports` target of the installed package exist,
//  - `import('release-lanes')` resolves and plans a checkout,
//  - `npx release-lanes plan` works inside a git repository,
//  - the install printed no EBADENGINE warning on this Node.
// Run by .ci/run after the tests (and by `npm run check:pack`).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'release-lanes-pack-'));
const run = (cmd, args, cwd, extra = {}) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...extra });
const fail = (msg) => {
  console.error(`check-pack: ${msg}`);
  process.exit(1);
};

try {
  const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], root));
  const tarball = join(work, packed[0].filename);
  console.log(
    `check-pack: packed ${packed[0].filename} (${packed[0].entryCount} files, ${packed[0].size} bytes)`,
  );

  const project = join(work, 'consumer');
  run('mkdir', ['-p', project], work);
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  );
  let installLog = '';
  try {
    // npm prints warnings on stderr: capture both.
    installLog = run(
      'sh',
      ['-c', `npm install --no-audit --no-fund --loglevel=warn "${tarball}" 2>&1`],
      project,
    );
  } catch (e) {
    fail(`npm install of the tarball failed:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
  if (/EBADENGINE/.test(installLog))
    fail(`installing on Node ${process.version} warns EBADENGINE:\n${installLog}`);

  const installed = join(project, 'node_modules', 'release-lanes');
  const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  const targets = [pkg.main, pkg.types, ...Object.values(pkg.bin ?? {})];
  for (const entry of Object.values(pkg.exports ?? {}))
    targets.push(...(typeof entry === 'string' ? [entry] : Object.values(entry)));
  for (const t of targets)
    if (!existsSync(join(installed, t))) fail(`package.json points at ${t}, which is not in the package`);

  // A git repository with one commit, inside the consumer project.
  run('git', ['init', '-q'], project);
  run(
    'git',
    [
      '-c',
      'user.name=t',
      '-c',
      'user.email=t@example.invalid',
      'commit',
      '-q',
      '--allow-empty',
      '-m',
      'feat: first',
    ],
    project,
  );

  const plan = run('npx', ['--no-install', 'release-lanes', 'plan', '--json'], project);
  const json = JSON.parse(plan);
  if (json.releases?.[0]?.version !== '1.0.0') fail(`npx release-lanes plan --json gave ${plan}`);

  const viaImport = run(
    'node',
    [
      '--input-type=module',
      '-e',
      "const m = await import('release-lanes'); const p = await m.planCheckout(process.cwd()); console.log(p.releases.map((r) => r.version).join(','));",
    ],
    project,
  ).trim();
  if (viaImport !== '1.0.0') fail(`import('release-lanes').planCheckout gave "${viaImport}"`);
  console.log(
    `check-pack: installed into an empty project on Node ${process.version} without EBADENGINE; npx release-lanes plan and import('release-lanes') both plan 1.0.0; ${targets.length} entry points exist`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
