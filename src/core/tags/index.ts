/** The tag policy engine: pure planning of version, channel, rebuild and snapshot tags. */
export {
  planReleaseTags,
  planLockstepGroup,
  versionTagName,
  type LaneTagSpec,
  type ReleaseTagsInput,
  type LockstepInput,
} from './plan-release.js';
export { planRebuild, type RebuildInput } from './plan-rebuild.js';
export { planSnapshot, DEFAULT_SHORT_SHA_LENGTH, type SnapshotInput } from './plan-snapshot.js';
export { validateTagSet, guardOps } from './validate.js';
export { validateTagPolicies, type LanePolicySpec } from './policy-check.js';
export { describeOps, releaseLabels } from './describe.js';
export { releasesFromTags, type KnownRelease, type LaneVars } from './versions.js';
export { renderTemplate, templateMatcher, isValidRefName, sanitizeBranch, formatDate } from './template.js';
