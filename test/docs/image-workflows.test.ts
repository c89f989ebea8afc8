/**
 * The image workflows of docs/examples, one per seed: each is checked by GitHub's workflow parser, then a
 * push of every kind of tag its release-lanes config creates is run through it (jobs, conditions, matrix,
 * the `run:` steps computing outputs, docker/metadata-action) and the resulting image tags are asserted.
 * Tag names are rendered from the configs in docs/examples with the tag engine, so a config change that
 * the workflow does not follow fails here.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/config/index.js';
import { renderTemplate, sanitizeBranch } from '../../src/core/tags/index.js';
import { DEFAULT_SHORT_SHA_LENGTH } from '../../src/core/tags/plan-snapshot.js';
import { createTestRepo, type TestRepo } from '../helpers/git-repo.js';
import { lintWorkflow, loadWorkflow, pushTag, type JobRun, type Workflow } from './helpers/run-workflow.js';

const path = (name: string) => fileURLToPath(new URL(`../../docs/examples/${name}`, import.meta.url));
const config = (name: string) =>
  loadConfig({ releaseLanesYml: readFileSync(path(`${name}.yml`), 'utf8') }).config;

const SHA = '631609e5a1234567890abcdef1234567890abcde';
const DOCKER_TAG = /^[\w][\w.-]{0,127}$/;

let repo: TestRepo;
beforeAll(() => {
  repo = createTestRepo('rl-image-wf-');
  repo.commit('feat: first');
});
afterAll(() => repo.cleanup());

/** Image refs pushed by a tag push, over all jobs and matrix entries, checking how each job builds. */
function imagesFor(workflow: Workflow, tag: string): string[] {
  const runs = pushTag(workflow, tag, { cwd: repo.dir });
  for (const run of runs.filter((r) => r.imageTags.length > 0)) expectMultiArchPush(run);
  return runs.flatMap((r) => r.imageTags).sort();
}

function expectMultiArchPush(run: JobRun): void {
  const uses = run.steps.map((s) => s.uses?.replace(/@.*/, ''));
  const build = run.steps.find((s) => s.uses?.startsWith('docker/build-push-action@'));
  expect(build).toBeDefined();
  expect(build!.with.platforms).toBe('linux/amd64,linux/arm64');
  expect(build!.with.push).toBe('true');
  // the build pushes exactly what metadata-action computed
  expect((build!.with.tags ?? '').split('\n')).toEqual(run.imageTags);
  expect(uses.indexOf('docker/setup-qemu-action')).toBeGreaterThan(-1);
  expect(uses.indexOf('docker/setup-qemu-action')).toBeLessThan(uses.indexOf('docker/build-push-action'));
  expect(uses.indexOf('docker/setup-buildx-action')).toBeLessThan(uses.indexOf('docker/build-push-action'));
  for (const ref of run.imageTags) expect(ref.slice(ref.lastIndexOf(':') + 1)).toMatch(DOCKER_TAG);
}

describe.each(['wegent', 'pytmbot', 'lattice', 'wallos'])('docs/examples/%s-image.yml', (seed) => {
  it('passes GitHub’s workflow parser', () => {
    expect(lintWorkflow(path(`${seed}-image.yml`))).toEqual([]);
  });

  it('never lets metadata-action add `latest` on its own (flavor latest=false everywhere)', () => {
    const wf = loadWorkflow(path(`${seed}-image.yml`));
    const metas = Object.values(wf.jobs).flatMap((j) =>
      j.steps.filter((s) => s.uses?.startsWith('docker/metadata-action@')),
    );
    expect(metas.length).toBeGreaterThan(0);
    for (const m of metas) expect(m.with?.flavor).toBe('latest=false');
  });
});

describe('the workflow parser reports a broken workflow', () => {
  it('an unknown key and a job without steps are errors', () => {
    const dir = createTestRepo('rl-bad-wf-');
    dir.write({ 'bad.yml': 'on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    step: []\n' });
    expect(lintWorkflow(`${dir.dir}/bad.yml`).length).toBeGreaterThan(0);
    dir.cleanup();
  });
});

