/**
 * Config-time check of every lane's tag templates and tag policy:
 * - placeholders allowed per template role (RL105), `{version}` only and always in version templates;
 * - sample renders are valid ref names (RL302);
 * - no two producers (lanes, lockstep groups, rules) can render the same tag name, and no channel,
 *   rebuild or snapshot template can render a name a version template produces (RL107).
 *
 * Collisions are found by rendering each template with sample values and matching the samples against
 * every other template. `{prerelease}` ranges over the rule's id, else the lane's ids (default alpha,
 * beta, rc); `{branch}` over a few typical names (a branch named like a tag is refused at plan time by guardOps).
 */
import { ReleaseLanesError } from '../../errors.js';
import type { TagPolicy } from '../types.js';
import { escapeRe, placeholdersOf, renderTemplate, templateMatcher, type Placeholder } from './template.js';
import { laneTemplateVars, supportPredicate, type LaneVars } from './versions.js';

export interface LanePolicySpec extends LaneVars {
  tagTemplate: string;
  policy?: TagPolicy;
  /** Lockstep group: its lanes share one tag set, identical names among them are not collisions. */
  group?: string;
  /** Prerelease ids the lane releases with (`alpha`…); default alpha, beta, rc. */
  prereleaseIds?: readonly string[];
}

const LANE: Placeholder[] = ['lane', 'component', 'path', 'group'];
const BRANCH_SAMPLES = ['main', 'develop', 'feature-x'];
const SAMPLES: Record<Placeholder, string[]> = {
  lane: [],
  component: [],
  path: [],
  group: [],
  version: ['1.2.3', '0.3.0', '10.0.1', '1.0.0-alpha.1', '2.1.0-rc.2'],
  major: ['0', '1', '12'],
  minor: ['0', '3'],
  patch: ['0', '5'],
  prerelease: [],
  date: ['20250614'],
  sha: ['631609e5a123b4c5d6e7f8091a2b3c4d5e6f7089'],
  shortsha: ['631609e5a123'],
  branch: BRANCH_SAMPLES,
};

interface Producer {
  owner: string;
  role: string;
  template: string;
  fixed: Record<string, string | undefined>;
  prereleaseIds: readonly string[];
  /** Rebuild `moves` name existing channel tags: they only must not hit version tags. */
  refersToChannels?: boolean;
}

function checkPlaceholders(
  template: string,
  allowed: readonly Placeholder[],
  what: string,
  required: readonly Placeholder[][] = [],
): void {
  const used = placeholdersOf(template);
  const bad = used.filter((p) => !allowed.includes(p));
  if (bad.length > 0) {
    throw new ReleaseLanesError(
      'RL105',
      `${what} "${template}" may not use ${bad.map((b) => `{${b}}`).join(', ')} (allowed: ${allowed.map((a) => `{${a}}`).join(', ')})`,
    );
  }
  for (const oneOf of required) {
    if (!oneOf.some((p) => used.includes(p))) {
      throw new ReleaseLanesError(
        'RL105',
        `${what} "${template}" needs ${oneOf.map((p) => `{${p}}`).join(' or ')}`,
      );
    }
  }
}

