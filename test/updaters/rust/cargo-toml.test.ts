import fc from 'fast-check';
import { updateCargoToml } from '../../../src/updaters/rust/cargo-toml.js';
import { scanToml } from '../../../src/updaters/shared/toml-scan.js';
import { changedLines, ctx, fixture, semverArb, toCrlf } from '../helpers.js';

const workspace = fixture('Cargo.workspace.toml');
const crate = fixture('Cargo.crate.toml');

describe('cargo-toml updater', () => {
  it('updates [workspace.package] version and [workspace.dependencies] of internal crates', () => {
    const out = updateCargoToml(
      workspace,
      '0.4.0',
      ctx({ dependencyVersions: { 'lanes-sdk': '0.4.0', 'lanes-server': '1.5.0' } }),
    );
    expect(out).toBe(
      workspace
        .replace('version = "0.3.1"\nedition', 'version = "0.4.0"\nedition')
        .replace(
          'path = "crates/lanes-sdk", version = "0.3.1"',
          'path = "crates/lanes-sdk", version = "0.4.0"',
        )
        .replace(
          'version = "=0.3.1", path = "crates/lanes-server" } # pinned',
          'version = "=1.5.0", path = "crates/lanes-server" } # pinned',
        ),
    );
    expect(changedLines(workspace, out)).toEqual([10, 16, 17]);
  });

  it('updates [package] version and every dependency form of internal crates in a member crate', () => {
    const out = updateCargoToml(
      crate,
      '1.5.0',
      ctx({ dependencyVersions: { 'lanes-sdk': '0.4.0', 'lanes-proto': '0.10.0', 'lanes-build': '0.2.1' } }),
    );
    expect(out).toBe(
      [
        '[package]',
        'name = "lanes-server"',
        'version = "1.5.0"',
        'authors = ["Lanes Authors <dev@example.com>"]',
        'edition.workspace = true',
        'description = """',
        'The lanes server. Version 1.4.0 notes live in CHANGELOG.md.',
        '"""',
        '',
        "# To learn about other keys, check out Cargo's documentation",
        '',
        '[dependencies]',
        'lanes-sdk = { path = "../lanes-sdk", version = "0.4.0" }',
        'lanes-proto = "0.10.0"',
        'sdk-renamed = { package = "lanes-sdk", path = "../lanes-sdk", version = "^0.4.0" }',
        'serde = { workspace = true }',
        'tokio = { workspace = true }',
        'anyhow = "1.0.89"',
        '',
        '[dev-dependencies]',
        'lanes-test-utils = { path = "../lanes-test-utils" } # not published',
        '',
        '[build-dependencies.lanes-build]',
        'path = "../lanes-build"',
        'version = "~0.2.1"',
        '',
        "[target.'cfg(unix)'.dependencies]",
        'lanes-sdk = { path = "../lanes-sdk", version = "0.4.0", features = ["unix"] }',
        '',
        '[features]',
        'default = ["tls"]',
        'tls = []',
        '',
        '[[bin]]',
        'name = "lanes-server"',
        'path = "src/main.rs"',
        '',
      ].join('\n'),
    );
  });

  it('keeps CRLF line endings, comments and literal-string quotes', () => {
    const input = toCrlf("[package] # the crate\nname = 'x'\nversion = '0.1.0' # bumped by release-lanes\n");
    expect(updateCargoToml(input, '0.2.0', ctx())).toBe(
      "[package] # the crate\r\nname = 'x'\r\nversion = '0.2.0' # bumped by release-lanes\r\n",
    );
  });

  it('throws RL120 for an inherited version, naming the fix', () => {
    expect(() => updateCargoToml(fixture('Cargo.inherited.toml'), '1.0.0', ctx())).toThrow(
      /RL120 .*version\.workspace = true.*workspace Cargo\.toml/,
    );
    expect(() => updateCargoToml('[workspace]\nmembers = ["a"]\n', '1.0.0', ctx())).toThrow(/RL120/);
  });

  it('reports unreadable TOML with a line number', () => {
    expect(() => updateCargoToml('[package]\nname = "x"\nversion = "1.0.0\n', '1.0.1', ctx())).toThrow(
      /RL120 .*line 3.*unterminated string/,
    );
  });

  it('the scanner reads the paths of a real manifest', () => {
    const paths = scanToml(crate, 'Cargo.toml').map((s) => s.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining([
        'package.version',
        'package.edition.workspace',
        'dependencies.sdk-renamed.package',
        'build-dependencies.lanes-build.version',
        'target.cfg(unix).dependencies.lanes-sdk.features.0',
        'bin.0.name',
      ]),
    );
  });

  it('property: idempotent, holds the versions, only version lines change (LF and CRLF)', () => {
    fc.assert(
      fc.property(semverArb, semverArb, fc.boolean(), (own, dep, crlf) => {
        const input = crlf ? toCrlf(crate) : crate;
        const c = ctx({ dependencyVersions: { 'lanes-sdk': dep } });
        const out = updateCargoToml(input, own, c);
        expect(updateCargoToml(out, own, c)).toBe(out);
        const scalars = scanToml(out, 'Cargo.toml');
        const get = (p: string): string[] =>
          scalars.filter((s) => s.path.join('.') === p).map((s) => s.value);
        expect(get('package.version')).toEqual([own]);
        expect(get('dependencies.lanes-sdk.version')).toEqual([dep]);
        expect(get('dependencies.sdk-renamed.version')).toEqual([`^${dep}`]);
        const allowed = input.split('\n').flatMap((l, i) => (/^version = |version = "/.test(l) ? [i] : []));
        expect(changedLines(input, out).every((i) => allowed.includes(i))).toBe(true);
        expect(out.includes('Version 1.4.0 notes')).toBe(true);
      }),
    );
  });
});
