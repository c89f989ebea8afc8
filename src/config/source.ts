/**
 * A parsed config file that remembers where every value came from, so errors can name a line.
 * JSON files are parsed with JSON.parse (strict) and located through the YAML parser (JSON is YAML).
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { ReleaseLanesError, ReleaseLanesErrors, type ErrorCode, type ErrorLocation } from '../errors.js';

export interface SourceFile {
  file: string;
  data: unknown;
  /** Location of the value at a JSON pointer; `key: true` points at the key of the last segment instead. */
  locate(pointer: string, opts?: { key?: boolean }): ErrorLocation;
  /** A coded error located at a JSON pointer. */
  error(code: ErrorCode, pointer: string, detail: string, opts?: { key?: boolean }): ReleaseLanesError;
}

export function escapePointer(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function pointer(...segments: (string | number)[]): string {
  return segments.map((s) => `/${escapePointer(s)}`).join('');
}

function unescape(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

function makeSource(file: string, data: unknown, doc: Document, lc: LineCounter): SourceFile {
  const locate = (ptr: string, opts: { key?: boolean } = {}): ErrorLocation => {
    const segments = ptr === '' ? [] : ptr.split('/').slice(1).map(unescape);
    let node: unknown = doc.contents;
    let range: [number, number, number] | undefined = (doc.contents as Node | null)?.range ?? undefined;
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i] ?? '';
      const last = i === segments.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === seg);
        if (!pair) break;
        const keyRange = (pair.key as Node).range;
        const valueRange = (pair.value as Node | null)?.range;
        range = (last && opts.key) || !valueRange ? (keyRange ?? range) : valueRange;
        node = pair.value;
      } else if (isSeq(node)) {
        const item = node.items[Number(seg)] as Node | undefined;
        if (!item?.range) break;
        range = item.range;
        node = item;
      } else {
        break;
      }
    }
    const loc: ErrorLocation = { file, pointer: ptr || undefined };
    if (range) {
      const pos = lc.linePos(range[0]);
      loc.line = pos.line;
      loc.column = pos.col;
    }
    if (!loc.pointer) delete loc.pointer;
    return loc;
  };
  return {
    file,
    data,
    locate,
    error: (code, ptr, detail, opts) => new ReleaseLanesError(code, detail, locate(ptr, opts)),
  };
}

/** Deepest nesting a config or manifest may have (mappings, sequences, flow brackets). */
export const MAX_NESTING = 64;
/** Alias references a document may expand (the `yaml` package's guard against alias bombs). */
export const MAX_ALIASES = 100;

/**
 * An upper bound of the nesting depth of a YAML (or JSON) text, in one linear pass and without
 * recursion: block indentation levels + leading `- ` markers + open flow brackets. Brackets inside
 * strings count too (an over-estimate only matters past MAX_NESTING levels).
 */
export function nestingDepth(text: string): number {
  let max = 0;
  let flow = 0;
  const indents: number[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    let i = start;
    while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
    if (i < end && text[i] !== '#' && text[i] !== '\r') {
      const indent = i - start;
      while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
      let dashes = 0;
      while (text[i] === '-' && (text[i + 1] === ' ' || text[i + 1] === '\t')) {
        dashes++;
        i += 2;
        while (text[i] === ' ' || text[i] === '\t') i++;
      }
      max = Math.max(max, indents.length + dashes + flow);
      for (; i < end; i++) {
        const c = text[i];
        if (c === '[' || c === '{') max = Math.max(max, indents.length + dashes + ++flow);
        else if ((c === ']' || c === '}') && flow > 0) flow--;
      }
    }
    start = end + 1;
  }
  return max;
}

/** RL114 when the text nests deeper than MAX_NESTING (checked before any recursive parser sees it). */
function checkNesting(file: string, text: string): void {
  const depth = nestingDepth(text);
  if (depth > MAX_NESTING) {
    throw new ReleaseLanesErrors([
      new ReleaseLanesError('RL114', `nesting of about ${depth} levels (at most ${MAX_NESTING})`, { file }),
    ]);
  }
}

/** The document's value; resource limits of the parser become coded errors, never a stack trace. */
function toData(file: string, doc: Document): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    const alias = e instanceof ReferenceError && /alias/i.test(e.message);
    throw new ReleaseLanesErrors([
      alias
        ? new ReleaseLanesError('RL115', `aliases expand too often (at most ${MAX_ALIASES})`, { file })
        : new ReleaseLanesError('RL114', `the YAML parser gave up: ${(e as Error).message}`, { file }),
    ]);
  }
}

/** parseDocument, whose own failures (stack exhaustion past the nesting check) become RL114. */
function parseDoc(file: string, text: string, lc: LineCounter, pretty: boolean): Document {
  checkNesting(file, text);
  try {
    return parseDocument(text, { lineCounter: lc, prettyErrors: pretty });
  } catch (e) {
    throw new ReleaseLanesErrors([
      new ReleaseLanesError('RL114', `the YAML parser gave up: ${(e as Error).message}`, { file }),
    ]);
  }
}

/** Parses YAML; syntax errors → RL100 (all of them) with line and column; resource limits → RL114/RL115. */
export function parseYamlSource(file: string, text: string): SourceFile {
  const lc = new LineCounter();
  const doc = parseDoc(file, text, lc, true);
  if (doc.errors.length > 0) {
    throw new ReleaseLanesErrors(
      doc.errors.map((e) => {
        const pos = e.linePos?.[0];
        const detail = (e.message.split('\n')[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, '');
        return new ReleaseLanesError('RL100', detail, { file, line: pos?.line, column: pos?.col });
      }),
    );
  }
  return makeSource(file, toData(file, doc), doc, lc);
}

/** Parses strict JSON; a syntax error → `code` (RL100 for config, RL110 for manifests) with line and column. */
export function parseJsonSource(file: string, text: string, code: ErrorCode = 'RL100'): SourceFile {
  let data: unknown;
  checkNesting(file, text);
  try {
    data = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const loc: ErrorLocation = { file };
    const byPos = /position (\d+)/.exec(message);
    const byLine = /line (\d+) column (\d+)/.exec(message);
    if (byLine) {
      loc.line = Number(byLine[1]);
      loc.column = Number(byLine[2]);
    } else if (byPos) {
      const before = text.slice(0, Number(byPos[1]));
      loc.line = before.split('\n').length;
      loc.column = Number(byPos[1]) - before.lastIndexOf('\n');
    }
    const detail = `invalid JSON: ${message.replace(/ in JSON at position \d+.*$/, '').replace(/ \(line \d+ column \d+\)$/, '')}`;
    throw new ReleaseLanesErrors([new ReleaseLanesError(code, detail, loc)]);
  }
  const lc = new LineCounter();
  const doc = parseDoc(file, text, lc, false);
  return makeSource(file, data, doc, lc);
}
