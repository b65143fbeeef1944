// The Kubernetes family: kubectl, oc, helm, kustomize, helmfile, skaffold, flux and argocd are
// judged as themselves (rules/15-kubernetes.yaml), and what they run besides is judged as the
// commands it is (grammars/kube.ts): programs named by options or variables, and programs named in
// the files they read (kube-files.ts). A program gets its words as the tool passes them.
import { getopt, optionIs, valuesOf, type Scan } from '../getopt.js';
import { GRAMMAR_OF, HELM_SUBCOMMANDS, KUBE_TOOLS, KUBECTL_SUBCOMMANDS, KUSTOMIZE_EXEC_OPTIONS, type KubeTool } from '../grammars/kube.js';
import { READERS } from '../grammars/readers.js';
import { argOf, type Word } from '../words.js';
import type { Scope } from './driver.js';
import { helmPlugin, helmPluginRun, helmfileFiles, kubeconfigExec, runProgram, skaffoldFiles } from './kube-files.js';
import { pathOf } from './path-lookup.js';

/** Every program this family reads (for the fast path: all are named by the rules too). */
export const KUBE_PROGRAMS: readonly string[] = Object.keys(KUBE_TOOLS);

/** Leading operands: the subcommand path. */
function leadingOf(scan: Scan): (string | null)[] {
  const out: (string | null)[] = [];
  for (const o of scan.operands) { out.push(o.value); if (o.value === null) break; }
  return out;
}

const under = (path: readonly (string | null)[], prefix: readonly string[] | undefined): boolean =>
  prefix === undefined || prefix.every((w, i) => path[i] === w);

export function kubeFamily(scope: Scope, name: string, args: readonly Word[]): boolean {
  const tool = KUBE_TOOLS[name];
  if (!tool) return false;
  const grammar = READERS[name] ?? READERS[GRAMMAR_OF[name] ?? ''];
  const scan = getopt(args.map(argOf), grammar ?? {});
  scope.emit(scope.argv, name, { scan });
  const path = leadingOf(scan);
  optionPrograms(scope, tool, scan, path);
  envPrograms(scope, tool, path);
  configSet(scope, name, path);
  if (tool.plugins === 'path') kubectlPlugin(scope, name, path);
  if (tool.plugins === 'helm' && scope.local && typeof path[0] === 'string' && !HELM_SUBCOMMANDS.has(path[0])) helmPluginRun(scope, path[0], path.slice(1));
  if ((name === 'kustomize' || (path[0] === 'kustomize' && GRAMMAR_OF[name] !== undefined) || (path[0] === 'kustomize' && name === 'kubectl'))
    && scan.options.some((o) => optionIs(o, KUSTOMIZE_EXEC_OPTIONS))) {
    scope.raise('unreadable-script', `\`${name}${name === 'kustomize' ? '' : ' kustomize'} --enable-exec\` runs the programs the kustomization's functions name, which are not read here`);
  }
  if (!scope.local) return true;
  if (tool.kubeconfig) kubeconfigExec(scope, name, scan, tool.kubeconfig);
  const help = scan.options.some((o) => optionIs(o, ['--help', '-h']));
  if (tool.files && !help && !(tool.filesSkip ?? []).includes(path[0] ?? '')) {
    if (tool.files === 'helm-plugin' && path[0] === 'plugin' && path[1] === 'install') helmPlugin(scope, path[2]);
    if (tool.files === 'helmfile') helmfileFiles(scope, scan);
    if (tool.files === 'skaffold' && path.length > 0) skaffoldFiles(scope, scan);
  }
  return true;
}

function optionPrograms(scope: Scope, tool: KubeTool, scan: Scan, path: readonly (string | null)[]): void {
  for (const p of tool.programs ?? []) {
    if (!under(path, p.path)) continue;
    if (p.when && !scan.options.some((o) => optionIs(o, p.when!))) continue;
    const args = p.args ? valuesOf(scan, ...p.args) : [];
    for (const program of valuesOf(scan, ...p.options)) runProgram(scope, program, args, p.label);
  }
}

function envPrograms(scope: Scope, tool: KubeTool, path: readonly (string | null)[]): void {
  for (const e of tool.env ?? []) {
    if (!under(path, e.path) || !scope.env.has(e.name)) continue;
    const value = scope.env.get(e.name);
    if (value === null || value === undefined) { scope.raise('dynamic-command', `${e.name} (for \`${path.join(' ')}\`) is computed at run time`); continue; }
    if (e.shell) { if (value.trim() !== '') scope.nested(`${value} ${e.appends.join(' ')}`, `${e.name} (kubectl ${path[0] ?? ''})`, { spliceable: false }); continue; }
    // Split on spaces, not by a shell, with the tool's arguments after it.
    const words = value.split(/\s+/).filter(Boolean);
    if (words.length > 0) runProgram(scope, words[0]!, [...words.slice(1), ...e.appends], `${e.name} (kubectl ${path[0]})`);
  }
}

/** `kubectl foo bar`: the longest plugin found on PATH (`kubectl-foo-bar`, a dash in a word as `_`) runs with the rest as arguments. */
function kubectlPlugin(scope: Scope, name: string, path: readonly (string | null)[]): void {
  const words = path.filter((w): w is string => w !== null);
  if (words.length === 0 || KUBECTL_SUBCOMMANDS.has(words[0]!) || !/^[A-Za-z0-9_.-]+$/.test(words[0]!)) return;
  const plugin = (n: number): string => `kubectl-${words.slice(0, n).map((w) => w.replace(/-/g, '_')).join('-')}`;
  for (let n = Math.min(words.length, 8); n >= 1; n--) {
    const found = scope.local ? pathOf(scope, plugin(n)) : null;
    if (found === null && n > 1) continue;
    runProgram(scope, found ?? plugin(1), words.slice(n), `${name} plugin ${words.slice(0, n).join(' ')}`);
    return;
  }
}

/** `kubectl config set users.NAME.exec.command PROGRAM`: the program runs when the user is used. */
function configSet(scope: Scope, name: string, path: readonly (string | null)[]): void {
  if ((name !== 'kubectl' && GRAMMAR_OF[name] !== 'kubectl') || path[0] !== 'config' || path[1] !== 'set') return;
  const key = path[2];
  if (key === null || key === undefined || !/\.exec\.command$/.test(key)) return;
  if (path[3] === undefined) return;
  runProgram(scope, path[3], [], `kubectl config set ${key} (runs when the user is used)`);
}
