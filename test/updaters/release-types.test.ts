/**
 * The updaters added for release-please's release types and extra-files: each keeps the rest of the file,
 * and each raises RL120 (never a silent no-op) when the file has no version it can update.
 */
import type { VersionFileKind } from '../../src/core/types.js';
import { ReleaseLanesError } from '../../src/errors.js';
import { applyUpdater, type UpdaterContext } from '../../src/updaters/index.js';
import { ctx } from './helpers.js';

const NOTHING: [VersionFileKind, string, Partial<UpdaterContext>?][] = [
  ['version-txt', 'hello world\n'],
  ['version-rb', 'module Acme\nend\n'],
  ['gemfile-lock', 'GEM\n  specs:\n    rake (13.0.6)\n', { packageName: 'acme' }],
  ['version-go', 'package acme\n'],
  ['setup-py', 'setup(name="acme")\n'],
  ['setup-cfg', '[metadata]\nname = acme\n'],
  ['python-version', '"""doc"""\n'],
  ['pubspec-yaml', 'name: acme\n'],
  ['mix-exs', 'defmodule Acme do\nend\n'],
  ['composer-json', '{"name": "acme/lib"}'],
  ['pom-xml', '<project><artifactId>x</artifactId></project>'],
  ['java-released', '<version>1.2.3</version><!-- x-release-please-version -->\n'],
  ['terraform-readme', '# module\n'],
  ['terraform-versions', 'terraform {}\n'],
  ['terraform-metadata', 'spec: {}\n'],
  ['expo-app-json', '{"expo": {"name": "x"}}'],
  ['cargo-lock', 'version = 3\n\n[[package]]\nname = "serde"\nversion = "1.0.0"\n', { packageName: 'acme' }],
  ['json', '{"name": "x"}', { selector: '$.version' }],
  ['yaml', 'name: x\n', { selector: '$.version' }],
  ['toml', 'name = "x"\n', { selector: '$.version' }],
  ['xml', '<a><b>1.0.0</b></a>', { selector: '//c' }],
];

describe('release-type updaters', () => {
  it.each(NOTHING.map(([k, c, e]) => [k, c, e ?? {}] as const))(
    '%s: RL120 when there is no version to update',
    (kind, content, extra) => {
      let error: unknown;
      try {
        applyUpdater(kind, content, '1.3.0', ctx(extra), `path/of/${kind}`);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ReleaseLanesError);
      expect((error as ReleaseLanesError).code).toBe('RL120');
      expect((error as ReleaseLanesError).location?.file).toBe(`path/of/${kind}`);
    },
  );

  it('a json/yaml/toml/xml file without a selector is RL121', () => {
    for (const kind of ['json', 'yaml', 'toml', 'xml'] as const) {
      expect(() => applyUpdater(kind, '{}', '1.3.0', ctx())).toThrow(/RL121/);
    }
  });

  it('yaml: every document, quoting and comments kept', () => {
    const input = '# app\nimage:\n  tag: "1.2.3" # pinned\n---\nimage:\n  tag: \'1.2.3\'\n';
    expect(applyUpdater('yaml', input, '1.3.0', ctx({ selector: '$.image.tag' }))).toBe(
      '# app\nimage:\n  tag: "1.3.0" # pinned\n---\nimage:\n  tag: \'1.3.0\'\n',
    );
  });

  it('xml: an attribute selected by xpath, the declaration, comments and CRLF kept', () => {
    const input = '<?xml version="1.0"?>\r\n<!-- c -->\r\n<plugin id="x" version="1.2.3">\r\n</plugin>\r\n';
    expect(applyUpdater('xml', input, '1.3.0', ctx({ selector: '/plugin/@version' }))).toBe(
      input.replace('version="1.2.3"', 'version="1.3.0"'),
    );
  });

  it('toml: arrays of tables are addressed by index', () => {
    const input = '[[bin]]\nname = "a"\nversion = "1.2.3"\n\n[[bin]]\nname = "b"\nversion = "1.2.3"\n';
    expect(applyUpdater('toml', input, '1.3.0', ctx({ selector: '$.bin[1].version' }))).toBe(
      input.replace(/1\.2\.3(?![\s\S]*1\.2\.3)/, '1.3.0'),
    );
  });

  it('pom.xml: internal dependencies named groupId:artifactId move too', () => {
    const input =
      '<project>\n  <version>1.0.0</version>\n  <dependencies>\n    <dependency>\n      <groupId>com.acme</groupId>\n      <artifactId>core</artifactId>\n      <version>2.0.0</version>\n    </dependency>\n  </dependencies>\n</project>\n';
    expect(
      applyUpdater('pom-xml', input, '1.1.0', ctx({ dependencyVersions: { 'com.acme:core': '2.1.0' } })),
    ).toBe(input.replace('1.0.0', '1.1.0').replace('2.0.0', '2.1.0'));
  });
});
