// Where the shell is when a command runs, from the moves before it (cd-moves.ts), worked out with the
// files: a `cd` to what is no directory now (and that no `mkdir` before made) fails and stays, so what
// runs after it whether it worked (past `;`) is taken in both places,
// CDPATH is searched before the directory, `cd -P`/`set -P` resolve links, `pushd`/`popd` keep a stack,
// `cdable_vars` takes a variable's value. A move that may not run gives both outcomes. The answer is
// every directory the command may run in; null in it where one is not known here.
import { dirname, isAbsolute, resolve } from 'node:path';
import type { Word } from '../words.js';
import type { CdMove, CdStep } from '../cd-moves.js';
import { homeDir } from '../cwd.js';
import type { Scope } from './driver.js';
import { isDirectory, targetValue, trailCwd, trailStart } from './computed-cwd.js';

interface State {
  readonly dir: string | null;
  /** The directory stack below the top (null: not known). */
  readonly stack: readonly (string | null)[] | null;
  readonly old: string | null;
  readonly physical: boolean;
  readonly cdable: boolean;
}

/** Most states followed at once; past it the directory is not known. */
const MAX_STATES = 8;

/**
 * Every directory the command of `scope` may run in: where the moves before it leave the shell, else
 * its static directory or the trail to a computed one (computed-cwd.ts). A `cd` on the server does
 * not move the local directory.
 */
export function commandCwds(scope: Scope): readonly (string | null)[] {
  const { job, command } = scope;
  if (job.target.kind === 'remote') return [job.cwd];
  if (command.moves !== undefined) return movedCwds(scope, job.cwd, command.moves);
  if (command.cwd === '.') return [job.cwd];
  if (command.cwd !== null) return [job.cwd === null ? (isAbsolute(command.cwd) ? command.cwd : null) : resolve(job.cwd, command.cwd)];
  const from = command.cwdFrom;
  return [from === undefined ? null : trailCwd(scope, trailStart(job.cwd, from[0]!), from.slice(1))];
}

/** Per expansion (its files, what it wrote), per moves and start: the commands after one `cd` share them. */
const cache = new WeakMap<object, WeakMap<readonly CdMove[], Map<string, readonly (string | null)[]>>>();

/** Every directory the command may run in, after `moves` from `start` (absolute, or null: not known). */
export function movedCwds(scope: Scope, start: string | null, moves: readonly CdMove[]): readonly (string | null)[] {
  const key = String(start);
  const mine = cache.get(scope.run0) ?? new WeakMap<readonly CdMove[], Map<string, readonly (string | null)[]>>();
  cache.set(scope.run0, mine);
  const hit = mine.get(moves)?.get(key);
  if (hit) return hit;
  const out = follow(scope, start, moves);
  mine.set(moves, (mine.get(moves) ?? new Map()).set(key, out));
  return out;
}

function follow(scope: Scope, start: string | null, moves: readonly CdMove[]): readonly (string | null)[] {
  const states = followFrom(scope, [{ dir: start, stack: [], old: null, physical: false, cdable: false }], moves);
  return states === null ? [null] : [...new Set(states.map((s) => s.dir))];
}

/** The states after `moves` from `from`; null past MAX_STATES. */
function followFrom(scope: Scope, from: State[], moves: readonly CdMove[]): State[] | null {
  let states = from;
  for (const move of moves) {
    const next = states.flatMap((s) => (move.status === 'maybe' ? [s, ...apply(scope, s, move)] : apply(scope, s, move)));
    const seen = new Set<string>();
    states = next.filter((s) => { const k = JSON.stringify(s); return seen.has(k) ? false : (seen.add(k), true); });
    if (states.length > MAX_STATES) return null;
  }
  return states;
}

const LOST: State = { dir: null, stack: null, old: null, physical: false, cdable: false };

/** The states after one step: one, or two where a `cd` goes to what is not a directory now. */
function apply(scope: Scope, s: State, step: CdMove): State[] {
  switch (step.op) {
    case 'unknown': return [{ ...LOST, physical: s.physical, cdable: s.cdable }];
    case 'physical': return [{ ...s, physical: step.on }];
    case 'cdable': return [{ ...s, cdable: step.on }];
    case 'rotate': return [rotate(scope, s, step.n, step.fromEnd)];
    case 'popd': return [popd(scope, s, step)];
    case 'cd': return cd(scope, s, step, step.status !== undefined);
    case 'calls': return followFrom(scope, [s], step.moves) ?? [{ ...LOST, physical: s.physical, cdable: s.cdable }];
  }
}

function moveTo(s: State, dir: string | null, stack = s.stack): State {
  return { ...s, dir, stack, old: s.dir };
}

function rotate(scope: Scope, s: State, n: number, fromEnd: boolean): State {
  if (s.stack === null) return { ...LOST, physical: s.physical, cdable: s.cdable };
  const all = [s.dir, ...s.stack];
  const at = fromEnd ? all.length - 1 - n : n;
  if (s.stack.length === 0 || at < 0 || at >= all.length) return s; // bash: "directory stack empty" / "out of range"
  const turned = [...all.slice(at), ...all.slice(0, at)];
  const top = turned[0]!;
  return top !== null && !isDirectory(scope, top) ? s : moveTo(s, top, turned.slice(1));
}

