/**
 * Tag templates for the tag policy engine: rendering, matching and git ref validation.
 * The single source of placeholder names, ref-name rules, branch sanitising and the date format;
 * src/core/tag-template.ts builds the config-facing helpers (render with derived values, version matchers) on it.
 */
import { ReleaseLanesError } from '../../errors.js';

export const PLACEHOLDERS = [
  'lane',
  'component',
  'path',
  'group',
  'version',
  'major',
  'minor',
  'patch',
  'prerelease',
  'date',
  'sha',
  'shortsha',
  'branch',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type TemplateVars = Partial<Record<Placeholder, string | number>>;

const PLACEHOLDER_RE = /\{([A-Za-z]+)\}/g;

export function isPlaceholder(name: string): name is Placeholder {
  return (PLACEHOLDERS as readonly string[]).includes(name);
}

/** Placeholders used by a template, in order of appearance; unknown ones throw RL105. */
export function placeholdersOf(template: string): Placeholder[] {
  const found: Placeholder[] = [];
  for (const m of template.matchAll(PLACEHOLDER_RE)) {
    const name = m[1] ?? '';
    if (!isPlaceholder(name)) {
      throw new ReleaseLanesError(
        'RL105',
        `tag template "${template}" uses unknown placeholder {${name}}; known: ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`,
      );
    }
    found.push(name);
  }
  return found;
}

/** Render a template; every placeholder needs a value (RL105) and the result must be a valid ref (RL302). */
export function renderTemplate(template: string, vars: TemplateVars): string {
  placeholdersOf(template);
  const name = template.replace(PLACEHOLDER_RE, (_, key: Placeholder) => {
    const value = vars[key];
    if (value === undefined || value === '') {
      throw new ReleaseLanesError('RL105', `tag template "${template}" needs a value for {${key}}`);
    }
    return String(value);
  });
  assertValidRefName(name, `rendered from template "${template}"`);
  return name;
}

/**
 * True when `refs/tags/<name>` passes `git check-ref-format` and `git tag` accepts the name
 * (which additionally refuses a leading `-`, read as an option). Checked against real git in the tests.
 */
export function isValidRefName(name: string): boolean {
  if (name.length === 0 || name.startsWith('-')) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x20\x7f~^:?*[\\]/.test(name)) return false;
  if (name.includes('..') || name.includes('@{') || name.endsWith('.')) return false;
  return name.split('/').every((part) => part.length > 0 && !part.startsWith('.') && !part.endsWith('.lock'));
}

export function assertValidRefName(name: string, context?: string): void {
  if (!isValidRefName(name)) {
    throw new ReleaseLanesError(
      'RL302',
      `"${name}"${context ? ` (${context})` : ''} is not a valid tag name`,
    );
  }
}

/**
 * A branch name as one valid ref component that is also a valid container image tag: characters outside
 * `[A-Za-z0-9._-]` (including `/`) become `-`, runs of `-` and `.` collapse, no leading or trailing `.`/`-`,
 * no trailing `.lock`. `feature/login` → `feature-login`. A name with nothing left is RL302.
 */
export function sanitizeBranch(branch: string): string {
  let s = branch.replace(/[^A-Za-z0-9._-]+/g, '-');
  let previous: string;
  do {
    previous = s;
    s = s
      .replace(/\.{2,}/g, '.')
      .replace(/\.lock$/i, '-lock')
      .replace(/-{2,}/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '');
  } while (s !== previous);
  if (s === '') throw new ReleaseLanesError('RL302', `branch "${branch}" gives an empty tag component`);
  return s;
}

/** `{date}`: the UTC calendar day of `now` as YYYYMMDD. */
export function formatDate(now: Date): string {
  const y = String(now.getUTCFullYear()).padStart(4, '0');
  const m = String(now.getUTCMonth() + 1).padStart(2, '0');
  const d = String(now.getUTCDate()).padStart(2, '0');
  return `${y}${m}${d}`;
}

const ID = '[0-9A-Za-z-]+';
const NUM = '(?:0|[1-9]\\d*)';
export const SEMVER_SOURCE = `${NUM}\\.${NUM}\\.${NUM}(?:-${ID}(?:\\.${ID})*)?(?:\\+${ID}(?:\\.${ID})*)?`;

const WILDCARDS: Record<Placeholder, string> = {
  lane: '.+?',
  component: '.+?',
  path: '.+?',
  group: '.+?',
  version: SEMVER_SOURCE,
  major: NUM,
  minor: NUM,
  patch: NUM,
  prerelease: ID,
  date: '\\d{8}',
  sha: '[0-9a-f]{40}',
  shortsha: '[0-9a-f]{4,40}',
  branch: '[A-Za-z0-9._-]+',
};

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/**
 * A matcher for names a template can produce. Placeholders given in `fixed` match only that value,
 * those in `patterns` that regex source, the others what they could render to. Returns the captured values, or null.
 */
export function templateMatcher(
  template: string,
  fixed: TemplateVars = {},
  patterns: Partial<Record<Placeholder, string>> = {},
): (name: string) => Partial<Record<Placeholder, string>> | null {
  const keys: Placeholder[] = [];
  let source = '^';
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER_RE)) {
    const key = m[1] ?? '';
    if (!isPlaceholder(key)) placeholdersOf(template); // throws RL105
    const k = key as Placeholder;
    source += escapeRe(template.slice(last, m.index));
    const value = fixed[k];
    const wildcard = patterns[k] ?? WILDCARDS[k];
    source += `(${value !== undefined && value !== '' ? escapeRe(String(value)) : wildcard})`;
    keys.push(k);
    last = (m.index ?? 0) + m[0].length;
  }
  source += `${escapeRe(template.slice(last))}$`;
  const re = new RegExp(source);
  return (name) => {
    const m = re.exec(name);
    if (!m) return null;
    const out: Partial<Record<Placeholder, string>> = {};
    for (const [i, k] of keys.entries()) {
      const v = m[i + 1] ?? '';
      if (out[k] !== undefined && out[k] !== v) return null; // a repeated placeholder must repeat its value
      out[k] = v;
    }
    return out;
  };
}