describe('wegent: eight images in lockstep', () => {
  const wf = loadWorkflow(path('wegent-image.yml'));
  const c = config('wegent');
  const image = (lane: string, tag: string) => `ghcr.io/wecode-ai/wegent-${lane}:${tag}`;
  const all = (tag: string) => c.lanes.map((l) => image(l.name, tag)).sort();

  it('builds every lane of the config, each from its own path', () => {
    const runs = pushTag(wf, '1.4.0', { cwd: repo.dir });
    expect(runs.map((r) => r.matrix)).toEqual(c.lanes.map((l) => ({ image: l.name, context: l.paths[0] })));
    for (const r of runs) {
      expect(r.steps.find((s) => s.uses?.startsWith('docker/build-push-action@'))!.with.context).toBe(
        r.matrix.context,
      );
    }
  });

  it('a version tag gives the version only; `latest` only on a push of `latest`', () => {
    const version = renderTemplate(c.lanes[0]!.tag, { version: '1.4.0' });
    expect(version).toBe('1.4.0');
    expect(imagesFor(wf, version)).toEqual(all('1.4.0'));
    expect(imagesFor(wf, 'latest')).toEqual(all('latest'));
  });

  it('main snapshots: the commit tag, then `main` and `edge`, each as itself', () => {
    const snap = c.lanes[0]!.tagPolicy!.snapshot!.branches.main!;
    const commit = renderTemplate(snap.commit!, { shortsha: SHA.slice(0, DEFAULT_SHORT_SHA_LENGTH) });
    expect(commit).toBe('main-631609e5a123');
    expect(imagesFor(wf, commit)).toEqual(all('main-631609e5a123'));
    for (const moving of snap.moving) expect(imagesFor(wf, moving)).toEqual(all(moving));
  });

  it('other tags build nothing', () => {
    expect(imagesFor(wf, 'main-xyz')).toEqual([]);
    expect(imagesFor(wf, 'feature')).toEqual([]);
  });
});

describe('pytmbot: immutable versions, a supported line, dated rebuilds, edge images', () => {
  const wf = loadWorkflow(path('pytmbot-image.yml'));
  const [lane] = config('pytmbot').lanes;
  const policy = lane!.tagPolicy!;
  const image = (...tags: string[]) => tags.map((t) => `orenlab/pytmbot:${t}`).sort();
  const dated = (minor: number) => renderTemplate(policy.rebuild!.tag, { major: 0, minor, date: '20261130' });

  beforeAll(() => {
    for (const t of ['0.2.5', '0.3.0', '0.3.1', '0.4.0-rc.1']) repo.tag(t);
  });

  it('a version tag gives only the exact release (end-of-life lines too)', () => {
    expect(imagesFor(wf, renderTemplate(lane!.tag, { version: '0.3.1' }))).toEqual(image('0.3.1'));
    expect(imagesFor(wf, '0.2.5')).toEqual(image('0.2.5'));
  });

  it('a moved channel tag gives that channel only', () => {
    for (const t of policy.channels.map((ch) => renderTemplate(ch.tag, { major: 0, minor: 3 }))) {
      expect(imagesFor(wf, t)).toEqual(image(t));
    }
    expect(policy.channels.map((ch) => ch.tag)).toEqual(['{major}.{minor}', 'stable', 'latest']);
  });

  it('0.3-r20261130 while 0.3 is the newest line: the dated tag, 0.3, stable and latest', () => {
    expect(dated(3)).toBe('0.3-r20261130');
    expect(imagesFor(wf, dated(3))).toEqual(image('0.3-r20261130', '0.3', 'stable', 'latest'));
  });

  it('once 0.4.0 is out: 0.3-r… refreshes 0.3 only, 0.4-r… carries stable and latest', () => {
    repo.tag('0.4.0');
    expect(imagesFor(wf, dated(3))).toEqual(image('0.3-r20261130', '0.3'));
    expect(imagesFor(wf, dated(4))).toEqual(image('0.4-r20261130', '0.4', 'stable', 'latest'));
  });

  it('before the first release (no version tag), a snapshot still builds', () => {
    const empty = createTestRepo('rl-image-wf-empty-');
    empty.commit('feat: first');
    const runs = pushTag(wf, 'edge-sha-' + SHA, { cwd: empty.dir });
    empty.cleanup();
    expect(runs.flatMap((r) => r.imageTags)).toEqual(image(`edge-sha-${SHA}`));
  });

  it('development images keep their name; a branch name is sanitised by release-lanes first', () => {
    const other = policy.snapshot!.otherBranches!;
    const moving = renderTemplate(other.moving[0]!, { branch: sanitizeBranch('feature/login') });
    const commit = renderTemplate(other.commit!, { sha: SHA });
    expect(imagesFor(wf, moving)).toEqual(image('edge-feature-login'));
    expect(imagesFor(wf, commit)).toEqual(image(`edge-sha-${SHA}`));
  });
});

