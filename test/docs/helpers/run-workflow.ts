/**
 * Runs an example workflow's tag → image-tag mapping for a `push` of one git tag, without GitHub:
 * - the workflow is checked by GitHub's own parser (@actions/workflow-parser, the schema of the Actions
 *   language service) and every `${{ }}` is evaluated by GitHub's expression engine (@actions/expressions);
 * - job and step `if:`s, `needs` and `strategy.matrix` (axes and `include`) decide what runs;
 * - `run:` steps with an `id` (the steps computing outputs) really run, in bash, in `cwd` (a git repo with
 *   the tags), with GITHUB_REF / GITHUB_REF_NAME / GITHUB_OUTPUT set; other `run:` steps are recorded only;
 * - `docker/metadata-action` is computed by ./metadata-tags.ts; every other `uses:` step is recorded with
 *   its interpolated `with:` inputs.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Evaluator, Lexer, Parser, data } from '@actions/expressions';
import { falsy } from '@actions/expressions/result';
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parse } from 'yaml';
import { metadataTags } from './metadata-tags.js';

type Obj = Record<string, unknown>;

interface Step {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string | boolean>;
}

interface Job {
  if?: string;
  needs?: string | string[];
  strategy?: { matrix?: Obj };
  steps: Step[];
}

export interface Workflow {
  on: { push?: { tags?: string[] } };
  jobs: Record<string, Job>;
}

export interface StepRun {
  uses?: string;
  name?: string;
  with: Record<string, string>;
  env: Record<string, string>;
  run?: string;
}

export interface JobRun {
  job: string;
  matrix: Record<string, string>;
  /** `image:tag` computed by the job's docker/metadata-action step ([] when it did not run). */
  imageTags: string[];
  steps: StepRun[];
}

/** Errors reported by GitHub's workflow parser (schema, unknown keys, bad expressions). */
export function lintWorkflow(path: string): string[] {
  const result = parseWorkflow(
    { name: path, content: readFileSync(path, 'utf8') },
    new NoOperationTraceWriter(),
  );
  return result.context.errors.getErrors().map((e) => e.message);
}

export function loadWorkflow(path: string): Workflow {
  return parse(readFileSync(path, 'utf8')) as Workflow;
}

function evaluate(expression: string, context: Obj): data.ExpressionData {
  const lexed = new Lexer(expression).lex();
  const expr = new Parser(lexed.tokens, Object.keys(context), []).parse();
  const dict = JSON.parse(JSON.stringify(context), data.reviver) as data.Dictionary;
  return new Evaluator(expr, dict).evaluate();
}

function interpolate(value: string, context: Obj): string {
  return value.replace(/\$\{\{(.*?)\}\}/gs, (_, e: string) => evaluate(e, context).coerceString());
}

