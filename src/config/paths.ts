/** Repository-relative path normalisation for lane paths, exclude-paths and file paths. */
import picomatch from 'picomatch';

/** `./a//b/` → `a/b`; `./`, `` → `.`. Returns null for absolute paths or paths that climb out (`..`). */
export function normalizePath(input: string): string | null {
  const trimmed = input.trim().replace(/\\/g, '/');
  if (trimmed.startsWith('/') || /^[A-Za-z]:/.test(trimmed)) return null;
  const parts = trimmed.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.includes('..')) return null;
  return parts.length === 0 ? '.' : parts.join('/');
}

export function isGlob(path: string): boolean {
  return picomatch.scan(path).isGlob;
}

/** The directory part of a path before its first glob segment (`packages/*` → `packages`). */
export function staticBase(path: string): string {
  if (!isGlob(path)) return path;
  const base = picomatch.scan(path).base;
  return base === '' ? '.' : base;
}

/** `CHANGELOG.md` inside a directory (`.` → `CHANGELOG.md`). */
export function joinPath(dir: string, file: string): string {
  return dir === '.' ? file : `${dir}/${file}`;
}
