// Project files of the Kubernetes tools that name programs they run (see grammars/kube.ts): a
// kubeconfig's users[].exec (client-go runs it for credentials; a relative path with a slash is
// relative to the kubeconfig), a local helm plugin's install/update hooks (run by `sh -c` in the
// plugin's directory), helmfile's `exec` template function and release hooks, and skaffold.yaml's
// custom build commands, dependency commands and lifecycle hooks. A file that cannot be parsed
// makes the tool fail before it runs anything; a call whose command the text does not show asks.
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { valuesOf, type Scan } from '../getopt.js';
import { HELMFILE_DEFAULTS, REMOTE_PLUGIN, SKAFFOLD_DEFAULT } from '../grammars/kube.js';
import { homeDir } from '../invocations.js';
import type { Scope } from './driver.js';
import { quoteWord } from '../words.js';

type Yaml = typeof import('yaml');
const yaml = (): Yaml => createRequire(import.meta.url)('yaml') as Yaml;

/** Every document of a YAML file (skaffold.yaml and helmfiles may hold several); null when it does not parse. */
export function documents(text: string): unknown[] | null {
  try {
    const docs = yaml().parseAllDocuments(text);
    if (!Array.isArray(docs) || docs.some((d) => d.errors.length > 0)) return null;
    return docs.map((d) => d.toJS({ maxAliasCount: 100 }) as unknown);
  } catch {
    return null;
  }
}

export const record = (v: unknown): Record<string, unknown> | null => (v !== null && typeof v === 'object' && !Array.isArray(v) ? v as Record<string, unknown> : null);
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const strings = (v: unknown): string[] => list(v).filter((x): x is string => typeof x === 'string');

export function pathFrom(scope: Scope, value: string): string | null {
  if (value === '~' || value.startsWith('~/')) { const h = homeDir(); return h === null ? null : h + value.slice(1); }
  if (isAbsolute(value)) return value;
  return scope.cwd === null ? null : resolve(scope.cwd, value);
}

export function readText(scope: Scope, path: string): string | null {
  const r = scope.files.read(path);
  if (r.kind === 'text') return r.text;
  if (r.kind === 'unreadable' && !/directory/i.test(r.why)) scope.raise('unreadable-script', `${path}: ${r.why}`);
  return null;
}

/** Judge `program args…` as the command the tool runs (from `cwd`, or the command's directory). */
export function runProgram(scope: Scope, program: string | null, args: readonly (string | null)[], label: string, cwd?: string | null): void {
  if (program === null || program === '') {
    if (program === null) scope.raise('dynamic-command', `${label}: the program is named at run time`);
    return;
  }
  // A computed argument stays computed (`"$X"`), so that what reads it sees that.
  const text = [program, ...args].map((a) => (a === null ? '"$COMPUTED"' : quoteWord(a))).join(' ');
  scope.nested(text, label, { spliceable: false, ...(cwd !== undefined ? { cwd } : {}) });
}

// ------------------------------------------------------------------ kubeconfig

/** The kubeconfig files named by the tool's options or by $KUBECONFIG (colon-separated): their users' exec plugins. */
export function kubeconfigExec(scope: Scope, name: string, scan: Scan, spec: { options: readonly string[]; env?: string }): void {
  const named: string[] = [];
  for (const v of spec.options.length > 0 ? valuesOf(scan, ...spec.options) : []) if (v !== null) named.push(v);
  if (named.length === 0 && spec.env) {
    const env = scope.env.get(spec.env);
    if (typeof env === 'string') named.push(...env.split(':').filter(Boolean));
  }
  if (named.length > 16) scope.raise('unreadable-script', `${named.length} kubeconfig files are named; past 16 they are not read`);
  for (const file of named.slice(0, 16)) {
    const path = pathFrom(scope, file);
    const text = path === null ? null : readText(scope, path);
    if (path === null || text === null) continue;
    for (const doc of documents(text) ?? []) {
      for (const u of list(record(doc)?.users)) {
        const user = record(record(u)?.user);
        const exec = record(user?.exec);
        const cmd = exec?.command ?? record(record(user?.['auth-provider'])?.config)?.['cmd-path'];
        if (typeof cmd !== 'string' || cmd === '') continue;
        // client-go: a relative path with a separator is relative to the kubeconfig's directory.
        const program = cmd.includes('/') && !isAbsolute(cmd) ? resolve(dirname(path), cmd) : cmd;
        const args = exec ? strings(exec.args) : (record(record(user?.['auth-provider'])?.config)?.['cmd-args'] as string | undefined)?.split(/\s+/) ?? [];
        runProgram(scope, program, args, `${name}: exec credential plugin of user ${String(record(u)?.name ?? '?')} in ${file}`);
      }
    }
  }
}

