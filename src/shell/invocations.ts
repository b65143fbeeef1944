// From a syntax tree to simple commands: decoded words with their source ranges, prefix assignments,
// redirections, and where each command's stdin comes from (a heredoc, a here-string, a file, or the
// command before it in a pipeline). The walk is iterative, so no input can exhaust the JS stack.
import { MAX_TREE_DEPTH, namedChildren, textOf, type Node } from './parse.js';
import { SUBSCRIPT_SUBSTITUTION, SUBSTITUTION, substitutionsIn, unescapeBackticks } from './reparse.js';
import { assignmentOf, buildCommand, REDIRECTS, trailingWords, wordOf } from './tree-words.js';
import { headCommand, namedStatements, redirectTargets, tailCommand, wordOwner } from './statements.js';
import type { Word } from './words.js';

export { SUBSCRIPT_SUBSTITUTION } from './reparse.js';
export { wordOf } from './tree-words.js';
import { assignedNames, copied, VarWrites } from './var-writes.js';
import { childSink, settleStdout, type Sink } from './stdout-sinks.js';
import { namerefsOf, resolveName } from './namerefs.js';
import { GUARD_VARIABLES, HOOK_FUNCTION } from './grammars/shell-hooks.js';
import { assignedWrite, commandDefinitions, History, keyCommands, specialAssignment } from './shell-state.js';
import { loopBinding, type LoopValues } from './loop-values.js';
import { cwdTrail, nextCwd, PATH_TEXT, pwdFilled, VALUE_TEXT, valueText } from './cwd.js';
import type { CdMove } from './cd-moves.js';
import { CdScopes, conditional, LOOPS, type CdPlace } from './cd-walk.js';

export { homeDir, nextCwd } from './cwd.js';

export type { Assignment, Redirect, Reparse, SimpleCommand, StdinSource, WalkResult } from './simple-command.js';
import type { Reparse, SimpleCommand, WalkResult } from './simple-command.js';
import { KEYWORD, withKeywordAssignments } from './set-builtin.js';
import { arithmeticAssignments, isArithmetic } from './arith-writes.js';

interface Pending {
  node: Node;
  parentType: string | null;
  depth: number;
  later?: boolean;
  /** Under a condition: in a branch of `if`/`case`, after `&&`/`||`, in a function's body. */
  branch?: boolean;
  loops?: LoopValues;
  /** Where its output goes, where a pipeline or a substitution around it says (stdout-sinks.ts). */
  sink?: Sink;
  /** Done when popped, instead of a visit (cd-walk.ts: what keeps the directory right). */
  act?: () => void;
}

/** The names `gitops-guard shell-init` gives its functions and variables (src/cli/shell-init.ts). */
const GUARD_PREFIX = '__gitops_guard_';

/**
 * One walk over a syntax tree, in source order, collecting every simple command (including those
 * inside substitutions, heredoc bodies, loops and conditionals), the pipes between them, the text
 * the shell parses again, and the functions defined. Iterative, so no input exhausts the JS stack.
 */
class Walk {
  readonly commands: SimpleCommand[] = [];
  readonly reparse: Reparse[] = [];
  readonly functions = new Map<string, string>();
  private readonly byNode = new Map<Node, SimpleCommand>();
  /** consumer command node → producer command node */
  private readonly pipes: [Node, Node][] = [];
  /** consumer command node → the text whose output it reads (`exec > >(sh); …`: the rest of the script) */
  private readonly processes: [Node, string][] = [];
  /** command node → redirects that a surrounding redirected_statement applies to it */
  private readonly outer = new Map<Node, Node[]>();
  /** command node → the outer redirects whose trailing words are its own (it ends the statement) */
  private readonly owned = new Map<Node, Set<Node>>();
  /** Where bash would refuse the text that tree-sitter read (see WalkResult). */
  private syntaxAt: number | null = null;
  /** The directory the command being visited runs in; where a `cd` made it computed, the trail to it (cwd.ts cwdTrail). */
  private cwd: string | null = '.';
  private cwdFrom: readonly string[] | undefined;
  moves: readonly CdMove[] = [];
  /** What keeps the moves right around statements and child shells (cd-walk.ts). */
  private readonly cdScopes: CdScopes;
  /** Whether the node being visited is in a loop or a background job. */
  private later = false;
  /** Whether it may not run at all (see conditional), and the assignments there to a variable already set. */
  private branch = false;
  private readonly unsure: Node[] = [];
  /** The variables each function defined in the text assigns (not `local` ones). */
  private readonly fnAssigns = new Map<string, string[]>();
  /** The loop variables around the node being visited, and those a loop's body is given. */
  private loops: LoopValues | undefined;
  private sink: Sink | undefined;
  private readonly sinks: [Node, Sink][] = [];
  private readonly bodyLoops = new Map<Node, LoopValues>();
  private readonly env = new Map<string, string | null>();
  // Commands share one snapshot of the variables until an assignment changes them.
  private envSnapshot: ReadonlyMap<string, string | null> = this.env;
  private envChanged = true;
  private readonly history = new History();
  private readonly vars: VarWrites;

