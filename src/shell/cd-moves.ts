// What a command does to the shell's working directory and its directory stack, as the walk
// (invocations.ts) meets it: `cd`, `pushd`, `popd`, `set -P`, `shopt -s cdable_vars`, also spelled
// `builtin cd`, `command cd`, `time cd`, `eval cd …`, and the call of a function the text defines.
// Where each move lands is worked out where the files can be read (expand/cd-states.ts): whether the
// target is a directory (a failed `cd` leaves the shell where it was), CDPATH, links under `-P`.
import type { SimpleCommand } from './simple-command.js';
import type { Word } from './words.js';

export type CdStep =
  /** `cd WORD` (`word` null: `cd` alone, home); `stack`: `pushd WORD` pushes, `pushd -n WORD` only adds to the stack. */
  | { readonly op: 'cd'; readonly word: Word | null; readonly physical: boolean; readonly stack?: 'push' | 'add'
    /** CDPATH where the `cd` runs: undefined when the text does not set it, null when computed. */
    readonly cdpath: string | null | undefined; readonly env: ReadonlyMap<string, string | null> }
  /** `pushd` alone swaps the top two; `pushd +N`/`-N` rotates the Nth to the top. */
  | { readonly op: 'rotate'; readonly n: number; readonly fromEnd: boolean }
  /** `popd [+N|-N]`; `keep`: `-n`, the directory stays. */
  | { readonly op: 'popd'; readonly n: number; readonly fromEnd: boolean; readonly keep: boolean }
  | { readonly op: 'physical'; readonly on: boolean }
  | { readonly op: 'cdable'; readonly on: boolean }
  /** The call of a function the text defines, with the moves its body makes. */
  | { readonly op: 'calls'; readonly moves: readonly CdMove[] }
  /** Moves somewhere this does not follow. */
  | { readonly op: 'unknown' };

/**
 * A step, and what a later command knows of it: without `status`, that it ran and did what it says
 * (the command runs only then: later in the same `cd x && …` chain); `ran`, that it ran, but may have
 * failed (after `;`); `maybe`, that it may not have run (in a branch, after `&&`, in a loop's body).
 */
export type CdMove = CdStep & { readonly status?: 'ran' | 'maybe' };

/** Most moves kept; past it the directory is not known. */
const MAX_MOVES = 24;

const UNKNOWN: CdMove = { op: 'unknown' };