// ------------------------------------------------------------------ helm plugin install

/** `helm plugin install DIR`: plugin.yaml's hooks run (`sh -c`, in the plugin's directory) as it installs; its command runs as `helm NAME`. */
export function helmPlugin(scope: Scope, source: string | null | undefined): void {
  if (source === undefined || (source !== null && REMOTE_PLUGIN.test(source))) return;
  if (source === null) { scope.raise('unreadable-script', '`helm plugin install` installs a plugin named at run time, whose hooks cannot be read'); return; }
  const dir = pathFrom(scope, source);
  if (dir === null) return;
  if (/\.(?:tgz|tar\.gz)$/.test(source)) { scope.raise('unreadable-script', `\`helm plugin install ${source}\`: the hooks of a packed plugin are not read here`); return; }
  const text = readText(scope, join(dir, 'plugin.yaml'));
  const doc = text === null ? null : record(documents(text)?.[0]);
  if (!doc) return;
  const hooks = record(doc.hooks);
  const platform = record(doc.platformHooks);
  for (const event of ['install', 'update']) {
    for (const body of [hooks?.[event], ...list(platform?.[event]).map((h) => record(h)?.command)]) {
      if (typeof body === 'string') pluginText(scope, body, dir, [], `helm plugin ${event} hook (${source})`);
    }
  }
  for (const body of pluginCommands(doc)) pluginText(scope, body, dir, [], `helm ${String(doc.name ?? '')} (the command of the plugin ${source}, runs when it is used)`);
}

function pluginCommands(doc: Record<string, unknown>): string[] {
  return [doc.command, ...list(doc.platformCommand).map((c) => record(c)?.command)].filter((c): c is string => typeof c === 'string');
}

/** A plugin's command or hook, with $HELM_PLUGIN_DIR as helm sets it. */
function pluginText(scope: Scope, body: string, dir: string, args: readonly (string | null)[], label: string): void {
  const text = body.replace(/\$\{?HELM_PLUGIN_DIR\}?/g, dir);
  if (text.trim() === '') return;
  const rest = args.map((a) => (a === null ? '"$COMPUTED"' : quoteWord(a))).join(' ');
  scope.nested(rest === '' ? text : `${text} ${rest}`, label, { spliceable: false, cwd: dir, source: 'script' });
}

/** `helm NAME …` where NAME is not helm's own: the command of the plugin NAME in $HELM_PLUGINS (or helm's default directory). */
export function helmPluginRun(scope: Scope, name: string, args: readonly (string | null)[]): void {
  const found = helmPlugins(scope, `\`helm ${name}\` runs a plugin`).find((p) => p.doc.name === name);
  if (found) for (const body of pluginCommands(found.doc)) pluginText(scope, body, found.dir, args, `helm ${name} (plugin in ${found.dir})`);
}

/**
 * A chart or repository URL of a scheme helm does not fetch itself: the downloader plugin that declares
 * the scheme (plugin.yaml `downloaders[].protocols`) runs its command, from the plugin's directory,
 * with the cert, key and CA files and the URL (helm's plugin getter).
 */
export function helmDownloaders(scope: Scope, refs: readonly (string | null)[], builtin: readonly string[]): void {
  const schemes = new Set<string>();
  for (const r of refs) {
    const scheme = r === null ? undefined : /^([a-z][a-z0-9+.-]*):\/\//i.exec(r)?.[1]?.toLowerCase();
    if (scheme !== undefined && !builtin.includes(scheme)) schemes.add(scheme);
  }
  if (schemes.size === 0) return;
  const plugins = helmPlugins(scope, `a ${[...schemes].join(', ')} URL is fetched by a downloader plugin`);
  for (const scheme of schemes) {
    for (const { dir, doc } of plugins) {
      for (const d of list(doc.downloaders).map(record)) {
        if (typeof d?.command !== 'string' || !strings(d.protocols).includes(scheme)) continue;
        const words = d.command.split(' ').filter(Boolean);
        const url = refs.find((r) => r?.toLowerCase().startsWith(`${scheme}://`)) ?? '';
        if (words.length > 0) runProgram(scope, join(dir, words[0]!), [...words.slice(1), '', '', '', url], `helm downloader ${scheme}:// (plugin in ${dir})`, dir);
      }
    }
  }
}

