/**
 * The files release-please 17.11 writes for each release type (its src/strategies/*.ts `buildUpdates`),
 * plus `version-file` and `extra-files`, as release-lanes version files. A file release-please writes
 * only when it exists (`createIfMissing: false` on a secondary file) is `optional`; the file a type is
 * about (version.txt, version.rb, pom.xml, Chart.yaml…) is required, so a missing one is RL120 instead
 * of a release that silently leaves the version behind.
 */
import type { ChangelogJsonTarget, DiscoverRule, VersionFile } from '../core/types.js';
import { ReleaseLanesError } from '../errors.js';
import { JAVA_TYPES } from './release-please-types.js';

/** release-please's `extra-files` entry. */
export type RpExtraFile =
  | string
  | {
      type: 'generic' | 'json' | 'yaml' | 'toml' | 'xml' | 'pom';
      path: string;
      jsonpath?: string;
      xpath?: string;
      glob?: boolean;
    };

export interface ReleaseTypeFilesInput {
  releaseType: string;
  /** Package path, normalised (`.` for the root). */
  path: string;
  component?: string;
  packageName?: string;
  versionFile?: string;
  extraFiles?: RpExtraFile[];
  /** The `cargo-workspace` plugin is on: the workspace Cargo.lock at the root moves too. */
  cargoWorkspace?: boolean;
  /**
   * python: the pyproject.toml project name (`null`: its table has no name), when the file was read;
   * release-please names the `__init__.py` files after it instead of the component.
   */
  projectName?: string | null;
}

/** release-please's `addPath`: relative to the package, or to the root with a leading `/`. */
export function rpPath(pkgPath: string, file: string): string {
  if (pkgPath === '.' || file.startsWith('/')) return file.replace(/^\/+/, '');
  return `${pkgPath.replace(/\/+$/, '')}/${file}`;
}

type Entry = [VersionFile['kind'], string, { optional?: boolean }?];
const optional = { optional: true };

/**
 * release-please's python projectName: the pyproject.toml name when the file has a `[project]` or
 * `[tool.poetry]` table (undefined when that table has no name), else the component.
 */
function pythonProjectName(input: ReleaseTypeFilesInput): string | undefined {
  if (input.projectName !== undefined) return input.projectName ?? undefined;
  return input.component ?? input.packageName ?? '';
}

/** Files of the release type itself, relative to the package. */
function typeFiles(input: ReleaseTypeFilesInput): Entry[] {
  switch (input.releaseType) {
    case 'node':
      return [['package-json', 'package.json']];
    case 'expo':
      return [
        ['package-json', 'package.json'],
        ['expo-app-json', 'app.json'],
      ];
    case 'rust':
      return [
        ['cargo-toml', 'Cargo.toml'],
        ['cargo-lock', 'Cargo.lock', optional],
        ...(input.cargoWorkspace && input.path !== '.'
          ? [['cargo-lock', '/Cargo.lock', optional] as Entry]
          : []),
      ];
    case 'python': {
      const project = pythonProjectName(input) ?? '';
      const names = /^[A-Za-z0-9_.-]+$/.test(project)
        ? [...new Set([project, project.replace(/-/g, '_')])]
        : [];
      return [
        ['setup-cfg', 'setup.cfg', optional],
        ['setup-py', 'setup.py', optional],
        ['pyproject-toml', 'pyproject.toml', optional],
        ...names.flatMap((n): Entry[] => [
          ['python-version', `${n}/__init__.py`, optional],
          ['python-version', `src/${n}/__init__.py`, optional],
        ]),
      ];
    }
    case 'helm':
      return [['helm-chart', 'Chart.yaml']];
    case 'dart':
      return [['pubspec-yaml', 'pubspec.yaml']];
    case 'elixir':
      return [['mix-exs', 'mix.exs']];
    case 'php':
      return [
        ['composer-json', 'composer.json', optional],
        ['version-txt', 'VERSION', optional],
      ];
    case 'ruby':
      return [
        ['version-rb', input.versionFile ?? `lib/${(input.component ?? '').replace(/-/g, '/')}/version.rb`],
        ['gemfile-lock', 'Gemfile.lock', optional],
      ];
    case 'ruby-yoshi':
      return [
        ['version-rb', input.versionFile ?? `lib/${(input.component ?? '').replace(/-/g, '/')}/version.rb`],
      ];
    case 'go':
      return input.versionFile ? [['version-go', input.versionFile]] : [];
    case 'simple':
      return [['version-txt', input.versionFile ?? 'version.txt']];
    case 'maven':
      // release-please's Maven: PomXml, then JavaReleased and Generic markers (a pom.xml without markers is fine)
      return [
        ['pom-xml', 'pom.xml'],
        ['java-released', 'pom.xml', optional],
        ['generic', 'pom.xml', optional],
      ];
    case 'terraform-module':
      return [
        ['terraform-readme', 'readme.md', optional],
        ['terraform-readme', 'README.md', optional],
        ['terraform-versions', 'versions.tf', optional],
        ['terraform-versions', 'versions.tf.tmpl', optional],
        ['terraform-metadata', 'metadata.yaml', optional],
      ];
    default:
      return [];
  }
}

