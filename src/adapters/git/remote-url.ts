import { runGit } from './run-git.js';

/**
 * `https://github.com/<owner>/<repo>` for a GitHub remote URL (https, ssh or scp-like form), else null.
 * Pure; used for changelog links when the CLI is not told `--repo-url`.
 */
export function githubWebUrl(remote: string): string | null {
  const m =
    /^(?:https?:\/\/(?:[^@/]+@)?|ssh:\/\/git@|git@)github\.com[/:]([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(
      remote.trim(),
    );
  return m ? `https://github.com/${m[1]}/${m[2]}` : null;
}

/** The web URL of the checkout's `origin` when it is on GitHub, else undefined (no links). */
export async function originWebUrl(cwd: string): Promise<string | undefined> {
  try {
    const r = await runGit(cwd, ['remote', 'get-url', 'origin'], [0, 2]);
    return r.code === 0 ? (githubWebUrl(r.stdout.toString('utf8')) ?? undefined) : undefined;
  } catch {
    return undefined;
  }
}
