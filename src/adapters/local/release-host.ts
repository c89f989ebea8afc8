/**
 * A ReleaseHost over a local git checkout that writes nothing: it reads the base commit and any local
 * (or `origin/`) release branch with git, and records every write the flow asks for. Used by
 * `release-lanes release-pr --dry-run` to show what the App would do, with the App's own flow code.
 */
import { runGit } from '../../adapters/git/run-git.js';
import type {
  CheckRunInput,
  ReleaseBranchWrite,
  ReleaseHost,
  ReleasePr,
  ReleaseState,
  ReleaseStateQuery,
} from '../../ports/release-host.js';

export type RecordedOp =
  | { op: 'write-branch'; write: ReleaseBranchWrite; before: Record<string, string | null> }
  | { op: 'open-pr'; branch: string; base: string; title: string; body: string; number: number }
  | { op: 'update-pr'; number: number; title: string; body: string }
  | { op: 'close-pr'; pr: ReleasePr; comment: string }
  | { op: 'delete-branch'; branch: string }
  | { op: 'ensure-label'; name: string }
  | { op: 'add-labels'; number: number; labels: string[] }
  | { op: 'check-run'; check: CheckRunInput };

export interface LocalReleaseHost extends ReleaseHost {
  readonly ops: RecordedOp[];
}

export interface LocalReleaseHostOptions {
  /** Open release PRs to pretend exist (by branch); default none: a local checkout knows no PRs. */
  prs?: Record<string, ReleasePr>;
}

async function git(cwd: string, args: string[], ok: number[] = [0]): Promise<{ out: string; code: number }> {
  const r = await runGit(cwd, args, ok);
  return { out: r.stdout.toString('utf8'), code: r.code };
}

/** path → blob id at `rev` for the given paths (absent paths are missing from the map). */
async function blobIds(cwd: string, rev: string, paths: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (paths.length === 0) return out;
  const { out: text } = await git(cwd, ['ls-tree', '-r', '-z', '--full-tree', rev, '--', ...paths]);
  const wanted = new Set(paths);
  for (const entry of text.split('\0')) {
    const m = /^\d+ blob ([0-9a-f]+)\t(.*)$/s.exec(entry);
    if (m && wanted.has(m[2]!)) out.set(m[2]!, m[1]!);
  }
  return out;
}

async function resolveBranch(cwd: string, branch: string): Promise<string | null> {
  for (const ref of [`refs/heads/${branch}`, `refs/remotes/origin/${branch}`]) {
    const r = await git(cwd, ['rev-parse', '--verify', '-q', `${ref}^{commit}`], [0, 1]);
    if (r.code === 0) return r.out.trim();
  }
  return null;
}

export function createLocalReleaseHost(dir: string, options: LocalReleaseHostOptions = {}): LocalReleaseHost {
  const ops: RecordedOp[] = [];
  let top: string | undefined;
  let baseTexts: Record<string, string | null> = {};
  let nextPr = 1;

  return {
    ops,

    async readReleaseState(q: ReleaseStateQuery): Promise<ReleaseState> {
      // Repository paths are relative to the top level, whatever directory --cwd named.
      const cwd = (top ??= (await git(dir, ['rev-parse', '--show-toplevel'])).out.trim());
      const baseTree = (await git(cwd, ['rev-parse', `${q.baseSha}^{tree}`])).out.trim();
      const all = [...new Set([...q.read, ...q.compare])];
      const ids = await blobIds(cwd, q.baseSha, all);
      const files: ReleaseState['files'] = {};
      for (const path of all) {
        const oid = ids.get(path);
        if (!oid) {
          files[path] = null;
          continue;
        }
        const text = q.read.includes(path) ? (await git(cwd, ['cat-file', 'blob', oid])).out : '';
        files[path] = { text, oid };
      }
      baseTexts = Object.fromEntries(q.read.map((p) => [p, files[p]?.text ?? null]));
      const heads: ReleaseState['heads'] = {};
      const prs: ReleaseState['prs'] = {};
      for (const [branch, paths] of Object.entries(q.branches)) {
        prs[branch] = options.prs?.[branch] ?? null;
        const sha = await resolveBranch(cwd, branch);
        if (!sha) {
          heads[branch] = null;
          continue;
        }
        const parents = (await git(cwd, ['rev-list', '--parents', '-n', '1', sha])).out
          .trim()
          .split(' ')
          .slice(1);
        const branchIds = await blobIds(cwd, sha, paths);
        heads[branch] = {
          sha,
          parents,
          blobs: Object.fromEntries(paths.map((p) => [p, branchIds.get(p) ?? null])),
        };
      }
      // A local checkout has no labels: report them as existing so the dry run does not list their creation.
      const labels = Object.fromEntries((q.labels ?? []).map((l) => [l, true]));
      return { baseTree, files, heads, prs, labels };
    },

    async writeReleaseBranch(write) {
      const before = Object.fromEntries(Object.keys(write.files).map((p) => [p, baseTexts[p] ?? null]));
      ops.push({ op: 'write-branch', write, before });
      return { sha: '0'.repeat(40) };
    },
    async openPr(pr) {
      const number = nextPr++;
      ops.push({ op: 'open-pr', ...pr, number });
      return { number, branch: pr.branch, title: pr.title, body: pr.body, labels: [] };
    },
    async updatePr(number, pr) {
      ops.push({ op: 'update-pr', number, ...pr });
    },
    async closePr(pr, comment) {
      ops.push({ op: 'close-pr', pr, comment });
    },
    async deleteBranch(branch) {
      ops.push({ op: 'delete-branch', branch });
    },
    async ensureLabel(label) {
      ops.push({ op: 'ensure-label', name: label.name });
    },
    async addLabels(number, labels) {
      ops.push({ op: 'add-labels', number, labels });
    },
    async createCheckRun(check) {
      ops.push({ op: 'check-run', check });
    },
  };
}
