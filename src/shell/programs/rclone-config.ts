// rclone's config: the remotes a config file defines (INI: `[name]` then `key = value` lines), and
// what `rclone config VERB …` does to them (grammars/rclone.ts RCLONE_CONFIG_VERBS).
import type { Arg } from '../getopt.js';
import { RCLONE_CONFIG_VERBS, RCLONE_ENCRYPTED_CONFIG } from '../grammars/rclone.js';
import { COMPUTED, SOME_KEY, type RcloneRemotes } from './rclone-remotes.js';

export type ConfigChange =
  | { readonly kind: 'set'; readonly name: string; readonly keys: ReadonlyMap<string, string>; readonly merge: boolean }
  | { readonly kind: 'copy'; readonly from: string; readonly to: string; readonly move: boolean }
  | { readonly kind: 'delete'; readonly name: string }
  /** A verb that asks on the terminal, or a name computed at run time: what it defines is not known. */
  | { readonly kind: 'unknown' };

/** `k v …` or `k=v …` after `config create NAME TYPE` / `config update NAME`. */
function keysOf(words: readonly Arg[]): Map<string, string> {
  const keys = new Map<string, string>();
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    // A word computed at run time may be any key (`remote=$R`, `$K v`): its remote may reach anywhere.
    if (typeof w !== 'string') { keys.set(SOME_KEY, COMPUTED); if (!(words[i + 1] ?? '').includes('=')) i++; continue; }
    const eq = w.indexOf('=');
    if (eq > 0) keys.set(w.slice(0, eq), w.slice(eq + 1));
    else { const v = words[++i]; keys.set(w, typeof v === 'string' ? v : COMPUTED); }
  }
  return keys;
}

/** What `rclone config` with these operands (after `config`) does to the remotes; undefined: nothing. */
export function configChange(rest: readonly Arg[]): ConfigChange | undefined {
  const [verb, name, ...more] = rest;
  if (verb === null) return { kind: 'unknown' };
  const kind = RCLONE_CONFIG_VERBS[verb ?? ''];
  if (kind === undefined) return undefined;
  if (kind === 'unknown') return { kind };
  if (typeof name !== 'string') return name === undefined ? undefined : { kind: 'unknown' };
  if (kind === 'create') {
    const keys = keysOf(more.slice(1));
    if (more[0] === null) return { kind: 'unknown' };
    if (typeof more[0] === 'string') keys.set('type', more[0]);
    return { kind: 'set', name, keys, merge: false };
  }
  if (kind === 'update') return { kind: 'set', name, keys: keysOf(more), merge: true };
  if (kind === 'delete') return { kind: 'delete', name };
  const to = more[0];
  if (to === undefined) return undefined;
  return to === null ? { kind: 'unknown' } : { kind: 'copy', from: name, to, move: kind === 'rename' };
}

/** Apply a change to the remotes the text has defined, `known` being all those known before it. */
export function applyChange(defined: Map<string, ReadonlyMap<string, string>>, known: RcloneRemotes, change: ConfigChange): void {
  switch (change.kind) {
    case 'set': defined.set(change.name, change.merge ? new Map([...known.get(change.name) ?? [], ...change.keys]) : change.keys); break;
    case 'copy': {
      const keys = known.get(change.from);
      if (keys !== undefined) defined.set(change.to, keys);
      if (change.move) defined.set(change.from, new Map());
      break;
    }
    case 'delete': defined.set(change.name, new Map()); break;
    case 'unknown': break;
  }
}

/** The remotes a config file's text defines; null when they cannot be read (an encrypted config). */
export function parseConfigFile(text: string): Map<string, Map<string, string>> | null {
  if (RCLONE_ENCRYPTED_CONFIG.test(text)) return null;
  const out = new Map<string, Map<string, string>>();
  let section: Map<string, string> | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const head = /^\[(.*)\]$/.exec(line);
    if (head) {
      section = out.get(head[1]!) ?? new Map();
      out.set(head[1]!, section);
      continue;
    }
    const eq = line.indexOf('=');
    if (section === null || eq < 0) continue;
    section.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim().replace(/^(["'])(.*)\1$/s, '$2'));
  }
  return out;
}
