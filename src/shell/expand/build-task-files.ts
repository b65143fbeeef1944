// Readers of the task files of build and dev-loop runners (cargo-make's Makefile.toml, doit's dodo.py,
// Gradle's build scripts, Tilt's Tiltfile): each returns what a task runs, as shell text or as code
// of the runner's language (expand/tasks.ts says which). Every reader may throw on a malformed file.
import { GRADLE_EDGES, GRADLE_PLUGIN_TASKS } from '../grammars/gradle.js';
import { literalsOf } from './code-literals.js';
import { pythonModule } from './python-tasks.js';
import { parseToml, withDeps, type Task } from './task-files.js';

/** Quote one word for shell text made from a list. */
function shellWord(s: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');

/**
 * cargo-make's `[tasks.NAME]`: `command` with `args`, `script` (a string, a list of lines, or
 * `{ file = … }` run by the shell), `dependencies`, `run_task` (a name, a list, or `{ name = … }`).
 * A script for another runner (`script_runner = "@rust"`, `python`…) is still its commands to judge.
 */
export function cargoMakeTasks(text: string): Map<string, Task> {
  const doc = parseToml(text) as { tasks?: Record<string, Record<string, unknown>> };
  const out = new Map<string, Task>();
  for (const [name, t] of Object.entries(doc.tasks ?? {})) {
    if (!t || typeof t !== 'object') continue;
    const body: string[] = [];
    if (typeof t.command === 'string') body.push([t.command, ...strings(t.args)].map(shellWord).join(' '));
    const script = t.script as unknown;
    if (typeof script === 'string' || Array.isArray(script)) body.push(strings(script).join('\n'));
    else if (script && typeof script === 'object' && typeof (script as { file?: unknown }).file === 'string') body.push(`sh ${shellWord((script as { file: string }).file)}`);
    const run = t.run_task as unknown;
    const runs = typeof run === 'string' ? [run] : Array.isArray(run) ? strings(run)
      : run && typeof run === 'object' ? strings((run as { name?: unknown }).name) : [];
    out.set(name, { deps: [...strings(t.dependencies), ...runs], body });
  }
  return out;
}

/** cargo-make's default task is `default`, which runs the `dev-test-flow` of its built-in makefile. */
export const cargoMakeCommands = (text: string, task: string): string[] => withDeps(cargoMakeTasks(text), task);

/** doit's tasks: `task_NAME` functions of dodo.py; their string actions are shell commands, the rest is Python. */
export function doitTasks(text: string): Map<string, Task & { python: string }> {
  const { functions, module } = pythonModule(text);
  const out = new Map<string, Task & { python: string }>();
  for (const f of functions) {
    const m = /^task_(\w+)$/.exec(f.name);
    if (!m) continue;
    const body: string[] = [];
    // 'actions': [...] (and CmdAction("…")): each string literal in the list is a command line.
    for (const a of f.text.matchAll(/['"]actions['"]\s*:\s*\[([\s\S]*?)\]\s*[,}]/g)) body.push(...literalsOf(a[1]!).map((l) => l.text));
    for (const a of f.text.matchAll(/\bCmdAction\s*\(\s*(['"])((?:(?!\1)[^\\]|\\.)*)\1/g)) body.push(a[2]!);
    const deps = [...f.text.matchAll(/['"]task_dep['"]\s*:\s*\[([^\]]*)\]/g)].flatMap((d) => literalsOf(d[1]!).map((l) => l.text));
    out.set(m[1]!, { deps, body, python: `${module}\n${f.text}` });
  }
  return out;
}

/** With no task named, doit runs DOIT_CONFIG's default_tasks, else every task. */
export function doitDefaults(text: string): string[] {
  const d = /['"]default_tasks['"]\s*:\s*\[([^\]]*)\]/.exec(text);
  return d ? literalsOf(d[1]!).map((l) => l.text) : [...doitTasks(text).keys()];
}

/** The block after `at` from its opening brace to the matching one (Groovy and Kotlin DSL). */
function braceBlock(text: string, at: number): { end: number; body: string } | null {
  const open = text.indexOf('{', at);
  if (open < 0 || open - at > 300) return null;
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return { end: i + 1, body: text.slice(open, i + 1) };
  }
  return { end: text.length, body: text.slice(open) };
}

/**
 * Gradle's tasks (`tasks.register('NAME', …) { … }`, `task NAME(type: Exec) { … }`, `task('NAME') { … }`,
 * `val NAME by tasks.registering(Exec::class) { … }`): a task runs its block and its `dependsOn`;
 * everything outside the task blocks runs while Gradle configures the build, whatever task is named.
 * A block that configures a task already there (`tasks.named('test') { … }`, `tasks.test { … }`, Groovy's
 * `test { … }` for a plugin's task) adds to it, and `X.dependsOn 'a'` / `X.finalizedBy 'a'` outside
 * the blocks add to X's graph; the plugins' own tasks depend on each other as GRADLE_PLUGIN_TASKS says.
 */
export function gradleTasks(text: string): { tasks: Map<string, Task>; configuration: string } {
  const tasks = new Map<string, Task>(Object.entries(GRADLE_PLUGIN_TASKS).map(([n, deps]) => [n, { deps: [...deps], body: [] }]));
  const re = /\btasks\.(?:register|create)\s*(?:<[^>]*>)?\s*\(\s*["'](\w[\w-]*)["']|\btask\b\s*\(?\s*["']?(\w[\w-]*)["']?|\bval\s+(\w+)\s+by\s+tasks\.(?:registering|creating)|\btasks\.(?:named|getByName)\s*(?:<[^>]*>)?\s*\(\s*["'](\w[\w-]*)["'][^)]*\)(?:\.configure)?|\btasks\.(\w+)(?=\s*\{)|^[ \t]*(\w+)(?=\s*\{)/gm;
  const outside: string[] = [];
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m.index < last) continue;
    const adds = m[4] ?? m[5] ?? m[6];
    // (A bare `NAME {` configures a task only where NAME is one: `repositories {` is no task.)
    if (m[6] !== undefined && !tasks.has(m[6])) continue;
    const block = braceBlock(text, m.index + m[0].length);
    if (block === null) continue;
    const name = (m[1] ?? m[2] ?? m[3] ?? adds)!;
    const head = text.slice(m.index, text.indexOf('{', m.index + m[0].length));
    const deps = gradleEdgesIn(`${head}${block.body}`);
    const had = adds !== undefined ? tasks.get(name) : undefined;
    tasks.set(name, { deps: [...(had?.deps ?? []), ...deps], body: [...(had?.body ?? []), `${head}${block.body}`] });
    outside.push(text.slice(last, m.index));
    last = block.end;
  }
  outside.push(text.slice(last));
  const configuration = outside.join('\n');
  // `test.dependsOn 'up'`, `tasks.test.finalizedBy(up)`, `tasks.named('build').get().dependsOn 'up'`.
  const edge = new RegExp(`(?:\\btasks\\.(?:named|getByName)\\s*\\(\\s*["'](\\w[\\w-]*)["'][^)]*\\)(?:\\.get\\(\\))?|(?:\\btasks\\.)?\\b(\\w+))\\.(?=(?:${GRADLE_EDGES.join('|')})\\b)`, 'g');
  for (const m of configuration.matchAll(edge)) {
    const name = (m[1] ?? m[2])!;
    const deps = gradleEdgesIn(configuration.slice(m.index + m[0].length, configuration.indexOf('\n', m.index) >>> 0));
    const had = tasks.get(name);
    tasks.set(name, { deps: [...(had?.deps ?? []), ...deps], body: had?.body ?? [] });
  }
  return { tasks, configuration };
}

/** The tasks `dependsOn` and `finalizedBy` name in a piece of a build script: quoted names, `tasks.named('x')`, a bare task reference. */
function gradleEdgesIn(text: string): string[] {
  const out: string[] = [];
  for (const d of text.matchAll(new RegExp(`\\b(?:${GRADLE_EDGES.join('|')})\\s*(?:\\(|=|\\+=)?\\s*([^\\n)}]*)`, 'g'))) {
    const list = d[1]!;
    const quoted = literalsOf(list).map((l) => l.text.replace(/^:/, ''));
    out.push(...(quoted.length > 0 ? quoted : [...list.matchAll(/^\s*(?:tasks\.)?(\w+)/g)].map((b) => b[1]!)));
  }
  return out.filter((n) => /^[\w-]+$/.test(n));
}

/** What `gradle TASK` runs of one build script, as code: the configuration and the task with its dependencies. */
export function gradleCommands(text: string, task: string): string[] {
  const { tasks, configuration } = gradleTasks(text);
  const name = task.replace(/^.*:/, '');
  // The script's own tasks by name or abbreviation; a plugin's task by its name.
  const own = [...tasks].filter(([, t]) => t.body.length > 0).map(([n]) => n);
  const picked = new Set([...gradleMatches(own, name), ...(tasks.has(name) ? [name] : [])]);
  return [configuration, ...[...picked].flatMap((t) => withDeps(tasks, t))];
}

/**
 * The tasks a name on Gradle's command line selects: the task of that name, else every task it
 * abbreviates (Gradle docs, "Task name abbreviation": a prefix of each camelCase or kebab-case part,
 * `dep` for `deploy`, `cB` for `compileBuild`). Gradle runs an abbreviation only when it is unique;
 * every candidate is judged, since what it matches is not decided here.
 */
function gradleMatches(names: readonly string[], name: string): string[] {
  if (names.includes(name)) return [name];
  const parts = name.split(/(?=[A-Z0-9])|-/).filter((p) => p !== '');
  if (parts.length === 0) return [];
  const escape = (p: string): string => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`^${parts.map(escape).join('[a-z0-9]*[-]?')}`, 'i');
  return names.filter((n) => re.test(n));
}

/** `defaultTasks 'a', 'b'` of a build script; else Gradle runs `help`. */
export function gradleDefaults(text: string): string[] {
  const d = /\bdefaultTasks\s*\(?\s*((?:["'][\w:-]+["']\s*,?\s*)+)/.exec(text);
  return d ? literalsOf(d[1]!).map((l) => l.text) : ['help'];
}

/**
 * A Tiltfile (Starlark) as the commands `tilt up` runs: docker_compose brings the project up,
 * docker_build and custom_build build images, k8s_yaml applies manifests, local() and
 * local_resource run command lines (`cmd`, `serve_cmd`, their first string argument).
 */
export function tiltCommands(text: string, down = false): string[] {
  const out: string[] = [];
  const args = (at: number): string => {
    let depth = 0;
    for (let i = at; i < text.length; i++) {
      if (text[i] === '(') depth++;
      else if (text[i] === ')' && --depth === 0) return text.slice(at + 1, i);
    }
    return text.slice(at + 1);
  };
  for (const m of text.matchAll(/\b(docker_compose|docker_build|custom_build|k8s_yaml|local_resource|local)\s*(?=\()/g)) {
    const a = args(m.index + m[0].length);
    const lits = literalsOf(a).map((l) => l.text);
    const files = lits.map(shellWord).join(' ');
    // `tilt down` still loads the Tiltfile (its local() calls run), then takes down compose projects and manifests.
    if (down && m[1] !== 'local' && m[1] !== 'docker_compose' && m[1] !== 'k8s_yaml') continue;
    if (m[1] === 'docker_compose') out.push(`docker compose ${lits.map((f) => `-f ${shellWord(f)}`).join(' ')} ${down ? 'down' : 'up -d'}`);
    else if (m[1] === 'k8s_yaml' && down) out.push(`kubectl delete -f ${files || '-'}`);
    else if (m[1] === 'docker_build') out.push(`docker build -t ${shellWord(lits[0] ?? 'image')} ${shellWord(lits[1] ?? '.')}`);
    else if (m[1] === 'k8s_yaml') out.push(`kubectl apply -f ${files || '-'}`);
    else if (m[1] === 'local') out.push(lits[0] ?? '');
    else {
      // custom_build('ref', 'cmd', deps) and local_resource('name', 'cmd', serve_cmd='…'): every command line.
      const named = [...a.matchAll(/\b(?:cmd|serve_cmd|command)\s*=\s*(["'])((?:(?!\1)[^\\]|\\.)*)\1/g)].map((n) => n[2]!);
      out.push(...(named.length > 0 ? named : lits.slice(1, 2)));
    }
  }
  return out.filter((c) => c.trim() !== '');
}
