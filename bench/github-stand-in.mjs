/* global setTimeout */
/**
 * A GitHub stand-in for the webhook bench: an HTTP server holding `repos` repositories in memory (no git, no
 * disk), each a two-lane npm monorepo (`sdk`, `server` depending on it) with a real `.github/release-lanes.yml`,
 * a manifest, released tags and `commits` conventional commits since. It answers what the App asks while
 * planning and opening a release PR: the installation token, the GraphQL reads (bootstrap, history, release
 * state) and the writes (trees, commits, refs, pull requests, labels, check runs), and it records when each
 * repository's release PR was opened. The answers follow test/handlers/helpers/fake-github.ts (which the
 * suite checks against real git), without its git processes: the bench measures the App, not the stand-in.
 *
 * Run as a child process of bench/webhooks.mjs (so that GitHub's work does not share the App's event loop):
 * it also sends the signed deliveries and times their answers.
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';

const json = (x) => `${JSON.stringify(x, null, 2)}\n`;
const sha = (s) => createHash('sha1').update(s).digest('hex');

const CONFIG = `lanes:
  - name: sdk
    path: packages/sdk
    tag: sdk-v{version}
    version-files:
      - { kind: package-json, path: packages/sdk/package.json }
  - name: server
    path: packages/server
    tag: server-v{version}
    depends-on: [sdk]
    version-files:
      - { kind: package-json, path: packages/server/package.json }
`;

function lockfile(sdk, server) {
  return json({
    name: 'mono',
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': { name: 'mono', workspaces: ['packages/*'] },
      'node_modules/@acme/sdk': { resolved: 'packages/sdk', link: true },
      'node_modules/@acme/server': { resolved: 'packages/server', link: true },
      'packages/sdk': { name: '@acme/sdk', version: sdk },
      'packages/server': { name: '@acme/server', version: server, dependencies: { '@acme/sdk': `^${sdk}` } },
    },
  });
}

/** One repository: blobs, trees (path → blob oid), commits, refs, pull requests, labels. */
function createRepo(owner, name, commits) {
  const blobs = new Map();
  const trees = new Map();
  const commitsById = new Map();
  const refs = new Map();
  let clock = Date.parse('2024-01-01T00:00:00Z');
  const blob = (text) => {
    const oid = sha(`blob ${text}`);
    blobs.set(oid, text);
    return oid;
  };
  const tree = (entries) => {
    const oid = sha(`tree ${[...entries].map(([p, o]) => `${p} ${o}`).join('\n')}`);
    trees.set(oid, entries);
    return oid;
  };
  const commit = (message, treeOid, parents, files) => {
    clock += 60_000;
    const oid = sha(`commit ${treeOid} ${parents.join(' ')} ${message} ${clock}`);
    commitsById.set(oid, {
      oid,
      message,
      committedDate: new Date(clock).toISOString(),
      author: { name: 'Dev', user: null },
      parents: { nodes: parents.map((p) => ({ oid: p })) },
      changedFilesIfAvailable: files.length,
      tree: treeOid,
      files,
    });
    return oid;
  };
  const change = (message, files) => {
    const parent = refs.get('refs/heads/main');
    const entries = new Map(parent ? trees.get(commitsById.get(parent).tree) : []);
    for (const [p, text] of Object.entries(files)) entries.set(p, blob(text));
    const oid = commit(message, tree(entries), parent ? [parent] : [], Object.keys(files));
    refs.set('refs/heads/main', oid);
    return oid;
  };
  change('chore: initial', {
    '.github/release-lanes.yml': CONFIG,
    '.release-lanes-manifest.json': json({ sdk: '1.3.0', server: '0.4.0' }),
    'package.json': json({ name: 'mono', private: true, workspaces: ['packages/*'] }),
    'package-lock.json': lockfile('1.3.0', '0.4.0'),
    'packages/sdk/package.json': json({ name: '@acme/sdk', version: '1.3.0' }),
    'packages/sdk/CHANGELOG.md': '# Changelog\n\n## 1.3.0 (2024-01-01)\n\n* old sdk entry\n',
    'packages/server/package.json': json({
      name: '@acme/server',
      version: '0.4.0',
      dependencies: { '@acme/sdk': '^1.3.0' },
    }),
    'packages/server/CHANGELOG.md': '# Changelog\n\n## 0.4.0 (2024-01-01)\n\n* old server entry\n',
  });
  refs.set('refs/tags/sdk-v1.3.0', refs.get('refs/heads/main'));
  refs.set('refs/tags/server-v0.4.0', refs.get('refs/heads/main'));
  for (let k = 0; k < commits; k++) {
    const lane = k % 2 ? 'server' : 'sdk';
    change(`${k % 3 ? 'fix' : 'feat'}(${lane}): change ${k}`, {
      [`packages/${lane}/src/f${k}.ts`]: `export const v = ${k};\n`,
    });
  }
  const initialRefs = new Map(refs);
  return {
    owner,
    name,
    blobs,
    trees,
    commitsById,
    refs,
    prs: [],
    labels: new Set(),
    checkRuns: [],
    blob,
    tree,
    commit,
    head: () => refs.get('refs/heads/main'),
    /** Back to the released state plus the commits: no release branch, pull request or label. */
    reset() {
      refs.clear();
      for (const [k, v] of initialRefs) refs.set(k, v);
      this.prs.length = 0;
      this.labels.clear();
      this.checkRuns.length = 0;
    },
  };
}

