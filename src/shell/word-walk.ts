// The shell's quote removal over one word as written, for the readers that fill in what they know of
// it: quotes go, a backslash escapes as bash's does in and out of double quotes, and each expansion
// (`$…`, backticks) is handed to the reader, which gives its value or refuses the word.

export interface Expanded {
  /** How much of the text the expansion takes. */
  readonly length: number;
  readonly value: string;
}

export interface WordWalk {
  /** The value of the expansion at the start of `rest` (`quoted`: inside double quotes); null refuses the word. */
  readonly expansion: (rest: string, quoted: boolean) => Expanded | null;
  /** May this unquoted character stand for itself (not a glob or a brace the shell expands)? Unset: every one may. */
  readonly plain?: (c: string) => boolean;
}

/** The word `text` makes (from `from`, after `prefix`), or null when the reader refuses a part or a quote is left open. */
export function walkWord(text: string, walk: WordWalk, from = 0, prefix = ''): string | null {
  let out = prefix;
  let quoted = false;
  for (let i = from; i < text.length;) {
    const c = text[i]!;
    if (c === '"') { quoted = !quoted; i++; continue; }
    if (c === "'" && !quoted) {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return null;
      out += text.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (c === '\\') {
      const n = text[i + 1];
      if (n === undefined || n === '\n') return null;
      out += quoted && !'$`"\\'.includes(n) ? c + n : n;
      i += 2;
      continue;
    }
    if (c === '$' || c === '`') {
      const e = walk.expansion(text.slice(i), quoted);
      if (e === null) return null;
      out += e.value;
      i += e.length;
      continue;
    }
    if (!quoted && walk.plain && !walk.plain(c)) return null;
    out += c;
    i++;
  }
  return quoted ? null : out;
}
