// Shells whose text is not bash (fish, elvish, xonsh, nushell, rc, and env -S's split string): their text is spelled again as the
// bash that runs the same commands before it is read, for the spellings that decide which program runs:
// fish's escapes in unquoted words (fish(1) "Escaping characters") and its `alias NAME DEF` (a function),
// elvish's `e:NAME` and `(external NAME)`, xonsh's `![…]`, `$[…]`, `!(…)`, nushell's `^NAME` and
// `run-external`; the `{ … }` blocks of elvish, nushell and rc are read on their own (blocksOf). Text that
// is still not bash to the parser is what the parser's failure path makes of it (respell.ts, bad-input).

/** The dialect each shell's name speaks (env's: `env -S`'s split-string); bash-like shells are not listed. */
const DIALECTS: Readonly<Record<string, 'fish' | 'elvish' | 'xonsh' | 'nu' | 'rc' | 'split'>> = {
  fish: 'fish', elvish: 'elvish', xonsh: 'xonsh', nu: 'nu', nushell: 'nu', rc: 'rc', env: 'split',
};

/** A sourced file's shell by its name's ending (`source up.fish` in fish), where nothing else names one. */
export function dialectOfFile(path: string): string | undefined {
  return /\.(fish|elv|xsh|nu)$/.exec(path)?.[1]?.replace(/^elv$/, 'elvish').replace(/^xsh$/, 'xonsh');
}

/** Whether the shell named runs its text as Python too (xonsh). */
export const runsPython = (shell: string | undefined): boolean => shell !== undefined && DIALECTS[shell] === 'xonsh';

/** The shell's text as bash; the text itself for a bash-like shell. */
export function asBash(shell: string | undefined, text: string): string {
  const d = shell === undefined ? undefined : DIALECTS[shell];
  if (d === 'fish') return fishAliases(fishEscapes(text));
  if (d === 'elvish' || d === 'nu' || d === 'rc') text = withoutBlocks(text);
  if (d === 'elvish') return text.replace(/(^|[\s;|({])e:(?=[\w./-])/g, '$1').replace(/\(external\s+([^\s()]+)\s*\)/g, '$1');
  if (d === 'xonsh') return text.replace(/[!$]\[([^\]]*)\]/g, ' $1 ').replace(/!\(/g, '$(');
  if (d === 'nu') return nuExternals(text);
  return text;
}

const SPLIT_LETTERS: Readonly<Record<string, number>> = { f: 12, n: 10, r: 13, t: 9, v: 11 };

/**
 * env -S's string as the bash that makes the same words (env(1) "-S/--split-string"): `\_` a blank
 * (between words outside quotes, a space inside double quotes), `\c` the end, `\t`, `\n`… those
 * characters; in single quotes only `\\` and `\'` are escapes; `\#`, `\$`, `\"` as bash reads them.
 */
function splitString(text: string): string {
  if (!text.includes('\\')) return text;
  let out = '';
  let quote: "'" | '"' | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote === "'") {
      const q = inSingleQuotes(text, i);
      out += q.out;
      i += q.used - 1;
      if (q.ends) quote = null;
      continue;
    }
    if (c !== '\\') {
      if (c === "'" && quote === null) quote = "'";
      else if (c === '"') quote = quote === '"' ? null : '"';
      out += c;
      continue;
    }
    const e = text[++i] ?? '';
    const letter = SPLIT_LETTERS[e];
    if (e === '_') out += ' ';
    else if (e === 'c' && quote === null) return out;
    else if (letter !== undefined) out += quote === '"' ? `"${literal(letter)}"` : literal(letter);
    else if (quote === '"' && (e === '#' || e === "'")) out += e;
    else out += c + e;
  }
  return out;
}

/**
 * A character inside single quotes where only `\\` and `\'` are escapes (fish's, env -S's), as bash
 * reads it there: what it is, how many characters it takes, and whether the quote ends.
 */
function inSingleQuotes(text: string, i: number): { out: string; used: number; ends: boolean } {
  const c = text[i]!;
  if (c === '\\' && (text[i + 1] === "'" || text[i + 1] === '\\')) return { out: text[i + 1] === "'" ? "'\\''" : '\\', used: 2, ends: false };
  return { out: c, used: 1, ends: c === "'" };
}

/** A decoded character as a bash word part that means it (quoted where bash would read it otherwise). */
function literal(code: number): string {
  const c = String.fromCodePoint(code);
  if (/^[\w./+=,:@%-]$/.test(c)) return c;
  if (code > 0x20 && code < 0x7f) return `\\${c}`;
  return code < 0x80 ? `$'\\x${code.toString(16).padStart(2, '0')}'` : `'${c}'`;
}

const FISH_ESCAPES: readonly [RegExp, number][] = [
  [/^\\[xX]([0-9a-fA-F]{1,2})/, 16], [/^\\([0-7]{1,3})/, 8], [/^\\u([0-9a-fA-F]{1,4})/, 16], [/^\\U([0-9a-fA-F]{1,8})/, 16],
];
const FISH_LETTERS: Readonly<Record<string, number>> = { a: 7, b: 8, e: 27, f: 12, n: 10, r: 13, t: 9, v: 11 };

