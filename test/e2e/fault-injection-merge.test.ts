/**
 * Fault injection (issue 12), the merge flow: each of its API requests fails in turn — a 500 that survived
 * Octokit's retries, or a secondary rate limit (alternating) — and the story (push → release PR → merge →
 * tags) is recovered through ONE documented path alone: the webhook's redelivery (same delivery id),
 * `/release-lanes retry`, "Re-run" on the failing check run or the next push. The end state must equal the
 * fault-free one (tags at the same commits, Releases, PRs and labels), no tag is created twice, no version
 * tag moves, and no failing `release-lanes` check is left. In the suite each point is recovered by one path
 * (in rotation: every path and both fault kinds run); `RL_FAULTS=all` runs every point × every path.
 */
import { faultSuite } from './helpers/faults.js';
import { wallosRepo } from './helpers/repos.js';

faultSuite('merge', 13, wallosRepo, ['latest']);