function producersOf(spec: LanePolicySpec): Producer[] {
  const owner = spec.group ?? spec.lane;
  const fixed = laneTemplateVars(spec) as Record<string, string | undefined>;
  const ids =
    spec.prereleaseIds && spec.prereleaseIds.length > 0 ? spec.prereleaseIds : ['alpha', 'beta', 'rc'];
  const of = (role: string, template: string, extra: Partial<Producer> = {}): Producer => ({
    owner,
    role,
    template,
    fixed,
    prereleaseIds: ids,
    ...extra,
  });
  const where = `lane "${spec.lane}"`;
  checkPlaceholders(spec.tagTemplate, [...LANE, 'version'], `version tag template of ${where}`, [
    ['version'],
  ]);
  const out = [of('version tag', spec.tagTemplate)];
  const policy = spec.policy;
  if (!policy) return out;
  supportPredicate(policy.supported);
  policy.channels.forEach((rule, i) => {
    const what = `channel "${rule.tag}" (${rule.track}) of ${where}`;
    if (rule.track === 'latest') checkPlaceholders(rule.tag, LANE, what);
    else if (rule.track === 'line')
      checkPlaceholders(rule.tag, [...LANE, 'major', 'minor'], what, [['major']]);
    else checkPlaceholders(rule.tag, [...LANE, 'prerelease'], what);
    if (rule.prerelease !== undefined && !/^[0-9A-Za-z-]+$/.test(rule.prerelease)) {
      throw new ReleaseLanesError(
        'RL105',
        `${what}: prerelease id "${rule.prerelease}" is not a SemVer identifier`,
      );
    }
    out.push(
      of(
        `channel ${i + 1} "${rule.tag}"`,
        rule.tag,
        rule.prerelease ? { prereleaseIds: [rule.prerelease] } : {},
      ),
    );
  });
  if (policy.rebuild) {
    const line: Placeholder[] = [...LANE, 'major', 'minor'];
    checkPlaceholders(policy.rebuild.tag, [...line, 'date'], `rebuild tag of ${where}`, [['date']]);
    out.push(of('rebuild tag', policy.rebuild.tag));
    for (const m of policy.rebuild.moves) {
      checkPlaceholders(m, line, `rebuild move of ${where}`);
      out.push(of(`rebuild move "${m}"`, m, { refersToChannels: true }));
    }
  }
  if (policy.snapshot) {
    const rules = [
      ...Object.entries(policy.snapshot.branches).map(([b, r]) => [`branch ${b}`, r] as const),
      ...(policy.snapshot.otherBranches ? [['other branches', policy.snapshot.otherBranches] as const] : []),
    ];
    for (const [label, r] of rules) {
      for (const m of r.moving) {
        checkPlaceholders(m, [...LANE, 'branch'], `snapshot tag (${label}) of ${where}`);
        out.push(of(`snapshot tag "${m}"`, m));
      }
      if (r.commit) {
        checkPlaceholders(
          r.commit,
          [...LANE, 'branch', 'sha', 'shortsha'],
          `snapshot commit tag of ${where}`,
          [['sha', 'shortsha']],
        );
        out.push(of(`snapshot commit tag "${r.commit}"`, r.commit));
      }
    }
  }
  return out;
}

function samplesOf(p: Producer): string[] {
  let combos: Record<string, string>[] = [{}];
  for (const k of new Set(placeholdersOf(p.template))) {
    if (LANE.includes(k)) continue;
    const values = k === 'prerelease' ? [...p.prereleaseIds] : SAMPLES[k];
    combos = combos.flatMap((c) => values.map((v) => ({ ...c, [k]: v })));
  }
  return combos.map((c) => renderTemplate(p.template, { ...p.fixed, ...c }));
}

function matcherOf(p: Producer): (name: string) => boolean {
  const m = templateMatcher(p.template, p.fixed, {
    prerelease: `(?:${p.prereleaseIds.map(escapeRe).join('|')})`,
    branch: `(?:${BRANCH_SAMPLES.map(escapeRe).join('|')})`,
  });
  return (name) => m(name) !== null;
}

/** Throws the first problem found (RL105, RL112, RL302, RL107); returns nothing when the policies are sound. */
export function validateTagPolicies(specs: readonly LanePolicySpec[]): void {
  const all: Producer[] = [];
  const keys = new Set<string>();
  for (const spec of specs) {
    for (const p of producersOf(spec)) {
      // lanes of one lockstep group repeat the same templates: one producer each
      const used = placeholdersOf(p.template).filter((k) => LANE.includes(k));
      const key = JSON.stringify([p.owner, p.role, p.template, used.map((k) => p.fixed[k])]);
      if (keys.has(key)) continue;
      keys.add(key);
      all.push(p);
    }
  }
  const rendered = all.map((p) => ({ p, samples: samplesOf(p), matches: matcherOf(p) }));
  for (let i = 0; i < rendered.length; i++) {
    for (let j = i + 1; j < rendered.length; j++) {
      const a = rendered[i]!;
      const b = rendered[j]!;
      if (a.p.refersToChannels || b.p.refersToChannels) {
        const move = a.p.refersToChannels ? a : b;
        const other = move === a ? b : a;
        if (other.p.role !== 'version tag') continue;
      }
      const hit = a.samples.find((s) => b.matches(s)) ?? b.samples.find((s) => a.matches(s));
      if (hit !== undefined) {
        throw new ReleaseLanesError(
          'RL107',
          `${a.p.role} of ${a.p.owner} and ${b.p.role} of ${b.p.owner} can both produce tag "${hit}"`,
        );
      }
    }
  }
}
