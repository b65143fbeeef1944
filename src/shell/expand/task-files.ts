// Readers of the files task runners take their tasks from (justfile, Taskfile.yml, mise.toml,
// deno.json, composer.json, tox.ini, .pre-commit-config.yaml, lefthook.yml, pyproject.toml's poe
// tasks): each returns what a task runs, as shell text. Every reader may throw on a malformed file;
// the family says so (expand/tasks.ts).
import { createRequire } from 'node:module';

/** A task: the tasks it depends on, and the commands it runs. */
export interface Task { deps: string[]; body: string[] }

/** justfile recipes: `name args: deps` then indented lines. */
export function justRecipes(text: string): Map<string, { deps: string[]; body: string[] }> {
  const recipes = new Map<string, { deps: string[]; body: string[] }>();
  let current: { deps: string[]; body: string[] } | null = null;
  for (const line of text.split('\n')) {
    if (/^[ \t]+\S/.test(line) && current) { current.body.push(line.trim().replace(/^[@-]+/, '')); continue; }
    const m = /^@?([A-Za-z_][\w-]*)(?:\s+[^:=]*)?:(?!=)\s*(.*)$/.exec(line);
    if (m) {
      current = { deps: m[2]!.split(/\s+/).filter((d) => /^[A-Za-z_][\w-]*$/.test(d)), body: [] };
      recipes.set(m[1]!, current);
      continue;
    }
    if (line.trim() !== '' && !line.startsWith('#')) current = null;
  }
  return recipes;
}

/** What `task` runs after its dependencies (each once, at most 200 tasks): each task's body, or what `lines` makes of it. */
export function withDeps<T extends { deps: string[]; body: string[] }>(all: Map<string, T>, task: string, lines: (r: T) => readonly string[] = (r) => r.body): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (t: string): void => {
    if (seen.has(t) || seen.size > 200) return;
    seen.add(t);
    const r = all.get(t);
    if (!r) return;
    for (const d of r.deps) visit(d);
    out.push(...lines(r));
  };
  visit(task);
  return out;
}

/** The YAML parser, loaded only when a Taskfile is read (a hook rarely needs it). */
export function parseYaml(text: string, options: { maxAliasCount: number }): unknown {
  return (createRequire(import.meta.url)('yaml') as typeof import('yaml')).parse(text, options);
}

export function taskfileTasks(text: string): Map<string, { deps: string[]; body: string[] }> {
  const out = new Map<string, { deps: string[]; body: string[] }>();
  const doc = parseYaml(text, { maxAliasCount: 100 }) as { tasks?: Record<string, unknown> } | null;
  for (const [name, t] of Object.entries(doc?.tasks ?? {})) {
    const task = (typeof t === 'string' ? { cmds: [t] } : Array.isArray(t) ? { cmds: t } : t ?? {}) as { cmds?: unknown[]; deps?: unknown[]; cmd?: unknown };
    const body: string[] = [];
    const deps: string[] = [];
    for (const c of [...(task.cmds ?? []), ...(task.cmd !== undefined ? [task.cmd] : [])]) {
      if (typeof c === 'string') body.push(c);
      else if (c && typeof c === 'object' && typeof (c as { cmd?: unknown }).cmd === 'string') body.push((c as { cmd: string }).cmd);
      else if (c && typeof c === 'object' && typeof (c as { task?: unknown }).task === 'string') deps.push((c as { task: string }).task);
    }
    for (const d of task.deps ?? []) deps.push(typeof d === 'string' ? d : String((d as { task?: unknown })?.task ?? ''));
    out.set(name, { deps, body });
  }
  return out;
}

