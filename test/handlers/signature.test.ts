import { createHmac } from 'node:crypto';
import { pushPayload } from '../fixtures/webhooks/payloads.js';
import { createFakeGitHub } from './helpers/fake-github.js';
import { createSdkServerRepo } from './helpers/monorepo.js';
import { createTestProbot, WEBHOOK_SECRET } from './helpers/probot.js';

test('deliveries must carry a valid WEBHOOK_SECRET signature (verified by Probot)', async () => {
  const repo = createSdkServerRepo();
  const gh = createFakeGitHub(repo);
  try {
    const { probot, queue } = await createTestProbot();
    const payload = JSON.stringify(
      pushPayload({
        owner: 'acme',
        name: 'mono',
        defaultBranch: 'main',
        after: repo.head(),
        message: 'fix: x',
      }),
    );
    const forged = `sha256=${createHmac('sha256', 'not-the-secret').update(payload).digest('hex')}`;
    await expect(
      probot.webhooks.verifyAndReceive({ id: 'bad', name: 'push', payload, signature: forged }),
    ).rejects.toThrow(/signature does not match/i);
    await expect(
      probot.webhooks.verifyAndReceive({ id: 'unsigned', name: 'push', payload, signature: '' }),
    ).rejects.toThrow();
    expect(gh.requests).toEqual([]);
    expect(gh.tokenRequests).toEqual([]);

    const good = `sha256=${createHmac('sha256', WEBHOOK_SECRET).update(payload).digest('hex')}`;
    await probot.webhooks.verifyAndReceive({ id: 'good', name: 'push', payload, signature: good });
    // Answered once queued: no API request yet.
    expect(gh.requests).toEqual([]);
    expect(await queue.stats()).toMatchObject({ accepted: 1, done: 0 });
    await queue.idle();
    expect(gh.prs).toHaveLength(1);
    expect(await queue.stats()).toMatchObject({ accepted: 1, done: 1, waiting: 0, running: 0 });
  } finally {
    gh.done();
    repo.cleanup();
  }
});
