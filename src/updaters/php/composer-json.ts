import { nodeAt, parseJson, replaceNode } from '../shared/json-edit.js';
import { applyEdits, cannotUpdate } from '../shared/text-edit.js';
import type { UpdaterContext } from '../types.js';

/** PHP `composer.json`: the top-level `"version"` (Composer reads most versions from tags; then the file is left alone). */
export function updateComposerJson(content: string, version: string, _ctx: UpdaterContext): string {
  const node = nodeAt(parseJson(content, 'composer.json'), ['version']);
  if (node?.type !== 'string') throw cannotUpdate('composer.json has no "version" string', 'composer.json');
  return applyEdits(content, [replaceNode(node, version)]);
}
