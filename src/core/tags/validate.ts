/** Safety checks on tag operations (plan and apply time) and on tag policies (config time). */
import { ReleaseLanesError } from '../../errors.js';
import type { TagOperation, TagRef } from '../types.js';
import { isValidRefName } from './template.js';

/**
 * A planned tag set must be well-formed: every name a valid ref (RL302), no name produced twice
 * (RL107, two lanes or rules fighting over one tag), and no name both a tag and a tag "directory"
 * (`edge` and `edge/x` cannot coexist in git, RL302) among the ops and the existing tags.
 */
export function validateTagSet(ops: readonly TagOperation[], existingTags: readonly TagRef[] = []): void {
  const seen = new Map<string, TagOperation>();
  for (const op of ops) {
    if (!isValidRefName(op.name)) {
      throw new ReleaseLanesError(
        'RL302',
        `"${op.name}" (${op.kind} tag of ${op.lane}) is not a valid tag name`,
      );
    }
    const prev = seen.get(op.name);
    if (prev) {
      throw new ReleaseLanesError(
        'RL107',
        `tag "${op.name}" is planned twice: ${prev.kind} of ${prev.lane} and ${op.kind} of ${op.lane}`,
      );
    }
    seen.set(op.name, op);
  }
  const all = new Set([...seen.keys(), ...existingTags.map((t) => t.name)]);
  for (const name of seen.keys()) {
    const parts = name.split('/');
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      if (all.has(dir)) {
        throw new ReleaseLanesError(
          'RL302',
          `"${name}" cannot coexist with tag "${dir}" (a ref cannot be a folder)`,
        );
      }
    }
    for (const other of all) {
      if (other.startsWith(`${name}/`)) {
        throw new ReleaseLanesError(
          'RL302',
          `"${name}" cannot coexist with tag "${other}" (a ref cannot be a folder)`,
        );
      }
    }
  }
}

/**
 * Last line of defence before applying: throws RL303 if an op would move an immutable version tag
 * (a `move` of a version op, a version op whose target changes, an op of another kind on a version tag
 * name that is not `unchanged`, or an action that is not create/move/unchanged, such as a delete).
 */
export function guardOps(ops: readonly TagOperation[], versionTagNames: Iterable<string>): void {
  const protectedNames = new Set(versionTagNames);
  for (const op of ops) {
    const action: string = op.action;
    const refuse = (why: string) => {
      throw new ReleaseLanesError('RL303', `${action} ${op.name} (${op.kind} of ${op.lane}): ${why}`);
    };
    if (action !== 'create' && action !== 'move' && action !== 'unchanged') refuse('unknown tag action');
    if (op.kind === 'version') {
      if (action === 'move') refuse('version tags never move');
      if (action === 'unchanged' && op.from !== op.to)
        refuse('an unchanged version tag cannot change target');
      if (action === 'create' && protectedNames.has(op.name)) refuse('the version tag already exists');
    } else if (protectedNames.has(op.name) && action !== 'unchanged') {
      refuse('this name is an existing version tag');
    }
  }
}
