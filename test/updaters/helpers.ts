import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { UpdaterContext } from '../../src/updaters/types.js';

export function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}

export function ctx(extra: Partial<UpdaterContext> = {}): UpdaterContext {
  return { lane: 'test', dependencyVersions: {}, ...extra };
}

export const toCrlf = (s: string): string => s.replace(/\r?\n/g, '\r\n');

/** Indices of the lines that differ (both texts must have the same number of lines). */
export function changedLines(before: string, after: string): number[] {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b).toHaveLength(a.length);
  return a.flatMap((line, i) => (line === b[i] ? [] : [i]));
}

/** 1-based line numbers of the lines of `text` matching `re`. */
export function linesMatching(text: string, re: RegExp): number[] {
  return text.split('\n').flatMap((l, i) => (re.test(l) ? [i] : []));
}

const ident = fc.stringMatching(/^[0-9A-Za-z-]{1,8}$/).filter((s) => !/^0\d/.test(s));
/** Random valid SemVer 2.0 versions, with and without prerelease / build metadata. */
export const semverArb = fc
  .tuple(
    fc.nat({ max: 999 }),
    fc.nat({ max: 999 }),
    fc.nat({ max: 9999 }),
    fc.option(fc.array(ident, { minLength: 1, maxLength: 3 }), { nil: undefined }),
    fc.option(fc.array(fc.stringMatching(/^[0-9A-Za-z-]{1,6}$/), { minLength: 1, maxLength: 2 }), {
      nil: undefined,
    }),
  )
  .map(
    ([ma, mi, pa, pre, build]) =>
      `${ma}.${mi}.${pa}${pre ? `-${pre.join('.')}` : ''}${build ? `+${build.join('.')}` : ''}`,
  );
