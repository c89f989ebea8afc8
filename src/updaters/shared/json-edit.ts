import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { JSONPath } from 'jsonpath-plus';
import { cannotUpdate, lineAt, type TextEdit } from './text-edit.js';

/**
 * JSON edited in place with Microsoft's `jsonc-parser` (the VS Code JSON parser): every node carries
 * its offset and length, so a value is replaced without re-serialising the document.
 */
export function parseJson(content: string, file: string): Node {
  const errors: ParseError[] = [];
  const root = parseTree(content, errors, { allowTrailingComma: false, disallowComments: true });
  const error = errors[0];
  if (error || !root) {
    throw cannotUpdate(
      `${file} is not valid JSON (${error ? printParseErrorCode(error.error) : 'empty'})`,
      file,
      error ? lineAt(content, error.offset) : undefined,
    );
  }
  return root;
}

/** The node at a key path (strings for object keys, numbers for array indexes). */
export function nodeAt(root: Node, path: readonly (string | number)[]): Node | undefined {
  return findNodeAtLocation(root, [...path]);
}

/** Replace a node with a JSON value, keeping everything around it. */
export function replaceNode(node: Node, value: unknown): TextEdit {
  return { start: node.offset, end: node.offset + node.length, text: JSON.stringify(value) };
}

/**
 * The key paths a jsonpath selects in `data` (jsonpath-plus, the evaluator release-please uses).
 * Pointer segments become numbers under arrays so that they address jsonc-parser nodes.
 */
export function jsonpathPaths(data: unknown, jsonpath: string): (string | number)[][] {
  const pointers = JSONPath({ path: jsonpath, json: data as object, resultType: 'pointer', wrap: true }) as
    | string[]
    | undefined;
  return (pointers ?? []).map((pointer) => {
    const path: (string | number)[] = [];
    let at: unknown = data;
    for (const raw of pointer.split('/').slice(1)) {
      const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      const seg = Array.isArray(at) ? Number(key) : key;
      path.push(seg);
      at = (at as Record<string | number, unknown>)[seg];
    }
    return path;
  });
}
