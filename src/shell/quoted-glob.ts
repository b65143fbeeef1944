// A quoted or escaped blank inside a word that also holds a glob character (`"ls "*`, `'a b'?`):
// one word, a glob, to the shell, but two words once the quotes are gone. Read in one pass, word by
// word as the shell splits them (the text holds no `$` or backtick here: see fastpath.ts).

const BLANK = /\s/;
const ENDS_WORD = /[\s;&|()<>]/;

/** Does some word of `text` hold a quoted blank and an unquoted glob character? Linear in the text. */
export function quotedSpaceGlob(text: string): boolean {
  let quotedBlank = false;
  let glob = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "'" || c === '"') {
      const close = closing(text, i, c);
      // An unterminated quote: leave it to the parser.
      if (close < 0) return true;
      for (let j = i + 1; j < close && !quotedBlank; j++) if (BLANK.test(text[j]!)) quotedBlank = true;
      i = close;
    } else if (c === '\\') {
      if (i + 1 < text.length && BLANK.test(text[i + 1]!)) quotedBlank = true;
      i++;
    } else if (ENDS_WORD.test(c)) {
      quotedBlank = false;
      glob = false;
      continue;
    } else if (c === '*' || c === '?' || c === '[') {
      glob = true;
    }
    if (quotedBlank && glob) return true;
  }
  return false;
}

/** Where the quote opened at `i` closes (a backslash escapes inside double quotes); -1 when it does not. */
function closing(text: string, i: number, quote: string): number {
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] === quote) return j;
    if (quote === '"' && text[j] === '\\') j++;
  }
  return -1;
}
