/**
 * The tag computation of docker/metadata-action (v5, `src/tag.ts` + `src/meta.ts`), for a push of a git tag,
 * written from its README: the subset the example workflows use. Inputs are the `images`, `tags` and
 * `flavor` inputs after `${{ }}` interpolation.
 *
 * - `tags` lines: `#` comments and blank lines skipped; comma-separated `key=value` fields (quoted fields
 *   refused); a field without `=` is the value; no `type` means `type=raw`.
 * - entries sorted by `priority` (schedule 1000, semver 900, match 800, ref 600, raw 200, sha 100), stable;
 * - `enable` must be `true` or `false`;
 * - `type=semver`: the tag (or `value`), cut by `match` (group 1), `/` → `-`, must be valid SemVer; a
 *   prerelease only gives `{{version}}` (or `{{raw}}`); `{{raw}} {{version}} {{major}} {{minor}} {{patch}}`;
 * - `type=match`: `pattern` (a string, or `/re/flags`) against the tag (or `value`), output = `group`;
 * - `type=raw`: `value`; `type=ref,event=tag`: the tag;
 * - `prefix`/`suffix` per entry; each value sanitized (`[^a-zA-Z0-9._-]+` → `-`), duplicates dropped;
 * - `latest` added when the first produced value says so: `flavor: latest=auto` → true for semver (not a
 *   prerelease), match and ref/tag; false for raw; `latest=true|false` forces it.
 * - `images` lines: `name` or `name=…,enable=…`; names lowercased; the output is `image:tag` per image.
 */
import semver from 'semver';

const PRIORITY: Record<string, number> = {
  schedule: 1000,
  semver: 900,
  pep440: 900,
  match: 800,
  edge: 700,
  ref: 600,
  raw: 200,
  sha: 100,
};

interface Entry {
  type: string;
  attrs: Record<string, string>;
}

function lines(input: string): string[] {
  return input
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

function fields(line: string): Record<string, string> {
  if (line.includes('"')) throw new Error(`quoted fields are not supported here: ${line}`);
  const attrs: Record<string, string> = {};
  for (const field of line.split(',')) {
    const i = field.indexOf('=');
    if (i < 0) attrs.value = field.trim();
    else attrs[field.slice(0, i).trim().toLowerCase()] = field.slice(i + 1).trim();
  }
  return attrs;
}

function parseEntry(line: string): Entry {
  const { type = 'raw', ...attrs } = fields(line);
  if (!(type in PRIORITY)) throw new Error(`Unknown tag type attribute: ${type}`);
  if ((type === 'semver' || type === 'match') && attrs.pattern === undefined) {
    throw new Error(`Missing pattern attribute for ${line}`);
  }
  if (type === 'raw' && attrs.value === undefined) throw new Error(`Missing value attribute for ${line}`);
  if (type === 'match' && Number.isNaN(Number(attrs.group ?? '0'))) {
    throw new Error(`Invalid match group for ${line}`);
  }
  if (!['semver', 'match', 'raw', 'ref'].includes(type)) {
    throw new Error(`type=${type} is not modelled by this evaluator`);
  }
  if (type === 'ref' && attrs.event !== 'tag')
    throw new Error(`only type=ref,event=tag is modelled: ${line}`);
  for (const key of ['value', 'enable', 'prefix', 'suffix']) {
    if (attrs[key]?.includes('{{')) throw new Error(`global expressions are not modelled: ${line}`);
  }
  return {
    type,
    attrs: { enable: 'true', priority: String(PRIORITY[type]), group: '0', ...attrs },
  };
}

function semverPattern(pattern: string, raw: string, v: semver.SemVer): string {
  return pattern.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    switch (name) {
      case 'raw':
        return raw;
      case 'version':
        return v.version;
      case 'major':
        return String(v.major);
      case 'minor':
        return String(v.minor);
      case 'patch':
        return String(v.patch);
      default:
        throw new Error(`{{${name}}} is not modelled by this evaluator`);
    }
  });
}

type Produced = { value: string; latest: boolean } | undefined;

function produce(e: Entry, tag: string): Produced {
  const a = e.attrs;
  const withAffixes = (v: string) => `${a.prefix ?? ''}${v}${a.suffix ?? ''}`;
  switch (e.type) {
    case 'raw':
      return { value: withAffixes(a.value!), latest: false };
    case 'ref':
      return { value: withAffixes(tag), latest: true };
    case 'match': {
      const raw = a.value || tag;
      const re = /^\/(.+)\/(.*)$/.exec(a.pattern!);
      const m = re ? raw.match(new RegExp(re[1]!, re[2])) : raw.match(new RegExp(a.pattern!));
      const group = m?.[Number(a.group)];
      return group === undefined ? undefined : { value: withAffixes(group), latest: true };
    }
    case 'semver': {
      let raw = a.value || tag;
      if (a.match) raw = raw.match(new RegExp(a.match))?.[1] ?? raw;
      raw = raw.replace(/\//g, '-');
      if (!semver.valid(raw)) return undefined;
      const v = semver.parse(raw, { loose: true })!;
      if (v.prerelease.length > 0) {
        const pattern = /^\{\{\s*raw\s*\}\}$/.test(a.pattern!) ? a.pattern! : '{{version}}';
        return { value: withAffixes(semverPattern(pattern, raw, v)), latest: false };
      }
      return { value: withAffixes(semverPattern(a.pattern!, raw, v)), latest: true };
    }
  }
  return undefined;
}

const sanitize = (t: string) => t.replace(/[^a-zA-Z0-9._-]+/g, '-');

export interface MetadataInputs {
  images: string;
  tags: string;
  flavor?: string;
}

/** The `tags` output (one `image:tag` per line in the action; an array here) for a push of `refs/tags/<tag>`. */
export function metadataTags(inputs: MetadataInputs, tag: string): string[] {
  const flavor = Object.fromEntries(
    lines(inputs.flavor ?? '').map((l) => l.split('=', 2) as [string, string]),
  );
  const latestMode = flavor.latest ?? 'auto';
  const entries = lines(inputs.tags)
    .map(parseEntry)
    .sort((x, y) => Number(y.attrs.priority) - Number(x.attrs.priority));
  const values: string[] = [];
  let latest: boolean | undefined;
  for (const e of entries) {
    if (!['true', 'false'].includes(e.attrs.enable!)) {
      throw new Error(`Invalid value for enable attribute: ${e.attrs.enable}`);
    }
    if (e.attrs.enable !== 'true') continue;
    const p = produce(e, tag);
    if (!p || p.value === '') continue;
    const value = sanitize(p.value);
    if (!values.includes(value)) values.push(value);
    latest ??= latestMode === 'auto' ? p.latest : latestMode === 'true';
  }
  if (values.length === 0) return [];
  if (latest) values.push('latest');
  const images = lines(inputs.images)
    .map(fields)
    .filter((f) => (f.enable ?? 'true') === 'true')
    .map((f) => (f.name ?? f.value)!.toLowerCase());
  return images.length === 0 ? values : images.flatMap((image) => values.map((v) => `${image}:${v}`));
}
