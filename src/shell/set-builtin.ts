// What the `set` builtin changes for the commands after it that the walk must know: the keyword
// option (`set -k`: bash(1) puts every argument in the form of an assignment into the command's
// environment, not only those before its name) and the positional parameters (`set -- A B` makes
// `$1` A), which a later word may expand.
import type { Assignment, SimpleCommand } from './simple-command.js';

/** Marks, in the walk's variables, that the keyword option is on. */
export const KEYWORD = '\u0005k';
/** The positional parameters are kept as variables named `1`, `2`, … (never a shell variable's name). */
export const MAX_POSITIONAL = 64;

/** What one `set` command changes: the keyword option (undefined: left as it was) and the positional parameters (undefined: kept). */
export interface SetChange {
  readonly keyword?: boolean;
  readonly positional?: readonly (string | null)[];
}

/** `set [-+options] [-o NAME] [--] [ARG…]`, with the words as the shell sees them (null: computed). */
export function setChange(words: readonly (string | null)[]): SetChange | null {
  if (words[0] !== 'set' || words.length < 2) return null;
  let keyword: boolean | undefined;
  let i = 1;
  for (; i < words.length; i++) {
    const w = words[i];
    // A computed word may be an option or an argument: what follows is not known.
    if (w === null || w === undefined) return { ...(keyword !== undefined ? { keyword } : {}), positional: [null] };
    if (w === '--') { i++; break; }
    if (w === '-') { i++; break; }
    if (!/^[-+]/.test(w)) break;
    const on = w.startsWith('-');
    if ((w.slice(1) === 'o' || w.slice(1) === 'O') && words[i + 1] === 'keyword') { keyword = on; i++; continue; }
    if (/^[-+][A-Za-z]*o$/.test(w)) { if (words[i + 1] === 'keyword') keyword = on; i++; continue; }
    if (w.slice(1).includes('k')) keyword = on;
  }
  const args = words.slice(i, i + MAX_POSITIONAL);
  const given = i < words.length || words[i - 1] === '--';
  return { ...(keyword !== undefined ? { keyword } : {}), ...(given ? { positional: args } : {}) };
}

/** Does this command change the positional parameters in a way the walk does not follow (`shift`)? */
export function shiftsPositional(words: readonly (string | null)[]): boolean {
  return words[0] === 'shift';
}

/**
 * Under `set -k`, the arguments written as assignments (`NAME=VALUE`, the name unquoted) are the
 * command's environment, not its words.
 */
export function withKeywordAssignments(command: SimpleCommand): SimpleCommand {
  const words = command.words.slice(0, 1);
  const assignments: Assignment[] = [...command.assignments];
  for (const w of command.words.slice(1)) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(w.text);
    if (!m) { words.push(w); continue; }
    const value = w.value !== null && w.value.startsWith(m[0]) ? w.value.slice(m[0].length) : null;
    assignments.push({ name: m[1]!, value, text: w.text.slice(m[0].length) });
  }
  return words.length === command.words.length ? command : { ...command, words, assignments };
}
