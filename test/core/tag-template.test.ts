import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  checkTemplate,
  isValidRefName,
  renderTag,
  renderTemplate,
  sanitizeBranch,
  tagMatcher,
  templatePlaceholders,
} from '../../src/core/tag-template.js';
import { ReleaseLanesError } from '../../src/errors.js';

describe('renderTemplate / renderTag', () => {
  it('renders every placeholder, deriving major/minor/patch/prerelease from the version', () => {
    expect(renderTag('{lane}-v{version}', { lane: 'sdk', version: '1.2.3' })).toBe('sdk-v1.2.3');
    expect(renderTag('{path}/v{version}', { path: 'go/sub', version: '2.0.0' })).toBe('go/sub/v2.0.0');
    expect(renderTag('{major}.{minor}', { version: '0.3.7' })).toBe('0.3');
    expect(renderTag('v{major}', { version: '4.1.0' })).toBe('v4');
    expect(renderTag('{prerelease}', { version: '1.3.0-alpha.2' })).toBe('alpha');
    expect(renderTag('{component}@{version}', { component: 'core', version: '1.0.0' })).toBe('core@1.0.0');
    expect(renderTag('{group}-{patch}', { group: 'images', version: '1.2.9' })).toBe('images-9');
  });

  it('formats {date} as YYYYMMDD in UTC and derives {shortsha} from {sha}', () => {
    const tag = renderTag('{major}.{minor}-r{date}', {
      version: '0.3.1',
      date: new Date('2025-02-03T23:59:00Z'),
    });
    expect(tag).toBe('0.3-r20250203');
    expect(renderTag('main-{shortsha}', { sha: 'abcdef0123456789abcdef0123456789abcdef01' })).toBe(
      'main-abcdef012345',
    );
  });

  it('sanitises {branch} for refs', () => {
    expect(renderTag('edge-{branch}', { branch: 'feature/new thing' })).toBe('edge-feature-new-thing');
    expect(sanitizeBranch('a..b@{c}.lock')).toBe('a.b-c-lock');
    expect(() => sanitizeBranch('///')).toThrow('RL302');
    expect(sanitizeBranch('x.lock.')).toBe('x-lock');
  });

  it('always yields a valid tag (and container tag) component, or RL302 when nothing usable is left', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (branch) => {
        if (!/[A-Za-z0-9_]/.test(branch)) {
          expect(() => renderTag('edge-{branch}', { branch })).toThrow('RL302');
          return;
        }
        const name = renderTag('edge-{branch}', { branch });
        expect(isValidRefName(name)).toBe(true);
        expect(name).toMatch(/^edge-[A-Za-z0-9._-]+$/);
      }),
      { numRuns: 500 },
    );
  });

  it('throws RL105 for unknown or missing placeholders, RL302 for an invalid tag', () => {
    expect(() => renderTemplate('{nope}-{version}', { version: '1.0.0' })).toThrow(
      'RL105 Bad tag template: unknown placeholder `{nope}` in `{nope}-{version}`',
    );
    expect(() => renderTemplate('{lane}-v{version}', { version: '1.0.0' })).toThrow(
      'RL105 Bad tag template: no value for `{lane}` when rendering `{lane}-v{version}`',
    );
    let caught: unknown;
    try {
      renderTag('{path}/v{version}', { path: '.', version: '1.0.0' });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ReleaseLanesError);
    expect((caught as ReleaseLanesError).code).toBe('RL302');
    expect((caught as ReleaseLanesError).message).toBe(
      'RL302 Invalid tag name: `./v1.0.0` (from `{path}/v{version}`) is not a valid tag name',
    );
  });

  it('lists placeholders', () => {
    expect(templatePlaceholders('{lane}-v{version}-{lane}')).toEqual(['lane', 'version', 'lane']);
  });
});

describe('tagMatcher', () => {
  it('parses versions back out of the usual forms', () => {
    expect(tagMatcher('v{version}')('v1.2.3')).toBe('1.2.3');
    expect(tagMatcher('v{version}')('sdk-v1.2.3')).toBeNull();
    expect(tagMatcher('{lane}-v{version}', { lane: 'sdk' })('sdk-v0.4.0-alpha.3')).toBe('0.4.0-alpha.3');
    expect(tagMatcher('{lane}-v{version}', { lane: 'sdk' })('server-v1.0.0')).toBeNull();
    expect(tagMatcher('{lane}-v{version}', { lane: 'sdk' })('sdk-v1.0')).toBeNull();
    expect(tagMatcher('{path}/v{version}', { path: 'modules/x' })('modules/x/v1.4.0')).toBe('1.4.0');
    expect(tagMatcher('{lane}@{version}', { lane: 'core' })('core@2.0.0+build.5')).toBe('2.0.0+build.5');
  });

  it('handles release-please forms: component-v, no v, other separators, scoped literal text', () => {
    const rp = tagMatcher('{component}-v{version}', { component: 'instrumentation-pg' });
    expect(rp('instrumentation-pg-v0.73.0')).toBe('0.73.0');
    expect(rp('instrumentation-pg-mysql-v0.73.0')).toBeNull();
    expect(tagMatcher('{component}-{version}', { component: 'root' })('root-1.2.3')).toBe('1.2.3');
    expect(tagMatcher('{component}/v{version}', { component: 'bot' })('bot/v1.2.3')).toBe('1.2.3');
    expect(tagMatcher('{version}')('1.2.3')).toBe('1.2.3');
    expect(tagMatcher('{version}')('v1.2.3')).toBeNull();
    // regex metacharacters in fixed parts are literal
    expect(tagMatcher('{lane}-v{version}', { lane: 'a.b' })('aXb-v1.0.0')).toBeNull();
    expect(tagMatcher('{lane}-v{version}', { lane: 'a.b' })('a.b-v1.0.0')).toBe('1.0.0');
  });

  it('matches any text for placeholders without a fixed value', () => {
    expect(tagMatcher('{lane}-v{version}')('anything-goes-v3.0.0')).toBe('3.0.0');
  });

  it('rejects templates without exactly one {version}', () => {
    expect(() => tagMatcher('latest')).toThrow(
      'RL105 Bad tag template: `latest` must contain `{version}` exactly once',
    );
  });

  it('round-trips renderTag for any lane name and version', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,12}$/),
        fc.nat(50),
        fc.nat(50),
        fc.nat(50),
        fc.option(fc.constantFrom('alpha.1', 'beta.2', 'rc.10')),
        fc.constantFrom('{lane}-v{version}', '{lane}@{version}', '{lane}/v{version}', 'v{version}'),
        (lane, a, b, c, pre, template) => {
          const version = `${a}.${b}.${c}${pre ? `-${pre}` : ''}`;
          const name = renderTemplate(template, { lane, version });
          expect(tagMatcher(template, { lane })(name)).toBe(version);
        },
      ),
    );
  });
});

