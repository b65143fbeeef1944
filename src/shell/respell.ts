// Text bash (or zsh) runs that tree-sitter-bash cannot parse, spelled again as the same commands in
// a form it can. Used only after a parse failed (expand/driver.ts), so that what the shell runs is
// read rather than searched for names: two heredocs on one line become the output of a printf of
// their bodies (`< <(printf '%s\n' 'BODY')`), `$((cmd) )`
// (bash reads it as a command substitution of a subshell when it is not arithmetic) becomes
// `$( (cmd) )`, bash 5.3's `${ cmd; }` and `${| cmd; }` become `$( cmd; )`, and zsh's anonymous
// function `() { … } ARGS` (zshmisc(1)) becomes a function defined and called, and a here-string
// after a file redirection (`cat > f <<< 'S'`) the printed word. Each spelling runs
// what the text runs; where a form is not sure (quotes left open, a heredoc never closed), the text
// is left as it is, and stays bad input.

import { decodeAnsiC, decodeDoubleQuoted } from './words.js';

/** Single-quoted: the body of a heredoc whose delimiter is quoted, taken literally. */
function singleQuoted(body: string): string {
  return `'${body.replace(/'/g, `'\\''`)}'`;
}

/**
 * Double-quoted: an unquoted heredoc's body, which expands `$` and backticks and where a backslash
 * escapes only `$`, `` ` ``, `\` and newline; a `"` is literal there, so it is escaped here.
 */
function doubleQuoted(body: string): string {
  let out = '"';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    const n = body[i + 1];
    if (c === '\\' && n !== undefined && '$`\\\n'.includes(n)) { out += c + n; i++; continue; }
    if (c === '\\' && n === '"') { out += '\\\\\\"'; i++; continue; }
    out += c === '"' ? '\\"' : c;
  }
  return out + '"';
}

interface Heredoc { readonly start: number; readonly end: number; readonly delimiter: string; readonly quoted: boolean; readonly tabs: boolean }

/**
 * The heredoc operator at `i` (`<<`, `<<-`, then the delimiter word), or null. bash takes the word
 * as written (no expansion: `<<$A` ends at the line `$A`) and ends the body at the word after quote
 * removal, `$'…'` decoded (bash 5.2: `<<$'A'` ends at `A`, `<<a$'\x41'` at `aA`) and `$"…"` as `"…"`.
 */
function heredocAt(line: string, i: number): Heredoc | null {
  const m = /^<<(-?)[ \t]*/.exec(line.slice(i, i + 64));
  if (!m) return null;
  let j = i + m[0].length;
  let delimiter = '';
  let quoted = false;
  for (; j < line.length && !/[\s;&|()<>]/.test(line[j]!); j++) {
    const c = line[j]!;
    if (c === '$' && (line[j + 1] === "'" || line[j + 1] === '"')) {
      const end = quoteEnd(line, j + 1);
      if (end < 0) return null;
      const body = line.slice(j + 2, end);
      delimiter += line[j + 1] === "'" ? decodeAnsiC(body) : decodeDoubleQuoted(body);
      quoted = true;
      j = end;
    } else if (c === "'" || c === '"') {
      const end = quoteEnd(line, j);
      if (end < 0) return null;
      const body = line.slice(j + 1, end);
      delimiter += c === "'" ? body : decodeDoubleQuoted(body);
      quoted = true;
      j = end;
    } else if (c === '\\') {
      if (j + 1 >= line.length) return null;
      delimiter += line[++j];
      quoted = true;
    } else {
      delimiter += c;
    }
  }
  if (j === i + m[0].length) return null;
  return { start: i, end: j, delimiter, quoted, tabs: m[1] === '-' };
}

/**
 * Where the quote opened at `open` closes on the line, or -1: `'…'` at the next `'`, `$'…'` and
 * `"…"` at the next quote not escaped by a backslash.
 */
function quoteEnd(line: string, open: number): number {
  const q = line[open]!;
  const escapes = q === '"' || line[open - 1] === '$';
  for (let k = open + 1; k < line.length; k++) {
    if (escapes && line[k] === '\\') { k++; continue; }
    if (line[k] === q) return k;
  }
  return -1;
}

/** Does every quote the line opens close on it (and no backslash continue it)? */
function closesQuotes(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\\') { if (++i >= line.length) return false; continue; }
    if (c !== "'" && c !== '"') continue;
    const close = quoteEnd(line, i);
    if (close < 0) return false;
    i = close;
  }
  return true;
}

