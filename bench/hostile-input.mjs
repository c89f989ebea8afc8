/**
 * `node bench/hostile-input.mjs` (after `npm run build`): what a hostile 1 MB commit subject costs.
 *
 * Each shape below is a subject of HOSTILE_MB (default 1) megabytes built to hit a former quadratic path
 * (unclosed `[`, backtick runs of many lengths, long delimiter runs, a `Release-As:` line padded with
 * blanks, a trailing run of quotes…). For each it times, in this process:
 *   escape   escapeMarkdown (what every changelog line, PR body and Release body goes through)
 *   parse    parseCommit (conventional-commit parsing)
 *   plan     buildPlan → changelog → release PR body for a one-lane repository whose only new commit
 *            carries the subject (the whole pure pipeline the App runs on a push)
 * and prints milliseconds. Target: every shape well under a second (exit 1 when one takes ≥ 1 s).
 * Linearity does not depend on how busy the machine is: `x4` is escape(full size) / escape(quarter
 * size), ≈ 4 for linear work and ≈ 16 for quadratic work; `base` is a bare per-character loop over the
 * same text (the floor any escaper pays), to read the other columns against.
 */
import { performance } from 'node:perf_hooks';

const { escapeMarkdown } = await import('../dist/render/markdown-escape.js');
const { parseCommit } = await import('../dist/core/conventional.js');
const { buildPlan } = await import('../dist/plan.js');
const { renderPrBody } = await import('../dist/render/pr-body.js');
const { loadConfig } = await import('../dist/config/index.js');

const MB = Number(process.env.HOSTILE_MB ?? 1);
const SIZE = Math.round(MB * 1024 * 1024);
const LIMIT_MS = 1000;

const fill = (unit) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);
let widths = '';
for (let n = 1; widths.length < SIZE; n++) widths += `${'`'.repeat(n)}x`;
const shapes = {
  'plain words': fill('lorem ipsum '),
  'unclosed [': fill('[a '),
  'backtick runs 1..n': widths.slice(0, SIZE),
  'single backticks': fill('`a'),
  '* _ ~ runs': fill('*_~a'),
  'mentions @a@b': fill('@a@b '),
  'entities &amp;': fill('&amp;x'),
  '<html>': fill('<b>'),
  '# at line starts': fill('#\n'),
  'trailing quotes': `feat: x${fill('"')}`,
  'quotes, then a letter': `feat: x${fill('". ')}y (#1)`,
  'blanks, then a letter': `feat: x${fill(' \t')}y`,
  'release-as padding': `fix: x\n\nRelease-As: ${' '.repeat(SIZE)}x`,
  'breaking note': `feat!: x\n\nBREAKING CHANGE: ${fill('a ')}`,
  'scope parens': `feat(${fill('(')}): x`,
};

const config = loadConfig({
  releaseLanesYml: 'lanes:\n  - name: sdk\n    path: packages/sdk\n',
  releaseLanesManifest: '{"sdk":"1.0.0"}',
}).config;
const NOW = new Date('2026-11-30T00:00:00Z');

function time(f) {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

function planWith(message) {
  const commit = {
    sha: 'a'.repeat(40),
    message,
    date: NOW.toISOString(),
    authorName: 'mallory',
    files: ['packages/sdk/x.ts'],
    parents: ['b'.repeat(40)],
  };
  const plan = buildPlan({
    config,
    histories: { sdk: { currentVersion: '1.0.0', lastTag: 'sdk-v1.0.0', commits: [commit] } },
    now: NOW,
    repoUrl: 'https://github.com/acme/mono',
    existingTags: [{ name: 'sdk-v1.0.0', sha: 'b'.repeat(40) }],
  });
  return renderPrBody({ base: 'main', baseSha: 'c'.repeat(40), plan, lanes: config.lanes });
}

function baseline(text) {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    out += c === '<' ? '&lt;' : c === '>' ? '&gt;' : c;
  }
  return out.length;
}

const escape = (text) => escapeMarkdown(text, { issueUrl: (n) => `https://x/${n}` });
let worst = 0;
let worstRatio = 0;
console.log(`hostile ${MB} MB commit subjects (ms; target < ${LIMIT_MS} each)`);
console.log('shape'.padEnd(22), ...['base', 'escape', 'x4', 'parse', 'plan'].map((h) => h.padStart(8)));
for (const [name, subject] of Object.entries(shapes)) {
  const message = /^\w+(\(.*\))?!?: /.test(subject) ? subject : `feat: ${subject}`;
  const b = time(() => baseline(subject));
  const quarter = time(() => escape(subject.slice(0, subject.length >> 2)));
  const e = time(() => escape(subject));
  const p = time(() => parseCommit({ sha: 'a'.repeat(40), message, parents: [] }));
  let pl;
  try {
    pl = time(() => planWith(message));
  } catch (err) {
    console.log(name, 'plan threw', err.code ?? err.message);
    pl = NaN;
  }
  worst = Math.max(worst, e, p, Number.isNaN(pl) ? 0 : pl);
  if (e > 20) worstRatio = Math.max(worstRatio, e / quarter);
  console.log(
    name.padEnd(22),
    ...[b, e, e / quarter, p, pl].map((x, i) => (i === 2 ? x.toFixed(1) : x.toFixed(0)).padStart(8)),
  );
}
console.log(
  `worst: ${worst.toFixed(0)} ms; largest full/quarter ratio of escape: ${worstRatio.toFixed(1)} (linear ≈ 4)`,
);
process.exitCode = worst < LIMIT_MS ? 0 : 1;
