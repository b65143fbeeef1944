// Where the walk (invocations.ts) keeps or drops what a `cd` did: parts of a statement that may not
// run (after `&&`/`||`, an `if`'s branches, `case` arms, a loop's body) leave moves that may not have
// happened for what follows the statement; a pipeline's commands (but the last, which zsh runs in the
// shell) and a background job run in a child shell, whose `cd` leaves the shell's directory as it was.
import type { Node } from './parse.js';
import { cdMove, demoted, movingFunction, withMove, type CdMove } from './cd-moves.js';
import type { SimpleCommand } from './simple-command.js';

/** Nodes run in a child shell: a `cd` inside them leaves the parent's directory as it was. */
const CHILD_SHELLS = new Set(['subshell', 'command_substitution', 'process_substitution']);

/** Statements whose parts may not run (with `list`: what comes after its `&&` or `||`). */
const BRANCHES = new Set(['if_statement', 'elif_clause', 'else_clause', 'case_item', 'function_definition']);

/** May the `i`th child of `node` not run when `node` does? */
export function conditional(node: Node, i: number): boolean {
  if (node.type === 'list') return i > 0 && /^(&&|\|\|)$/.test(node.children[i - 1]!.type);
  return BRANCHES.has(node.type);
}

/** Statements whose parts run again (so after what the text writes later in them). */
export const LOOPS = new Set(['while_statement', 'for_statement', 'c_style_for_statement']);

/** The operator of a `list` node (`&&` or `||`). */
function op(node: Node): string | undefined {
  return node.type === 'list' ? node.children[1]?.type : undefined;
}

/**
 * Where the part of `node` that may not run starts: after the node `after` (a list's first command,
 * the first of a chain `a && b && c`), or before the node `before` (an `if`'s first branch
 * statement, the first `case` arm, a loop's body). `chained`: the inner lists of a chain, which
 * the outermost one stands for (a `cd` after `&&` holds for the rest of the chain).
 */
export function conditionalPart(node: Node, chained: Set<Node>): { after?: Node; before?: Node } | null {
  switch (node.type) {
    case 'list': {
      if (chained.has(node)) return null;
      let l = node;
      while (op(l) === '&&' && op(l.children[0]!) === '&&') { l = l.children[0]!; chained.add(l); }
      const first = l.children[0];
      return first ? { after: first } : null;
    }
    case 'if_statement': {
      const then = node.children.findIndex((c) => c.type === 'then');
      const first = node.children.slice(then + 1).find((c) => c.named);
      return then >= 0 && first ? { before: first } : null;
    }
    case 'case_statement': {
      const first = node.children.find((c) => c.type === 'case_item');
      return first ? { before: first } : null;
    }
    case 'while_statement': case 'for_statement': case 'c_style_for_statement': {
      const body = node.children.find((c) => c.type === 'do_group' || c.type === 'compound_statement');
      return body ? { before: body } : null;
    }
    default: return null;
  }
}

/**
 * Does the `i`th child of `node` run in a child shell of its own: a job put in the background, a
 * command of a pipeline but the last (`child`); the last runs in one in bash unless `lastpipe` is on,
 * in the shell itself in zsh and ksh (`last`: its moves may not have happened).
 */
export function inChildShell(node: Node, i: number): 'child' | 'last' | null {
  if (node.children[i + 1]?.type === '&') return 'child';
  if (node.type !== 'pipeline') return null;
  const named = node.children.filter((c) => c.named);
  return named.length < 2 ? null : named.at(-1) === node.children[i] ? 'last' : 'child';
}

/** The walk's moves, read and replaced by the acts below. */
export interface MovesHolder {
  moves: readonly CdMove[];
}

/** Statement kinds (and a redirection around one) whose command is an element of a list, and the list's op decides for. */
const WRAPS = new Set(['redirected_statement', 'negated_command']);

/**
 * What keeps the status of the moves made in `node` (cd-moves.ts CdMove): where its part that may not
 * run starts (`after`/`before` a node, as conditionalPart), `start` to run there and `end` to run
 * past the statement. A list's elements are put in `listed`: the list, not the command, says when
 * their moves stop being sure (a `cd` first in `cd x && …` holds for the rest of the chain).
 */
export function statementActs(node: Node, chained: Set<Node>, listed: Set<Node>, holder: MovesHolder):
  ({ after?: Node; before?: Node; start: () => void; end: () => void }) | null {
  if (node.type === 'list') {
    for (const c of node.children) {
      listed.add(c);
      if (WRAPS.has(c.type)) for (const d of c.children) if (d.named) listed.add(d);
    }
  }
  const part = conditionalPart(node, chained);
  if (!part) return null;
  const from = holder.moves.length;
  let at = -1;
  const orList = node.type === 'list' && op(node) === '||';
  return {
    ...part,
    start: () => {
      at = holder.moves.length;
      // `cd x || …`: what follows runs where the `cd` failed.
      if (orList) holder.moves = demoted(holder.moves, 'ran', from, at);
    },
    end: () => {
      const split = at < 0 ? holder.moves.length : at;
      holder.moves = demoted(demoted(holder.moves, 'maybe', split), 'ran', from, split);
    },
  };
}

