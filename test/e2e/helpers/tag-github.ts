/**
 * The App harness of test/handlers (real Probot + nock + a real git repository) with the routes tagging
 * needs on top: `GET /app`, annotated tags (`POST /git/tags`), tag refs (`PATCH /git/refs/tags/…`,
 * `GET /git/ref/tags/…`, `GET /git/tags/{sha}`), Releases, label removal and `GET /pulls/{n}`. Tags are
 * real git tags in the test repository, so the fake's GraphQL answers (peeled tags, files at
 * `<sha>^1:<path>`) stay consistent. Requests on these routes are recorded into the same ordered list
 * as the fake's own (`gh.requests`), so tests assert on one exact sequence.
 *
 * These interceptors are registered BEFORE the fake's catch-all ones: nock uses the first match.
 */
import { execFileSync } from 'node:child_process';
import nock from 'nock';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { TestRepo } from '../../helpers/git-repo.js';
import { checkRunRerequestedPayload } from '../../fixtures/webhooks/payloads.js';
import type { MergeInfo, RecordedRequest, Reply } from '../../handlers/helpers/fake-github.js';
import { harness, NAME, OWNER, type AppHarness } from '../../handlers/helpers/setup.js';

export const APP_SLUG = 'release-lanes';
const API = 'https://api.github.com';
const PREFIX = `/repos/${OWNER}/${NAME}`;

export interface FakeRelease {
  id: number;
  tag_name: string;
  name: string;
  body: string;
  prerelease: boolean;
  draft: boolean;
  /** As sent (`"true"` / `"false"`), absent when not sent. */
  make_latest?: string;
}

export type { MergeInfo } from '../../handlers/helpers/fake-github.js';

export interface TagHarness extends AppHarness {
  releases: FakeRelease[];
  /** `GET /app` requests (made with the App's JWT; not in `gh.requests`). */
  appRequests(): number;
  merges: Map<number, MergeInfo>;
  /** Fail the next `times` requests matching on the tag routes (the fake's own routes: `gh.fail`). */
  failTag(
    method: string,
    path: RegExp,
    status: number,
    body?: unknown,
    times?: number,
    when?: (requestBody: Record<string, unknown>) => boolean,
  ): void;
  /** Tag name → commit (peeled), read from the repository. */
  tags(): Record<string, string>;
  /** Tag name → `tag` (annotated) or `commit` (lightweight). */
  tagType(name: string): string;
  tagMessage(name: string): string;
  /** The request lines (`METHOD /path op`) with the repository prefix shortened to `…`. */
  lines(from?: number, to?: number): string[];
  /** Deliver any event. */
  deliver(name: string, payload: Record<string, unknown>, id?: string): Promise<void>;
}

