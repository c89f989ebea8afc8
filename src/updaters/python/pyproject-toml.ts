import { applyEdits, cannotUpdate } from '../shared/text-edit.js';
import { findScalar, scanToml, tomlStringText } from '../shared/toml-scan.js';
import type { UpdaterContext } from '../types.js';

const FILE = 'pyproject.toml';

/**
 * `pyproject.toml`: `[project] version` (PEP 621) and/or `[tool.poetry] version`. The SemVer string
 * is written as is (PEP 440 accepts `1.3.0-alpha.1` and normalises it to `1.3.0a1`).
 */
export function updatePyprojectToml(content: string, version: string, _ctx: UpdaterContext): string {
  const scalars = scanToml(content, FILE);
  const own = [
    ...findScalar(scalars, ['project', 'version']),
    ...findScalar(scalars, ['tool', 'poetry', 'version']),
  ].filter((s) => s.kind === 'string');
  if (own.length === 0) {
    const dynamic = scalars.some(
      (s) =>
        s.path.length === 3 && s.path[0] === 'project' && s.path[1] === 'dynamic' && s.value === 'version',
    );
    throw cannotUpdate(
      dynamic
        ? 'the version is dynamic ([project] dynamic = ["version"]): list the file that holds it (e.g. src/pkg/__init__.py) as a generic version file with an x-release-lanes-version marker'
        : 'no [project] version or [tool.poetry] version to update',
      FILE,
    );
  }
  return applyEdits(
    content,
    own.map((s) => ({ start: s.start, end: s.end, text: tomlStringText(s, version) })),
  );
}
