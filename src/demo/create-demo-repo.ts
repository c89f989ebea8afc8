import { execFile, spawn } from 'node:child_process';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { devNull } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ReleaseLanesError } from '../errors.js';
import { DEMO_HISTORY, type DemoAuthor } from './history.js';

const run = promisify(execFile);

/** First commit of the demo: Monday 2025-03-03 09:12 UTC. */
const START = Date.UTC(2025, 2, 3, 9, 12);
const BOT: DemoAuthor = { name: 'Acme Release Bot', email: 'release-bot@acme.dev' };

/** Deterministic, irregular commit times: about nine hours apart. */
function commitTime(i: number): number {
  return START + i * 9 * 3600_000 + ((i * 37) % 120) * 60_000;
}

/** git's environment, independent of the user's config so the shas are the same on every machine. */
function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY']) delete env[k];
  return { ...env, LC_ALL: 'C', GIT_CONFIG_GLOBAL: devNull, GIT_CONFIG_NOSYSTEM: '1' };
}

function gitFailed(args: readonly string[], e: unknown): ReleaseLanesError {
  const err = e as NodeJS.ErrnoException & { stderr?: string };
  if (err.code === 'ENOENT')
    return new ReleaseLanesError('RL201', 'the `git` executable was not found in PATH');
  return new ReleaseLanesError(
    'RL201',
    `git ${args.join(' ')} failed: ${(err.stderr ?? err.message).trim()}`,
  );
}

async function git(dir: string, args: string[]): Promise<string> {
  try {
    return (await run('git', args, { cwd: dir, env: gitEnv() })).stdout.trim();
  } catch (e) {
    throw gitFailed(args, e);
  }
}

/** Feeds one `git fast-import` stream, carrying marks across calls in `marksFile`. */
function fastImport(dir: string, stream: string, marksFile: string): Promise<void> {
  const args = [
    'fast-import',
    '--quiet',
    `--import-marks-if-exists=${marksFile}`,
    `--export-marks=${marksFile}`,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd: dir, env: gitEnv(), stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
    child.on('error', (e) => reject(gitFailed(args, e)));
    child.on('close', (code) => (code === 0 ? resolve() : reject(gitFailed(args, { stderr }))));
    child.stdin.end(stream);
  });
}

const ident = (who: DemoAuthor, time: number) =>
  `${who.name} <${who.email}> ${Math.floor(time / 1000)} +0000`;
const data = (text: string) => `data ${Buffer.byteLength(text, 'utf8')}\n${text}\n`;

async function assertEmptyDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  if ((await readdir(dir)).length > 0) {
    throw new ReleaseLanesError('RL203', `the demo repository needs an empty directory, ${dir} is not empty`);
  }
}

type Tree = Map<string, string>;

/**
 * Builds the demo monorepo in `dir` (created if needed, must be empty): `git init`, ~40 commits with
 * fixed authors and dates, a merged feature branch and the tags of the previous releases, written with
 * `git fast-import` (fast, and the same shas on every run and machine). Returns the sha of HEAD.
 */
export async function createDemoRepo(dir: string): Promise<string> {
  await assertEmptyDir(dir);
  await git(dir, ['init', '-q', '-b', 'main']);
  await git(dir, ['config', 'user.name', BOT.name]);
  await git(dir, ['config', 'user.email', BOT.email]);
  await git(dir, ['config', 'commit.gpgsign', 'false']);
  await git(dir, ['config', 'tag.gpgsign', 'false']);
  const marksFile = join(dir, '.git', 'demo-marks');

  let out: string[] = [];
  let mark = 0;
  let time = START;
  let commits = 0;
  let branch = 'main';
  /** Branch → its head mark and tree (file contents). */
  const heads = new Map<string, { mark: number; tree: Tree; forkTree: Tree }>();
  const idMarks = new Map<string, number>();
  const shaOfMark = new Map<number, string>();

  const flush = async () => {
    if (out.length === 0) return;
    await fastImport(dir, out.join(''), marksFile);
    out = [];
    for (const line of (await readFile(marksFile, 'utf8')).split('\n')) {
      const m = /^:(\d+) ([0-9a-f]+)$/.exec(line);
      if (m) shaOfMark.set(Number(m[1]), m[2]!);
    }
  };
  const emitCommit = (
    author: DemoAuthor,
    message: string,
    changes: Tree,
    deleted: string[],
    merge?: number,
  ) => {
    const head = heads.get(branch);
    time = commitTime(commits++);
    out.push(
      `commit refs/heads/${branch}\nmark :${++mark}\nauthor ${ident(author, time)}\ncommitter ${ident(author, time)}\n`,
      data(message),
      head ? `from :${head.mark}\n` : '',
      merge !== undefined ? `merge :${merge}\n` : '',
      ...deleted.map((p) => `D ${p}\n`),
      ...[...changes].map(([p, content]) => `M 100644 inline ${p}\n${data(content)}`),
      '\n',
    );
    const tree = new Map(head?.tree);
    for (const p of deleted) tree.delete(p);
    for (const [p, c] of changes) tree.set(p, c);
    heads.set(branch, { mark, tree, forkTree: head?.forkTree ?? tree });
    return mark;
  };

  for (const step of DEMO_HISTORY) {
    switch (step.kind) {
      case 'commit': {
        const tree = heads.get(branch)?.tree ?? new Map<string, string>();
        const changes: Tree = new Map();
        const deleted: string[] = [];
        for (const [p, c] of Object.entries(step.files ?? {})) {
          if (c === null) deleted.push(p);
          else changes.set(p, c);
        }
        for (const [p, text] of Object.entries(step.append ?? {})) changes.set(p, (tree.get(p) ?? '') + text);
        let message = step.message;
        if (/\{\{sha:/.test(message)) {
          await flush(); // the referenced commits need their shas
          message = message.replace(
            /\{\{sha:([\w-]+)\}\}/g,
            (_, id: string) => shaOfMark.get(idMarks.get(id)!) ?? id,
          );
        }
        const m = emitCommit(step.author, message, changes, deleted);
        if (step.id) idMarks.set(step.id, m);
        break;
      }
      case 'tag': {
        const at = heads.get(branch)!.mark;
        if (step.message === undefined) out.push(`reset refs/tags/${step.name}\nfrom :${at}\n\n`);
        else
          out.push(
            `tag ${step.name}\nfrom :${at}\ntagger ${ident(BOT, time + 600_000)}\n`,
            data(step.message),
          );
        break;
      }
      case 'branch': {
        const head = heads.get(branch)!;
        heads.set(step.name, { mark: head.mark, tree: head.tree, forkTree: head.tree });
        branch = step.name;
        break;
      }
      case 'checkout':
        branch = step.name;
        break;
      case 'merge': {
        const theirs = heads.get(step.branch)!;
        const ours = heads.get(branch)!.tree;
        const changes: Tree = new Map();
        const deleted: string[] = [];
        for (const [p, c] of theirs.tree)
          if (theirs.forkTree.get(p) !== c && ours.get(p) !== c) changes.set(p, c);
        for (const p of theirs.forkTree.keys()) if (!theirs.tree.has(p) && ours.has(p)) deleted.push(p);
        emitCommit(step.author, step.message, changes, deleted, theirs.mark);
        break;
      }
    }
  }
  await flush();
  await rm(marksFile, { force: true });
  await git(dir, ['checkout', '-q', '-f', branch]);
  await git(dir, ['reset', '-q', '--hard']);
  for (const b of heads.keys()) if (b !== branch) await git(dir, ['branch', '-q', '-D', b]); // merged, like a PR
  return git(dir, ['rev-parse', 'HEAD']);
}
