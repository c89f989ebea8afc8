/**
 * JSON Schema validation of the config files with ajv; errors → RL101 with line and column.
 *
 * Validators come from `validators.generated.js`, which `npm run build` writes next to this module with
 * ajv's standalone code (scripts/build-validators.mjs): no schema compilation at start-up. Each generated
 * validator carries the hash of the schema it was built from; a missing file (tests run the sources) or a
 * stale validator falls back to compiling the schema with ajv at run time, so both paths always agree.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Ajv as AjvType, ErrorObject, ValidateFunction } from 'ajv';
import type { ReleaseLanesError } from '../errors.js';
import { LANE_KEYS, RELEASE_LANES_SCHEMA, REPO_KEYS } from './schema.js';
import { pointer as ptr, type SourceFile } from './source.js';
import { didYouMean } from './suggest.js';

/** The ajv options of both paths (the build script passes the same ones, plus standalone code output). */
export const AJV_OPTIONS = { allErrors: true, strict: false } as const;

/** Stable hash of a schema: a generated validator is used only for the exact schema it was built from. */
export function schemaHash(schema: object): string {
  return createHash('sha1').update(JSON.stringify(schema)).digest('hex');
}

type Generated = Record<string, { hash: string; validate: ValidateFunction }>;
const GENERATED = './validators.generated.js';
const generated = await import(GENERATED).then(
  (m: { validators?: Generated }) => m.validators ?? null,
  () => null,
);

let runtimeAjv: AjvType | undefined;

/** The validator of `schema`: generated at build time when up to date, else compiled now. */
export function schemaValidator(name: string, schema: object): ValidateFunction {
  const built = generated?.[name];
  if (built && built.hash === schemaHash(schema)) return built.validate;
  if (!runtimeAjv) {
    // ajv is CommonJS: loaded only on this path.
    const { Ajv } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
    runtimeAjv = new Ajv(AJV_OPTIONS);
  }
  return runtimeAjv.compile(schema);
}

const validate = schemaValidator('release-lanes', RELEASE_LANES_SCHEMA);

function keyName(instancePath: string): string {
  const last = instancePath.split('/').pop() ?? '';
  return /^\d+$/.test(last) ? `item ${last}` : `\`${last.replace(/~1/g, '/').replace(/~0/g, '~')}\``;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} \`${String(value)}\``;
}

function valueAt(data: unknown, instancePath: string): unknown {
  let cur: unknown = data;
  for (const seg of instancePath.split('/').slice(1)) {
    cur = (cur as Record<string, unknown> | undefined)?.[seg.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return cur;
}

function describe(e: ErrorObject, data: unknown): { pointer: string; key?: boolean; detail: string } {
  const where = e.instancePath === '' ? 'the config' : keyName(e.instancePath);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      const isLane = /^\/lanes\/\d+$/.test(e.instancePath);
      const isTop = e.instancePath === '';
      const known = isLane ? LANE_KEYS : isTop ? REPO_KEYS : [];
      const scope = isLane ? 'in a lane' : isTop ? 'at the top level' : `in ${where}`;
      return {
        pointer: e.instancePath + ptr(key),
        key: true,
        detail: `unknown key \`${key}\` ${scope}${didYouMean(key, known)}`,
      };
    }
    case 'required':
      return {
        pointer: e.instancePath,
        detail: `${where} is missing the required key \`${String(p.missingProperty)}\``,
      };
    case 'type': {
      const expected = ([] as string[])
        .concat(p.type as string | string[])
        .map((t) => (t === 'array' ? 'a list' : t === 'object' ? 'a mapping' : `a ${t}`))
        .join(' or ');
      const actual = valueAt(data, e.instancePath);
      const hint = typeof actual === 'number' && expected === 'a string' ? ' (quote it in YAML)' : '';
      return {
        pointer: e.instancePath,
        detail: `${where} must be ${expected}, got ${typeOf(actual)}${hint}`,
      };
    }
    case 'enum':
      return {
        pointer: e.instancePath,
        detail: `${where} must be one of ${(p.allowedValues as unknown[]).map((v) => `\`${String(v)}\``).join(', ')}, got ${typeOf(valueAt(data, e.instancePath))}`,
      };
    case 'pattern':
      return {
        pointer: e.instancePath,
        detail: `${where} ${typeOf(valueAt(data, e.instancePath))} must match ${String(p.pattern)}`,
      };
    case 'minItems':
      return { pointer: e.instancePath, detail: `${where} must not be empty` };
    case 'minLength':
      return { pointer: e.instancePath, detail: `${where} must not be empty` };
    default:
      return { pointer: e.instancePath, detail: `${where} ${e.message ?? 'is invalid'}` };
  }
}

/** All violations of `schema`, as located RL101 errors. */
export function schemaErrors(check: ValidateFunction, source: SourceFile): ReleaseLanesError[] {
  if (check(source.data)) return [];
  return (check.errors ?? []).map((e) => {
    const d = describe(e, source.data);
    return source.error('RL101', d.pointer, d.detail, { key: d.key });
  });
}

/** All schema violations of a parsed release-lanes.yml. */
export function validateSchema(source: SourceFile): ReleaseLanesError[] {
  return schemaErrors(validate, source);
}
