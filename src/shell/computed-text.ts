// Does the shell compute part of a text when it runs it (parameters, substitutions, backticks, globs,
// brace expressions)? One scan each, linear in the text: the fast path and the policy both ask.

/**
 * Could a word of `t` hold a brace expression (`{a,b}`, `{a..z}`): a `{`, then `,` or `..` with no brace
 * between, then a `}`? One scan (a regular expression backtracked from every `{`: 20,000 × `{a,` took 1.9 s).
 */
export function hasBraces(t: string): boolean {
  let open = false;
  let armed = false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) open = armed = false; // a blank ends the word
    else if (c === 123) open = true;
    else if (c === 125) { if (armed) return true; open = false; }
    else if (open && (c === 44 || (c === 46 && t.charCodeAt(i + 1) === 46))) armed = true;
  }
  return false;
}

/** Could the shell compute part of this text (`$…`, backticks, `\$`)? Single-quoted text is literal. */
export function expands(text: string): boolean {
  if (!text.includes('$') && !text.includes('`')) return false;
  let single = false;
  let double = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (single) { if (c === "'") single = false; continue; }
    if (c === '\\') return true;
    if (c === "'" && !double) { single = true; continue; }
    if (c === '"') { double = !double; continue; }
    if (c === '$' || c === '`') return true;
  }
  return single || double;
}

/**
 * Does the shell compute part of this text when it runs it: a parameter, a command substitution,
 * backticks, outside single quotes? (Unlike `expands`, an unclosed quote alone does not count.)
 */
export function computesPart(text: string): boolean {
  let double = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') { i++; continue; }
    if (c === '"') double = !double;
    if (c === "'" && !double) { const j = text.indexOf("'", i + 1); if (j < 0) return false; i = j; continue; }
    if (c === '`') return true;
    if (c === '$' && /[A-Za-z_{(@*#?!$0-9-]/.test(text[i + 1] ?? '')) return true;
  }
  return globbedWord(text);
}

/**
 * Does a word of this text hold an unquoted glob (`d?cker`, `kub[e]ctl`, `*ocker`) or brace expression
 * (`d{o..o}cker`, `{docker,x}`)? The shell builds such a word when it runs, so it is computed too.
 */
function globbedWord(text: string): boolean {
  let word = '';
  const ends = (): boolean => {
    const w = word;
    word = '';
    return /[*?]/.test(w) || /\[[^\]]+\]/.test(w) || /\{[^{}]*(?:,|\.\.)[^{}]*\}/.test(w);
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') { i++; word += 'x'; continue; }
    if (c === "'" || c === '"') {
      const j = text.indexOf(c, i + 1);
      if (j < 0) return ends();
      word += 'x'.repeat(j - i - 1);
      i = j;
      continue;
    }
    if (/[\s;&|()<>]/.test(c)) { if (ends()) return true; continue; }
    word += c;
  }
  return ends();
}
