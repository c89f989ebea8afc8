/**
 * GitHub simulated at the HTTP level (nock) on top of a REAL git repository: GraphQL reads (bootstrap,
 * history rounds, release state) are answered with git, Git Data API writes (trees with inline content,
 * commits, refs) are applied to the repository with git plumbing, pull requests / labels / comments /
 * check runs live in memory. Every request is recorded (method, path, GraphQL operation, body) so tests
 * assert on the exact requests, their count, and the final branch contents.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import type { TestRepo } from '../../helpers/git-repo.js';

export interface RecordedRequest {
  method: string;
  path: string;
  /** GraphQL operation name, for POST /graphql. */
  operation?: string;
  body: unknown;
  status: number;
}

export interface FakePr {
  number: number;
  title: string;
  body: string;
  head: string;
  base: string;
  state: 'open' | 'closed';
  labels: string[];
  comments: string[];
  /** Login that opened it (REST form: `slug[bot]` for an App). */
  author: string;
}

/** How a PR was merged (set by the test that merges it in git). */
export interface MergeInfo {
  sha: string;
  /** The opener as REST names it; default: the PR's author. */
  user?: { login: string; type: string };
  /** Default: this repository. */
  headRepo?: string;
}

interface Failure {
  method: string;
  path: RegExp;
  status: number;
  body: unknown;
  times: number;
}

const API = 'https://api.github.com';
export type Reply = [number, unknown] | [number, unknown, Record<string, string>];

export interface FakeGitHub {
  readonly repo: TestRepo;
  readonly owner: string;
  readonly name: string;
  /** Every API request (token requests excluded), in order. */
  readonly requests: RecordedRequest[];
  readonly tokenRequests: RecordedRequest[];
  readonly prs: FakePr[];
  readonly labels: Set<string>;
  readonly checkRuns: Record<string, unknown>[];
  /** Who the token is: the author of the PRs it opens (default the App's bot, `release-lanes[bot]`). */
  actor: string;
  /** Merged PRs: number → merge commit and opener (listed by the bootstrap and `GET /pulls?state=closed`). */
  readonly merges: Map<number, MergeInfo>;
  /** Login → permission answered by `GET /collaborators/{user}/permission` (default `write`). */
  readonly permissions: Map<string, string>;
  /** A PR as the REST API returns it (with its merge, if any). */
  pullJson(pr: FakePr): Record<string, unknown>;
  /** Answer the request that gets index `index` in `requests` with an error (fault injection). */
  failAt(index: number, status: number, body?: unknown, headers?: Record<string, string>): void;
  /** The error planned for the request at `index` (taken once), for routes answered outside the fake. */
  takeFailureAt(index: number): Reply | undefined;
  /** `METHOD /path` (+ ` op` for GraphQL) of each request. */
  calls(): string[];
  /** Requests that change something (everything but GraphQL queries and GETs). */
  writes(): RecordedRequest[];
  clear(): void;
  /** Answer the next `times` matching requests with an error. */
  fail(method: string, path: RegExp, status: number, body?: unknown, times?: number): void;
  /** A file on a branch of the repository (null when absent). */
  fileAt(ref: string, path: string): string | null;
  refSha(ref: string): string | null;
  done(): void;
}

const botType = (login: string) => (login.endsWith('[bot]') ? 'Bot' : 'User');

