/**
 * `GET /health` on Probot's server: 200 with the queue's counters as JSON, 503 when the queue's backend
 * (Redis) does not answer. For load balancers and container health checks; needs no authentication and
 * shows no repository names.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JobQueue } from '../ports/job-queue.js';

export const HEALTH_PATH = '/health';

export function healthHandler(queue: JobQueue) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== HEALTH_PATH || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
    let status = 200;
    let body: Record<string, unknown>;
    try {
      body = { status: 'ok', queue: await queue.stats() };
    } catch (e) {
      status = 503;
      body = { status: 'error', error: e instanceof Error ? e.message : String(e) };
    }
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : JSON.stringify(body));
    return true;
  };
}

/** Registers the route on Probot's server (`probot run`); a Probot without a server (tests) has none. */
export function handleHealthRoute(
  options: { addHandler?: (h: ReturnType<typeof healthHandler>) => void } | undefined,
  queue: JobQueue,
  log: { debug(msg: string): void },
): void {
  try {
    options?.addHandler?.(healthHandler(queue));
  } catch {
    log.debug(`release-lanes: no HTTP server, ${HEALTH_PATH} not served`);
  }
}
