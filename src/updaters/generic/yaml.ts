import { isScalar } from 'yaml';
import { jsonpathPaths } from '../shared/json-edit.js';
import { applyEdits, cannotUpdate, type TextEdit } from '../shared/text-edit.js';
import { parseYamlDocuments, rewriteScalar } from '../shared/yaml-edit.js';
import type { UpdaterContext } from '../types.js';
import { selectorOf } from './selector.js';

/**
 * `extra-files` `type: yaml`: in every document of the file, each string the jsonpath selects becomes the
 * version (release-please's GenericYaml), edited in place instead of re-dumping the document, so
 * comments, quoting and layout stay. RL120 when nothing is selected.
 */
export function updateYaml(content: string, version: string, ctx: UpdaterContext): string {
  const jsonpath = selectorOf(ctx, 'yaml');
  const edits: TextEdit[] = [];
  for (const doc of parseYamlDocuments(content, 'the YAML file')) {
    for (const path of jsonpathPaths(doc.toJS(), jsonpath)) {
      const node = doc.getIn(path, true);
      if (isScalar(node) && typeof node.value === 'string') {
        edits.push(rewriteScalar(content, node, version, 'the YAML file'));
      }
    }
  }
  if (edits.length === 0) throw cannotUpdate(`jsonpath ${jsonpath} selects no string in the YAML file`);
  return applyEdits(content, edits);
}
