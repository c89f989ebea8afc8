/**
 * An in-memory repository + TagHost + ReleasePublisher for flow tests and the property test: commits
 * (files, first parent), tags, releases, every write recorded, failures injectable before any write.
 * It enforces the invariants itself: setting a version tag to another commit, or creating a tag or a
 * release twice, throws `InvariantViolation` (which no flow catches), so a test fails loudly.
 */
import { createHash } from 'node:crypto';
import { ReleaseLanesError } from '../../../src/errors.js';
import type { TagRef } from '../../../src/core/types.js';
import type {
  CreateTagInput,
  MoveTagInput,
  ReleaseInput,
  ReleasePublisher,
  TagHost,
  TreeQuery,
  TreeRead,
} from '../../../src/ports/tag-host.js';

export class InvariantViolation extends Error {}

export interface MemoryCommit {
  parent: string | null;
  files: Record<string, string>;
}

export interface Write {
  op: 'create' | 'move' | 'release';
  name: string;
  sha?: string;
  kind?: string;
}

export const fakeSha = (label: string): string => createHash('sha1').update(label).digest('hex');

export class MemoryRepo implements TagHost, ReleasePublisher {
  readonly commits = new Map<string, MemoryCommit>();
  readonly tags = new Map<string, { sha: string; message?: string; kind: string }>();
  readonly releases = new Map<string, ReleaseInput>();
  readonly writes: Write[] = [];
  /** Names ever created as version tags. */
  readonly versionTags = new Set<string>();
  reads = 0;
  /** Write attempts so far (for failure injection). */
  attempts = 0;
  /** Attempt numbers (1-based, global) that fail with RL403 before writing. */
  failAt = new Set<number>();
  private protectedNames = new Set<string>();
  private count = 0;

  commit(parent: string | null, files: Record<string, string | null>, label?: string): string {
    const base = parent ? { ...this.commits.get(parent)!.files } : {};
    for (const [k, v] of Object.entries(files)) {
      if (v === null) delete base[k];
      else base[k] = v;
    }
    const sha = fakeSha(label ?? `commit-${++this.count}`);
    this.commits.set(sha, { parent, files: base });
    return sha;
  }

  tagList(): TagRef[] {
    return [...this.tags].map(([name, t]) => ({ name, sha: t.sha }));
  }

  /** name → sha, sorted: the comparable final state. */
  state(): { tags: Record<string, string>; releases: Record<string, ReleaseInput> } {
    return {
      tags: Object.fromEntries(
        [...this.tags].sort(([a], [b]) => a.localeCompare(b)).map(([n, t]) => [n, t.sha]),
      ),
      releases: Object.fromEntries([...this.releases].sort(([a], [b]) => a.localeCompare(b))),
    };
  }

  private attempt(what: string): void {
    this.attempts++;
    if (this.failAt.has(this.attempts)) throw new ReleaseLanesError('RL403', `injected failure at ${what}`);
  }

  async read(q: TreeQuery): Promise<TreeRead> {
    this.reads++;
    const c = this.commits.get(q.ref ?? '');
    if (!c) throw new ReleaseLanesError('RL403', `no commit ${q.ref}`);
    const parent = c.parent ? this.commits.get(c.parent) : undefined;
    const files = Object.fromEntries(q.paths.map((p) => [p, c.files[p] ?? null]));
    const parentFiles = Object.fromEntries((q.parentPaths ?? []).map((p) => [p, parent?.files[p] ?? null]));
    return { files, parentFiles, ...(q.tags ? { tags: this.tagList() } : {}), sha: q.ref };
  }

  async createTag(t: CreateTagInput): Promise<'created' | 'exists'> {
    const at = this.tags.get(t.name);
    if (at) {
      if (at.sha === t.sha) return 'exists';
      throw new ReleaseLanesError(
        t.kind === 'version' ? 'RL300' : 'RL304',
        `${t.name} is at ${at.sha.slice(0, 7)}`,
      );
    }
    this.attempt(`create ${t.name}`);
    if (this.writes.some((w) => w.op === 'create' && w.name === t.name && w.kind === t.kind)) {
      throw new InvariantViolation(`tag ${t.name} created twice`);
    }
    this.tags.set(t.name, {
      sha: t.sha,
      kind: t.kind,
      ...(t.message !== undefined ? { message: t.message } : {}),
    });
    if (t.kind === 'version') this.versionTags.add(t.name);
    this.writes.push({ op: 'create', name: t.name, sha: t.sha, kind: t.kind });
    return 'created';
  }

  async moveTag(t: MoveTagInput): Promise<void> {
    if (t.kind === 'version' || this.protectedNames.has(t.name)) {
      throw new ReleaseLanesError('RL303', `refusing to move ${t.name}`);
    }
    if (this.versionTags.has(t.name)) throw new InvariantViolation(`version tag ${t.name} would move`);
    this.attempt(`move ${t.name}`);
    const existed = this.tags.has(t.name);
    this.tags.set(t.name, { sha: t.sha, kind: t.kind });
    this.writes.push({ op: existed ? 'move' : 'create', name: t.name, sha: t.sha, kind: t.kind });
  }

  protect(names: Iterable<string>): void {
    for (const n of names) this.protectedNames.add(n);
  }

  async ensureRelease(r: ReleaseInput): Promise<'created' | 'exists'> {
    if (this.releases.has(r.tag)) return 'exists';
    this.attempt(`release ${r.tag}`);
    if (!this.tags.has(r.tag)) throw new InvariantViolation(`release of ${r.tag} before its tag`);
    this.releases.set(r.tag, r);
    this.writes.push({ op: 'release', name: r.tag });
    return 'created';
  }
}