function popd(scope: Scope, s: State, step: { n: number; fromEnd: boolean; keep: boolean }): State {
  if (s.stack === null) return { ...LOST, physical: s.physical, cdable: s.cdable };
  const all = [s.dir, ...s.stack];
  const at = step.fromEnd ? all.length - 1 - step.n : step.n;
  if (s.stack.length === 0 || at < 0 || at >= all.length) return s;
  if (at === 0 && !step.keep) {
    const top = s.stack[0]!;
    return top !== null && !isDirectory(scope, top) ? s : moveTo(s, top, s.stack.slice(1));
  }
  const drop = at === 0 ? 1 : at;
  return { ...s, stack: all.filter((_, i) => i !== drop).slice(1) };
}

/** `mayFail`: what runs after it runs whether it did or not. */
function cd(scope: Scope, s: State, step: Extract<CdStep, { op: 'cd' }>, mayFail: boolean): State[] {
  const target = targetOf(scope, s, step);
  if (target === undefined) return [{ ...LOST, physical: s.physical, cdable: s.cdable }];
  const physical = step.physical || s.physical;
  // Logically `lnk/..` is the directory itself; physically (`-P`), the parent of where the link leads.
  const real = physical ? scope.files.realpath?.(target) ?? null : resolve(target);
  const moved = step.stack === 'add' ? { ...s, stack: s.stack === null ? null : [real ?? resolve(target), ...s.stack] }
    : moveTo(s, real ?? resolve(target), step.stack === 'push' ? (s.stack === null ? null : [s.dir, ...s.stack]) : s.stack);
  // What is no directory now: the `cd` fails and the shell stays, unless the text makes it first.
  // (Where what follows runs only if it worked, `cd x && …`, where it goes is all there is to know.)
  if (!mayFail || (real !== null && (isDirectory(scope, real) || madeEarlier(scope, real)))) return [moved];
  return [s, moved];
}

/** The directories `mkdir` makes earlier in the text, per expansion (keyed by its written files). */
const MADE = new WeakMap<object, Set<string>>();

/**
 * `mkdir [-p] DIR…` makes each DIR whose parent is a directory (with -p: whose nearest existing
 * ancestor is one), as far as the files say now: a later `cd DIR` is then taken to work.
 */
export function noteMadeDirs(scope: Scope, args: readonly Word[]): void {
  if (scope.cwd === null) return;
  const made = MADE.get(scope.run0.written) ?? new Set<string>();
  MADE.set(scope.run0.written, made);
  const parents = args.some((w) => w.value === '--parents' || /^-[a-z]*p/.test(w.value ?? ''));
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value;
    if (v === null) continue;
    if (v === '-m' || v === '--mode') { i++; continue; }
    if (v.startsWith('-')) continue;
    const chain = [resolve(scope.cwd, v)];
    let up = dirname(chain[0]!);
    while (parents && up !== dirname(up) && !made.has(up) && !isDirectory(scope, up) && scope.files.read(up).kind === 'missing') { chain.push(up); up = dirname(up); }
    if (made.has(up) || isDirectory(scope, up)) for (const d of chain) made.add(d);
  }
}

/** Did `mkdir` earlier in the text make `path` (`mkdir build; cd build`): then the `cd` is taken to work. */
function madeEarlier(scope: Scope, path: string): boolean {
  return MADE.get(scope.run0.written)?.has(path) === true;
}

/** The directory a `cd` step names (absolute, `..` not taken out yet), or undefined where that is not known here. */
function targetOf(scope: Scope, s: State, step: Extract<CdStep, { op: 'cd' }>): string | undefined {
  if (step.word === null) return home(step);
  const value = step.word.value ?? (s.dir === null ? null : targetValue(scope, s.dir, step.word.text));
  if (value === null) return undefined;
  // `cd -` goes to $OLDPWD, which the text may set itself.
  if (value === '-') return /\bOLDPWD\b/.test(scope.job.text) ? undefined : s.old ?? undefined;
  if (value === '~' || value.startsWith('~/')) { const h = home(step); return h === undefined ? undefined : h + value.slice(1); }
  if (value.startsWith('~') || value === '') return undefined;
  if (isAbsolute(value)) return value;
  if (s.dir === null) return undefined;
  const here = `${s.dir}/${value}`;
  const viaPath = /^\.\.?(?:\/|$)/.test(value) ? undefined : cdpathHit(scope, s.dir, value, step.cdpath);
  if (viaPath === null) return undefined;
  if (viaPath !== undefined) return viaPath;
  if (s.cdable && /^[A-Za-z_]\w*$/.test(value) && !isDirectory(scope, resolve(here)) && step.env.has(value)) {
    const v = step.env.get(value);
    return typeof v === 'string' && v !== '' ? (isAbsolute(v) ? v : `${s.dir}/${v}`) : undefined;
  }
  return here;
}

/** `$HOME` where the `cd` runs (`cd` alone and `~` go there): the text's own where it sets one, else the environment's. */
function home(step: Extract<CdStep, { op: 'cd' }>): string | undefined {
  if (!step.env.has('HOME')) return homeDir() ?? undefined;
  const v = step.env.get('HOME');
  return typeof v === 'string' && v.startsWith('/') ? v.replace(/\/+$/, '') || '/' : undefined;
}

/** The directory CDPATH finds `value` in first; undefined: none (the directory itself), null: CDPATH is not known. */
function cdpathHit(scope: Scope, dir: string, value: string, cdpath: string | null | undefined): string | null | undefined {
  const path = cdpath === undefined ? process.env.CDPATH : cdpath;
  if (path === null) return null;
  if (path === undefined || path === '') return undefined;
  for (const entry of path.split(':')) {
    const hit = `${isAbsolute(entry) ? entry : `${dir}/${entry === '' ? '.' : entry}`}/${value}`;
    if (isDirectory(scope, resolve(hit))) return hit;
  }
  return undefined;
}