/** The plugins in $HELM_PLUGINS (or helm's default directory), each with its plugin.yaml. */
function helmPlugins(scope: Scope, why: string): { dir: string; doc: Record<string, unknown> }[] {
  const env = scope.env.get('HELM_PLUGINS');
  if (env === null) { scope.raise('unreadable-script', `${why} from $HELM_PLUGINS, named at run time`); return []; }
  const data = process.env.XDG_DATA_HOME ?? (homeDir() === null ? null : `${homeDir()}/.local/share`);
  const dirs = env !== undefined ? env.split(':').filter(Boolean) : data === null ? [] : [`${data}/helm/plugins`];
  if (dirs.length > 8) scope.raise('unreadable-script', `$HELM_PLUGINS names ${dirs.length} directories; past 8 they are not read`);
  const out: { dir: string; doc: Record<string, unknown> }[] = [];
  for (const d of dirs.slice(0, 8)) {
    const root = pathFrom(scope, d);
    for (const entry of (root === null ? null : scope.files.list?.(root)) ?? []) {
      const dir = join(root!, entry);
      const text = readText(scope, join(dir, 'plugin.yaml'));
      const doc = text === null ? null : record(documents(text)?.[0]);
      if (doc) out.push({ dir, doc });
    }
  }
  return out;
}

// ------------------------------------------------------------------ helmfile

const STRING = String.raw`(?:"(?:[^"\\]|\\.)*"|\x60[^\x60]*\x60)`;
const EXEC_CALL = new RegExp(String.raw`\b(?:exec|envExec\s+(?:\([^()]*\)|\.\S+|\$\S+))\s+(${STRING})\s*\(\s*list((?:\s+${STRING})*)\s*\)`, 'g');
const unquote = (s: string): string => (s.startsWith('`') ? s.slice(1, -1) : JSON.parse(s) as string);

/** The helmfile(s) helmfile reads: -f FILE|DIR, else helmfile.yaml(.gotmpl) or helmfile.d/ in the directory. */
function helmfilePaths(scope: Scope, scan: Scan): string[] {
  const given = valuesOf(scan, '--file').filter((v): v is string => v !== null);
  const candidates = given.length > 0 ? given : [...HELMFILE_DEFAULTS];
  const out: string[] = [];
  for (const c of candidates) {
    const p = pathFrom(scope, c);
    if (p === null) continue;
    const names = scope.files.list?.(p);
    if (names) out.push(...names.filter((n) => /\.(?:ya?ml|gotmpl)$/.test(n)).sort().map((n) => join(p, n)));
    else out.push(p);
  }
  return out;
}

