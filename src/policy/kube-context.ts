// The Kubernetes context the same text made current before a command that names none: `kubectl
// config use-context` (and its alias `use`), `kubectl config set current-context`, kubectx (also as
// krew's `kubectl ctx` plugin), kind/k3d/minikube creating a cluster. A switch counts only when the
// command runs after it succeeded: joined to it by `&&` alone (kubectl config use-context fails for a
// context that does not exist and leaves the current one; after `;`, `||` or beside it with `&` or
// `|`, the current context is not known). Anything else in between, a switch the text cannot see
// into (both read from one `bash -c` string), or one in another kubeconfig leaves it unknown. So does
// an earlier switch sent to the background (`… &`, bash(1): run asynchronously) and not waited for: it
// may land after the local one.
import type { Invocation } from '../shell/invocation.js';
import { runsAfterSuccess } from './after-success.js';

/** The value of `--name`/`-n` style options in plain words (`--name x`, `--name=x`); undefined when absent. */
export function wordOption(words: readonly (string | null)[], names: readonly string[]): string | null | undefined {
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === null || w === undefined) continue;
    for (const n of names) {
      if (w === n) return words[i + 1] ?? null;
      if (n.startsWith('--') && w.startsWith(`${n}=`)) return w.slice(n.length + 1);
    }
  }
  return undefined;
}

/** kubectx's options that only look or delete (`-c` prints the current context; `-d` deletes others). */
const KUBECTX_LOOKS = new Set(['-c', '--current', '-h', '--help', '-V', '--version']);

/** `kubectx NAME` switches; `-`, `-u` and a rename (the current one may be renamed) leave it unknown (null). */
function kubectxSwitch(words: readonly (string | null)[]): string | null | undefined {
  if (words.length === 0 || words.some((w) => w !== null && KUBECTX_LOOKS.has(w))) return undefined;
  if (words[0] === '-d') return undefined;
  const ops = words.filter((w) => w === null || !w.startsWith('-'));
  if (ops.length !== 1 || ops.length !== words.length) return null;
  return ops[0] === null || ops[0]!.includes('=') ? null : ops[0];
}

/** `kubectl config use-context NAME` (alias `use`), `config set current-context NAME`, `config unset current-context`. */
function kubectlSwitch(e: Invocation): string | null | undefined {
  const ops = e.scan ? e.scan.operands.map((o) => o.value) : e.argv.slice(1).map((w) => w.value);
  if (ops[0] !== 'config') return undefined;
  if (ops[1] === null) return null;
  if (ops[1] === 'use-context' || ops[1] === 'use') return ops[2] ?? null;
  if ((ops[1] === 'set' || ops[1] === 'unset') && (ops[2] === 'current-context' || ops[2] === null)) return ops[1] === 'set' ? ops[3] ?? null : null;
  return undefined;
}

/** The context a command makes current (null: one not known here); undefined when it makes none. */
function contextSwitch(e: Invocation): string | null | undefined {
  const w = e.argv.slice(1).map((x) => x.value);
  const ops = w.filter((x) => x === null || !x.startsWith('-'));
  if (wordOption(w, ['--kubeconfig']) !== undefined) return undefined;
  switch (e.program) {
    case 'kubectl': case 'oc': case 'kubectl.exe': case 'kubecolor': return kubectlSwitch(e);
    case 'kubectx': case 'kubectl-ctx': return kubectxSwitch(w);
    case 'kind': return ops[0] === 'create' && ops[1] === 'cluster' ? `kind-${wordOption(w, ['--name', '-n']) ?? 'kind'}` : undefined;
    case 'k3d': return ops[0] === 'cluster' && ops[1] === 'create' ? `k3d-${ops[2] ?? 'k3s-default'}` : undefined;
    case 'minikube': return ops[0] === 'start' ? wordOption(w, ['--profile', '-p']) ?? 'minikube' : undefined;
    default: return undefined;
  }
}

const sameMachine = (a: Invocation, b: Invocation): boolean =>
  a.target.kind === b.target.kind && (a.target.kind === 'local' || (b.target.kind === 'remote' && a.target.host === b.target.host));

/** A lone `&` (a background job), not `&&`, `>&`, `&>`, `|&` nor `<&`. */
const BACKGROUND = /(?<![&|<>])&(?![&>])/;

/** A plain `wait` (every background job) between `from` and `to`. */
const waitedBetween = (cmds: readonly Invocation[], from: number, to: number): boolean =>
  cmds.some((c) => c.program === 'wait' && c.argv.length === 1 && c.start >= from && c.end <= to);

/**
 * Is there a switch in `earlier` before `e` (index `i`) that was sent to the background and not waited
 * for before `e`? Then it may land after `e` (the text between them holds a lone `&`).
 */
function backgroundSwitch(input: string, earlier: readonly Invocation[], i: number, inv: Invocation): boolean {
  const e = earlier[i]!;
  for (let j = i - 1; j >= 0; j--) {
    const b = earlier[j]!;
    if (!sameMachine(b, inv) || contextSwitch(b) === undefined) continue;
    if (b.end > e.start) return true;
    const gap = input.slice(b.end, e.start);
    const amp = gap.search(BACKGROUND);
    if (amp >= 0 && !waitedBetween(earlier, b.end + amp, e.start)) return true;
  }
  return false;
}

/**
 * The context the text made current before `inv` on the same machine and kubeconfig: undefined when it
 * made none, null when a switch may not have happened (or not before `inv`).
 */
export function switchedContext(inv: Invocation, earlier: readonly Invocation[], input: string | undefined): string | null | undefined {
  for (let i = earlier.length - 1; i >= 0; i--) {
    const e = earlier[i]!;
    if (!sameMachine(e, inv) || (e.env.get('KUBECONFIG') ?? undefined) !== (inv.env.get('KUBECONFIG') ?? undefined)) continue;
    const c = contextSwitch(e);
    if (c === undefined) continue;
    if (input === undefined || !runsAfterSuccess(input, e, inv, earlier.slice(i + 1))) return null;
    return backgroundSwitch(input, earlier, i, inv) ? null : c;
  }
  return undefined;
}
