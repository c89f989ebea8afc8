/**
 * The Action's host pieces (the runner's process): environment, the event file, GITHUB_OUTPUT, workflow
 * commands on stdout, and the Octokit. Tests build the same IO with their own environment and writer.
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync, readFileSync } from 'node:fs';
import { EOL } from 'node:os';
import { createOctokit, type GitHubOctokit, type OctokitOptions } from '../adapters/github/octokit.js';
import { ERRORS, isReleaseLanesError } from '../errors.js';
import { lineLog, type RunLog } from '../run/log.js';
import type { Outputs } from './outputs.js';

export interface ActionIO {
  env: Record<string, string | undefined>;
  now: () => Date;
  log: RunLog;
  readFile(path: string): string;
  setOutputs(outputs: Outputs): void;
  /** An `::error::` line for the workflow log (and the run's annotations). */
  reportError(error: unknown): void;
  octokit(options: OctokitOptions): GitHubOctokit;
}

/** Workflow command data: `%`, CR and LF escaped. */
export const escapeData = (s: string): string =>
  s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/** Workflow command property values: also `:` and `,`. */
export const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** `name<<DELIM` / value / `DELIM`, the multi-line form of GITHUB_OUTPUT (safe for any value). */
export function outputFileText(
  outputs: Outputs,
  delimiter: () => string = () => `ghadelimiter_${randomUUID()}`,
): string {
  let text = '';
  for (const [name, value] of Object.entries(outputs)) {
    let d = delimiter();
    while (value.includes(d) || name.includes(d)) d = delimiter();
    text += `${name}<<${d}${EOL}${value}${EOL}${d}${EOL}`;
  }
  return text;
}

export function errorCommand(error: unknown): string {
  if (isReleaseLanesError(error)) {
    return `::error title=${escapeProperty(`${error.code} ${ERRORS[error.code].title}`)}::${escapeData(error.render())}`;
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return `::error title=release-lanes failed unexpectedly::${escapeData(message)}`;
}

export interface ActionIOOptions {
  env?: Record<string, string | undefined>;
  write?: (line: string) => void;
  /** Retries and throttling of the Octokit (default on). */
  resilient?: boolean;
  now?: () => Date;
}

export function actionIO(options: ActionIOOptions = {}): ActionIO {
  const env = options.env ?? process.env;
  const write = options.write ?? ((line: string) => void process.stdout.write(`${line}${EOL}`));
  return {
    env,
    now: options.now ?? (() => new Date()),
    log: lineLog((level, line) =>
      write(
        level === 'debug' ? `::debug::${escapeData(line)}` : level === 'info' ? line : `${level}: ${line}`,
      ),
    ),
    readFile: (path) => readFileSync(path, 'utf8'),
    setOutputs(outputs) {
      const file = env.GITHUB_OUTPUT;
      if (file) appendFileSync(file, outputFileText(outputs), 'utf8');
      else for (const [k, v] of Object.entries(outputs)) write(`output ${k}=${v}`);
    },
    reportError: (error) => write(errorCommand(error)),
    octokit: (o) => createOctokit({ ...o, ...(options.resilient === false ? { resilient: false } : {}) }),
  };
}
