/**
 * Every kind of version file, in one list: the `VersionFileKind` type, the config schema's `kind` enum,
 * the updater table (src/updaters/index.ts) and docs/config.md (checked by a test) all come from it.
 */
export const VERSION_FILE_KINDS = [
  // node
  'package-json',
  'expo-app-json',
  // rust
  'cargo-toml',
  'cargo-lock',
  // python
  'pyproject-toml',
  'setup-py',
  'setup-cfg',
  'python-version',
  // helm, dart, elixir, php
  'helm-chart',
  'pubspec-yaml',
  'mix-exs',
  'composer-json',
  // ruby
  'version-rb',
  'gemfile-lock',
  // java
  'pom-xml',
  'java-released',
  // go
  'go',
  'version-go',
  // terraform
  'terraform-readme',
  'terraform-versions',
  'terraform-metadata',
  // simple
  'version-txt',
  // extra-files: markers, and JSON / YAML / TOML with a jsonpath, XML with an xpath
  'generic',
  'json',
  'yaml',
  'toml',
  'xml',
] as const;

export type VersionFileKind = (typeof VERSION_FILE_KINDS)[number];

/** Kinds that need a selector: the key of the selector in a `version-files` entry. */
export const SELECTOR_KINDS = { json: 'jsonpath', yaml: 'jsonpath', toml: 'jsonpath', xml: 'xpath' } as const;
export type SelectorKind = keyof typeof SELECTOR_KINDS;

export function isSelectorKind(kind: string): kind is SelectorKind {
  return Object.hasOwn(SELECTOR_KINDS, kind);
}
