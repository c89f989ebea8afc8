import { members, type JsonNode } from '../shared/json-scan.js';
import { updateRange } from '../shared/range.js';
import type { TextEdit } from '../shared/text-edit.js';

export const DEPENDENCY_FIELDS = [
  'dependencies',
  'devDependencies',
  'peerDependencies',
  'optionalDependencies',
] as const;

/** Edits that move internal dependency ranges of one manifest (or lockfile entry) to the new versions. */
export function dependencyEdits(
  manifest: JsonNode | undefined,
  versions: Record<string, string>,
): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const field of DEPENDENCY_FIELDS) {
    for (const deps of members(manifest, field)) {
      if (deps.kind !== 'object') continue;
      for (const { key, value } of deps.entries) {
        const next = Object.hasOwn(versions, key) ? versions[key] : undefined;
        if (next === undefined || value.kind !== 'string') continue;
        const range = updateRange(value.value, next);
        if (range !== null && range !== value.value) edits.push(replaceString(value, range));
      }
    }
  }
  return edits;
}

export function replaceString(node: JsonNode, value: string): TextEdit {
  return { start: node.start, end: node.end, text: JSON.stringify(value) };
}
