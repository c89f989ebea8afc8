import fc from 'fast-check';
import semver from 'semver';
import { updateRange } from '../../../src/updaters/shared/range.js';

describe('updateRange', () => {
  it.each([
    ['^1.2.0', '^1.3.0'],
    ['~1.2', '~1.3.0'],
    ['1.2.0', '1.3.0'],
    ['=1.2.0', '=1.3.0'],
    ['>=1.2.0', '>=1.3.0'],
    ['>= 1.2.0', '>= 1.3.0'],
    ['^v1.2.0', '^v1.3.0'],
    ['1.2.0-rc.1', '1.3.0'],
    ['<=1.2.0', '<=1.3.0'],
    ['>1.2.0', '>1.2.0'],
    ['<2.0.0', '<2.0.0'],
    ['<1.3.0', '<1.4.0'],
    ['<1.3', '<1.4'],
    ['1.x', '1.x'],
    ['>=1 <2', '>=1.3.0 <2'],
    ['>=1.0, <1.3', '>=1.3.0, <1.4'],
    ['1.0.0 - 1.2.0', '1.3.0 - 1.3.0'],
    ['1.0.0 - 2', '1.3.0 - 2'],
    ['^1.0.0 || ^2.0.0', '^1.3.0 || ^2.0.0'],
  ])('%s → %s for 1.3.0', (from, to) => {
    expect(updateRange(from, '1.3.0')).toBe(to);
  });

  it.each([
    ['<2.0.0', '2.1.0', '<3.0.0'],
    ['>1.2.0', '2.0.0', '>1.2.0'],
    ['1.x', '2.0.0', '2.x'],
    ['1.2.*', '1.3.0', '1.3.*'],
    ['~1.2.0 || ~1.3.0', '1.4.0', '~1.2.0 || ~1.4.0'],
    ['>=1.0.0 <2.0.0', '2.0.0', '>=2.0.0 <3.0.0'],
    ['^1.2.0', '2.0.0-rc.1', '^2.0.0-rc.1'],
  ])('%s for %s → %s', (from, version, to) => {
    expect(updateRange(from, version)).toBe(to);
  });

  it.each([
    'workspace:*',
    'workspace:^1.2.0',
    'file:../a',
    'link:../a',
    'npm:other@1.0.0',
    '*',
    'latest',
    'git+https://x/y.git',
    '^1.0.0 ||',
  ])('leaves %s alone', (range) => {
    expect(updateRange(range, '1.3.0')).toBeNull();
  });

  it('leaves a range alone that cannot admit a prerelease without a floor naming it', () => {
    expect(updateRange('<2.0.0', '2.0.0-alpha.1')).toBeNull();
    expect(updateRange('1.x', '1.3.0-alpha.1')).toBeNull();
  });
});

// ---- property: every rewritten range admits the new version and keeps its operator style ----

const num = fc.integer({ min: 0, max: 4 });
const prerelease = fc.constantFrom('alpha.1', 'beta.0', 'rc.2', '0', '3');
const full = fc.tuple(num, num, num).map(([a, b, c]) => `${a}.${b}.${c}`);
const partial = fc.oneof(
  full,
  fc.tuple(num, num).map(([a, b]) => `${a}.${b}`),
  num.map(String),
);
const withPre = fc.oneof(
  { weight: 4, arbitrary: full },
  { weight: 1, arbitrary: fc.tuple(full, prerelease).map(([v, p]) => `${v}-${p}`) },
);
const xRange = fc.oneof(
  fc.tuple(num, fc.constantFrom('x', 'X', '*')).map(([a, w]) => `${a}.${w}`),
  fc.tuple(num, num, fc.constantFrom('x', '*')).map(([a, b, w]) => `${a}.${b}.${w}`),
  num.map(String),
  fc.tuple(num, num).map(([a, b]) => `${a}.${b}`),
);
const op = fc.constantFrom('^', '~', '~>', '=', '', '>=', '>', '<', '<=');
const comparator = fc.oneof(
  fc
    .tuple(op, fc.constantFrom('', ' '), fc.constantFrom('', 'v'), withPre)
    .map(([o, s, v, ver]) => `${o}${o === '' ? '' : s}${v}${ver}`),
  fc.tuple(fc.constantFrom('^', '~', '>=', '<'), partial).map(([o, ver]) => `${o}${ver}`),
  xRange,
);
const hyphen = fc.tuple(partial, partial).map(([a, b]) => {
  const [lo, hi] = semver.lte(semver.coerce(a) ?? '0.0.0', semver.coerce(b) ?? '0.0.0') ? [a, b] : [b, a];
  return `${lo} - ${hi}`;
});
const set = fc.oneof(
  comparator,
  hyphen,
  fc.tuple(fc.constantFrom('>=', '>'), full, fc.constantFrom('<', '<='), full).map(([a, x, b, y]) => {
    const [lo, hi] = semver.lte(x, y) ? [x, y] : [y, x];
    return `${a}${lo} ${b}${hi}`;
  }),
);
const range = fc
  .array(set, { minLength: 1, maxLength: 3 })
  .map((alts) => alts.join(' || '))
  .filter((r) => semver.validRange(r) !== null && semver.minVersion(r) !== null);
const bump = fc.constantFrom<semver.ReleaseType>('major', 'minor', 'patch');

/** The operators and separators of a range, with every version replaced by N. */
function style(r: string): string {
  return r.replace(/v?(?:\d+|[xX*])(?:\.(?:\d+|[xX*]))*(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?/g, 'N');
}

describe('updateRange (property)', () => {
  it('a stable release: the rewritten range admits it and keeps the operator style', () => {
    fc.assert(
      fc.property(range, bump, (r, level) => {
        // the dependency's current version is one the range admits; the release bumps it
        const current = semver.minVersion(r)?.version ?? '0.0.0';
        const next = semver.inc(current, level) as string;
        const rewritten = updateRange(r, next);
        expect(rewritten).not.toBeNull();
        expect(semver.satisfies(next, rewritten as string)).toBe(true);
        expect(style(rewritten as string)).toBe(style(r));
      }),
      { numRuns: 3000 },
    );
  });

  it('a prerelease: a rewritten range admits it and keeps the operator style; a floor always moves', () => {
    fc.assert(
      fc.property(range, bump, prerelease, (r, level, pre) => {
        const current = semver.minVersion(r)?.version ?? '0.0.0';
        const next = `${semver.inc(current, level) as string}-${pre}`;
        const rewritten = updateRange(r, next);
        if (/^(?:\^|~>?|>=|=)?\s*v?\d+\.\d+\.\d+(?:-[\w.]+)?$/.test(r)) expect(rewritten).not.toBeNull();
        if (rewritten === null) return;
        expect(semver.satisfies(next, rewritten)).toBe(true);
        expect(style(rewritten)).toBe(style(r));
      }),
      { numRuns: 3000 },
    );
  });

  it('a requirement that already admits the release keeps its upper bounds and x-ranges', () => {
    fc.assert(
      fc.property(range, bump, (r, level) => {
        const current = semver.minVersion(r)?.version ?? '0.0.0';
        const next = semver.inc(current, level) as string;
        const keeps = /^(?:[<>](?!=)\s?v?\d+(?:\.\d+)*(?:-[\w.]+)?|\d+(?:\.\d+)?(?:\.[xX*])?|\d+\.[xX*])$/;
        fc.pre(semver.satisfies(next, r) && keeps.test(r));
        expect(updateRange(r, next)).toBe(r);
      }),
      { numRuns: 500 },
    );
  });
});