  /** `seed`: the namerefs of the text this text runs inside (namerefs.ts). */
  constructor(private readonly src: string, private readonly offset: number, seed?: ReadonlyMap<string, string | null>) {
    for (const [k, v] of seed ? namerefsOf(seed) : []) this.env.set(k, v);
    this.cdScopes = new CdScopes(this);
    this.vars = new VarWrites(this.env, () => { this.envChanged = true; }, (text) => this.again(text, this.at!), (n, v, t) => this.setEnv(n, v, t));
  }

  /** The node being visited (where text the variable writes give is read). */
  private at: Node | null = null;

  /** A command the text does not spell: `NAME` for `NAME() {…}` or `NAME=…`, over `node`'s range. */
  private pseudo(node: Node, name: Node): SimpleCommand {
    const value = this.text(name);
    const words: Word[] = [{ value, tail: value, text: value, start: name.start + this.offset, end: name.end + this.offset }];
    return { words, assignments: [], redirects: [], stdin: null, start: node.start + this.offset, end: node.end + this.offset, cwd: this.cwd, env: this.envSnapshot };
  }

  run(root: Node): WalkResult {
    const stack: Pending[] = [{ node: root, parentType: null, depth: 0 }];
    while (stack.length > 0) {
      const { node, parentType, depth, later, branch, loops, sink, act } = stack.pop()!;
      if (act !== undefined) { act(); continue; }
      if (depth > MAX_TREE_DEPTH) return { ok: false, reason: 'too-deep' };
      this.later = later === true;
      this.branch = branch === true || this.later;
      this.loops = loops;
      this.sink = sink;
      const visit = this.visitors[node.type];
      this.at = node;
      if (visit && visit.call(this, node, parentType) === 'skip') continue;
      const acts = (list: (() => void)[]): void => { for (const act of list.reverse()) stack.push({ node, parentType, depth, act }); };
      // Past a child shell, or a statement with a part that may not run: what its moves leave (cd-walk.ts).
      acts(this.cdScopes.enter(node));
      for (let i = node.children.length - 1; i >= 0; i--) {
        const child = node.children[i]!;
        const around = this.cdScopes.around(node, i);
        acts(around.after);
        if (!child.named) continue;
        const runsLater = later || LOOPS.has(node.type) || node.children[i + 1]?.type === '&';
        const inner = this.bodyLoops.get(child) ?? loops;
        const branched = branch || conditional(node, i);
        const out = childSink(node, i, sink);
        stack.push({
          node: child, parentType: node.type, depth: depth + 1, ...(runsLater ? { later: true } : {}),
          ...(branched ? { branch: true } : {}), ...(inner ? { loops: inner } : {}), ...(out ? { sink: out } : {}),
        });
        acts(around.before);
      }
    }

    if (this.syntaxAt !== null) return { ok: false, reason: 'syntax', at: this.syntaxAt };
    for (const [consumerNode, text] of this.processes) {
      const consumer = this.byNode.get(consumerNode);
      if (consumer && consumer.stdin === null) consumer.stdin = { kind: 'process', text };
    }
    for (const [consumerNode, producerNode] of this.pipes) {
      const consumer = this.byNode.get(consumerNode);
      const producer = this.byNode.get(producerNode);
      if (consumer && producer && consumer.stdin === null) consumer.stdin = { kind: 'pipe', from: producer };
    }
    settleStdout(this.commands, { sinks: this.sinks, byNode: this.byNode });
    return {
      ok: true, commands: this.commands, ...(this.reparse.length > 0 ? { reparse: this.reparse } : {}),
      ...(this.functions.size > 0 ? { functions: this.functions } : {}),
      ...(this.unsure.length > 0 ? { unsure: this.unsure.map((n) => [n.start + this.offset, n.end + this.offset] as const) } : {}),
    };
  }

