import type { ProbotOctokit } from 'probot';
import { ReleaseLanesError } from '../../errors.js';
import type { CheckRunInput } from '../../ports/release-host.js';
import type {
  CreateTagInput,
  MergeReporter,
  MoveTagInput,
  ReleaseInput,
  ReleasePublisher,
  TagHost,
  TreeQuery,
  TreeRead,
} from '../../ports/tag-host.js';
import { mapGitHubError } from './github-errors.js';
import {
  allTags,
  blobText,
  bootstrapQuery,
  type BlobNode,
  type TagsConnection,
} from './graphql-bootstrap.js';
import { checkRunBody } from './release-host.js';
import { isAlreadyExists, isRefExistence } from './github-write-errors.js';

/**
 * The GitHub TagHost (+ Releases and the merged PR's report) of the App.
 *
 * Reads: ONE GraphQL request (the bootstrap query of the gather adapter, with revision expressions
 * `<sha>:<path>` and `<sha>^1:<path>`) answers files at a commit, files at its first parent and the first
 * 100 tags peeled to commits (+1 per further 100 tags).
 * Writes (REST, each counted):
 * - version tag: `POST /git/tags` (annotated, the changelog entry as message) + `POST /git/refs`;
 *   lightweight immutable tags (dated rebuilds, commit snapshots): `POST /git/refs` only. A 422
 *   "Reference already exists" is checked with `GET /git/ref/tags/<name>` (+ `GET /git/tags/<sha>` to
 *   peel an annotated tag): same commit = resumed, another commit = RL300 / RL304.
 * - moving tag: `PATCH /git/refs/tags/<name>` with `force: true` (or `POST /git/refs` when absent; each
 *   falls back to the other on GitHub's "does not exist" / "already exists" answers). A version tag is
 *   refused with RL303 before any request: this adapter never PATCHes a version tag, never deletes a tag.
 * - a ruleset refusing a tag write (422/409 "Repository rule violations", "protected") → RL301.
 * - release: `POST /releases` (422 `already_exists` = leave it); drafts are first looked up in
 *   `GET /releases` (GitHub does not tie a draft to its tag, so a second draft would be created).
 * - report: `POST /issues/{n}/comments`, `POST /issues/{n}/labels` + `DELETE /issues/{n}/labels/{name}`,
 *   `POST /check-runs`.
 */

type Octokit = Pick<InstanceType<typeof ProbotOctokit>, 'graphql' | 'request'>;

/** GitHub's limit for release bodies. */
const RELEASE_BODY_LIMIT = 125_000;

export interface GitHubTagHostOptions {
  owner: string;
  repo: string;
  /** Branch whose head `read` uses when no ref is given. */
  branch?: string;
}

export type GitHubTagHost = TagHost &
  ReleasePublisher &
  MergeReporter & {
    requestCount(): number;
  };

type Err = { status?: number; response?: { data?: { message?: string } }; message?: string };

/** A tag write refused by a ruleset / tag protection. */
export function isRuleRefusal(err: unknown): boolean {
  const e = err as Err;
  if (e?.status !== 422 && e?.status !== 409 && e?.status !== 403) return false;
  const m = e.response?.data?.message ?? e.message ?? '';
  return /rule violation|ruleset|protected|cannot (update|create) this protected/i.test(m);
}

