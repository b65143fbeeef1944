// Vim expressions made only of literals (strings, numbers, lists of strings, `.` and `..` joins):
// their values, as ex-commands.ts and vim-buffer.ts read the calls and commands given them.
import { quoteForScan } from './code-literals.js';

/**
 * The value of a Vim expression made only of literals: strings joined by `.` or `..`, a list of
 * strings (a command's words, or Ex lines). Null for anything else (a variable, a call).
 */
export function vimExpression(s: string, firstArgument: boolean): string | null {
  let at = 0;
  let out = '';
  for (;;) {
    const rest = s.slice(at).replace(/^\s+/, '');
    at = s.length - rest.length;
    const list = /^\[((?:\s*(?:'(?:[^']|'')*'|"(?:[^"\\]|\\.)*")\s*,?)*)\s*\]/.exec(rest);
    const str = list ? null : vimString(rest) ?? number(rest);
    if (list) out += [...list[1]!.matchAll(/'(?:[^']|'')*'|"(?:[^"\\]|\\.)*"/g)].map((l) => quoteForScan(vimString(l[0])![0])).join(' ');
    else if (str) out += str[0];
    else return null;
    at += list ? list[0].length : str![1];
    const next = /^\s*\.\.?\s*/.exec(s.slice(at));
    if (next && !/^\s*\.\.?\s*$/.test(s.slice(at))) { at += next[0].length; continue; }
    const end = s.slice(at).trim();
    return end === '' || (firstArgument ? /^[,)]/.test(end) : false) ? out : null;
  }
}

function number(s: string): [string, number] | null {
  const m = /^-?\d+(?![\w.])/.exec(s);
  return m ? [m[0], m[0].length] : null;
}

/** A single- or double-quoted Vim string at the start of `s`: its value and its length. */
export function vimString(s: string): [string, number] | null {
  const sq = /^'((?:[^']|'')*)'/.exec(s);
  if (sq) return [sq[1]!.replace(/''/g, "'"), sq[0].length];
  const dq = /^"((?:[^"\\]|\\.)*)"/.exec(s);
  if (!dq) return null;
  const esc: Record<string, string> = { n: '\n', r: '\r', t: '\t', e: '\x1b' };
  return [dq[1]!.replace(/\\<CR>/gi, '\r').replace(/\\(.)/g, (_m, c: string) => esc[c] ?? c), dq[0].length];
}

/** A call's arguments (the text after its `(`), split at the commas outside strings, brackets and parentheses; null when it does not close. */
export function callArguments(s: string): string[] | null {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === "'") { i = s.indexOf("'", i + 1); while (i >= 0 && s[i + 1] === "'") i = s.indexOf("'", i + 2); if (i < 0) return null; continue; }
    if (c === '"') { i++; while (i < s.length && s[i] !== '"') i += s[i] === '\\' ? 2 : 1; if (i >= s.length) return null; continue; }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if ((c === ')' || c === ']' || c === '}') && depth > 0) depth--;
    else if (c === ')' || (c === ',' && depth === 0)) {
      out.push(s.slice(start, i).trim());
      start = i + 1;
      if (c === ')') return out;
    }
  }
  return null;
}

/** The lines a literal argument holds: a list of strings (one line each) or one string. Null for anything else. */
export function vimLines(arg: string): string[] | null {
  const list = /^\[((?:\s*(?:'(?:[^']|'')*'|"(?:[^"\\]|\\.)*")\s*,?)*)\s*\]$/.exec(arg.trim());
  if (list) return [...list[1]!.matchAll(/'(?:[^']|'')*'|"(?:[^"\\]|\\.)*"/g)].map((l) => vimString(l[0])![0]);
  const one = vimExpression(arg, false);
  return one === null ? null : [one];
}
