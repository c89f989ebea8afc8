/**
 * release-please's release PR conventions for a release-please config: its labels (`label`,
 * `release-label`, `extra-label`, comma-separated as release-please splits them), the grouped PR title
 * pattern and `signoff`. Branch names, titles and bodies are rendered from this by
 * src/render/release-please-pr.ts.
 */
import type { ReleasePrStyle } from '../core/types.js';

/** release-please's src/manifest.ts DEFAULT_LABELS / DEFAULT_RELEASE_LABELS. */
export const RELEASE_PLEASE_PENDING_LABEL = 'autorelease: pending';
export const RELEASE_PLEASE_TAGGED_LABEL = 'autorelease: tagged';
/** release-please's DEFAULT_SNAPSHOT_LABELS: the label of a Java SNAPSHOT pull request. */
export const RELEASE_PLEASE_SNAPSHOT_LABEL = 'autorelease: snapshot';

const labels = (value: unknown): string[] | undefined =>
  typeof value === 'string' ? value.split(',').filter((l) => l !== '') : undefined;

/** A comma-separated label option (`snapshot-label`), as release-please splits it; empty = undefined. */
export const labelList = (value: unknown): string[] | undefined => nonEmpty(labels(value));

export function releasePleasePrStyle(raw: Record<string, unknown>): ReleasePrStyle {
  const style: ReleasePrStyle = {
    flavor: 'release-please',
    pendingLabels: nonEmpty(labels(raw.label)) ?? [RELEASE_PLEASE_PENDING_LABEL],
    taggedLabels: nonEmpty(labels(raw['release-label'])) ?? [RELEASE_PLEASE_TAGGED_LABEL],
    extraLabels: labels(raw['extra-label']) ?? [],
  };
  const group = raw['group-pull-request-title-pattern'];
  if (typeof group === 'string' && group !== '') style.groupTitlePattern = group;
  if (typeof raw.signoff === 'string' && raw.signoff !== '') style.signoff = raw.signoff;
  return style;
}

/** release-please's `labels || DEFAULT_LABELS`: an empty list falls back to the default. */
function nonEmpty(list: string[] | undefined): string[] | undefined {
  return list && list.length > 0 ? list : undefined;
}
