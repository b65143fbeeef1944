// Task runners whose tasks are Python functions: invoke (tasks.py, `@task`) and nox (noxfile.py,
// `@nox.session`). A task runs its function, what the module does when it is imported, and every
// function of the file the task's code names (helpers, `pre=[…]` tasks); that code is scanned as
// Python for the commands it starts (interpreters.ts), the other tasks' bodies are not.

interface PyFunction {
  readonly name: string;
  /** The decorator lines and the body. */
  readonly text: string;
  readonly decorators: string;
}

/** The top-level functions of a Python module, and the module's own code (everything else). */
export function pythonModule(text: string): { functions: PyFunction[]; module: string } {
  const lines = text.split('\n');
  const functions: PyFunction[] = [];
  const module: string[] = [];
  let decorators: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^@/.test(line)) { decorators.push(line); continue; }
    const def = /^(?:async\s+)?def\s+([A-Za-z_]\w*)\s*\(/.exec(line);
    if (!def) { module.push(...decorators, line); decorators = []; continue; }
    const body = [line];
    // The body: every following line that is indented, blank or a comment.
    while (i + 1 < lines.length && /^(?:[ \t]|\s*$|\s*#|\)|\])/.test(lines[i + 1]!)) body.push(lines[++i]!);
    functions.push({ name: def[1]!, text: [...decorators, ...body].join('\n'), decorators: decorators.join('\n') });
    decorators = [];
  }
  return { functions, module: module.join('\n') };
}

/**
 * The code a task runs: the module's own code, the task's function, and (transitively) every
 * function of the module its code names.
 */
export function taskCode(fn: PyFunction, all: readonly PyFunction[], module: string): string {
  const parts = [module, fn.text];
  const seen = new Set([fn.name]);
  for (let k = 1; k < parts.length && seen.size <= all.length; k++) {
    for (const f of all) {
      if (seen.has(f.name) || !new RegExp(`\\b${f.name}\\b`).test(parts[k]!)) continue;
      seen.add(f.name);
      parts.push(f.text);
    }
  }
  return parts.join('\n');
}

/** The functions a decorator marks as tasks, by the name the runner calls them. */
/** `isDefault`: the decorator says the task runs when none is named (`marker` matches it; null: unless `default=False`). */
function tasksOf(text: string, decorator: RegExp, rename: (f: PyFunction) => string[], marker: RegExp | null): Map<string, { fn: PyFunction; isDefault: boolean }> {
  const mod = pythonModule(text);
  const out = new Map<string, { fn: PyFunction; isDefault: boolean }>();
  for (const f of mod.functions) {
    if (!decorator.test(f.decorators)) continue;
    const isDefault = marker ? marker.test(f.decorators) : !/\bdefault\s*=\s*False/.test(f.decorators);
    for (const n of rename(f)) out.set(n, { fn: f, isDefault });
  }
  return out;
}

/** invoke's `@task` functions, by the names it calls them (dashes for underscores, `name=`, `aliases=`). */
function invokeTasks(text: string): Map<string, { fn: PyFunction; isDefault: boolean }> {
  return tasksOf(text, /^@(?:invoke\.)?task\b/m, (f) => {
    const named = /\bname\s*=\s*["']([^"']+)["']/.exec(f.decorators)?.[1];
    const aliases = [.../\baliases\s*=\s*[[(]([^\])]*)/.exec(f.decorators)?.[1]?.matchAll(/["']([^"']+)["']/g) ?? []].map((m) => m[1]!);
    return [named ?? f.name.replace(/_/g, '-'), f.name, ...aliases];
  }, /\bdefault\s*=\s*True/);
}

/** The task invoke runs with none named (`@task(default=True)`). */
export function invokeDefaults(text: string): string[] {
  return [...invokeTasks(text)].filter(([, t]) => t.isDefault).map(([n]) => n).slice(0, 1);
}

/** The code of one invoke task (`ns.task` is the task of a sub-collection: its last part). */
export function invokeTask(text: string, task: string): string[] {
  const mod = pythonModule(text);
  const tasks = invokeTasks(text);
  const t = tasks.get(task) ?? tasks.get(task.split('.').pop()!);
  return t ? [taskCode(t.fn, mod.functions, mod.module)] : [];
}

/** nox's `@nox.session` functions (or `name=`); `default=False` ones run only when named. */
function noxTasks(text: string): Map<string, { fn: PyFunction; isDefault: boolean }> {
  return tasksOf(text, /^@(?:nox\.)?session\b/m, (f) => [/\bname\s*=\s*["']([^"']+)["']/.exec(f.decorators)?.[1] ?? f.name], null);
}

export function noxDefaults(text: string): string[] {
  return [...noxTasks(text)].filter(([, t]) => t.isDefault).map(([n]) => n);
}

/** One nox session (`tests-3.12`, `tests(django='4')`: a parametrized or per-Python session of `tests`). */
export function noxSession(text: string, session: string): string[] {
  const mod = pythonModule(text);
  const sessions = noxTasks(text);
  const s = sessions.get(session) ?? sessions.get(session.replace(/[-(].*$/, ''));
  return s ? [taskCode(s.fn, mod.functions, mod.module)] : [];
}
