// Files that inline interpreter code writes, removes or changes: the literal paths given to the calls
// of grammars/code-writes.ts (directly, or through a name the code assigns the literal to).
import { CODE_WRITES, type WriteCall } from '../grammars/code-writes.js';
import type { CodeLanguage } from '../grammars/types.js';
import { SCRIPT_WRITES } from './script-writes.js';

const CLOSE: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

/** The arguments from `at` on: up to the matching `)` (after `(`), else to the end of the statement. */
export function argumentsAt(code: string, at: number, paren: boolean): { args: string[]; end: number } {
  const args: string[] = [];
  const stack: string[] = [];
  let quote: string | null = null;
  let from = at;
  let i = at;
  for (; i < code.length && i - at < 4096; i++) {
    const c = code[i]!;
    if (quote !== null) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') { quote = c; continue; }
    if (c in CLOSE) { stack.push(CLOSE[c]!); continue; }
    if (stack.length > 0) { if (c === stack[stack.length - 1]) stack.pop(); continue; }
    if ((paren && c === ')') || (!paren && (c === ';' || c === '\n' || c === ')'))) break;
    if (c === ',') { args.push(code.slice(from, i)); from = i + 1; }
  }
  args.push(code.slice(from, i));
  return { args: args.filter((a, k) => k < args.length - 1 || a.trim() !== ''), end: Math.min(i + 1, code.length) };
}

const LITERAL = /^\s*(?:\w+\s*=(?!=)\s*)?(?:[rRbBuU]{0,2})(['"`])((?:\\.|(?!\1)[^\\])*)\1\s*(?:$|or\b|\|\||\))/s;
const NAME = /^\s*(\$?[A-Za-z_]\w*)\s*$/;

/** An argument's value when it is a literal (or a name bound to one); null otherwise. */
function valueOf(arg: string, names: ReadonlyMap<string, string>): string | null {
  const m = LITERAL.exec(arg);
  if (m) return m[1] === '`' && m[2]!.includes('${') ? null : m[2]!.replace(/\\(.)/g, '$1');
  const n = NAME.exec(arg);
  return n ? names.get(n[1]!) ?? null : null;
}

/** `p = ".claude/settings.json"` (and `const`/`let`/`my` forms): names bound to a literal. */
function boundLiterals(code: string): Map<string, string> {
  const names = new Map<string, string>();
  const re = /(?:^|[;\s(])(?:(?:const|let|var|my|our)\s+)?(\$?[A-Za-z_]\w*)\s*=\s*(['"])((?:\\.|(?!\2)[^\\])*)\2/g;
  for (const m of code.matchAll(re)) names.set(m[1]!, m[3]!);
  return names;
}

function pathsOf(call: WriteCall, values: readonly (string | null)[]): (string | null)[] {
  if (call.modeAt !== undefined) {
    const mode = values[call.modeAt];
    if (mode === null || mode === undefined || !call.mode!.test(mode)) return [];
  }
  if (call.modePrefix) {
    const v = values[call.path as number];
    const p = v === null || v === undefined ? null : call.modePrefix.exec(v);
    return p ? [v!.slice(p[0].length)] : [];
  }
  return call.path === 'all' ? [...values] : call.path === 'last' ? values.slice(-1) : [values[call.path] ?? null];
}

/** The literal paths that inline code in `lang` writes (relative ones as written; null: a name it computes). */
export function codeWrites(lang: CodeLanguage, code: string): (string | null)[] {
  const script = SCRIPT_WRITES[lang];
  if (script) return script(code).filter((p) => p === null || p !== '');
  const calls = CODE_WRITES[lang];
  if (!calls) return [];
  const names = boundLiterals(code);
  const out = new Set<string>();
  for (const call of calls) {
    for (const m of code.matchAll(call.call)) {
      const at = m.index + m[0].length;
      const paren = m[0].endsWith('(');
      const { args, end } = argumentsAt(code, at, paren);
      if (call.then && !call.then.test(code.slice(end))) continue;
      for (const p of pathsOf(call, args.map((a) => valueOf(a, names)))) if (p !== null && p.trim() !== '') out.add(p.trim());
    }
  }
  return [...out];
}
