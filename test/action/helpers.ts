/**
 * Runs the Action the way a workflow runner does: environment variables, an event file and a
 * GITHUB_OUTPUT file in a temporary directory, against the fake GitHub of test/e2e (nock + a real git
 * repository). Who the token is comes over HTTP too: `GET /user` and the GraphQL viewer query.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { actionIO } from '../../src/action/io.js';
import { runAction } from '../../src/action/runner.js';
import type { TestRepo } from '../helpers/git-repo.js';
import { tagHarness, type TagHarness } from '../e2e/helpers/tag-github.js';
import { mainPushPayload, NAME, OWNER } from '../handlers/helpers/setup.js';

export const NOW = new Date('2024-06-02T00:00:00Z');

export interface Identity {
  /** `GET /user`: a login (personal token) or a status (403 for installation tokens). */
  user: string | number;
  /** GraphQL `viewer.login`, or null when the query is refused. */
  viewer: string | null;
}

export const WORKFLOW_TOKEN: Identity = { user: 403, viewer: null };

export interface ActionRun {
  code: number;
  /** Workflow log lines (stdout). */
  lines: string[];
  outputs: Record<string, string>;
}

export interface ActionHarness {
  th: TagHarness;
  /** Identity requests answered (`GET /user`, viewer queries). */
  identityRequests: string[];
  /** Run the Action for a push of `main` (its current head unless `after`) with these inputs/env. */
  run(opts?: {
    inputs?: Record<string, string>;
    env?: Record<string, string>;
    after?: string;
  }): Promise<ActionRun>;
  close(): void;
}

/** Parses GITHUB_OUTPUT (`name<<DELIM` … `DELIM` blocks, and `name=value` lines). */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const m = /^([^=<]+)<<(.+)$/.exec(line);
    if (m) {
      const end = lines.indexOf(m[2]!, i + 1);
      if (end === -1) throw new Error(`unterminated output ${m[1]}`);
      out[m[1]!] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return out;
}

export async function actionHarness(
  repo: TestRepo,
  identity: Identity = WORKFLOW_TOKEN,
): Promise<ActionHarness> {
  const identityRequests: string[] = [];
  // Registered before the fake's catch-all routes: nock answers with the first match.
  nock('https://api.github.com')
    .persist()
    .get('/user')
    .reply(() => {
      identityRequests.push('GET /user');
      return typeof identity.user === 'number'
        ? [identity.user, { message: 'Resource not accessible by integration' }]
        : [200, { login: identity.user, type: 'User' }];
    })
    .post('/graphql', (body: { query?: string }) => /releaseLanesViewer/.test(body.query ?? ''))
    .reply(() => {
      identityRequests.push('POST /graphql releaseLanesViewer');
      return identity.viewer
        ? [200, { data: { viewer: { login: identity.viewer } } }]
        : [200, { errors: [{ type: 'FORBIDDEN', message: 'Resource not accessible by integration' }] }];
    });
  const th = await tagHarness(repo, NOW);
  const dir = mkdtempSync(join(tmpdir(), 'rl-action-'));
  let n = 0;
  return {
    th,
    identityRequests,
    async run(opts = {}) {
      n++;
      const after = opts.after ?? repo.git('rev-parse', 'main');
      const eventPath = join(dir, `event-${n}.json`);
      const outputPath = join(dir, `output-${n}`);
      writeFileSync(eventPath, JSON.stringify(mainPushPayload(repo, { after })));
      writeFileSync(outputPath, '');
      const env: Record<string, string> = {
        GITHUB_ACTIONS: 'true',
        GITHUB_API_URL: 'https://api.github.com',
        GITHUB_GRAPHQL_URL: 'https://api.github.com/graphql',
        GITHUB_REPOSITORY: `${OWNER}/${NAME}`,
        GITHUB_EVENT_NAME: 'push',
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_SHA: after,
        GITHUB_REF: 'refs/heads/main',
        GITHUB_OUTPUT: outputPath,
        INPUT_TOKEN: 'ghs_workflowtoken',
        INPUT_COMMAND: 'all',
        'INPUT_CONFIG-FILE': '',
        'INPUT_DRY-RUN': 'false',
        ...Object.fromEntries(
          Object.entries(opts.inputs ?? {}).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]),
        ),
        ...opts.env,
      };
      const lines: string[] = [];
      const code = await runAction(
        actionIO({ env, write: (l) => lines.push(l), resilient: false, now: () => NOW }),
      );
      return { code, lines, outputs: parseOutputFile(readFileSync(outputPath, 'utf8')) };
    },
    close() {
      th.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Merge the open release PR in git (a merge commit), as GitHub does when it is merged; no event. */
export function mergeReleasePr(
  ah: ActionHarness,
  author = 'github-actions[bot]',
): { number: number; sha: string } {
  const { th } = ah;
  const pr = th.gh.prs.find((p) => p.state === 'open' && p.head.startsWith('release-lanes/'));
  if (!pr) throw new Error('no open release PR');
  const sha = th.repo.merge(pr.head, `Merge pull request #${pr.number} from ${OWNER}/${pr.head}`);
  pr.state = 'closed';
  th.merges.set(pr.number, { sha, user: { login: author, type: 'Bot' }, headRepo: `${OWNER}/${NAME}` });
  return { number: pr.number, sha };
}