export function createGitHubTagHost(octokit: Octokit, options: GitHubTagHostOptions): GitHubTagHost {
  const { owner, repo } = options;
  const full = `${owner}/${repo}`;
  let requests = 0;
  const protectedNames = new Set<string>();
  let draftReleases: Promise<Set<string>> | undefined;

  async function call<T>(route: string, params: Record<string, unknown>): Promise<T> {
    requests++;
    const res = await octokit.request(route, { owner, repo, ...params });
    return res.data as T;
  }

  /** A tag write: a ruleset refusal is RL301, everything else goes through mapGitHubError. */
  function tagWriteError(e: unknown, what: string): ReleaseLanesError {
    if (isRuleRefusal(e)) {
      const m = (e as Err).response?.data?.message ?? (e as Err).message ?? '';
      return new ReleaseLanesError('RL301', `${what}: ${m} (HTTP ${(e as Err).status})`);
    }
    return mapGitHubError(e, what);
  }

  async function gql<T>(query: string, variables: Record<string, unknown>, what: string): Promise<T> {
    requests++;
    try {
      return await octokit.graphql<T>(query, variables);
    } catch (e) {
      throw mapGitHubError(e, what);
    }
  }

  async function read(q: TreeQuery): Promise<TreeRead> {
    const ref = q.ref ?? `refs/heads/${options.branch ?? 'HEAD'}`;
    const parents = q.parentPaths ?? [];
    const exprs = [...q.paths.map((p) => `${ref}:${p}`), ...parents.map((p) => `${ref}^1:${p}`)];
    const what = `reading ${full}@${ref.slice(0, 12)}`;
    const variables: Record<string, unknown> = {
      owner,
      repo,
      qualified: ref.startsWith('refs/') ? ref : `refs/heads/${options.branch ?? 'HEAD'}`,
      tagsAfter: null,
    };
    exprs.forEach((e, i) => (variables[`e${i}`] = e));
    type Data = {
      repository:
        | ({ tags: TagsConnection; branch: { target: { oid: string } | null } | null } & Record<
            string,
            unknown
          >)
        | null;
    };
    const data = await gql<Data>(bootstrapQuery(exprs), variables, what);
    const r = data.repository;
    if (!r) throw new ReleaseLanesError('RL403', `${what}: repository not found`);
    const files: Record<string, string | null> = {};
    const parentFiles: Record<string, string | null> = {};
    for (const [i, e] of exprs.entries()) {
      let t = blobText(r[`f${i}`] as BlobNode | null);
      if (t === 'fallback') t = await rawFile(e);
      if (i < q.paths.length) files[q.paths[i]!] = t;
      else parentFiles[parents[i - q.paths.length]!] = t;
    }
    const out: TreeRead = { files, parentFiles };
    const head = r.branch?.target?.oid;
    if (ref.startsWith('refs/') && head) out.sha = head;
    if (q.tags) out.tags = await allTags(gql, { owner, repo }, r.tags);
    return out;
  }

  /** REST fallback for a file GraphQL truncates: `<ref>:<path>` → contents API. */
  async function rawFile(expr: string): Promise<string | null> {
    const at = expr.indexOf(':');
    try {
      const data = await call<unknown>('GET /repos/{owner}/{repo}/contents/{path}', {
        path: expr.slice(at + 1),
        ref: expr.slice(0, at),
        mediaType: { format: 'raw' },
      });
      return typeof data === 'string' ? data : Buffer.from(data as ArrayBuffer).toString('utf8');
    } catch (e) {
      if ((e as Err).status === 404) return null;
      throw mapGitHubError(e, `reading ${expr}`);
    }
  }

  /** The commit an existing tag points at (annotated tags peeled), or null when it does not exist. */
  async function tagCommit(name: string): Promise<string | null> {
    let obj: { type: string; sha: string };
    try {
      obj = (
        await call<{ object: { type: string; sha: string } }>('GET /repos/{owner}/{repo}/git/ref/{ref}', {
          ref: `tags/${name}`,
        })
      ).object;
    } catch (e) {
      if ((e as Err).status === 404) return null;
      throw mapGitHubError(e, `reading tag ${name} of ${full}`);
    }
    for (let depth = 0; obj.type === 'tag' && depth < 4; depth++) {
      obj = (
        await call<{ object: { type: string; sha: string } }>(
          'GET /repos/{owner}/{repo}/git/tags/{tag_sha}',
          {
            tag_sha: obj.sha,
          },
        )
      ).object;
    }
    return obj.type === 'commit' ? obj.sha : null;
  }

  async function createRef(name: string, sha: string): Promise<'created' | 'exists'> {
    try {
      await call('POST /repos/{owner}/{repo}/git/refs', { ref: `refs/tags/${name}`, sha });
      return 'created';
    } catch (e) {
      if (isRefExistence(e) === 'exists') return 'exists';
      throw tagWriteError(e, `creating tag ${name} in ${full}`);
    }
  }

  async function createTag(t: CreateTagInput): Promise<'created' | 'exists'> {
    const what = `creating tag ${t.name} in ${full}`;
    let target = t.sha;
    if (t.message !== undefined) {
      try {
        target = (
          await call<{ sha: string }>('POST /repos/{owner}/{repo}/git/tags', {
            tag: t.name,
            message: t.message || t.name,
            object: t.sha,
            type: 'commit',
          })
        ).sha;
      } catch (e) {
        throw tagWriteError(e, what);
      }
    }
    if ((await createRef(t.name, target)) === 'created') return 'created';
    // Created concurrently or by an interrupted run: fine only at the same commit.
    const at = await tagCommit(t.name);
    if (at !== null && at.toLowerCase() === t.sha.toLowerCase()) return 'exists';
    throw new ReleaseLanesError(
      t.kind === 'version' ? 'RL300' : 'RL304',
      `tag "${t.name}" points at ${at ? at.slice(0, 12) : 'a non-commit object'}, this ${t.kind === 'version' ? 'release' : t.kind} needs ${t.sha.slice(0, 12)}`,
    );
  }

  async function moveTag(t: MoveTagInput): Promise<void> {
    if (t.kind === 'version' || protectedNames.has(t.name)) {
      throw new ReleaseLanesError('RL303', `refusing to move "${t.name}": it is a version tag`);
    }
    const what = `moving tag ${t.name} of ${full}`;
    const patch = async (): Promise<void> => {
      try {
        await call('PATCH /repos/{owner}/{repo}/git/refs/{ref}', {
          ref: `tags/${t.name}`,
          sha: t.sha,
          force: true,
        });
      } catch (e) {
        if (isRefExistence(e) === 'missing' || (e as Err).status === 404) {
          if ((await createRef(t.name, t.sha)) === 'exists') throw tagWriteError(e, what);
          return;
        }
        throw tagWriteError(e, what);
      }
    };
    if (t.from === null) {
      if ((await createRef(t.name, t.sha)) === 'created') return;
    }
    await patch();
  }

  async function ensureRelease(r: ReleaseInput): Promise<'created' | 'exists'> {
    const what = `creating the release of ${r.tag} in ${full}`;
    if (r.draft) {
      draftReleases ??= call<{ tag_name: string }[]>('GET /repos/{owner}/{repo}/releases', { per_page: 100 })
        .then((list) => new Set(list.map((x) => x.tag_name)))
        .catch((e: unknown) => {
          draftReleases = undefined;
          throw mapGitHubError(e, what);
        });
      if ((await draftReleases).has(r.tag)) return 'exists';
    }
    const body =
      r.body.length > RELEASE_BODY_LIMIT
        ? `${r.body.slice(0, RELEASE_BODY_LIMIT - 20)}\n\n… (truncated)`
        : r.body;
    try {
      await call('POST /repos/{owner}/{repo}/releases', {
        tag_name: r.tag,
        name: r.name,
        body,
        prerelease: r.prerelease,
        draft: r.draft,
        make_latest: r.makeLatest ? 'true' : 'false',
      });
      if (r.draft) (await draftReleases)?.add(r.tag);
      return 'created';
    } catch (e) {
      if (isAlreadyExists(e)) return 'exists';
      throw mapGitHubError(e, what);
    }
  }

  async function report(route: string, params: Record<string, unknown>, what: string): Promise<void> {
    try {
      await call(route, params);
    } catch (e) {
      throw mapGitHubError(e, what);
    }
  }

  return {
    read,
    createTag,
    moveTag,
    protect(names) {
      for (const n of names) protectedNames.add(n);
    },
    ensureRelease,
    comment: (n, body) =>
      report(
        'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
        { issue_number: n, body },
        `commenting on #${n}`,
      ),
    async relabel(n, add, remove) {
      // The old labels go first: `add` (`release-lanes: tagged`) marks a finished release, so a failure
      // between the requests leaves the PR without it, and a later run finishes the job.
      for (const name of typeof remove === 'string' ? [remove] : remove) {
        try {
          await call('DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}', {
            issue_number: n,
            name,
          });
        } catch (e) {
          if ((e as Err).status !== 404) throw mapGitHubError(e, `unlabelling #${n}`);
        }
      }
      await report(
        'POST /repos/{owner}/{repo}/issues/{issue_number}/labels',
        { issue_number: n, labels: typeof add === 'string' ? [add] : [...add] },
        `labelling #${n}`,
      );
    },
    async checkRun(check: CheckRunInput) {
      await report(
        'POST /repos/{owner}/{repo}/check-runs',
        checkRunBody(check),
        `reporting a check run on ${check.headSha.slice(0, 7)}`,
      );
    },
    requestCount: () => requests,
  };
}
