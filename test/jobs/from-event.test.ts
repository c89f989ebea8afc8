import { JOB_EVENTS, jobFromEvent } from '../../src/jobs/from-event.js';
import { checkRunRerequestedPayload, pushPayload } from '../fixtures/webhooks/payloads.js';

const repo = { owner: 'acme', name: 'mono', defaultBranch: 'main' };
const sha = 'a'.repeat(40);

describe('check_run.rerequested ("Re-run" on a release-lanes check)', () => {
  it('is subscribed and becomes the job the next push to that branch would be', () => {
    expect(JOB_EVENTS).toContain('check_run.rerequested');
    const rerun = jobFromEvent(
      {
        id: 'd-1',
        name: 'check_run',
        payload: checkRunRerequestedPayload({ ...repo, headSha: sha, branch: 'main' }),
      },
      0,
    )!;
    const push = jobFromEvent({ id: 'd-2', name: 'push', payload: pushPayload({ ...repo, after: sha }) }, 0)!;
    expect(rerun).toMatchObject({
      kind: 'push',
      event: 'push',
      ref: 'refs/heads/main',
      sha,
      coalesce: 'push:refs/heads/main',
    });
    expect(rerun.coalesce).toBe(push.coalesce);
    expect(rerun.payload).toMatchObject({
      ref: 'refs/heads/main',
      after: sha,
      created: false,
      deleted: false,
    });
    expect((rerun.payload.repository as { default_branch: string }).default_branch).toBe('main');
    // the check run it re-runs: a passing one goes on that commit when the run succeeds
    expect(rerun.payload.check_run).toEqual({ name: 'release-lanes', head_sha: sha });
  });

  it('a re-run of another check run (another name) is not a job', () => {
    const payload = checkRunRerequestedPayload({ ...repo, headSha: sha, branch: 'main' });
    (payload.check_run as { name: string }).name = 'ci';
    expect(jobFromEvent({ id: 'd-5', name: 'check_run', payload }, 0)).toBeNull();
  });

  it('a check run on a maintenance branch re-runs that branch', () => {
    const job = jobFromEvent(
      {
        id: 'd-3',
        name: 'check_run',
        payload: checkRunRerequestedPayload({ ...repo, headSha: sha, branch: 'release/0.3' }),
      },
      0,
    )!;
    expect(job.ref).toBe('refs/heads/release/0.3');
  });

  it('other check_run actions are not jobs', () => {
    const payload = {
      ...checkRunRerequestedPayload({ ...repo, headSha: sha, branch: 'main' }),
      action: 'created',
    };
    expect(jobFromEvent({ id: 'd-4', name: 'check_run', payload }, 0)).toBeNull();
  });
});