/** The version files of one release-please package: its type's files, then its `extra-files`. */
export function releaseTypeVersionFiles(input: ReleaseTypeFilesInput): VersionFile[] {
  const out: VersionFile[] = typeFiles(input).map(
    ([kind, file, opts]) => ({ kind, path: rpPath(input.path, file), ...opts }) as VersionFile,
  );
  const java = JAVA_TYPES.has(input.releaseType);
  for (const extra of input.extraFiles ?? []) out.push(...extraFile(input.path, extra, java));
  return out;
}

/**
 * One `extra-files` entry, as release-please's BaseStrategy.extraFileUpdates: a string is a marker file,
 * and a `.json`/`.yaml`/`.yml`/`.toml`/`.xml` string also has its top-level version updated; a java/maven
 * package's string first gets its `x-release-please-released-…` markers updated (Java.buildUpdates). Any
 * one of these is enough: the entries are `alternative`. Objects name their type and selector.
 */
function extraFile(pkgPath: string, extra: RpExtraFile, java: boolean): VersionFile[] {
  if (typeof extra === 'string') {
    const path = rpPath(pkgPath, extra);
    const structured: VersionFile | undefined = /\.json$/.test(extra)
      ? { kind: 'json', path, jsonpath: '$.version' }
      : /\.ya?ml$/.test(extra)
        ? { kind: 'yaml', path, jsonpath: '$.version' }
        : /\.toml$/.test(extra)
          ? { kind: 'toml', path, jsonpath: '$.version' }
          : /\.xml$/.test(extra)
            ? { kind: 'xml', path, xpath: '/*/version' }
            : undefined;
    const entries: VersionFile[] = [
      ...(java ? [{ kind: 'java-released', path } as const] : []),
      ...(structured ? [structured] : []),
      { kind: 'generic', path },
    ];
    return entries.length > 1 ? entries.map((e) => ({ ...e, alternative: true })) : entries;
  }
  if (extra.glob) {
    throw new ReleaseLanesError(
      'RL121',
      `extra-files entry ${extra.path}: \`glob: true\` is not supported; list the matching files one by one`,
    );
  }
  const path = rpPath(pkgPath, extra.path);
  switch (extra.type) {
    case 'json':
    case 'yaml':
    case 'toml':
      if (!extra.jsonpath)
        throw new ReleaseLanesError(
          'RL121',
          `extra-files entry ${extra.path} (${extra.type}) has no jsonpath`,
        );
      return [{ kind: extra.type, path, jsonpath: extra.jsonpath }];
    case 'xml':
      if (!extra.xpath)
        throw new ReleaseLanesError('RL121', `extra-files entry ${extra.path} (xml) has no xpath`);
      return [{ kind: 'xml', path, xpath: extra.xpath }];
    case 'pom':
      return [{ kind: 'pom-xml', path }];
    default:
      return [{ kind: 'generic', path }];
  }
}

/**
 * The files release-please's strategy finds by name anywhere under the package (its
 * `findFilesByFilenameAndRef` calls): python `version.py`; terraform-module `readme.md`, `README.md`,
 * `versions.tf`, `versions.tf.tmpl`, `metadata.yaml`; maven `pom.xml` (PomXml, JavaReleased, Generic).
 */
export function releaseTypeDiscoverRules(releaseType: string, path: string): DiscoverRule[] {
  const rule = (name: string, kind: DiscoverRule['kind']): DiscoverRule => ({ under: path, name, kind });
  switch (releaseType) {
    case 'python':
      return [rule('version.py', 'python-version')];
    case 'terraform-module':
      return [
        rule('readme.md', 'terraform-readme'),
        rule('README.md', 'terraform-readme'),
        rule('versions.tf', 'terraform-versions'),
        rule('versions.tf.tmpl', 'terraform-versions'),
        rule('metadata.yaml', 'terraform-metadata'),
      ];
    case 'maven':
      return [rule('pom.xml', 'pom-xml'), rule('pom.xml', 'java-released'), rule('pom.xml', 'generic')];
    default:
      return [];
  }
}

/**
 * release-please's changelog.json updater of the node/expo and python strategies (none with
 * `skip-changelog`): the language and the artifact name, or the file to read that name from at release
 * time (node: package.json `name` unless `package-name` is set; python: setup.py `name = '…'` when the
 * pyproject's table has no name). None when release-please would have no name.
 */
export function releaseTypeChangelogJson(
  input: ReleaseTypeFilesInput & { skipChangelog?: boolean; packageNameSet?: boolean },
): Omit<ChangelogJsonTarget, 'sections'> | undefined {
  if (input.skipChangelog) return undefined;
  switch (input.releaseType) {
    case 'node':
    case 'expo':
      if (input.packageNameSet)
        return input.packageName ? { language: 'JAVASCRIPT', artifactName: input.packageName } : undefined;
      return {
        language: 'JAVASCRIPT',
        artifactFrom: { kind: 'package-json', path: rpPath(input.path, 'package.json') },
      };
    case 'python': {
      const project = pythonProjectName(input);
      if (project === undefined)
        return {
          language: 'PYTHON',
          artifactFrom: { kind: 'setup-py', path: rpPath(input.path, 'setup.py') },
        };
      return project ? { language: 'PYTHON', artifactName: project } : undefined;
    }
    default:
      return undefined;
  }
}
