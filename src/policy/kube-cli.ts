// What the cluster CLIs read themselves before they do anything: `-h`/`--help` at any level of a
// cobra CLI (kubectl, helm, flux, argocd) prints the help and exits, but only where the CLI reads
// the flag: after `--` it is the payload's (`kubectl exec pod -- sh -c x --help`), under a plugin's
// name the plugin gets it (`kubectl foo --help` runs kubectl-foo), and after an option the grammar
// does not know it may be that option's value (pflag takes the next word for a string flag). And
// whether a cluster TUI's session stays read-only (grammars/kube.ts READ_ONLY_SWITCHES).
import { compile, optionIs, type Option } from '../shell/getopt.js';
import type { Invocation } from '../shell/invocation.js';
import { GRAMMAR_OF, KUBE_TOOLS, READ_ONLY_SWITCHES } from '../shell/grammars/kube.js';
import { READERS } from '../shell/grammars/readers.js';

const isHelp = (o: Option): boolean => optionIs(o, ['--help']) || (o.name === '-h' && o.value === undefined);

export function kubeHelp(inv: Invocation): boolean {
  const name = inv.program ?? '';
  const tool = KUBE_TOOLS[name];
  const scan = inv.scan;
  const grammar = READERS[name] ?? READERS[GRAMMAR_OF[name] ?? ''];
  if (!tool?.subcommands || !scan || !grammar) return false;
  const first = scan.operands[0];
  if (first !== undefined && (first.value === null || !tool.subcommands.has(first.value))) return false;
  const g = compile(grammar);
  const known = (o: Option): boolean => o.name.startsWith('--') ? g.long.has(o.name.slice(2)) : g.short.has(o.name.slice(1));
  return scan.options.some((o, i) => {
    if (!isHelp(o)) return false;
    const before = scan.options[i - 1];
    // `--unknown --help`: the unknown option may take `--help` as its value.
    return before === undefined || before.index !== o.index - 1 || before.value !== undefined || known(before);
  });
}

/** pflag's bool values (strconv.ParseBool). */
const TRUE = /^(?:1|t|T|TRUE|true|True)$/;

/** A TUI session whose read-only switch is on (its last spelling) and not overridden. */
export function readOnlySession(inv: Invocation): boolean {
  const sw = READ_ONLY_SWITCHES[inv.program ?? ''];
  const options = inv.scan?.options;
  if (!sw || !options) return false;
  const on = options.filter((o) => optionIs(o, [sw.on])).pop();
  if (on === undefined || (on.value !== undefined && (on.value === null || !TRUE.test(on.value)))) return false;
  return !options.some((o) => optionIs(o, sw.off) && (o.value === undefined || (o.value !== null && TRUE.test(o.value))));
}
