import { createWriteLimiter, requestKind } from '../../src/jobs/throttle.js';
import { jobFromEvent } from '../../src/jobs/from-event.js';
import { pushPayload } from '../fixtures/webhooks/payloads.js';

test('reads (REST GET, GraphQL queries) are not writes; mutations and REST writes are; check runs are reports', () => {
  expect(requestKind({ method: 'GET', url: '/repos/{owner}/{repo}/pulls' })).toBe('read');
  expect(requestKind({ method: 'POST', url: '/graphql', query: 'query releaseLanesBootstrap { x }' })).toBe(
    'read',
  );
  expect(requestKind({ method: 'POST', url: '/graphql', query: '\n  mutation { createRef }' })).toBe('write');
  expect(requestKind({ method: 'POST', url: '/repos/{owner}/{repo}/git/trees' })).toBe('write');
  expect(requestKind({ method: 'PATCH', url: '/repos/{owner}/{repo}/git/refs/heads/x' })).toBe('write');
  expect(requestKind({ method: 'POST', url: '/app/installations/7/access_tokens' })).toBe('read');
  expect(requestKind({ method: 'POST', url: '/repos/{owner}/{repo}/check-runs' })).toBe('report');
});

test('a spent hourly write budget is RL410 naming when it resumes, per installation', async () => {
  const limiter = createWriteLimiter({ minTime: 0, budget: 2, perMs: 3_600_000 });
  try {
    const write = (n: number) => limiter.schedule(1, () => Promise.resolve(n));
    expect(await write(1)).toBe(1);
    expect(await write(2)).toBe(2);
    await expect(write(3)).rejects.toThrow(
      /^RL410 .*installation 1 used its 2 writes of the last 60 min; release-lanes resumes by \d{4}-\d\d-\d\dT/,
    );
    // another installation has its own budget
    expect(await limiter.schedule(2, () => Promise.resolve('other'))).toBe('other');
  } finally {
    await limiter.disconnect();
  }
});

test('a queued job is plain JSON of about a kilobyte, whatever GitHub sent', () => {
  const payload = pushPayload({ owner: 'acme', name: 'mono', defaultBranch: 'main', after: 'a'.repeat(40) });
  const job = jobFromEvent({ id: 'd1', name: 'push', payload }, 0)!;
  expect(JSON.parse(JSON.stringify(job))).toEqual(job);
  expect(job).toMatchObject({
    kind: 'push',
    owner: 'acme',
    repo: 'mono',
    deliveryId: 'd1',
    sha: 'a'.repeat(40),
    ref: 'refs/heads/main',
    coalesce: 'push:refs/heads/main',
  });
  expect(JSON.stringify(job).length).toBeLessThan(JSON.stringify(payload).length / 4);
  expect(jobFromEvent({ id: 'd2', name: 'issues', payload: { ...payload, action: 'opened' } }, 0)).toBeNull();
  expect(
    jobFromEvent({ id: 'd3', name: 'push', payload: { ...payload, installation: undefined } }, 0),
  ).toBeNull();
});
