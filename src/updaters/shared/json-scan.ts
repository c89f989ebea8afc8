import { cannotUpdate, lineAt } from './text-edit.js';

/** A JSON value with its source offsets (`end` exclusive; strings include their quotes). */
export type JsonNode =
  | { kind: 'object'; start: number; end: number; entries: { key: string; value: JsonNode }[] }
  | { kind: 'array'; start: number; end: number; items: JsonNode[] }
  | { kind: 'string'; start: number; end: number; value: string }
  | { kind: 'literal'; start: number; end: number; raw: string };
export type JsonObject = Extract<JsonNode, { kind: 'object' }>;
export type JsonString = Extract<JsonNode, { kind: 'string' }>;

/**
 * Parse JSON keeping where each value sits in the text, so a value can be replaced in place
 * without re-serialising the document. Throws RL120 on invalid JSON.
 */
export function scanJson(content: string, file: string): JsonNode {
  const bom = content.charCodeAt(0) === 0xfeff ? 1 : 0;
  try {
    JSON.parse(content.slice(bom));
  } catch (e) {
    const pos = /position (\d+)/.exec(String(e))?.[1];
    throw cannotUpdate(
      `${file} is not valid JSON (${(e as Error).message})`,
      file,
      pos ? lineAt(content, Number(pos) + bom) : undefined,
    );
  }
  let pos = bom;
  const ws = (): void => {
    while (pos < content.length && ' \t\r\n'.includes(content[pos] as string)) pos++;
  };
  const str = (): JsonString => {
    const start = pos++;
    while (content[pos] !== '"') pos += content[pos] === '\\' ? 2 : 1;
    pos++;
    return { kind: 'string', start, end: pos, value: JSON.parse(content.slice(start, pos)) as string };
  };
  const value = (): JsonNode => {
    ws();
    const start = pos;
    const c = content[pos];
    if (c === '"') return str();
    if (c === '{') {
      pos++;
      const entries: { key: string; value: JsonNode }[] = [];
      for (ws(); content[pos] !== '}'; ws()) {
        if (content[pos] === ',') pos++;
        ws();
        const key = str().value;
        ws();
        pos++; // ':'
        entries.push({ key, value: value() });
      }
      pos++;
      return { kind: 'object', start, end: pos, entries };
    }
    if (c === '[') {
      pos++;
      const items: JsonNode[] = [];
      for (ws(); content[pos] !== ']'; ws()) {
        if (content[pos] === ',') pos++;
        items.push(value());
      }
      pos++;
      return { kind: 'array', start, end: pos, items };
    }
    while (pos < content.length && !' \t\r\n,]}'.includes(content[pos] as string)) pos++;
    return { kind: 'literal', start, end: pos, raw: content.slice(start, pos) };
  };
  return value();
}

/** Every value under `key` (JSON allows duplicates; all are edited so the parsed result is right). */
export function members(node: JsonNode | undefined, key: string): JsonNode[] {
  return node?.kind === 'object' ? node.entries.filter((e) => e.key === key).map((e) => e.value) : [];
}

export function member(node: JsonNode | undefined, key: string): JsonNode | undefined {
  const all = members(node, key);
  return all[all.length - 1];
}

export function stringMember(node: JsonNode | undefined, key: string): string | undefined {
  const v = member(node, key);
  return v?.kind === 'string' ? v.value : undefined;
}
