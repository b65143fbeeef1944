// The project-tool family: build and CI tools that run what the project's files say. ninja runs the
// `command` of every edge it builds (build.ninja); act and devcontainer drive the local container
// engine (judged as the docker command they stand for); eslint, bundle and pnpm load a file of the
// project as code (eslint.config.js, the Gemfile, .pnpmfile.cjs: grammars/project-tools.ts).
import { dirname, resolve } from 'node:path';
import { getopt, optionIs, valueOf, type Scan } from '../getopt.js';
import { CONFIG_MODULES, ENGINE_TOOLS, TRANSPORT_USE, TRANSPORT_WRITES, type EngineTool } from '../grammars/project-tools.js';
import { argOf, type Word } from '../words.js';
import type { Scope } from './driver.js';
import { scanCodeFile } from './interpreters.js';

/** Every program this family reads, for the fast path (expand/names.ts). */
export const PROJECT_TOOLS: readonly string[] = ['ninja', 'samu', ...Object.keys(ENGINE_TOOLS), ...Object.keys(CONFIG_MODULES)];

export function projectToolsFamily(scope: Scope, name: string, args: readonly Word[]): boolean {
  if (!scope.local) return false;
  if (name === 'ninja' || name === 'samu') return ninja(scope, name, args);
  if (ENGINE_TOOLS[name]) return engineTool(scope, name, args);
  if (CONFIG_MODULES[name]) return configModule(scope, name, args);
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

/** eslint, bundle, pnpm: the project file they load runs as code; then the tool goes on as it would (bundle exec, pnpm install). */
function configModule(scope: Scope, name: string, args: readonly Word[]): boolean {
  const spec = CONFIG_MODULES[name]!;
  const scan = getopt(args.map(argOf), spec.options);
  if (spec.subcommands && !spec.subcommands.includes(scan.operands[0]?.value ?? '')) return false;
  if (scan.options.some((o) => optionIs(o, spec.noFile)) && valueOf(scan, ...spec.fileOption) === undefined) return false;
  const named = valueOf(scan, ...spec.fileOption) ?? (spec.fileEnv ? scope.env.get(spec.fileEnv) : undefined);
  const label = `${name} (loads ${spec.files[0]})`;
  if (named === null) { scope.raise('unreadable-script', `the file \`${name}\` loads is named at run time`); return false; }
  const dir = valueOf(scan, '-C', '--dir');
  const start = dir === null || scope.cwd === null ? null : dir === undefined ? scope.cwd : resolve(scope.cwd, dir);
  if (named !== undefined) scanCodeFile(scope, spec.language, start === null ? null : resolve(start, named), label);
  else if (start === null) scope.raise('unreadable-script', `cannot tell where \`${name}\` finds ${spec.files[0]}`);
  else {
    for (const f of spec.files) {
      const found = scope.files.findUp(start, f);
      if (found === null) continue;
      scanCodeFile(scope, spec.language, found.path, label);
      break;
    }
  }
  // eslint is done; bundle exec and pnpm install go on to the runner and package families.
  if (name !== 'eslint') return false;
  scope.emit(scope.argv, name, { scan });
  return true;
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
