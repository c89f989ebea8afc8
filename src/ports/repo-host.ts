import type { RawCommit, RepoConfig, TagRef } from '../core/types.js';

/**
 * The narrow read port of the *gather* stage. One adapter talks to a local git checkout
 * (src/adapters/git), one to GitHub (src/adapters/github). The planner never sees either.
 */
export interface RepoHost {
  /** Text of a file at `ref` (default: the release branch head), or null when absent. */
  readFile(path: string, ref?: string): Promise<string | null>;
  /** Several files at once (path → text, null when absent); adapters that can batch reads implement it. */
  readFiles?(paths: readonly string[], ref?: string): Promise<Record<string, string | null>>;
  /**
   * Repository-relative paths of the files at `ref` (default: the release branch head) whose base name is
   * one of `names`, under any of `dirs` (`.` = the whole repository); git submodules are skipped. The
   * lookup release-please's strategies make with `findFilesByFilenameAndRef`.
   */
  findFiles(names: readonly string[], dirs: readonly string[], ref?: string): Promise<string[]>;
  /** Every tag, peeled to the commit it points at. */
  listTags(): Promise<TagRef[]>;
  /** The commit sha of the release branch head. */
  headSha(): Promise<string>;
  /**
   * Commits since each lane's boundary (the commit of its last release; absent = whole history),
   * newest first, each assigned to the lanes whose paths it touched. One pass for all lanes.
   */
  lanesHistory(
    config: RepoConfig,
    boundaries: Record<string, string | undefined>,
    /** Called once per kept commit as soon as it is read: lets the caller prepare it while history streams. */
    onCommit?: (commit: RawCommit) => void,
  ): Promise<Record<string, RawCommit[]>>;
  /**
   * After `lanesHistory`: what the next run may reuse to read less (opaque JSON, kept in the release PR's
   * hidden marker and handed back through the adapter's own bootstrap). Adapters without one omit it.
   */
  historyCarry?(): Record<string, string[]> | undefined;
}
