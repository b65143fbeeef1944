// A command run with a variable that moves its program's config or startup files (grammars/moved-config.ts)
// reads the files there by itself: each that exists is judged as its kind, as a write of it would be
// (`AWS_CONFIG_FILE=awscfg aws s3 ls` runs awscfg's credential_process). Only values the text sets
// count (the hook's own environment is the user's); startup scripts only for the shells that read them.
import { join, resolve } from 'node:path';
import { filesUnder, type JudgedKind } from '../../content-judged.js';
import { MOVED_CONFIG, STARTUP_READERS } from '../grammars/moved-config.js';
import type { Family, Scope } from './driver.js';
import { judgeStartup } from './host-files.js';

export const movedConfigFamily: Family = (scope, name) => {
  if (!scope.local || scope.env.size === 0) return false;
  for (const [variable, moved] of Object.entries(MOVED_CONFIG)) {
    const value = scope.env.get(variable);
    if (typeof value !== 'string' || value === '') continue;
    const base = resolve(scope.cwd ?? '/', value);
    if ('lesskey' in moved) { lesskeyCommands(scope, variable, base); continue; }
    const files = 'file' in moved ? [{ path: base, kind: moved.kind }]
      : 'names' in moved ? (moved.shells && !STARTUP_READERS.has(name) ? [] : moved.names.map((n) => ({ path: join(base, n), kind: moved.kind })))
      : filesUnder(moved.anchor, base).filter((f) => f.kind !== 'script' || STARTUP_READERS.has(name));
    for (const f of files) judgeMoved(scope, variable, f.path, f.kind);
  }
  return false;
};

/** The commands a lesskey source's `#env` section hands less (LESSOPEN `|CMD %s`, LESSCLOSE), judged as commands. */
function lesskeyCommands(scope: Scope, variable: string, path: string): void {
  const r = scope.files.read(path);
  if (r.kind === 'missing') return;
  if (r.kind !== 'text') { scope.raise('unreadable-script', `${variable} points less at ${path}, which cannot be read`); return; }
  let env = false;
  for (const line of r.text.split(/\r?\n/)) {
    if (/^\s*#\s*[a-z]+\s*$/.test(line)) { env = /#\s*env\b/.test(line); continue; }
    const m = env ? /^\s*(LESSOPEN|LESSCLOSE|LESSEDIT|VISUAL|EDITOR|SHELL)\s*=\s*(.*)$/.exec(line) : null;
    if (m && m[2]!.trim() !== '') scope.nested(m[2]!.trim().replace(/^\|{1,2}-?|^-/, '').replace(/%s/g, 'FILE'), `${m[1]} in ${path} (read by less: ${variable})`, { spliceable: false });
  }
}

function judgeMoved(scope: Scope, variable: string, path: string, kind: JudgedKind): void {
  const key = `moved:${path}`;
  if (scope.run0.seen.has(key)) return;
  const r = scope.files.read(path);
  if (r.kind === 'missing') return;
  scope.run0.seen.add(key);
  if (r.kind !== 'text') { scope.raise('unreadable-script', `${variable} points the program at ${path}, which cannot be read`); return; }
  if (kind === 'host-markdown') return;
  judgeStartup(scope, kind, r.text, `${path} (read by itself: ${variable})`);
}
