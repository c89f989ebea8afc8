/**
 * release-please names a package's component after the name in its manifest file (package.json for
 * node/expo, Cargo.toml for rust, Chart.yaml for helm, pubspec.yaml for dart), and its workspace
 * plugins link packages by their dependencies. These pure helpers say which manifest files to read for
 * a release-please config and turn their text into the inputs `loadConfig` takes; the caller reads the
 * files through its own port.
 */
import { parse as parseYaml } from 'yaml';
import { scanToml } from '../updaters/shared/toml-scan.js';
import type { ReleasePleaseInputs } from './release-please.js';

const MANIFEST_FILE: Record<string, string> = {
  node: 'package.json',
  expo: 'package.json',
  'node-librarian': 'package.json',
  rust: 'Cargo.toml',
  helm: 'Chart.yaml',
  dart: 'pubspec.yaml',
};

/** Package path (as keyed in the config) → the manifest file to read for its name and dependencies. */
export function releasePleasePackageFiles(configText: string | null | undefined): Record<string, string> {
  if (!configText) return {};
  let config: { 'release-type'?: unknown; packages?: Record<string, { 'release-type'?: unknown }> };
  try {
    config = JSON.parse(configText) as typeof config;
  } catch {
    return {}; // loadConfig reports the syntax error with its line
  }
  const out: Record<string, string> = {};
  for (const [p, pkg] of Object.entries(config.packages ?? {})) {
    const type = pkg?.['release-type'] ?? config['release-type'] ?? 'node';
    const file = typeof type === 'string' ? (MANIFEST_FILE[type] ?? 'package.json') : 'package.json';
    const dir = p.replace(/^\.\/(?=.)/, '').replace(/\/+$/, '');
    out[p] = dir === '.' || dir === '' ? file : `${dir}/${file}`;
  }
  return out;
}

/** Names and workspace dependency names (release-please's `combineDeps`) from the manifest texts. */
export function releasePleaseInputsFrom(
  packageFiles: Record<string, string>,
  texts: Record<string, string | null | undefined>,
): ReleasePleaseInputs {
  const packageNames: Record<string, string> = {};
  const packageDependencies: Record<string, string[]> = {};
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
  }
  return { packageNames, packageDependencies };
}

interface Manifest {
  name?: string;
  dependencies: string[];
}

function packageJson(text: string): Manifest | undefined {
  try {
    const data = JSON.parse(text) as Record<string, unknown>;
    const deps = new Set<string>();
    for (const k of ['dependencies', 'devDependencies', 'optionalDependencies']) {
      const d = data[k];
      if (d && typeof d === 'object') for (const n of Object.keys(d)) deps.add(n);
    }
    return { ...(typeof data.name === 'string' ? { name: data.name } : {}), dependencies: [...deps] };
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
