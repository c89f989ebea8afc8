/**
 * release-please names a node package's component after its package.json `name`, and its
 * node-workspace plugin links packages by their dependencies. These pure helpers say which
 * package.json files to read for a release-please config and turn their text into the inputs
 * `loadConfig` takes; the caller reads the files through its own port.
 */
import type { WorkspaceDependency } from '../core/types.js';
import type { ReleasePleaseInputs } from './release-please.js';

const KINDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

/** Release types whose default component is the package's name, read from its manifest file. */
const NAME_FROM_FILE = new Set(['node', 'expo', 'node-librarian', 'rust', 'helm', 'dart', 'sfdx']);
/** Plugins that link packages by the dependencies their manifest files declare. */
const WORKSPACE_PLUGINS = new Set(['node-workspace', 'cargo-workspace', 'maven-workspace']);

type RpPackageKeys = { 'release-type'?: unknown; component?: unknown; 'package-name'?: unknown };

/**
 * Package path (as keyed in the config) → the package.json path to read, for the packages whose file
 * the config NEEDS: a workspace plugin is configured (every package: names and dependencies), or the
 * package takes its component from its name (no `component`, no `package-name`). A config that names
 * every component and uses no workspace plugin needs no file at all.
 */
export function releasePleasePackageFiles(configText: string | null | undefined): Record<string, string> {
  if (!configText) return {};
  let raw: { packages?: Record<string, RpPackageKeys>; plugins?: unknown[] } & RpPackageKeys;
  try {
    raw = JSON.parse(configText) as typeof raw;
  } catch {
    return {}; // loadConfig reports the syntax error with its line
  }
  if (!raw || typeof raw !== 'object') return {};
  const packages = raw.packages && typeof raw.packages === 'object' ? raw.packages : {};
  const plugins = Array.isArray(raw.plugins) ? raw.plugins : [];
  const workspace = plugins.some((p) =>
    WORKSPACE_PLUGINS.has(typeof p === 'string' ? p : String((p as { type?: unknown } | null)?.type)),
  );
  const needs = (pkg: RpPackageKeys | null | undefined): boolean => {
    if (workspace) return true;
    const cfg = { ...raw, ...(pkg && typeof pkg === 'object' ? pkg : {}) };
    if (cfg.component || cfg['package-name'] !== undefined) return false;
    return NAME_FROM_FILE.has(typeof cfg['release-type'] === 'string' ? cfg['release-type'] : 'node');
  };
  return Object.fromEntries(
    Object.entries(packages)
      .filter(([, pkg]) => needs(pkg))
      .map(([p]) => {
        const dir = p.replace(/^\.\/(?=.)/, '').replace(/\/+$/, '');
        return [p, dir === '.' || dir === '' ? 'package.json' : `${dir}/package.json`];
      }),
  );
}

/** Names and workspace dependency names (release-please's `combineDeps`) from the package.json texts. */
export function releasePleaseInputsFrom(
  packageFiles: Record<string, string>,
  texts: Record<string, string | null | undefined>,
): ReleasePleaseInputs {
  const packageNames: Record<string, string> = {};
  const packageDependencies: Record<string, string[]> = {};
  const dependencyRanges: Record<string, Omit<WorkspaceDependency, 'lane'>[]> = {};
  for (const [pkg, file] of Object.entries(packageFiles)) {
    const text = texts[file];
    if (!text) continue;
    try {
      const data = JSON.parse(text) as Record<string, unknown>;
      if (typeof data.name === 'string') packageNames[pkg] = data.name;
      const deps = new Set<string>();
      for (const k of ['dependencies', 'devDependencies', 'optionalDependencies']) {
        const d = data[k];
        if (d && typeof d === 'object') for (const n of Object.keys(d)) deps.add(n);
      }
      packageDependencies[pkg] = [...deps];
      dependencyRanges[pkg] = KINDS.flatMap((kind) => {
        const d = data[kind];
        if (!d || typeof d !== 'object') return [];
        return Object.entries(d as Record<string, unknown>)
          .filter((e): e is [string, string] => typeof e[1] === 'string')
          .map(([name, range]) => ({ kind, name, range }));
      });
    } catch {
      /* not JSON: release-please would not read it either */
    }
  }
  return { packageNames, packageDependencies, dependencyRanges };
}