describe('lattice: a pattern per lane prefix, agent binaries on the Release', () => {
  const wf = loadWorkflow(path('lattice-image.yml'));
  const c = config('lattice');
  const tagOf = (lane: string, version: string) =>
    renderTemplate(c.lanes.find((l) => l.name === lane)!.tag, { version });
  const jobsFor = (tag: string) => [...new Set(pushTag(wf, tag, { cwd: repo.dir }).map((r) => r.job))];

  it('server-v… → lattice-server:<version>, prereleases included, no `latest` on a version push', () => {
    expect(imagesFor(wf, tagOf('server', '0.5.0'))).toEqual(['ghcr.io/latticenet/lattice-server:0.5.0']);
    expect(imagesFor(wf, tagOf('server', '0.6.0-alpha.1'))).toEqual([
      'ghcr.io/latticenet/lattice-server:0.6.0-alpha.1',
    ]);
    expect(jobsFor(tagOf('server', '0.5.0'))).toEqual(['server-image']);
  });

  it('the server channels: `latest` and `alpha` as themselves', () => {
    const channels = c.lanes.find((l) => l.name === 'server')!.tagPolicy!.channels.map((ch) => ch.tag);
    for (const ch of channels) expect(imagesFor(wf, ch)).toEqual([`ghcr.io/latticenet/lattice-server:${ch}`]);
  });

  it.each([['agent-v0.3.0'], ['agent/v0.3.0']])('%s → lattice-agent:0.3.0 and the Release assets', (tag) => {
    expect(imagesFor(wf, tag)).toEqual(['ghcr.io/latticenet/lattice-agent:0.3.0']);
    const runs = pushTag(wf, tag, { cwd: repo.dir });
    expect(runs.map((r) => `${r.job} ${r.matrix.arch ?? ''}`.trim())).toEqual([
      'agent-image',
      'agent-binaries amd64',
      'agent-binaries arm64',
      'agent-release-assets',
    ]);
    for (const r of runs.filter((x) => x.job === 'agent-binaries')) {
      const build = r.steps.find((s) => s.run?.includes('go build'))!;
      expect(build.env).toMatchObject({ GOOS: 'linux', GOARCH: r.matrix.arch, VERSION: '0.3.0' });
      expect(build.run).toContain('-X main.version=$VERSION');
    }
    const upload = runs
      .find((r) => r.job === 'agent-release-assets')!
      .steps.map((s) => s.run ?? '')
      .join('\n');
    expect(upload).toContain('sha256sum lattice-agent-linux-amd64 lattice-agent-linux-arm64 > SHA256SUMS');
    expect(upload).toMatch(
      /gh release upload "\$GITHUB_REF_NAME" lattice-agent-linux-amd64 lattice-agent-linux-arm64 SHA256SUMS/,
    );
  });

  it('the config’s agent tag is one of them', () => {
    expect(tagOf('agent', '0.3.0')).toBe('agent-v0.3.0');
  });

  it('sdk, docs and plugin-index tags start nothing (no image named after the sdk’s version)', () => {
    for (const lane of ['sdk', 'docs', 'plugin-index']) expect(jobsFor(tagOf(lane, '2.0.0'))).toEqual([]);
  });
});

describe('wallos: v1.2.3 and latest', () => {
  const wf = loadWorkflow(path('wallos-image.yml'));
  const [lane] = config('wallos').lanes;

  it('v1.2.3 → 1.2.3 only; `latest` on a push of `latest`', () => {
    expect(imagesFor(wf, renderTemplate(lane!.tag, { version: '1.2.3' }))).toEqual(['bellamy/wallos:1.2.3']);
    expect(lane!.tagPolicy!.channels.map((ch) => ch.tag)).toEqual(['latest']);
    expect(imagesFor(wf, 'latest')).toEqual(['bellamy/wallos:latest']);
  });

  it('other tags start nothing', () => {
    expect(imagesFor(wf, 'stable')).toEqual([]);
    expect(imagesFor(wf, 'v1.2')).toEqual([]);
  });
});
