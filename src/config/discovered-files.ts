/**
 * release-please's strategies find some version files by name anywhere under the package
 * (`findFilesByFilenameAndRef`): the lane's `discoverFiles` rules say which. Given the files the gather
 * step found, this turns every match into an optional version file of the lane (pure; no I/O).
 */
import type { DiscoverRule, LaneConfig, RepoConfig, VersionFile } from '../core/types.js';

const under = (dir: string, path: string): boolean => dir === '.' || path.startsWith(`${dir}/`);
const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** The rules of every lane: the names to look for and the directories to look under. */
export function discoveryQuery(config: RepoConfig): { names: string[]; dirs: string[] } | null {
  const rules = config.lanes.flatMap((l) => l.discoverFiles ?? []);
  if (rules.length === 0) return null;
  return {
    names: [...new Set(rules.map((r) => r.name))].sort(),
    dirs: [...new Set(rules.map((r) => r.under))].sort(),
  };
}

/** Files of `found` that `rules` match, as optional version files (in `found` order, per rule). */
export function discoveredVersionFiles(
  rules: readonly DiscoverRule[],
  found: readonly string[],
): VersionFile[] {
  return rules.flatMap((r) =>
    found
      .filter((p) => baseName(p) === r.name && under(r.under, p))
      .map((path): VersionFile => ({ kind: r.kind, path, optional: true })),
  );
}

/** The config with each lane's discovered files added to its version files (same path and kind once). */
export function withDiscoveredFiles(config: RepoConfig, found: readonly string[]): RepoConfig {
  const lanes = config.lanes.map((lane): LaneConfig => {
    if (!lane.discoverFiles?.length) return lane;
    const seen = new Set(lane.versionFiles.map((f) => `${f.kind}\0${f.path}`));
    const extra = discoveredVersionFiles(lane.discoverFiles, found).filter((f) => {
      const key = `${f.kind}\0${f.path}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    return extra.length === 0 ? lane : { ...lane, versionFiles: [...lane.versionFiles, ...extra] };
  });
  return { ...config, lanes };
}
