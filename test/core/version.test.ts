import fc from 'fast-check';
import semver from 'semver';
import type { Bump, BumpLevel } from '../../src/core/types.js';
import {
  compareBumps,
  compareVersions,
  isPreMajor,
  isPrerelease,
  lineOf,
  maxBump,
  nextVersion,
  parseVersion,
  prereleaseId,
  releaseAsProblem,
} from '../../src/core/version.js';
import { ReleaseLanesError } from '../../src/errors.js';

const INIT = { initialVersion: '1.0.0' };

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof ReleaseLanesError) return e.code;
    throw e;
  }
  return undefined;
}

describe('nextVersion: stable lanes', () => {
  it.each([
    ['1.2.3', 'patch', '1.2.4'],
    ['1.2.3', 'minor', '1.3.0'],
    ['1.2.3', 'major', '2.0.0'],
    ['0.3.9', 'minor', '0.4.0'],
    ['17.10.4', 'minor', '17.11.0'],
    ['1.2.3+build.7', 'patch', '1.2.4'],
  ] as const)('%s + %s → %s', (current, bump, expected) => {
    expect(nextVersion(current, bump, INIT)).toBe(expected);
  });

  it('leaves a prerelease when the lane has none', () => {
    expect(nextVersion('1.3.0-beta.2', 'patch', INIT)).toBe('1.3.0');
    expect(nextVersion('1.3.0-beta.2', 'minor', INIT)).toBe('1.3.0');
    expect(nextVersion('1.3.0-beta.2', 'major', INIT)).toBe('2.0.0');
    expect(nextVersion('2.0.0-rc.1', 'major', INIT)).toBe('2.0.0');
  });

  it('bump none keeps the current version', () => {
    expect(nextVersion('1.2.3', 'none', INIT)).toBe('1.2.3');
    expect(nextVersion('1.3.0-alpha.1', 'none', { ...INIT, prerelease: 'alpha' })).toBe('1.3.0-alpha.1');
  });
});

describe('nextVersion: prerelease lanes', () => {
  const alpha = { ...INIT, prerelease: 'alpha' };
  it('from stable: pre<bump> starting at .1', () => {
    expect(nextVersion('1.2.3', 'minor', alpha)).toBe('1.3.0-alpha.1');
    expect(nextVersion('1.2.3', 'patch', alpha)).toBe('1.2.4-alpha.1');
    expect(nextVersion('1.2.3', 'major', alpha)).toBe('2.0.0-alpha.1');
  });

  it('within the target the prerelease covers: next number', () => {
    expect(nextVersion('1.3.0-alpha.1', 'patch', alpha)).toBe('1.3.0-alpha.2');
    expect(nextVersion('1.3.0-alpha.1', 'minor', alpha)).toBe('1.3.0-alpha.2');
    expect(nextVersion('2.0.0-alpha.4', 'major', alpha)).toBe('2.0.0-alpha.5');
    expect(nextVersion('1.2.4-alpha.1', 'patch', alpha)).toBe('1.2.4-alpha.2');
  });

  it('a bump the prerelease does not cover moves the target', () => {
    expect(nextVersion('1.3.0-alpha.2', 'major', alpha)).toBe('2.0.0-alpha.1');
    expect(nextVersion('1.2.4-alpha.1', 'minor', alpha)).toBe('1.3.0-alpha.1');
  });

  it('switching channel restarts the number', () => {
    expect(nextVersion('1.3.0-alpha.3', 'patch', { ...INIT, prerelease: 'beta' })).toBe('1.3.0-beta.1');
    expect(nextVersion('1.3.0-beta.2', 'minor', { ...INIT, prerelease: 'rc' })).toBe('1.3.0-rc.1');
  });

  it('a switch that would sort lower moves on to the next target instead', () => {
    expect(nextVersion('1.3.0-rc.1', 'patch', alpha)).toBe('1.3.1-alpha.1');
    expect(nextVersion('1.3.0-rc.1', 'minor', alpha)).toBe('1.4.0-alpha.1');
  });

  it('handles prereleases without a number', () => {
    expect(nextVersion('1.3.0-alpha', 'patch', alpha)).toBe('1.3.0-alpha.1');
    expect(nextVersion('1.3.0-0', 'patch', alpha)).toBe('1.3.0-alpha.1');
  });

  it('rejects a prerelease id that cannot be in a version', () => {
    expect(codeOf(() => nextVersion('1.2.3', 'patch', { ...INIT, prerelease: 'al pha' }))).toBe('RL108');
    expect(codeOf(() => nextVersion('1.2.3', 'patch', { ...INIT, prerelease: '' }))).toBe('RL108');
  });
});

