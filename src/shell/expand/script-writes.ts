// Files the scripts of the text-processing languages write by themselves (no redirection shows
// them): sed's `w FILE` command and `s///w FILE` flag (GNU sed: the name runs to the end of the
// line), awk's `print > "FILE"` and `printf … >> "FILE"`, Ex's `:w FILE`, `:saveas FILE`, `:wq FILE`
// (vim -es, ex -s), ed's `w FILE`, `W FILE`, `wq FILE`. A name the script computes counts as unknown
// (null). Read by code-writes.ts for those languages.
import type { CodeLanguage } from '../grammars/types.js';

/** Addresses before a sed command: line numbers, `$`, `/re/` (or `\cREc`), steps and ranges, `!`. */
function skipAddress(s: string, i: number): number {
  for (let k = 0; k < 2; k++) {
    while (s[i] === ' ' || s[i] === '\t') i++;
    if (/[0-9$]/.test(s[i] ?? '')) { while (/[0-9$~+]/.test(s[i] ?? '')) i++; }
    else if (s[i] === '/' || s[i] === '\\') {
      const d = s[i] === '\\' ? s[++i]! : '/';
      for (i++; i < s.length && s[i] !== d; i++) if (s[i] === '\\') i++;
      i++;
      while (s[i] === 'I' || s[i] === 'M') i++;
    }
    while (s[i] === ' ' || s[i] === '\t') i++;
    if (s[i] !== ',') break;
    i++;
  }
  while (s[i] === ' ' || s[i] === '\t' || s[i] === '!') i++;
  return i;
}

/** The end of the line from `i` (a sed file name, text of a/i/c, takes the rest of it). */
const lineEnd = (s: string, i: number): number => { const n = s.indexOf('\n', i); return n < 0 ? s.length : n; };

/** The end of a/i/c's text: to the end of the line, and on over each line that ends in a backslash (`a\` puts the text on the next). */
function textEnd(s: string, i: number): number {
  let e = lineEnd(s, i);
  while (e < s.length && /(?:^|[^\\])(?:\\\\)*\\$/.test(s.slice(i, e))) { i = e + 1; e = lineEnd(s, i); }
  return e;
}

/** sed: the files `w`, `W` and the `w` flag of `s` write. */
export function sedWrites(script: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < script.length) {
    while (/[\s;{}]/.test(script[i] ?? '')) i++;
    if (i >= script.length) break;
    if (script[i] === '#') { i = lineEnd(script, i); continue; }
    i = skipAddress(script, i);
    const c = script[i++];
    if (c === 'w' || c === 'W') { const e = lineEnd(script, i); out.push(script.slice(i, e).trim()); i = e; continue; }
    if (c === 'a' || c === 'i' || c === 'c') { i = textEnd(script, i); continue; }
    if (c === 'r' || c === 'R' || c === 'e' || c === ':' || c === 'b' || c === 't' || c === 'T' || c === 'v') {
      // Text and names run to the end of the line (labels and branches to a `;` too).
      const e = lineEnd(script, i);
      const semi = /[bBtTv:]/.test(c) ? script.indexOf(';', i) : -1;
      i = semi >= 0 && semi < e ? semi : e;
      continue;
    }
    if (c === 's' || c === 'y') {
      const d = script[i++];
      if (d === undefined) break;
      for (let part = 0; part < 2; part++) {
        for (; i < script.length && script[i] !== d; i++) if (script[i] === '\\') i++;
        i++;
      }
      if (c === 'y') continue;
      while (/[gpiImMe0-9]/.test(script[i] ?? '')) i++;
      if (script[i] === 'w') { const e = lineEnd(script, i + 1); out.push(script.slice(i + 1, e).trim()); i = e; }
      continue;
    }
  }
  return out;
}

/** awk: the literal files print and printf redirect into (`> "f"`, `>> "f"`); a computed one is null. */
export function awkWrites(program: string): (string | null)[] {
  const out: (string | null)[] = [];
  for (const m of program.matchAll(/\bprintf?\b(?:[^;\n}"]|"(?:[^"\\]|\\.)*")*?>>?\s*("(?:[^"\\]|\\.)*"|[^\s;}|]+)/g)) {
    const target = m[1]!;
    out.push(target.startsWith('"') ? target.slice(1, -1).replace(/\\(.)/g, '$1') : null);
  }
  return out;
}

/** Ex (vim -es, ex -s): `:w[rite][!] FILE`, `:w >> FILE`, `:sav[eas] FILE`, `:wq FILE`, `:x FILE`, `:up[date] FILE` (not `:w !cmd`). */
export function exWrites(script: string): string[] {
  const out: string[] = [];
  for (const cmd of script.split(/\n|\|/)) {
    const m = /^\s*:*\s*(?:[%.$]|\d+|'[<a-z]|,)*\s*(?:write|writ|wri|wr|wq|w|xit|xi|x|exit|exi|saveas|savea|save|sav|update|updat|upda|upd|up)(?![A-Za-z])(!?)\s*(?:>>\s*)?(\S.*)?$/.exec(cmd);
    if (!m || m[2] === undefined || m[2].startsWith('!')) continue;
    out.push(m[2].trim());
  }
  return out;
}

/** ed: `w FILE`, `W FILE`, `wq FILE` (with an address range before them); `w !cmd` writes no file. */
export function edWrites(script: string): string[] {
  const out: string[] = [];
  for (const line of script.split('\n')) {
    const m = /^\s*(?:[0-9.$,;%+-]|'[a-z]|\/(?:[^/\\]|\\.)*\/)*\s*(?:wq|w|W)\s+(\S.*)$/.exec(line);
    if (m && !m[1]!.startsWith('!')) out.push(m[1]!.trim());
  }
  return out;
}

/** The files a script of these languages writes (as written; null: computed). */
export const SCRIPT_WRITES: Partial<Record<CodeLanguage, (script: string) => (string | null)[]>> = {
  sed: sedWrites, awk: awkWrites, vim: exWrites, ed: edWrites,
};
