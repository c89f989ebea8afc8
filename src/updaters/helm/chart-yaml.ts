import { isMap, isScalar, isSeq, parseDocument, Scalar, type Node } from 'yaml';
import { updateRange } from '../shared/range.js';
import { applyEdits, cannotUpdate, lineAt, type TextEdit } from '../shared/text-edit.js';
import type { UpdaterContext } from '../types.js';

const FILE = 'Chart.yaml';
const VERSION_LIKE = /^(v?)\d+(?:\.\d+){0,2}(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/**
 * Helm `Chart.yaml`: `version`, `appVersion` (when it holds a version; a `v` prefix is kept, other
 * values such as `latest` are left alone) and the `version` ranges of `dependencies` entries named in
 * `ctx.dependencyVersions`. Each scalar is rewritten in its own quoting style at its source position;
 * comments, order, indentation and line endings are untouched.
 */
export function updateHelmChart(content: string, version: string, ctx: UpdaterContext): string {
  const doc = parseDocument(content);
  const error = doc.errors[0];
  if (error)
    throw cannotUpdate(
      `cannot parse ${FILE}: ${error.message.split('\n')[0]}`,
      FILE,
      lineAt(content, error.pos[0]),
    );
  const root = doc.contents;
  if (!isMap(root)) throw cannotUpdate(`${FILE} is not a YAML mapping`, FILE);
  const own = root.get('version', true);
  if (!isScalar(own)) throw cannotUpdate(`${FILE} has no top-level "version" to update`, FILE);

  const edits: TextEdit[] = [rewrite(content, own, version)];
  const app = root.get('appVersion', true);
  if (isScalar(app)) {
    const m = VERSION_LIKE.exec(sourceValue(content, app) ?? '');
    if (m) edits.push(rewrite(content, app, `${m[1]}${version}`));
  }
  const deps = root.get('dependencies', true);
  if (isSeq(deps)) {
    for (const item of deps.items) {
      if (!isMap(item)) continue;
      const name = item.get('name');
      const range = item.get('version', true);
      if (typeof name !== 'string' || !isScalar(range) || !Object.hasOwn(ctx.dependencyVersions, name))
        continue;
      const next = updateRange(String(range.value), ctx.dependencyVersions[name] as string);
      if (next !== null) edits.push(rewrite(content, range, next));
    }
  }
  return applyEdits(content, edits);
}

/** The unquoted source text of a plain or quoted scalar, undefined for block scalars. */
function sourceValue(content: string, node: Scalar): string | undefined {
  const [start, end] = node.range ?? [0, 0];
  const raw = content.slice(start, end);
  if (node.type === Scalar.PLAIN) return raw;
  if (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE) return raw.slice(1, -1);
  return undefined;
}

function rewrite(content: string, node: Node, value: string): TextEdit {
  const scalar = node as Scalar;
  const [start, end] = scalar.range ?? [0, 0];
  const quote = scalar.type === Scalar.QUOTE_DOUBLE ? '"' : scalar.type === Scalar.QUOTE_SINGLE ? "'" : '';
  if (!quote && scalar.type !== Scalar.PLAIN) {
    throw cannotUpdate(
      `use a plain or quoted scalar for a version, not a block scalar`,
      FILE,
      lineAt(content, start),
    );
  }
  return { start, end, text: `${quote}${value}${quote}` };
}
