/**
 * release-please names a node package's component after its package.json `name`, and its
 * node-workspace plugin links packages by their dependencies. These pure helpers say which
 * package.json files to read for a release-please config and turn their text into the inputs
 * `loadConfig` takes; the caller reads the files through its own port.
 */
import { parse as parseYaml } from 'yaml';
import type { WorkspaceDependency } from '../core/types.js';
import { scanToml } from '../updaters/shared/toml-scan.js';
import type { ReleasePleaseInputs } from './release-please.js';

const KINDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

/** The manifest file a release type takes its package name (and workspace dependencies) from. */
const MANIFEST_FILE: Record<string, string> = {
  node: 'package.json',
  expo: 'package.json',
  rust: 'Cargo.toml',
  helm: 'Chart.yaml',
  dart: 'pubspec.yaml',
};
/** Plugins that link packages by the dependencies their manifest files declare. */
const WORKSPACE_PLUGINS = new Set(['node-workspace', 'cargo-workspace', 'maven-workspace']);

type RpPackageKeys = { 'release-type'?: unknown; component?: unknown; 'package-name'?: unknown };

/**
 * Package path (as keyed in the config) → the manifest file to read, for the packages whose file the
 * config NEEDS: a workspace plugin is configured (every package: names and dependencies), or the package
 * takes its component from its manifest's name (no `component`, no `package-name`). A config that names
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
  const out: Record<string, string> = {};
  for (const [p, pkg] of Object.entries(packages)) {
    const cfg = { ...raw, ...(pkg && typeof pkg === 'object' ? pkg : {}) };
    const type = typeof cfg['release-type'] === 'string' ? cfg['release-type'] : 'node';
    const file = MANIFEST_FILE[type];
    if (!workspace && (cfg.component || cfg['package-name'] !== undefined || file === undefined)) continue;
    const dir = p.replace(/^\.\/(?=.)/, '').replace(/\/+$/, '');
    const name = file ?? 'package.json';
    out[p] = dir === '.' || dir === '' ? name : `${dir}/${name}`;
  }
  return out;
}

/**
 * Package path → its `pyproject.toml`, for every python package: release-please's python strategy names
 * the `__init__.py` files it writes (and the changelog.json artifact) after the pyproject's project name.
 */
export function releasePleasePyprojectFiles(configText: string | null | undefined): Record<string, string> {
  if (!configText) return {};
  let raw: { packages?: Record<string, RpPackageKeys> } & RpPackageKeys;
  try {
    raw = JSON.parse(configText) as typeof raw;
  } catch {
    return {};
  }
  if (!raw || typeof raw !== 'object' || !raw.packages || typeof raw.packages !== 'object') return {};
  const out: Record<string, string> = {};
  for (const [p, pkg] of Object.entries(raw.packages)) {
    const cfg = { ...raw, ...(pkg && typeof pkg === 'object' ? pkg : {}) };
    if (cfg['release-type'] !== 'python') continue;
    const dir = p.replace(/^\.\/(?=.)/, '').replace(/\/+$/, '');
    out[p] = dir === '.' || dir === '' ? 'pyproject.toml' : `${dir}/pyproject.toml`;
  }
  return out;
}

/**
 * release-please's python projectName from a pyproject.toml: `project.name`, else (no `[project]` table)
 * `tool.poetry.name`; `null` when that table has no name; absent when neither table is there or the
 * file cannot be read as TOML (release-please then uses the component).
 */
export function pyprojectName(text: string, file: string): string | null | undefined {
  let scalars;
  try {
    scalars = scanToml(text, file);
  } catch {
    return undefined;
  }
  const under = (table: string[]) => {
    const header = new RegExp(`^\\s*\\[\\[?\\s*${table.join('\\s*\\.\\s*')}\\s*[.\\]]`, 'm');
    const present = header.test(text) || scalars.some((s) => table.every((t, i) => s.path[i] === t));
    if (!present) return undefined;
    const name = scalars.find((s) => s.path.join('.') === [...table, 'name'].join('.'));
    return name ? name.value : null;
  };
  const project = under(['project']);
  return project !== undefined ? project : under(['tool', 'poetry']);
}

