/**
 * The release job: tag every merged release PR the token's identity opened that is not tagged yet
 * (not labelled `release-lanes: tagged` yet), oldest merge first; each merge's lanes in dependency order,
 * with GitHub Releases and channel tags (src/flows/tag-release.ts, through the App's tagging job).
 * A re-run finds them relabelled `release-lanes: tagged` and writes nothing.
 */
import { recordingTagHost } from '../adapters/dry-run/recording-hosts.js';
import { mergedReleasePrs, type MergedPull } from '../adapters/github/merged-release-prs.js';
import { createGitHubTagHost } from '../adapters/github/tag-host.js';
import { tagRelease, type TagReleaseResult } from '../flows/tag-release.js';
import { runTagging, type TagTarget } from '../handlers/pull-request-closed.js';
import { parsePlanMarker } from '../render/pr-body.js';
import type { JobContext } from './job-context.js';

export interface TaggedPr {
  pr: number;
  mergeSha: string;
  result: TagReleaseResult;
}

export interface ReleaseJobResult {
  tagged: TaggedPr[];
}

export async function releaseJob(ctx: JobContext): Promise<ReleaseJobResult> {
  const where = { owner: ctx.owner, repo: ctx.repo };
  const { prs, ignored } = await mergedReleasePrs(ctx.octokit, where, {
    base: ctx.base,
    login: ctx.identity.login,
  });
  for (const i of ignored)
    ctx.log.info({ pr: i.number }, `release-lanes: PR #${i.number} ignored: ${i.reason}`);
  if (prs.length === 0) ctx.log.info({}, 'release-lanes: no merged release PR waits for its tags');
  const tagged: TaggedPr[] = [];
  for (const pr of prs) {
    const target = targetOf(ctx, pr);
    if (ctx.dryRun) {
      const host = recordingTagHost(
        createGitHubTagHost(ctx.octokit, { ...where, branch: ctx.base }),
        ctx.dryRun,
      );
      const result = await tagRelease({
        host,
        publisher: host,
        mergeSha: target.mergeSha,
        baseBranch: ctx.base,
        marker: target.marker,
        ...(ctx.configPath ? { configPath: ctx.configPath } : {}),
      });
      tagged.push({ pr: pr.number, mergeSha: target.mergeSha, result });
      continue;
    }
    const outcome = await runTagging(ctx.octokit, ctx.log, target);
    if (!outcome.ok) throw outcome.error;
    tagged.push({ pr: pr.number, mergeSha: target.mergeSha, result: outcome.result });
  }
  return { tagged };
}

function targetOf(ctx: JobContext, pr: MergedPull): TagTarget {
  return {
    owner: ctx.owner,
    repo: ctx.repo,
    base: ctx.base,
    ...(ctx.repoUrl ? { repoUrl: ctx.repoUrl } : {}),
    pr: pr.number,
    mergeSha: pr.merge_commit_sha!,
    marker: parsePlanMarker(pr.body),
    ...(ctx.configPath ? { configPath: ctx.configPath } : {}),
    // the CLI and the Action print what was done (and a workflow token may lack `checks: write`)
    successCheck: false,
  };
}
