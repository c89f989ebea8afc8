/**
 * Dated rebuilds (pytmbot's weekly `0.3-rYYYYMMDD`): for every supported line, the newest stable release
 * is rebuilt. The dated tag is created at that release's commit and the configured moving tags follow it.
 * Version tags are never touched. A tag that several lines render to (`stable`, `latest`, `v{major}`)
 * follows the newest of those lines only. Re-running on the same day gives only `unchanged` ops.
 * Dated tags are immutable: when today's tag of a line already points at an older release (a release
 * landed after today's rebuild), it stays `unchanged` and that line's moving tags are left to the release
 * that just set them.
 */
import { ReleaseLanesError } from '../../errors.js';
import type { TagOperation, TagRef } from '../types.js';
import type { Candidate } from './channels.js';
import { immutableOp, mergeOps, movingOp, tagIndex } from './ops.js';
import { releaseHistory, versionAtFn, versionTagName, type LaneTagSpec } from './plan-release.js';
import { formatDate, placeholdersOf, renderTemplate } from './template.js';
import { laneTemplateVars, newest, sameSha, supportPredicate } from './versions.js';

export interface RebuildInput {
  /** Lanes (or one entry per lockstep group, named after the group); those without `policy.rebuild` are skipped. */
  lanes: readonly LaneTagSpec[];
  existingTags: readonly TagRef[];
  now: Date;
}

export function planRebuild(input: RebuildInput): TagOperation[] {
  const existing = tagIndex(input.existingTags);
  const date = formatDate(input.now);
  const lists: TagOperation[][] = [];
  for (const spec of input.lanes) {
    const rebuild = spec.policy?.rebuild;
    if (!rebuild) continue;
    if (!placeholdersOf(rebuild.tag).includes('date')) {
      throw new ReleaseLanesError(
        'RL105',
        `rebuild tag "${rebuild.tag}" of lane "${spec.lane}" needs {date}`,
      );
    }
    const supported = supportPredicate(spec.policy?.supported);
    const history = releaseHistory(spec, input.existingTags);
    const versionAt = versionAtFn(history);
    const lines = new Map<string, Candidate[]>();
    for (const c of history) {
      if (c.v.prerelease.length > 0 || !supported(c.v)) continue;
      const key = `${c.v.major}.${c.v.minor}`;
      lines.set(key, [...(lines.get(key) ?? []), c]);
    }
    const base = laneTemplateVars(spec);
    const dated: TagOperation[] = [];
    const follow = new Map<string, Candidate[]>();
    const settled = new Set<Candidate>();
    for (const list of lines.values()) {
      const head = newest(list);
      if (!head) continue;
      const lineVars = { ...base, major: head.v.major, minor: head.v.minor };
      const name = renderTemplate(rebuild.tag, { ...lineVars, date });
      const current = existing.get(name);
      if (current !== undefined && !sameSha(current, head.sha)) {
        dated.push({
          name,
          action: 'unchanged',
          from: current,
          to: current,
          lane: spec.lane,
          kind: 'rebuild',
        });
        settled.add(head);
      } else {
        dated.push(immutableOp(name, head.sha, existing, spec.lane, 'rebuild'));
      }
      for (const t of rebuild.moves) {
        const moving = renderTemplate(t, lineVars);
        follow.set(moving, [...(follow.get(moving) ?? []), head]);
      }
    }
    const moves: TagOperation[] = [];
    for (const [name, heads] of follow) {
      const head = newest(heads);
      if (head && !settled.has(head)) {
        moves.push(movingOp(name, head.sha, head.v, existing, versionAt, spec.lane, 'channel'));
      }
    }
    const versionTags = new Set(history.map((c) => versionTagName(spec, c.v.version)));
    for (const op of [...dated, ...moves]) {
      if (versionTags.has(op.name)) {
        throw new ReleaseLanesError(
          'RL303',
          `rebuild of lane "${spec.lane}" would move version tag "${op.name}"`,
        );
      }
    }
    lists.push(mergeOps([dated, moves]));
  }
  return mergeOps(lists);
}
