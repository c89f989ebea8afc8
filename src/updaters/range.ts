/**
 * Dependency requirement rewriting shared by package.json, package-lock.json, Cargo.toml and
 * Chart.yaml: `^1.2.0` → `^1.3.0`, `~1.2` → `~1.3.0`, `=1.2.0` → `=1.3.0`, `1.2.0` → `1.3.0`.
 * Anything that is not a single operator + version (`*`, `1.x`, `>=1 <2`, `a || b`, `workspace:*`,
 * `file:../x`, `link:`, `npm:`, git/http URLs, dist-tags) is left alone.
 */
const SIMPLE_RANGE =
  /^(\^|~|>=|<=|>|<|=)?(\s*)(v?)(\d+(?:\.\d+){0,2}(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?)$/;

/** The new requirement string, or null when `range` is not a simple requirement this tool may rewrite. */
export function updateRange(range: string, version: string): string | null {
  const m = SIMPLE_RANGE.exec(range.trim());
  if (!m) return null;
  const lead = range.slice(0, range.length - range.trimStart().length);
  const trail = range.slice(range.trimEnd().length);
  return `${lead}${m[1] ?? ''}${m[2] ?? ''}${m[3] ?? ''}${version}${trail}`;
}
