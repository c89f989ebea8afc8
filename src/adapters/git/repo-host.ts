import { readFile as readFs } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import type { TagRef } from '../../core/types.js';
import { ReleaseLanesError } from '../../errors.js';
import type { RepoHost } from '../../ports/repo-host.js';
import { readLanesHistory, resolveHead, type GitHistoryStats } from './lanes-history.js';
import type { GitLogStream } from './log-stream.js';
import { runGit } from './run-git.js';

export interface GitRepoHostOptions {
  /** Filled by every `lanesHistory` call: how many commits were parsed, whether git was stopped early. */
  stats?: GitHistoryStats;
  /**
   * The history pass started ahead (startHistoryRead on the same checkout), taken by the first
   * `lanesHistory` call. Whoever started it stops it (GitLogStream.stop) when the plan fails before.
   */
  ahead?: GitLogStream;
}

function normalizeRepoPath(path: string): string {
  let p = path.replace(/\\/g, '/');
  while (p.startsWith('./')) p = p.slice(2);
  return p;
}

/** The RepoHost of a local git checkout at `cwd` (the repository root or any directory inside it). */
export function createGitRepoHost(cwd: string, options: GitRepoHostOptions = {}): RepoHost {
  let toplevel: Promise<string> | undefined;
  let ahead = options.ahead;
  /** The head resolved by headSha(), which the next history pass reads from (one rev-parse, one head). */
  let lastHead: Promise<string | null> | undefined;
  const top = () =>
    (toplevel ??= runGit(cwd, ['rev-parse', '--show-toplevel']).then((r) =>
      r.stdout.toString('utf8').trim(),
    ));

  async function readWorkingTree(path: string): Promise<string | null> {
    const root = await top();
    const abs = resolve(root, path);
    const rel = relative(root, abs);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null; // outside the repository
    try {
      return await readFs(abs, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return null;
      throw new ReleaseLanesError('RL201', `cannot read ${path}: ${(e as Error).message}`);
    }
  }

  async function readAtRef(path: string, ref: string): Promise<string | null> {
    if (ref.startsWith('-')) throw new ReleaseLanesError('RL201', `invalid ref "${ref}"`);
    const r = await runGit(cwd, ['cat-file', 'blob', `${ref}:${path}`], [0, 128]);
    if (r.code === 0) return r.stdout.toString('utf8');
    // Missing path, or missing ref? The first is "absent", the second a real error.
    const known = await runGit(cwd, ['rev-parse', '--verify', '-q', `${ref}^{commit}`], [0, 1]);
    if (known.code !== 0) throw new ReleaseLanesError('RL201', `unknown git ref "${ref}"`);
    return null;
  }

  return {
    readFile(path, ref) {
      const p = normalizeRepoPath(path);
      return ref === undefined ? readWorkingTree(p) : readAtRef(p, ref);
    },

    async findFiles(names, dirs, ref) {
      if (names.length === 0 || dirs.length === 0) return [];
      if (ref?.startsWith('-')) throw new ReleaseLanesError('RL201', `invalid ref "${ref}"`);
      const root = await top();
      const specs = dirs.map((d) => `:(top,literal)${d === '.' ? '' : normalizeRepoPath(d)}`);
      // tracked files of the checkout, or the tree at `ref`: `<mode> … \t<path>`; 160000 = a submodule
      const args =
        ref === undefined
          ? ['ls-files', '-z', '-s', '--', ...specs]
          : ['ls-tree', '-r', '-z', '--full-tree', ref, '--', ...specs];
      const r = await runGit(root, args);
      const wanted = new Set(names);
      const out = new Set<string>();
      for (const entry of r.stdout.toString('utf8').split('\0')) {
        const tab = entry.indexOf('\t');
        if (tab === -1 || entry.startsWith('160000 ')) continue;
        const path = entry.slice(tab + 1);
        if (wanted.has(path.slice(path.lastIndexOf('/') + 1))) out.add(path);
      }
      return [...out];
    },

    async listTags(): Promise<TagRef[]> {
      const format = '%(refname:strip=2)%00%(objecttype)%00%(objectname)%00%(*objecttype)%00%(*objectname)';
      const r = await runGit(cwd, ['for-each-ref', `--format=${format}`, 'refs/tags']);
      const tags: TagRef[] = [];
      const nested: string[] = [];
      for (const line of r.stdout.toString('utf8').split('\n')) {
        if (line === '') continue;
        const [name = '', type, sha = '', peeledType, peeled = ''] = line.split('\0');
        if (type === 'commit') tags.push({ name, sha });
        else if (type === 'tag' && peeledType === 'commit') tags.push({ name, sha: peeled });
        else if (type === 'tag' && peeledType === 'tag') nested.push(name); // a tag of a tag
        // tags of trees or blobs are not releases: skipped
      }
      if (nested.length > 0) {
        const p = await runGit(cwd, ['rev-parse', ...nested.map((n) => `refs/tags/${n}^{commit}`)], [0, 128]);
        const shas = p.stdout.toString('latin1').split('\n');
        nested.forEach((name, i) => {
          const sha = shas[i]?.trim();
          if (sha && /^[0-9a-f]{40,64}$/.test(sha)) tags.push({ name, sha });
        });
      }
      return tags;
    },

    async headSha(): Promise<string> {
      const head = await (lastHead = resolveHead(cwd));
      if (head === null) throw new ReleaseLanesError('RL201', `the repository in ${cwd} has no commits yet`);
      return head;
    },

    lanesHistory(config, boundaries, onCommit) {
      const stream = ahead;
      const head = lastHead;
      ahead = lastHead = undefined;
      return readLanesHistory(cwd, config, boundaries, {
        stats: options.stats,
        onKept: onCommit,
        ahead: stream,
        head,
      });
    },
  };
}
