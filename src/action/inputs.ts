/**
 * The Action's inputs, as the runner passes them: `INPUT_<NAME>` with the name upper-cased and spaces
 * turned into `_` (hyphens stay: `INPUT_CONFIG-FILE`). Validated like the config: a bad value is RL212.
 */
import { ReleaseLanesError } from '../errors.js';
import { COMMANDS, type CommandName } from '../run/jobs.js';

export interface ActionInputs {
  token: string;
  command: CommandName;
  configFile?: string;
  dryRun: boolean;
}

type Env = Record<string, string | undefined>;

export function input(env: Env, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** YAML 1.2 core booleans, as @actions/core's getBooleanInput accepts them; empty = `fallback`. */
function booleanInput(env: Env, name: string, fallback: boolean): boolean {
  const v = input(env, name);
  if (v === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(v)) return true;
  if (['false', 'False', 'FALSE'].includes(v)) return false;
  throw new ReleaseLanesError('RL212', `input \`${name}\` is "${v}", not true or false`);
}

export function parseActionInputs(env: Env): ActionInputs {
  const command = input(env, 'command') || 'all';
  if (!Object.hasOwn(COMMANDS, command)) {
    throw new ReleaseLanesError(
      'RL212',
      `input \`command\` is "${command}", not one of ${Object.keys(COMMANDS).join(', ')}`,
    );
  }
  const token = input(env, 'token');
  if (!token) throw new ReleaseLanesError('RL210', 'input `token` is empty');
  const configFile = input(env, 'config-file');
  return {
    token,
    command: command as CommandName,
    ...(configFile ? { configFile } : {}),
    dryRun: booleanInput(env, 'dry-run', false),
  };
}
