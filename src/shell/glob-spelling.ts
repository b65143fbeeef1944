// A glob in a command name (`d?cker`, `[d]ocker`, `d[o]cker`) is an ordinary word to bash, which
// expands it before the lookup; tree-sitter-bash reads `name?` and `name[…]` at a command's start as
// broken variable syntax and `[…]` as a test. When a parse fails, such words are spelled again for
// the parser alone (same length, `*` for each glob character), and the commands are read from the
// text as written: the words keep their own text, and a glob word's value stays computed.
import { collectCommands, type WalkResult } from './invocations.js';
import { withTree, type ParseFailure } from './parse.js';
import { hasUnquotedGlob } from './words.js';

/** Words after which the next word still starts a command. */
const BEFORE_COMMAND = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', 'time', 'exec']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*(?:\[[^\]]*\])?\+?=/;

/** Where the word that starts at `i` ends: blanks and operators end it; quotes and escapes do not. */
function wordEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length) {
    const c = text[j]!;
    if (/[\s;&|()<>`]/.test(c) || text.startsWith('$(', j)) break;
    if (c === '\\') { j += 2; continue; }
    if (c === "'" || c === '"') {
      const close = text.indexOf(c, j + 1);
      if (close < 0) return text.length;
      j = close + 1;
      continue;
    }
    j++;
  }
  return Math.max(j, i + 1);
}

/** `*` for each glob character outside quotes. */
function respell(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const c = word[i]!;
    if (c === '\\') { out += word.slice(i, i + 2); i++; continue; }
    if (c === "'" || c === '"') {
      const close = word.indexOf(c, i + 1);
      const end = close < 0 ? word.length : close + 1;
      out += word.slice(i, end);
      i = end - 1;
      continue;
    }
    out += c === '?' || c === '[' || c === ']' ? '*' : c;
  }
  return out;
}

/** The text with every command-name glob spelled so tree-sitter reads it as a word (same length). */
export function globSpelling(text: string): string {
  let out = '';
  let atStart = true;
  let target = false;
  for (let i = 0; i < text.length;) {
    const c = text[i]!;
    if (c === ' ' || c === '\t') { out += c; i++; continue; }
    if (/[;&|()\n`]/.test(c) || text.startsWith('$(', i)) {
      const n = c === '$' ? 2 : 1;
      out += text.slice(i, i + n);
      i += n;
      atStart = true;
      target = false;
      continue;
    }
    if (c === '<' || c === '>') { out += c; i++; target = true; continue; }
    const end = wordEnd(text, i);
    const word = text.slice(i, end);
    i = end;
    if (target || !atStart) { out += word; target = false; continue; }
    if (BEFORE_COMMAND.has(word) || ASSIGNMENT.test(word) || /^[0-9]+$/.test(word)) { out += word; continue; }
    atStart = false;
    out += hasUnquotedGlob(word.replace(/'[^']*'|"[^"]*"/g, 'x')) ? respell(word) : word;
  }
  return out;
}

/** Parse `text` into its commands; a syntax error that command-name globs cause is read past (see above). */
export function parseCommands(text: string, seed?: ReadonlyMap<string, string | null>): WalkResult | ParseFailure {
  const parsed = withTree(text, (root) => collectCommands(text, root, 0, seed));
  if ('ok' in parsed || parsed.kind !== 'syntax') return parsed;
  const spelled = globSpelling(text);
  if (spelled === text) return parsed;
  const again = withTree(spelled, (root) => collectCommands(text, root, 0, seed));
  return 'ok' in again ? again : parsed;
}
