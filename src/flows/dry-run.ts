/**
 * `release-lanes release-pr --dry-run [--cwd DIR]`: what the App would do on a push, for a local checkout.
 * Same flow code (openReleasePrs) against the git RepoHost and a recording ReleaseHost; nothing is written.
 * Config is read from the HEAD commit (as the App reads the pushed default-branch commit, never the
 * working tree); the release branch is built on HEAD.
 */
import { createGitRepoHost } from '../adapters/git/repo-host.js';
import { runGit } from '../adapters/git/run-git.js';
import { createLocalReleaseHost, type RecordedOp } from '../adapters/local/release-host.js';
import { openReleasePrs } from './open-release-pr.js';

export interface DryRunIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  now: Date;
}

export interface DryRunOptions {
  /** Default branch name; default: the checked-out branch (or `main` when detached). */
  base?: string;
  repoUrl?: string;
}

/** Lines added / removed between two texts (line multiset difference: exact for prepends and edits in place). */
export function lineDiffSummary(before: string | null, after: string): { added: number; removed: number } {
  const count = new Map<string, number>();
  const oldLines = before === null ? [] : before.split('\n');
  for (const l of oldLines) count.set(l, (count.get(l) ?? 0) + 1);
  let added = 0;
  for (const l of after.split('\n')) {
    const n = count.get(l) ?? 0;
    if (n > 0) count.set(l, n - 1);
    else added++;
  }
  let removed = 0;
  for (const n of count.values()) removed += n;
  return { added, removed };
}

export function formatRecordedOps(ops: readonly RecordedOp[]): string {
  const out: string[] = [];
  for (const op of ops) {
    switch (op.op) {
      case 'write-branch': {
        const w = op.write;
        out.push(
          `branch ${w.branch}: ${w.exists ? 'force-update' : 'create'} with 1 commit on ${w.baseSha.slice(0, 7)}`,
        );
        const paths = Object.keys(w.files).sort();
        const width = Math.max(0, ...paths.map((p) => p.length));
        for (const p of paths) {
          const before = op.before[p] ?? null;
          const { added, removed } = lineDiffSummary(before, w.files[p]!);
          out.push(`  ${before === null ? 'A' : 'M'} ${p.padEnd(width)}  +${added} -${removed}`);
        }
        out.push(`  commit message: ${w.message.split('\n')[0]}`);
        break;
      }
      case 'open-pr':
        out.push(
          `open pull request ${op.branch} → ${op.base}: "${op.title}"`,
          '--- body ---',
          op.body.trimEnd(),
          '--- end of body ---',
        );
        break;
      case 'update-pr':
        out.push(
          `update pull request #${op.number}: "${op.title}"`,
          '--- body ---',
          op.body.trimEnd(),
          '--- end of body ---',
        );
        break;
      case 'close-pr':
        out.push(`close pull request #${op.pr.number} (${op.pr.branch}) with comment: ${op.comment}`);
        break;
      case 'delete-branch':
        out.push(`delete branch ${op.branch}`);
        break;
      case 'ensure-label':
        out.push(`create label "${op.name}" if missing`);
        break;
      case 'add-labels':
        out.push(`label pull request #${op.number}: ${op.labels.join(', ')}`);
        break;
      case 'check-run':
        out.push(
          `check run release-lanes on ${op.check.headSha.slice(0, 7)}: ${op.check.conclusion} — ${op.check.title}`,
        );
        break;
    }
  }
  return out.join('\n');
}

async function currentBranch(cwd: string): Promise<string> {
  const r = await runGit(cwd, ['symbolic-ref', '--short', '-q', 'HEAD'], [0, 1]);
  return r.code === 0 ? r.stdout.toString('utf8').trim() : 'main';
}

/** Exit code: 0. Coded errors (bad config, missing version file) propagate to the CLI's handler. */
export async function runReleasePrDryRun(
  cwd: string,
  io: DryRunIO,
  opts: DryRunOptions = {},
): Promise<number> {
  const base = opts.base ?? (await currentBranch(cwd));
  const releaseHost = createLocalReleaseHost(cwd);
  const result = await openReleasePrs({
    repoHost: createGitRepoHost(cwd),
    releaseHost,
    baseBranch: base,
    now: io.now,
    repoUrl: opts.repoUrl,
    configRef: 'HEAD',
  });
  io.stdout(
    `release-lanes release-pr --dry-run: nothing is written\nbase: ${base} @ ${result.baseSha.slice(0, 7)}\n\n`,
  );
  const wanted = result.plan.releases.length > 0 || (result.plan.snapshotBumps?.length ?? 0) > 0;
  if (!wanted) io.stdout('nothing to release: no release pull request is wanted\n');
  const text = formatRecordedOps(releaseHost.ops);
  if (text) io.stdout(`${text}\n`);
  else if (wanted) io.stdout('the release pull request is up to date: no write\n');
  return 0;
}
