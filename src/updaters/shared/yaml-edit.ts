import { parseAllDocuments, Scalar, type Node } from 'yaml';
import { cannotUpdate, lineAt, type TextEdit } from './text-edit.js';

/**
 * YAML edited in place with the `yaml` package's Document API: each scalar keeps its source range, so
 * a value is rewritten in its own quoting style and comments, order and indentation stay.
 */
export function parseYamlDocuments(content: string, file: string) {
  const docs = parseAllDocuments(content);
  if (!Array.isArray(docs)) return [];
  for (const doc of docs) {
    const error = doc.errors[0];
    if (error) {
      throw cannotUpdate(
        `cannot parse ${file}: ${error.message.split('\n')[0]}`,
        file,
        lineAt(content, error.pos[0]),
      );
    }
  }
  return docs;
}

/** The unquoted source text of a plain or quoted scalar, undefined for block scalars. */
export function sourceValue(content: string, node: Scalar): string | undefined {
  const [start, end] = node.range ?? [0, 0];
  const raw = content.slice(start, end);
  if (node.type === Scalar.PLAIN) return raw;
  if (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE) return raw.slice(1, -1);
  return undefined;
}

/** Rewrite a plain or quoted scalar in place, in the same quoting style. */
export function rewriteScalar(content: string, node: Node, value: string, file: string): TextEdit {
  const scalar = node as Scalar;
  const [start, end] = scalar.range ?? [0, 0];
  const quote = scalar.type === Scalar.QUOTE_DOUBLE ? '"' : scalar.type === Scalar.QUOTE_SINGLE ? "'" : '';
  if (!quote && scalar.type !== Scalar.PLAIN) {
    throw cannotUpdate(
      `use a plain or quoted scalar for a version, not a block scalar`,
      file,
      lineAt(content, start),
    );
  }
  return { start, end, text: `${quote}${value}${quote}` };
}
