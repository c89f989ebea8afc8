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
  RL114: {
    title: 'Config nested too deeply',
    fix: 'Config and manifest files may nest at most 64 levels (mappings, sequences, brackets); flatten the file.',
  },
  RL115: {
    title: 'Too many YAML aliases',
    fix: 'A config may use at most 100 alias references (`*name`); write the values out instead of expanding anchors many times.',
  },
  RL120: {
    title: 'Version file cannot be updated',
    fix: 'Make sure the file has a version field (e.g. `"version"` in package.json, `[package] version` in Cargo.toml), or add an `x-release-lanes-version` marker comment on the line holding the version.',
  },
  RL130: {
    title: 'release-please option not supported',
    fix: 'Remove the option, or use the release-lanes equivalent named in the message (docs/config.md#every-release-please-option).',
  },
  RL131: {
    title: 'Unknown release-please option',
    fix: 'Fix the spelling (see the suggestion) or remove the key; docs/config.md#every-release-please-option lists every option.',
  },
  RL132: {
    title: 'release-please option value not supported',
    fix: 'Use a value release-lanes supports (docs/config.md#every-release-please-option), or remove the option.',
  },
  RL133: {
    title: 'release-please config cannot be migrated',
    fix: 'Keep release-please-config.json (release-lanes reads it unchanged), or remove the options named and run `release-lanes init` again.',
  },
  RL134: {
    title: 'release-please release type not supported',
    fix: 'Use the release type named in the message instead (docs/config.md#every-release-please-release-type lists every type).',
  },
  RL135: {
    title: 'Repository file tree too large to list',
    fix: 'The release type finds version files by name in the whole tree (release-please does the same); name them in `extra-files` instead and use a release type that does not search (e.g. `simple`).',
  },
  RL121: {
    title: 'Version file selector missing or invalid',
    fix: 'Give `json`, `yaml` and `toml` version files (release-please `extra-files` `type: json|yaml|toml`) a `jsonpath` such as `$.version`, and `xml` files an `xpath` such as `//project/version`.',
  },
  RL126: {
    title: 'changelog.json cannot be updated',
    fix: 'release-please keeps a machine-readable changelog.json at the repository root: make it a JSON object with an `entries` array (`{"entries": []}`), or delete the file to stop updating it.',
  },
  // history and input (RL2xx)
  RL200: { title: 'Not a git repository', fix: 'Run inside a git checkout or pass --cwd DIR.' },
  RL201: { title: 'git failed', fix: 'Check that git is installed and the repository is not corrupt.' },
  RL202: {
    title: 'Bad Release-As footer',
    fix: 'Use `Release-As: x.y.z` with a SemVer version greater than the current one.',
  },
  RL203: { title: 'Bad command-line usage', fix: 'Run `release-lanes --help`.' },
  RL210: {
    title: 'GitHub token missing',
    fix: "Pass --token or set GITHUB_TOKEN (in a workflow, the Action's `token` input defaults to `${{ github.token }}`).",
  },
  RL211: {
    title: 'Repository not named',
    fix: 'Pass --repo OWNER/NAME (in a workflow, GITHUB_REPOSITORY names it).',
  },
  RL212: {
    title: 'Bad Action input',
    fix: 'See docs/action.md for the inputs and their allowed values.',
  },
  RL213: {
    title: 'Cannot tell who the token belongs to',
    fix: 'Use a personal token, a GitHub App installation token or the workflow token: release-lanes trusts only release PRs opened by the token in use (docs/action.md#tokens).',
  },
  RL214: {
    title: 'Release branch has a pull request opened by someone else',
    fix: 'Close that pull request (release-lanes opens its own), or run with the token that opened it (docs/action.md#tokens).',
  },
  RL215: {
    title: 'Workflow event cannot be read',
    fix: 'Run the Action from a workflow: GITHUB_EVENT_PATH must name the event JSON file the runner writes.',
  },
  RL230: {
    title: 'No webhook proxy for the local App',
    fix: 'GitHub cannot deliver webhooks to localhost: open https://smee.io/new and put `WEBHOOK_PROXY_URL=<that URL>` in .env, then `npm start` again (or set NO_SMEE_SETUP=true and open the setup page through a public URL).',
  },
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
  RL310: {
    title: 'Change does not fit the maintenance line',
    fix: 'A maintenance branch only releases patches of its line, and the next minor or major already exists: revert the `feat`/breaking commit on this branch (land it on the release branch instead), or reword it as a `fix`.',
  },
  RL311: {
    title: 'Line is end-of-life',
    fix: "This line is outside the lane's `supported` range, so nothing is released from this branch. Widen `supported` on the default branch to release it again.",
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
  RL403: {
    title: 'GitHub API error',
    fix: 'Run it again: comment `/release-lanes retry` on the PR (App), re-run the workflow (Action) or the command (CLI); every run is idempotent.',
  },
  RL404: { title: 'Release PR state is inconsistent', fix: 'Comment `/release-lanes retry` on the PR.' },
  RL410: {
    title: 'Write budget of the installation used up',
    fix: 'GitHub allows 80 content-creating requests a minute and 500 an hour per installation. After the time in the message, the next push or `/release-lanes retry` resumes (the run is idempotent).',
  },
  RL411: {
    title: 'Redis job queue unavailable',
    fix: 'Check `REDIS_URL` (redis://host:port) and that Redis answers; unset it to use the in-process queue.',
  },
  RL420: {
    title: 'Invalid worker concurrency',
    fix: 'Set `RELEASE_LANES_CONCURRENCY` to a whole number from 1 to 1000 (jobs of different repositories run at once per replica), or unset it for the default 8.',
  },
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
