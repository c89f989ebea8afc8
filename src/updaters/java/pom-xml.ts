import { applyEdits, cannotUpdate, type TextEdit } from '../shared/text-edit.js';
import { parseXml, selectXml, setXmlText } from '../shared/xml-edit.js';
import type { UpdaterContext } from '../types.js';

const ln = (name: string): string => `*[local-name()="${name}"]`;
const PROJECT_VERSION = `/${ln('project')}/${ln('version')}`;
const PARENT_VERSION = `/${ln('project')}/${ln('parent')}/${ln('version')}`;
const DEPENDENCIES = [
  `/${ln('project')}/${ln('dependencies')}/${ln('dependency')}`,
  `/${ln('project')}/${ln('dependencyManagement')}/${ln('dependencies')}/${ln('dependency')}`,
];

/**
 * Maven `pom.xml`, as release-please's PomXml: `project/version` (else `project/parent/version`), and the
 * `<version>` of dependencies named `groupId:artifactId` in `ctx.dependencyVersions`. Edited in place.
 */
export function updatePomXml(content: string, version: string, ctx: UpdaterContext): string {
  const doc = parseXml(content, 'pom.xml');
  let own = selectXml(doc, PROJECT_VERSION);
  if (own.length === 0) own = selectXml(doc, PARENT_VERSION);
  if (own.length === 0)
    throw cannotUpdate('pom.xml has no <project><version> (or <parent><version>)', 'pom.xml');
  const edits: (TextEdit | undefined)[] = own.map((n) => setXmlText(content, n, version));
  for (const dependency of DEPENDENCIES.flatMap((p) => selectXml(doc, p))) {
    const child = (name: string) => selectXml(doc, ln(name), dependency)[0];
    const id = `${child('groupId')?.textContent ?? ''}:${child('artifactId')?.textContent ?? ''}`;
    const next = Object.hasOwn(ctx.dependencyVersions, id) ? ctx.dependencyVersions[id] : undefined;
    const node = child('version');
    if (next !== undefined && node && node.textContent !== next) edits.push(setXmlText(content, node, next));
  }
  return applyEdits(
    content,
    edits.filter((e): e is TextEdit => e !== undefined),
  );
}
