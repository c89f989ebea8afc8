/**
 * Tag templates: `{lane}-v{version}`, `v{version}`, `{path}/v{version}`, `{major}.{minor}`, `edge-{branch}`…
 * Pure string functions shared by the config validator, the planner, the tag engine and the adapters.
 */
import { ReleaseLanesError } from '../errors.js';
import {
  formatDate,
  isPlaceholder,
  isValidRefName,
  PLACEHOLDERS,
  sanitizeBranch,
  templateMatcher,
  type Placeholder,
} from './tags/template.js';
import type { LaneConfig } from './types.js';

// One implementation of the placeholder list, ref-name rules, branch sanitising and date format,
// shared with the tag engine (src/core/tags/template.ts).
export { isValidRefName, PLACEHOLDERS, sanitizeBranch, type Placeholder };

/** Values for the placeholders. `major`/`minor`/`patch`/`prerelease` default to the parts of `version`. */
export type TagVars = Partial<Record<Exclude<Placeholder, 'date'>, string>> & {
  /** `YYYYMMDD`, or a Date rendered in UTC. */
  date?: string | Date;
};

/** What a template is used for; decides which placeholders it may use. */
export type TemplateKind = 'version' | 'channel' | 'rebuild' | 'snapshot-moving' | 'snapshot-commit';

const IDENTITY: Placeholder[] = ['lane', 'component', 'path', 'group'];
const ALLOWED: Record<TemplateKind, readonly Placeholder[]> = {
  version: [...IDENTITY, 'version'],
  channel: [...IDENTITY, 'major', 'minor', 'patch', 'prerelease'],
  rebuild: [...IDENTITY, 'version', 'major', 'minor', 'patch', 'prerelease', 'date'],
  'snapshot-moving': [...IDENTITY, 'branch'],
  'snapshot-commit': [...IDENTITY, 'branch', 'sha', 'shortsha', 'date'],
};

const TOKEN = /\{([^{}]*)\}/g;
const SEMVER = new RegExp(`^(\\d+)\\.(\\d+)\\.(\\d+)(?:-([0-9A-Za-z.-]+))?(?:\\+[0-9A-Za-z.-]+)?$`);

/** The placeholders a template uses, in order of appearance (duplicates kept). */
export function templatePlaceholders(template: string): string[] {
  return [...template.matchAll(TOKEN)].map((m) => m[1] ?? '');
}

function resolveVars(vars: TagVars): Partial<Record<Placeholder, string>> {
  const out: Partial<Record<Placeholder, string>> = {};
  for (const [k, v] of Object.entries(vars)) {
    if (v !== undefined && k !== 'date') out[k as Placeholder] = v as string;
  }
  if (vars.date !== undefined) out.date = typeof vars.date === 'string' ? vars.date : formatDate(vars.date);
  if (vars.branch !== undefined) out.branch = sanitizeBranch(vars.branch);
  if (vars.sha !== undefined && out.shortsha === undefined) out.shortsha = vars.sha.slice(0, 12);
  const m = vars.version !== undefined ? SEMVER.exec(vars.version) : null;
  if (m) {
    out.major ??= m[1];
    out.minor ??= m[2];
    out.patch ??= m[3];
    // `{prerelease}` is the channel id: the first prerelease identifier (`alpha` of `1.3.0-alpha.2`).
    out.prerelease ??= m[4] ? (m[4].split('.')[0] ?? '') : '';
  }
  return out;
}

/**
 * Replaces every placeholder. No ref-name check: use it for release names too.
 * Throws RL105 for an unknown placeholder or a placeholder without a value.
 */
export function renderTemplate(template: string, vars: TagVars): string {
  const values = resolveVars(vars);
  return template.replace(TOKEN, (whole, name: string) => {
    if (!isPlaceholder(name)) {
      throw new ReleaseLanesError('RL105', `unknown placeholder \`${whole}\` in \`${template}\``);
    }
    const value = values[name];
    if (value === undefined) {
      throw new ReleaseLanesError('RL105', `no value for \`${whole}\` when rendering \`${template}\``);
    }
    return value;
  });
}

