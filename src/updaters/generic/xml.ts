import { applyEdits, cannotUpdate, type TextEdit } from '../shared/text-edit.js';
import { parseXml, selectXml, setXmlText } from '../shared/xml-edit.js';
import type { UpdaterContext } from '../types.js';
import { selectorOf } from './selector.js';

/** `extra-files` `type: xml`: every node the xpath selects gets the version as its text (release-please's GenericXml). */
export function updateXml(content: string, version: string, ctx: UpdaterContext): string {
  const path = selectorOf(ctx, 'xml');
  const doc = parseXml(content, 'the XML file');
  const edits = selectXml(doc, path)
    .map((node) => setXmlText(content, node, version))
    .filter((e): e is TextEdit => e !== undefined);
  if (edits.length === 0) throw cannotUpdate(`xpath ${path} selects no text in the XML file`);
  return applyEdits(content, edits);
}