export async function tagHarness(
  repo: TestRepo,
  now = new Date('2024-06-02T00:00:00Z'),
): Promise<TagHarness> {
  const releases: FakeRelease[] = [];
  let appRequests = 0;
  const failures: {
    method: string;
    path: RegExp;
    status: number;
    body: unknown;
    times: number;
    when?: (b: Record<string, unknown>) => boolean;
  }[] = [];
  let h = undefined as AppHarness | undefined; // set once the fake (registered after these routes) exists
  const git = (args: string[], input?: string): string =>
    execFileSync('git', args, {
      cwd: repo.dir,
      input,
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'pipe'],
    }).trim();
  const tryGit = (args: string[]): string | null => {
    try {
      return git(args);
    } catch {
      return null;
    }
  };

  function route(method: string, p: string, body: Record<string, unknown>): Reply | null {
    let m: RegExpExecArray | null;
    if (method === 'GET' && p === '/app') return [200, { id: 1, slug: APP_SLUG, name: 'release-lanes' }];
    if (!p.startsWith(PREFIX)) return null;
    const r = p.slice(PREFIX.length);
    if (method === 'POST' && r === '/git/tags') {
      const text =
        `object ${String(body.object)}\ntype ${String(body.type)}\ntag ${String(body.tag)}\n` +
        `tagger release-lanes[bot] <bot@example.com> 1767225600 +0000\n\n${String(body.message)}\n`;
      return [201, { sha: git(['mktag'], text), tag: body.tag }];
    }
    if ((m = /^\/git\/refs\/tags\/(.+)$/.exec(r)) && method === 'PATCH') {
      const ref = `refs/tags/${m[1]}`;
      if (!tryGit(['rev-parse', '-q', '--verify', ref]))
        return [422, { message: 'Reference does not exist' }];
      if (body.force !== true) return [422, { message: 'Update is not a fast forward' }];
      git(['update-ref', ref, String(body.sha)]);
      return [200, { ref, object: { sha: body.sha, type: 'commit' } }];
    }
    if ((m = /^\/git\/refs\/tags\/(.+)$/.exec(r)) && method === 'DELETE') {
      throw new Error(`test: a tag deletion was attempted (${m[1]})`);
    }
    if ((m = /^\/git\/ref\/tags\/(.+)$/.exec(r)) && method === 'GET') {
      const sha = tryGit(['rev-parse', '-q', '--verify', `refs/tags/${m[1]}`]);
      if (!sha) return [404, { message: 'Not Found' }];
      return [200, { ref: `refs/tags/${m[1]}`, object: { sha, type: git(['cat-file', '-t', sha]) } }];
    }
    if ((m = /^\/git\/tags\/([0-9a-f]{40})$/.exec(r)) && method === 'GET') {
      const text = git(['cat-file', 'tag', m[1]!]);
      const object = /^object (\S+)$/m.exec(text)![1]!;
      const type = /^type (\S+)$/m.exec(text)![1]!;
      return [200, { sha: m[1], object: { sha: object, type } }];
    }
    if (r === '/releases' && method === 'POST') {
      if (releases.some((x) => x.tag_name === body.tag_name && !x.draft)) {
        return [
          422,
          {
            message: 'Validation Failed',
            errors: [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }],
          },
        ];
      }
      const rel: FakeRelease = {
        id: releases.length + 1,
        tag_name: String(body.tag_name),
        name: String(body.name),
        body: String(body.body),
        prerelease: Boolean(body.prerelease),
        draft: Boolean(body.draft),
        ...(body.make_latest !== undefined ? { make_latest: String(body.make_latest) } : {}),
      };
      releases.push(rel);
      return [201, rel];
    }
    if (r === '/releases' && method === 'GET') return [200, releases];
    if ((m = /^\/issues\/(\d+)\/labels\/(.+)$/.exec(r)) && method === 'DELETE') {
      const pr = h!.gh.prs.find((x) => x.number === Number(m![1]));
      const i = pr ? pr.labels.indexOf(m[2]!) : -1;
      if (!pr || i === -1) return [404, { message: 'Label does not exist' }];
      pr.labels.splice(i, 1);
      return [200, pr.labels.map((name) => ({ name }))];
    }
    if ((m = /^\/pulls\/(\d+)$/.exec(r)) && method === 'GET') {
      const pr = h!.gh.prs.find((x) => x.number === Number(m![1]));
      if (!pr) return [404, { message: 'Not Found' }];
      return [200, h!.gh.pullJson(pr)];
    }
    return null;
  }

  if (!nock.isActive()) nock.activate();
  const scope = nock(API).persist();
  for (const method of ['GET', 'POST', 'PATCH', 'DELETE']) {
    scope
      .intercept((uri: string) => isTagRoute(method, decodeURIComponent(new URL(uri, API).pathname)), method)
      .reply((uri: string, requestBody: unknown) => {
        const path = decodeURIComponent(new URL(uri, API).pathname);
        const body = (
          typeof requestBody === 'string' && requestBody ? JSON.parse(requestBody) : (requestBody ?? {})
        ) as Record<string, unknown>;
        const rec: RecordedRequest = { method, path, body, status: 0 };
        if (path !== '/app') h?.gh.requests.push(rec);
        else appRequests++;
        const f = failures.find(
          (x) => x.method === method && x.path.test(path) && x.times > 0 && (!x.when || x.when(body)),
        );
        const nth = path !== '/app' ? h?.gh.takeFailureAt(h.gh.requests.length - 1) : undefined;
        let reply: Reply;
        if (nth) {
          reply = nth;
        } else if (f) {
          f.times--;
          reply = [f.status, f.body];
        } else {
          reply = route(method, path, body) ?? [404, { message: `tag harness: no route ${method} ${path}` }];
        }
        rec.status = reply[0];
        return [
          reply[0],
          reply[1] as Record<string, unknown>,
          { 'content-type': 'application/json', ...(reply[2] ?? {}) },
        ];
      });
  }

  h = await harness(repo, now);
  const merges = h.gh.merges;
  const app = h.app;
  let n = 0;
  return {
    ...h,
    releases,
    appRequests: () => appRequests,
    merges,
    failTag: (method, path, status, body = { message: `HTTP ${status}` }, times = 1, when) =>
      failures.push({ method, path, status, body, times, when }),
    tags: () => {
      const out: Record<string, string> = {};
      const text = tryGit([
        'for-each-ref',
        '--format=%(refname:strip=2) %(*objectname) %(objectname)',
        'refs/tags',
      ]);
      for (const line of (text ?? '').split('\n').filter(Boolean)) {
        const [name, peeled, oid] = line.split(' ');
        out[name!] = peeled || oid!;
      }
      return out;
    },
    tagType: (name) => git(['cat-file', '-t', `refs/tags/${name}`]),
    tagMessage: (name) => git(['tag', '-l', '--format=%(contents)', name]),
    lines: (from = 0, to?: number) =>
      h!.gh.requests
        .slice(from, to)
        .map((r) => `${r.method} ${r.path.replace(PREFIX, '…')}${r.operation ? ` ${r.operation}` : ''}`),
    deliver: (name, payload, id) =>
      app.probot.receive({ id: id ?? `tag-delivery-${++n}`, name, payload } as never),
    close() {
      nock.cleanAll();
      h!.close();
    },
  };
}

