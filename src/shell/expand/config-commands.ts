// The config-command family: tools whose configuration keeps shell command lines they run
// (grammars/config-commands.ts). The file the tool reads is found as it finds it (an option, else the
// nearest of its names up from the working directory, a package.json key among them); each command
// line at the keys named is judged as run from the file's directory. A module (tsup.config.ts,
// playwright.config.ts) is scanned as code, and its string literals at those keys read as the commands.
// The family adds what the files run and lets the tool go on to the other families (a config module, a runner row).
import { basename, dirname, join, resolve } from 'node:path';
import { subdirs } from '../files.js';
import { getopt, optionIs, valueOf, valuesOf, type Scan } from '../getopt.js';
import { CONFIG_COMMANDS, type CommandConfig, type CommandConfigFile } from '../grammars/config-commands.js';
import { argOf, type Word } from '../words.js';
import type { Scope } from './driver.js';
import { scanCodeFile } from './interpreters.js';
import { parseToml, parseYaml } from './task-files.js';

/** Every program this family reads, for the fast path (expand/names.ts). */
export const CONFIG_COMMAND_PROGRAMS: readonly string[] = Object.keys(CONFIG_COMMANDS);

/** At most this many command lines are read from one file. */
const MAX_COMMANDS = 200;

export function configCommandsFamily(scope: Scope, name: string, args: readonly Word[]): boolean {
  const spec = CONFIG_COMMANDS[name];
  if (!spec || !scope.local) return false;
  const scan = getopt(args.map(argOf), spec.options);
  const first = scan.operands[0]?.value;
  if (scan.options.some((o) => optionIs(o, spec.inert ?? [])) || (typeof first === 'string' && spec.inert?.includes(first))) return false;
  if (spec.subcommands && (typeof first !== 'string' || !spec.subcommands.includes(first))) return false;
  // `cdk synth --app CMD`, `tsup --on-success CMD`: the option's command runs instead of the file's.
  const given = spec.commandOption ? valuesOf(scan, ...spec.commandOption) : [];
  for (const v of given) {
    if (v === null) scope.raise('dynamic-command', `\`${name} ${spec.commandOption![0]}\` runs a command computed at run time`);
    else scope.nested(v, `${name} ${spec.commandOption![0]}`, { spliceable: false });
  }
  if (given.length > 0) return false;
  const { task, project } = taskOf(scope, spec, scan);
  if (task === null) { scope.raise('dynamic-command', `\`${name}\` runs a task named at run time`); return false; }
  if (spec.task && task === undefined) return false;
  const near = configFile(scope, name, spec, scan);
  // (Without a workspace root to search, the nearest file is the project's.)
  const found = project === undefined || !spec.workspace || (near !== null && projectName(spec, near) === project) ? near : projectFile(scope, spec, project) ?? (workspaceTop(scope, spec) === null ? near : null);
  if (found === null) return false;
  const label = `${name} (runs what ${found.path} names)`;
  let lines: string[];
  try {
    lines = found.file.format === 'js' ? jsCommands(found.text, spec.commands) : withDeps(spec, found.doc, task).slice(0, MAX_COMMANDS + 1);
  } catch (e) {
    scope.raise('unreadable-script', `${found.path}: ${(e as Error).message.split('\n')[0]}`);
    return false;
  }
  if (lines.length > MAX_COMMANDS) { scope.raise('unreadable-script', `${label}: more than ${MAX_COMMANDS} commands; past them they are not read`); lines = lines.slice(0, MAX_COMMANDS); }
  if (found.file.format === 'js') scanCodeFile(scope, 'node', found.path, label);
  const at = spec.workspace?.runsAtRoot ? workspaceTop(scope, spec) ?? dirname(found.path) : dirname(found.path);
  for (const line of new Set(lines)) scope.script(line, label, at);
  return false;
}

/** The task the words name (see CommandConfig.task), and the project: task undefined when none, null when it is computed. */
function taskOf(scope: Scope, spec: CommandConfig, scan: Scan): { task: string | null | undefined; project?: string } {
  const t = spec.task;
  if (!t) return { task: undefined };
  if (t.script) return { task: [...scope.via].reverse().map((v) => /^\S+ run (\S+)$/.exec(v)).find((x) => x !== null)?.[1] };
  const ops = scan.operands.map((o) => o.value);
  const ran = typeof ops[0] === 'string' && t.run?.includes(ops[0]);
  const word = ran ? ops[1] : ops[0];
  if (word === null) return { task: null };
  if (word === undefined) return { task: undefined };
  const [project, task] = word.split(':') as [string, string | undefined];
  if (word.includes(':')) return { task: task || undefined, ...(project !== '' && project !== '~' ? { project } : {}) };
  if (ran || t.operand === undefined) return { task: undefined };
  const named = ops[t.operand + 1];
  return { task: ops[t.operand] ?? undefined, ...(typeof named === 'string' ? { project: named } : {}) };
}

