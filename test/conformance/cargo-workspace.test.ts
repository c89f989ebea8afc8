/**
 * release-please's `cargo-workspace` plugin on a two-crate workspace: a feature in `acme-a` releases it,
 * bumps the dependent `acme-b` (patch), moves b's requirement on a, and updates the workspace Cargo.lock.
 * release-lanes reads the crate names and dependencies from the Cargo.toml files; the files it writes
 * are compared with release-please's own CargoToml and CargoLock updaters for the same versions.
 */
import { createGitRepoHost } from '../../src/adapters/git/index.js';
import { planReadPaths, releaseFiles } from '../../src/flows/release-files.js';
import { planFromHost } from '../../src/plan.js';
import { createTestRepo } from '../helpers/git-repo.js';
import { rp, Version } from './release-please.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
const CargoToml = rp<Any>('updaters/rust/cargo-toml', 'CargoToml');
const CargoLock = rp<Any>('updaters/rust/cargo-lock', 'CargoLock');

const files = {
  'Cargo.toml': '[workspace]\nmembers = ["crates/a", "crates/b"]\n',
  'Cargo.lock':
    'version = 3\n\n[[package]]\nname = "acme-a"\nversion = "1.0.0"\n\n[[package]]\nname = "acme-b"\nversion = "1.0.0"\ndependencies = [\n "acme-a",\n]\n',
  'crates/a/Cargo.toml': '[package]\nname = "acme-a"\nversion = "1.0.0"\nedition = "2021"\n',
  'crates/b/Cargo.toml':
    '[package]\nname = "acme-b"\nversion = "1.0.0"\nedition = "2021"\n\n[dependencies]\nacme-a = { path = "../a", version = "1.0.0" }\n',
  'release-please-config.json': JSON.stringify(
    {
      plugins: ['cargo-workspace'],
      packages: { 'crates/a': { 'release-type': 'rust' }, 'crates/b': { 'release-type': 'rust' } },
    },
    null,
    2,
  ),
  '.release-please-manifest.json': '{\n  "crates/a": "1.0.0",\n  "crates/b": "1.0.0"\n}\n',
};

describe('cargo-workspace', () => {
  it('releases the changed crate, bumps its dependent and moves the requirement and Cargo.lock like release-please', async () => {
    const repo = createTestRepo('rl-cargo-');
    try {
      repo.commit('chore: initial', files);
      repo.tag('acme-a-v1.0.0');
      repo.tag('acme-b-v1.0.0');
      repo.commit('feat: faster parsing', { 'crates/a/src/lib.rs': 'pub fn parse() {}\n' });

      const host = createGitRepoHost(repo.dir);
      const { plan, config } = await planFromHost(host, { now: new Date('2026-03-04T00:00:00Z') });
      expect(plan.releases.map((r) => [r.tag, r.version])).toEqual([
        ['acme-a-v1.1.0', '1.1.0'],
        ['acme-b-v1.0.1', '1.0.1'],
      ]);
      const paths = planReadPaths(plan, config);
      const current = Object.fromEntries(
        await Promise.all(paths.map(async (p) => [p, await host.readFile(p)] as const)),
      );
      const out = releaseFiles(plan, config, current);

      const versionsMap = new Map([
        ['acme-a', Version.parse('1.1.0')],
        ['acme-b', Version.parse('1.0.1')],
      ]);
      const theirs = (path: keyof typeof files, version: string) =>
        new CargoToml({ version: Version.parse(version), versionsMap }).updateContent(files[path]);
      expect(out['crates/a/Cargo.toml']).toBe(theirs('crates/a/Cargo.toml', '1.1.0'));
      expect(out['crates/b/Cargo.toml']).toBe(theirs('crates/b/Cargo.toml', '1.0.1'));
      expect(out['crates/b/Cargo.toml']).toContain('acme-a = { path = "../a", version = "1.1.0" }');
      expect(out['Cargo.lock']).toBe(new CargoLock(versionsMap).updateContent(files['Cargo.lock']));
      expect(out['.release-please-manifest.json']).toBe(
        '{\n  "crates/a": "1.1.0",\n  "crates/b": "1.0.1"\n}\n',
      );
    } finally {
      repo.cleanup();
    }
  });
});
