import { updateCargoToml } from '../../../src/updaters/rust/cargo-toml.js';
import { scanToml } from '../../../src/updaters/shared/toml-scan.js';
import { ctx } from '../helpers.js';

describe('toml scanner', () => {
  it('is not fooled by table-looking text inside strings, arrays or comments', () => {
    const input = [
      '# [package]',
      '# version = "0.0.0"',
      '[package]',
      'name = "trap"',
      'version = "1.0.0"',
      'readme-text = """',
      '[package]',
      'version = "9.9.9"',
      '"""',
      "literal = '''",
      '[dependencies]',
      "'''",
      'matrix = [',
      '  [1, 2], # a nested array',
      '  ["[x]", "y,]"],',
      ']',
      'key-with-hash = "a # b" # comment',
      '"quoted.key" = { inner = { version = "3.3.3" } }',
      '',
    ].join('\n');
    const scalars = scanToml(input, 'Cargo.toml');
    expect(scalars.filter((s) => s.path.join('.') === 'package.version').map((s) => s.value)).toEqual([
      '1.0.0',
    ]);
    expect(scalars.find((s) => s.path.join('.') === 'package.readme-text')?.value).toBe(
      '\n[package]\nversion = "9.9.9"\n',
    );
    expect(scalars.find((s) => s.path.join('.') === 'package.key-with-hash')?.value).toBe('a # b');
    expect(scalars.find((s) => s.path.join('.') === 'package.quoted.key.inner.version')?.value).toBe('3.3.3');
    expect(scalars.find((s) => s.path.join('.') === 'package.matrix.1.1')?.value).toBe('y,]');
    const out = updateCargoToml(input, '1.0.1', ctx());
    expect(out).toBe(input.replace('version = "1.0.0"', 'version = "1.0.1"'));
  });

  it('reads dates, numbers, booleans and escaped strings as scalars', () => {
    const scalars = scanToml(
      'a = 1979-05-27 07:32:00Z\nb = true\nc = "x\\"y\\u00e9"\nd = -1_000\n',
      'x.toml',
    );
    expect(scalars.map((s) => [s.path.join('.'), s.kind, s.value])).toEqual([
      ['a', 'other', '1979-05-27 07:32:00Z'],
      ['b', 'other', 'true'],
      ['c', 'string', 'x"yé'],
      ['d', 'other', '-1_000'],
    ]);
  });

  it('reports what it cannot read with RL120 and a line', () => {
    expect(() => scanToml('[package\nversion = "1"\n', 'Cargo.toml')).toThrow(
      /RL120 .*line 1.*expected "\]"/,
    );
    expect(() => scanToml('a = [1, 2\nb = 3\n', 'Cargo.toml')).toThrow(/RL120 .*line 2/);
    expect(() => scanToml('a = \n', 'Cargo.toml')).toThrow(/RL120 .*missing value/);
  });
});
