import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { parseActionInputs } from '../../src/action/inputs.js';
import { actionIO, outputFileText } from '../../src/action/io.js';
import { runAction } from '../../src/action/runner.js';
import { pushPayload } from '../fixtures/webhooks/payloads.js';
import { parseOutputFile } from './helpers.js';

describe('Action inputs', () => {
  it('reads INPUT_<NAME> with hyphens kept, defaults command to all', () => {
    expect(parseActionInputs({ INPUT_TOKEN: 't' })).toEqual({ token: 't', command: 'all', dryRun: false });
    expect(
      parseActionInputs({
        INPUT_TOKEN: 't',
        INPUT_COMMAND: 'release-pr',
        'INPUT_CONFIG-FILE': ' release-please-config.json ',
        'INPUT_DRY-RUN': 'true',
      }),
    ).toEqual({ token: 't', command: 'release-pr', configFile: 'release-please-config.json', dryRun: true });
  });

  it.each([
    [{ INPUT_TOKEN: 't', INPUT_COMMAND: 'tag' }, 'RL212', 'input `command` is "tag"'],
    [{ INPUT_TOKEN: 't', 'INPUT_DRY-RUN': 'yes' }, 'RL212', 'input `dry-run` is "yes"'],
    [{ INPUT_TOKEN: '' }, 'RL210', 'input `token` is empty'],
  ])('refuses %j with %s', (env, code, detail) => {
    expect(() => parseActionInputs(env)).toThrow(
      expect.objectContaining({ code, detail: expect.stringContaining(detail) }),
    );
  });
});

describe('Action outputs file', () => {
  it('writes every value in the multi-line form, even values holding newlines or the delimiter', () => {
    const ids = ['d1', 'd2', 'd3'];
    const text = outputFileText({ a: 'x', b: 'line 1\nline 2 d2' }, () => ids.shift()!);
    expect(text).toBe('a<<d1\nx\nd1\nb<<d3\nline 1\nline 2 d2\nd3\n');
    expect(parseOutputFile(text)).toEqual({ a: 'x', b: 'line 1\nline 2 d2' });
  });
});

describe('Action events', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rl-action-event-'));
    nock.disableNetConnect();
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    nock.cleanAll();
    nock.enableNetConnect();
  });

  const run = async (env: Record<string, string>) => {
    const lines: string[] = [];
    const output = join(dir, 'out');
    writeFileSync(output, '');
    const code = await runAction(
      actionIO({
        env: { INPUT_TOKEN: 't', GITHUB_REPOSITORY: 'acme/mono', GITHUB_OUTPUT: output, ...env },
        write: (l) => lines.push(l),
        resilient: false,
      }),
    );
    return { code, lines, outputs: parseOutputFile(readFileSync(output, 'utf8')) };
  };

  it('a push to another branch does nothing and asks GitHub nothing (nock would refuse)', async () => {
    const event = join(dir, 'push.json');
    writeFileSync(
      event,
      JSON.stringify(
        pushPayload({
          owner: 'acme',
          name: 'mono',
          defaultBranch: 'main',
          after: 'a'.repeat(40),
          ref: 'refs/heads/feature',
        }),
      ),
    );
    const r = await run({ GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: event });
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([
      'release-lanes: nothing to do for a push to feature, not to the default branch main',
    ]);
    expect(r.outputs).toEqual({
      releases_created: 'false',
      paths_released: '[]',
      tags: '[]',
      prs_created: 'false',
    });
  });

  it('an unreadable event file is RL215 with exit 1', async () => {
    const event = join(dir, 'bad.json');
    writeFileSync(event, '{ not json');
    const r = await run({ GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: event });
    expect(r.code).toBe(1);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatch(
      /^::error title=RL215 Workflow event cannot be read::RL215 Workflow event cannot be read: .*bad\.json: /,
    );
  });

  it('a missing repository is RL211', async () => {
    const r = await run({ GITHUB_REPOSITORY: '' });
    expect(r.code).toBe(1);
    expect(r.lines[0]).toMatch(
      /^::error title=RL211 Repository not named::RL211 .*GITHUB_REPOSITORY is not set/,
    );
  });
});