/** `[tasks.NAME]` sections of mise.toml with `run = "…"` or `run = ["…", …]`, and `depends`. */
export function miseTasks(text: string): Map<string, { deps: string[]; body: string[] }> {
  const out = new Map<string, { deps: string[]; body: string[] }>();
  let current: { deps: string[]; body: string[] } | null = null;
  const strings = (v: string): string[] => [...v.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'/g)].map((m) => m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]!);
  for (const line of text.split('\n')) {
    const head = /^\s*\[tasks\.("?)([^\]"]+)\1\]\s*$/.exec(line);
    if (head) { current = { deps: [], body: [] }; out.set(head[2]!, current); continue; }
    if (/^\s*\[/.test(line)) { current = null; continue; }
    const kv = /^\s*(run|depends)\s*=\s*(.*)$/.exec(line);
    if (current && kv) (kv[1] === 'run' ? current.body : current.deps).push(...strings(kv[2]!));
  }
  return out;
}

/** deno.json's `tasks`: `"name": "command"` or `{ "command": …, "dependencies": […] }`. */
export function denoTasks(text: string): Map<string, { deps: string[]; body: string[] }> {
  const doc = JSON.parse(text.replace(/^\s*\/\/.*$/gm, '')) as { tasks?: Record<string, unknown> };
  const out = new Map<string, { deps: string[]; body: string[] }>();
  for (const [name, t] of Object.entries(doc.tasks ?? {})) {
    const task = (typeof t === 'string' ? { command: t } : t ?? {}) as { command?: unknown; dependencies?: unknown };
    out.set(name, {
      deps: Array.isArray(task.dependencies) ? task.dependencies.filter((d): d is string => typeof d === 'string') : [],
      body: typeof task.command === 'string' ? [task.command] : [],
    });
  }
  return out;
}

/** composer.json's `scripts`: a command or a list of them; `@name` runs another script. */
export function composerScripts(text: string): Map<string, { deps: string[]; body: string[] }> {
  const doc = JSON.parse(text) as { scripts?: Record<string, unknown> };
  const out = new Map<string, { deps: string[]; body: string[] }>();
  for (const [name, v] of Object.entries(doc.scripts ?? {})) {
    const list = (Array.isArray(v) ? v : [v]).filter((c): c is string => typeof c === 'string');
    out.set(name, { deps: list.filter((c) => /^@[\w:-]+$/.test(c) && !/^@(php|composer|putenv)\b/.test(c)).map((c) => c.slice(1)),
      body: list.filter((c) => !/^@[\w:-]+$/.test(c) || /^@(php|composer|putenv)\b/.test(c)).map((c) => c.replace(/^@(php|composer)\b/, '$1')) });
  }
  return out;
}

/** tox.ini's `commands =` of `[testenv]` and `[testenv:NAME]` (continuation lines indented). */
export function toxCommands(text: string, env: string): string[] {
  const sections = new Map<string, string[]>();
  let current: string[] | null = null;
  let inCommands = false;
  for (const line of text.split('\n')) {
    const head = /^\s*\[([^\]]+)\]\s*$/.exec(line);
    if (head) { current = []; sections.set(head[1]!.trim(), current); inCommands = false; continue; }
    const kv = /^(\w[\w-]*)\s*=\s*(.*)$/.exec(line);
    if (kv) { inCommands = kv[1] === 'commands' || kv[1] === 'commands_pre' || kv[1] === 'commands_post'; if (inCommands && kv[2]!.trim()) current?.push(kv[2]!.trim()); continue; }
    if (inCommands && /^\s+\S/.test(line)) current?.push(line.trim());
  }
  return sections.get(`testenv:${env}`) ?? sections.get('testenv') ?? [];
}

/** A Procfile's processes: `name: command` lines (foreman, honcho, overmind, forego). */
export function procfileProcesses(text: string): Map<string, Task> {
  const out = new Map<string, Task>();
  for (const m of text.matchAll(/^([A-Za-z0-9_-]+)\s*:\s*(.+?)\s*$/gm)) out.set(m[1]!, { deps: [], body: [m[2]!] });
  return out;
}

