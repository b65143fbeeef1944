// Words: quote removal and escape decoding (ours, not the parser's), and quoting words back into
// shell text for rewrites. tree-sitter tells us where a word's quoted parts are; this module turns
// them into the string the shell would pass to the program, or says the value is not static.
import { createRequire } from 'node:module';

// shell-quote quotes the words our own two forms cannot; it is loaded on first use, since it is the
// only CommonJS module a hook would otherwise load, and that costs a cold process ~10 ms.
let shellQuoteQuote: ((args: readonly string[]) => string) | undefined;
function quoteWithShellQuote(word: string): string {
  shellQuoteQuote ??= (createRequire(import.meta.url)('shell-quote') as typeof import('shell-quote')).quote;
  return shellQuoteQuote([word]);
}

/** A word as the program would receive it. `value` is null when it depends on run-time state. */
export interface Word {
  /** The decoded value, or null when the word contains an expansion or a glob. */
  readonly value: string | null;
  /** The text after the last static `/`, when that part is static (`$HOME/bin/docker` → `docker`). */
  readonly tail: string | null;
  /** The word as written. */
  readonly text: string;
  /** [start, end) in the parsed text. */
  readonly start: number;
  readonly end: number;
}

/** Decode the inside of an ANSI-C quoted string `$'…'` as bash does. */
export function decodeAnsiC(body: string): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\' || i + 1 >= body.length) {
      out += c;
      continue;
    }
    const n = body[++i]!;
    switch (n) {
      case 'a': out += '\x07'; break;
      case 'b': out += '\b'; break;
      case 'e': case 'E': out += '\x1b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'v': out += '\v'; break;
      case '\\': case "'": case '"': case '?': out += n; break;
      case 'c': {
        const ch = body[i + 1];
        if (ch === undefined) { out += '\\c'; break; }
        i++;
        out += String.fromCharCode(ch.toUpperCase().charCodeAt(0) & 0x1f);
        break;
      }
      case 'x': case 'u': case 'U': {
        const max = n === 'x' ? 2 : n === 'u' ? 4 : 8;
        let hex = '';
        while (hex.length < max && /[0-9a-fA-F]/.test(body[i + 1] ?? '')) hex += body[++i];
        if (hex === '') { out += '\\' + n; break; }
        const cp = parseInt(hex, 16);
        out += cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
        break;
      }
      default: {
        if (n >= '0' && n <= '7') {
          let oct = n;
          while (oct.length < 3 && /[0-7]/.test(body[i + 1] ?? '')) oct += body[++i];
          out += String.fromCharCode(parseInt(oct, 8) & 0xff);
        } else {
          out += '\\' + n;
        }
      }
    }
  }
  return out;
}

/** Remove backslash escapes from an unquoted word (`\d` → `d`). Backslash-newline is already joined. */
export function decodeUnquoted(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) {
      out += text[++i];
    } else {
      out += c;
    }
  }
  return out;
}

/** Inside double quotes a backslash escapes only `$`, backtick, `"`, `\` and newline. */
export function decodeDoubleQuoted(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const n = text[i + 1];
    if (c === '\\' && n !== undefined && '$`"\\\n'.includes(n)) {
      if (n !== '\n') out += n;
      i++;
    } else {
      out += c;
    }
  }
  return out;
}

/** True when an unquoted word has an unescaped glob character that the shell would expand. */
export function hasUnquotedGlob(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') { i++; continue; }
    if (c === '*' || c === '?') return true;
    // `[` starts a bracket expression only when a `]` closes it (`[[` and `[` alone are words).
    if (c === '[' && text.indexOf(']', i + 2) > i) return true;
  }
  return false;
}

/**
 * A word with a glob in it but no expansion, as bash passes it when the glob matches nothing (its
 * default: `restart?t=0`, `http://[::1]:2375/…` stay as written, quotes removed); null when the word
 * has a parameter, command or arithmetic expansion.
 */
export function globAsWritten(text: string): string | null {
  if (/[$`]/.test(text)) return null;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) { out += text[++i]; continue; }
    if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += c === '"' && text[j] === '\\' ? 2 : 1;
      if (j >= text.length) return null;
      const inner = text.slice(i + 1, j);
      out += c === '"' ? decodeDoubleQuoted(inner) : inner;
      i = j;
      continue;
    }
    out += c;
  }
  return out;
}

/** The basename of a static program path: `/usr/bin/docker` → `docker`. */
export function basename(value: string): string {
  const i = value.lastIndexOf('/');
  return i >= 0 ? value.slice(i + 1) : value;
}

const BARE = /^[A-Za-z0-9_@%+=:,./-]+$/;
const DOUBLE_SAFE = /^[^"$`\\!]*$/;

/**
 * Quote one word for a POSIX shell, readably: bare when nothing needs quoting, double quotes when
 * only spaces and harmless punctuation do (`"deploy: restart web"`), shell-quote's `quote` otherwise.
 */
export function quoteWord(word: string): string {
  if (word !== '' && BARE.test(word)) return word;
  if (word !== '' && DOUBLE_SAFE.test(word) && !word.includes('\n')) return `"${word}"`;
  if (word === '') return "''";
  return quoteWithShellQuote(word);
}

/** Quote a list of words into one command line. */
export function quoteWords(words: readonly string[]): string {
  return words.map(quoteWord).join(' ');
}

/** Marks the computed rest of a word whose start is static (`-j"$(nproc)"` → `-j` + COMPUTED). */
export const COMPUTED = '\u0000';

/**
 * A word as an argument for option scanning: its value, or for a computed word that starts like an
 * option (`-j"$(nproc)"`, `--file=$F`) the static option part followed by COMPUTED, so the option
 * is still seen and only its value is unknown.
 */
export function argOf(w: Word): string | null {
  if (w.value !== null) return w.value;
  // `--kubeconfig=<(…)`: bash expands a process substitution inside a word too.
  const m = /^(--?[A-Za-z0-9][A-Za-z0-9-]*=?)(?=["'$`]|[<>]\()/.exec(w.text);
  return m ? m[1]! + COMPUTED : null;
}