/** The routes this harness answers (the fake answers the rest, including `POST /git/refs`). */
function isTagRoute(method: string, p: string): boolean {
  if (p === '/app') return method === 'GET';
  if (!p.startsWith(PREFIX)) return false;
  const r = p.slice(PREFIX.length);
  return (
    (method === 'POST' && r === '/git/tags') ||
    ((method === 'PATCH' || method === 'DELETE') && /^\/git\/refs\/tags\//.test(r)) ||
    (method === 'GET' && (/^\/git\/ref\/tags\//.test(r) || /^\/git\/tags\/[0-9a-f]{40}$/.test(r))) ||
    r === '/releases' ||
    (method === 'DELETE' && /^\/issues\/\d+\/labels\/.+$/.test(r)) ||
    (method === 'GET' && /^\/pulls\/\d+$/.test(r))
  );
}

/* ---------------------------------------------------------------- payloads ----------------------- */

let definitions: { name: string; examples: Record<string, unknown>[] }[] | undefined;
function example(name: string, pick: (e: Record<string, unknown>) => boolean): Record<string, unknown> {
  if (!definitions) {
    const require = createRequire(import.meta.url);
    const dir = dirname(require.resolve('@octokit/webhooks-examples/package.json'));
    definitions = JSON.parse(
      readFileSync(join(dir, 'api.github.com', 'index.json'), 'utf8'),
    ) as typeof definitions;
  }
  const e = definitions!.find((d) => d.name === name)!.examples.find(pick);
  if (!e) throw new Error(`no ${name} example`);
  return JSON.parse(JSON.stringify(e)) as Record<string, unknown>;
}

function repository(base: Record<string, unknown>): Record<string, unknown> {
  return {
    ...base,
    name: NAME,
    full_name: `${OWNER}/${NAME}`,
    owner: { ...(base.owner as Record<string, unknown>), login: OWNER },
    html_url: `https://github.com/${OWNER}/${NAME}`,
    default_branch: 'main',
  };
}

export interface ClosedOptions {
  number: number;
  mergeSha: string | null;
  head: string;
  body?: string;
  labels: string[];
  user?: { login: string; type: string };
  headRepo?: string;
  base?: string;
  merged?: boolean;
}

/** `pull_request.closed` (webhooks-examples), adapted. */
export function closedPayload(o: ClosedOptions): Record<string, unknown> {
  const p = example('pull_request', (e) => e.action === 'closed' && !!e.installation);
  const pr = p.pull_request as Record<string, unknown>;
  const repo = repository(p.repository as Record<string, unknown>);
  const headRepo = o.headRepo ?? `${OWNER}/${NAME}`;
  return {
    ...p,
    number: o.number,
    repository: repo,
    installation: { ...(p.installation as Record<string, unknown>), id: 1 },
    pull_request: {
      ...pr,
      number: o.number,
      state: 'closed',
      merged: o.merged ?? true,
      merged_at: (o.merged ?? true) ? '2024-06-02T00:00:00Z' : null,
      merge_commit_sha: o.mergeSha,
      body: o.body ?? '',
      user: {
        ...(pr.user as Record<string, unknown>),
        ...(o.user ?? { login: `${APP_SLUG}[bot]`, type: 'Bot' }),
      },
      labels: o.labels.map((name, i) => ({ id: i + 1, name, color: 'fbca04', default: false })),
      head: {
        ...(pr.head as Record<string, unknown>),
        ref: o.head,
        repo: { ...repo, full_name: headRepo, name: headRepo.split('/')[1] },
      },
      base: { ...(pr.base as Record<string, unknown>), ref: o.base ?? 'main', repo },
    },
  };
}

/** `repository_dispatch` (webhooks-examples), adapted. */
export function dispatchPayload(
  action: string,
  clientPayload: Record<string, unknown> = {},
): Record<string, unknown> {
  const p = example('repository_dispatch', (e) => !!e.installation);
  return {
    ...p,
    action,
    client_payload: clientPayload,
    repository: repository(p.repository as Record<string, unknown>),
    installation: { ...(p.installation as Record<string, unknown>), id: 1 },
  };
}

/** `issue_comment.created` on a closed PR (webhooks-examples), adapted. */
export function retryPayload(
  number: number,
  labels: string[],
  association = 'MEMBER',
): Record<string, unknown> {
  const p = example('issue_comment', (e) => e.action === 'created' && !!e.installation);
  const issue = p.issue as Record<string, unknown>;
  const comment = p.comment as Record<string, unknown>;
  return {
    ...p,
    issue: {
      ...issue,
      number,
      state: 'closed',
      labels: labels.map((name, i) => ({ id: i + 1, name })),
      pull_request: { url: `${API}${PREFIX}/pulls/${number}` },
    },
    comment: { ...comment, body: '/release-lanes retry', author_association: association },
    repository: repository(p.repository as Record<string, unknown>),
    installation: { ...(p.installation as Record<string, unknown>), id: 1 },
  };
}

/** `check_run.rerequested` ("Re-run" on our check run, webhooks-examples), adapted. */
export function rerequestedPayload(headSha: string, name = 'release-lanes'): Record<string, unknown> {
  const p = checkRunRerequestedPayload({
    owner: OWNER,
    name: NAME,
    defaultBranch: 'main',
    headSha,
    branch: 'main',
  });
  return { ...p, check_run: { ...(p.check_run as Record<string, unknown>), name } };
}
