// The project-tool family: build and CI tools that run what the project's files say. ninja runs the
// `command` of every edge it builds (build.ninja); act and devcontainer drive the local container
// engine (judged as the docker command they stand for); eslint, bundle and pnpm load a file of the
// project as code (eslint.config.js, the Gemfile, .pnpmfile.cjs: grammars/project-tools.ts).
import { dirname, join, resolve } from 'node:path';
import { subdirs } from '../files.js';
import { getopt, optionIs, valueOf, valuesOf, type Scan } from '../getopt.js';
import { CONFIG_MODULES, ENGINE_TOOLS, TERRAFORM_OPTIONS, TERRAFORM_RUNS, TRANSPORT_USE, TRANSPORT_WRITES, type EngineTool } from '../grammars/project-tools.js';
import { argOf, type Word } from '../words.js';
import type { Scope } from './driver.js';
import { scanCode, scanCodeFile } from './interpreters.js';
import { pulumi } from './pulumi.js';
import { configRefs, scanWithImports } from './config-refs.js';
import { loadsModules } from './modules.js';
import { nodeTests } from './node-tests.js';

/** Every program this family reads, for the fast path (expand/names.ts). */
export const PROJECT_TOOLS: readonly string[] = ['ninja', 'samu', 'terraform', 'tofu', 'pulumi', 'packer', ...Object.keys(ENGINE_TOOLS), ...Object.keys(CONFIG_MODULES)];

export function projectToolsFamily(scope: Scope, name: string, args: readonly Word[]): boolean {
  if (!scope.local) return false;
  if (name === 'ninja' || name === 'samu') return ninja(scope, name, args);
  if (ENGINE_TOOLS[name]) return engineTool(scope, name, args);
  if (CONFIG_MODULES[name]) return configModule(scope, name, args);
  if (name === 'terraform' || name === 'tofu') return terraform(scope, name, args);
  if (name === 'pulumi') return pulumi(scope, name, args);
  if (name === 'packer') return packer(scope, name, args);
  return false;
}

/** act, devcontainer: the docker command they stand for, unless they only list or print. */
function engineTool(scope: Scope, name: string, args: readonly Word[]): boolean {
  const tool = ENGINE_TOOLS[name]!;
  const scan = getopt(args.map(argOf), tool.options);
  scope.emit(scope.argv, name, { scan });
  if (scan.options.some((o) => optionIs(o, tool.looks))) return true;
  if (tool.transports) { transportRefs(scope, name, tool, scan, args); return true; }
  let stands = tool.stands;
  if (tool.subcommands) {
    const sub = scan.operands[0]?.value;
    if (sub === undefined) return true; // prints its help
    const entry = sub === null ? tool.subcommands['*'] : sub in tool.subcommands ? tool.subcommands[sub] : tool.subcommands['*'];
    if (entry === null || entry === undefined) return true;
    stands = entry;
  }
  if (stands) scope.nested(stands, `${name} (${tool.why})`, { spliceable: false });
  return true;
}

/**
 * skopeo: each image reference of an engine transport (grammars/project-tools.ts EngineTransport) is
 * the engine command it stands for: `pull` for the one written (the image put there), `rmi` for one removed, `image inspect`
 * for one read, on the engine its option names. A reference the shell computes may be any transport.
 */
