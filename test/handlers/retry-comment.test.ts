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

const PERMISSION = 'GET …/collaborators/Codertocat/permission';

test('`/release-lanes retry` from someone with write access re-runs the flow; others are ignored', async () => {
  h = await harness(createSdkServerRepo());
  const { gh, app } = h;
  gh.fail('POST', /\/pulls$/, 502, { message: 'Bad Gateway' });
  await h.push();
  expect(gh.prs).toHaveLength(0);
  gh.clear();

  // An org MEMBER with read access only: GitHub's answer counts, not the comment's author_association.
  gh.permissions.set('Codertocat', 'read');
  await app.probot.receive({
    id: 'c1',
    name: 'issue_comment',
    payload: comment('/release-lanes retry', 'MEMBER'),
  } as never);
  await app.probot.receive({
    id: 'c2',
    name: 'issue_comment',
    payload: comment('looks good, retry later?'),
  } as never);
  expect(short(gh.calls())).toEqual([PERMISSION]);
  gh.clear();

  // `maintain` (reported as role_name) is write access or above, whatever the association says.
  gh.permissions.set('Codertocat', 'maintain');
  await app.probot.receive({
    id: 'c3',
    name: 'issue_comment',
    payload: comment('/release-lanes retry', 'NONE'),
  } as never);
  expect(short(gh.calls())).toEqual([
    PERMISSION,
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
    // the failing check the push left turns green
    'POST …/check-runs',
  ]);
  expect(gh.prs).toHaveLength(1);
  expect(gh.prs[0]!.body).toContain('(2024-06-02)');
  const checks = gh.checkRuns as { head_sha: string; conclusion: string }[];
  expect(checks.map((c) => c.conclusion)).toEqual(['failure', 'success']);
  expect(checks[1]!.head_sha).toBe(checks[0]!.head_sha);
});
