import { jsonpathPaths, nodeAt, parseJson, replaceNode } from '../shared/json-edit.js';
import { applyEdits, cannotUpdate, type TextEdit } from '../shared/text-edit.js';
import type { UpdaterContext } from '../types.js';
import { selectorOf, VERSION_IN_TEXT } from './selector.js';

/**
 * `extra-files` `type: json`: each string the jsonpath selects has its version replaced (a `v` prefix
 * or other text around it is kept), as release-please's GenericJson. RL120 when nothing is selected.
 */
export function updateJson(content: string, version: string, ctx: UpdaterContext): string {
  const jsonpath = selectorOf(ctx, 'json');
  const root = parseJson(content, 'the JSON file');
  const data: unknown = JSON.parse(content);
  const edits: TextEdit[] = [];
  for (const path of jsonpathPaths(data, jsonpath)) {
    const node = nodeAt(root, path);
    if (node?.type !== 'string' || !VERSION_IN_TEXT.test(node.value as string)) continue;
    edits.push(replaceNode(node, (node.value as string).replace(VERSION_IN_TEXT, version)));
  }
  if (edits.length === 0) throw cannotUpdate(`jsonpath ${jsonpath} selects no version string`);
  return applyEdits(content, edits);
}