function transportRefs(scope: Scope, name: string, tool: EngineTool, scan: Scan, args: readonly Word[]): void {
  const sub = scan.operands[0]?.value;
  const refs = scan.operands.slice(1);
  refs.forEach((ref, i) => {
    const text = args[ref.index]?.text ?? '';
    if (ref.value === null) {
      const spelled = /^["']?([a-z-]+:)/.exec(text)?.[1];
      if (spelled === undefined || tool.transports![spelled]) scope.raise('dynamic-command', `the image \`${name}\` reaches is named at run time (\`${text}\`)`);
      return;
    }
    const prefix = Object.keys(tool.transports!).find((p) => ref.value!.startsWith(p));
    if (prefix === undefined) return;
    const t = tool.transports![prefix]!;
    const writes = sub === null || sub === undefined ? 'all' : TRANSPORT_WRITES[sub];
    const use = writes === 'all' ? (sub === 'delete' ? 'remove' : 'write') : writes === 'last' && i === refs.length - 1 ? 'write' : 'read';
    const host = valueOf(scan, ...((use === 'read' ? t.readHost : t.writeHost) ?? []));
    const engine = host === undefined ? '' : ` -H ${host === null ? '"$ENGINE"' : quoted(host)}`;
    scope.nested(`${t.program}${engine} ${TRANSPORT_USE[use]} ${quoted(ref.value!.slice(prefix.length))}`, `${name} ${sub ?? ''} (${tool.why})`, { spliceable: false });
  });
}

function quoted(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * eslint, bundle, pnpm, jest, webpack, sphinx-build, scons …: the project file they load runs as
 * code (and the files its hooks name); then the tool goes on as it would (bundle exec, pnpm install).
 */
function configModule(scope: Scope, name: string, args: readonly Word[]): boolean {
  const spec = CONFIG_MODULES[name]!;
  const scan = getopt(args.map(argOf), spec.options);
  if (spec.subcommands && !spec.subcommands.includes(scan.operands[0]?.value ?? '')) return false;
  if (spec.needs && !scan.options.some((o) => optionIs(o, spec.needs!.options))) return false;
  if (scan.options.some((o) => optionIs(o, spec.noFile)) && valueOf(scan, ...spec.fileOption) === undefined) return false;
  const label = `${name} (loads ${spec.files[0]})`;
  for (const code of spec.codeOption ? valuesOf(scan, ...spec.codeOption) : []) {
    if (code === null) scope.raise('dynamic-command', `the code \`${name}\` runs is computed at run time`);
    else scanCode(scope, spec.language!, code, label);
  }
  const first = scan.operands[0];
  const operandFile = spec.needs?.file !== undefined && first !== undefined && (first.value === null || new RegExp(spec.needs.file).test(first.value)) ? first.value : undefined;
  // (A value computed at run time, null, is kept as such: the file is then named at run time.)
  const option = spec.fileOption.length > 0 ? valueOf(scan, ...spec.fileOption) : undefined;
  const env = spec.fileEnv ? scope.env.get(spec.fileEnv) : undefined;
  const subFile = spec.subcommandFile ? scan.operands[1] : undefined;
  const named = option !== undefined ? option : env !== undefined ? env : subFile !== undefined ? subFile.value : operandFile;
  if (named === null) { scope.raise('unreadable-script', `the file \`${name}\` loads is named at run time`); return false; }
  const start = configDir(scope, spec.dirOption ?? [], spec.dirOperand, scan);
  if (start === undefined) return false;
  let config: string | null = null;
  if (named !== undefined) loadConfig(scope, name, config = start === null ? null : resolve(start, named), label);
  else if (start === null) { if (spec.files.length > 0) scope.raise('unreadable-script', `cannot tell where \`${name}\` finds ${spec.files[0]}`); }
  else {
    // The nearest directory with any of the names wins, and in it the first name listed; a file in a
    // directory named (sphinx's SOURCEDIR) is looked for there only.
    config = nearest(scope, start, spec.files, spec.dirOperand === undefined);
    if (config !== null) loadConfig(scope, name, config, label);
  }
  // The settings files that name more of the project's code (package.json's `jest.globalSetup`).
  if (start !== null && spec.refs) configRefs(scope, name, spec, start, config, scan);
  // A test runner's test files (jest, vitest, mocha, playwright).
  if (start !== null) nodeTests(scope, name, scan, start, config);
  // bundle exec, pnpm install and vagrant ssh go on to the runner and package families.
  if (spec.goesOn) return false;
  scope.emit(scope.argv, name, { scan });
  return true;
}

/** The first of `names` in `start` or (`up`) the nearest directory above it that has one. */
function nearest(scope: Scope, start: string, names: readonly string[], up: boolean): string | null {
  let dir = start;
  for (let i = 0; i < 64; i++) {
    for (const n of names) if (scope.files.read(join(dir, n)).kind !== 'missing') return join(dir, n);
    const parent = dirname(dir);
    if (!up || parent === dir) return null;
    dir = parent;
  }
  return null;
}

/** Where the tool looks for its file: the directory an option or operand names, else the working directory; null: cannot tell; undefined: no file is loaded. */
function configDir(scope: Scope, dirOption: readonly string[], dirOperand: number | undefined, scan: Scan): string | null | undefined {
  const dir = dirOption.length > 0 ? valueOf(scan, ...dirOption) : undefined;
  if (dir === null || scope.cwd === null) return null;
  if (dir !== undefined) return resolve(scope.cwd, dir);
  if (dirOperand === undefined) return scope.cwd;
  const op = scan.operands[dirOperand];
  if (op === undefined) return undefined; // (sphinx-build without SOURCEDIR builds nothing)
  return op.value === null ? null : resolve(scope.cwd, op.value);
}

/** The configuration as code of its language; a YAML configuration (mkdocs.yml) for the hook modules it names. */
function loadConfig(scope: Scope, name: string, path: string | null, label: string): void {
  const spec = CONFIG_MODULES[name]!;
  // The module runs with the project modules it imports.
  if (spec.language !== null) { if (path === null || !loadsModules(spec.language)) scanCodeFile(scope, spec.language, path, label); else scanWithImports(scope, spec.language, path, label); }
  if (!spec.hooks || path === null) return;
  const read = scope.files.read(path);
  if (read.kind === 'missing') return;
  if (read.kind !== 'text') { scope.raise('unreadable-script', `${label}: ${read.kind === 'unreadable' ? read.why : 'not text'}`); return; }
  const hooks = yamlList(read.text, spec.hooks.key);
  if (hooks === null) { scope.raise('unreadable-script', `${label}: its \`${spec.hooks.key}\` cannot be read`); return; }
  for (const h of hooks) scanCodeFile(scope, spec.hooks.language, resolve(dirname(path), h), `${name} (${spec.hooks.key}: ${h})`);
}

/** A top-level YAML key's list of plain strings (block or flow); [] when absent, null when it is something else. */
function yamlList(text: string, key: string): string[] | null {
  const m = new RegExp(`^${key}\\s*:[ \\t]*(.*)$`, 'm').exec(text);
  if (!m) return [];
  const unq = (s: string): string => s.trim().replace(/^(["'])(.*)\1$/, '$2');
  const inline = m[1]!.replace(/\s+#.*$/, '').trim();
  if (inline.startsWith('[')) return inline.endsWith(']') ? inline.slice(1, -1).split(',').map(unq).filter(Boolean) : null;
  if (inline !== '') return null;
  const items: string[] = [];
  for (const line of text.slice(m.index + m[0].length + 1).split('\n')) {
    if (line.trim() === '' || /^\s*#/.test(line)) continue;
    const item = /^\s*-\s+(.*?)\s*(?:#.*)?$/.exec(line);
    if (!item) { if (/^\s/.test(line)) return null; break; }
    items.push(unq(item[1]!));
  }
  return items;
}

/**
 * terraform/tofu apply, plan, destroy …: the commands the working directory's .tf files run
 * (command-files.ts: local-exec, external data, remote-exec), and those of the local modules they call.
 */
function terraform(scope: Scope, name: string, args: readonly Word[]): boolean {
  const scan = getopt(args.map(argOf), TERRAFORM_OPTIONS);
  scope.emit(scope.argv, name, { scan });
  const sub = scan.operands[0];
  if (sub === undefined || (sub.value !== null && !TERRAFORM_RUNS.includes(sub.value))) return true;
  if (scan.options.some((o) => optionIs(o, ['-help', '-h', '--help']))) return true;
  const chdir = valueOf(scan, '-chdir');
  const dir = chdir === null || scope.cwd === null ? null : chdir === undefined ? scope.cwd : resolve(scope.cwd, chdir);
  if (dir === null || sub.value === null) { scope.raise('unreadable-script', `cannot tell which configuration \`${name}\` applies`); return true; }
  const dirs = [dir];
  for (let i = 0; i < dirs.length && i < 64; i++) {
    const found = subdirs(scope.files, dirs[i]!);
    for (const f of (found?.others ?? []).filter((n) => n.endsWith('.tf') || n.endsWith('.tf.json')).sort()) {
      const path = join(dirs[i]!, f);
      if (f.endsWith('.tf')) { scanCodeFile(scope, 'terraform', path, `${name} ${sub.value} (${f})`); localModules(scope, path, dirs); continue; }
      const read = scope.files.read(path);
      if (read.kind === 'text' && /local-exec|remote-exec|"external"/.test(read.text)) scope.raise('unreadable-script', `${name} ${sub.value}: ${f} runs commands the guard does not read in JSON`);
    }
  }
  if (dirs.length > 64) scope.raise('unreadable-script', `${name}: more than 64 local modules; the rest are not read`);
  return true;
}

/** packer build TEMPLATE (a .pkr.hcl file, or a directory of them): its shell-local provisioners and post-processors run here. */
function packer(scope: Scope, name: string, args: readonly Word[]): boolean {
  const scan = getopt(args.map(argOf), { long: ['force', 'debug', 'color=', 'on-error=', 'parallel-builds=', 'timestamp-ui', 'machine-readable', 'only=', 'except=', 'var=', 'var-file=', 'help', 'version'], singleDashLong: true, permute: true });
  scope.emit(scope.argv, name, { scan });
  const [sub, template] = [scan.operands[0], scan.operands.at(-1)];
  if (sub?.value !== 'build' || template === undefined || template === sub) return true;
  if (template.value === null || scope.cwd === null) { scope.raise('unreadable-script', `cannot tell which template \`${name}\` builds`); return true; }
  const path = resolve(scope.cwd, template.value);
  const files = scope.files.read(path).kind === 'missing' ? (subdirs(scope.files, path)?.others ?? []).filter((f) => f.endsWith('.pkr.hcl')).sort().map((f) => join(path, f)) : [path];
  if (files.some((f) => f.endsWith('.json'))) { scope.raise('unreadable-script', `${name}: a JSON template is not read`); return true; }
  for (const f of files) scanCodeFile(scope, 'terraform', f, `${name} build (${f})`);
  return true;
}

/** The directories of the local modules (`source = "./mod"`) a .tf file calls, added to `dirs`. */
function localModules(scope: Scope, path: string, dirs: string[]): void {
  const read = scope.files.read(path);
  if (read.kind !== 'text') return;
  for (const m of read.text.matchAll(/\bsource\s*=\s*"(\.\.?\/[^"]*)"/g)) {
    const d = resolve(dirname(path), m[1]!);
    if (!dirs.includes(d)) dirs.push(d);
  }
}

// ------------------------------------------------------------------ ninja

interface Ninja { rules: Map<string, string>; edges: Map<string, { rule: string; inputs: string[] }>; defaults: string[]; vars: Map<string, string> }

/** ninja [-C DIR] [-f FILE] [TARGETS]: the command of every edge the targets need (all outputs when none and no `default`). */
function ninja(scope: Scope, name: string, args: readonly Word[]): boolean {
  const scan = getopt(args.map(argOf), { short: 'nvhj:k:l:C:f:t:d:w:', long: ['version', 'verbose', 'quiet'], permute: true });
  scope.emit(scope.argv, name, { scan });
  // -t TOOL (targets, query, graph, clean …) and -n build nothing.
  if (scan.options.some((o) => optionIs(o, ['-t', '-n', '-h', '--version']))) return true;
  const dir = valueOf(scan, '-C');
  const file = valueOf(scan, '-f') ?? 'build.ninja';
  const cwd = dir === undefined ? scope.cwd : dir === null || scope.cwd === null ? null : resolve(scope.cwd, dir);
  if (cwd === null || file === null) { scope.raise('unreadable-script', `cannot tell which build file \`${name}\` reads`); return true; }
  const graph: Ninja = { rules: new Map(), edges: new Map(), defaults: [], vars: new Map() };
  if (!readNinja(scope, resolve(cwd, file), graph, 0)) return true;
  const targets = scan.operands.map((o) => o.value);
  if (targets.some((t) => t === null)) { scope.raise('dynamic-command', `\`${name}\` builds a target named at run time`); return true; }
  const wanted = targets.length > 0 ? targets as string[] : graph.defaults.length > 0 ? graph.defaults : [...graph.edges.keys()];
  const done = new Set<string>();
  const stack = [...wanted];
  while (stack.length > 0 && done.size < 2000) {
    const t = stack.pop()!;
    if (done.has(t)) continue;
    done.add(t);
    const edge = graph.edges.get(t);
    if (!edge) continue;
    stack.push(...edge.inputs);
    const command = graph.rules.get(edge.rule);
    if (command !== undefined) scope.script(command.replace(/\$\{?(in|out)\}?/g, `'${t}'`), `${name} ${t}`, cwd);
  }
  if (stack.length > 0) scope.raise('unreadable-script', `${name}: more than 2000 edges; the rest are not read`);
  return true;
}

/** Read a build.ninja (and what it includes) into the graph; false when it could not be read (and said). */
function readNinja(scope: Scope, path: string, graph: Ninja, depth: number): boolean {
  const read = scope.files.read(path);
  if (read.kind === 'missing') return true;
  if (read.kind !== 'text' || depth > 16) { scope.raise('unreadable-script', `${path}: ${read.kind === 'unreadable' ? read.why : depth > 16 ? 'includes nest too deep' : 'not text'}`); return false; }
  const expand = (s: string): string => s.replace(/\$\{?([A-Za-z0-9_-]+)\}?/g, (m, v: string) => v === 'in' || v === 'out' ? m : graph.vars.get(v) ?? '');
  let rule: string | null = null;
  for (const line of read.text.replace(/\$\n\s*/g, '').split('\n')) {
    const indented = /^\s+(\w+)\s*=\s*(.*)$/.exec(line);
    if (indented) { if (rule !== null && indented[1] === 'command') graph.rules.set(rule, expand(indented[2]!)); continue; }
    rule = null;
    const m = /^(rule|build|default|include|subninja|pool)\s+(.*)$/.exec(line) ?? /^(\w[\w.-]*)\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    if (m[1] === 'rule') rule = m[2]!.trim();
    else if (m[1] === 'default') graph.defaults.push(...expand(m[2]!).split(/\s+/).filter(Boolean));
    else if (m[1] === 'include' || m[1] === 'subninja') { if (!readNinja(scope, resolve(dirname(path), expand(m[2]!.trim())), graph, depth + 1)) return false; }
    else if (m[1] === 'build') {
      const b = /^(.*?)(?<!\$):\s*(\S+)\s*(.*)$/.exec(m[2]!);
      if (!b) continue;
      const inputs = expand(b[3]!).split(/\s+/).filter((w) => w && w !== '|' && w !== '||');
      for (const out of expand(b[1]!).split(/\s+/).filter((w) => w && w !== '|')) graph.edges.set(out, { rule: b[2]!, inputs });
    } else if (m[1] !== 'pool') graph.vars.set(m[1]!, expand(m[2]!));
  }
  return true;
}
