/**
 * Dry-run wrappers: reads go to the real host (GitHub), every write is recorded instead of made. The flows
 * run unchanged on top, so `--dry-run` shows exactly the writes a real run would make.
 */
import type { ReleaseHost, ReleasePr } from '../../ports/release-host.js';
import type { ReleasePublisher, TagHost } from '../../ports/tag-host.js';

/** One line per write a real run would make, e.g. `open PR release-lanes/main → main`. */
export type WriteLog = string[];

export function recordingReleaseHost<H extends ReleaseHost>(inner: H, writes: WriteLog): H {
  let next = 0;
  return {
    ...inner,
    readReleaseState: (q) => inner.readReleaseState(q),
    async writeReleaseBranch(w) {
      writes.push(`write branch ${w.branch} (${Object.keys(w.files).sort().join(', ')})`);
      return { sha: '0'.repeat(40) };
    },
    async openPr(pr): Promise<ReleasePr> {
      writes.push(`open PR ${pr.branch} → ${pr.base}: ${pr.title}`);
      return { number: --next, branch: pr.branch, title: pr.title, body: pr.body, labels: [] };
    },
    async updatePr(number, pr) {
      writes.push(`update PR #${number}: ${pr.title}`);
    },
    async closePr(pr) {
      writes.push(`close PR #${pr.number} (${pr.branch})`);
    },
    async deleteBranch(branch) {
      writes.push(`delete branch ${branch}`);
    },
    async ensureLabel(label) {
      writes.push(`create label "${label.name}"`);
    },
    async addLabels(number, labels) {
      writes.push(`label PR #${number}: ${labels.join(', ')}`);
    },
    async createCheckRun(check) {
      writes.push(`check run on ${check.headSha.slice(0, 7)}: ${check.title}`);
    },
  };
}

export function recordingTagHost(inner: TagHost, writes: WriteLog): TagHost & ReleasePublisher {
  return {
    read: (q) => inner.read(q),
    protect: (names) => inner.protect(names),
    async createTag(tag) {
      writes.push(`create ${tag.kind} tag ${tag.name} at ${tag.sha.slice(0, 7)}`);
      return 'created';
    },
    async moveTag(tag) {
      writes.push(`move ${tag.kind} tag ${tag.name} to ${tag.sha.slice(0, 7)}`);
    },
    async ensureRelease(release) {
      writes.push(`create release ${release.name} (${release.tag})`);
      return 'created';
    },
  };
}
