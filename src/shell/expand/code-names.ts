// What inline code runs through the calls of grammars/code-names.ts: the plain literal code it
// evaluates (scanned again as code of its language by interpreters.ts), and whether any such call is
// given code or a function's name that is not a plain literal (`$f = "sys"."tem"; $f(…)`), which
// with strings built at run time may be any function: ask.
import { NAMED_CALLS, VARIABLE_CALLS, type NamedCall } from '../grammars/code-names.js';
import type { CodeLanguage } from '../grammars/types.js';
import { literalsOf } from './code-literals.js';
import { argumentsAt } from './code-writes.js';

export interface NamedRuns {
  /** Plain literal code given to a call that evaluates it. */
  readonly evaluated: readonly string[];
  /** A call evaluates code, or calls a function by a name, that is not a plain literal. */
  readonly computed: boolean;
}

const NOTHING: NamedRuns = { evaluated: [], computed: false };
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Languages that call without parentheses (`eval "…"`, `send :system, "…"`). */
const BARE_CALLS: ReadonlySet<CodeLanguage> = new Set(['perl', 'ruby']);
/** Code given as a block or a function, not as text: it is in the code already. */
const BLOCK = /^\s*(?:\{|do\b|sub\b|function\b|fn\b|static\s+function\b|lambda\b|proc\b|&\w+|\(?[\w\s,$]*\)?\s*=>)/;

/** A plain literal (nothing interpolated or joined to it), a Ruby symbol or a number: its text; null otherwise. */
function plainValue(arg: string, lang: CodeLanguage): string | null {
  const t = arg.trim().replace(/^[rRbBuU]{1,2}(?=["'])/, '');
  if (/^-?\d+$/.test(t)) return t;
  if (lang === 'ruby' && /^:\w+[?!=]?$/.test(t)) return t.slice(1);
  const l = literalsOf(t)[0];
  if (!l || l.start !== 0 || l.end !== t.length) return null;
  const interpolates = t.startsWith('`') ? t.includes('${') : t.startsWith('"') && lang !== 'python' && lang !== 'node' && /[$@]|#\{/.test(t);
  return interpolates ? null : l.text;
}

/** The argument at `call.arg` of each call of `call` outside the code's literals. */
function argumentsOf(code: string, lang: CodeLanguage, call: NamedCall, inLiteral: (at: number) => boolean): string[] {
  const bare = BARE_CALLS.has(lang) ? String.raw`|[ \t]+(?=["':\w$])` : '';
  const re = new RegExp(String.raw`(?<![\w$])${escape(call.call)}(?:\s*(\()${bare})`, 'g');
  const out: string[] = [];
  for (const m of code.matchAll(re)) {
    if (out.length >= 100 || inLiteral(m.index)) continue;
    const { args } = argumentsAt(code, m.index + m[0].length, m[1] === '(');
    const arg = call.arg < 0 ? args[args.length - 1] : args[call.arg];
    if (arg !== undefined) out.push(arg);
  }
  return out;
}

/** Is what a variable call names in `m` known: a literal, or a variable every assignment gives one (or a function)? */
function knownName(code: string, lang: CodeLanguage, m: RegExpMatchArray): boolean {
  const variable = m[1] !== undefined && lang !== 'node' ? m[1] : m[3];
  if (variable === undefined) return plainValue(m[1] ?? m[2] ?? '', lang) !== null;
  const values = [...code.matchAll(new RegExp(String.raw`\$${variable}\s*=(?![=>~])\s*([^;\n]*)`, 'g'))].map((a) => a[1]!);
  return values.length > 0 && values.every((v) => plainValue(v, lang) !== null || BLOCK.test(v) || /^\\&\w+/.test(v.trim()));
}

export function namedRuns(code: string, lang: CodeLanguage): NamedRuns {
  const calls = NAMED_CALLS[lang];
  if (!calls) return NOTHING;
  const literals = literalsOf(code);
  const inLiteral = (at: number): boolean => literals.some((l) => l.start <= at && at < l.end);
  const evaluated: string[] = [];
  let computed = false;
  for (const call of calls) {
    if (!code.includes(call.call)) continue;
    for (const arg of argumentsOf(code, lang, call, inLiteral)) {
      if (BLOCK.test(arg)) continue;
      const value = plainValue(arg, lang);
      if (value === null) computed = true;
      else if (call.code && value.trim() !== '') evaluated.push(value);
    }
  }
  const variable = VARIABLE_CALLS[lang];
  if (variable) {
    for (const m of code.matchAll(variable)) {
      if (!inLiteral(m.index) && !knownName(code, lang, m)) { computed = true; break; }
    }
  }
  return { evaluated, computed };
}
