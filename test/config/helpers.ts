import { isReleaseLanesError, ReleaseLanesErrors } from '../../src/errors.js';

/** The messages of the coded errors `fn` throws (fails the test when it does not throw one). */
export function errorMessages(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (!isReleaseLanesError(e)) throw e;
    return e instanceof ReleaseLanesErrors ? e.errors.map((x) => x.message) : [e.message];
  }
  throw new Error('expected a ReleaseLanesError');
}

/** Joins YAML lines (keeps tests readable and line numbers countable). */
export const yaml = (...lines: string[]): string => lines.join('\n') + '\n';
