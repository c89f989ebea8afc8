/**
 * Applying planned tag operations through a TagHost, one at a time and in the given order.
 *
 * Before the first write the whole batch is checked: `guardOps` (no version tag moved, re-created or
 * shadowed) and `validateTagSet` (valid names, no name twice, no tag/"directory" clash). Then:
 * - `unchanged` → nothing;
 * - an immutable tag (version, dated rebuild, commit snapshot) → `createTag` (annotated when a message is
 *   given), which answers `exists` for a tag already at that commit (a resumed run) and throws RL300/RL304
 *   when it points elsewhere;
 * - a moving tag (channel, moving snapshot) → `moveTag` (create or forced update).
 * Every op that reached its target is appended to `progress.applied` as it happens, so a caller that
 * catches a failure knows exactly what was done; re-running the same ops resumes without duplicates.
 */
import { guardOps, validateTagSet } from '../core/tags/index.js';
import type { TagOperation, TagRef } from '../core/types.js';
import type { TagHost } from '../ports/tag-host.js';

export interface ApplyProgress {
  /** Ops that reached their target in this run (created, found in place, or moved). */
  applied: TagOperation[];
}

export interface ApplyTagOptions {
  /** Tags as listed before planning (for the tag-set check). */
  existingTags: readonly TagRef[];
  /** Existing version tag names: never created, moved or shadowed (guardOps + the adapter's own check). */
  versionTagNames: Iterable<string>;
  /** Is this op an immutable tag? Default: version and rebuild ops. */
  immutable?: (op: TagOperation) => boolean;
  /** Annotated-tag messages by tag name (version tags carry their changelog entry). */
  messages?: ReadonlyMap<string, string>;
  progress?: ApplyProgress;
  /** Check the batch only (already checked by a caller applying it in slices). */
  skipChecks?: boolean;
}

export const defaultImmutable = (op: TagOperation): boolean => op.kind === 'version' || op.kind === 'rebuild';

/** Checks a whole batch before any write; throws RL303 / RL302 / RL107. */
export function checkTagOps(
  ops: readonly TagOperation[],
  existingTags: readonly TagRef[],
  versionTagNames: Iterable<string>,
): void {
  guardOps(ops, versionTagNames);
  validateTagSet(ops, existingTags);
}

export async function applyTagOps(
  host: TagHost,
  ops: readonly TagOperation[],
  options: ApplyTagOptions,
): Promise<ApplyProgress> {
  const progress = options.progress ?? { applied: [] };
  const versionNames = [...options.versionTagNames];
  if (!options.skipChecks) checkTagOps(ops, options.existingTags, versionNames);
  host.protect(versionNames);
  const immutable = options.immutable ?? defaultImmutable;
  for (const op of ops) {
    if (op.action === 'unchanged') continue;
    if (immutable(op)) {
      const message = options.messages?.get(op.name);
      await host.createTag({
        name: op.name,
        sha: op.to,
        kind: op.kind,
        ...(message !== undefined ? { message } : {}),
      });
    } else {
      await host.moveTag({ name: op.name, sha: op.to, from: op.from, kind: op.kind });
    }
    progress.applied.push(op);
  }
  return progress;
}

/** Names of the existing tags that are version tags of some lane (`matchers`: one per lane template). */
export function versionTagNamesOf(
  tags: readonly TagRef[],
  matchers: readonly ((name: string) => boolean)[],
): string[] {
  return tags.filter((t) => matchers.some((m) => m(t.name))).map((t) => t.name);
}