/** Text that moves the shell when a function with it as its body runs. */
const MOVES = /(?:^|[\s;&|({`])(?:cd|pushd|popd)(?=[\s;&|)}`]|$)/;

/** `moves` with `move` after it. */
export function withMove(moves: readonly CdMove[], move: CdMove): readonly CdMove[] {
  return moves.length >= MAX_MOVES ? [UNKNOWN] : [...moves, move];
}

/** The moves in [from, to) as `status` says, where that knows less of them than they say now. */
export function demoted(moves: readonly CdMove[], status: 'ran' | 'maybe', from: number, to = moves.length): readonly CdMove[] {
  const at = Math.max(0, from);
  if (at >= to || moves.slice(at, to).every((m) => m.status === 'maybe' || m.status === status)) return moves;
  const less = (m: CdMove): CdMove => (m.status === 'maybe' || m.status === status ? m : { ...m, status });
  return [...moves.slice(0, at), ...moves.slice(at, to).map(less), ...moves.slice(to)];
}

/**
 * What `command` does to the directory, or null when nothing. `body(name)`: the body of a function the
 * text defined so far.
 */
export function cdMove(command: SimpleCommand, body: (name: string) => string | undefined,
  calls: (name: string) => readonly CdMove[] | undefined = () => undefined): CdMove | null {
  let words: readonly Word[] = command.words;
  let fnOk = true;
  for (let peeled = 0; peeled < 8; peeled++) {
    const name = words[0]?.value;
    if (name === undefined) return null;
    if (name === null) return /\b(?:cd|pushd|popd)\b/.test(words[0]!.text) ? UNKNOWN : null;
    if (name === 'builtin' || name === 'command' || name === 'time') {
      let i = 1;
      while (words[i]?.value?.startsWith('-') && words[i]!.value !== '-') {
        // `command -v cd`, `command -V cd` only say what it is.
        if (name === 'command' && /[vV]/.test(words[i]!.value!)) return null;
        i++;
      }
      words = words.slice(i);
      fnOk = false;
      continue;
    }
    if (name === 'eval') return evalMove(words.slice(1), command);
    if (fnOk && body(name) !== undefined) {
      const moves = calls(name);
      if (moves !== undefined) return moves.length === 0 ? null : { op: 'calls', moves };
      return movingFunction(name, body, new Set()) ? UNKNOWN : null;
    }
    return builtinMove(name, words.slice(1), command);
  }
  return null;
}

function evalMove(args: readonly Word[], command: SimpleCommand): CdMove | null {
  const text = args.map((w) => w.value ?? '\u0000').join(' ');
  if (!/\b(?:cd|pushd|popd|set|shopt)\b/.test(args.map((w) => w.text).join(' '))) return null;
  const m = /^\s*(cd|pushd|popd)((?:\s+[\w./@+~-]+)*)\s*$/.exec(text);
  if (!m) return UNKNOWN;
  const parts = m[2]!.trim().split(/\s+/).filter((p) => p !== '');
  const words = parts.map((p): Word => ({ value: p, tail: p, text: p, start: command.start, end: command.end }));
  return builtinMove(m[1]!, words, command) ?? UNKNOWN;
}

/** Does calling the function `name` run something that moves the shell (its body or a function it calls)? */
export function movingFunction(name: string, body: (name: string) => string | undefined, seen: Set<string>): boolean {
  const text = body(name);
  if (text === undefined || seen.has(name)) return false;
  seen.add(name);
  if (MOVES.test(text)) return true;
  return (text.match(/[\w-]+/g) ?? []).some((w) => w !== name && movingFunction(w, body, seen));
}

function builtinMove(name: string, args: readonly Word[], command: SimpleCommand): CdMove | null {
  switch (name) {
    case 'cd': return cdOf(args, command);
    case 'pushd': return pushdOf(args, command);
    case 'popd': return popdOf(args);
    case 'set': return setOf(args);
    case 'shopt': return shoptOf(args);
    default: return null;
  }
}

/** The option letters before the operands (`-P`, `-LP`), and the operands; null when an option is computed. */
function split(args: readonly Word[], allowNumbers: boolean): { letters: string; operands: readonly Word[] } | null {
  let letters = '';
  let i = 0;
  for (; i < args.length; i++) {
    const v = args[i]!.value;
    if (v === null) { if (args[i]!.text.startsWith('-')) return null; break; }
    if (v === '--') { i++; break; }
    if (!v.startsWith('-') || v === '-' || (allowNumbers && /^-\d+$/.test(v))) break;
    letters += v.slice(1);
  }
  return { letters, operands: args.slice(i) };
}

function cdpathOf(command: SimpleCommand): string | null | undefined {
  const own = command.assignments.findLast((a) => a.name === 'CDPATH');
  if (own) return own.value;
  return command.env.has('CDPATH') ? command.env.get('CDPATH') ?? null : undefined;
}

function cdOf(args: readonly Word[], command: SimpleCommand): CdMove | null {
  const s = split(args, false);
  if (s === null) return UNKNOWN;
  // More than one operand ("too many arguments") or an option cd does not have: bash stays.
  if (s.operands.length > 1 || !/^[LPe@]*$/.test(s.letters)) return null;
  const physical = /P[^L]*$/.test(s.letters);
  return { op: 'cd', word: s.operands[0] ?? null, physical, cdpath: cdpathOf(command), env: command.env };
}

function pushdOf(args: readonly Word[], command: SimpleCommand): CdMove | null {
  const s = split(args, true);
  if (s === null || s.operands.length > 1 || !/^n*$/.test(s.letters)) return s === null ? UNKNOWN : null;
  const only = s.letters.includes('n');
  const word = s.operands[0];
  const n = word?.value !== undefined && word.value !== null ? /^([+-])(\d+)$/.exec(word.value) : null;
  if (word === undefined) return only ? null : { op: 'rotate', n: 1, fromEnd: false };
  if (n) return only ? UNKNOWN : { op: 'rotate', n: Number(n[2]), fromEnd: n[1] === '-' };
  return { op: 'cd', word, physical: false, stack: only ? 'add' : 'push', cdpath: cdpathOf(command), env: command.env };
}

function popdOf(args: readonly Word[]): CdMove | null {
  const s = split(args, true);
  if (s === null || s.operands.length > 1 || !/^n*$/.test(s.letters)) return s === null ? UNKNOWN : null;
  const word = s.operands[0];
  const n = word === undefined ? null : word.value === null ? undefined : /^([+-])(\d+)$/.exec(word.value);
  if (n === undefined) return UNKNOWN;
  return { op: 'popd', n: n ? Number(n[2]) : 0, fromEnd: n?.[1] === '-', keep: s.letters.includes('n') };
}

/** `set -P`, `set +P`, `set -o physical`, `set +o physical` (in a cluster too: `set -eP`). */
function setOf(args: readonly Word[]): CdMove | null {
  let on: boolean | undefined;
  for (const [i, w] of args.entries()) {
    const v = w.value;
    if (v === null) return /^[-+]/.test(w.text) ? UNKNOWN : null;
    const m = /^([-+])([A-Za-z]+)$/.exec(v);
    if (!m) break;
    if (m[2]!.includes('P')) on = m[1] === '-';
    if (m[2]!.endsWith('o')) {
      const o = args[i + 1]?.value;
      if (o === null) return UNKNOWN;
      if (o === 'physical') on = m[1] === '-';
    }
  }
  return on === undefined ? null : { op: 'physical', on };
}

function shoptOf(args: readonly Word[]): CdMove | null {
  const s = split(args, false);
  if (s === null) return UNKNOWN;
  if (!s.operands.some((w) => w.value === 'cdable_vars' || w.value === null)) return null;
  if (s.letters.includes('s') === s.letters.includes('u')) return null;
  return { op: 'cdable', on: s.letters.includes('s') };
}
