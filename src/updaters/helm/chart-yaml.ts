import { isMap, isScalar, isSeq } from 'yaml';
import { parseYamlDocuments, rewriteScalar, sourceValue } from '../shared/yaml-edit.js';
import { updateRange } from '../shared/range.js';
import { applyEdits, cannotUpdate, type TextEdit } from '../shared/text-edit.js';
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
  const doc = parseYamlDocuments(content, FILE)[0];
  if (!doc) throw cannotUpdate(`${FILE} is empty`, FILE);
  const root = doc.contents;
  if (!isMap(root)) throw cannotUpdate(`${FILE} is not a YAML mapping`, FILE);
  const own = root.get('version', true);
  if (!isScalar(own)) throw cannotUpdate(`${FILE} has no top-level "version" to update`, FILE);

  const edits: TextEdit[] = [rewriteScalar(content, own, version, FILE)];
  const app = root.get('appVersion', true);
  if (isScalar(app)) {
    const m = VERSION_LIKE.exec(sourceValue(content, app) ?? '');
    if (m) edits.push(rewriteScalar(content, app, `${m[1]}${version}`, FILE));
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
      if (next !== null) edits.push(rewriteScalar(content, range, next, FILE));
    }
  }
  return applyEdits(content, edits);
}
