/**
 * app.yml (the manifest Probot's setup registers) and docs/app.md list the same permissions and events,
 * each with its justification, and every event the App listens to is subscribed.
 */
import { readFileSync } from 'node:fs';
import type { Probot } from 'probot';
import { parse } from 'yaml';
import { memoryJobQueue } from '../../src/adapters/queue/memory.js';
import { createApp } from '../../src/app.js';

const manifest = parse(readFileSync('app.yml', 'utf8')) as {
  default_events: string[];
  default_permissions: Record<string, string>;
};
const doc = readFileSync('docs/app.md', 'utf8');

/** Rows `| \`first\` | why |` of the markdown table whose header starts with `| <header>`. */
function table(header: string): Map<string, string> {
  const start = doc.indexOf(`| ${header}`);
  expect(start).toBeGreaterThan(-1);
  const rows = new Map<string, string>();
  for (const line of doc.slice(start).split('\n').slice(2)) {
    const m = /^\|\s*`([^`]+)`\s*\|\s*(.*?)\s*\|$/.exec(line);
    if (!m) break;
    rows.set(m[1]!, m[2]!);
  }
  return rows;
}

describe('app.yml ↔ docs/app.md', () => {
  it('the same permissions at the same levels, each justified', () => {
    const documented = table('Permission');
    const inManifest = Object.entries(manifest.default_permissions).map(([k, v]) => `${k}: ${v}`);
    expect([...documented.keys()].sort()).toEqual(inManifest.sort());
    for (const why of documented.values()) expect(why.length).toBeGreaterThan(10);
  });

  it('the same events, each justified; check_run is subscribed for the Re-run button', () => {
    const documented = table('Event');
    expect([...documented.keys()].sort()).toEqual([...manifest.default_events].sort());
    for (const why of documented.values()) expect(why.length).toBeGreaterThan(10);
    expect(manifest.default_events).toContain('check_run');
    expect(documented.get('check_run')).toContain('check_run.rerequested');
  });

  it('every event the App registers a handler for is subscribed', async () => {
    const registered: string[] = [];
    const app = {
      on: (names: string | string[]) => registered.push(...[names].flat()),
      log: { child: () => app.log, info() {}, warn() {}, debug() {}, error() {} },
    };
    const queue = memoryJobQueue();
    await createApp({ queue })(app as unknown as Probot, {} as never);
    await queue.close();
    expect(registered.length).toBeGreaterThan(0);
    for (const name of registered) expect(manifest.default_events).toContain(name.split('.')[0]);
  });
});
