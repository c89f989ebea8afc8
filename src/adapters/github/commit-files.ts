/**
 * Reads the files a commit touched: REST `GET /repos/{owner}/{repo}/commits/{ref}` (GraphQL exposes only
 * `changedFilesIfAvailable`, a count). GitHub lists at most 300 files per page and 3000 in all; further
 * pages are followed through the `Link: rel="next"` header. A rename counts for both its old and new path.
 */

export interface CommitFilesResult {
  files: string[];
  /** GitHub stops listing at 3000 files: the list may be incomplete. */
  truncated: boolean;
}

export type RestRequest = (route: string, params: Record<string, unknown>) => Promise<RestResponse>;
export interface RestResponse {
  headers: Record<string, string | number | undefined>;
  data: unknown;
}

const GITHUB_FILE_LIMIT = 3000;

export async function fetchCommitFiles(
  rest: RestRequest,
  owner: string,
  repo: string,
  sha: string,
): Promise<CommitFilesResult> {
  const files = new Set<string>();
  let listed = 0;
  for (let page = 1; ; page++) {
    const res = await rest('GET /repos/{owner}/{repo}/commits/{ref}', {
      owner,
      repo,
      ref: sha,
      ...(page > 1 ? { page } : {}),
    });
    const data = res.data as { files?: { filename: string; previous_filename?: string }[] };
    for (const f of data.files ?? []) {
      listed++;
      files.add(f.filename);
      if (f.previous_filename) files.add(f.previous_filename);
    }
    if (!hasNext(res.headers.link) || (data.files ?? []).length === 0) break;
  }
  return { files: [...files], truncated: listed >= GITHUB_FILE_LIMIT };
}

function hasNext(link: string | number | undefined): boolean {
  return typeof link === 'string' && /rel="next"/.test(link);
}