/** The heredoc operators of one line outside quotes and comments; null when the line is not plain enough to be sure. */
function heredocsOf(line: string): Heredoc[] | null {
  const out: Heredoc[] = [];
  if (/\$\(|`|\(\(|\\$/.test(line)) return null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\\') { i++; continue; }
    if (c === "'" || c === '"') {
      const close = quoteEnd(line, i);
      if (close < 0) return null;
      i = close;
      continue;
    }
    if (c === '#' && (i === 0 || /[\s;&|()]/.test(line[i - 1]!))) break;
    if (line.startsWith('<<<', i)) { i += 2; continue; }
    if (!line.startsWith('<<', i)) continue;
    const h = heredocAt(line, i);
    if (!h) return null;
    out.push(h);
    i = h.end - 1;
  }
  return out;
}

/** Lines with two or more heredocs, each turned into the printed body; null when none or not sure. */
export function heredocsAsStrings(text: string): string | null {
  const lines = text.split('\n');
  const out: string[] = [];
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // A quote or a continuation carried to the next line: that line is not where bash starts reading.
    const docs = line.includes('<<') ? heredocsOf(line) : closesQuotes(line) ? [] : null;
    if (docs === null) return null;
    if (docs.length < 2) {
      // A single heredoc is tree-sitter's to read: its body is copied as it is.
      out.push(line);
      if (docs.length === 1) {
        const end = bodyEnd(lines, i + 1, docs[0]!);
        if (end < 0) return null;
        out.push(...lines.slice(i + 1, end + 1));
        i = end;
      }
      continue;
    }
    let spelled = '';
    let at = 0;
    let next = i + 1;
    for (const doc of docs) {
      const end = bodyEnd(lines, next, doc);
      if (end < 0) return null;
      const body = lines.slice(next, end).map((l) => (doc.tabs ? l.replace(/^\t+/, '') : l)).join('\n');
      // A here-string after a file redirection is an error to tree-sitter; `< <(printf …)` is not.
      spelled += `${line.slice(at, doc.start)}< <(printf '%s\\n' ${doc.quoted ? singleQuoted(body) : doubleQuoted(body)})`;
      at = doc.end;
      next = end + 1;
    }
    out.push(spelled + line.slice(at));
    changed = true;
    i = next - 1;
  }
  return changed ? out.join('\n') : null;
}

/** The index of the line that ends this heredoc's body, or -1 when none does. */
function bodyEnd(lines: readonly string[], from: number, doc: Heredoc): number {
  for (let j = from; j < lines.length; j++) {
    if ((doc.tabs ? lines[j]!.replace(/^\t+/, '') : lines[j]) === doc.delimiter) return j;
  }
  return -1;
}

/**
 * Where each `(` and `{` of the text closes (its index → the index of its `)` or `}`; absent: never),
 * in one pass: bash's quotes are skipped (`'…'`, `$'…'` with its escapes, `"…"` but for the `$(` and
 * `${` inside it) and a backslash escapes the next character. A `(` is always syntax to bash, a `{`
 * may be a letter of a word (`a{b`): a `)` closes its `(` over braces left open, and a `}` inside
 * parentheses is a word. One pass keeps a respelling linear (10,000 unclosed `$((`, each scanned to
 * the end of the text, took 4 s).
 */
function pairsOf(text: string): Map<number, number> {
  const pairs = new Map<number, number>();
  const open: number[] = [];
  const top = (): string | undefined => (open.length > 0 ? text[open[open.length - 1]!] : undefined);
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') { i++; continue; }
    if (top() === '"') {
      if (c === '"') open.pop();
      else if (c === '$' && (text[i + 1] === '(' || text[i + 1] === '{')) open.push(++i);
      continue;
    }
    if (c === "'") {
      const close = text[i - 1] === '$' ? quoteEnd(text, i) : text.indexOf("'", i + 1);
      if (close < 0) break;
      i = close;
    } else if (c === '"' || c === '(' || c === '{') {
      open.push(i);
    } else if (c === '}' && top() === '{') {
      pairs.set(open.pop()!, i);
    } else if (c === ')') {
      while (top() === '{') open.pop();
      if (top() === '(') pairs.set(open.pop()!, i);
    }
  }
  return pairs;
}

/** Apply replacements (`at`, how many characters go, what comes instead), given in order of `at`. */
function applied(text: string, edits: readonly (readonly [number, number, string])[]): string {
  let out = '';
  let at = 0;
  for (const [start, length, insert] of edits) {
    out += text.slice(at, start) + insert;
    at = start + length;
  }
  return out + text.slice(at);
}

/** `$((cmd) )`: not arithmetic (its parentheses do not close as `))`), so a substitution of a subshell. */
function subshellSubstitutions(text: string): string {
  if (!text.includes('$((')) return text;
  const pairs = pairsOf(text);
  const edits: [number, number, string][] = [];
  for (let i = text.indexOf('$(('); i >= 0; i = text.indexOf('$((', i + 3)) {
    const inner = pairs.get(i + 2);
    const outer = pairs.get(i + 1);
    if (inner === undefined || outer === undefined || outer === inner + 1) continue;
    edits.push([i + 2, 0, ' ']);
  }
  return applied(text, edits);
}

/** bash 5.3's `${ cmd; }` and `${| cmd; }`: a command substitution run in the shell itself. */
function functionSubstitutions(text: string): string {
  const re = /\$\{[\s|]/g;
  if (!re.test(text)) return text;
  const pairs = pairsOf(text);
  const chars = text.split('');
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const end = pairs.get(m.index + 1);
    if (end === undefined) break;
    chars[m.index + 1] = '(';
    chars[m.index + 2] = ' ';
    chars[end] = ')';
    re.lastIndex = m.index + 2;
  }
  return chars.join('');
}

/** zsh's `() { BODY } ARGS` at a command's start: the body runs at once, with ARGS as its arguments. */
function anonymousFunctions(text: string): string {
  const re = /(^|[;&|\n{(])([ \t\r\v\f]*)\(\)\s*\{/g;
  if (!re.test(text)) return text;
  const pairs = pairsOf(text);
  const edits: [number, number, string][] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const open = m.index + m[0].length - 1;
    const end = pairs.get(open);
    if (end === undefined) break;
    const body = text.slice(open + 1, end);
    // The body is copied as it is: an anonymous function inside it stays as written.
    edits.push([m.index + m[1]!.length + m[2]!.length, 0, '__zsh_anonymous'], [end, 1, `${/[;\n&]\s*$/.test(body) ? '' : ';'} }; __zsh_anonymous`]);
    re.lastIndex = end + 1;
  }
  return applied(text, edits);
}

/**
 * The end of a here-string's word that starts at `i` (bash expands it without splitting or globbing):
 * quoted parts and plain characters only; -1 where it is not plain enough to be sure (an unquoted `$`,
 * a glob, a backslash, a substitution) or empty.
 */
function plainWordEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && !/[\s;&|()<>]/.test(text[j]!)) {
    const c = text[j]!;
    if (c === "'" || c === '"' || (c === '$' && text[j + 1] === "'")) {
      const open = c === '$' ? j + 1 : j;
      const close = quoteEnd(text, open);
      if (close < 0 || (c === '"' && /\$\(|`/.test(text.slice(open, close)))) return -1;
      j = close + 1;
    } else if (/[$*?[\]{}~`\\]/.test(c)) {
      return -1;
    } else {
      j++;
    }
  }
  return j === i ? -1 : j;
}

/**
 * Here-strings as the printed word (`<<< W` is `< <(printf '%s\n' W)`): tree-sitter refuses one after
 * a file redirection (`cat > f <<< 'S'`), which bash takes. Only in text without heredocs, command
 * substitutions and backticks, whose quotes all close; else left as it is.
 */
function hereStrings(text: string): string {
  if (!text.includes('<<<') || /\$\(|`/.test(text) || /<<(?!<)/.test(text.replace(/<<</g, ''))) return text;
  const edits: [number, number, string][] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') { i++; continue; }
    if (c === "'" || c === '"') {
      const close = c === "'" && text[i - 1] !== '$' ? text.indexOf("'", i + 1) : quoteEnd(text, i);
      if (close < 0) return text;
      i = close;
      continue;
    }
    if (c === '#' && (i === 0 || /[\s;&|()]/.test(text[i - 1]!))) { const nl = text.indexOf('\n', i); if (nl < 0) break; i = nl; continue; }
    if (!text.startsWith('<<<', i)) continue;
    // On another descriptor (`exec 3<<<'…'; bash <&3`) it stays a here-string: what reads it is followed there.
    if (/[1-9]$/.test(text.slice(0, i))) return text;
    const from = i + 3 + (/^[ \t]*/.exec(text.slice(i + 3))?.[0].length ?? 0);
    const end = plainWordEnd(text, from);
    if (end < 0) return text;
    edits.push([i, end - i, `< <(printf '%s\\n' ${text.slice(from, end)})`]);
    i = end - 1;
  }
  return applied(text, edits);
}

/** The text spelled so tree-sitter can read it (see above); null when nothing changes. */
export function respelled(text: string): string | null {
  const spelled = hereStrings(anonymousFunctions(functionSubstitutions(subshellSubstitutions(heredocsAsStrings(text) ?? text))));
  return spelled === text ? null : spelled;
}
