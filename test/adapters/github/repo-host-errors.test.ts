import nock from 'nock';
import { createGitHubRepoHost } from '../../../src/adapters/github/repo-host.js';
import { ReleaseLanesError } from '../../../src/errors.js';
import { FakeRepo, type FailSpec } from '../../fixtures/github/fake-github.js';
import { lane, repoConfig, testOctokit } from '../../fixtures/github/lanes.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

function setup(...failures: FailSpec[]) {
  nock.cleanAll();
  const fake = new FakeRepo();
  fake.commit('chore: init', ['packages/sdk/a.ts']);
  fake.serve();
  fake.failures.push(...failures);
  return { fake, host: createGitHubRepoHost(testOctokit(), { owner: 'acme', repo: 'mono', branch: 'main' }) };
}

async function failure(p: Promise<unknown>): Promise<ReleaseLanesError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ReleaseLanesError);
    return e as ReleaseLanesError;
  }
  throw new Error('expected a failure');
}

describe('GitHub errors become coded errors with GitHub’s message', () => {
  it('403 "Resource not accessible by integration" → RL400', async () => {
    const { host } = setup({ status: 403, body: { message: 'Resource not accessible by integration' } });
    const e = await failure(host.headSha());
    expect(e.code).toBe('RL400');
    expect(e.detail).toMatch(/Resource not accessible by integration \(HTTP 403\)/);
    expect(e.render()).toMatch(/fix: Accept the permissions/);
  });

  it('401 → RL400', async () => {
    const { host } = setup({ status: 401, body: { message: 'Bad credentials' } });
    const e = await failure(host.headSha());
    expect(e.code).toBe('RL400');
    expect(e.detail).toMatch(/Bad credentials/);
  });

  it('primary rate limit (403, x-ratelimit-remaining: 0) → RL402 with the reset time', async () => {
    const { host } = setup({
      status: 403,
      body: { message: 'API rate limit exceeded for installation ID 1.' },
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1700000000' },
    });
    const e = await failure(host.headSha());
    expect(e.code).toBe('RL402');
    expect(e.detail).toMatch(/API rate limit exceeded.*resets at 2023-11-14T22:13:20.000Z/);
  });

  it('secondary rate limit (403 + retry-after) and 429 → RL402', async () => {
    const { host } = setup({
      status: 403,
      body: { message: 'You have exceeded a secondary rate limit.' },
      headers: { 'retry-after': '60' },
    });
    const e = await failure(host.headSha());
    expect(e.code).toBe('RL402');
    expect(e.detail).toMatch(/secondary rate limit.*retry after 60s/);

    const again = setup({ status: 429, body: { message: 'Too many requests' } });
    expect((await failure(again.host.headSha())).code).toBe('RL402');
  });

  it('GraphQL RATE_LIMITED error in a 200 → RL402', async () => {
    const { host } = setup({
      status: 200,
      body: { data: null, errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded' }] },
      headers: { 'x-ratelimit-reset': '1700000000' },
    });
    const e = await failure(host.headSha());
    expect(e.code).toBe('RL402');
    expect(e.detail).toMatch(/API rate limit exceeded; resets at 2023-11-14/);
  });

  it('GraphQL errors and 5xx → RL403', async () => {
    const { host } = setup({
      status: 200,
      body: {
        data: null,
        errors: [
          { type: 'NOT_FOUND', message: "Could not resolve to a Repository with the name 'acme/mono'." },
        ],
      },
    });
    const e = await failure(host.headSha());
    expect(e.code).toBe('RL403');
    expect(e.detail).toMatch(/Could not resolve to a Repository/);

    const again = setup({ status: 502, body: { message: 'Server Error' } });
    const e2 = await failure(again.host.headSha());
    expect(e2.code).toBe('RL403');
    expect(e2.detail).toMatch(/Server Error \(HTTP 502\)/);
  });

  it('a REST file-list failure during lanesHistory is coded too', async () => {
    const fake = new FakeRepo();
    const base = fake.commit('chore: init', ['packages/sdk/a.ts']);
    fake.commit('feat: plugin', ['packages/sdk/plugins/p.ts']);
    // Registered before the fake's interceptors, so it answers the (only) file-list request.
    const refused = nock('https://api.github.com')
      .get(/^\/repos\/acme\/mono\/commits\//)
      .reply(403, { message: 'Resource not accessible by integration' });
    fake.serve();
    const host = createGitHubRepoHost(testOctokit(), { owner: 'acme', repo: 'mono', branch: 'main' });
    const config = repoConfig([lane('sdk', ['packages/sdk']), lane('plugins', ['packages/sdk/plugins'])]);
    const e = await failure(host.lanesHistory(config, { sdk: base, plugins: base }));
    expect(e.code).toBe('RL400');
    expect(e.detail).toMatch(/commits.*Resource not accessible by integration/);
    expect(refused.isDone()).toBe(true);
    expect(fake.graphqlRequests()).toHaveLength(2);
  });
});