/** Quote one word for shell text made from a list (an entry's args, a sequence item). */
function shellWord(s: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * `.pre-commit-config.yaml`: the hooks of `repo: local` (their `entry` and `args` are a command line;
 * a docker or docker_image hook runs `docker run`). Hooks of other repositories are code the text
 * cannot show, as any installed package is; `pygrep` and `fail` hooks run no command.
 */
export function preCommitHooks(text: string): Map<string, Task> {
  const doc = parseYaml(text, { maxAliasCount: 100 }) as { repos?: unknown } | null;
  const out = new Map<string, Task>();
  for (const repo of Array.isArray(doc?.repos) ? doc.repos as { repo?: unknown; hooks?: unknown }[] : []) {
    if (repo?.repo !== 'local' || !Array.isArray(repo.hooks)) continue;
    for (const h of repo.hooks as Record<string, unknown>[]) {
      if (typeof h?.id !== 'string' || typeof h.entry !== 'string' || h.language === 'pygrep' || h.language === 'fail') continue;
      const args = Array.isArray(h.args) ? h.args.filter((a): a is string => typeof a === 'string').map(shellWord) : [];
      const line = [h.language === 'docker' || h.language === 'docker_image' ? `docker run --rm ${h.entry}` : h.entry, ...args].join(' ');
      for (const name of [h.id, typeof h.alias === 'string' ? h.alias : null]) {
        if (name !== null) out.set(name, { deps: [], body: [...(out.get(name)?.body ?? []), line] });
      }
    }
  }
  return out;
}

/**
 * lefthook.yml: a hook's `commands` (each `run`), `jobs` (each `run`, `script` or `group`) and
 * `scripts` (files under `.lefthook/HOOK/`, with their `runner`). File templates are a file name.
 */
export function lefthookHooks(text: string): Map<string, Task> {
  const doc = parseYaml(text, { maxAliasCount: 100 }) as Record<string, unknown> | null;
  const out = new Map<string, Task>();
  const source = typeof doc?.source_dir === 'string' ? doc.source_dir.replace(/\/+$/, '') : '.lefthook';
  const template = (s: string): string => s.replace(/\{[a-z_]+\}/g, 'FILE');
  const script = (hook: string, file: string, runner: unknown): string =>
    `${typeof runner === 'string' ? `${runner} ` : ''}${shellWord(`${source}/${hook}/${file}`)}`;
  const jobs = (hook: string, list: unknown, body: string[], depth: number): void => {
    for (const j of Array.isArray(list) && depth < 8 ? list as Record<string, unknown>[] : []) {
      if (typeof j?.run === 'string') body.push(template(j.run));
      if (typeof j?.script === 'string') body.push(script(hook, j.script, j.runner));
      const group = j?.group as { jobs?: unknown } | undefined;
      if (group) jobs(hook, group.jobs, body, depth + 1);
    }
  };
  for (const [hook, spec] of Object.entries(doc ?? {})) {
    if (!spec || typeof spec !== 'object' || Array.isArray(spec)) continue;
    const h = spec as { commands?: Record<string, { run?: unknown }>; scripts?: Record<string, { runner?: unknown }>; jobs?: unknown };
    const body: string[] = [];
    for (const c of Object.values(h.commands ?? {})) if (typeof c?.run === 'string') body.push(template(c.run));
    for (const [file, s] of Object.entries(h.scripts ?? {})) body.push(script(hook, file, s?.runner));
    jobs(hook, h.jobs, body, 0);
    if (body.length > 0) out.set(hook, { deps: [], body });
  }
  return out;
}

/** The TOML parser, loaded only when a TOML file is read. */
export function parseToml(text: string): Record<string, unknown> {
  return (createRequire(import.meta.url)('smol-toml') as typeof import('smol-toml')).parse(text) as Record<string, unknown>;
}

/**
 * poethepoet's tasks in pyproject.toml (`[tool.poe.tasks]`): a string or `cmd`/`shell` is a command
 * line, a list or `sequence` runs each item, `ref` another task; `script`/`expr` are Python, whose
 * module is named by the text: `python -c` of the same, judged as code.
 */
export function poeTasks(text: string): Map<string, Task> {
  const doc = parseToml(text) as { tool?: { poe?: { tasks?: Record<string, unknown> } } };
  const out = new Map<string, Task>();
  const one = (t: unknown, body: string[], deps: string[], depth: number): void => {
    // Deeper than this is not a task file anyone writes: it is unreadable, not empty (the caller fails closed).
    if (depth > 8) throw new Error('a task nests lists more than 8 deep');
    if (typeof t === 'string') { body.push(t); return; }
    if (Array.isArray(t)) { for (const x of t) one(x, body, deps, depth + 1); return; }
    if (!t || typeof t !== 'object') return;
    const o = t as Record<string, unknown>;
    for (const k of ['cmd', 'shell']) if (typeof o[k] === 'string') body.push(o[k] as string);
    if (typeof o.ref === 'string') deps.push(o.ref.split(/\s+/)[0]!);
    if (typeof o.script === 'string') {
      const [mod, call] = o.script.split(':', 2) as [string, string | undefined];
      body.push(`python -c ${shellWord(`import ${mod}; ${mod}.${call ?? ''}`)}`);
    }
    if (typeof o.expr === 'string') body.push(`python -c ${shellWord(o.expr)}`);
    // A sequence's items are task names (or, with another default_item_type, commands): read as both.
    if (Array.isArray(o.sequence)) for (const x of o.sequence) { if (typeof x === 'string') deps.push(x.split(/\s+/)[0]!); one(x, body, deps, depth + 1); }
    if (Array.isArray(o.deps)) for (const d of o.deps) if (typeof d === 'string') deps.push(d.split(/\s+/)[0]!);
  };
  for (const [name, t] of Object.entries(doc.tool?.poe?.tasks ?? {})) {
    const task: Task = { deps: [], body: [] };
    one(t, task.body, task.deps, 0);
    out.set(name, task);
  }
  return out;
}

/**
 * pdm's `[tool.pdm.scripts]`: a string or `cmd` (string or list) is a command, `shell` a shell line,
 * `call` a Python function (`python -c` of the same), `composite` other scripts or commands; `pre_X`
 * and `post_X` run around X.
 */
export function pdmScripts(text: string): Map<string, Task> {
  const doc = parseToml(text) as { tool?: { pdm?: { scripts?: Record<string, unknown> } } };
  const all = doc.tool?.pdm?.scripts ?? {};
  const out = new Map<string, Task>();
  for (const [name, t] of Object.entries(all)) {
    if (name === '_') continue;
    const task: Task = { deps: [], body: [] };
    const o = (typeof t === 'string' ? { cmd: t } : t ?? {}) as Record<string, unknown>;
    if (typeof o.cmd === 'string') task.body.push(o.cmd);
    if (Array.isArray(o.cmd)) task.body.push(o.cmd.filter((x): x is string => typeof x === 'string').map(shellWord).join(' '));
    if (typeof o.shell === 'string') task.body.push(o.shell);
    if (typeof o.call === 'string') {
      const [mod, call] = o.call.split(':', 2) as [string, string | undefined];
      task.body.push(`python -c ${shellWord(`import ${mod}; ${mod}.${call ?? ''}`)}`);
    }
    for (const c of Array.isArray(o.composite) ? o.composite.filter((x): x is string => typeof x === 'string') : []) {
      const first = c.split(/\s+/)[0]!;
      if (first in all) task.deps.push(first); else task.body.push(c);
    }
    out.set(name, task);
  }
  for (const [name, task] of out) {
    if (out.has(`pre_${name}`)) task.deps.unshift(`pre_${name}`);
    if (out.has(`post_${name}`)) task.body.push(...out.get(`post_${name}`)!.body);
  }
  return out;
}

/** hatch's scripts of an environment (`[tool.hatch.envs.ENV.scripts]`, or hatch.toml's `[envs.ENV.scripts]`): a command or a list; a command naming another script runs it. */
export function hatchScripts(text: string, task: string): string[] {
  const doc = parseToml(text) as { tool?: { hatch?: { envs?: Record<string, { scripts?: Record<string, unknown> }> } }; envs?: Record<string, { scripts?: Record<string, unknown> }> };
  const [env, name] = task.includes(':') ? task.split(':', 2) as [string, string] : ['default', task];
  const scripts = (doc.tool?.hatch?.envs ?? doc.envs ?? {})[env]?.scripts ?? {};
  const map = new Map<string, Task>();
  for (const [n, v] of Object.entries(scripts)) {
    const list = (Array.isArray(v) ? v : [v]).filter((c): c is string => typeof c === 'string');
    map.set(n, { deps: list.filter((c) => c in scripts), body: list.filter((c) => !(c in scripts)).map((c) => c.replace(/^-\s*/, '')) });
  }
  return withDeps(map, name);
}

/** A Rakefile's `task :NAME` block (up to the next task, namespace or desc), as Ruby. */
export function rakeTask(text: string, task: string): string[] {
  const t = task.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const start = text.search(new RegExp(`^\\s*task\\s+(?::${t}\\b|["']${t}["']|${t}:)`, 'm'));
  if (start < 0) return [];
  const rest = text.slice(start);
  const end = rest.slice(1).search(/^\s*(task|namespace|desc)\b/m);
  return [end < 0 ? rest : rest.slice(0, end + 1)];
}
