/**
 * The narrow write port of the *apply* stage for release pull requests. One adapter talks to GitHub
 * (src/adapters/github/release-host.ts), one records what would happen for a local checkout
 * (src/adapters/local/release-host.ts, `release-lanes release-pr --dry-run`).
 *
 * Reading is ONE call (`readReleaseState`): the flow asks for everything it needs to decide — file texts at
 * the base commit, the heads of the release branches, blob ids to compare, the open release PRs — and the
 * GitHub adapter answers with one batched GraphQL query. Every write method does one thing; the flow
 * decides whether to call it (identical content → no write call at all).
 */

export interface ReleasePr {
  number: number;
  /** Head branch name, e.g. `release-lanes/main`. */
  branch: string;
  title: string;
  body: string;
  labels: string[];
  url?: string;
  /** Login of whoever opened it (`slug[bot]` for an App), when the host knows it. */
  author?: string;
}

/** A file at the base commit. */
export interface BaseFile {
  text: string;
  /** Git blob id. */
  oid: string;
  /** `100755` for an executable file (kept when the release commit rewrites it); absent = `100644`. */
  mode?: '100755';
}

export interface BranchHead {
  /** Head commit of the branch. */
  sha: string;
  parents: string[];
  /** Blob id of each asked path at the branch head; null when absent. */
  blobs: Record<string, string | null>;
}

export interface ReleaseStateQuery {
  /** The default-branch commit the release branches are built on. */
  baseSha: string;
  /** Files read (text + blob id) at `baseSha`. */
  read: string[];
  /** Files whose blob ids are compared at `baseSha` and at the branch heads (no text). */
  compare: string[];
  /** Release branch name → paths whose blob ids are wanted at that branch's head. */
  branches: Record<string, string[]>;
  /** Labels whose existence is wanted (answered by the same query: no extra request). */
  labels?: string[];
}

export interface ReleaseState {
  /** Tree id of `baseSha` (the `base_tree` of the release commit). */
  baseTree: string;
  /** Path → file at `baseSha` (read + compare paths; compare-only paths have `text: ''`), null when absent. */
  files: Record<string, BaseFile | null>;
  /** Branch → its head, null when the branch does not exist. */
  heads: Record<string, BranchHead | null>;
  /** Branch → the open release PR whose head is that branch (same repository), null when none. */
  prs: Record<string, ReleasePr | null>;
  /** Label name → whether it exists in the repository (for the labels asked). */
  labels: Record<string, boolean>;
}

export interface ReleaseBranchWrite {
  branch: string;
  baseSha: string;
  baseTree: string;
  /** Path → new full content (UTF-8). Other files stay as in `baseSha`. */
  files: Record<string, string>;
  /** Paths among `files` that are executable at `baseSha` (they stay `100755`). */
  executable?: string[];
  message: string;
  /** Whether the branch exists (force-update) or not (create). */
  exists: boolean;
}

export interface CheckRunInput {
  headSha: string;
  conclusion: 'success' | 'failure' | 'neutral';
  title: string;
  summary: string;
}

export interface ReleaseHost {
  readReleaseState(query: ReleaseStateQuery): Promise<ReleaseState>;
  /** One commit on top of `baseSha` holding `files`; the branch is created or force-updated to it. */
  writeReleaseBranch(write: ReleaseBranchWrite): Promise<{ sha: string }>;
  /** `draft: true` opens a draft PR (release-please `draft-pull-request`). */
  openPr(pr: {
    branch: string;
    base: string;
    title: string;
    body: string;
    draft?: boolean;
  }): Promise<ReleasePr>;
  updatePr(number: number, pr: { title: string; body: string }): Promise<void>;
  /** Comment, close, and delete the PR's branch (release branches are the App's own). */
  closePr(pr: ReleasePr, comment: string): Promise<void>;
  /** Delete a release branch that has no open PR (it blocks a branch of the other naming scheme). */
  deleteBranch(branch: string): Promise<void>;
  /** Create the label; an existing label (GitHub's 422 `already_exists`) is fine. */
  ensureLabel(label: { name: string; color: string; description: string }): Promise<void>;
  addLabels(number: number, labels: string[]): Promise<void>;
  createCheckRun(check: CheckRunInput): Promise<void>;
}
