import { updateRange } from '../shared/range.js';
import { applyEdits, cannotUpdate, type TextEdit } from '../shared/text-edit.js';
import { findScalar, scanToml, tomlStringText, type TomlScalar } from '../shared/toml-scan.js';
import type { UpdaterContext } from '../types.js';

const FILE = 'Cargo.toml';
const DEP_TABLES = new Set(['dependencies', 'dev-dependencies', 'build-dependencies']);

/**
 * `Cargo.toml`: `[package] version` and/or `[workspace.package] version`, and the requirement of
 * every internal crate named in `ctx.dependencyVersions` in `[dependencies]`, `[dev-dependencies]`,
 * `[build-dependencies]`, `[target.'…'.*dependencies]` and `[workspace.dependencies]`, in the
 * `foo = "1.2"`, `foo = { path = "../foo", version = "1.2" }` and `[dependencies.foo]` forms
 * (renamed crates are matched by their `package = "…"`). `version.workspace = true` and
 * `foo = { workspace = true }` are inherited and left alone. Text outside the values is untouched.
 */
export function updateCargoToml(content: string, version: string, ctx: UpdaterContext): string {
  const scalars = scanToml(content, FILE);
  const own = [
    ...findScalar(scalars, ['package', 'version']),
    ...findScalar(scalars, ['workspace', 'package', 'version']),
  ].filter((s) => s.kind === 'string');
  const edits: TextEdit[] = own.map((s) => replace(s, version));
  for (const dep of internalDependencies(scalars, ctx.dependencyVersions)) {
    const range = updateRange(dep.scalar.value, dep.version);
    if (range !== null) edits.push(replace(dep.scalar, range));
  }
  if (edits.length === 0) {
    const inherited = findScalar(scalars, ['package', 'version', 'workspace']).length > 0;
    throw cannotUpdate(
      inherited
        ? 'the crate inherits its version from the workspace (version.workspace = true): list the workspace Cargo.toml, which has [workspace.package] version, as the version file'
        : 'no [package] version or [workspace.package] version (and no internal dependency) to update',
      FILE,
    );
  }
  return applyEdits(content, edits);
}

/** The version-requirement scalars of internal crates, with the version each must move to. */
function internalDependencies(
  scalars: readonly TomlScalar[],
  versions: Record<string, string>,
): { scalar: TomlScalar; version: string }[] {
  const found: { scalar: TomlScalar; version: string }[] = [];
  for (const scalar of scalars) {
    if (scalar.kind !== 'string') continue;
    const table = depTableLength(scalar.path);
    if (table === 0) continue;
    const rest = scalar.path.slice(table);
    const simple = rest.length === 1;
    if (!simple && !(rest.length === 2 && rest[1] === 'version')) continue;
    const key = rest[0] as string;
    const renamed = findScalar(scalars, [...scalar.path.slice(0, table), key, 'package']).find(
      (s) => s.kind === 'string',
    );
    const crate = simple ? key : (renamed?.value ?? key);
    if (Object.hasOwn(versions, crate)) found.push({ scalar, version: versions[crate] as string });
  }
  return found;
}

/** Length of the dependency-table prefix of a path, 0 when the path is not in a dependency table. */
function depTableLength(path: readonly string[]): number {
  const [a, b, c] = path;
  if (a !== undefined && DEP_TABLES.has(a)) return 1;
  if (a === 'workspace' && b === 'dependencies') return 2;
  if (a === 'target' && c !== undefined && DEP_TABLES.has(c)) return 3;
  return 0;
}

function replace(scalar: TomlScalar, value: string): TextEdit {
  return { start: scalar.start, end: scalar.end, text: tomlStringText(scalar, value) };
}
