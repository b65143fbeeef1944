// Finding any of many names as words of their own in text, without a regular expression of all of
// them: the fast path asks this once per cold process, and compiling an alternation of a few hundred
// names costs that process more than the whole search. The names are ASCII words that may hold
// `.`, `+` and `-` (`docker-compose`, `python3.12`); what counts as the edge of a word is the
// caller's (see fastpath.ts).

const isWordChar = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
/** What `accepts` takes, as one test (a cold process runs a regular expression faster than a loop over characters). */
const SEARCHABLE = /^[A-Za-z0-9_][A-Za-z0-9_+.-]*$/;
const isNameChar = (c: number): boolean => isWordChar(c) || c === 43 || c === 45 || c === 46;

export interface WordEdges {
  /** May a name start after this character (a char code)? The start of the text always may. */
  readonly before: (c: number) => boolean;
  /** May a name (and its suffix) end before this character? The end of the text always may. */
  readonly after: (c: number) => boolean;
  /** Characters a name may be followed by before its end (`python3` + `.12`), or none. */
  readonly suffix?: (c: number) => boolean;
  /** Compare without ASCII case. */
  readonly caseless?: boolean;
}

export class WordSet {
  private readonly names: ReadonlySet<string>;
  private readonly longest: number;

  /** `names` that are not ASCII words of name characters starting with a word character are left out. */
  constructor(names: Iterable<string>, private readonly edges: WordEdges) {
    const kept = [...names].filter((n) => WordSet.accepts(n)).map((n) => (edges.caseless ? n.toLowerCase() : n));
    this.names = new Set(kept);
    this.longest = kept.reduce((m, n) => Math.max(m, n.length), 0);
  }

  /** Can this name be searched for as a word? */
  static accepts(name: string): boolean {
    return SEARCHABLE.test(name);
  }

  /** Is one of the names in `text` as a word of its own? */
  test(text: string): boolean {
    return this.some(text, () => true);
  }

  /** Does `accept` hold for one of the names found in `text` (given as stored: lower case when caseless)? */
  some(text: string, accept: (name: string) => boolean): boolean {
    const n = text.length;
    for (let p = 0; p < n; p++) {
      if (!isWordChar(text.charCodeAt(p)) || (p > 0 && !this.edges.before(text.charCodeAt(p - 1)))) continue;
      const limit = Math.min(n, p + this.longest);
      for (let e = p + 1; e <= limit; e++) {
        if (!isNameChar(text.charCodeAt(e - 1))) break;
        // The edge first: most prefixes of a word end before another name character, and then no slice is made.
        if (!this.endsAt(text, e)) continue;
        const word = this.edges.caseless ? text.slice(p, e).toLowerCase() : text.slice(p, e);
        if (this.names.has(word) && accept(word)) return true;
      }
    }
    return false;
  }

  /** Does a name that stops at `e` end there, after its suffix if any? */
  private endsAt(text: string, e: number): boolean {
    for (let q = e; ; q++) {
      if (q === text.length || this.edges.after(text.charCodeAt(q))) return true;
      if (!this.edges.suffix?.(text.charCodeAt(q))) return false;
    }
  }
}

/** A word's edge as a regular expression `[^A-Za-z0-9_…]` sees it: not a word character, nor one of `also`. */
export function notWordChar(also = ''): (c: number) => boolean {
  const extra = new Set([...also].map((ch) => ch.charCodeAt(0)));
  return (c) => !isWordChar(c) && !extra.has(c);
}