describe('nextVersion: first release and Release-As', () => {
  it('no current version → initial version, with the channel on a prerelease lane', () => {
    expect(nextVersion(null, 'minor', INIT)).toBe('1.0.0');
    expect(nextVersion(null, 'none', { initialVersion: '0.1.0' })).toBe('0.1.0');
    expect(nextVersion(null, 'major', { initialVersion: '0.1.0', prerelease: 'alpha' })).toBe(
      '0.1.0-alpha.1',
    );
    expect(nextVersion(null, 'patch', { initialVersion: '1.0.0-rc.1', prerelease: 'rc' })).toBe('1.0.0-rc.1');
  });

  it('Release-As wins when valid and greater', () => {
    expect(nextVersion('1.2.3', 'patch', { ...INIT, releaseAs: '3.0.0' })).toBe('3.0.0');
    expect(nextVersion('1.2.3', 'none', { ...INIT, releaseAs: 'v2.0.0-rc.1' })).toBe('2.0.0-rc.1');
    expect(nextVersion(null, 'none', { ...INIT, releaseAs: '0.0.1' })).toBe('0.0.1');
    expect(nextVersion('1.2.3', 'patch', { ...INIT, prerelease: 'beta', releaseAs: '1.5.0' })).toBe('1.5.0');
  });

  it('Release-As that is invalid or not greater falls back to the bump', () => {
    expect(nextVersion('1.2.3', 'patch', { ...INIT, releaseAs: 'soon' })).toBe('1.2.4');
    expect(nextVersion('1.2.3', 'minor', { ...INIT, releaseAs: '1.2.3' })).toBe('1.3.0');
    expect(nextVersion('1.2.3', 'minor', { ...INIT, releaseAs: null })).toBe('1.3.0');
  });

  it('releaseAsProblem explains why', () => {
    expect(releaseAsProblem('1.2.3', '2.0.0')).toBeNull();
    expect(releaseAsProblem(null, '0.1.0')).toBeNull();
    expect(releaseAsProblem('1.2.3', 'soon')).toBe('Release-As "soon" is not a SemVer version');
    expect(releaseAsProblem('1.2.3', 'v1.0.0')).toBe(
      'Release-As 1.0.0 is not greater than the current version 1.2.3',
    );
  });

  it('throws RL108 for an invalid current or initial version', () => {
    expect(codeOf(() => nextVersion('1.2', 'patch', INIT))).toBe('RL108');
    expect(codeOf(() => nextVersion('latest', 'patch', INIT))).toBe('RL108');
    expect(codeOf(() => nextVersion(null, 'patch', { initialVersion: 'one' }))).toBe('RL108');
    expect(() => nextVersion('1.2', 'patch', INIT)).toThrow(/RL108 Bad version: current version "1.2"/);
  });
});

