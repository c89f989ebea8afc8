import { member, members, scanJson, stringMember, type JsonNode } from '../shared/json-scan.js';
import { dependencyEdits, replaceString } from './npm-deps.js';
import { applyEdits, cannotUpdate, type TextEdit } from '../shared/text-edit.js';
import type { UpdaterContext } from '../types.js';

const FILE = 'package-lock.json';

/**
 * `package-lock.json` (v1 root version; v2/v3 also `packages`):
 * - the root `version` and `packages[""].version` when the lockfile belongs to this package
 *   (`ctx.packageName` absent or equal to the root name);
 * - otherwise the workspace entry of `ctx.packageName` (e.g. `packages["packages/sdk"]`) gets `version`;
 * - workspace entries of packages in `ctx.dependencyVersions` get their new version, and every
 *   workspace entry's ranges on internal packages are rewritten like in package.json.
 * Installed copies (`…/node_modules/…` entries) are registry artefacts and are never touched.
 */
export function updatePackageLock(content: string, version: string, ctx: UpdaterContext): string {
  const root = scanJson(content, FILE);
  if (root.kind !== 'object') throw cannotUpdate(`${FILE} is not a JSON object`, FILE);
  const packages = member(root, 'packages');
  const rootEntry = member(packages, '');
  const rootName = stringMember(root, 'name') ?? stringMember(rootEntry, 'name');
  const ownIsRoot = ctx.packageName === undefined || ctx.packageName === rootName;
  const targets: Record<string, string> = { ...ctx.dependencyVersions };
  if (!ownIsRoot && ctx.packageName !== undefined) targets[ctx.packageName] = version;

  const edits: TextEdit[] = [];
  let ownFound = false;
  const setVersion = (node: JsonNode | undefined, to: string): boolean => {
    const found = members(node, 'version').filter((v) => v.kind === 'string');
    edits.push(...found.map((v) => replaceString(v, to)));
    return found.length > 0;
  };
  if (ownIsRoot) ownFound = [setVersion(root, version), setVersion(rootEntry, version)].some(Boolean);

  if (packages?.kind === 'object') {
    const linkTargets = new Map<string, string>();
    for (const { key, value } of packages.entries) {
      const resolved = stringMember(value, 'resolved');
      if (key.startsWith('node_modules/') && member(value, 'link')?.kind === 'literal' && resolved) {
        linkTargets.set(resolved, key.slice('node_modules/'.length));
      }
    }
    for (const { key, value } of packages.entries) {
      if (key === '' || key.split('/').includes('node_modules')) {
        if (key === '') edits.push(...dependencyEdits(value, ctx.dependencyVersions));
        continue;
      }
      const name = stringMember(value, 'name') ?? linkTargets.get(key);
      const next = name !== undefined && Object.hasOwn(targets, name) ? targets[name] : undefined;
      if (next !== undefined && setVersion(value, next) && name === ctx.packageName) ownFound = true;
      edits.push(...dependencyEdits(value, ctx.dependencyVersions));
    }
  }
  if (!ownFound) {
    const what = ownIsRoot ? 'a root "version"' : `a workspace entry with a "version" for ${ctx.packageName}`;
    throw cannotUpdate(`${FILE} has no ${what}`, FILE);
  }
  return applyEdits(content, edits);
}