export function createFakeGitHub(repo: TestRepo, owner = 'acme', name = 'mono'): FakeGitHub {
  const requests: RecordedRequest[] = [];
  const tokenRequests: RecordedRequest[] = [];
  const prs: FakePr[] = [];
  const labels = new Set<string>();
  const checkRuns: Record<string, unknown>[] = [];
  const failures: Failure[] = [];
  const failuresAt = new Map<number, Reply>();
  const merges = new Map<number, MergeInfo>();
  const permissions = new Map<string, string>();
  const prefix = `/repos/${owner}/${name}`;
  const indexDir = mkdtempSync(join(tmpdir(), 'rl-fake-index-'));
  let tick = 0;

  const git = (args: string[], opts: { input?: string; env?: Record<string, string> } = {}): string =>
    execFileSync('git', args, {
      cwd: repo.dir,
      input: opts.input,
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, LC_ALL: 'C', ...opts.env },
    });
  const tryGit = (args: string[]): string | null => {
    try {
      return git(args).trim();
    } catch {
      return null;
    }
  };
  const refSha = (ref: string): string | null => tryGit(['rev-parse', '--verify', '-q', `${ref}^{commit}`]);
  /** Resolves many revision expressions with one `git cat-file --batch-check`. */
  const resolveMany = (exprs: readonly string[]): Map<string, { type: string; oid: string } | null> => {
    const out = new Map<string, { type: string; oid: string } | null>();
    if (exprs.length === 0) return out;
    const lines = git(['cat-file', '--batch-check=%(objectname) %(objecttype)'], {
      input: `${exprs.join('\n')}\n`,
    }).split('\n');
    exprs.forEach((e, i) => {
      const m = /^([0-9a-f]{40}) (\w+)$/.exec(lines[i] ?? '');
      out.set(e, m ? { oid: m[1]!, type: m[2]! } : null);
    });
    return out;
  };
  /** Blob texts by id with one `git cat-file --batch`. */
  const blobTexts = (oids: readonly string[]): Map<string, string> => {
    const out = new Map<string, string>();
    const unique = [...new Set(oids)];
    if (unique.length === 0) return out;
    const buf = execFileSync('git', ['cat-file', '--batch'], {
      cwd: repo.dir,
      input: `${unique.join('\n')}\n`,
      maxBuffer: 256 * 1024 * 1024,
    });
    let pos = 0;
    for (const oid of unique) {
      const nl = buf.indexOf(10, pos);
      const size = Number(buf.subarray(pos, nl).toString('utf8').split(' ')[2]);
      out.set(oid, buf.subarray(nl + 1, nl + 1 + size).toString('utf8'));
      pos = nl + 1 + size + 1;
    }
    return out;
  };
  const objectAt = (expr: string): { type: string; oid: string } | null =>
    resolveMany([expr]).get(expr) ?? null;
  /** GraphQL `object(expression:)` answers for many expressions: Blob (with text) / other / null. */
  const blobNodes = (
    exprs: readonly string[],
    withText: boolean,
  ): Map<string, Record<string, unknown> | null> => {
    const objs = resolveMany(exprs);
    const texts = withText
      ? blobTexts([...objs.values()].filter((o) => o?.type === 'blob').map((o) => o!.oid))
      : new Map<string, string>();
    return new Map(
      exprs.map((e): [string, Record<string, unknown> | null] => {
        const o = objs.get(e);
        if (!o) return [e, null];
        if (o.type !== 'blob') return [e, { __typename: o.type === 'tree' ? 'Tree' : 'Commit', oid: o.oid }];
        return [
          e,
          withText
            ? { __typename: 'Blob', oid: o.oid, text: texts.get(o.oid), isTruncated: false, isBinary: false }
            : { __typename: 'Blob', oid: o.oid },
        ];
      }),
    );
  };
  const commitCache = new Map<
    string,
    Record<string, unknown> & { parents: { nodes: { oid: string }[] }; files: string[] }
  >();
  const toNode = (record: string) => {
    const [oid, date, author, parents, message, names] = record.split('\0');
    return {
      oid,
      message: (message ?? '').replace(/\n+$/, ''),
      committedDate: new Date(date!).toISOString(),
      author: { name: author, user: null },
      parents: {
        nodes: (parents ?? '')
          .split(' ')
          .filter(Boolean)
          .map((p) => ({ oid: p })),
      },
      changedFilesIfAvailable: (names ?? '').split('\n').filter(Boolean).length,
      files: (names ?? '').split('\n').filter(Boolean),
    };
  };
  const FORMAT = '--format=%x01%H%x00%cI%x00%an%x00%P%x00%B%x00';
  const commitNode = (sha: string) => {
    let node = commitCache.get(sha);
    if (!node) {
      // One `git log` loads every commit reachable from any ref (the sim's commits are immutable).
      for (const record of git(['log', '--all', FORMAT, '--name-only']).split('\x01').slice(1)) {
        const n = toNode(record);
        commitCache.set(n.oid!, n);
      }
      node = commitCache.get(sha) ?? toNode(git(['show', FORMAT, '--name-only', sha]).slice(1));
      commitCache.set(sha, node);
    }
    return node;
  };
  const logCache = new Map<string, string[]>();
  /** `git log <head> -- <path>` for linear histories, from one rev-list per head and the commits' file lists. */
  const log = (head: string, path: string): string[] => {
    const key = `${head}\0${path}`;
    let list = logCache.get(key);
    if (!list) {
      let all = logCache.get(head);
      if (!all) logCache.set(head, (all = git(['rev-list', head]).split('\n').filter(Boolean)));
      list =
        path === ''
          ? all
          : all.filter((sha) => commitNode(sha).files.some((f) => f === path || f.startsWith(`${path}/`)));
      logCache.set(key, list);
    }
    return list;
  };
  const openPrsFor = (head: string) => prs.filter((p) => p.state === 'open' && p.head === head);
  const prNode = (p: FakePr) => ({
    number: p.number,
    title: p.title,
    body: p.body,
    url: `https://github.com/${owner}/${name}/pull/${p.number}`,
    headRefName: p.head,
    isCrossRepository: false,
    // GraphQL names a bot by its slug (REST says `slug[bot]`)
    author: p.author.endsWith('[bot]')
      ? { __typename: 'Bot', login: p.author.slice(0, -'[bot]'.length) }
      : { __typename: 'User', login: p.author },
    labels: { nodes: p.labels.map((l) => ({ name: l })) },
  });
  const restPr = (p: FakePr) => ({
    number: p.number,
    title: p.title,
    body: p.body,
    state: p.state,
    html_url: `https://github.com/${owner}/${name}/pull/${p.number}`,
    head: { ref: p.head },
    base: { ref: p.base },
    labels: p.labels.map((l) => ({ name: l })),
  });

  const openerOf = (p: FakePr) => merges.get(p.number)?.user ?? { login: p.author, type: botType(p.author) };
  const pullJson = (p: FakePr) => {
    const merge = merges.get(p.number);
    return {
      ...restPr(p),
      merged: !!merge,
      merged_at: merge ? '2024-06-02T00:00:00Z' : null,
      merge_commit_sha: merge?.sha ?? null,
      user: openerOf(p),
      head: { ref: p.head, repo: { full_name: merge?.headRepo ?? `${owner}/${name}` } },
      base: { ref: p.base, repo: { full_name: `${owner}/${name}` } },
    };
  };
  /** The bootstrap's `mergedPrs` alias: PRs merged into `base`, most recently changed first. */
  const mergedNodes = (base: string) =>
    prs
      .filter((p) => merges.has(p.number) && p.base === base)
      .reverse()
      .slice(0, 5)
      .map((p) => {
        const user = openerOf(p);
        const bot = user.type === 'Bot' && user.login.endsWith('[bot]');
        return {
          number: p.number,
          headRefName: p.head,
          isCrossRepository: (merges.get(p.number)!.headRepo ?? `${owner}/${name}`) !== `${owner}/${name}`,
          author: { __typename: bot ? 'Bot' : 'User', login: bot ? user.login.slice(0, -5) : user.login },
          labels: { nodes: p.labels.map((l) => ({ name: l })) },
          mergeCommit: { oid: merges.get(p.number)!.sha },
        };
      });

  /** The head's latest `release-lanes` check run, when the bootstrap asks for it. */
  const headChecks = (oid: string, query: string) => {
    if (!/checkSuites\(/.test(query)) return {};
    const last = (checkRuns as { head_sha?: string; name?: string; conclusion?: string }[])
      .filter((c) => c.head_sha === oid && c.name === 'release-lanes')
      .at(-1);
    const runs = last ? [{ conclusion: String(last.conclusion).toUpperCase() }] : [];
    return { checkSuites: { nodes: [{ checkRuns: { nodes: runs } }] } };
  };

  function graphql(body: { query: string; variables: Record<string, string | null> }): Reply {
    const { query, variables: v } = body;
    const op = /query (\w+)/.exec(query)?.[1];
    const repository: Record<string, unknown> = {};
    if (op === 'releaseLanesBootstrap' || op === 'releaseLanesFile' || op === 'releaseLanesTags') {
      if (op === 'releaseLanesBootstrap') {
        const oid = refSha(v.qualified!);
        repository.branch = oid ? { target: { oid, ...headChecks(oid, query) } } : null;
        if (/\breleasePrs: pullRequests\(/.test(query)) {
          repository.releasePrs = {
            nodes: prs
              .filter(
                (p) =>
                  p.state === 'open' && p.labels.some((l) => (v.labels as unknown as string[]).includes(l)),
              )
              .reverse()
              .map((p) => ({ headRefName: p.head, isCrossRepository: false, body: p.body })),
          };
        }
        if (/\bmergedPrs: pullRequests\(/.test(query)) repository.mergedPrs = { nodes: mergedNodes(v.base!) };
      }
      const keys = Object.keys(v).filter((k) => /^e\d+$/.test(k) && v[k]);
      const nodes = blobNodes(
        keys.map((k) => v[k]!),
        true,
      );
      for (const k of keys) repository[`f${k.slice(1)}`] = nodes.get(v[k]!);
      if (op !== 'releaseLanesFile') {
        const tags = git([
          'for-each-ref',
          '--format=%(refname:strip=2) %(*objectname) %(objectname)',
          'refs/tags',
        ])
          .split('\n')
          .filter(Boolean)
          .map((l) => {
            const [tag, peeled, oid] = l.split(' ');
            return { name: tag, target: { __typename: 'Commit', oid: peeled || oid } };
          });
        repository.tags = { pageInfo: { hasNextPage: false, endCursor: null }, nodes: tags };
      }
    } else if (op === 'releaseLanesHistory') {
      const head: Record<string, unknown> = {};
      for (const m of query.matchAll(/\bs(\d+): history\(/g)) {
        const i = m[1]!;
        const path = v[`p${i}`] ?? '';
        const offset = Number(v[`c${i}`] ?? 0);
        // `since` / `until`: commit-date window, both ends inclusive (git log --since/--until).
        const since = v[`si${i}`] ? Date.parse(v[`si${i}`]!) : -Infinity;
        const until = v[`un${i}`] ? Date.parse(v[`un${i}`]!) : Infinity;
        const dated = (sha: string) => {
          const t = Date.parse(commitNode(sha).committedDate as string);
          return t >= since && t <= until;
        };
        const all =
          since === -Infinity && until === Infinity ? log(v.head!, path) : log(v.head!, path).filter(dated);
        const page = all.slice(offset, offset + 100);
        head[`s${i}`] = {
          pageInfo: { hasNextPage: offset + 100 < all.length, endCursor: String(offset + page.length) },
          nodes: page.map(commitNode),
        };
      }
      if (Object.keys(head).length > 0) repository.head = head;
      for (const m of query.matchAll(/\ba(\d+): object\(/g)) {
        const i = m[1]!;
        const b = v[`b${i}`]!;
        if (!refSha(b)) {
          repository[`a${i}`] = null;
          continue;
        }
        const c = commitNode(b);
        const q = v[`q${i}`];
        repository[`a${i}`] = {
          oid: c.oid,
          committedDate: c.committedDate,
          ...(q
            ? {
                history: {
                  nodes: log(b, q)
                    .slice(0, 1)
                    .map((oid) => ({ oid })),
                },
              }
            : {}),
        };
      }
    } else if (op === 'releaseLanesState') {
      const tree = tryGit(['rev-parse', '--verify', '-q', `${v.base}^{tree}`]);
      repository.base = tree ? { tree: { oid: tree } } : null;
      const entries = Object.entries(v).filter((e): e is [string, string] => e[1] !== null);
      const reads = blobNodes(
        entries.filter(([k]) => /^r\d+$/.test(k)).map(([, x]) => x),
        true,
      );
      const oids = blobNodes(
        entries.filter(([k]) => /^c\d+$|^h\d+f\d+$/.test(k)).map(([, x]) => x),
        false,
      );
      for (const [k, val] of entries) {
        if (/^r\d+$/.test(k)) repository[k] = reads.get(val);
        else if (/^c\d+$/.test(k) || /^h\d+f\d+$/.test(k)) {
          const n = oids.get(val);
          repository[k] = n && n.__typename === 'Blob' ? n : null;
        } else if (/^h\d+$/.test(k)) {
          const sha = refSha(val);
          repository[k] = sha ? { target: { oid: sha, parents: commitNode(sha).parents } } : null;
        } else if (/^n\d+$/.test(k)) {
          repository[`p${k.slice(1)}`] = { nodes: openPrsFor(val).map(prNode) };
        } else if (/^l\d+$/.test(k)) {
          repository[k] = labels.has(val) ? { id: `L_${val}` } : null;
        } else if (/^d\d+$/.test(k)) {
          // a directory's entries, modes as GraphQL's TreeEntry.mode (an Int)
          const listing = tryGit(['ls-tree', val]);
          repository[k] =
            listing === null
              ? null
              : {
                  __typename: 'Tree',
                  entries: listing
                    .split('\n')
                    .filter(Boolean)
                    .map((line) => {
                      const [meta, name] = line.split('\t');
                      return { name, mode: parseInt(meta!.split(' ')[0]!, 8) };
                    }),
                };
        }
      }
    } else {
      return [200, { errors: [{ message: `fake GitHub: unknown operation ${op}` }] }];
    }
    return [200, { data: { repository } }];
  }

  function rest(method: string, path: string, body: Record<string, unknown>, query: URLSearchParams): Reply {
    const p = path.startsWith(prefix) ? path.slice(prefix.length) : path;
    let m: RegExpExecArray | null;
    if (method === 'GET' && path === prefix) {
      return [
        200,
        {
          full_name: `${owner}/${name}`,
          default_branch: 'main',
          html_url: `https://github.com/${owner}/${name}`,
        },
      ];
    }
    if (method === 'GET' && (m = /^\/commits\/([^/]+)$/.exec(p))) {
      const files = git(['show', '--format=', '--name-only', m[1]!]).split('\n').filter(Boolean);
      return [200, { sha: m[1], files: files.map((filename) => ({ filename })) }];
    }
    if (method === 'GET' && (m = /^\/git\/blobs\/([0-9a-f]+)$/.exec(p))) {
      return [
        200,
        {
          sha: m[1],
          encoding: 'base64',
          content: Buffer.from(git(['cat-file', 'blob', m[1]!])).toString('base64'),
        },
      ];
    }
    if (method === 'GET' && (m = /^\/git\/trees\/([^/]+)$/.exec(p))) {
      // the real API: `recursive` lists the whole tree; entries are `<mode> <type> <sha>\t<path>`
      const recursive = query.has('recursive');
      const out = git(['ls-tree', ...(recursive ? ['-r', '-t'] : []), '-z', m[1]!]);
      const tree = out
        .split('\0')
        .filter(Boolean)
        .map((e) => {
          const [meta = '', path = ''] = e.split('\t');
          const [mode, type, sha] = meta.split(' ');
          return { path, mode, type, sha };
        });
      return [200, { sha: m[1], tree, truncated: false }];
    }
    if (method === 'POST' && p === '/git/trees') {
      const index = join(indexDir, `index-${tick++}`);
      const env = { GIT_INDEX_FILE: index };
      git(['read-tree', String(body.base_tree)], { env });
      const entries = body.tree as { path: string; mode: string; content: string }[];
      const blobDir = mkdtempSync(join(indexDir, 'blobs-'));
      const files = entries.map((e, i) => {
        const f = join(blobDir, String(i));
        writeFileSync(f, e.content);
        return f;
      });
      const oids = git(['hash-object', '-w', '--no-filters', '--stdin-paths'], {
        input: `${files.join('\n')}\n`,
      }).split('\n');
      git(['update-index', '--index-info'], {
        env,
        input: entries.map((e, i) => `${e.mode} ${oids[i]}\t${e.path}\n`).join(''),
      });
      return [201, { sha: git(['write-tree'], { env }).trim() }];
    }
    if (method === 'POST' && p === '/git/commits') {
      const date = `${1767225600 + tick++ * 60} +0000`;
      const parents = (body.parents as string[]).flatMap((x) => ['-p', x]);
      const sha = git(['commit-tree', String(body.tree), ...parents, '-F', '-'], {
        input: String(body.message),
        env: {
          GIT_AUTHOR_NAME: 'release-lanes[bot]',
          GIT_AUTHOR_EMAIL: 'bot@example.com',
          GIT_COMMITTER_NAME: 'release-lanes[bot]',
          GIT_COMMITTER_EMAIL: 'bot@example.com',
          GIT_AUTHOR_DATE: date,
          GIT_COMMITTER_DATE: date,
        },
      }).trim();
      return [201, { sha }];
    }
    if (method === 'POST' && p === '/git/refs') {
      const ref = String(body.ref);
      if (refSha(ref)) return [422, { message: 'Reference already exists' }];
      try {
        git(['update-ref', ref, String(body.sha), '0'.repeat(40)]);
      } catch {
        return [422, { message: 'Reference cannot be created' }];
      }
      return [201, { ref, object: { sha: body.sha } }];
    }
    if ((m = /^\/git\/refs\/(heads\/.+)$/.exec(p))) {
      const ref = `refs/${m[1]}`;
      if (!refSha(ref)) return [422, { message: 'Reference does not exist' }];
      if (method === 'DELETE') {
        git(['update-ref', '-d', ref]);
        return [204, ''];
      }
      if (method === 'PATCH') {
        git(['update-ref', ref, String(body.sha)]);
        return [200, { ref, object: { sha: body.sha } }];
      }
    }
    if (method === 'POST' && p === '/pulls') {
      const head = String(body.head);
      if (openPrsFor(head).length > 0) {
        return [
          422,
          {
            message: 'Validation Failed',
            errors: [
              {
                resource: 'PullRequest',
                code: 'custom',
                message: `A pull request already exists for ${owner}:${head}.`,
              },
            ],
          },
        ];
      }
      if (!refSha(`refs/heads/${head}`))
        return [422, { message: 'Validation Failed', errors: [{ field: 'head', code: 'invalid' }] }];
      const pr: FakePr = {
        number: prs.length + 100,
        title: String(body.title),
        body: String(body.body ?? ''),
        head,
        base: String(body.base),
        state: 'open',
        labels: [],
        comments: [],
        author: fake.actor,
      };
      prs.push(pr);
      return [201, restPr(pr)];
    }
    if (method === 'GET' && p === '/pulls' && query.get('state') === 'closed') {
      const base = query.get('base');
      return [
        200,
        prs
          .filter((x) => x.state === 'closed' && (!base || x.base === base))
          .reverse()
          .map(pullJson),
      ];
    }
    if (method === 'GET' && (m = /^\/collaborators\/([^/]+)\/permission$/.exec(p))) {
      const permission = permissions.get(m[1]!) ?? 'write';
      return [200, { permission, role_name: permission, user: { login: m[1] } }];
    }
    if (method === 'GET' && p === '/pulls') {
      const head = (query.get('head') ?? '').split(':').pop()!;
      return [200, prs.filter((x) => x.state === 'open' && x.head === head).map(restPr)];
    }
    if ((m = /^\/pulls\/(\d+)$/.exec(p)) && method === 'PATCH') {
      const pr = prs.find((x) => x.number === Number(m![1]));
      if (!pr) return [404, { message: 'Not Found' }];
      if (typeof body.title === 'string') pr.title = body.title;
      if (typeof body.body === 'string') pr.body = body.body;
      if (body.state === 'closed') pr.state = 'closed';
      return [200, restPr(pr)];
    }
    if ((m = /^\/issues\/(\d+)\/comments$/.exec(p)) && method === 'POST') {
      prs.find((x) => x.number === Number(m![1]))?.comments.push(String(body.body));
      return [201, { id: 1, body: body.body }];
    }
    if ((m = /^\/issues\/(\d+)\/labels$/.exec(p)) && method === 'POST') {
      const pr = prs.find((x) => x.number === Number(m![1]));
      for (const l of body.labels as string[]) {
        labels.add(l);
        if (pr && !pr.labels.includes(l)) pr.labels.push(l);
      }
      return [200, (pr?.labels ?? []).map((l) => ({ name: l }))];
    }
    if (method === 'POST' && p === '/labels') {
      const n = String(body.name);
      if (labels.has(n)) {
        return [
          422,
          {
            message: 'Validation Failed',
            errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }],
          },
        ];
      }
      labels.add(n);
      return [201, { name: n, color: body.color }];
    }
    if (method === 'POST' && p === '/check-runs') {
      checkRuns.push(body);
      return [201, { id: checkRuns.length, ...body }];
    }
    return [404, { message: `fake GitHub: no route for ${method} ${path}` }];
  }

  const handle =
    (method: string) =>
    (uri: string, requestBody: unknown): Reply => {
      const url = new URL(uri, API);
      const path = decodeURIComponent(url.pathname);
      const body = (
        typeof requestBody === 'string' && requestBody ? JSON.parse(requestBody) : (requestBody ?? {})
      ) as Record<string, unknown>;
      if (/^\/app\/installations\/\d+\/access_tokens$/.test(path)) {
        tokenRequests.push({ method, path, body, status: 201 });
        return [
          201,
          {
            token: 'ghs_test',
            expires_at: '2999-01-01T00:00:00Z',
            permissions: {},
            repository_selection: 'all',
          },
        ];
      }
      // The App's identity (`GET /app`, with the App's JWT, once per process): not an installation request.
      if (method === 'GET' && path === '/app')
        return [200, { id: 1, slug: 'release-lanes', name: 'release-lanes' }];
      const rec: RecordedRequest = { method, path, body, status: 0 };
      if (path === '/graphql') rec.operation = /query (\w+)/.exec(String(body.query))?.[1];
      requests.push(rec);
      const f = failures.find((x) => x.method === method && x.path.test(path) && x.times > 0);
      const nth = failuresAt.get(requests.length - 1);
      failuresAt.delete(requests.length - 1);
      let reply: Reply;
      if (nth) {
        reply = nth;
      } else if (f) {
        f.times--;
        reply = [f.status, f.body];
      } else {
        reply = path === '/graphql' ? graphql(body as never) : rest(method, path, body, url.searchParams);
      }
      rec.status = reply[0];
      return [reply[0], reply[1], { 'content-type': 'application/json', ...(reply[2] ?? {}) }];
    };

  if (!nock.isActive()) nock.activate();
  nock.disableNetConnect();
  const scope = nock(API).persist();
  for (const method of ['GET', 'POST', 'PATCH', 'DELETE', 'PUT']) {
    scope.intercept(/.*/, method).reply(handle(method));
  }

  const fake: FakeGitHub = {
    actor: 'release-lanes[bot]',
    repo,
    owner,
    name,
    requests,
    tokenRequests,
    prs,
    labels,
    checkRuns,
    merges,
    permissions,
    pullJson,
    failAt: (index, status, body = { message: `HTTP ${status}` }, headers) =>
      void failuresAt.set(index, headers ? [status, body, headers] : [status, body]),
    takeFailureAt: (index) => {
      const r = failuresAt.get(index);
      failuresAt.delete(index);
      return r;
    },
    calls: () => requests.map((r) => `${r.method} ${r.path}${r.operation ? ` ${r.operation}` : ''}`),
    writes: () => requests.filter((r) => r.method !== 'GET' && r.path !== '/graphql'),
    clear: () => {
      requests.length = 0;
      tokenRequests.length = 0;
    },
    fail: (method, path, status, body = { message: `HTTP ${status}` }, times = 1) => {
      failures.push({ method, path, status, body, times });
    },
    fileAt: (ref, path) => {
      const o = objectAt(`${ref}:${path}`);
      return o && o.type === 'blob' ? git(['cat-file', 'blob', o.oid]) : null;
    },
    refSha,
    done: () => {
      nock.cleanAll();
      nock.enableNetConnect();
      rmSync(indexDir, { recursive: true, force: true });
    },
  };
  return fake;
}
