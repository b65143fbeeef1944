// Backslash escapes in the string literals of interpreter code, decoded as the language decodes
// them: a command spelled `"\x64ocker"`, `"\u{64}ocker"` or Lua's `"\100ocker"` is `docker` when it runs.
import type { CodeLanguage } from '../grammars/types.js';

/** Escapes that name a character by its number: the pattern after the backslash and the number's base. */
interface NumberEscape {
  readonly re: RegExp;
  readonly base: number;
  /** Languages where the escape means something else (Lua's `\ddd` is decimal). */
  readonly not?: readonly CodeLanguage[];
  readonly only?: readonly CodeLanguage[];
}

const NUMBER_ESCAPES: readonly NumberEscape[] = [
  { re: /^x\{([0-9a-fA-F]{1,8})\}/, base: 16 }, // Perl
  { re: /^x([0-9a-fA-F]{1,2})/, base: 16 },
  { re: /^u\{([0-9a-fA-F]{1,8})\}/, base: 16 }, // JavaScript, Ruby, PHP 7, Lua 5.3
  { re: /^u([0-9a-fA-F]{4})/, base: 16 },
  { re: /^U([0-9a-fA-F]{8})/, base: 16 }, // Python
  { re: /^N\{U\+([0-9a-fA-F]{1,8})\}/, base: 16 }, // Perl
  { re: /^o\{([0-7]{1,8})\}/, base: 8 }, // Perl
  { re: /^([0-9]{1,3})/, base: 10, only: ['lua'] },
  { re: /^([0-7]{1,3})/, base: 8, not: ['lua'] },
];

/** Single-character escapes. */
const SIMPLE: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r' };

/** Punctuation and digits by their Unicode names, for Python's and Perl's `\N{NAME}`. */
const NAMED: Readonly<Record<string, string>> = {
  SPACE: ' ', 'HYPHEN-MINUS': '-', 'FULL STOP': '.', SOLIDUS: '/', 'LOW LINE': '_', COLON: ':', 'EQUALS SIGN': '=',
  'VERTICAL LINE': '|', SEMICOLON: ';', AMPERSAND: '&', 'COMMERCIAL AT': '@', 'DOLLAR SIGN': '$',
  'DIGIT ZERO': '0', 'DIGIT ONE': '1', 'DIGIT TWO': '2', 'DIGIT THREE': '3', 'DIGIT FOUR': '4',
  'DIGIT FIVE': '5', 'DIGIT SIX': '6', 'DIGIT SEVEN': '7', 'DIGIT EIGHT': '8', 'DIGIT NINE': '9',
};

function named(name: string): string | null {
  const n = name.trim().toUpperCase().replace(/\s+/g, ' ');
  const letter = /^LATIN (SMALL|CAPITAL) LETTER ([A-Z])$/.exec(n);
  if (letter) return letter[1] === 'SMALL' ? letter[2]!.toLowerCase() : letter[2]!;
  return NAMED[n] ?? null;
}

/** The escape at `code[at]` (a backslash): the text it stands for and how many characters it takes. */
export function escapeAt(code: string, at: number, lang?: CodeLanguage): { text: string; length: number } {
  const rest = code.slice(at + 1, at + 13);
  for (const e of NUMBER_ESCAPES) {
    if (lang !== undefined && (e.not?.includes(lang) || (e.only && !e.only.includes(lang)))) continue;
    if (lang === undefined && e.only) continue;
    const m = e.re.exec(rest);
    if (!m) continue;
    const n = parseInt(m[1]!, e.base);
    if (n > 0x10ffff) break;
    return { text: String.fromCodePoint(n), length: 1 + m[0].length };
  }
  const name = /^N\{([A-Za-z0-9 -]{1,60})\}/.exec(code.slice(at + 1, at + 64));
  if (name) {
    const c = named(name[1]!);
    if (c !== null) return { text: c, length: 1 + name[0].length };
  }
  const n = code[at + 1]!;
  return { text: SIMPLE[n] ?? n, length: 2 };
}
