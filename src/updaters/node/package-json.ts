import { member, members, scanJson } from '../shared/json-scan.js';
import { dependencyEdits, replaceString } from './npm-deps.js';
import { updatePackageLock } from './package-lock.js';
import { applyEdits, cannotUpdate } from '../shared/text-edit.js';
import type { UpdaterContext } from '../types.js';

/**
 * `package.json`: sets `version` and rewrites the ranges of internal dependencies named in
 * `ctx.dependencyVersions`, keeping their operator. Edits values in place: key order, indentation,
 * line endings and the trailing newline are untouched. A `package-lock.json` / `npm-shrinkwrap.json`
 * (recognised by its `lockfileVersion`) is handed to {@link updatePackageLock}.
 */
export function updatePackageJson(content: string, version: string, ctx: UpdaterContext): string {
  const root = scanJson(content, 'package.json');
  if (member(root, 'lockfileVersion')) return updatePackageLock(content, version, ctx);
  if (root.kind !== 'object') throw cannotUpdate('package.json is not a JSON object', 'package.json');
  const versions = members(root, 'version').filter((v) => v.kind === 'string');
  if (versions.length === 0) {
    throw cannotUpdate('package.json has no "version" string field', 'package.json');
  }
  const edits = versions.map((v) => replaceString(v, version));
  edits.push(...dependencyEdits(root, ctx.dependencyVersions));
  return applyEdits(content, edits);
}
