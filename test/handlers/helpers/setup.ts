import type { TestRepo } from '../../helpers/git-repo.js';
import { pushPayload } from '../../fixtures/webhooks/payloads.js';
import { createFakeGitHub, type FakeGitHub } from './fake-github.js';
import { createTestProbot, type TestProbot } from './probot.js';

export const OWNER = 'acme';
export const NAME = 'mono';

export interface AppHarness {
  repo: TestRepo;
  gh: FakeGitHub;
  app: TestProbot;
  /** Delivers a push of the current `main` head (or `after`) and returns the payload. */
  push(opts?: Partial<Parameters<typeof pushPayload>[0]>): Promise<Record<string, unknown>>;
  close(): void;
}

export async function harness(repo: TestRepo, now?: Date): Promise<AppHarness> {
  const gh = createFakeGitHub(repo, OWNER, NAME);
  const app = await createTestProbot(now);
  return {
    repo,
    gh,
    app,
    async push(opts = {}) {
      const payload = mainPushPayload(repo, opts);
      await app.push(payload);
      return payload;
    },
    close() {
      gh.done();
      repo.cleanup();
    },
  };
}

/** A push of `main` (its head unless `opts.after`) of acme/mono, with that commit's message and date. */
export function mainPushPayload(
  repo: TestRepo,
  opts: Partial<Parameters<typeof pushPayload>[0]> = {},
): Record<string, unknown> {
  const after = opts.after ?? repo.git('rev-parse', 'main');
  return pushPayload({
    owner: OWNER,
    name: NAME,
    defaultBranch: 'main',
    after,
    message: repo.git('show', '-s', '--format=%B', after),
    timestamp: new Date(Number(repo.git('show', '-s', '--format=%ct', after)) * 1000).toISOString(),
    ...opts,
  });
}

/** The request lines of a run, with the repository prefix shortened to `…`. */
export function short(calls: string[]): string[] {
  return calls.map((c) => c.replace(`/repos/${OWNER}/${NAME}`, '…'));
}
