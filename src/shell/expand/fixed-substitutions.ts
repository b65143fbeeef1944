// A word that is one command substitution whose output the text itself fixes: `"$(cat <<'EOF' … EOF)"`
// (the idiom agents use for a multi-line `git commit -m`, here giving `python3 -c` or `bash -c` its code;
// a quoted delimiter, or a body with no expansion, is the heredoc's text as written) and `"$(printf …)"`,
// `"$(echo …)"` of literal words (output.ts). Its value is that output less its trailing newlines, as
// bash substitutes it; unquoted, only where it stays one plain word (bash splits and globs it).
import { basename, type Word } from '../words.js';
import type { Scope } from './driver.js';
import { substitutionOutput } from './output.js';

/** An unquoted substitution's output that bash leaves one word. */
const ONE_WORD = /^[\w.,:/@%+=-]+$/;

/**
 * The word with the output filled in where the text fixes it; unchanged otherwise. `heredocOnly`: only
 * the heredoc's text (a command name: POLICY asks about one echo or printf computes).
 */
export function fixedSubstitution(scope: Scope, w: Word, heredocOnly = false): Word {
  if (w.value !== null) return w;
  const m = /^("?)\$\(([\s\S]*)\)\1$/.exec(w.text);
  if (!m) return w;
  const quoted = m[1] === '"';
  const inner = m[2]!;
  // cat, echo or printf made the text's own function or alias prints something else.
  const name = /^\s*([^\s;&|<>()]+)/.exec(inner)?.[1];
  if (name === undefined || scope.run0.functions.has(name) || scope.run0.aliases.has(name)) return w;
  const body = heredocCat(scope, inner);
  const out = body !== null ? body.replace(/\n+$/, '') : !heredocOnly && balanced(inner) ? substitutionOutput(scope, inner, !quoted) : null;
  if (out === null || (!quoted && !ONE_WORD.test(out))) return w;
  return { ...w, value: out, tail: basename(out) };
}

/**
 * `cat <<DELIM` followed by its body and nothing else: the body (each line with its leading tabs removed
 * under `<<-`); null when it is not that, or an unquoted delimiter leaves expansions in the body.
 */
function heredocCat(scope: Scope, inner: string): string | null {
  const head = /^\s*cat[ \t]*<<(-?)[ \t]*(?:'([^'\n]+)'|"([^"\n]+)"|\\([A-Za-z0-9_.-]+)|([A-Za-z0-9_.-]+))[ \t]*\n/.exec(inner);
  if (!head) return null;
  const strip = head[1] === '-';
  const delim = (head[2] ?? head[3] ?? head[4] ?? head[5])!;
  const lines = inner.slice(head[0].length).split('\n').map((l) => (strip ? l.replace(/^\t+/, '') : l));
  const end = lines.indexOf(delim);
  if (end < 0 || lines.slice(end + 1).some((l) => l.trim() !== '')) return null;
  const body = lines.slice(0, end).map((l) => `${l}\n`).join('');
  if (head[5] !== undefined && /[$`\\]/.test(body)) return null;
  return body;
}

/** Is `inner` the whole of one `$(…)`: no `)` outside quotes that closes it early, quotes and parentheses balanced? */
function balanced(inner: string): boolean {
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i]!;
    if (c === '\\' && quote !== "'") { i++; continue; }
    if (quote !== null) { if (c === quote) quote = null; continue; }
    if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '(') depth++;
    else if (c === ')' && --depth < 0) return false;
  }
  return depth === 0 && quote === null;
}