interface Found { readonly path: string; readonly text: string; readonly file: CommandConfigFile; readonly doc: unknown }

/** The configuration the tool reads: named by its option, else the nearest of its files (a package.json only with its key). */
function configFile(scope: Scope, name: string, spec: CommandConfig, scan: Scan): Found | null {
  if (scope.cwd === null) return null;
  const named = spec.fileOption ? valueOf(scan, ...spec.fileOption) : undefined;
  if (named === null) { scope.raise('unreadable-script', `the file \`${name}\` reads is named at run time`); return null; }
  // A file named by the option is read as the file of that name would be (a package.json by its key).
  const listed = named === undefined ? undefined : spec.files.find((f) => f.name === basename(named));
  const candidates = named !== undefined ? [{ ...(listed ?? { format: formatOf(named) }), name: resolve(scope.cwd, named) }] : spec.files;
  let best: Found | null = null;
  for (const file of candidates) {
    const r = named !== undefined ? readAt(scope, file.name) : scope.files.findUp(scope.cwd, file.name);
    if (r === null) continue;
    if (r.kind === 'unreadable') { scope.raise('unreadable-script', `${r.path}: ${r.why}`); return null; }
    if (best !== null && dirname(r.path).length <= dirname(best.path).length) continue;
    let doc: unknown;
    try { doc = docOf(file, r.text); } catch (e) { scope.raise('unreadable-script', `${r.path}: ${(e as Error).message.split('\n')[0]}`); return null; }
    if (doc === undefined) continue;
    best = { path: r.path, text: r.text, file, doc };
  }
  return best;
}

/** A project's name: its file's `nameKey`, else its directory's name. */
function projectName(spec: CommandConfig, f: Found): string {
  const v = spec.workspace?.nameKey === undefined ? undefined : (f.doc as Record<string, unknown> | null)?.[spec.workspace.nameKey];
  return typeof v === 'string' ? v : basename(dirname(f.path));
}

/** Directories no workspace keeps its projects in. */
const NOT_PROJECTS = /^(?:node_modules|\..*|dist|build|out|target|coverage|tmp)$/;

/** The workspace's root directory: where its root file is, found up from the working directory. */
function workspaceTop(scope: Scope, spec: CommandConfig): string | null {
  const root = scope.cwd === null ? null : scope.files.findUp(scope.cwd, spec.workspace!.root);
  return root?.kind !== 'text' ? null : resolve(dirname(root.path), ...spec.workspace!.root.split('/').slice(1).map(() => '..'));
}

/** The file of the project named, under the workspace's root (four levels down, 500 directories): null when none is found there. */
function projectFile(scope: Scope, spec: CommandConfig, project: string): Found | null {
  const top = workspaceTop(scope, spec);
  if (top === null) return null;
  const queue: [string, number][] = [[top, 0]];
  for (let seen = 0; queue.length > 0 && seen < 500; seen++) {
    const [dir, depth] = queue.shift()!;
    const found = subdirs(scope.files, dir);
    if (!found) continue;
    for (const file of spec.files.filter((f) => found.others.includes(f.name))) {
      const r = scope.files.read(join(dir, file.name));
      if (r.kind !== 'text') continue;
      let doc: unknown;
      try { doc = docOf(file, r.text); } catch { continue; }
      const f = { path: join(dir, file.name), text: r.text, file, doc };
      if (doc !== undefined && projectName(spec, f) === project) return f;
    }
    if (depth < 4) for (const d of found.dirs.sort()) if (!NOT_PROJECTS.test(d)) queue.push([join(dir, d), depth + 1]);
  }
  return null;
}

function readAt(scope: Scope, path: string): { kind: 'text'; path: string; text: string } | { kind: 'unreadable'; path: string; why: string } | null {
  const r = scope.files.read(path);
  return r.kind === 'text' ? { kind: 'text', path, text: r.text } : r.kind === 'missing' ? null : { kind: 'unreadable', path, why: r.kind === 'unreadable' ? r.why : 'not text' };
}

