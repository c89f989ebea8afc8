/** Templates, ref names, tag set validation, the apply guard and the config-time policy check. */
import {
  formatDate,
  guardOps,
  isValidRefName,
  renderTemplate,
  sanitizeBranch,
  templateMatcher,
  validateTagPolicies,
  validateTagSet,
} from '../../../src/core/tags/index.js';
import type { TagOperation } from '../../../src/core/types.js';
import { sha } from './helpers.js';

const op = (name: string, extra: Partial<TagOperation> = {}): TagOperation => ({
  name,
  action: 'create',
  from: null,
  to: sha(name),
  lane: 'a',
  kind: 'channel',
  ...extra,
});

describe('templates and ref names', () => {
  it.each([
    'v1.2.3',
    'server-v1.0.0-alpha.1',
    'lattice-sdk/v0.3.0',
    '0.3-r20250614',
    'edge-feature-x',
    'v1.0.0+build.5',
    '@', // only the whole ref `@` is refused; `refs/tags/@` passes git check-ref-format
  ])('accepts %s', (name) => expect(isValidRefName(name)).toBe(true));
  it.each([
    '',
    'a b',
    'a..b',
    'a~1',
    'a^',
    'a:b',
    'a?',
    'a*',
    'a[b',
    'a\\b',
    '/a',
    'a/',
    'a//b',
    '.a',
    'a/.b',
    'a.lock',
    'a.',
    '-a',
    'a@{1}',
    'a\tb',
  ])('rejects %j', (name) => expect(isValidRefName(name)).toBe(false));

  it('renders placeholders and reports missing or unknown ones (RL105) and bad results (RL302)', () => {
    expect(renderTemplate('{lane}-v{version}', { lane: 'server', version: '1.2.3' })).toBe('server-v1.2.3');
    expect(() => renderTemplate('{major}.{minor}', { major: 1 })).toThrow(
      expect.objectContaining({ code: 'RL105' }),
    );
    expect(() => renderTemplate('{vesion}', { version: '1.0.0' })).toThrow(
      expect.objectContaining({ code: 'RL105' }),
    );
    expect(() => renderTemplate('{lane} v{version}', { lane: 'a', version: '1.0.0' })).toThrow(
      expect.objectContaining({ code: 'RL302' }),
    );
  });

  it('sanitises branches to one ref component', () => {
    expect(sanitizeBranch('feature/login')).toBe('feature-login');
    expect(sanitizeBranch('.hidden..x.lock')).toBe('hidden.x-lock');
    expect(sanitizeBranch('fix/ünïcode bug')).toBe('fix-n-code-bug');
    expect(() => sanitizeBranch('...')).toThrow(expect.objectContaining({ code: 'RL302' }));
  });

  it('formats {date} in UTC', () => {
    expect(formatDate(new Date('2025-06-14T23:30:00-05:00'))).toBe('20250615');
  });

  it('matches names a template produces, with fixed lane values', () => {
    const m = templateMatcher('{lane}-v{version}', { lane: 'server' });
    expect(m('server-v1.2.3-rc.1')).toEqual({ lane: 'server', version: '1.2.3-rc.1' });
    expect(m('agent-v1.2.3')).toBeNull();
    expect(m('server-v1.2')).toBeNull();
    expect(templateMatcher('{major}.{major}')('1.2')).toBeNull();
  });
});

describe('validateTagSet', () => {
  it('accepts a sound set and rejects duplicates (RL107), bad names and ref folder clashes (RL302)', () => {
    expect(() => validateTagSet([op('v1.0.0', { kind: 'version' }), op('latest')])).not.toThrow();
    expect(() => validateTagSet([op('latest'), op('latest', { lane: 'b' })])).toThrow(
      expect.objectContaining({ code: 'RL107' }),
    );
    expect(() => validateTagSet([op('bad name')])).toThrow(expect.objectContaining({ code: 'RL302' }));
    expect(() => validateTagSet([op('edge/x')], [{ name: 'edge', sha: sha('e') }])).toThrow(
      expect.objectContaining({ code: 'RL302' }),
    );
    expect(() => validateTagSet([op('edge')], [{ name: 'edge/x', sha: sha('e') }])).toThrow(
      expect.objectContaining({ code: 'RL302' }),
    );
  });
});

