/** Sets one `KEY=value` line of a dotenv file (.env), replacing an existing line of that key, keeping the rest. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export function setEnvFileValue(path: string, key: string, value: string): void {
  const lines = existsSync(path) ? readFileSync(path, 'utf8').split('\n') : [];
  if (lines.at(-1) === '') lines.pop();
  const line = `${key}=${value}`;
  const at = lines.findIndex((l) => new RegExp(`^\\s*(export\\s+)?${key}\\s*=`).test(l));
  if (at >= 0) lines[at] = line;
  else lines.push(line);
  writeFileSync(path, `${lines.join('\n')}\n`);
}
