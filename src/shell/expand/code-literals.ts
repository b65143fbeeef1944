// String literals of code in the common interpreters (Python, JavaScript, Ruby, Perl, PHP, shell-like
// quoting): where they are, what they hold, and which of them only print. Used by interpreters.ts.
import type { CodeLanguage } from '../grammars/types.js';
import { escapeAt } from './code-escapes.js';

/**
 * Every string literal (and every comma-joined list of literals, as an argv list), but those inside
 * `skip` (a call's command line, read whole where it is called).
 */
export function stringsIn(code: string, skip: readonly { start: number; end: number }[] = [], lang?: CodeLanguage): string[] {
  const literals = literalsOf(code, lang).filter((l) => !skip.some((s) => s.start <= l.start && l.end <= s.end));
  const out = literals.map((l) => l.text);
  let run: string[] = [];
  for (let k = 0; k < literals.length; k++) {
    const cur = literals[k]!;
    const prev = literals[k - 1];
    if (prev && /^\s*,\s*$/.test(code.slice(prev.end, cur.start))) run.push(cur.text);
    else {
      if (run.length > 1) out.push(run.map(quoteForScan).join(' '));
      run = [cur.text];
    }
  }
  if (run.length > 1) out.push(run.map(quoteForScan).join(' '));
  return out;
}

/**
 * The string literals of code, their escapes decoded as `lang` decodes them (`"\x64ocker"` is the
 * program's `docker`), and where each lies.
 */
export function literalsOf(code: string, lang?: CodeLanguage): readonly Literal[] {
  if (code.length < MEMO_FROM) return readLiterals(code, lang);
  const key = lang ?? '';
  let byCode = memo.get(key);
  if (byCode === undefined) memo.set(key, byCode = new Map());
  let found = byCode.get(code);
  if (found === undefined) {
    found = readLiterals(code, lang);
    if (byCode.size >= 16 || memoChars + code.length > MEMO_CHARS) { memo.clear(); memoChars = 0; memo.set(key, byCode = new Map()); }
    byCode.set(code, found);
    memoChars += code.length;
  }
  return found;
}

interface Literal { readonly text: string; readonly start: number; readonly end: number }

/** A file's text is read for its literals by several scans in turn: each reads them once (per language: escapes differ). */
const MEMO_FROM = 256;
/** The texts kept, at most (a long-lived guard reads many files). */
const MEMO_CHARS = 4 * 1024 * 1024;
const memo = new Map<string, Map<string, readonly Literal[]>>();
let memoChars = 0;

function readLiterals(code: string, lang?: CodeLanguage): readonly Literal[] {
  const literals: Literal[] = [];
  for (let i = 0; i < code.length && literals.length < 10_000; i++) {
    const c = code[i]!;
    if (c === '#' && (i === 0 || code[i - 1] === '\n' || code[i - 1] === ' ')) {
      const nl = code.indexOf('\n', i);
      i = nl < 0 ? code.length : nl;
      continue;
    }
    // Perl's and Ruby's quote-like operators: q(…) qq{…} qw[…] qx<…> %x(…) %q{…} %w[…]
    const ql = c === 'q' || c === '%' ? /^(?:qq|qw|qx|q|%[xqQwW]|%)([({[<\/|!])/.exec(code.slice(i, i + 4)) : null;
    if (ql && (i === 0 || /[\s(,;=]/.test(code[i - 1]!))) {
      const open = ql[1]!;
      const close = ({ '(': ')', '{': '}', '[': ']', '<': '>' } as Record<string, string>)[open] ?? open;
      const j = code.indexOf(close, i + ql[0].length);
      if (j > 0) {
        const body = code.slice(i + ql[0].length, j);
        literals.push({ text: /^q?w|^%[wW]/.test(ql[0]) ? body.trim().split(/\s+/).map(quoteForScan).join(' ') : body, start: i, end: j + 1 });
        i = j;
        continue;
      }
    }
    if (c !== '"' && c !== "'" && c !== '`') continue;
    const triple = code.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
    let j = i + triple.length;
    let text = '';
    let run = j;
    while (j < code.length && !code.startsWith(triple, j)) {
      if (code[j] === '\\' && j + 1 < code.length) {
        const e = escapeAt(code, j, lang);
        text += code.slice(run, j) + e.text;
        j += e.length;
        run = j;
        continue;
      }
      j++;
    }
    text += code.slice(run, j);
    literals.push({ text, start: i, end: j + triple.length });
    i = j + triple.length - 1;
  }
  return literals;
}

export function quoteForScan(s: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * Calls that only write text to the terminal: their arguments are what the program says, not
 * commands (`print("docker ps is for the server")`). A call that names another destination (a
 * Python `file=`, a Perl or Ruby handle other than STDOUT/STDERR) may be writing into a process,
 * and is not one of these.
 */
const PRINTS = /(?<![\w.$])(?:print|printf|say|puts|warn|echo|console\.(?:log|error|warn|info|debug)|process\.std(?:out|err)\.write|sys\.std(?:out|err)\.write|(?:\$std(?:out|err)|STD(?:OUT|ERR))\.(?:puts|print|write)|(?:print|printf|say)[ \t]+STD(?:OUT|ERR)|logging\.(?:debug|info|warning|error|critical)|logger\.(?:debug|info|warn|warning|error))\b[ \t]*/g;

/**
 * The code with the literals that are arguments of printing calls emptied, except where the
 * arguments start a process (`print(subprocess.check_output([…]))`: `starts` tells).
 */
export function withoutPrinted(code: string, starts: (args: string) => boolean = () => false): string {
  if (!/print|say|puts|warn|echo|console|std(?:out|err)|log/.test(code)) return code;
  const literals = literalsOf(code);
  const inLiteral = (at: number): boolean => literals.some((l) => l.start <= at && at < l.end);
  const blank: { start: number; end: number }[] = [];
  for (const m of code.matchAll(PRINTS)) {
    if (inLiteral(m.index)) continue;
    const from = m.index + m[0].length;
    // The arguments: to the matching parenthesis, or (without one) to the end of the statement.
    let end = from;
    let depth = 0;
    for (; end < code.length && end - from < 4000; end++) {
      const lit = literals.find((l) => l.start === end);
      if (lit) { end = lit.end - 1; continue; }
      const c = code[end]!;
      if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') { depth--; if (depth <= 0) { if (depth === 0) end++; break; } }
      else if (depth === 0 && (c === ';' || c === '\n')) break;
    }
    const args = code.slice(from, end);
    // `print(…, file=p.stdin)`, `print $fh "…"`, `print {$fh} …`, `puts(x, file)`: written somewhere else.
    if (/\bfile\s*=/.test(args) || /^\(?\s*(?:\$\w+|\{)/.test(args)) continue;
    if (starts(args)) continue;
    blank.push({ start: from, end });
  }
  if (blank.length === 0) return code;
  let out = '';
  let at = 0;
  for (const l of literals) {
    if (!blank.some((b) => b.start <= l.start && l.end <= b.end)) continue;
    // Backticks and qx/%x run their text (Perl, Ruby, PHP), even inside a print.
    if (code[l.start] === '`' || /^(?:qx|%x)/.test(code.slice(l.start, l.start + 2))) continue;
    out += code.slice(at, l.start) + code[l.start]! + code[l.end - 1]!;
    at = l.end;
  }
  return out + code.slice(at);
}
