/**
 * The write port of the *apply* stage for tags: version tags, channel tags, dated rebuild tags and
 * snapshot tags, plus the GitHub Releases and the merged release PR's report. One adapter talks to GitHub
 * (src/adapters/github/tag-host.ts, the App), one to a local checkout (src/adapters/git/tag-host.ts,
 * `release-lanes rebuild`). The flows (src/flows/tag-release.ts, rebuild.ts, snapshot.ts) decide; every
 * method here does one idempotent thing.
 *
 * Invariants every adapter keeps, whatever the caller asks:
 * - `createTag` never moves an existing tag: at the same commit it answers `exists` (a resume), at another
 *   commit it throws RL300 (version tag) / RL304 (other immutable tag).
 * - `moveTag` refuses a version tag (`kind: 'version'`, or a name passed to `protect`) with RL303, before
 *   any request or git command.
 * - Nothing is ever deleted.
 */
import type { TagOperation, TagRef } from '../core/types.js';
import type { CheckRunInput } from './release-host.js';

export type TagKind = TagOperation['kind'];

export interface TreeQuery {
  /** A commit sha or `refs/heads/<branch>`; absent = the working tree (local adapter only). */
  ref?: string;
  /** Files read at `ref`. */
  paths: readonly string[];
  /** Files read at the first parent of `ref` (what the merge of a release PR changed). */
  parentPaths?: readonly string[];
  /** Also list every tag (peeled to its commit). */
  tags?: boolean;
}

export interface TreeRead {
  /** Path → text at `ref`, null when absent. */
  files: Record<string, string | null>;
  /** Path → text at the first parent, null when absent (or no parent). */
  parentFiles: Record<string, string | null>;
  /** Present when asked. */
  tags?: TagRef[];
  /** The commit `ref` resolved to, when the adapter knows it. */
  sha?: string;
}

export interface CreateTagInput {
  name: string;
  /** Commit the tag points at. */
  sha: string;
  /** Annotated tag message (version tags carry their changelog entry); absent = lightweight tag. */
  message?: string;
  kind: TagKind;
}

export interface MoveTagInput {
  name: string;
  sha: string;
  /** Where the tag points now (null = absent, create it). A stale value is fine: moves are forced. */
  from: string | null;
  kind: TagKind;
}

export interface TagHost {
  read(query: TreeQuery): Promise<TreeRead>;
  createTag(tag: CreateTagInput): Promise<'created' | 'exists'>;
  /** Point a moving tag at `sha` (forced), creating it when absent. */
  moveTag(tag: MoveTagInput): Promise<void>;
  /** Names `moveTag` must refuse (existing version tags), on top of `kind: 'version'`. */
  protect(names: Iterable<string>): void;
}

export interface ReleaseInput {
  tag: string;
  name: string;
  body: string;
  prerelease: boolean;
  draft: boolean;
  /** Whether this Release becomes the repository's Latest (sent explicitly: GitHub defaults to true). */
  makeLatest: boolean;
}

/** GitHub Releases: one per version tag, created once; an existing release is left alone. */
export interface ReleasePublisher {
  ensureRelease(release: ReleaseInput): Promise<'created' | 'exists'>;
}

/** What the merge flow tells the merged release PR. */
export interface MergeReporter {
  comment(prNumber: number, body: string): Promise<void>;
  /** Add `add`, then remove `remove` (absent = fine). Lists: release-please's `label` / `release-label`. */
  relabel(
    prNumber: number,
    add: string | readonly string[],
    remove: string | readonly string[],
  ): Promise<void>;
  checkRun(check: CheckRunInput): Promise<void>;
}
