/** Tags of one lane release (and of one lockstep group release). */
import type semver from 'semver';
import { ReleaseLanesError } from '../../errors.js';
import type { TagOperation, TagPolicy, TagRef } from '../types.js';
import { namesTouchedBy, resolveChannel, type Candidate } from './channels.js';
import { immutableOp, mergeOps, movingOp, tagIndex } from './ops.js';
import { placeholdersOf, renderTemplate } from './template.js';
import {
  laneTemplateVars,
  parseVersion,
  releasesFromTags,
  sameSha,
  supportPredicate,
  versionVars,
  type KnownRelease,
  type LaneVars,
} from './versions.js';

export interface LaneTagSpec extends LaneVars {
  /** Version tag template, e.g. `{lane}-v{version}`, `v{version}`, `{version}`. */
  tagTemplate: string;
  policy?: TagPolicy;
  /** Releases already made (version → commit); absent = read from `existingTags` with `tagTemplate`. */
  knownReleases?: readonly KnownRelease[];
}

export interface ReleaseTagsInput extends LaneTagSpec {
  version: string;
  /** The release commit. A real sha is needed to recognise a resumed release. */
  commitSha: string;
  existingTags: readonly TagRef[];
}

/** The version tag name of `version` for a lane; the template must contain `{version}` (RL105). */
export function versionTagName(spec: LaneVars & { tagTemplate: string }, version: string): string {
  if (!placeholdersOf(spec.tagTemplate).includes('version')) {
    throw new ReleaseLanesError(
      'RL105',
      `version tag template "${spec.tagTemplate}" of lane "${spec.lane}" has no {version}`,
    );
  }
  return renderTemplate(spec.tagTemplate, {
    ...laneTemplateVars(spec),
    ...versionVars(parseVersion(version)),
  });
}

/** Every release of the lane, with the one being made, as candidates; a version at two commits is RL300. */
export function releaseHistory(
  spec: LaneTagSpec,
  existingTags: readonly TagRef[],
  extra?: KnownRelease,
): Candidate[] {
  const known = spec.knownReleases ?? releasesFromTags(spec.tagTemplate, spec, existingTags);
  const byVersion = new Map<string, Candidate>();
  for (const r of extra ? [...known, extra] : known) {
    const v = parseVersion(r.version);
    const seen = byVersion.get(v.version);
    if (seen && !sameSha(seen.sha, r.sha)) {
      throw new ReleaseLanesError(
        'RL300',
        `lane "${spec.lane}" version ${v.version} was released at ${seen.sha.slice(0, 12)}, not ${r.sha.slice(0, 12)}`,
      );
    }
    byVersion.set(v.version, { v, sha: r.sha });
  }
  return [...byVersion.values()];
}

/** The newest known release at each commit: what a moving tag pointing there stands for. */
export function versionAtFn(history: readonly Candidate[]): (sha: string) => semver.SemVer | undefined {
  const at = new Map<string, semver.SemVer>();
  for (const c of history) {
    const key = c.sha.toLowerCase();
    const seen = at.get(key);
    if (!seen || c.v.compare(seen) > 0) at.set(key, c.v);
  }
  return (sha) => at.get(sha.toLowerCase());
}

/**
 * Tag operations for one lane release: the immutable version tag first (`create`, or `unchanged` on a
 * resume; RL300 if it exists at another commit), then the channel tags this release affects, each
 * pointed at the newest eligible release over the lane's whole history (so never backwards).
 * A release on an end-of-life line (outside `policy.supported`) gets its version tag only.
 */
export function planReleaseTags(input: ReleaseTagsInput): TagOperation[] {
  const v = parseVersion(input.version);
  const existing = tagIndex(input.existingTags);
  const name = versionTagName(input, v.version);
  const ops: TagOperation[] = [immutableOp(name, input.commitSha, existing, input.lane, 'version')];

  const history = releaseHistory(input, input.existingTags, {
    version: v.version,
    sha: input.commitSha,
    tag: name,
  });
  const policy = input.policy;
  if (!policy || policy.channels.length === 0) return ops;
  const supported = supportPredicate(policy.supported);
  if (!supported(v)) return ops;

  const eligible = history.filter((c) => supported(c.v));
  const versionAt = versionAtFn(history);
  const channelOps: TagOperation[][] = [];
  for (const rule of policy.channels) {
    const targets = resolveChannel(rule, input, eligible);
    const list: TagOperation[] = [];
    for (const tag of namesTouchedBy(rule, input, v, eligible)) {
      const target = targets.get(tag);
      if (target) list.push(movingOp(tag, target.sha, target.v, existing, versionAt, input.lane, 'channel'));
    }
    channelOps.push(list);
  }
  // two rules producing one name is a config error (RL107), as is a rule producing the version tag
  return mergeOps([ops, ...channelOps]);
}

export interface LockstepInput {
  /** The group name: owner of every op. */
  group: string;
  lanes: readonly LaneTagSpec[];
  version: string;
  commitSha: string;
  existingTags: readonly TagRef[];
}

/**
 * A lockstep group: all lanes share one version and one tag set. Each lane's ops are computed and
 * joined: a tag several lanes produce (the shared `1.2.3`, `latest`) appears once, owned by the group;
 * the same name at different targets is RL107.
 */
export function planLockstepGroup(input: LockstepInput): TagOperation[] {
  if (input.lanes.length === 0) return [];
  const lists = input.lanes.map((lane) =>
    planReleaseTags({
      ...lane,
      version: input.version,
      commitSha: input.commitSha,
      existingTags: input.existingTags,
    }),
  );
  // version tags first, then the channels, in first-seen order
  const merged = mergeOps(lists, input.group);
  return [...merged.filter((o) => o.kind === 'version'), ...merged.filter((o) => o.kind !== 'version')];
}