  /** The moves a function's body makes, walked as its caller runs it (cd-walk.ts define). */
  private bodyMoves(body: Node): readonly CdMove[] {
    const inner = new Walk(this.src, this.offset);
    for (const [k, v] of this.functions) inner.functions.set(k, v);
    inner.cdScopes.share(this.cdScopes);
    return inner.run(body).ok ? inner.moves : [{ op: 'unknown' }];
  }
  get place(): CdPlace { return { cwd: this.cwd, from: this.cwdFrom, moves: this.moves }; }
  set place(p: CdPlace) { [this.cwd, this.cwdFrom, this.moves] = [p.cwd, p.from, p.moves]; }

  /** When `n` is an output process substitution `>(…)`, its first command reads `producer`'s output. */
  private feeds(n: Node, producer: Node): void {
    if (n.type !== 'process_substitution' || !this.text(n).startsWith('>(')) return;
    const first = namedChildren(n)[0];
    const consumer = first ? headCommand(first) : null;
    if (consumer) this.pipes.push([consumer, producer]);
  }

  private text(n: Node): string { return textOf(this.src, n); }

  private again(text: string, n: Node): void { this.reparse.push({ text, start: n.start + this.offset, end: n.end + this.offset }); }

  private setEnv(name: string, value: string | null, text?: string): void {
    this.env.set(name, value);
    // A computed value's text, read where the variable is used when its parts are static there.
    if (value === null && text !== undefined) this.env.set(VALUE_TEXT + name, valueText(this.cwd, pwdFilled(text, this.cwd)));
    else this.env.delete(VALUE_TEXT + name);
    if (name === 'PATH') {
      if (value === null && text !== undefined) this.env.set(PATH_TEXT, pwdFilled(text, this.cwd));
      else this.env.delete(PATH_TEXT);
    }
    this.envChanged = true;
  }

