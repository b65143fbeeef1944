// Where each simple command's standard output goes, as the syntax says (SimpleCommand.stdout): the walk
// (invocations.ts) carries down the tree the command that reads a pipeline element's output, or that a
// substitution takes it, so no subtree is read twice; the rest is settled once every command is known.
import { namedChildren, type Node } from './parse.js';
import { isStatement } from './statements.js';
import type { SimpleCommand, Stdout } from './simple-command.js';

/** What the walk carries: the command node that reads the output (null: no command does), or a substitution. */
export type Sink = { readonly to: Node | null } | 'substitution';

const SUBSTITUTIONS = new Set(['command_substitution', 'process_substitution']);
const SUBSTITUTED: Stdout = { kind: 'substitution' };
const UNKNOWN: Stdout = { kind: 'unknown' };

/**
 * The sink of `parent`'s child `i`, given `parent`'s own. The nearest place wins: in `(a | b) | c`
 * a's output goes to b, b's to c; in `{ a; b; } | c` both go to c; in `$(a | b)` b's to the substitution.
 */
export function childSink(parent: Node, i: number, inherited: Sink | undefined): Sink | undefined {
  const child = parent.children[i]!;
  if (SUBSTITUTIONS.has(child.type)) return 'substitution';
  if (parent.type !== 'pipeline' || !isStatement(child)) return inherited;
  for (let j = i + 1; j < parent.children.length; j++) {
    const next = parent.children[j]!;
    if (next.named && isStatement(next)) return { to: loneCommand(next) };
  }
  return inherited;
}

/**
 * The command an element of a pipeline is, redirected or not; null for a group, a loop or a subshell,
 * whose commands may all read the output (`| { head -1; sh; }`: sh reads what head left).
 */
function loneCommand(element: Node): Node | null {
  const body = element.type === 'redirected_statement' ? namedChildren(element)[0] : element;
  return body?.type === 'command' ? body : null;
}

/**
 * Give each command its stdout: from the sinks the walk found (`walk`), else from the pipes linked by
 * stdin. The plain lexer's pipes join simple commands only; a link the walk's sinks do not explain
 * (`cat <<EOF | sh`, where tree-sitter puts the pipeline inside the heredoc; `tee >(sh)`) leaves the
 * output not known here. After `exec` with a redirection, the shell's own output is that
 * redirection's, so every later command's is not known here.
 */
export function settleStdout(commands: readonly SimpleCommand[],
  walk?: { readonly sinks: readonly (readonly [Node, Sink])[]; readonly byNode: ReadonlyMap<Node, SimpleCommand> }): void {
  for (const [node, sink] of walk?.sinks ?? []) {
    const byNode = walk!.byNode;
    const command = byNode.get(node);
    if (!command) continue;
    const to = sink === 'substitution' || sink.to === null ? undefined : byNode.get(sink.to);
    command.stdout = sink === 'substitution' ? SUBSTITUTED : to ? { kind: 'pipe', to } : UNKNOWN;
  }
  let exec = false;
  for (const command of commands) {
    if (command.stdin?.kind === 'pipe') command.stdin.from.stdout ??= walk ? UNKNOWN : { kind: 'pipe', to: command };
    if (exec) command.stdout = UNKNOWN;
    exec ||= command.words[0]?.value === 'exec' && command.redirects.length > 0;
  }
}
