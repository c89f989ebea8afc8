import nock from 'nock';
import { createOctokit, graphqlUrlFor } from '../../../src/adapters/github/octokit.js';

describe('the plain Octokit of the Action and the CLI', () => {
  beforeEach(() => nock.disableNetConnect());
  afterEach(() => {
    expect(nock.isDone()).toBe(true);
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('derives the GraphQL URL from the API URL (github.com and GHES)', () => {
    expect(graphqlUrlFor('https://api.github.com')).toBe('https://api.github.com/graphql');
    expect(graphqlUrlFor('https://ghe.example.com/api/v3')).toBe('https://ghe.example.com/api/graphql');
    expect(graphqlUrlFor('https://ghe.example.com/api/v3/')).toBe('https://ghe.example.com/api/graphql');
  });

  it('talks to github.com by default, with the token', async () => {
    nock('https://api.github.com', { reqheaders: { authorization: 'token ghp_x' } })
      .get('/repos/acme/mono')
      .reply(200, { default_branch: 'main' })
      .post('/graphql')
      .reply(200, { data: { viewer: { login: 'alice' } } });
    const o = createOctokit({ token: 'ghp_x', resilient: false });
    expect((await o.request('GET /repos/{owner}/{repo}', { owner: 'acme', repo: 'mono' })).data).toEqual({
      default_branch: 'main',
    });
    expect(await o.graphql('query { viewer { login } }')).toEqual({ viewer: { login: 'alice' } });
  });

  it('GHES: REST under /api/v3, GraphQL at /api/graphql', async () => {
    nock('https://ghe.example.com')
      .get('/api/v3/repos/acme/mono')
      .reply(200, { default_branch: 'trunk' })
      .post('/api/graphql')
      .reply(200, { data: { ok: true } });
    const o = createOctokit({ token: 't', apiUrl: 'https://ghe.example.com/api/v3', resilient: false });
    expect((await o.request('GET /repos/{owner}/{repo}', { owner: 'acme', repo: 'mono' })).data).toEqual({
      default_branch: 'trunk',
    });
    expect(await o.graphql('query { ok }')).toEqual({ ok: true });
  });

  it('GITHUB_GRAPHQL_URL wins over the derived URL', async () => {
    nock('https://graphql.example.com')
      .post('/gql')
      .reply(200, { data: { ok: 1 } });
    const o = createOctokit({
      token: 't',
      apiUrl: 'https://ghe.example.com/api/v3',
      graphqlUrl: 'https://graphql.example.com/gql',
      resilient: false,
    });
    expect(await o.graphql('query { ok }')).toEqual({ ok: 1 });
  });
});