/** fish's escapes outside quotes decoded; inside its single quotes only `\\` and `\'` are escapes. */
export function fishEscapes(text: string): string {
  if (!text.includes('\\')) return text;
  let out = '';
  let quote: "'" | '"' | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote === "'") {
      const q = inSingleQuotes(text, i);
      out += q.out;
      i += q.used - 1;
      if (q.ends) quote = null;
      continue;
    }
    if (c === '\\' && quote === null) {
      const rest = text.slice(i, i + 10);
      const hit = FISH_ESCAPES.map(([re, base]) => [re.exec(rest), base] as const).find(([m]) => m !== null);
      if (hit) { const [m, base] = hit; const code = parseInt(m![1]!, base); if (code <= 0x10ffff) { out += literal(code); i += m![0].length - 1; continue; } }
      const letter = FISH_LETTERS[text[i + 1] ?? ''];
      if (letter !== undefined) { out += literal(letter); i++; continue; }
      out += c + (text[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '\\') { out += c + (text[i + 1] ?? ''); i++; continue; }
    if (c === "'" && quote === null) quote = "'";
    else if (c === '"') quote = quote === '"' ? null : quote ?? '"';
    out += c;
  }
  return out;
}

/** fish's `alias NAME DEF` and `alias NAME=DEF` define a function that runs DEF: spelled as bash's. */
function fishAliases(text: string): string {
  const word = String.raw`'[^']*'|"(?:[^"\\]|\\.)*"|[^\s;&|'"]+`;
  const re = new RegExp(String.raw`(^|[;&|\n(]\s*|\b(?:and|or|not|begin|command|builtin)\s+)alias((?:\s+(?:-s|--save))*)\s+([^\s=;&|'"]+)(?:\s+|=)(${word})`, 'g');
  return text.replace(re, (_m, lead: string, _opts: string, name: string, def: string) => {
    const body = /^'.*'$/s.test(def) ? def.slice(1, -1) : /^".*"$/s.test(def) ? def.slice(1, -1).replace(/\\(.)/g, '$1') : def;
    return `${lead}${name}() { ${body} "$@"; }`;
  });
}

/** nushell: `^NAME` runs the external NAME; `run-external NAME ARGS…` runs its first argument. */
function nuExternals(text: string): string {
  return text.replace(/(^|[\s;|({])\^(?=[\w./-])/g, '$1').replace(/(^|[\s;|({])run-external\s+/g, '$1');
}

/**
 * Texts read on their own besides the whole. The bodies of the `{ … }` blocks of elvish, nushell and rc
 * text (functions, closures, `if` and loop bodies), each with the blocks inside it left out: bash reads
 * `fn f { ./run.sh }` as one command given words, so each body is read as commands of its own (a
 * function's where it is defined, as bash's are). env -S's string as env splits it, where that differs
 * from bash's reading (`sh\_-c\_…`), both judged.
 */
export function blocksOf(shell: string | undefined, text: string): string[] {
  const d = shell === undefined ? undefined : DIALECTS[shell];
  if (d === 'split') { const split = splitString(text); return split === text ? [] : [split]; }
  if ((d !== 'elvish' && d !== 'nu' && d !== 'rc') || !text.includes('{')) return [];
  const out: string[] = [];
  const open: { at: number; inner: [number, number][] }[] = [];
  let quote: string | null = null;
  for (let i = 0; i < text.length && out.length < 64; i++) {
    const c = text[i]!;
    if (quote !== null) { if (c === quote) quote = null; else if (c === '\\' && quote === '"') i++; continue; }
    if (c === "'" || c === '"') { quote = c; continue; }
    if (c === '{') open.push({ at: i, inner: [] });
    if (c !== '}' || open.length === 0) continue;
    const block = open.pop()!;
    let body = '';
    let from = block.at + 1;
    for (const [s, e] of block.inner) { body += `${text.slice(from, s)} : `; from = e + 1; }
    body += text.slice(from, i);
    // A body that is a value (`{|f| $f.name }`, a record `{a: 1}`) runs nothing.
    const code = body.replace(/^\s*\|[^|]*\|/, '');
    if (!/^\s*(?:\$|[\w-]+:\s|['"\d(\[{]|$)/.test(code)) out.push(code);
    open[open.length - 1]?.inner.push([block.at, i]);
  }
  return out;
}

/** The text with each outermost `{ … }` block made the word `'{}'` (its body is read on its own: blocksOf). */
function withoutBlocks(text: string): string {
  if (!text.includes('{')) return text;
  let out = '';
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    let part = c;
    if (quote !== null) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"') part += text[++i] ?? '';
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '{') { if (depth++ === 0) out += "'{}'"; continue; }
    else if (c === '}' && depth > 0) { depth--; continue; }
    if (depth === 0) out += part;
  }
  return depth > 0 ? text : out;
}