function condition(expression: string | undefined, context: Obj): boolean {
  if (expression === undefined) return true;
  if (/\b(success|failure|always|cancelled)\(/.test(expression)) {
    throw new Error(`status functions are not modelled: ${expression}`);
  }
  const bare = expression.trim().replace(/^\$\{\{([\s\S]*)\}\}$/, '$1');
  return !falsy(evaluate(bare, context));
}

/** GitHub's filter-pattern subset the examples use: `*` (no `/`), `**`, literals. */
export function tagFilterMatches(patterns: string[], tag: string): boolean {
  return patterns.some((p) => {
    const re = p
      .split('**')
      .map((part) =>
        part
          .split('*')
          .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
          .join('[^/]*'),
      )
      .join('.*');
    return new RegExp(`^${re}$`).test(tag);
  });
}

function matrices(strategy: Job['strategy']): Record<string, string>[] {
  const { include, exclude, ...axes } = (strategy?.matrix ?? {}) as Obj;
  if (exclude !== undefined) throw new Error('matrix exclude is not modelled');
  let combos: Record<string, string>[] = [{}];
  for (const [key, values] of Object.entries(axes)) {
    combos = combos.flatMap((c) => (values as string[]).map((v) => ({ ...c, [key]: String(v) })));
  }
  const extra = (include as Record<string, string>[] | undefined) ?? [];
  if (extra.length > 0 && Object.keys(axes).length > 0)
    throw new Error('include next to axes is not modelled');
  return extra.length > 0 ? extra : combos;
}

function runScript(script: string, env: Record<string, string>, cwd: string): Record<string, string> {
  const output = join(mkdtempSync(join(tmpdir(), 'rl-gh-output-')), 'output');
  writeFileSync(output, '');
  execFileSync('bash', ['-e', '-o', 'pipefail', '-c', script], {
    cwd,
    env: { PATH: process.env.PATH, ...env, GITHUB_OUTPUT: output },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return Object.fromEntries(
    readFileSync(output, 'utf8')
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
}

export interface PushOptions {
  /** Where `run:` steps with an id run (a git repository holding the tags they may read). */
  cwd: string;
  repository?: string;
}

/** Every job run (per matrix entry) that a push of `refs/tags/<tag>` starts; [] when the trigger filters it out. */
export function pushTag(workflow: Workflow, tag: string, options: PushOptions): JobRun[] {
  if (!tagFilterMatches(workflow.on.push?.tags ?? [], tag)) return [];
  const repository = options.repository ?? 'owner/repo';
  const github = {
    event_name: 'push',
    ref: `refs/tags/${tag}`,
    ref_name: tag,
    ref_type: 'tag',
    repository,
    repository_owner: repository.split('/')[0],
    sha: 'a'.repeat(40),
    actor: 'release-lanes[bot]',
  };
  const done = new Set<string>();
  const runs: JobRun[] = [];
  const pending = Object.entries(workflow.jobs);
  while (pending.length > 0) {
    const index = pending.findIndex(([, job]) =>
      [job.needs ?? []].flat().every((n) => done.has(n) || !workflow.jobs[n]),
    );
    if (index < 0) throw new Error('a `needs` cycle');
    const [name, job] = pending.splice(index, 1)[0]!;
    const needsRan = [job.needs ?? []].flat().every((n) => runs.some((r) => r.job === n));
    done.add(name);
    if (!needsRan || !condition(job.if, { github, env: {}, secrets: {}, vars: {}, inputs: {}, needs: {} })) {
      continue;
    }
    for (const matrix of matrices(job.strategy)) {
      const steps: Record<string, { outputs: Record<string, string> }> = {};
      const run: JobRun = { job: name, matrix, imageTags: [], steps: [] };
      for (const step of job.steps) {
        const context = { github, matrix, steps, env: {}, secrets: {}, vars: {}, inputs: {}, needs: {} };
        if (!condition(step.if, context)) continue;
        const inputs = Object.fromEntries(
          Object.entries(step.with ?? {}).map(([k, v]) => [k, interpolate(String(v), context)]),
        );
        const env = Object.fromEntries(
          Object.entries(step.env ?? {}).map(([k, v]) => [k, interpolate(String(v), context)]),
        );
        run.steps.push({ uses: step.uses, name: step.name, with: inputs, env, run: step.run });
        if (step.uses?.startsWith('docker/metadata-action@')) {
          const tags = metadataTags(
            { images: inputs.images ?? '', tags: inputs.tags ?? '', flavor: inputs.flavor },
            tag,
          );
          run.imageTags = tags;
          if (step.id) steps[step.id] = { outputs: { tags: tags.join('\n') } };
        } else if (step.run !== undefined && step.id) {
          steps[step.id] = {
            outputs: runScript(
              interpolate(step.run, context),
              {
                ...env,
                GITHUB_REF: github.ref,
                GITHUB_REF_NAME: tag,
                GITHUB_REPOSITORY: repository,
              },
              options.cwd,
            ),
          };
        }
      }
      runs.push(run);
    }
  }
  return runs;
}
