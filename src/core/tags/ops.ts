/** Building tag operations from "where must this tag point" decisions. */
import semver from 'semver';
import { ReleaseLanesError } from '../../errors.js';
import type { TagOperation, TagRef } from '../types.js';
import { sameSha } from './versions.js';

export type TagKind = TagOperation['kind'];

export function tagIndex(existingTags: readonly TagRef[]): Map<string, string> {
  return new Map(existingTags.map((t) => [t.name, t.sha]));
}

/**
 * An immutable tag (version, dated rebuild, commit snapshot): `create`, or `unchanged` when it
 * already points at `sha` (a resume); at another commit it is an error (RL300 for version tags, RL304 else).
 */
export function immutableOp(
  name: string,
  sha: string,
  existing: ReadonlyMap<string, string>,
  lane: string,
  kind: TagKind,
): TagOperation {
  const current = existing.get(name);
  if (current === undefined) return { name, action: 'create', from: null, to: sha, lane, kind };
  if (sameSha(current, sha)) return { name, action: 'unchanged', from: current, to: current, lane, kind };
  throw new ReleaseLanesError(
    kind === 'version' ? 'RL300' : 'RL304',
    `tag "${name}" points at ${current.slice(0, 12)}, this ${kind === 'version' ? 'release' : kind} needs ${sha.slice(0, 12)}`,
  );
}

/**
 * A moving tag that must point at `sha` (the release `version`). It never moves to an older version
 * than the one it points at now, when that commit is a known release (`versionAt`): then it stays.
 */
export function movingOp(
  name: string,
  sha: string,
  version: semver.SemVer | null,
  existing: ReadonlyMap<string, string>,
  versionAt: (sha: string) => semver.SemVer | undefined,
  lane: string,
  kind: TagKind,
): TagOperation {
  const current = existing.get(name);
  if (current === undefined) return { name, action: 'create', from: null, to: sha, lane, kind };
  if (sameSha(current, sha)) return { name, action: 'unchanged', from: current, to: current, lane, kind };
  const currentVersion = versionAt(current);
  if (version && currentVersion && semver.gt(currentVersion, version)) {
    return { name, action: 'unchanged', from: current, to: current, lane, kind };
  }
  return { name, action: 'move', from: current, to: sha, lane, kind };
}

/**
 * Join op lists into one tag set: an op produced twice identically is kept once (owned by `owner`
 * when given); the same name with different targets is a conflict (RL107).
 */
export function mergeOps(lists: readonly (readonly TagOperation[])[], owner?: string): TagOperation[] {
  const byName = new Map<string, TagOperation>();
  for (const list of lists) {
    for (const op of list) {
      const o = owner !== undefined ? { ...op, lane: owner } : op;
      const seen = byName.get(o.name);
      if (!seen) {
        byName.set(o.name, o);
      } else if (
        seen.to !== o.to ||
        seen.action !== o.action ||
        seen.kind !== o.kind ||
        (owner === undefined && seen.lane !== o.lane)
      ) {
        throw new ReleaseLanesError(
          'RL107',
          `tag "${o.name}" is produced twice: ${seen.kind} of ${seen.lane} → ${seen.to.slice(0, 12)} and ${o.kind} of ${o.lane} → ${o.to.slice(0, 12)}`,
        );
      }
    }
  }
  return [...byName.values()];
}