export function helmfileFiles(scope: Scope, scan: Scan): void {
  eachFile(scope, helmfilePaths(scope, scan), 'helmfile', (file, text, queue) => {
    templateExec(scope, text, file);
    // What the template leaves is YAML: its hooks, helm binary and the files it names.
    const doc = record(documents(text.replace(/\{\{-?[\s\S]*?-?\}\}/g, 'x'))?.[0]);
    if (!doc) return;
    const dir = dirname(file);
    for (const key of ['helmBinary', 'kustomizeBinary']) if (typeof doc[key] === 'string') runProgram(scope, doc[key] as string, [], `helmfile ${key} (${file})`, dir);
    const releases = list(doc.releases).map(record);
    for (const hook of [...list(doc.hooks), ...releases.flatMap((r) => list(r?.hooks))].map(record)) {
      if (typeof hook?.command === 'string') runProgram(scope, hook.command, strings(hook.args), `helmfile hook (${file})`, dir);
    }
    for (const h of list(doc.helmfiles)) {
      const p = typeof h === 'string' ? h : record(h)?.path;
      if (typeof p === 'string' && !/^[a-z]+::|:\/\//.test(p)) queue.push(resolve(dir, p));
    }
    // Values files rendered as templates (`*.gotmpl`) may call exec too.
    for (const r of releases) for (const v of strings(r?.values)) if (v.endsWith('.gotmpl')) queue.push(resolve(dir, v));
  });
}

const MAX_FILES = 32;

/**
 * Read project files one by one, each once; `visit` may queue more (a helmfile's sub-helmfiles, a
 * skaffold config's requires). Past MAX_FILES the rest is not read, and that is said, not passed over.
 */
function eachFile(scope: Scope, queue: string[], tool: string, visit: (file: string, text: string, queue: string[]) => void): void {
  const seen = new Set<string>();
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    if (seen.size >= MAX_FILES) {
      scope.raise('unreadable-script', `${tool} names more than ${MAX_FILES} files; the rest (${file}, …) is not read`);
      return;
    }
    seen.add(file);
    const text = readText(scope, file);
    if (text !== null) visit(file, text, queue);
  }
}

/** `{{ exec "PROG" (list "ARG" …) }}` runs PROG while helmfile renders; any other call of exec asks. */
function templateExec(scope: Scope, text: string, file: string): void {
  for (const action of text.match(/\{\{[\s\S]*?\}\}/g) ?? []) {
    if (!/\b(?:exec|envExec)\b/.test(action)) continue;
    const calls = [...action.matchAll(EXEC_CALL)];
    const all = action.match(/\b(?:exec|envExec)\b/g)?.length ?? 0;
    for (const c of calls) {
      const args = [...c[2]!.matchAll(new RegExp(STRING, 'g'))].map((m) => unquote(m[0]));
      runProgram(scope, unquote(c[1]!), args, `helmfile exec (${file})`, dirname(file));
    }
    if (calls.length < all) scope.raise('unreadable-script', `${file}: helmfile's \`exec\` template function runs a command the template computes: ${action.slice(0, 80)}`);
  }
}

// ------------------------------------------------------------------ skaffold

/** skaffold.yaml (or -f): custom build commands and dependency commands run by `sh -c`, hooks' commands as argv. */
export function skaffoldFiles(scope: Scope, scan: Scan): void {
  const given = valuesOf(scan, '--filename').filter((v): v is string => v !== null);
  const queue = (given.length > 0 ? given : [SKAFFOLD_DEFAULT]).map((f) => pathFrom(scope, f)).filter((p): p is string => p !== null);
  eachFile(scope, queue, 'skaffold', (file, text) => {
    const dir = dirname(file);
    for (const doc of documents(text) ?? []) {
      walkSkaffold(scope, doc, dir, false, file);
      for (const r of list(record(doc)?.requires)) {
        const p = record(r)?.path;
        if (typeof p === 'string') queue.push(resolve(dir, p, p.endsWith('.yaml') || p.endsWith('.yml') ? '' : SKAFFOLD_DEFAULT));
      }
    }
  });
}

function walkSkaffold(scope: Scope, node: unknown, cwd: string, inHooks: boolean, file: string, depth = 0): void {
  if (depth > 24) { scope.raise('unreadable-script', `${file}: nested deeper than 24 levels; the rest is not read`); return; }
  if (Array.isArray(node)) { for (const n of node) walkSkaffold(scope, n, cwd, inHooks, file, depth + 1); return; }
  const o = record(node);
  if (!o) return;
  // An artifact's commands run in its context directory.
  const here = typeof o.image === 'string' && typeof o.context === 'string' ? resolve(cwd, o.context) : cwd;
  for (const [k, v] of Object.entries(o)) {
    if ((k === 'buildCommand' || (k === 'command' && !inHooks)) && typeof v === 'string') {
      scope.nested(v, `skaffold ${k} (${file})`, { spliceable: false, cwd: here, source: 'script' });
    } else if (k === 'command' && inHooks && Array.isArray(v)) {
      const words = strings(v);
      if (words.length > 0) runProgram(scope, words[0]!, words.slice(1), `skaffold hook (${file})`, here);
    } else {
      walkSkaffold(scope, v, here, inHooks || k === 'hooks', file, depth + 1);
    }
  }
}