/** `<rev>:<path>` or `<rev>` → a GraphQL object node (Blob with text / Tree / Commit) or null. */
function resolve(repo, expr, withText) {
  const i = expr.indexOf(':');
  const rev = i < 0 ? expr : expr.slice(0, i);
  const path = i < 0 ? null : expr.slice(i + 1);
  const oid =
    repo.refs.get(rev) ??
    repo.refs.get(`refs/heads/${rev}`) ??
    repo.refs.get(`refs/tags/${rev}`) ??
    (repo.commitsById.has(rev) ? rev : null);
  if (!oid) return null;
  const c = repo.commitsById.get(oid);
  if (path === null) return { __typename: 'Commit', oid };
  const entries = repo.trees.get(c.tree);
  const b = entries.get(path);
  if (b) {
    return withText
      ? { __typename: 'Blob', oid: b, text: repo.blobs.get(b), isTruncated: false, isBinary: false }
      : { __typename: 'Blob', oid: b };
  }
  for (const p of entries.keys()) if (p.startsWith(`${path}/`)) return { __typename: 'Tree', oid: sha(path) };
  return null;
}

/** First-parent history from `head` touching `path` ('' = all). */
function log(repo, head, path) {
  const out = [];
  for (let oid = head; oid; ) {
    const c = repo.commitsById.get(oid);
    if (!c) break;
    if (path === '' || c.files.some((f) => f === path || f.startsWith(`${path}/`))) out.push(c);
    oid = c.parents.nodes[0]?.oid;
  }
  return out;
}

const node = (c) => ({
  oid: c.oid,
  message: c.message,
  committedDate: c.committedDate,
  author: c.author,
  parents: c.parents,
  changedFilesIfAvailable: c.changedFilesIfAvailable,
});

