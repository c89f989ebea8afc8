import { cannotUpdate } from '../shared/text-edit.js';
import type { UpdaterContext } from '../types.js';

const ATTRIBUTE = /@version "[A-Za-z0-9_\-+.~]+"/;
const INLINE = /version: "[A-Za-z0-9_\-+.~]+",/;

/** Elixir `mix.exs`: the `@version "…"` module attribute, else the inline `version: "…",` (release-please's order). */
export function updateMixExs(content: string, version: string, _ctx: UpdaterContext): string {
  if (ATTRIBUTE.test(content)) return content.replace(ATTRIBUTE, `@version "${version}"`);
  if (INLINE.test(content)) return content.replace(INLINE, `version: "${version}",`);
  throw cannotUpdate('mix.exs has no @version "x.y.z" attribute and no version: "x.y.z", entry', 'mix.exs');
}
