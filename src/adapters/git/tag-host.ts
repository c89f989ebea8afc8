/**
 * The local TagHost of `release-lanes rebuild`: tags in a git checkout with `git tag` (immutable tags),
 * `git tag -f` (moving tags only), then optionally `git push`. Version tags are refused by `moveTag`
 * (RL303) before git runs; nothing is ever deleted.
 *
 * `push(remote)` publishes what this run changed: moving tags with `git push --force <remote>
 * refs/tags/<name>…` (they are meant to move), new immutable tags with a plain `git push <remote>
 * refs/tags/<name>…`, which the remote refuses if such a tag exists there at another commit.
 */
import { ReleaseLanesError } from '../../errors.js';
import type { CreateTagInput, MoveTagInput, TagHost, TreeQuery, TreeRead } from '../../ports/tag-host.js';
import { createGitRepoHost } from './repo-host.js';
import { gitFailure, runGit, spawnError, spawnGit } from './run-git.js';

export type GitTagHost = TagHost & {
  /** Tags created (immutable) and moved (moving) by this host, in order. */
  readonly created: string[];
  readonly moved: string[];
  /** `git push` of what changed; returns the git commands run (for the CLI output). */
  push(remote?: string): Promise<string[][]>;
};

export function createGitTagHost(cwd: string): GitTagHost {
  const repoHost = createGitRepoHost(cwd);
  const protectedNames = new Set<string>();
  const created: string[] = [];
  const moved: string[] = [];

  const checkName = async (name: string) => {
    const r = await runGit(cwd, ['check-ref-format', `refs/tags/${name}`], [0, 1]);
    if (r.code !== 0 || name.startsWith('-')) {
      throw new ReleaseLanesError('RL302', `"${name}" is not a valid tag name`);
    }
  };

  async function tagCommit(name: string): Promise<string | null> {
    const r = await runGit(cwd, ['rev-parse', '-q', '--verify', `refs/tags/${name}^{commit}`], [0, 1, 128]);
    return r.code === 0 ? r.stdout.toString('utf8').trim() : null;
  }

  async function read(q: TreeQuery): Promise<TreeRead> {
    const files: Record<string, string | null> = {};
    const parentFiles: Record<string, string | null> = {};
    for (const p of q.paths) files[p] = await repoHost.readFile(p, q.ref);
    if ((q.parentPaths ?? []).length > 0) {
      const parent = `${q.ref ?? 'HEAD'}^1`;
      const has = await runGit(cwd, ['rev-parse', '-q', '--verify', `${parent}^{commit}`], [0, 1, 128]);
      for (const p of q.parentPaths ?? [])
        parentFiles[p] = has.code === 0 ? await repoHost.readFile(p, parent) : null;
    }
    const out: TreeRead = { files, parentFiles };
    if (q.tags) out.tags = await repoHost.listTags();
    return out;
  }

  async function createTag(t: CreateTagInput): Promise<'created' | 'exists'> {
    await checkName(t.name);
    const at = await tagCommit(t.name);
    if (at !== null) {
      if (at.toLowerCase() === t.sha.toLowerCase()) return 'exists';
      throw new ReleaseLanesError(
        t.kind === 'version' ? 'RL300' : 'RL304',
        `tag "${t.name}" points at ${at.slice(0, 12)}, this ${t.kind === 'version' ? 'release' : t.kind} needs ${t.sha.slice(0, 12)}`,
      );
    }
    const args =
      t.message !== undefined
        ? ['tag', '-a', '--cleanup=whitespace', '-F', '-', '--', t.name, t.sha]
        : ['tag', '--', t.name, t.sha];
    if (t.message !== undefined) {
      // `-F -` reads the message from stdin (any text); `--cleanup=whitespace` keeps `## 1.2.3` headings,
      // which git's default cleanup would strip as comments.
      await runGitInput(cwd, args, t.message || t.name);
    } else {
      await runGit(cwd, args);
    }
    created.push(t.name);
    return 'created';
  }

  async function moveTag(t: MoveTagInput): Promise<void> {
    if (t.kind === 'version' || protectedNames.has(t.name)) {
      throw new ReleaseLanesError('RL303', `refusing to move "${t.name}": it is a version tag`);
    }
    await checkName(t.name);
    await runGit(cwd, ['tag', '-f', '--', t.name, t.sha]);
    moved.push(t.name);
  }

  async function push(remote = 'origin'): Promise<string[][]> {
    const runs: string[][] = [];
    const refs = (names: string[]) => [...new Set(names)].map((n) => `refs/tags/${n}:refs/tags/${n}`);
    if (remote.startsWith('-')) throw new ReleaseLanesError('RL203', `invalid remote "${remote}"`);
    if (moved.length > 0) runs.push(['push', '--force', remote, ...refs(moved)]);
    if (created.length > 0) runs.push(['push', remote, ...refs(created)]);
    for (const args of runs) await runGit(cwd, args);
    return runs;
  }

  return {
    read,
    createTag,
    moveTag,
    protect(names) {
      for (const n of names) protectedNames.add(n);
    },
    created,
    moved,
    push,
  };
}

async function runGitInput(cwd: string, args: string[], input: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const child = spawnGit(cwd, args);
    const err: Buffer[] = [];
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.stdout.resume();
    child.on('error', (e) => reject(spawnError(cwd, e)));
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(gitFailure(cwd, args, code ?? -1, Buffer.concat(err).toString('utf8')));
    });
    child.stdin.end(input);
  });
}