/** Names and workspace dependency names (release-please's `combineDeps`) from the manifest texts. */
export function releasePleaseInputsFrom(
  packageFiles: Record<string, string>,
  texts: Record<string, string | null | undefined>,
  pyprojectFiles: Record<string, string> = {},
): ReleasePleaseInputs {
  const packageNames: Record<string, string> = {};
  const packageDependencies: Record<string, string[]> = {};
  const dependencyRanges: Record<string, Omit<WorkspaceDependency, 'lane'>[]> = {};
  for (const [pkg, file] of Object.entries(packageFiles)) {
    const text = texts[file];
    if (!text) continue;
    const read = file.endsWith('Cargo.toml')
      ? cargoManifest
      : file.endsWith('.yaml')
        ? yamlManifest
        : packageJson;
    const manifest = read(text, file);
    if (!manifest) continue;
    if (manifest.name) packageNames[pkg] = manifest.name;
    packageDependencies[pkg] = manifest.dependencies;
    if (manifest.ranges) dependencyRanges[pkg] = manifest.ranges;
  }
  const pyprojectNames: Record<string, string | null> = {};
  for (const [pkg, file] of Object.entries(pyprojectFiles)) {
    const text = texts[file];
    const name = text ? pyprojectName(text, file) : undefined;
    if (name !== undefined) pyprojectNames[pkg] = name;
  }
  return {
    packageNames,
    packageDependencies,
    dependencyRanges,
    ...(Object.keys(pyprojectNames).length > 0 ? { pyprojectNames } : {}),
  };
}

interface Manifest {
  name?: string;
  dependencies: string[];
  /** package.json only: each dependency's range, for release-please's "bumped from … to …" lines. */
  ranges?: Omit<WorkspaceDependency, 'lane'>[];
}

function packageJson(text: string): Manifest | undefined {
  try {
    const data = JSON.parse(text) as Record<string, unknown>;
    const deps = new Set<string>();
    for (const k of ['dependencies', 'devDependencies', 'optionalDependencies']) {
      const d = data[k];
      if (d && typeof d === 'object') for (const n of Object.keys(d)) deps.add(n);
    }
    const ranges = KINDS.flatMap((kind) => {
      const d = data[kind];
      if (!d || typeof d !== 'object') return [];
      return Object.entries(d as Record<string, unknown>)
        .filter((e): e is [string, string] => typeof e[1] === 'string')
        .map(([name, range]) => ({ kind, name, range }));
    });
    return { ...(typeof data.name === 'string' ? { name: data.name } : {}), dependencies: [...deps], ranges };
  } catch {
    return undefined; // not JSON: release-please would not read it either
  }
}

const CARGO_DEP_TABLES = new Set(['dependencies', 'dev-dependencies', 'build-dependencies']);

/** `[package] name` and the crates of `[dependencies]`, `[dev-dependencies]`, `[build-dependencies]` (renames resolved). */
function cargoManifest(text: string, file: string): Manifest | undefined {
  try {
    const scalars = scanToml(text, file);
    const name = scalars.find((s) => s.path.join('.') === 'package.name' && s.kind === 'string')?.value;
    const deps = new Set<string>();
    for (const s of scalars) {
      const [table, crate, field] = s.path;
      if (!table || !CARGO_DEP_TABLES.has(table) || !crate) continue;
      deps.add(field === 'package' && s.kind === 'string' ? s.value : crate);
    }
    for (const s of scalars) {
      const [table, crate, field] = s.path;
      if (table && CARGO_DEP_TABLES.has(table) && crate && field === 'package') deps.delete(crate);
    }
    return { ...(name ? { name } : {}), dependencies: [...deps] };
  } catch {
    return undefined;
  }
}

/** Chart.yaml / pubspec.yaml `name` (Helm chart dependencies by name too). */
function yamlManifest(text: string): Manifest | undefined {
  try {
    const data = parseYaml(text) as { name?: unknown; dependencies?: unknown } | null;
    const deps = Array.isArray(data?.dependencies)
      ? (data.dependencies as { name?: unknown }[])
          .map((d) => d?.name)
          .filter((n): n is string => typeof n === 'string')
      : data?.dependencies && typeof data.dependencies === 'object'
        ? Object.keys(data.dependencies)
        : [];
    return { ...(typeof data?.name === 'string' ? { name: data.name } : {}), dependencies: deps };
  } catch {
    return undefined;
  }
}
