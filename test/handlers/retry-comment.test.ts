import { issueCommentPayload } from '../fixtures/webhooks/payloads.js';
import { createSdkServerRepo } from './helpers/monorepo.js';
import { harness, NAME, OWNER, short, type AppHarness } from './helpers/setup.js';

let h: AppHarness;
afterEach(() => h?.close());

const comment = (body: string, authorAssociation = 'MEMBER') =>
  issueCommentPayload({
    owner: OWNER,
    name: NAME,
    defaultBranch: 'main',
    body,
    prNumber: 5,
    authorAssociation,
  });

test('`/release-lanes retry` from someone with write access re-runs the flow; others are ignored', async () => {
  h = await harness(createSdkServerRepo());
  const { gh, app } = h;
  gh.fail('POST', /\/pulls$/, 502, { message: 'Bad Gateway' });
  await h.push();
  expect(gh.prs).toHaveLength(0);
  gh.clear();

  await app.probot.receive({
    id: 'c1',
    name: 'issue_comment',
    payload: comment('/release-lanes retry', 'NONE'),
  } as never);
  await app.probot.receive({
    id: 'c2',
    name: 'issue_comment',
    payload: comment('looks good, retry later?'),
  } as never);
  expect(gh.requests).toEqual([]);

  await app.probot.receive({
    id: 'c3',
    name: 'issue_comment',
    payload: comment('/release-lanes retry'),
  } as never);
  expect(short(gh.calls())).toEqual([
    'POST /graphql releaseLanesBootstrap',
    'POST /graphql releaseLanesHistory',
    'POST /graphql releaseLanesState',
    // A retry has no pushed commit date: the changelog date is today's, so the branch is rebuilt once.
    'POST …/git/trees',
    'POST …/git/commits',
    'PATCH …/git/refs/heads/release-lanes/main',
    'POST …/pulls',
    'POST …/labels',
    'POST …/issues/100/labels',
  ]);
  expect(gh.prs).toHaveLength(1);
  expect(gh.prs[0]!.body).toContain('(2024-06-02)');
});
