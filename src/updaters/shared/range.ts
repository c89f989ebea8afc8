import semver from 'semver';

/**
 * Dependency requirement rewriting shared by package.json, package-lock.json, Cargo.toml and
 * Chart.yaml. The rewritten requirement always admits the new version and keeps its operators:
 *
 * - floors move to the new version, like release-please: `^1.2.0` → `^1.3.0`, `~1.2` → `~1.3.0`,
 *   `=1.2.0`, `1.2.0`, `>=1.2.0`, `<=1.2.0` and the low end of `1.2.0 - 2.0.0` likewise;
 * - `>1.2.0` and `<2.0.0` stay while they admit the new version; an upper bound the new version
 *   passes is raised at its own precision (`<2.0.0` → `<3.0.0` for 2.1.0, `<1.3` → `<2.4` for 2.3.0);
 * - x-ranges (`1.x`, `1.2.*`, `1`) stay while they admit it, else take its numbers (`1.x` → `2.x`);
 * - in a `||` union only the alternatives that admit the new version move; when none does, the last one;
 * - comparator sets (`>=1.2.0 <2.0.0`, Cargo's `>=1.2, <2`) move comparator by comparator.
 *
 * `*`, protocols (`workspace:`, `file:`, `link:`, `npm:`), URLs and dist-tags are left alone, and so is a
 * requirement that no edit of its own kind can make admit a prerelease (a prerelease is only matched by
 * a comparator that names its `major.minor.patch`): the result is then null.
 */
const PART = String.raw`(?:0|[1-9]\d*|[xX*])`;
const PRE = String.raw`(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?`;
const VERSION = String.raw`${PART}(?:\.${PART}){0,2}${PRE}`;
const COMPARATORS = new RegExp(String.raw`(\^|~>?|>=|<=|>|<|=)?(\s*)(v?)(${VERSION})(?![\w.+-])`, 'g');
const HYPHEN = new RegExp(String.raw`^(v?)(${VERSION})(\s+-\s+)(v?)(${VERSION})$`);

type Op = '' | '^' | '~' | '~>' | '>=' | '<=' | '>' | '<' | '=';
const FLOOR_OPS = new Set<Op>(['', '^', '~', '~>', '=', '>=', '<=']);

/** The new requirement string, or null when `range` is not a requirement this tool may rewrite. */
export function updateRange(range: string, version: string): string | null {
  const v = semver.parse(version);
  if (!v) return null;
  const lead = range.slice(0, range.length - range.trimStart().length);
  const trail = range.slice(range.trimEnd().length);
  const body = range.trim();
  if (body === '' || /^[*xX]$/.test(body) || /^[a-z][a-z+.-]*:/i.test(body)) return null;

  const parts = body.split(/(\s*\|\|\s*)/);
  const alternatives = parts.filter((_, i) => i % 2 === 0);
  if (alternatives.some((a) => a === '')) return null;
  // the alternatives that admit the version move; when none does, the last one that can be made to
  const admits = alternatives.map((a) => satisfiesLoose(version, a));
  const order = admits.some(Boolean)
    ? [admits.map((ok) => ok)]
    : alternatives.map((_, i) => alternatives.map((__, j) => j === alternatives.length - 1 - i));
  for (const targets of order) {
    const out = parts.map((part, i) =>
      i % 2 === 1 || !targets[i / 2] ? part : rewriteSet(part, v, version),
    );
    if (out.includes(null)) continue;
    const result = out.join('');
    if (satisfiesLoose(version, result)) return `${lead}${result}${trail}`;
  }
  return null;
}

/** One comparator set: a hyphen range, or comparators separated by spaces or commas. */
function rewriteSet(set: string, v: semver.SemVer, text: string): string | null {
  const hyphen = HYPHEN.exec(set);
  if (hyphen) {
    const [, vLow = '', , sep = '', vHigh = '', high = ''] = hyphen;
    const upper = satisfiesLoose(v.version, `<=${high}`) ? high : raiseInclusive(high, v, text);
    return `${vLow}${text}${sep}${vHigh}${upper}`;
  }
  const out: string[] = [];
  let at = 0;
  for (const m of set.matchAll(COMPARATORS)) {
    const gap = set.slice(at, m.index);
    if (at > 0 ? !/^(?:\s*,\s*|\s+)$/.test(gap) : gap !== '') return null;
    const [, op = '', space = '', vPrefix = '', ver = ''] = m;
    const next = rewriteComparator(op as Op, ver, v, text);
    if (next === null) return null;
    out.push(gap, `${op}${space}${vPrefix}${next}`);
    at = m.index + m[0].length;
  }
  return at === set.length && at > 0 ? out.join('') : null;
}

/** The version text of one comparator after the release of `v`. */
function rewriteComparator(op: Op, ver: string, v: semver.SemVer, text: string): string | null {
  const wildcard = /(?:^|\.)[xX*](?:\.|$)/.test(ver) || ver.split('.').length < 3;
  if (op === '' && wildcard) {
    // x-range: keep while it admits the version, else take the version's numbers at its precision
    if (satisfiesLoose(v.version, ver)) return ver;
    return withNumbers(ver, v);
  }
  if (FLOOR_OPS.has(op)) return text;
  if (op === '>') return semver.gt(v, floorOf(ver)) ? ver : null;
  // '<': keep while the version is below the bound, else raise the bound at its precision
  return satisfiesLoose(v.version, `<${ver}`) ? ver : raiseExclusive(ver, v);
}

/** `2.x` for `1.x` and 2.1.0, `2.1` for `1.4` and 2.1.0: the given numbers replaced, wildcards kept. */
function withNumbers(ver: string, v: semver.SemVer): string {
  const own = [v.major, v.minor, v.patch];
  return ver
    .replace(/[-+].*$/, '')
    .split('.')
    .map((p, i) => (/^[xX*]$/.test(p) ? p : String(own[i])))
    .join('.');
}

/** The smallest bound of the same precision that is above `v`: `<2.0.0` → `<3.0.0`, `<1.3` → `<2.2`. */
function raiseExclusive(ver: string, v: semver.SemVer): string {
  const nums = ver
    .replace(/[-+].*$/, '')
    .split('.')
    .filter((p) => !/^[xX*]$/.test(p));
  const full = [v.major, v.minor, v.patch];
  // the last given non-zero position (at least the first) is where the bound steps
  let step = 0;
  nums.forEach((p, i) => {
    if (p !== '0') step = i;
  });
  const raised = full.slice(0, nums.length).map((n, i) => (i < step ? n : i === step ? n + 1 : 0));
  return raised.join('.');
}

/** An inclusive upper bound (hyphen range end) moved up to `v` at its own precision. */
function raiseInclusive(ver: string, v: semver.SemVer, text: string): string {
  const n = ver.replace(/[-+].*$/, '').split('.').length;
  return n >= 3 || v.prerelease.length > 0 ? text : [v.major, v.minor, v.patch].slice(0, n).join('.');
}

function floorOf(ver: string): string {
  return semver.coerce(ver, { includePrerelease: true })?.version ?? '0.0.0';
}

function satisfiesLoose(version: string, range: string): boolean {
  try {
    return semver.satisfies(version, range.replace(/\s*,\s*/g, ' '));
  } catch {
    return false;
  }
}
