import { DOMParser } from '@xmldom/xmldom';
import xpath from 'xpath';
import { ReleaseLanesError } from '../../errors.js';
import { cannotUpdate, type TextEdit } from './text-edit.js';

type XmlDocument = ReturnType<DOMParser['parseFromString']>;
/** The parts of an xmldom node this file reads. */
export interface XmlNode {
  nodeType: number;
  textContent: string | null;
  childNodes?: ArrayLike<XmlNode>;
  lineNumber?: number;
  columnNumber?: number;
}

/**
 * XML edited in place: `@xmldom/xmldom` parses with source positions and `xpath` selects (the two
 * libraries release-please uses), but instead of re-serialising the document the selected text or
 * attribute value is replaced where it sits, so the declaration, comments and whitespace stay.
 */
export function parseXml(content: string, file: string): XmlDocument {
  let failure: string | undefined;
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') failure ??= message;
    },
  }).parseFromString(content, 'text/xml');
  if (failure || !doc.documentElement)
    throw cannotUpdate(`${file} is not valid XML (${failure ?? 'empty'})`, file);
  return doc;
}

export function selectXml(doc: XmlDocument, path: string, context?: unknown): XmlNode[] {
  try {
    const found = xpath.select(path, (context ?? doc) as Node);
    return (Array.isArray(found) ? found : []) as unknown as XmlNode[];
  } catch (e) {
    throw new ReleaseLanesError('RL121', `xpath ${path}: ${(e as Error).message}`);
  }
}

/** The edit that sets the text of an element (its first text child), a text node or an attribute value. */
export function setXmlText(content: string, node: XmlNode, value: string): TextEdit | undefined {
  const starts = lineStarts(content);
  const offsetOf = (n: XmlNode): number | undefined =>
    n.lineNumber && n.columnNumber ? (starts[n.lineNumber - 1] ?? 0) + n.columnNumber - 1 : undefined;
  if (node.nodeType === 2) {
    // attribute: xmldom points at the value's opening quote
    let at = offsetOf(node);
    if (at === undefined) return undefined;
    while (at < content.length && content[at] !== '"' && content[at] !== "'") at++;
    const quote = content[at] as string;
    const end = content.indexOf(quote, at + 1);
    return end < 0 ? undefined : { start: at + 1, end, text: escapeXml(value, quote) };
  }
  const text = node.nodeType === 3 ? node : Array.from(node.childNodes ?? []).find((c) => c.nodeType === 3);
  const start = text ? offsetOf(text) : undefined;
  if (start === undefined) return undefined;
  const end = content.indexOf('<', start);
  return { start, end: end < 0 ? content.length : end, text: escapeXml(value, '') };
}

function lineStarts(content: string): number[] {
  const starts = [0];
  for (let i = 0; i < content.length; i++) if (content[i] === '\n') starts.push(i + 1);
  return starts;
}

function escapeXml(value: string, quote: string): string {
  const out = value.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return quote === '"' ? out.replace(/"/g, '&quot;') : quote === "'" ? out.replace(/'/g, '&apos;') : out;
}