/** Renders a tag name and checks it is a valid git tag (RL302 otherwise). */
export function renderTag(template: string, vars: TagVars): string {
  const name = renderTemplate(template, vars);
  if (!isValidRefName(name)) {
    throw new ReleaseLanesError('RL302', `\`${name}\` (from \`${template}\`) is not a valid tag name`);
  }
  return name;
}

/**
 * A parser for the version tags of one lane: `tagMatcher('{lane}-v{version}', {lane: 'sdk'})('sdk-v1.2.3')`
 * → `1.2.3`; any other tag → null. Placeholders missing from `fixedVars` match any non-empty text.
 */
export function tagMatcher(template: string, fixedVars: TagVars = {}): (tagName: string) => string | null {
  if (templatePlaceholders(template).filter((p) => p === 'version').length !== 1) {
    throw new ReleaseLanesError('RL105', `\`${template}\` must contain \`{version}\` exactly once`);
  }
  // the version is what is parsed out, never a fixed value
  const { version: _version, ...fixed } = resolveVars(fixedVars);
  const match = templateMatcher(template, fixed);
  return (tagName) => match(tagName)?.version ?? null;
}

/** Example values used to validate templates before any release exists. */
export const EXAMPLE_VARS = {
  version: '1.2.3',
  date: '20250101',
  sha: '0123456789abcdef0123456789abcdef01234567',
  shortsha: '0123456',
  branch: 'main',
} as const;

/**
 * Checks a template for its use (`kind`). Returns null when fine, else the problem in one sentence.
 * `vars` are the lane's fixed values (lane, component, path, group) used to render an example.
 */
export function checkTemplate(template: string, kind: TemplateKind, vars: TagVars = {}): string | null {
  const stripped = template.replace(TOKEN, '');
  if (/[{}]/.test(stripped)) return `\`${template}\` has an unbalanced \`{\` or \`}\``;
  const used = templatePlaceholders(template);
  const unknown = used.find((p) => !isPlaceholder(p));
  if (unknown !== undefined) {
    return `\`${template}\` uses the unknown placeholder \`{${unknown}}\` (known: ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')})`;
  }
  const allowed = ALLOWED[kind];
  const misplaced = used.find((p) => !allowed.includes(p as Placeholder));
  if (misplaced !== undefined) {
    const what =
      misplaced === 'version'
        ? 'a moving tag must not contain `{version}`'
        : `\`{${misplaced}}\` is not allowed here`;
    return `\`${template}\`: ${what} (allowed: ${allowed.map((p) => `{${p}}`).join(', ')})`;
  }
  const versions = used.filter((p) => p === 'version').length;
  if (kind === 'version' && versions !== 1) {
    return `\`${template}\` must contain \`{version}\` exactly once`;
  }
  if (kind === 'rebuild' && !used.includes('date')) return `\`${template}\` must contain \`{date}\``;
  if (kind === 'snapshot-commit' && !used.includes('sha') && !used.includes('shortsha')) {
    return `\`${template}\` must contain \`{sha}\` or \`{shortsha}\``;
  }
  for (const p of ['lane', 'component', 'path', 'group'] as const) {
    if (used.includes(p) && vars[p] === undefined)
      return `\`${template}\` uses \`{${p}}\` but the lane has no ${p}`;
  }
  const example = renderTemplate(template, { ...EXAMPLE_VARS, prerelease: 'alpha', ...vars });
  if (!isValidRefName(example)) {
    return `\`${template}\` renders \`${example}\`, which is not a valid git tag name`;
  }
  return null;
}

/** The fixed values of a lane: `{lane}`, `{component}`, `{path}` (its first path), `{group}`. */
export function laneTagVars(lane: Pick<LaneConfig, 'name' | 'component' | 'paths' | 'group'>): TagVars {
  return { lane: lane.name, component: lane.component, path: lane.paths[0], group: lane.group };
}
