import { MERGE_COMMIT } from '../core/release-tags.js';
import type { ReleasePlan } from '../core/types.js';

/** Human-readable plan: lanes in release order, old → new, bump, reasons, tag operations, changelog preview. */
export function formatPlan(plan: ReleasePlan, opts: { previewLines?: number } = {}): string {
  const preview = opts.previewLines ?? 12;
  const out: string[] = [];
  if (plan.releases.length === 0) {
    out.push(
      plan.snapshotBumps?.length
        ? 'Nothing to release until the Java SNAPSHOT pull request below is merged.'
        : 'Nothing to release.',
    );
  } else {
    out.push(
      `Release plan (${plan.releases.length} lane${plan.releases.length === 1 ? '' : 's'}, in release order):`,
    );
    out.push('');
    plan.releases.forEach((r, i) => {
      out.push(
        `${i + 1}. ${r.lane}  ${r.previousVersion ?? '(new)'} → ${r.version}  [${r.bump}]  tag ${r.tag}  (${r.commits.length} commit${r.commits.length === 1 ? '' : 's'})`,
      );
      for (const reason of r.reasons.slice(0, 8)) {
        out.push(
          `     - ${reason.bump.padEnd(5)} ${reason.sha ? `${reason.sha.slice(0, 7)} ` : ''}${reason.text}`,
        );
      }
      if (r.reasons.length > 8) out.push(`     … ${r.reasons.length - 8} more`);
    });
  }
  const snapshots = plan.snapshotBumps ?? [];
  if (snapshots.length > 0) {
    out.push(
      '',
      `Java SNAPSHOT bump${snapshots.length === 1 ? '' : 's'} (a pull request of version files only: no changelog, no tag; the release is proposed once it is merged):`,
    );
    for (const b of snapshots) out.push(`  ${b.lane}  ${b.previousVersion} → ${b.version}`);
  }
  const ops = plan.tags.filter((t) => t.action !== 'unchanged');
  if (ops.length) {
    out.push('', 'Tag operations:');
    const target = (sha: string) => (sha === MERGE_COMMIT ? 'the merge commit' : sha.slice(0, 7));
    for (const t of plan.tags) {
      const arrow =
        t.action === 'move' ? `${t.from?.slice(0, 7) ?? '?'} → ${target(t.to)}` : `→ ${target(t.to)}`;
      out.push(`  ${t.action.padEnd(9)} ${t.name} ${t.action === 'unchanged' ? '' : arrow}`.trimEnd());
    }
  }
  for (const r of plan.releases) {
    out.push('', `── ${r.lane} ${r.version} changelog ──`);
    const lines = r.changelog.trim().split('\n');
    out.push(...lines.slice(0, preview));
    if (lines.length > preview) out.push(`… (${lines.length - preview} more lines; --json for all)`);
  }
  if (plan.warnings.length) {
    out.push('', `Warnings (${plan.warnings.length}):`);
    for (const w of plan.warnings) out.push(`  ! [${w.code}]${w.lane ? ` ${w.lane}:` : ''} ${w.message}`);
  }
  return out.join('\n') + '\n';
}