function graphql(repo, { query, variables: v }) {
  const op = /query (\w+)/.exec(query)?.[1];
  const r = {};
  if (op === 'releaseLanesViewer') return [200, { data: { viewer: { login: 'release-lanes[bot]' } } }];
  if (op === 'releaseLanesBootstrap' || op === 'releaseLanesFile' || op === 'releaseLanesTags') {
    if (op === 'releaseLanesBootstrap') {
      const oid = repo.refs.get(v.qualified);
      r.branch = oid ? { target: { oid } } : null;
      if (/\breleasePrs: pullRequests\(/.test(query)) {
        r.releasePrs = {
          nodes: repo.prs
            .filter((p) => p.state === 'open' && p.labels.some((l) => v.labels.includes(l)))
            .map((p) => ({ headRefName: p.head, isCrossRepository: false, body: p.body })),
        };
      }
    }
    for (const k of Object.keys(v))
      if (/^e\d+$/.test(k) && v[k]) r[`f${k.slice(1)}`] = resolve(repo, v[k], true);
    if (op !== 'releaseLanesFile') {
      const nodes = [...repo.refs]
        .filter(([ref]) => ref.startsWith('refs/tags/'))
        .map(([ref, oid]) => ({
          name: ref.slice('refs/tags/'.length),
          target: { __typename: 'Commit', oid },
        }));
      r.tags = { pageInfo: { hasNextPage: false, endCursor: null }, nodes };
    }
  } else if (op === 'releaseLanesHistory') {
    const head = {};
    for (const m of query.matchAll(/\bs(\d+): history\(/g)) {
      const i = m[1];
      const since = v[`si${i}`] ? Date.parse(v[`si${i}`]) : -Infinity;
      const until = v[`un${i}`] ? Date.parse(v[`un${i}`]) : Infinity;
      const all = log(repo, v.head, v[`p${i}`] ?? '').filter((c) => {
        const t = Date.parse(c.committedDate);
        return t >= since && t <= until;
      });
      const offset = Number(v[`c${i}`] ?? 0);
      const page = all.slice(offset, offset + 100);
      head[`s${i}`] = {
        pageInfo: { hasNextPage: offset + 100 < all.length, endCursor: String(offset + page.length) },
        nodes: page.map(node),
      };
    }
    if (Object.keys(head).length > 0) r.head = head;
    for (const m of query.matchAll(/\ba(\d+): object\(/g)) {
      const i = m[1];
      const c = repo.commitsById.get(v[`b${i}`]);
      if (!c) {
        r[`a${i}`] = null;
        continue;
      }
      const q = v[`q${i}`];
      r[`a${i}`] = {
        oid: c.oid,
        committedDate: c.committedDate,
        ...(q
          ? {
              history: {
                nodes: log(repo, c.oid, q)
                  .slice(0, 1)
                  .map((x) => ({ oid: x.oid })),
              },
            }
          : {}),
      };
    }
  } else if (op === 'releaseLanesState') {
    const base = repo.commitsById.get(v.base);
    r.base = base ? { tree: { oid: base.tree } } : null;
    for (const [k, val] of Object.entries(v)) {
      if (val === null) continue;
      if (/^r\d+$/.test(k)) r[k] = resolve(repo, val, true);
      else if (/^c\d+$|^h\d+f\d+$/.test(k)) {
        const n = resolve(repo, val, false);
        r[k] = n?.__typename === 'Blob' ? n : null;
      } else if (/^h\d+$/.test(k)) {
        const oid = repo.refs.get(val);
        r[k] = oid ? { target: { oid, parents: repo.commitsById.get(oid).parents } } : null;
      } else if (/^n\d+$/.test(k)) {
        r[`p${k.slice(1)}`] = {
          nodes: repo.prs
            .filter((p) => p.state === 'open' && p.head === val)
            .map((p) => ({
              number: p.number,
              title: p.title,
              body: p.body,
              url: `https://github.com/${repo.owner}/${repo.name}/pull/${p.number}`,
              headRefName: p.head,
              isCrossRepository: false,
              author: { __typename: 'Bot', login: 'release-lanes' },
              labels: { nodes: p.labels.map((name) => ({ name })) },
            })),
        };
      } else if (/^l\d+$/.test(k)) r[k] = repo.labels.has(val) ? { id: `L_${val}` } : null;
    }
  } else {
    return [200, { errors: [{ message: `stand-in: unknown operation ${op}` }] }];
  }
  return [200, { data: { repository: r } }];
}

const restPr = (repo, p) => ({
  number: p.number,
  title: p.title,
  body: p.body,
  state: p.state,
  html_url: `https://github.com/${repo.owner}/${repo.name}/pull/${p.number}`,
  user: { login: 'release-lanes[bot]', type: 'Bot' },
  head: { ref: p.head },
  base: { ref: p.base },
  labels: p.labels.map((name) => ({ name })),
});

function rest(repo, method, p, body, query, onPr) {
  let m;
  if (method === 'GET' && p === '')
    return [200, { full_name: `${repo.owner}/${repo.name}`, default_branch: 'main' }];
  if (method === 'GET' && (m = /^\/git\/blobs\/([0-9a-f]+)$/.exec(p))) {
    const text = repo.blobs.get(m[1]);
    return text === undefined
      ? [404, { message: 'Not Found' }]
      : [200, { sha: m[1], encoding: 'base64', content: Buffer.from(text).toString('base64') }];
  }
  if (method === 'POST' && p === '/git/trees') {
    const base = repo.trees.get(body.base_tree) ?? new Map();
    const entries = new Map(base);
    for (const e of body.tree) {
      if (e.sha === null) entries.delete(e.path);
      else entries.set(e.path, e.sha ?? repo.blob(e.content));
    }
    return [201, { sha: repo.tree(entries) }];
  }
  if (method === 'POST' && p === '/git/commits') {
    return [201, { sha: repo.commit(String(body.message), body.tree, body.parents, []) }];
  }
  if (method === 'POST' && p === '/git/refs') {
    if (repo.refs.has(body.ref)) return [422, { message: 'Reference already exists' }];
    repo.refs.set(body.ref, body.sha);
    return [201, { ref: body.ref, object: { sha: body.sha } }];
  }
  if ((m = /^\/git\/refs\/(.+)$/.exec(p)) && (method === 'PATCH' || method === 'DELETE')) {
    const ref = `refs/${m[1]}`;
    if (!repo.refs.has(ref)) return [422, { message: 'Reference does not exist' }];
    if (method === 'DELETE') {
      repo.refs.delete(ref);
      return [204, ''];
    }
    repo.refs.set(ref, body.sha);
    return [200, { ref, object: { sha: body.sha } }];
  }
  if (method === 'POST' && p === '/pulls') {
    const head = String(body.head);
    if (repo.prs.some((x) => x.state === 'open' && x.head === head)) {
      return [422, { message: 'Validation Failed', errors: [{ message: 'A pull request already exists' }] }];
    }
    const pr = {
      number: repo.prs.length + 100,
      title: String(body.title),
      body: String(body.body ?? ''),
      head,
      base: String(body.base),
      state: 'open',
      labels: [...(body.labels ?? [])],
    };
    repo.prs.push(pr);
    onPr(repo);
    return [201, restPr(repo, pr)];
  }
  if (method === 'GET' && p === '/pulls') {
    const head = (query.get('head') ?? '').split(':').pop();
    return [200, repo.prs.filter((x) => x.state === 'open' && x.head === head).map((x) => restPr(repo, x))];
  }
  if ((m = /^\/pulls\/(\d+)$/.exec(p)) && method === 'PATCH') {
    const pr = repo.prs.find((x) => x.number === Number(m[1]));
    if (!pr) return [404, { message: 'Not Found' }];
    Object.assign(pr, {
      ...(typeof body.title === 'string' ? { title: body.title } : {}),
      ...(typeof body.body === 'string' ? { body: body.body } : {}),
      ...(body.state === 'closed' ? { state: 'closed' } : {}),
    });
    return [200, restPr(repo, pr)];
  }
  if ((m = /^\/issues\/(\d+)\/labels$/.exec(p)) && method === 'POST') {
    const pr = repo.prs.find((x) => x.number === Number(m[1]));
    for (const l of body.labels) {
      repo.labels.add(l);
      if (pr && !pr.labels.includes(l)) pr.labels.push(l);
    }
    return [200, (pr?.labels ?? []).map((name) => ({ name }))];
  }
  if ((m = /^\/issues\/(\d+)\/comments$/.exec(p)) && method === 'POST')
    return [201, { id: 1, body: body.body }];
  if (method === 'POST' && p === '/labels') {
    if (repo.labels.has(body.name)) {
      return [422, { message: 'Validation Failed', errors: [{ resource: 'Label', code: 'already_exists' }] }];
    }
    repo.labels.add(body.name);
    return [201, { name: body.name }];
  }
  if (method === 'POST' && p === '/check-runs') {
    repo.checkRuns.push(body);
    return [201, { id: repo.checkRuns.length }];
  }
  return [404, { message: `stand-in: no route for ${method} ${p}` }];
}

/**
 * The stand-in for `count` repositories `acme/repo-000`…, each with its own installation when
 * `installations` is 'per-repo' (else all in installation 1).
 */
export function createGitHubStandIn({ count, commits = 3, installations = 'per-repo' }) {
  const repos = Array.from({ length: count }, (_, i) =>
    createRepo('acme', `repo-${String(i).padStart(3, '0')}`, commits),
  );
  const byName = new Map(repos.map((r) => [`${r.owner}/${r.name}`, r]));
  let prTimes = [];
  let requestTimes = [];
  let unknown = 0;
  const onPr = () => prTimes.push(performance.now());
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      requestTimes.push(performance.now());
      const url = new URL(req.url, 'http://stand-in');
      const path = decodeURIComponent(url.pathname);
      const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
      let reply;
      let m;
      if (/^\/app\/installations\/\d+\/access_tokens$/.test(path)) {
        const expires = new Date(Date.now() + 3600_000).toISOString();
        reply = [
          201,
          { token: 'ghs_bench', expires_at: expires, permissions: {}, repository_selection: 'all' },
        ];
      } else if (path === '/user') {
        reply = [403, { message: 'Resource not accessible by integration' }];
      } else if (path === '/graphql') {
        const repo = byName.get(`${body.variables?.owner}/${body.variables?.repo}`);
        reply = repo ? graphql(repo, body) : graphql(repos[0], body);
      } else if ((m = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(path)) && byName.has(`${m[1]}/${m[2]}`)) {
        reply = rest(byName.get(`${m[1]}/${m[2]}`), req.method, m[3] ?? '', body, url.searchParams, onPr);
      } else {
        reply = [404, { message: `stand-in: no route for ${req.method} ${path}` }];
      }
      if (reply[0] === 404 || reply[1]?.errors) unknown++;
      res.writeHead(reply[0], { 'content-type': 'application/json' });
      res.end(reply[1] === '' ? '' : JSON.stringify(reply[1]));
    });
  });
  return {
    repos,
    server,
    installationOf: (i) => (installations === 'per-repo' ? 1000 + i : 1),
    reset() {
      for (const r of repos) r.reset();
      prTimes = [];
      requestTimes = [];
      unknown = 0;
    },
    prTimes: () => prTimes,
    requestTimes: () => requestTimes,
    unknownRequests: () => unknown,
  };
}

