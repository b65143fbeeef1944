// A function's body with its call's arguments put in place of `$1`…`$9`, `$@` and `$*`, spelled for
// where each stands: quoted as a word where it is unquoted, escaped for double quotes inside them
// (bash does not expand an argument's text again: `echo "x $1"` of `'$(cmd)'` prints it), left as
// written inside single quotes. An argument the text does not fix stays a computed variable.
import { quoteWord } from '../words.js';

/** A parameter reference: `$1`, `${1}`, `$@`, `${@}`, `$*`, `${*}`. */
const PARAM = /^\$(?:\{([1-9@*])\}|([1-9@*]))/;
/** Where an argument whose value is computed at run time goes: a variable nothing sets. */
const COMPUTED = '$(/nonexistent/gitops-guard/computed-argument)';

/** An argument: its value (null: computed at run time) and its text as written. */
export interface Argument { readonly value: string | null; readonly text: string }

export function withArguments(body: string, args: readonly Argument[]): string {
  let out = '';
  // The quoting contexts open here: '"' inside double quotes, '(' inside a `$(` opened in them.
  const stack: ('"' | '(')[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    const inDouble = stack[stack.length - 1] === '"';
    if (c === '\\') { out += body.slice(i, i + 2); i++; continue; }
    if (c === "'" && !inDouble) {
      const end = body.indexOf("'", i + 1);
      const to = end < 0 ? body.length : end + 1;
      out += body.slice(i, to);
      i = to - 1;
      continue;
    }
    if (c === '"') { if (inDouble) stack.pop(); else stack.push('"'); out += c; continue; }
    if (c === '$' && body[i + 1] === '(') { stack.push('('); out += '$('; i++; continue; }
    if (c === ')' && stack[stack.length - 1] === '(') { stack.pop(); out += c; continue; }
    const m = c === '$' ? PARAM.exec(body.slice(i, i + 4)) : null;
    if (!m) { out += c; continue; }
    out += spelled(m[1] ?? m[2]!, args, inDouble);
    i += m[0].length - 1;
  }
  return out;
}

function spelled(name: string, args: readonly Argument[], inDouble: boolean): string {
  const one = (a: Argument | undefined): string =>
    a?.value === null ? computed(a.text, inDouble) : inDouble ? (a?.value ?? '').replace(/[\\$`"]/g, '\\$&') : a === undefined ? "''" : quoteWord(a.value);
  if (name === '@' || name === '*') return args.map(one).join(inDouble && name === '@' ? '" "' : ' ');
  return one(args[Number(name) - 1]);
}

/**
 * A computed argument as written where that reads the same inside double quotes (`$x`, `"$(cmd)"`
 * without its quotes), else the output of a command that does not exist: computed, and nothing the
 * text defines can give it a value.
 */
function computed(text: string, inDouble: boolean): string {
  if (!inDouble) return text;
  const inner = /^"((?:[^"\\]|\\.)*)"$/s.exec(text)?.[1];
  if (inner !== undefined) return inner;
  return /["'\\]/.test(text) ? COMPUTED : text;
}