describe('helpers', () => {
  it('compareVersions follows SemVer precedence', () => {
    expect(compareVersions('1.3.0-alpha.2', '1.3.0-alpha.10')).toBe(-1);
    expect(compareVersions('1.3.0', '1.3.0-rc.1')).toBe(1);
    expect(compareVersions('v1.2.3', '1.2.3')).toBe(0);
    expect(codeOf(() => compareVersions('x', '1.0.0'))).toBe('RL108');
  });

  it('isPrerelease / prereleaseId / isPreMajor', () => {
    expect(isPrerelease('1.3.0-beta.2')).toBe(true);
    expect(isPrerelease('1.3.0+build')).toBe(false);
    expect(prereleaseId('1.3.0-beta.2')).toBe('beta');
    expect(prereleaseId('1.3.0-0')).toBeNull();
    expect(prereleaseId('1.3.0')).toBeNull();
    expect(isPreMajor('0.9.9')).toBe(true);
    expect(isPreMajor('1.0.0-rc.1')).toBe(false);
  });

  it('lineOf', () => {
    expect(lineOf('0.3.7', 'minor')).toBe('0.3');
    expect(lineOf('2.10.1-rc.1', 'major')).toBe('2');
    expect(parseVersion('v1.2.3').version).toBe('1.2.3');
  });

  it('maxBump / compareBumps order none < patch < minor < major', () => {
    const order: Bump[] = ['none', 'patch', 'minor', 'major'];
    for (const a of order) {
      for (const b of order) {
        expect(maxBump(a, b)).toBe(order[Math.max(order.indexOf(a), order.indexOf(b))]);
        expect(Math.sign(compareBumps(a, b))).toBe(Math.sign(order.indexOf(a) - order.indexOf(b)));
      }
    }
  });
});

describe('nextVersion: properties', () => {
  const stable = fc.tuple(fc.nat(20), fc.nat(20), fc.nat(20)).map(([a, b, c]) => `${a}.${b}.${c}`);
  const channel = fc.constantFrom('alpha', 'beta', 'rc', 'next', 'dev-1');
  const prerelease = fc
    .tuple(stable, channel, fc.option(fc.nat(12), { nil: undefined }))
    .map(([v, id, n]) => `${v}-${id}${n === undefined ? '' : `.${n}`}`);
  const numericPre = fc.tuple(stable, fc.nat(5)).map(([v, n]) => `${v}-${n}`);
  const current = fc.oneof(stable, prerelease, numericPre);
  const level = fc.constantFrom<BumpLevel>('patch', 'minor', 'major');
  const lane = fc.option(channel, { nil: undefined });

  it('is always valid SemVer and greater than the current version', () => {
    fc.assert(
      fc.property(current, level, lane, (cur, bump, id) => {
        const next = nextVersion(cur, bump, { ...INIT, prerelease: id });
        expect(semver.valid(next)).toBe(next);
        expect(semver.gt(next, cur)).toBe(true);
      }),
    );
  });

  it('a prerelease lane always produces a prerelease of its channel; a stable lane a stable version', () => {
    fc.assert(
      fc.property(current, level, lane, (cur, bump, id) => {
        const next = nextVersion(cur, bump, { ...INIT, prerelease: id });
        expect(prereleaseId(next)).toBe(id ?? null);
        expect(isPrerelease(next)).toBe(id !== undefined);
      }),
    );
  });

  it('is monotonic in the bump: major ≥ minor ≥ patch', () => {
    fc.assert(
      fc.property(current, lane, (cur, id) => {
        const opts = { ...INIT, prerelease: id };
        const [p, m, M] = (['patch', 'minor', 'major'] as const).map((b) => nextVersion(cur, b, opts));
        expect(semver.gte(M!, m!)).toBe(true);
        expect(semver.gte(m!, p!)).toBe(true);
      }),
    );
  });

  it('never changes the major (minor) line for a patch (minor) bump on a stable lane', () => {
    fc.assert(
      fc.property(stable, (cur) => {
        expect(lineOf(nextVersion(cur, 'patch', INIT), 'minor')).toBe(lineOf(cur, 'minor'));
        expect(lineOf(nextVersion(cur, 'minor', INIT), 'major')).toBe(lineOf(cur, 'major'));
      }),
    );
  });

  it('Release-As greater than current is always exact', () => {
    fc.assert(
      fc.property(current, fc.oneof(stable, prerelease), level, lane, (cur, target, bump, id) => {
        fc.pre(semver.gt(target, cur));
        expect(nextVersion(cur, bump, { ...INIT, prerelease: id, releaseAs: target })).toBe(target);
        expect(nextVersion(cur, bump, { ...INIT, prerelease: id, releaseAs: `v${target}` })).toBe(target);
      }),
    );
  });
});
