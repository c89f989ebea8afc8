/**
 * The GitHub Action (action.yml): the same jobs as the CLI over the same flows as the App's handlers.
 * Exit code 0, or 1 after an `::error::` line carrying the RLxxx code, title and fix.
 */
import { jobContext, parseRepo } from '../run/job-context.js';
import { runCommand } from '../run/jobs.js';
import { factsOf, ignoredEvent, readEvent, triggerOf } from './event.js';
import { parseActionInputs } from './inputs.js';
import type { ActionIO } from './io.js';
import { outputsOf } from './outputs.js';

export async function runAction(io: ActionIO): Promise<number> {
  try {
    const inputs = parseActionInputs(io.env);
    const where = parseRepo(io.env.GITHUB_REPOSITORY, 'GITHUB_REPOSITORY');
    const event = readEvent(io.env, io.readFile);
    const ignored = ignoredEvent(event, io.env);
    if (ignored) {
      io.log.info({}, `release-lanes: nothing to do for ${ignored}`);
      io.setOutputs(outputsOf({ tagged: [], prs: [] }, ''));
      return 0;
    }
    const octokit = io.octokit({
      token: inputs.token,
      ...(io.env.GITHUB_API_URL ? { apiUrl: io.env.GITHUB_API_URL } : {}),
      ...(io.env.GITHUB_GRAPHQL_URL ? { graphqlUrl: io.env.GITHUB_GRAPHQL_URL } : {}),
      userAgent: 'release-lanes-action',
    });
    const facts = factsOf(event);
    const trigger = event.name === 'push' ? triggerOf(event, io.env) : undefined;
    const ctx = await jobContext({
      octokit,
      log: io.log,
      where,
      ...(facts ? { facts } : {}),
      env: io.env,
      now: io.now,
      ...(inputs.configFile ? { configPath: inputs.configFile } : {}),
      dryRun: inputs.dryRun,
      ...(trigger ? { trigger } : {}),
    });
    const result = await runCommand(ctx, inputs.command);
    if (ctx.dryRun) {
      // Nothing was released or opened: downstream steps keyed on the outputs must not run.
      for (const line of ctx.dryRun) io.log.info({}, `dry run: would ${line}`);
      io.setOutputs(outputsOf({ tagged: [], prs: [] }, ctx.base));
      return 0;
    }
    io.setOutputs(outputsOf(result, ctx.base));
    return 0;
  } catch (error) {
    io.reportError(error);
    return 1;
  }
}
