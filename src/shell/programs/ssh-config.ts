// ssh_config text as OpenSSH's readconf.c reads it, for `-o` options, `-F` files and config files
// written in the text alike: the keyword is taken with misc.c strdelim (double quotes removed
// anywhere in it, one `=` or whitespace ending it) and compared without case; a command option's
// value is the rest of the line (the shell there sees any `#`); other values are split with
// argv_split, where `#` starts a comment only at the start of a word.

/** misc.h WHITESPACE. */
const WS = ' \t\r\n';
const skipWs = (s: string, i: number): number => { while (i < s.length && WS.includes(s[i]!)) i++; return i; };

/**
 * misc.c strdelim: the next token and what follows it (null when nothing does), or null for a
 * quote that is never closed.
 */
function strdelim(s: string): { token: string; rest: string | null } | null {
  const m = /[ \t\r\n"=]/.exec(s);
  if (!m) return { token: s, rest: null };
  const i = m.index;
  if (s[i] === '"') {
    const t = s.slice(0, i) + s.slice(i + 1);
    const close = t.indexOf('"', i);
    if (close < 0) return null;
    return { token: t.slice(0, close), rest: t.slice(skipWs(t, close + 1)) };
  }
  const equals = s[i] === '=';
  let j = skipWs(s, i + 1);
  if (!equals && s[j] === '=') j = skipWs(s, j + 1);
  return { token: s.slice(0, i), rest: s.slice(j) };
}

export interface ConfigLine {
  /** The keyword, lower-cased. */
  readonly key: string;
  /** The rest of the line after the keyword, leading whitespace and `=` removed (parse_command). */
  readonly value: string;
}

/** One line of ssh_config (or one `-o` option), as process_config_line takes it apart; null for none. */
export function configLine(line: string): ConfigLine | null {
  const trimmed = line.replace(/[ \t\r\n\f]+$/, '');
  let d = strdelim(trimmed);
  if (d === null) return null;
  // Leading whitespace makes an empty first token; the keyword is the next one.
  if (d.token === '' && d.rest !== null) d = strdelim(d.rest);
  if (d === null || d.token === '' || d.token.startsWith('#') || d.rest === null) return null;
  const value = d.rest.replace(/^[ \t\r\n=]+/, '');
  return value === '' ? null : { key: d.token.toLowerCase(), value };
}

/** Every keyword line of a config file's text. */
export function configLines(text: string): ConfigLine[] {
  return text.split('\n').flatMap((l) => configLine(l) ?? []);
}

/**
 * misc.c argv_split with terminate_on_comment: words split at blanks, "double" and 'single' quotes
 * removed, `\` escaping a quote, a backslash or (unquoted) a blank; `#` at a word's start ends the
 * line. Null for a quote never closed (ssh refuses the line).
 */
export function argvSplit(s: string): string[] | null {
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    if (s[i] === ' ' || s[i] === '\t') { i++; continue; }
    if (s[i] === '#') break;
    let quote = '';
    let arg = '';
    for (; i < s.length; i++) {
      const c = s[i]!;
      const n = s[i + 1];
      if (c === '\\' && (n === "'" || n === '"' || n === '\\' || (quote === '' && n === ' '))) arg += s[++i];
      else if (quote === '' && (c === ' ' || c === '\t')) break;
      else if (quote === '' && (c === '"' || c === "'")) quote = c;
      else if (quote !== '' && c === quote) quote = '';
      else arg += c;
    }
    if (quote !== '') return null;
    out.push(arg);
  }
  return out;
}

/** Match criteria that take no argument (readconf.c match_cfg_line). */
const BARE_CRITERIA = new Set(['all', 'canonical', 'final']);

/**
 * The commands a `Match` line's `exec` criteria run (each of them, `!exec` too), criteria compared
 * without case as strcasecmp does. A line ssh cannot split runs nothing.
 */
export function matchExecs(value: string): string[] {
  const argv = argvSplit(value) ?? [];
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const attrib = argv[i]!.replace(/^!/, '').toLowerCase();
    if (argv[i]!.startsWith('#')) break;
    if (BARE_CRITERIA.has(attrib)) continue;
    const arg = argv[++i];
    if (arg === undefined || arg.startsWith('#')) break;
    if (attrib === 'exec') out.push(arg);
  }
  return out;
}
