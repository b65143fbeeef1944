// The alias files of the forge CLIs, which a later `gh NAME` / `glab NAME` runs: gh's config.yml
// (`aliases:`, gh-alias-set(1): an expansion starting with `!` runs through sh, any other is gh's own
// arguments) and glab's aliases.yml (a map of the same). Judged when written, as `gh alias set` is.
// Only plain `name: value` lines are read; YAML this reader cannot be sure of asks.
import { isAbsolute, resolve } from 'node:path';
import { optionIs, type Scan } from '../getopt.js';
import type { Scope } from './driver.js';
import { stdinText } from './output.js';

/** The aliases in `text`: `under` the key that holds them, or the whole file when null; null when it cannot be read surely. */
export function aliasLines(text: string, under: string | null): string[] | null {
  const out: string[] = [];
  let inside = under === null;
  let indent = -1;
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*(?:#.*)?$/.test(line)) continue;
    const m = /^(\s*)([^\s:#'"][^:]*?|'[^']*'|"[^"]*")\s*:(?:\s+(.*))?$/.exec(line);
    if (!m) { if (inside) return null; continue; }
    const depth = m[1]!.length;
    if (under !== null && depth === 0) { inside = m[2] === under; indent = -1; if (inside && m[3] !== undefined && m[3].trim() !== '{}') return null; continue; }
    if (!inside) continue;
    if (indent === -1) indent = depth;
    if (depth !== indent) return null;
    const value = scalar(m[3] ?? '');
    if (value === null) return null;
    out.push(value);
  }
  return out;
}

/** A YAML scalar that is plain or quoted on one line; null for anything else (block scalars, flow collections). */
function scalar(raw: string): string | null {
  const v = raw.replace(/\s+#.*$/, '').trim();
  if (v === '' || /^[|>&*!{[]/.test(v) && !/^!\S/.test(v)) return null;
  if (v.startsWith("'")) return v.endsWith("'") && v.length > 1 ? v.slice(1, -1).replace(/''/g, "'") : null;
  if (v.startsWith('"')) { try { return JSON.parse(v) as string; } catch { return null; } }
  return v;
}

/** Judge the aliases a forge CLI's alias file holds: each as the command it runs. */
export function cliAliasCommands(scope: Scope, program: 'gh' | 'glab', text: string, label: string, under: string | null = program === 'gh' ? 'aliases' : null): void {
  const values = aliasLines(text, under);
  if (values === null) { scope.raise('unreadable-script', `${label}: ${program}'s aliases in a form not read here`); return; }
  for (const v of values) scope.nested(v.startsWith('!') ? v.slice(1) : `${program} ${v}`, `a ${program} alias ${label}`, { spliceable: false });
}

/** What `gh alias set NAME EXPANSION` or `gh alias import [FILE | -]` stores, judged as it runs later. */
export function ghAliasStores(scope: Scope, scan: Scan): void {
  if (scan.operands[0]?.value === 'import') { ghAliasImport(scope, scan); return; }
  const exp = scan.operands[2]?.value;
  if (exp === undefined) return;
  if (exp === null) { scope.raise('dynamic-command', '`gh alias set` stores a command computed at run time'); return; }
  const shell = scan.options.some((o) => optionIs(o, ['--shell'])) || exp.startsWith('!');
  scope.nested(shell ? exp.replace(/^!/, '') : `gh ${exp}`, `gh alias ${scan.operands[1]?.value ?? ''} (runs later)`, { spliceable: false });
}

/** `gh alias import [FILE | -]`: a YAML map of names to expansions (stdin when no file). */
function ghAliasImport(scope: Scope, scan: Scan): void {
  const file = scan.operands[1]?.value;
  if (file === null) { scope.raise('dynamic-command', '`gh alias import` reads aliases from a file named at run time'); return; }
  const label = `(gh alias import ${file ?? '-'}, runs later)`;
  let text: string | null;
  if (file === undefined || file === '-') {
    const s = stdinText(scope, scope.stdin, 'gh alias import');
    text = s.kind === 'text' ? s.text : s.kind === 'none' ? '' : null;
  } else {
    const read = scope.files.read(isAbsolute(file) ? file : resolve(scope.cwd ?? '/', file));
    text = read.kind === 'text' ? read.text : read.kind === 'missing' ? '' : null;
  }
  if (text === null) { scope.raise('unreadable-script', `\`gh alias import\` stores aliases whose text cannot be known ${label}`); return; }
  cliAliasCommands(scope, 'gh', text, label, null);
}