  /** What to do at each node type; 'skip' leaves its children unvisited. */
  private readonly visitors: Record<string, (this: Walk, node: Node, parentType: string | null) => 'skip' | void> = {
    heredoc_redirect(node) {
      // In a `<<-` body tree-sitter may leave `\`cmd\`` and `$(cmd)` unparsed; an unquoted heredoc runs them.
      const startNode = node.children.find((c) => c.type === 'heredoc_start');
      const bodyNode = node.children.find((c) => c.type === 'heredoc_body');
      if (startNode && bodyNode && !/['"\\]/.test(this.text(startNode))
        && !bodyNode.children.some((c) => c.type === 'command_substitution')) {
        for (const inner of substitutionsIn(this.text(bodyNode))) this.again(inner, bodyNode);
      }
    },
    for_statement(node, parentType) {
      // The variable is the loop's from here on (so not a value set before it); its body may take each value.
      const trail = this.cwd !== null ? 1 : this.cwdFrom?.length;
      const bound = loopBinding(this.src, node, this.offset, { trail, defined: (n) => this.functions.has(n), parent: parentType });
      if (!bound) return;
      this.vars.loopVariable(bound.name);
      if (bound.body) this.bodyLoops.set(bound.body, new Map([...(this.loops ?? []), [bound.name, bound.binding]]));
    },
    function_definition(node) {
      // The body runs where the function is called (and not at all if it never is).
      const named = namedChildren(node);
      const name = named.find((c) => c.type === 'word');
      // `f() { …; } > FILE`: the redirections after the body apply to every call.
      const redirects = named.filter((c) => REDIRECTS.has(c.type));
      const body = named.filter((c) => !REDIRECTS.has(c.type)).pop();
      if (!name || !body || body === name) return;
      this.functions.set(this.text(name), [body, ...redirects].map((c) => this.text(c)).join(' '));
      this.fnAssigns.set(this.text(name), assignedNames(this.src, body));
      this.cdScopes.define(this.text(name), (n) => this.functions.get(n), () => this.bodyMoves(body), this.branch);
      // Redefining the shell guard's own functions is a command to the policy, named as the function.
      if (this.text(name).startsWith(GUARD_PREFIX)) this.commands.push({ ...this.pseudo(node, name), defines: true });
      // A function the shell calls by itself (zsh's TRAPEXIT, chpwd, …) runs with no call in the text.
      if (HOOK_FUNCTION.test(this.text(name))) this.again(this.functions.get(this.text(name))!, node);
      return 'skip';
    },
    command_substitution(node) {
      // bash removes a backslash before \\, ` and $ in a backtick body before parsing it: with any of
      // those, tree-sitter's tree is not bash's, so the body is parsed again, unescaped.
      const text = this.text(node);
      if (!text.startsWith('`') || !/\\[\\`$]/.test(text.slice(1, -1))) return;
      this.again(unescapeBackticks(text.slice(1, -1)), node);
      return 'skip';
    },
    expansion(node) {
      // `${x:=`cmd`}`, `${x#$(cmd)}`: tree-sitter keeps the operand as raw text.
      for (const c of node.children) {
        if ((c.type === 'word' || c.type === 'regex') && SUBSTITUTION.test(this.text(c))) this.again(`: ${this.text(c)}`, c);
      }
      this.vars.defaulted(this.src, node, this.offset);
      // `${x@P}` expands the value as a prompt, running its substitutions.
      const m = /^\$\{([A-Za-z_][A-Za-z0-9_]*)@P\}$/.exec(this.text(node));
      const value = m ? this.env.get(resolveName(this.env, m[1]!) ?? m[1]!) : undefined;
      if (m && (value === null || (value !== undefined && SUBSTITUTION.test(value)))) this.again(`: ${value ?? '$computed_prompt'}`, node);
    },
    subscript(node) {
      // `a['$(cmd)']=1`, `${a[$'$(cmd)']}`: bash evaluates an indexed array's subscript as arithmetic,
      // which expands the text single quotes kept (verified in bash 5.2; `"\$(cmd)"` is not expanded).
      this.quotedSubscript(namedChildren(node).slice(1, 2), node);
    },
    array(node) {
      // `b=( ['$(cmd)']=1 )`: tree-sitter reads a keyed element as a concatenation `[`, key, `]=…`.
      for (const c of namedChildren(node)) {
        const parts = namedChildren(c);
        const close = parts.findIndex((p) => this.text(p).startsWith(']'));
        if (c.type === 'concatenation' && this.text(parts[0]!) === '[' && close >= 2) this.quotedSubscript(parts.slice(1, close), c);
      }
    },
    raw_string(node) { this.subscripts(node); },
    string_content(node) { this.subscripts(node); },
    word(node) { this.subscripts(node); },
    pipeline(node) {
      const elems = namedStatements(node);
      for (let i = 1; i < elems.length; i++) {
        const consumer = headCommand(elems[i]!);
        const producer = tailCommand(elems[i - 1]!);
        if (consumer && producer) this.pipes.push([consumer, producer]);
      }
    },
    redirected_statement(node) {
      const named = namedChildren(node);
      const body = named[0];
      if (!body) return;
      const redirects = named.slice(1).filter((r) => REDIRECTS.has(r.type));
      for (const target of redirectTargets(body)) this.outer.set(target, [...(this.outer.get(target) ?? []), ...redirects]);
      this.ownWords(body, redirects);
      // `cmd > >(sh)`: the process reads what the statement writes; `exec > >(sh)`: what the rest of the script writes.
      const producer = tailCommand(body);
      const exec = body.type === 'command' && this.text(body).trim() === 'exec';
      for (const r of redirects) {
        for (const c of namedChildren(r)) {
          // Only standard output carries what the script writes (`exec 2> >(sh)` gets its errors).
          const fd = namedChildren(r).find((x) => x.type === 'file_descriptor');
          if (exec && (!fd || this.text(fd) === '1') && c.type === 'process_substitution' && this.text(c).startsWith('>(')) {
            const first = namedChildren(c)[0];
            const consumer = first ? headCommand(first) : null;
            if (consumer) this.processes.push([consumer, this.src.slice(node.end).replace(/^\s*(?:;|&&|\n)/, '')]);
          } else if (producer) this.feeds(c, producer);
        }
      }
      // `cat <<EOF | ssh host`: tree-sitter puts the rest of the pipeline inside the heredoc node.
      for (const r of redirects) {
        if (r.type !== 'heredoc_redirect') continue;
        for (const c of namedChildren(r)) {
          if (c.type !== 'pipeline' || c.children[0]?.type !== '|') continue;
          const first = namedChildren(c)[0];
          const consumer = first ? headCommand(first) : null;
          const producer = tailCommand(body);
          if (consumer && producer) this.pipes.push([consumer, producer]);
        }
      }
    },
    command(node) {
      if (this.envChanged) { this.envSnapshot = new Map(this.env); this.envChanged = false; }
      const plain = buildCommand(this.src, node, this.outer.get(node) ?? [], this.offset, this.cwd, this.envSnapshot, this.owned.get(node) ?? new Set());
      const built = this.env.get(KEYWORD) === '1' ? withKeywordAssignments(plain) : plain;
      // As a prefix assignment's: a variable whose value runs later gives its value to be read.
      for (const a of built.assignments.slice(plain.assignments.length)) this.vars.assign(a.name, a.value, false, undefined, a.text);
      const trailed = this.cwd === null && this.cwdFrom !== undefined ? { ...built, cwdFrom: this.cwdFrom } : built;
      const trail = this.moves.length > 0 || this.cwd !== '.' ? { ...trailed, moves: this.moves } : trailed;
      const command: SimpleCommand = this.later || this.loops ? { ...trail, ...(this.later ? { later: true as const } : {}), ...(this.loops ? { loops: this.loops } : {}) } : trail;
      // `tee >(sh)`: an output process substitution among the words reads what the command writes to it.
      for (const c of node.children) this.feeds(c, node);
      this.commands.push(command);
      this.byNode.set(node, command);
      if (this.sink) this.sinks.push([node, this.sink]);
      [this.cwd, this.cwdFrom] = [nextCwd(command, this.cwd, this.src), cwdTrail(command, this.cwd, this.cwdFrom)];
      if (this.cwd !== null) this.cwdFrom = undefined;
      this.cdScopes.command(node, command, (n) => this.functions.get(n));
      this.vars.command(command, command.cwd);
      // A function defined here sets the caller's variables when it is called: what it sets is not followed.
      for (const n of this.fnAssigns.get(command.words[0]?.value ?? '') ?? []) this.setEnv(resolveName(this.env, n) ?? n, null);
      for (const [name, body] of commandDefinitions(command)) this.functions.set(name, body);
      const replay = this.history.see(command);
      if (replay !== null) this.again(replay, node);
      for (const text of keyCommands(command, (name) => this.functions.get(name))) this.again(text, node);
    },
    variable_assignment(node, parentType) {
      // Variables whose value the shell runs later (`PROMPT_COMMAND`, prompts with substitutions).
      const special = specialAssignment(this.src, node, this.offset, this.env);
      for (const [name, body] of special?.functions ?? []) this.functions.set(name, body);
      if (special?.env) this.setEnv(...special.env);
      if (special?.again !== undefined) this.again(special.again, node);
      if (special?.write) this.commands.push(assignedWrite(node, this.offset, special.write, this.cwd, this.envSnapshot));
      const a = copied(assignmentOf(this.src, node, this.offset), this.env);
      if (!a || this.vars.declares(node)) return;
      if (this.branch && parentType !== 'command' && this.env.has(resolveName(this.env, a.name) ?? a.name)) this.unsure.push(node);
      // A bare `NAME=value` statement (a command's prefix is read by buildCommand). Setting one of the
      // shell guard's own variables is a command to the policy, named as the variable.
      const target = this.vars.assign(a.name, a.value, parentType !== 'command' && parentType !== 'declaration_command', undefined, a.text);
      if (parentType !== 'command' && target !== null) {
        const name = node.children[0];
        if (name && (target.startsWith(GUARD_PREFIX) || GUARD_VARIABLES.has(target))) this.commands.push(this.pseudo(node, name));
      }
    },
    unset_command(node) {
      // `unset -f NAME`: a command like any other to the policy (it can take a function apart).
      const words = node.children.map((c) => ({ value: this.text(c), tail: this.text(c), text: this.text(c), start: c.start + this.offset, end: c.end + this.offset }));
      const refs = words.some((w) => /^-[A-Za-z]*n/.test(w.value));
      for (const w of words.slice(1)) if (!/^-[A-Za-z]*$/.test(w.value)) this.env.delete(refs ? `\u0002${w.value}` : resolveName(this.env, w.value) ?? w.value);
      this.envChanged = true;
      this.commands.push({ words, assignments: [], redirects: [], stdin: null, start: node.start + this.offset, end: node.end + this.offset, cwd: this.cwd, env: this.envSnapshot });
    },
    arithmetic_expansion(node) { this.arithmetic(node); },
    compound_statement(node) { this.arithmetic(node); },
    c_style_for_statement(node) { this.arithmetic(node); },
    declaration_command(node) {
      const kind = node.children[0]?.type;
      this.vars.declaration(this.src, node, this.offset, kind === 'export' || kind === 'declare');
    },
  };

  /**
   * Words after a redirection's target are the words of the simple command the redirection ends
   * (`a && sudo >/dev/null docker ps`: sudo's); after a compound command bash refuses them.
   */
  private ownWords(body: Node, redirects: readonly Node[]): void {
    const owner = wordOwner(body);
    if (owner) { const set = this.owned.get(owner) ?? new Set(); for (const r of redirects) set.add(r); this.owned.set(owner, set); return; }
    const words = redirects.flatMap((r) => [r, ...namedChildren(r)]).flatMap(trailingWords);
    if (words.length > 0) this.syntaxAt ??= words[0]!.start + this.offset;
  }

  /** `((NAME=5))`, `$((NAME++))`: what arithmetic assigns (arith-writes.ts). */
  private arithmetic(node: Node): void {
    if (!isArithmetic(node)) return;
    for (const [name, value] of arithmeticAssignments(this.src, node)) this.vars.assign(name, value, true);
  }

  /** The substitutions in the single-quoted (or `$'…'`) parts of a subscript, which arithmetic runs. */
  private quotedSubscript(index: readonly Node[], at: Node): void {
    const parts = index.flatMap((n) => (n.type === 'concatenation' ? namedChildren(n) : [n]));
    const quoted = parts.filter((p) => p.type === 'raw_string' || p.type === 'ansi_c_string')
      .map((p) => wordOf(this.src, p, this.offset).value ?? '').join(' ');
    if (SUBSTITUTION.test(quoted)) this.again(`: ${quoted}`, at);
  }

  /** `'a[$(cmd)]'`: arithmetic on a string with a subscript runs the substitution. */
  private subscripts(node: Node): void {
    const text = this.text(node);
    if (SUBSCRIPT_SUBSTITUTION.test(text)) this.again(`: ${node.type === 'raw_string' ? text.slice(1, -1) : text}`, node);
  }
}

/** Collect every simple command in the tree (see Walk); `seed`: the variables of the text around it (namerefs.ts). */
export function collectCommands(src: string, root: Node, offset = 0, seed?: ReadonlyMap<string, string | null>): WalkResult {
  return new Walk(src, offset, seed).run(root);
}
