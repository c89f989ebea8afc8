/** What an updater knows besides the file text and the new version. Plain data. */
export interface UpdaterContext {
  lane: string;
  /** The package's own name when known (package.json name / Cargo package name / gem name). */
  packageName?: string;
  /** New versions of other lanes released in the same plan, by package name: internal dependency ranges are updated. */
  dependencyVersions: Record<string, string>;
  /** The jsonpath (json, yaml, toml) or xpath (xml) of a generic structured file. */
  selector?: string;
  /** Expo app.json: the `expo` requirement of the package.json next to it (Android versionCode). */
  expoSdkVersion?: string;
}

/**
 * A version-file updater: a pure function that rewrites only version strings and keeps every
 * other byte (formatting, comments, key order, trailing newline, CRLF) as it was.
 */
export type Updater = (content: string, version: string, ctx: UpdaterContext) => string;
