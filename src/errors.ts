/**
 * One table of every error a user can act on: a stable code, what went wrong, how to fix it.
 * The CLI prints `code: message` + `fix:`; the App puts the same text into a failing check run.
 * Pure: no I/O, safe to import from src/core.
 */

export const ERRORS = {
  // configuration (RL1xx)
  RL100: { title: 'Config file cannot be parsed', fix: 'Fix the YAML/JSON syntax at the reported line.' },
  RL101: {
    title: 'Config does not match the schema',
    fix: 'See docs/config.md for the allowed keys and their types.',
  },
  RL102: {
    title: 'Unknown lane in depends-on',
    fix: 'Name an existing lane in `depends-on`, or add that lane to `lanes`.',
  },
  RL103: {
    title: 'Dependency cycle between lanes',
    fix: 'Remove one `depends-on` edge of the cycle shown: lanes must form a DAG.',
  },
  RL104: {
    title: 'Overlapping lane paths',
    fix: 'Give each lane its own directory, nest one inside the other explicitly, or add `exclude-paths`.',
  },
  RL105: {
    title: 'Bad tag template',
    fix: 'A tag template must contain `{version}` (channel tags must not) and produce a valid git ref name.',
  },
  RL106: { title: 'Duplicate lane name', fix: 'Lane names must be unique.' },
  RL107: {
    title: 'Two lanes produce the same tag',
    fix: 'Include `{lane}` or a per-lane prefix in the tag templates so every tag name is unique.',
  },
  RL108: { title: 'Bad version', fix: 'Versions must be SemVer 2.0 (e.g. 1.2.3 or 1.3.0-alpha.1).' },
  RL109: { title: 'No configuration found', fix: 'Add .github/release-lanes.yml (see docs/config.md).' },
  RL110: {
    title: 'Manifest cannot be read',
    fix: 'Make .release-lanes-manifest.json a JSON object of lane → version.',
  },
  RL111: {
    title: 'Unknown lane',
    fix: 'Use one of the lane names from the config (see `release-lanes plan`).',
  },
  RL113: {
    title: 'Template cannot be loaded or rendered',
    fix: 'Check the Handlebars syntax of the template named in the message (templates/*.hbs).',
  },
  RL112: {
    title: 'Bad supported range',
    fix: 'Use a semver range such as `>=0.3` for `supported`.',
  },
  RL120: {
    title: 'Version file cannot be updated',
    fix: 'Make sure the file has a version field (e.g. `"version"` in package.json, `[package] version` in Cargo.toml), or add an `x-release-lanes-version` marker comment on the line holding the version.',
  },
  RL121: {
    title: 'Version file selector missing or invalid',
    fix: 'Give `json`, `yaml` and `toml` version files (release-please `extra-files` `type: json|yaml|toml`) a `jsonpath` such as `$.version`, and `xml` files an `xpath` such as `//project/version`.',
  },
  // history and input (RL2xx)
  RL200: { title: 'Not a git repository', fix: 'Run inside a git checkout or pass --cwd DIR.' },
  RL201: { title: 'git failed', fix: 'Check that git is installed and the repository is not corrupt.' },
  RL202: {
    title: 'Bad Release-As footer',
    fix: 'Use `Release-As: x.y.z` with a SemVer version greater than the current one.',
  },
  RL203: { title: 'Bad command-line usage', fix: 'Run `release-lanes --help`.' },
  // tags and releases (RL3xx)
  RL300: {
    title: 'Version tag already exists at another commit',
    fix: 'Version tags are immutable. Release a new version instead, or delete the stray tag by hand if it was never published.',
  },
  RL301: {
    title: 'Tag ruleset refused the update',
    fix: 'Allow the App to bypass the tag ruleset for channel tags, or exclude channel tags from the ruleset.',
  },
  RL302: {
    title: 'Invalid tag name',
    fix: 'Tag names must follow git check-ref-format rules (no spaces, `..`, `~^:?*[\\`, no trailing `.lock`).',
  },
  RL303: {
    title: 'Refusing to move an immutable version tag',
    fix: 'Version tags are never moved; only channel tags move.',
  },
  RL304: {
    title: 'Commit snapshot tag already exists at another commit',
    fix: 'Commit snapshot tags are created once: lengthen `{shortsha}` in the snapshot template, or delete the stale tag by hand.',
  },
  // GitHub (RL4xx)
  RL400: {
    title: 'Missing permission',
    fix: 'Accept the permissions requested in app.yml (contents, pull requests, checks, issues: write).',
  },
  RL401: {
    title: 'Protected branch refused the push',
    fix: 'Allow the App to push to `release-lanes/*` branches (branch protection / rulesets).',
  },
  RL402: { title: 'GitHub API rate limit', fix: 'Wait for the rate limit to reset; the next event resumes.' },
  RL403: { title: 'GitHub API error', fix: 'Retry with `/release-lanes retry`; the run is idempotent.' },
  RL404: { title: 'Release PR state is inconsistent', fix: 'Comment `/release-lanes retry` on the PR.' },
} as const satisfies Record<string, { title: string; fix: string }>;

export type ErrorCode = keyof typeof ERRORS;

export interface ErrorLocation {
  file?: string;
  /** JSON pointer into the document, e.g. `/lanes/2/depends-on/0`. */
  pointer?: string;
  line?: number;
  column?: number;
}

export class ReleaseLanesError extends Error {
  readonly code: ErrorCode;
  readonly detail: string;
  readonly location?: ErrorLocation;
  readonly fix: string;

  constructor(code: ErrorCode, detail: string, location?: ErrorLocation, fix?: string) {
    super(formatMessage(code, detail, location));
    this.name = 'ReleaseLanesError';
    this.code = code;
    this.detail = detail;
    this.location = location;
    this.fix = fix ?? ERRORS[code].fix;
  }

  /** Multi-line text for terminals, check runs and PR comments. */
  render(): string {
    return `${this.message}\n  fix: ${this.fix}`;
  }
}

function formatMessage(code: ErrorCode, detail: string, loc?: ErrorLocation): string {
  const where = loc
    ? [
        loc.file,
        loc.line !== undefined ? `line ${loc.line}${loc.column ? `:${loc.column}` : ''}` : undefined,
        loc.pointer,
      ]
        .filter(Boolean)
        .join(' ')
    : '';
  return `${code} ${ERRORS[code].title}${where ? ` (${where})` : ''}: ${detail}`;
}

/** Several errors at once (config validation reports them all). */
export class ReleaseLanesErrors extends Error {
  readonly errors: ReleaseLanesError[];
  constructor(errors: ReleaseLanesError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'ReleaseLanesErrors';
    this.errors = errors;
  }
  render(): string {
    return this.errors.map((e) => e.render()).join('\n');
  }
  get code(): ErrorCode {
    return this.errors[0]?.code ?? 'RL101';
  }
}

export function isReleaseLanesError(e: unknown): e is ReleaseLanesError | ReleaseLanesErrors {
  return e instanceof ReleaseLanesError || e instanceof ReleaseLanesErrors;
}
