// What the walk does when the text sets a variable: through a nameref (namerefs.ts) the target is
// set; a variable whose value the shell runs later (`PROMPT_COMMAND`, `BASH_ENV`, prompts) gives its
// value to be read as what runs, whichever builtin set it (an assignment, a declaration, `read`,
// `printf -v`, `mapfile`); a name computed at run time may be any of those, so it asks.
import { namedChildren, textOf, type Node } from './parse.js';
import { RUNS_LATER_VARIABLES } from './reparse.js';
import { assignmentOf, wordOf } from './tree-words.js';
import { awaitsTarget, declaredNamerefs, NAMEREF, namerefsInText, resolveName } from './namerefs.js';
import { builtinWords, FROM_FILE, varsSet } from './set-vars.js';
import { fixedWord, listWords } from './fixed-words.js';
import { KEYWORD, MAX_POSITIONAL, setChange, shiftsPositional } from './set-builtin.js';
import type { Assignment, SimpleCommand } from './invocations.js';


/** `y=$x`, `y="${x}"`: the value of a variable the text set, copied (so `${y@P}` and `PS1=$x` keep it). */
export function copied(a: Assignment | null, env: ReadonlyMap<string, string | null>): Assignment | null {
  const m = a && a.value === null ? /^("?)\$(?:([A-Za-z_][A-Za-z0-9_]*)|\{([A-Za-z_][A-Za-z0-9_]*)\})\1$/.exec(a.text ?? '') : null;
  const value = m ? env.get(m[2] ?? m[3]!) : undefined;
  return value === undefined || value === null ? a : { ...a!, value };
}

/** Variables bash always has, which the guard reads from where it runs (expand/known-vars.ts): `${HOME:=x}` keeps HOME. */
const ALWAYS_SET: ReadonlySet<string> = new Set(['HOME', 'PWD', 'PATH']);

export class VarWrites {
  /** Assignments in declarations that declare a nameref (`declare -n r=x` does not set r's target to "x"). */
  private readonly declaring = new Set<Node>();

  /** `put`: records a variable's value (`text`: the assignment's text, where the value is computed). */
  constructor(private readonly env: Map<string, string | null>, private readonly changed: () => void,
    private readonly again: (text: string) => void,
    private readonly put: (name: string, value: string | null, text?: string) => void = (n, v) => { env.set(n, v); }) {}

  /**
   * `name=value` (as assigned, or `runs`: the elements an array assignment gives): the variable it
   * sets, or null when none is (a nameref's target set, a computed name). `set`: record the value.
   */
  assign(name: string | null, value: string | null, set: boolean, runs?: string | null, text?: string): string | null {
    if (name !== null && awaitsTarget(this.env, name)) {
      this.env.set(NAMEREF + name, value !== null && /^[A-Za-z_][A-Za-z0-9_]*$/.test(value) ? value : null);
      this.changed();
      return null;
    }
    const target = name === null ? null : resolveName(this.env, name);
    const shown = runs !== undefined ? runs : value?.startsWith(FROM_FILE) ? null : value;
    if (target === null) { this.computedName(shown); return null; }
    const later = RUNS_LATER_VARIABLES[target];
    if (later) this.again(later(shown ?? '$computed'));
    if (set) { this.put(target, value, text); this.changed(); }
    return target;
  }

  /**
   * A variable named at run time may be any of those whose value runs later: a value the text shows is
   * judged as each of them would run it (`printf -v "$n" 'docker restart web'` as PROMPT_COMMAND, as
   * BASH_ENV's file, …). A value the text does not show shows nothing to judge (`read -r "$v" < f`,
   * the common idiom of a function that fills its caller's variable) and is left as any other read.
   */
  private computedName(value: string | null | undefined): void {
    if (value === null || value === undefined) return;
    for (const text of new Set(Object.values(RUNS_LATER_VARIABLES).map((later) => later(value)))) this.again(text);
  }

  /** An assignment node the walk visits: skipped when it declares a nameref. */
  declares(node: Node): boolean {
    return this.declaring.has(node);
  }

  /** A declaration (`declare`, `export`, `local`, …): namerefs it makes, and its quoted `"NAME=VALUE"` words. */
  declaration(src: string, node: Node, offset: number, sets: boolean): void {
    const words: (string | null)[] = [];
    const byName = new Map<string, Node>();
    for (const c of node.children) {
      if (c.type === 'variable_assignment') {
        const a = assignmentOf(src, c, offset);
        if (a) { byName.set(a.name, c); words.push(`${a.name}=${a.value ?? '$'}`); }
      } else if (c.type === 'variable_name') words.push(textOf(src, c));
      else words.push(c.named ? wordOf(src, c, offset).value : textOf(src, c));
    }
    for (const [name, target] of declaredNamerefs(words)) {
      if (target === undefined) this.env.delete(NAMEREF + name);
      else this.env.set(NAMEREF + name, target);
      const a = byName.get(name);
      if (a && target !== undefined) this.declaring.add(a);
      this.changed();
    }
    for (const group of touching(namedChildren(node))) {
      const c = group[0]!;
      if (group.length === 1 && c.type === 'variable_assignment') {
        if (this.declaring.has(c)) continue;
        const a = copied(assignmentOf(src, c, offset), this.env);
        const target = a && sets ? resolveName(this.env, a.name) : null;
        if (a && target !== null && !awaitsTarget(this.env, a.name)) { this.put(target, a.value, a.text); this.changed(); }
      } else if (group.length > 1 || c.type !== 'variable_name') this.argument(src, group, offset, sets);
    }
  }

  /**
   * A declaration's argument that is not one assignment node: the word the builtin gets after quote
   * removal and expansion of what the text fixed (`BASH_E""NV=…`, `BASH_ENV\=…`, `$v=…`, `"$x"`,
   * `"$@"`) is an assignment when it reads NAME=VALUE.
   */
  private argument(src: string, group: readonly Node[], offset: number, sets: boolean): void {
    const text = src.slice(group[0]!.start, group[group.length - 1]!.end);
    const values = listWords(text, this.env) ?? [fixedWord(text, this.env)];
    for (const value of values) {
      const m = value === null ? null : /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(value);
      if (m) this.assign(m[1]!, m[2]!, sets);
    }
    if (values.length !== 1 || values[0] !== null) return;
    // `export $v=VALUE`: a name computed at run time with a value the text fixes.
    const parts = /^([^=]*[$`][^=]*)=(.*)$/s.exec(text);
    const shown = parts && !parts[1]!.includes('(') ? fixedWord(parts[2]!, this.env) : null;
    if (shown !== null) this.assign(null, shown, false);
    else if (group.length === 1 && group[0]!.type !== 'word') this.quotedAssignment(src, group[0]!, offset, sets);
  }

  /** `export "NAME=VALUE"`: an assignment in quotes; `declare "$n=VALUE"` sets a variable named at run time. */
  private quotedAssignment(src: string, c: Node, offset: number, sets: boolean): void {
    const value = wordOf(src, c, offset).value;
    const m = value === null ? null : /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(value);
    if (m) { this.assign(m[1]!, m[2]!, sets); return; }
    const name = /^["']?([A-Za-z_][A-Za-z0-9_]*)=/.exec(textOf(src, c));
    if (name) this.assign(name[1]!, null, sets);
    // The name part holds an expansion (not only the value: `export $(sed 's/=.*//' f)` is left be).
    else if (value === null && /^[^=(`]*\$[^=(`]*=/.test(textOf(src, c))) this.assign(null, literalValue(textOf(src, c)), false);
  }

  /** `export NAME=value`, `printf -v NAME`, `read NAME`, `mapfile NAME` as plain commands (set-vars.ts). */
  command(command: SimpleCommand, cwd: string | null): void {
    const words = builtinWords(command);
    const refs = declaredNamerefs(words);
    for (const [name, target] of refs) {
      if (target === undefined) this.env.delete(NAMEREF + name);
      else this.env.set(NAMEREF + name, target);
      this.changed();
    }
    // `eval 'declare -n r=X'`: the eval'd text is read apart; from here on r may name anything.
    if (words[0] === 'eval') {
      for (const name of namerefsInText(words.slice(1).map((w) => w ?? '').join(' '))) { this.env.set(NAMEREF + name, null); this.changed(); }
    }
    this.setBuiltin(words);
    for (const [name, value, runs] of varsSet(command, cwd)) {
      if (name !== null && refs.some(([n, t]) => n === name && t !== undefined)) continue;
      this.assign(name, value, true, runs);
    }
  }

  /** `set -k`, `set -- ARGS`, `shift`: the keyword option and the positional parameters (set-builtin.ts). */
  private setBuiltin(words: readonly (string | null)[]): void {
    const change = setChange(words);
    if (change?.keyword !== undefined) { this.env.set(KEYWORD, change.keyword ? '1' : ''); this.changed(); }
    if (!change?.positional && !shiftsPositional(words)) return;
    // Parameters past the ones given, and all of them after a shift, are not known.
    for (let n = 1; n <= MAX_POSITIONAL; n++) this.env.delete(String(n));
    change?.positional?.forEach((v, k) => { this.env.set(String(k + 1), v); });
    this.changed();
  }

  /**
   * `${NAME:=WORD}`, `${NAME=WORD}` (bash(1) Assign Default Values) set NAME (through a nameref, its
   * target) to WORD when it is unset, or with `:=` empty. Unless the text set it to a value that keeps
   * it (or it is one the shell always has, ALWAYS_SET), WORD is read as assigned: BASH_ENV's file,
   * PROMPT_COMMAND's command, a path. A value the text computed may be empty: WORD is still judged,
   * and the value is unknown.
   */
  defaulted(src: string, node: Node, offset: number): void {
    const [open, nameNode, op] = node.children;
    const close = node.children[node.children.length - 1];
    if (open?.type !== '${' || nameNode?.type !== 'variable_name' || (op?.type !== ':=' && op?.type !== '=') || close?.type !== '}') return;
    const text = src.slice(op.end, close.start);
    const operand = node.children.slice(3, -1).filter((c) => c.named);
    const value = !/[$`'"\\]/.test(text) ? text : operand.length === 1 ? wordOf(src, operand[0]!, offset).value : null;
    const name = textOf(src, nameNode);
    const target = resolveName(this.env, name);
    const current = target === null ? undefined : this.env.get(target);
    if (typeof current === 'string' && (current !== '' || op.type === '=')) return;
    if (current === undefined && target !== null && ALWAYS_SET.has(target)) return;
    const known = current !== null;
    this.assign(name, known ? value : null, true, value, known ? text : undefined);
  }

  /** `for r in …` over a nameref points it at each word in turn. */
  loopVariable(name: string): void {
    if (this.env.has(NAMEREF + name)) this.env.set(NAMEREF + name, null);
    else this.put(name, null);
    this.changed();
  }
}

/** A command's arguments as the shell splits them: nodes that touch are one word (tree-sitter cuts `BASH_E""NV=x` in two). */
function touching(nodes: readonly Node[]): Node[][] {
  const out: Node[][] = [];
  for (const n of nodes) {
    const last = out[out.length - 1];
    if (last && last[last.length - 1]!.end === n.start) last.push(n);
    else out.push([n]);
  }
  return out;
}

/** The value part of `"$n=VALUE"` when it is written plainly (no expansion, escape or quote inside it). */
function literalValue(text: string): string | null {
  const m = /^"[^"=]*=([^"$`\\]*)"$/.exec(text);
  return m ? m[1]! : null;
}

/** The names plain assignments in `body` set (not a command's prefix, not a declaration's). */
export function assignedNames(src: string, body: Node): string[] {
  const out = new Set<string>();
  const stack: [Node, string | null][] = [[body, null]];
  while (stack.length > 0 && out.size < 64) {
    const [n, parent] = stack.pop()!;
    if (n.type === 'variable_assignment' && parent !== 'command' && parent !== 'declaration_command') {
      const target = n.children[0];
      if (target) out.add(textOf(src, target.type === 'subscript' ? target.children[0] ?? target : target));
      continue;
    }
    for (const c of n.children) if (c.named) stack.push([c, n.type]);
  }
  return [...out];
}
