/**
 * `npm start` before Probot: GitHub cannot deliver webhooks to `http://localhost:3000/`, so a local App
 * needs a webhook proxy (smee.io). Probot's setup registers the App with `hook_url = WEBHOOK_PROXY_URL`
 * when it is set, and `probot run` forwards the proxy's events to the local server (smee-client).
 * - setup mode (no APP_ID or private key), not production, no proxy: create a smee channel and write
 *   `WEBHOOK_PROXY_URL` to .env before the setup page opens; if that fails, stop with RL230 rather than
 *   let the setup register an App GitHub cannot reach;
 * - credentials but no proxy, not production: a hint (a deployed App has a public webhook URL instead);
 * - production (NODE_ENV=production), Glitch (PROJECT_DOMAIN) or NO_SMEE_SETUP=true: nothing.
 */
import { ReleaseLanesError } from '../errors.js';

export type ProxyStep =
  | { kind: 'none' }
  | { kind: 'forward'; url: string }
  | { kind: 'create-channel' }
  | { kind: 'hint'; message: string };

type Env = Readonly<Record<string, string | undefined>>;

export function webhookProxyStep(env: Env): ProxyStep {
  if (env.NODE_ENV === 'production' || env.PROJECT_DOMAIN || env.NO_SMEE_SETUP === 'true') {
    return { kind: 'none' };
  }
  if (env.WEBHOOK_PROXY_URL) return { kind: 'forward', url: env.WEBHOOK_PROXY_URL };
  const setupMode = !env.APP_ID || !(env.PRIVATE_KEY || env.PRIVATE_KEY_PATH);
  if (setupMode) return { kind: 'create-channel' };
  return {
    kind: 'hint',
    message:
      'WEBHOOK_PROXY_URL is not set: GitHub delivers this App’s webhooks to its registered webhook URL, not to localhost. ' +
      'For local development set WEBHOOK_PROXY_URL in .env to the smee.io URL the App’s webhook points at (docs/app.md).',
  };
}

export interface ProxyIO {
  env: Env;
  /** A new smee.io channel URL (smee-client's `SmeeClient.createChannel`). */
  createChannel(): Promise<string>;
  /** Persists `WEBHOOK_PROXY_URL` (in .env) for Probot. */
  saveProxyUrl(url: string): void;
  log(line: string): void;
}

export async function ensureWebhookProxy(io: ProxyIO): Promise<ProxyStep> {
  const step = webhookProxyStep(io.env);
  if (step.kind === 'forward') io.log(`Webhooks from ${step.url} are forwarded to this server.`);
  if (step.kind === 'hint') io.log(step.message);
  if (step.kind !== 'create-channel') return step;
  let url: string;
  try {
    url = await io.createChannel();
  } catch (e) {
    throw new ReleaseLanesError('RL230', `could not create a smee.io channel: ${(e as Error).message}`);
  }
  if (!/^https?:\/\//.test(url)) {
    throw new ReleaseLanesError('RL230', `smee.io answered "${url}", not a channel URL`);
  }
  io.saveProxyUrl(url);
  io.log(
    `Created the webhook proxy ${url} (WEBHOOK_PROXY_URL in .env): the App you register now sends its webhooks there.`,
  );
  return { kind: 'forward', url };
}
