/**
 * Real temporary git repositories for tests: write files, commit, tag (lightweight and annotated),
 * branch and merge, and bulk-import thousands of commits with `git fast-import`.
 * Dates are deterministic (one minute per commit from 2024-01-01) so output is stable.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const EPOCH = 1704067200; // 2024-01-01T00:00:00Z

export interface TestRepo {
  dir: string;
  /** Runs git in the repository and returns its trimmed stdout. */
  git(...args: string[]): string;
  /** Writes (or, with null, deletes) files relative to the repository root. */
  write(files: Record<string, string | null>): void;
  /** Writes the files, stages everything and commits; returns the new commit sha. */
  commit(message: string, files?: Record<string, string | null>, opts?: { author?: string }): string;
  /** Lightweight tag, or annotated when `message` is given; at `ref` (default HEAD). */
  tag(name: string, opts?: { message?: string; ref?: string }): void;
  /** Switches to `name`, creating it from HEAD (or `from`) when `create` is set. */
  checkout(name: string, opts?: { create?: boolean; from?: string }): void;
  /** `git merge --no-ff` of `branch` into the current branch; returns the merge commit sha. */
  merge(branch: string, message?: string): string;
  head(): string;
  /**
   * Appends commits to the current branch fast (git fast-import), each with the given files
   * (content = value). Returns the shas, oldest first.
   */
  importCommits(commits: readonly { message: string; files: Record<string, string> }[]): string[];
  cleanup(): void;
}

export function createTestRepo(prefix = 'rl-git-'): TestRepo {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  let tick = 0;
  const env = () => {
    const date = `${EPOCH + tick++ * 60} +0000`;
    return { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, LC_ALL: 'C' };
  };
  const git = (...args: string[]): string =>
    execFileSync('git', args, {
      cwd: dir,
      env: env(),
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'pipe'],
    }).trim();

  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'Test Author');
  git('config', 'user.email', 'test@example.com');
  git('config', 'commit.gpgsign', 'false');
  git('config', 'tag.gpgsign', 'false');

  const repo: TestRepo = {
    dir,
    git,
    write(files) {
      for (const [path, content] of Object.entries(files)) {
        const abs = join(dir, path);
        if (content === null) rmSync(abs, { force: true });
        else {
          mkdirSync(dirname(abs), { recursive: true });
          writeFileSync(abs, content);
        }
      }
    },
    commit(message, files = {}, opts = {}) {
      repo.write(files);
      git('add', '-A');
      const author = opts.author
        ? [`--author=${opts.author} <${opts.author.replace(/\W+/g, '.')}@example.com>`]
        : [];
      git('commit', '-q', '--allow-empty', '--allow-empty-message', '--no-verify', '-m', message, ...author);
      return repo.head();
    },
    tag(name, opts = {}) {
      const at = opts.ref ?? 'HEAD';
      if (opts.message !== undefined) git('tag', '-a', name, '-m', opts.message, at);
      else git('tag', name, at);
    },
    checkout(name, opts = {}) {
      if (opts.create) git('checkout', '-q', '-b', name, ...(opts.from ? [opts.from] : []));
      else git('checkout', '-q', name);
    },
    merge(branch, message) {
      git('merge', '-q', '--no-ff', '--no-edit', ...(message ? ['-m', message] : []), branch);
      return repo.head();
    },
    head() {
      return git('rev-parse', 'HEAD');
    },
    importCommits(commits) {
      const branch = git('symbolic-ref', 'HEAD');
      let parent: string | null = null;
      try {
        parent = repo.head();
      } catch {
        parent = null;
      }
      const chunks: string[] = [];
      commits.forEach((c, i) => {
        const when = `${EPOCH + tick++ * 60} +0000`;
        const msg = Buffer.from(c.message, 'utf8');
        chunks.push(
          `commit ${branch}\nmark :${i + 1}\nauthor Bulk Author <bulk@example.com> ${when}\n` +
            `committer Bulk Author <bulk@example.com> ${when}\ndata ${msg.length}\n${c.message}\n`,
        );
        if (i === 0 && parent) chunks.push(`from ${parent}\n`);
        for (const [path, content] of Object.entries(c.files)) {
          const data = Buffer.from(content, 'utf8');
          chunks.push(`M 100644 inline ${path}\ndata ${data.length}\n${content}\n`);
        }
        chunks.push('\n');
      });
      const marks = join(dir, '.git', 'rl-marks');
      execFileSync('git', ['fast-import', '--quiet', `--export-marks=${marks}`], {
        cwd: dir,
        input: chunks.join(''),
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      git('reset', '-q', '--hard');
      const byMark = new Map<number, string>();
      for (const line of readFileSync(marks, 'utf8').split('\n')) {
        const m = /^:(\d+) ([0-9a-f]+)$/.exec(line);
        if (m) byMark.set(Number(m[1]), m[2]!);
      }
      return commits.map((_, i) => byMark.get(i + 1)!);
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return repo;
}