/** Where the shell is: the walk's static directory, the trail to a computed one, and the moves (cd-moves.ts). */
export interface CdPlace { cwd: string | null; from: readonly string[] | undefined; moves: readonly CdMove[] }

/** The walk's place, read and replaced by the acts of CdScopes. */
export interface PlaceHolder extends MovesHolder {
  place: CdPlace;
}

/** What the walk does around statements and child shells to keep its moves right (see above). */
export class CdScopes {
  private readonly startAfter = new Map<Node, () => void>();
  private readonly startBefore = new Map<Node, () => void>();
  private readonly chained = new Set<Node>();
  readonly listed = new Set<Node>();
  private readonly aliases = new Map<string, string>();
  private anyAlias = false;
  /** The moves the body of each function the text defined makes (where it may move at all). */
  private fnMoves = new Map<string, readonly CdMove[]>();

  constructor(private readonly holder: PlaceHolder) {}

  /** Entering `node`: what to do past it, in the order it is done. */
  enter(node: Node): (() => void)[] {
    const out: (() => void)[] = [];
    const part = statementActs(node, this.chained, this.listed, this.holder);
    if (part) {
      if (part.after) this.startAfter.set(part.after, part.start);
      if (part.before) this.startBefore.set(part.before, part.start);
      out.push(part.end);
    }
    if (CHILD_SHELLS.has(node.type)) { const saved = this.holder.place; out.push(() => { this.holder.place = saved; }); }
    return out;
  }

  /** `alias NAME=VALUE` (a computed word may be any alias: every later name is then in doubt). */
  private alias(word: string | null): void {
    const m = word === null ? null : /^([^=\s]+)=(.*)$/s.exec(word);
    if (word === null) this.anyAlias = true;
    else if (m) this.aliases.set(m[1]!, m[2]!);
  }

  /** What a walk of a function's body sees: the functions defined so far, with their moves. */
  share(from: CdScopes): void {
    this.fnMoves = new Map(from.fnMoves);
  }

  /**
   * The function `name` is defined with `body`: where it may move the shell, the moves of its body
   * (`walk`: a walk of the body node, as its caller would run it), a computed target not known (the
   * body's `$1` is the call's). Defined where it may not run (`maybe`: a branch), its moves may not happen.
   */
  define(name: string, body: (name: string) => string | undefined, walk: () => readonly CdMove[], maybe: boolean): void {
    if (!movingFunction(name, body, new Set())) { this.fnMoves.delete(name); return; }
    const moves = walk().map((m): CdMove => (m.op === 'cd' && m.word !== null && m.word.value === null ? { op: 'unknown' } : m));
    this.fnMoves.set(name, maybe ? demoted(moves, 'maybe', 0) : moves);
  }

  /**
   * The move of the simple command `node` (read as `command`). Past a command of its own (no list's
   * element), what follows runs whether its `cd` worked or not.
   */
  command(node: Node, command: SimpleCommand, body: (name: string) => string | undefined): void {
    // An alias the text defines (zsh expands them in scripts too; bash after `shopt -s expand_aliases`) is read as a function's body.
    if (command.words[0]?.value === 'alias') for (const w of command.words.slice(1)) this.alias(w.value);
    const move = cdMove(command, (n) => body(n) ?? this.aliases.get(n) ?? (this.anyAlias ? 'cd' : undefined), (n) => this.fnMoves.get(n));
    if (!move) return;
    const before = this.holder.moves;
    this.holder.moves = this.listed.has(node) ? withMove(before, move) : demoted(withMove(before, move), 'ran', before.length);
  }

  /** What to do before `node`'s `i`th child and past it, each in the order it is done. */
  around(node: Node, i: number): { before: (() => void)[]; after: (() => void)[] } {
    const child = node.children[i]!;
    const before: (() => void)[] = [];
    const after: (() => void)[] = [];
    const start = this.startBefore.get(child);
    if (start) before.push(start);
    const own = child.named ? inChildShell(node, i) : null;
    if (own === 'child') {
      let saved: CdPlace | undefined;
      before.push(() => { saved = this.holder.place; });
      after.push(() => { this.holder.place = saved!; });
    } else if (own === 'last') {
      let from = 0;
      before.push(() => { from = this.holder.moves.length; });
      after.push(() => { this.holder.moves = demoted(this.holder.moves, 'maybe', from); });
    }
    const next = this.startAfter.get(child);
    if (next) after.push(next);
    return { before, after };
  }
}