const formatOf = (file: string): CommandConfigFile['format'] =>
  /\.[cm]?[jt]s$/.test(file) ? 'js' : file.endsWith('.toml') ? 'toml' : file.endsWith('.prisma') ? 'prisma' : 'yaml';

/** The configuration's data (undefined: a package.json without the key); a module's is read from its text. */
function docOf(file: CommandConfigFile, text: string): unknown {
  if (file.format === 'js') return null;
  if (file.format === 'toml') return parseToml(text);
  if (file.format === 'prisma') {
    // A generator block's `provider = "…"`: the command prisma generate runs (built-in ones name no program).
    return { provider: [...text.matchAll(/^\s*generator\s+\w+\s*\{([^}]*)\}/gm)].flatMap((m) => [...m[1]!.matchAll(/^\s*provider\s*=\s*"([^"]*)"/gm)].map((p) => p[1]!)) };
  }
  const doc = parseYaml(text, { maxAliasCount: 100 });
  return file.key === undefined ? doc : (doc as Record<string, unknown> | null)?.[file.key];
}

/** The command lines of the task (its dependencies' first, each once) or of the whole file. */
function withDeps(spec: CommandConfig, doc: unknown, task: string | undefined): string[] {
  const out: string[] = [];
  const seen = new Set<string | undefined>();
  const visit = (t: string | undefined): void => {
    if (seen.has(t) || seen.size > 100) return;
    seen.add(t);
    if (spec.deps && t !== undefined) {
      for (const d of valuesAt(doc, spec.deps, t)) {
        if (typeof d !== 'string' || /[/.]/.test(d.split(':')[0]!) || (d.includes(':') && !/^~?:/.test(d))) continue;
        visit(d.includes(':') ? d.split(':')[1] : d);
      }
    }
    for (const path of spec.commands) out.push(...commandLines(valuesAt(doc, path, t), spec.words === true));
  };
  visit(task);
  return out;
}

/** The values at a key path (see CommandConfig.commands). */
function valuesAt(doc: unknown, path: string, task: string | undefined): unknown[] {
  const out: unknown[] = [];
  const walk = (value: unknown, rest: readonly string[]): void => {
    if (out.length > MAX_COMMANDS) return;
    if (rest.length === 0) { out.push(value); return; }
    if (value === null || typeof value !== 'object') return;
    const seg = rest[0] === '{task}' ? task : rest[0]!;
    if (seg === undefined) return;
    const re = new RegExp(`^${seg.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    for (const [k, v] of entries) if (re.test(k)) walk(v, rest.slice(1));
  };
  walk(doc, path.split('.'));
  return out;
}

const quoted = (s: string): string => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** A string is a command line; a list's strings are each one (or, as `words`, one command's words). */
function commandLines(values: readonly unknown[], words: boolean): string[] {
  return values.flatMap((v) => typeof v === 'string' ? [v]
    : Array.isArray(v) ? (words ? [v.filter((x) => typeof x === 'string').map(quoted).join(' ')] : v.filter((x): x is string => typeof x === 'string'))
      : []);
}

/**
 * A module's command lines: the string literals given to the keys' last names (`onSuccess: '…'`,
 * `command: "…"`, `prepareCmd`); where that name is any key (lint-staged's globs), every literal given
 * to a key or listed. A template's `${…}` is a word computed at run time.
 */
function jsCommands(text: string, paths: readonly string[]): string[] {
  const lasts = [...new Set(paths.map((p) => p.split('.').at(-1)!))];
  const any = lasts.includes('*');
  const names = lasts.filter((n) => n !== '*' && n !== '{task}').map((n) => n.split('*').map((p) => p.replace(/[^\w$]/g, '')).join('[\\w$]*'));
  const literal = String.raw`(['"\x60])((?:\\.|(?!\1)[^\\])*)\1`;
  const re = any ? new RegExp(String.raw`[:\[,]\s*${literal}`, 'g') : new RegExp(String.raw`(?:^|[^\w$])["']?(?:${names.join('|')})["']?\s*:\s*${literal}`, 'gm');
  if (!any && names.length === 0) return [];
  const out: string[] = [];
  for (const m of text.matchAll(re)) {
    if (out.length > MAX_COMMANDS) break;
    const body = m[2]!.replace(/\\(.)/g, '$1');
    out.push(m[1] === '`' ? body.replace(/\$\{[^}]*\}/g, '"$COMPUTED"') : body);
  }
  return out;
}
