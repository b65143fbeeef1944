// Variables `read` set from a file (`read PATH < /tmp/p`): the file's first line, as the text wrote it
// earlier (`echo bin:/usr/bin > /tmp/p`) or as it is on disk; null when that cannot be known.
import { resolve } from 'node:path';
import type { ScriptFiles } from '../files.js';
import { FROM_FILE } from '../set-vars.js';

export function readVars(env: ReadonlyMap<string, string | null>, files: ScriptFiles, cwd: string | null): Map<string, string | null> {
  const out = new Map(env);
  for (const [name, value] of env) {
    if (!value?.startsWith(FROM_FILE)) continue;
    const raw = value[1] === 'r';
    const path = value.slice(2);
    if (!path.startsWith('/') && cwd === null) { out.set(name, null); continue; }
    const read = files.read(resolve(cwd ?? '/', path));
    if (read.kind !== 'text') { out.set(name, null); continue; }
    let line = read.text.split('\n')[0]!;
    if (!raw) line = line.replace(/\\(.)/g, '$1');
    out.set(name, line.trim());
  }
  return out;
}
