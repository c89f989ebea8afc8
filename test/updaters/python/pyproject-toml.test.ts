import fc from 'fast-check';
import { updatePyprojectToml } from '../../../src/updaters/python/pyproject-toml.js';
import { scanToml } from '../../../src/updaters/shared/toml-scan.js';
import { changedLines, ctx, fixture, semverArb, toCrlf } from '../helpers.js';

const pep621 = fixture('pyproject.pep621.toml');
const poetry = fixture('pyproject.poetry.toml');

describe('pyproject-toml updater', () => {
  it('updates [project] version and keeps the trailing comment', () => {
    const out = updatePyprojectToml(pep621, '2.1.0', ctx());
    expect(out).toBe(pep621.replace('version = "2.0.0" # released', 'version = "2.1.0" # released'));
    expect(changedLines(pep621, out)).toEqual([6]);
  });

  it('updates [tool.poetry] version in its single quotes, not dependency versions', () => {
    const out = updatePyprojectToml(poetry, '0.8.0', ctx());
    expect(out).toBe(poetry.replace("version = '0.7.2'", "version = '0.8.0'"));
  });

  it('updates both when Poetry 2 keeps [project] and [tool.poetry] versions', () => {
    const input =
      '[project]\r\nname = "a"\r\nversion = "1.0.0"\r\n\r\n[tool.poetry]\r\nversion = "1.0.0"\r\n';
    expect(updatePyprojectToml(input, '1.1.0', ctx())).toBe(input.replace(/1\.0\.0/g, '1.1.0'));
  });

  it('throws RL120 for a dynamic version with the fix, and when there is no version', () => {
    expect(() => updatePyprojectToml(fixture('pyproject.dynamic.toml'), '1.0.0', ctx())).toThrow(
      /RL120 .*dynamic.*x-release-lanes-version/,
    );
    expect(() => updatePyprojectToml('[tool.black]\nline-length = 88\n', '1.0.0', ctx())).toThrow(/RL120/);
  });

  it('property: idempotent, holds the version, only the version line changes', () => {
    fc.assert(
      fc.property(semverArb, fc.boolean(), fc.boolean(), (version, crlf, usePoetry) => {
        const base = usePoetry ? poetry : pep621;
        const input = crlf ? toCrlf(base) : base;
        const out = updatePyprojectToml(input, version, ctx());
        expect(updatePyprojectToml(out, version, ctx())).toBe(out);
        const path = usePoetry ? 'tool.poetry.version' : 'project.version';
        expect(scanToml(out, 'pyproject.toml').find((s) => s.path.join('.') === path)?.value).toBe(version);
        expect(changedLines(input, out)).toEqual([usePoetry ? 2 : 6]);
      }),
    );
  });
});