describe('isValidRefName', () => {
  it.each([
    ['v1.2.3', true],
    ['sdk-v1.2.3', true],
    ['modules/x/v1.0.0', true],
    ['0.3-r20250101', true],
    ['@', true],
    ['é', true],
    ['', false],
    ['-v1', false],
    ['a..b', false],
    ['a b', false],
    ['a~b', false],
    ['a^b', false],
    ['a:b', false],
    ['a?b', false],
    ['a*b', false],
    ['a[b', false],
    ['a\\b', false],
    ['a@{b', false],
    ['a.', false],
    ['.a', false],
    ['a/.b', false],
    ['a.lock', false],
    ['a/b.lock/c', false],
    ['a//b', false],
    ['/a', false],
    ['a/', false],
    ['a\tb', false],
  ])('%j → %s', (name, valid) => {
    expect(isValidRefName(name)).toBe(valid);
  });

  it('agrees with git check-ref-format and git tag on random names', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-ref-'));
    try {
      execFileSync('git', ['init', '-q', dir]);
      const gitAccepts = (name: string): boolean => {
        try {
          execFileSync('git', ['check-ref-format', `refs/tags/${name}`], { cwd: dir, stdio: 'ignore' });
        } catch {
          return false;
        }
        return !name.startsWith('-');
      };
      fc.assert(
        fc.property(
          fc
            .array(
              fc.constantFrom(
                'a',
                'b',
                '1',
                '.',
                '/',
                '-',
                '@',
                '{',
                '}',
                ' ',
                '~',
                ':',
                '*',
                '[',
                '\\',
                'lock',
                '_',
              ),
              {
                minLength: 1,
                maxLength: 8,
              },
            )
            .map((parts) => parts.join('')),
          (name) => {
            expect(isValidRefName(name)).toBe(gitAccepts(name));
          },
        ),
        { numRuns: 150 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('checkTemplate', () => {
  const vars = { lane: 'sdk', path: 'packages/sdk' };
  it('accepts good templates', () => {
    expect(checkTemplate('{lane}-v{version}', 'version', vars)).toBeNull();
    expect(checkTemplate('{major}.{minor}', 'channel', vars)).toBeNull();
    expect(checkTemplate('{major}.{minor}-r{date}', 'rebuild', vars)).toBeNull();
    expect(checkTemplate('edge-{branch}', 'snapshot-moving', vars)).toBeNull();
    expect(checkTemplate('main-{shortsha}', 'snapshot-commit', vars)).toBeNull();
  });

  it('explains what is wrong', () => {
    expect(checkTemplate('{lane}-latest', 'version', vars)).toBe(
      '`{lane}-latest` must contain `{version}` exactly once',
    );
    expect(checkTemplate('v{version}-{version}', 'version', vars)).toBe(
      '`v{version}-{version}` must contain `{version}` exactly once',
    );
    expect(checkTemplate('latest-{version}', 'channel', vars)).toBe(
      '`latest-{version}`: a moving tag must not contain `{version}` (allowed: {lane}, {component}, {path}, {group}, {major}, {minor}, {patch}, {prerelease})',
    );
    expect(checkTemplate('v{version}-{sha}', 'version', vars)).toBe(
      '`v{version}-{sha}`: `{sha}` is not allowed here (allowed: {lane}, {component}, {path}, {group}, {version})',
    );
    expect(checkTemplate('{lane}-v{verison}', 'version', vars)).toMatch(
      /^`\{lane\}-v\{verison\}` uses the unknown placeholder `\{verison\}` \(known: \{lane\}/,
    );
    expect(checkTemplate('{lane-v{version}', 'version', vars)).toBe(
      '`{lane-v{version}` has an unbalanced `{` or `}`',
    );
    expect(checkTemplate('{component}-v{version}', 'version', vars)).toBe(
      '`{component}-v{version}` uses `{component}` but the lane has no component',
    );
    expect(checkTemplate('{lane} v{version}', 'version', vars)).toBe(
      '`{lane} v{version}` renders `sdk v1.2.3`, which is not a valid git tag name',
    );
    expect(checkTemplate('{major}.{minor}', 'rebuild', vars)).toBe('`{major}.{minor}` must contain `{date}`');
    expect(checkTemplate('main-{branch}', 'snapshot-commit', vars)).toBe(
      '`main-{branch}` must contain `{sha}` or `{shortsha}`',
    );
  });
});
