import { isReleaseLanesError } from '../errors.js';

/** Runs a command; a coded error is printed (`error: RLxxx …` + fix) and becomes exit code 2. */
export async function withCodedErrors(
  io: { stderr: (s: string) => void },
  command: () => Promise<number>,
): Promise<number> {
  try {
    return await command();
  } catch (e) {
    if (isReleaseLanesError(e)) {
      io.stderr(`error: ${e.render()}\n`);
      return 2;
    }
    throw e;
  }
}
