// The Kubernetes family: kubectl, oc, helm, kustomize, helmfile, skaffold, flux and argocd are
// judged as themselves (rules/15-kubernetes.yaml), and what they run besides is judged as the
// commands it is (grammars/kube.ts): programs named by options or variables, and programs named in
// the files they read (kube-files.ts). A program gets its words as the tool passes them.
import { getopt, optionIs, valuesOf, type Scan } from '../getopt.js';
import { GRAMMAR_OF, HELM_SUBCOMMANDS, KNOWN_KUBECTL_PLUGINS, KUBE_TOOLS, KUBECTL_SUBCOMMANDS, KUSTOMIZE_EXEC_OPTIONS, type KubeTool } from '../grammars/kube.js';
import { READERS } from '../grammars/readers.js';
import { globFiles } from '../files.js';
import { argOf, hasUnquotedGlob, type Word } from '../words.js';
import type { Scope } from './driver.js';
import { helmDownloaders, helmPlugin, helmPluginRun, helmfileFiles, kubeconfigExec, runProgram, skaffoldFiles } from './kube-files.js';
import { functionRuns } from './krm-functions.js';
import { pathOf } from './path-lookup.js';

/** Every program this family reads (for the fast path: all are named by the rules too). */
export const KUBE_PROGRAMS: readonly string[] = Object.keys(KUBE_TOOLS);

/** A word of unquoted text with glob characters and nothing the shell expands otherwise. */
const PLAIN_GLOB = /^[A-Za-z0-9_@%+=:,./\[\]*?!^-]+$/;

/**
 * A word as the tool gets it: a glob that matches no file stays as written (bash), so
 * `--server=https://[::1]:6443` is that server; one that may match is computed.
 */
function kubeArg(scope: Scope, w: Word): string | null {
  if (w.value !== null || !scope.local || scope.cwd === null || !PLAIN_GLOB.test(w.text) || !hasUnquotedGlob(w.text)) return argOf(w);
  const hits = globFiles(scope.files, scope.cwd, w.text);
  return hits !== null && hits.length === 0 ? w.text : argOf(w);
}

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
  const scan = getopt(args.map((w) => kubeArg(scope, w)), grammar ?? {});
  scope.emit(scope.argv, name, { scan });
  const path = leadingOf(scan);
  optionPrograms(scope, tool, scan, path);
  envPrograms(scope, name, tool, path);
  configSet(scope, name, path);
  if (tool.plugins === 'path') kubectlPlugin(scope, name, scan, args);
  if (tool.plugins === 'helm' && scope.local && typeof path[0] === 'string' && !HELM_SUBCOMMANDS.has(path[0])) helmPluginRun(scope, path[0], path.slice(1));
  if ((name === 'kustomize' || (path[0] === 'kustomize' && GRAMMAR_OF[name] !== undefined) || (path[0] === 'kustomize' && name === 'kubectl'))
    && scan.options.some((o) => optionIs(o, KUSTOMIZE_EXEC_OPTIONS))) {
    scope.raise('unreadable-script', `\`${name}${name === 'kustomize' ? '' : ' kustomize'} --enable-exec\` runs the programs the kustomization's functions name, which are not read here`);
  }
  const help = scan.options.some((o) => optionIs(o, ['--help', '-h']));
  if (tool.functions && !help) functionRuns(scope, tool.functions, scan, path);
  if (!scope.local) return true;
  if (tool.kubeconfig) kubeconfigExec(scope, name, scan, tool.kubeconfig);
  if (tool.schemes && !help) helmDownloaders(scope, [...scan.operands.map((o) => o.value), ...valuesOf(scan, '--repo')], tool.schemes);
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

function envPrograms(scope: Scope, name: string, tool: KubeTool, path: readonly (string | null)[]): void {
  for (const e of tool.env ?? []) {
    if (!under(path, e.path) || !scope.env.has(e.name)) continue;
    const value = scope.env.get(e.name);
    if (value === null || value === undefined) { scope.raise('dynamic-command', `${e.name} (for \`${path.join(' ')}\`) is computed at run time`); continue; }
    if (e.shell) { if (value.trim() !== '') scope.nested(`${value} ${e.appends.join(' ')}`, `${e.name} (${name} ${path[0] ?? ''})`, { spliceable: false }); continue; }
    // Split on spaces, not by a shell, with the tool's arguments after it.
    const words = value.split(/\s+/).filter(Boolean);
    if (words.length > 0) runProgram(scope, words[0]!, [...words.slice(1), ...e.appends], `${e.name} (${name} ${path.slice(0, 2).join(' ')})`);
  }
}

/**
 * `kubectl foo bar`: the longest plugin found on PATH (`kubectl-foo-bar`, a dash in a word as `_`) runs
 * with the other words (options too: kubectl passes them on); else a plugin the rules know
 * (`kubectl argo rollouts` → kubectl-argo-rollouts), else `kubectl-foo`.
 */
function kubectlPlugin(scope: Scope, name: string, scan: Scan, args: readonly Word[]): void {
  // kubectl refuses options before a plugin's name; read them as its words all the same (fail closed).
  const words: string[] = [];
  const at: number[] = [];
  for (const o of scan.operands) { if (o.value === null) break; words.push(o.value); at.push(o.index); }
  if (words.length === 0 || KUBECTL_SUBCOMMANDS.has(words[0]!) || !/^[A-Za-z0-9_.-]+$/.test(words[0]!)) return;
  const plugin = (n: number): string => `kubectl-${words.slice(0, n).map((w) => w.replace(/-/g, '_')).join('-')}`;
  const rest = (n: number): (string | null)[] => { const name = new Set(at.slice(0, n)); return args.filter((_, i) => !name.has(i)).map(argOf); };
  for (let n = Math.min(words.length, 8); n >= 1; n--) {
    const found = scope.local ? pathOf(scope, plugin(n)) : null;
    const known = KNOWN_KUBECTL_PLUGINS[words.slice(0, n).join(' ')];
    if (found === null && known === undefined && n > 1) continue;
    runProgram(scope, found ?? known ?? plugin(1), rest(n), `${name} plugin ${words.slice(0, n).join(' ')}`);
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