export function pushExample() {
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve('@octokit/webhooks-examples/package.json'));
  const defs = JSON.parse(readFileSync(join(dir, 'api.github.com', 'index.json'), 'utf8'));
  return defs
    .find((d) => d.name === 'push')
    .examples.find((e) => e.installation && String(e.ref).startsWith('refs/heads/'));
}

/** A push of `main` of `repo` (webhooks-examples push, adapted: ~7.6 KB as GitHub sends it). */
export function pushPayload(example, repo, installationId) {
  const after = repo.head();
  return {
    ...example,
    ref: 'refs/heads/main',
    before: repo.commitsById.get(after).parents.nodes[0]?.oid ?? '0'.repeat(40),
    after,
    created: false,
    deleted: false,
    installation: { ...example.installation, id: installationId },
    repository: {
      ...example.repository,
      name: repo.name,
      full_name: `${repo.owner}/${repo.name}`,
      owner: { ...example.repository.owner, login: repo.owner, name: repo.owner },
      default_branch: 'main',
      master_branch: 'main',
    },
    head_commit: { ...example.head_commit, id: after, message: repo.commitsById.get(after).message },
  };
}

/** POSTs one signed delivery; resolves with the ms until the answer ended. */
function deliver(agent, target, secret, body, event = 'push') {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = request(
      `${target}/api/github/webhooks`,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'x-github-event': event,
          'x-github-delivery': randomUUID(),
          'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode >= 300
            ? reject(new Error(`delivery answered ${res.statusCode}`))
            : resolve(performance.now() - t0),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

// Child-process entry: `node bench/github-stand-in.mjs` driven over IPC by bench/webhooks.mjs.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()) && process.send) {
  const opts = JSON.parse(process.env.STAND_IN ?? '{}');
  const standIn = createGitHubStandIn(opts);
  const example = pushExample();
  // One connection per delivery, as GitHub's deliveries arrive.
  const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
  await new Promise((r) => standIn.server.listen(0, '127.0.0.1', r));
  process.send({ type: 'ready', url: `http://127.0.0.1:${standIn.server.address().port}` });
  process.on('message', async (msg) => {
    if (msg.type === 'round') {
      standIn.reset();
      // Bodies are built and signed before the clock starts.
      const bodies = standIn.repos.map((r, i) =>
        JSON.stringify(pushPayload(example, r, standIn.installationOf(i))),
      );
      const t0 = performance.now();
      const times = await Promise.all(bodies.map((b) => deliver(agent, msg.target, msg.secret, b)));
      // API requests of the jobs that reached GitHub before the burst's last answer (job work that ran
      // while deliveries were still waiting for theirs).
      const answered = t0 + Math.max(...times);
      const during = standIn.requestTimes().filter((t) => t < answered).length;
      let prs = null;
      if (msg.waitForPrs) {
        const deadline = t0 + msg.waitForPrs;
        while (standIn.prTimes().length < standIn.repos.length && performance.now() < deadline) {
          await new Promise((r) => setTimeout(r, 20));
        }
        const t = standIn.prTimes();
        prs = { count: t.length, lastMs: t.length ? Math.max(...t) - t0 : null };
      }
      process.send({ type: 'round', times, prs, during, unknown: standIn.unknownRequests() });
    } else if (msg.type === 'exit') {
      process.exit(0);
    }
  });
}
