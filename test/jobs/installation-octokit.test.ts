/**
 * The job's installation Octokit under GitHub's primary rate limit (nock; Probot's default Octokit with its
 * throttle on): a reset within a minute is waited out once, a later one fails at once so the run reports
 * RL402 with the reset time instead of waiting silently for up to an hour.
 */
import { generateKeyPairSync } from 'node:crypto';
import { Writable } from 'node:stream';
import nock from 'nock';
import { pino } from 'pino';
import { Probot } from 'probot';
import { mapGitHubError } from '../../src/adapters/github/github-errors.js';
import { installationOctokit } from '../../src/jobs/installation-octokit.js';
import { createWriteLimiter } from '../../src/jobs/throttle.js';

const API = 'https://api.github.com';
const { privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});

const lines: Record<string, unknown>[] = [];
const log = pino(
  { level: 'warn' },
  new Writable({
    write(chunk: Buffer, _enc, cb) {
      for (const l of chunk.toString('utf8').split('\n')) if (l.trim()) lines.push(JSON.parse(l));
      cb();
    },
  }),
);

beforeEach(() => {
  nock.disableNetConnect();
  lines.length = 0;
  nock(API).post('/app/installations/7/access_tokens').reply(201, {
    token: 'ghs_x',
    expires_at: '2999-01-01T00:00:00Z',
    permissions: {},
    repository_selection: 'all',
  });
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

const limited = (resetInS: number) => ({
  'x-ratelimit-remaining': '0',
  'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + resetInS),
});

test('a primary rate limit resetting in an hour fails the request at once: RL402 with the reset time', async () => {
  const writes = createWriteLimiter();
  try {
    const octokit = await installationOctokit(new Probot({ appId: 1, privateKey, log }), 7, log, { writes });
    const repo = nock(API)
      .get('/repos/acme/mono')
      .reply(403, { message: 'API rate limit exceeded' }, limited(3600));
    const error = await octokit
      .request('GET /repos/{owner}/{repo}', { owner: 'acme', repo: 'mono' })
      .catch((e) => e);
    expect(repo.isDone()).toBe(true);
    expect(mapGitHubError(error, 'reading the repository').message).toMatch(
      /^RL402 GitHub API rate limit: reading the repository: API rate limit exceeded; resets at \d{4}-\d\d-\d\dT/,
    );
    expect(lines.map((l) => l.msg)).toContainEqual(
      expect.stringMatching(/resets in 36\d\d s: the run stops \(RL402\)$/),
    );
  } finally {
    await writes.disconnect();
  }
});

test('a primary rate limit resetting within a minute is waited out once', async () => {
  const octokit = await installationOctokit(new Probot({ appId: 1, privateKey, log }), 7, log, {});
  nock(API)
    .get('/repos/acme/mono')
    .reply(403, { message: 'API rate limit exceeded' }, limited(0))
    .get('/repos/acme/mono')
    .reply(200, { full_name: 'acme/mono' });
  const { data } = await octokit.request('GET /repos/{owner}/{repo}', { owner: 'acme', repo: 'mono' });
  expect(data).toMatchObject({ full_name: 'acme/mono' });
  expect(nock.isDone()).toBe(true);
  expect(lines.map((l) => l.msg)).toContainEqual(
    expect.stringMatching(/^release-lanes: rate limit reached, retrying in [01] s$/),
  );
});
