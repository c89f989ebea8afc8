import { cannotUpdate, lineAt } from './text-edit.js';

const BARE_KEY = /[A-Za-z0-9_-]+/y;

/** One scalar of a TOML document with its full key path and where its text sits. */
export interface TomlScalar {
  /** Table path + key path, e.g. `['package', 'version']`, `['dependencies', 'foo', 'version']`. */
  path: string[];
  kind: 'string' | 'other';
  /** Decoded string, or the raw text of a number/boolean/date. */
  value: string;
  /** Offsets of the value's text (strings: including the quotes), `end` exclusive. */
  start: number;
  end: number;
  /** The quote of a string: `"`, `'`, `"""` or `'''`. */
  quote: string;
}

/**
 * A small TOML scanner (tables, arrays of tables, dotted/quoted keys, inline tables, arrays,
 * all string forms, comments) that reports every scalar with its position, so that values can be
 * replaced in place. It is not a validator: it accepts what it understands and reports RL120 with
 * a line number when it cannot follow the document.
 */
export function scanToml(content: string, file: string): TomlScalar[] {
  const out: TomlScalar[] = [];
  const arrayTables = new Map<string, number>();
  let pos = 0;
  const fail = (what: string): never => {
    throw cannotUpdate(`cannot read ${file}: ${what}`, file, lineAt(content, pos));
  };
  const at = (s: string): boolean => content.startsWith(s, pos);
  const blank = (): void => {
    while (pos < content.length && (content[pos] === ' ' || content[pos] === '\t')) pos++;
  };
  /** Whitespace, newlines and comments. */
  const gap = (): void => {
    for (;;) {
      blank();
      if (content[pos] === '#') while (pos < content.length && content[pos] !== '\n') pos++;
      else if (content[pos] === '\n' || content[pos] === '\r') pos++;
      else return;
    }
  };
  const endOfLine = (): void => {
    blank();
    if (content[pos] === '#') while (pos < content.length && content[pos] !== '\n') pos++;
    if (at('\r\n')) pos += 2;
    else if (content[pos] === '\n') pos++;
    else if (pos < content.length) fail(`unexpected "${content[pos]}"`);
  };
  const string = (): { value: string; quote: string } => {
    const quote = at('"""') ? '"""' : at("'''") ? "'''" : (content[pos] as string);
    const start = pos;
    pos += quote.length;
    const basic = quote[0] === '"';
    for (;;) {
      if (pos >= content.length) fail('unterminated string');
      if (basic && content[pos] === '\\') pos += 2;
      else if (at(quote)) break;
      else if (quote.length === 1 && content[pos] === '\n') fail('unterminated string');
      else pos++;
    }
    // a multi-line string may end with up to two extra quotes before its closing delimiter
    while (quote.length === 3 && content.startsWith(quote, pos + 1)) pos++;
    pos += quote.length;
    const raw = content.slice(start + quote.length, pos - quote.length);
    return { value: basic ? decodeBasic(raw) : raw, quote };
  };
  const key = (): string[] => {
    const parts: string[] = [];
    for (;;) {
      blank();
      const c = content[pos];
      if (c === '"' || c === "'") parts.push(string().value);
      else {
        BARE_KEY.lastIndex = pos;
        const m = BARE_KEY.exec(content);
        if (!m) return fail(`expected a key, found "${c ?? 'end of file'}"`);
        parts.push(m[0]);
        pos += m[0].length;
      }
      blank();
      if (content[pos] !== '.') return parts;
      pos++;
    }
  };
  const value = (path: string[]): void => {
    blank();
    const start = pos;
    const c = content[pos];
    if (c === '"' || c === "'") {
      const s = string();
      out.push({ path, kind: 'string', value: s.value, quote: s.quote, start, end: pos });
    } else if (c === '[') {
      pos++;
      for (let i = 0; ; i++) {
        gap();
        if (content[pos] === ']') break;
        value([...path, String(i)]);
        gap();
        if (content[pos] === ',') pos++;
        else if (content[pos] !== ']') fail('expected "," or "]" in array');
      }
      pos++;
    } else if (c === '{') {
      pos++;
      for (;;) {
        gap();
        if (content[pos] === '}') break;
        const k = key();
        if (content[pos] !== '=') fail('expected "=" in inline table');
        pos++;
        value([...path, ...k]);
        gap();
        if (content[pos] === ',') pos++;
        else if (content[pos] !== '}') fail('expected "," or "}" in inline table');
      }
      pos++;
    } else {
      while (pos < content.length && !',]}#\r\n'.includes(content[pos] as string)) pos++;
      const raw = content.slice(start, pos).trimEnd();
      if (raw === '') fail('missing value');
      out.push({ path, kind: 'other', value: raw, quote: '', start, end: start + raw.length });
    }
  };

  let table: string[] = [];
  for (gap(); pos < content.length; gap()) {
    if (at('[[')) {
      pos += 2;
      const name = key();
      if (!at(']]')) fail('expected "]]"');
      pos += 2;
      const id = JSON.stringify(name);
      const index = arrayTables.get(id) ?? 0;
      arrayTables.set(id, index + 1);
      table = [...name, String(index)];
    } else if (content[pos] === '[') {
      pos++;
      table = key();
      if (content[pos] !== ']') fail('expected "]"');
      pos++;
    } else {
      const k = key();
      if (content[pos] !== '=') fail('expected "="');
      pos++;
      value([...table, ...k]);
    }
    endOfLine();
  }
  return out;
}

function decodeBasic(raw: string): string {
  if (!raw.includes('\\')) return raw;
  return raw.replace(/\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|[btnfr"\\e]|\r?\n\s*)/g, (_, e: string) => {
    if (e[0] === 'u' || e[0] === 'U') return String.fromCodePoint(parseInt(e.slice(1), 16));
    const map: Record<string, string> = {
      b: '\b',
      t: '\t',
      n: '\n',
      f: '\f',
      r: '\r',
      '"': '"',
      '\\': '\\',
      e: '\x1b',
    };
    return map[e] ?? '';
  });
}

/** The replacement text of a TOML string scalar holding `value`, in the same quote style. */
export function tomlStringText(scalar: TomlScalar, value: string): string {
  return `${scalar.quote}${value}${scalar.quote}`;
}

export function findScalar(scalars: readonly TomlScalar[], path: readonly string[]): TomlScalar[] {
  return scalars.filter((s) => s.path.length === path.length && s.path.every((p, i) => p === path[i]));
}
