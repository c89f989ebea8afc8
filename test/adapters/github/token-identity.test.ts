import nock from 'nock';
import { createOctokit } from '../../../src/adapters/github/octokit.js';
import { resolveTokenIdentity } from '../../../src/adapters/github/token-identity.js';

const API = 'https://api.github.com';
const octokit = () => createOctokit({ token: 't', resilient: false });
const viewer = (body: { query?: string }) => /viewer \{ login \}/.test(body.query ?? '');

describe('resolveTokenIdentity', () => {
  beforeEach(() => nock.disableNetConnect());
  afterEach(() => {
    expect(nock.isDone()).toBe(true);
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('a personal token: the user GET /user names, nothing else asked', async () => {
    nock(API).get('/user').reply(200, { login: 'alice', type: 'User' });
    await expect(resolveTokenIdentity(octokit(), {})).resolves.toEqual({ login: 'alice' });
  });

  it("an App installation token: GET /user is refused, the viewer query names the App's bot", async () => {
    nock(API).get('/user').reply(403, { message: 'Resource not accessible by integration' });
    nock(API)
      .post('/graphql', viewer)
      .reply(200, { data: { viewer: { login: 'acme-releaser[bot]' } } });
    await expect(resolveTokenIdentity(octokit(), {})).resolves.toEqual({ login: 'acme-releaser[bot]' });
  });

  it("a workflow's GITHUB_TOKEN, both refused: github-actions[bot], only inside Actions", async () => {
    const refuse = () => {
      nock(API).get('/user').reply(403, { message: 'Resource not accessible by integration' });
      nock(API)
        .post('/graphql', viewer)
        .reply(200, { errors: [{ type: 'FORBIDDEN', message: 'Resource not accessible by integration' }] });
    };
    refuse();
    await expect(resolveTokenIdentity(octokit(), { GITHUB_ACTIONS: 'true' })).resolves.toEqual({
      login: 'github-actions[bot]',
    });
    refuse();
    await expect(resolveTokenIdentity(octokit(), {})).rejects.toMatchObject({ code: 'RL213' });
  });

  it('a bad token is a permission error (RL400), not a guess', async () => {
    nock(API).get('/user').reply(401, { message: 'Bad credentials' });
    await expect(resolveTokenIdentity(octokit(), { GITHUB_ACTIONS: 'true' })).rejects.toMatchObject({
      code: 'RL400',
      message: expect.stringContaining('Bad credentials'),
    });
  });
});
