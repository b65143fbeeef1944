// Text bash (or zsh) runs that tree-sitter-bash cannot parse, spelled again as the same commands in
// a form it can. Used only after a parse failed (expand/driver.ts), so that what the shell runs is
// read rather than searched for names: two heredocs on one line become the output of a printf of
// their bodies (`< <(printf '%s\n' 'BODY')`), `$((cmd) )`
// (bash reads it as a command substitution of a subshell when it is not arithmetic) becomes
// `$( (cmd) )`, bash 5.3's `${ cmd; }` and `${| cmd; }` become `$( cmd; )`, and zsh's anonymous
// function `() { … } ARGS` (zshmisc(1)) becomes a function defined and called. Each spelling runs
// what the text runs; where a form is not sure (quotes left open, a heredoc never closed), the text
// is left as it is, and stays bad input.

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

/** The heredoc operator at `i` (`<<`, `<<-`, then the delimiter word), or null. */
function heredocAt(line: string, i: number): Heredoc | null {
  const m = /^<<(-?)[ \t]*((?:[^\s;&|()<>'"\\]|\\.|'[^']*'|"[^"\\]*")+)/.exec(line.slice(i));
  if (!m) return null;
  const word = m[2]!;
  const delimiter = word.replace(/\\(.)/g, '$1').replace(/'([^']*)'|"([^"]*)"/g, '$1$2');
  return { start: i, end: i + m[0].length, delimiter, quoted: /['"\\]/.test(word), tabs: m[1] === '-' };
}

/** Does every quote the line opens close on it (and no backslash continue it)? */
function closesQuotes(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\\') { if (++i >= line.length) return false; continue; }
    if (c !== "'" && c !== '"') continue;
    const close = line.indexOf(c, i + 1);
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
      const close = line.indexOf(c, i + 1);
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

/** Where the parenthesis opened at `open` closes (quotes skipped), or -1. */
function closing(text: string, open: number, pair: '()' | '{}'): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') { i++; continue; }
    if (c === "'" || c === '"') {
      const close = text.indexOf(c, i + 1);
      if (close < 0) return -1;
      i = close;
      continue;
    }
    if (c === pair[0]) depth++;
    else if (c === pair[1] && --depth === 0) return i;
  }
  return -1;
}

/** `$((cmd) )`: not arithmetic (its parentheses do not close as `))`), so a substitution of a subshell. */
function subshellSubstitutions(text: string): string {
  let out = text;
  for (let i = out.indexOf('$(('); i >= 0; i = out.indexOf('$((', i + 3)) {
    const inner = closing(out, i + 2, '()');
    const outer = closing(out, i + 1, '()');
    if (inner < 0 || outer < 0 || outer === inner + 1) continue;
    out = `${out.slice(0, i)}$( ${out.slice(i + 2)}`;
  }
  return out;
}

/** bash 5.3's `${ cmd; }` and `${| cmd; }`: a command substitution run in the shell itself. */
function functionSubstitutions(text: string): string {
  let out = text;
  const re = /\$\{[\s|]/g;
  for (let m = re.exec(out); m !== null; m = re.exec(out)) {
    const end = closing(out, m.index + 1, '{}');
    if (end < 0) break;
    out = `${out.slice(0, m.index)}$( ${out.slice(m.index + 3, end)})${out.slice(end + 1)}`;
    re.lastIndex = m.index + 2;
  }
  return out;
}

/** zsh's `() { BODY } ARGS` at a command's start: the body runs at once, with ARGS as its arguments. */
function anonymousFunctions(text: string): string {
  let out = text;
  const re = /(^|[;&|\n{(]\s*)\(\)\s*\{/g;
  for (let m = re.exec(out); m !== null; m = re.exec(out)) {
    const open = m.index + m[0].length - 1;
    const end = closing(out, open, '{}');
    if (end < 0) break;
    const body = out.slice(open + 1, end);
    const call = `__zsh_anonymous() {${body}${/[;\n&]\s*$/.test(body) ? '' : ';'} }; __zsh_anonymous`;
    out = `${out.slice(0, m.index)}${m[1]}${call}${out.slice(end + 1)}`;
    re.lastIndex = m.index + m[1]!.length + call.length;
  }
  return out;
}

/** The text spelled so tree-sitter can read it (see above); null when nothing changes. */
export function respelled(text: string): string | null {
  const spelled = anonymousFunctions(functionSubstitutions(subshellSubstitutions(heredocsAsStrings(text) ?? text)));
  return spelled === text ? null : spelled;
}
