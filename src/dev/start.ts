#!/usr/bin/env node
/** `npm start`, before `probot run`: make sure a local App has a webhook proxy (see webhook-proxy.ts). */
import { existsSync } from 'node:fs';
import { isReleaseLanesError } from '../errors.js';
import { setEnvFileValue } from './env-file.js';
import { ensureWebhookProxy } from './webhook-proxy.js';

if (existsSync('.env')) process.loadEnvFile('.env');
try {
  await ensureWebhookProxy({
    env: process.env,
    createChannel: async () => (await import('smee-client')).SmeeClient.createChannel(),
    saveProxyUrl: (url) => setEnvFileValue('.env', 'WEBHOOK_PROXY_URL', url),
    log: (line) => console.log(line),
  });
} catch (e) {
  if (!isReleaseLanesError(e)) throw e;
  console.error(`error: ${e.render()}`);
  process.exitCode = 1;
}
