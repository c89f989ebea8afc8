/**
 * Release PRs as release-please 17.11 writes them, for a repository configured with release-please files
 * (automation keyed on its branch names, titles and labels keeps working). Pure ports of release-please's
 * src/util/branch-name.ts (`ofTargetBranch`, `ofComponentTargetBranch`), src/util/pull-request-title.ts
 * (`toString`) and src/util/pull-request-body.ts (`toString`), and of how src/strategies/base.ts and
 * src/plugins/merge.ts fill them for one package and for a grouped PR.
 */
import { DEFAULT_GROUP_PR_TITLE_PATTERN, DEFAULT_PR_TITLE_PATTERN } from '../core/release-please-title.js';
import type { LaneConfig, LaneRelease, SnapshotBump } from '../core/types.js';

export { DEFAULT_GROUP_PR_TITLE_PATTERN, DEFAULT_PR_TITLE_PATTERN };

export const RP_BRANCH_PREFIX = 'release-please--branches--';
/** The notes of a Java SNAPSHOT pull request (release-please's Java.buildSnapshotPullRequest). */
export const SNAPSHOT_NOTES = '### Updating meta-information for bleeding-edge SNAPSHOT release.';
export const DEFAULT_PR_HEADER = ':robot: I have created a release *beep* *boop*';
export const DEFAULT_PR_FOOTER =
  'This PR was generated with [Release Please](https://github.com/googleapis/release-please). See [documentation](https://github.com/googleapis/release-please#release-please).';

/** `release-please--branches--main` (grouped or no component), `…--components--<component>` (one package). */
export function releasePleaseBranch(base: string, component?: string): string {
  return component ? `${RP_BRANCH_PREFIX}${base}--components--${component}` : `${RP_BRANCH_PREFIX}${base}`;
}

export interface TitleParts {
  pattern?: string;
  targetBranch?: string;
  component?: string;
  version?: string;
  componentNoSpace?: boolean;
}

/** release-please's PullRequestTitle.toString (each placeholder replaced once, the result trimmed). */
export function releasePleaseTitle(t: TitleParts): string {
  let pattern = t.pattern || DEFAULT_PR_TITLE_PATTERN;
  const scope = t.targetBranch ? `(${t.targetBranch})` : '';
  const component = t.componentNoSpace === true ? (t.component ?? '') : t.component ? ` ${t.component}` : '';
  if (t.componentNoSpace === true && !component) pattern = pattern.replace('${component} ', '');
  return pattern
    .replace('${scope}', () => scope)
    .replace('${component}', () => component)
    .replace('${version}', () => t.version ?? '')
    .replace('${branch}', () => t.targetBranch || '')
    .trim();
}

export interface BodyRelease {
  component?: string;
  version: string;
  notes: string;
}

/** release-please's PullRequestBody.toString: header, `---`, the notes (in `<details>` when grouped), footer. */
export function releasePleaseBody(
  releases: readonly BodyRelease[],
  opts: { header?: string; footer?: string; useComponents?: boolean } = {},
): string {
  const useComponents = opts.useComponents ?? releases.length > 1;
  const notes = useComponents
    ? releases
        .map(
          (r) =>
            `<details><summary>${r.component ? `${r.component}: ` : ''}${r.version}</summary>\n\n${r.notes}\n</details>`,
        )
        .join('\n\n')
    : releases.map((r) => r.notes).join('\n\n');
  return `${opts.header || DEFAULT_PR_HEADER}\n---\n\n\n${notes}\n\n---\n${opts.footer || DEFAULT_PR_FOOTER}`;
}

/** Title, branch, body and draft flag of one package's release PR (`separate-pull-requests`). */
export function releasePleaseLanePr(base: string, lane: LaneConfig, release: LaneRelease) {
  const pr = lane.releasePr ?? {};
  const component = pr.titleComponent ?? lane.component ?? '';
  return {
    branch: releasePleaseBranch(base, lane.component),
    title: releasePleaseTitle({
      pattern: pr.titlePattern,
      targetBranch: base,
      component,
      version: release.version,
      componentNoSpace: pr.componentNoSpace,
    }),
    body: releasePleaseBody([{ component, version: release.version, notes: release.changelog }], {
      header: pr.header,
      footer: pr.footer,
    }),
    draft: pr.draft ?? false,
  };
}

/**
 * A Java SNAPSHOT pull request of one package (release-please's Java.buildSnapshotPullRequest): titled with
 * release-please's default pattern, on the branch of the component it puts in titles (none when
 * `include-component-in-tag: false`), with the default header and footer and the SNAPSHOT notes.
 */
export function releasePleaseSnapshotPr(base: string, lane: LaneConfig, bump: SnapshotBump) {
  const component = lane.releasePr?.titleComponent ?? '';
  return {
    branch: releasePleaseBranch(base, component || undefined),
    title: releasePleaseTitle({ targetBranch: base, component, version: bump.version }),
    body: releasePleaseBody([{ component, version: bump.version, notes: SNAPSHOT_NOTES }]),
    draft: lane.releasePr?.draft ?? false,
  };
}

/**
 * The grouped PR (release-please's Merge plugin): the title pattern gets the root package's component and
 * version, header, footer and component-no-space come from the first package of the config, and the PR is a
 * draft only when every package's would be. SNAPSHOT bumps are entries like releases, with the SNAPSHOT notes.
 */
export function releasePleaseGroupedPr(
  base: string,
  lanes: readonly LaneConfig[],
  releases: readonly LaneRelease[],
  groupTitlePattern?: string,
  snapshots: readonly SnapshotBump[] = [],
) {
  const byLane = new Map<string, { version: string; notes: string }>([
    ...releases.map((r) => [r.lane, { version: r.version, notes: r.changelog }] as const),
    ...snapshots.map((b) => [b.lane, { version: b.version, notes: SNAPSHOT_NOTES }] as const),
  ]);
  const released = lanes.filter((l) => byLane.has(l.name));
  const root = released.find((l) => l.paths[0] === '.');
  const first = lanes[0]?.releasePr ?? {};
  const component = (l: LaneConfig) => l.releasePr?.titleComponent ?? l.component ?? '';
  return {
    branch: releasePleaseBranch(base),
    title: releasePleaseTitle({
      pattern: groupTitlePattern || DEFAULT_GROUP_PR_TITLE_PATTERN,
      targetBranch: base,
      ...(root ? { component: component(root), version: byLane.get(root.name)!.version } : {}),
      componentNoSpace: first.componentNoSpace,
    }),
    body: releasePleaseBody(
      released.map((l) => ({ component: component(l), ...byLane.get(l.name)! })),
      { header: first.header, footer: first.footer, useComponents: true },
    ),
    draft: released.every((l) => l.releasePr?.draft === true),
  };
}