describe('guardOps', () => {
  it('lets creates, channel moves and resumes through', () => {
    const s = sha('v1');
    expect(() =>
      guardOps(
        [
          op('v1.0.1', { kind: 'version' }),
          op('v1.0.0', { kind: 'version', action: 'unchanged', from: s, to: s }),
          op('latest', { action: 'move', from: s }),
        ],
        ['v1.0.0'],
      ),
    ).not.toThrow();
  });
  it.each<[string, TagOperation]>([
    ['a moved version tag', op('v1.0.0', { kind: 'version', action: 'move', from: sha('a') })],
    [
      'an "unchanged" version tag that changes',
      op('v1.0.0', { kind: 'version', action: 'unchanged', from: sha('a') }),
    ],
    ['a re-created version tag', op('v1.0.0', { kind: 'version' })],
    [
      'a channel op on a version tag name',
      op('v1.0.0', { kind: 'snapshot', action: 'move', from: sha('a') }),
    ],
    ['a delete', op('latest', { action: 'delete' as never })],
  ])('refuses %s (RL303)', (_, bad) => {
    expect(() => guardOps([bad], ['v1.0.0'])).toThrow(expect.objectContaining({ code: 'RL303' }));
  });
});

describe('validateTagPolicies', () => {
  const lane = { lane: 'server', tagTemplate: 'v{version}' };
  const bad = (policy: object, code: string) =>
    expect(() => validateTagPolicies([{ ...lane, policy: { channels: [], ...policy } }])).toThrow(
      expect.objectContaining({ code }),
    );

  it('rejects placeholders a role cannot use (RL105)', () => {
    bad({ channels: [{ tag: 'latest-{version}', track: 'latest' }] }, 'RL105');
    bad({ channels: [{ tag: '{major}.{minor}.{patch}', track: 'line' }] }, 'RL105');
    bad({ channels: [{ tag: 'stable', track: 'line' }] }, 'RL105');
    bad({ channels: [{ tag: '{prerelease}', track: 'prerelease', prerelease: 'a.b' }] }, 'RL105');
    bad({ rebuild: { tag: '{major}.{minor}-rebuild', moves: [] } }, 'RL105');
    bad({ snapshot: { branches: { main: { moving: ['main'], commit: 'main-{branch}' } } } }, 'RL105');
    expect(() => validateTagPolicies([{ lane: 'x', tagTemplate: 'x-{major}' }])).toThrow(
      expect.objectContaining({ code: 'RL105' }),
    );
  });

  it('rejects a bad supported range (RL112)', () => bad({ supported: '>=banana' }, 'RL112'));

  it('rejects channels that collide with a version tag or with each other (RL107)', () => {
    bad({ channels: [{ tag: 'v1.0.0', track: 'latest' }] }, 'RL107');
    bad(
      {
        channels: [{ tag: 'v{major}.{minor}', track: 'line' }],
        rebuild: { tag: 'v{major}.{minor}.{date}', moves: [] },
      },
      'RL107',
    );
    bad(
      {
        channels: [
          { tag: 'latest', track: 'latest' },
          { tag: 'latest', track: 'latest' },
        ],
      },
      'RL107',
    );
    bad(
      {
        channels: [{ tag: 'edge', track: 'latest' }],
        snapshot: { branches: { main: { moving: ['edge'] } } },
      },
      'RL107',
    );
    bad({ rebuild: { tag: '{major}.{minor}-r{date}', moves: ['v1.2.3'] } }, 'RL107');
  });

  it('accepts line tags next to version tags and rebuild moves naming channels', () => {
    expect(() =>
      validateTagPolicies([
        {
          ...lane,
          policy: {
            channels: [
              { tag: 'v{major}', track: 'line' },
              { tag: 'v{major}.{minor}', track: 'line' },
              { tag: 'latest', track: 'latest' },
              { tag: '{prerelease}', track: 'prerelease' },
            ],
            rebuild: { tag: 'v{major}.{minor}-r{date}', moves: ['v{major}.{minor}', 'latest'] },
          },
        },
      ]),
    ).not.toThrow();
  });
});
