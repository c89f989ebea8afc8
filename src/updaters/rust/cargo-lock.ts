import { applyEdits, cannotUpdate, type TextEdit } from '../shared/text-edit.js';
import { findScalar, scanToml, tomlStringText } from '../shared/toml-scan.js';
import type { UpdaterContext } from '../types.js';

const FILE = 'Cargo.lock';

/**
 * `Cargo.lock`: the `version` of each `[[package]]` whose name is this crate (`ctx.packageName`) or a
 * crate released in the same plan, as release-please's CargoLock.
 */
export function updateCargoLock(content: string, version: string, ctx: UpdaterContext): string {
  const scalars = scanToml(content, FILE);
  const versions: Record<string, string> = { ...ctx.dependencyVersions };
  if (ctx.packageName !== undefined) versions[ctx.packageName] = version;
  const edits: TextEdit[] = [];
  for (const name of scalars.filter(
    (s) => s.path.length === 3 && s.path[0] === 'package' && s.path[2] === 'name',
  )) {
    const next = Object.hasOwn(versions, name.value) ? versions[name.value] : undefined;
    const own = findScalar(scalars, ['package', name.path[1] as string, 'version'])[0];
    if (next !== undefined && own?.kind === 'string') {
      edits.push({ start: own.start, end: own.end, text: tomlStringText(own, next) });
    }
  }
  if (edits.length === 0)
    throw cannotUpdate(`${FILE} has no [[package]] entry for ${ctx.packageName ?? 'this crate'}`, FILE);
  return applyEdits(content, edits);
}
