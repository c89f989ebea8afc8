export {
  runReleasePrDryRun,
  formatRecordedOps,
  lineDiffSummary,
  type DryRunIO,
  type DryRunOptions,
} from './dry-run.js';
export {
  openReleasePrs,
  gitBlobId,
  PENDING_LABEL,
  type PrAction,
  type PrOutcome,
  type ReleasePrFlowOptions,
  type ReleasePrResult,
} from './open-release-pr.js';
export {
  releaseFiles,
  releaseFilePaths,
  planReadPaths,
  laneFilePaths,
  lanePackageName,
  updateManifest,
} from './release-files.js';
export {
  wantedPrs,
  groupedBranch,
  laneBranch,
  allReleaseBranches,
  BRANCH_PREFIX,
  type WantedPr,
} from './release-branches.js';
