import { jsonpathPaths } from '../shared/json-edit.js';
import { applyEdits, cannotUpdate } from '../shared/text-edit.js';
import { findScalar, scanToml, tomlStringText, type TomlScalar } from '../shared/toml-scan.js';
import type { UpdaterContext } from '../types.js';
import { selectorOf } from './selector.js';

/**
 * `extra-files` `type: toml`: each string the jsonpath selects becomes the version, in its own quote
 * style (release-please's GenericToml). RL120 when nothing is selected.
 */
export function updateToml(content: string, version: string, ctx: UpdaterContext): string {
  const jsonpath = selectorOf(ctx, 'toml');
  const scalars = scanToml(content, 'the TOML file');
  const selected = jsonpathPaths(tomlData(scalars), jsonpath).flatMap((path) =>
    findScalar(scalars, path.map(String)).filter((s) => s.kind === 'string'),
  );
  if (selected.length === 0) throw cannotUpdate(`jsonpath ${jsonpath} selects no string in the TOML file`);
  return applyEdits(
    content,
    selected.map((s) => ({ start: s.start, end: s.end, text: tomlStringText(s, version) })),
  );
}

/** The document as plain data for jsonpath (arrays of tables and arrays become arrays). */
function tomlData(scalars: readonly TomlScalar[]): unknown {
  const root: Record<string, unknown> = {};
  for (const s of scalars) {
    let at: Record<string, unknown> = root;
    s.path.forEach((key, i) => {
      if (i === s.path.length - 1) at[key] = s.value;
      else at = (at[key] ??= /^\d+$/.test(s.path[i + 1] as string) ? [] : {}) as Record<string, unknown>;
    });
  }
  return root;
}
