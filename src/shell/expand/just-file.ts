// What a justfile recipe runs, as just runs it: each line of a plain recipe as `SHELL ARGS… LINE`
// (`set shell := [...]`, default `sh -cu`; `set windows-shell` is read too, as the file may be run on
// Windows; `just --shell P --shell-arg A` replaces them), and a recipe with a shebang line or a `[script]` attribute as one script given to its
// interpreter (`[script('python3')]`, `set script-interpreter := [...]`, default `sh -eu`).
import { quoteForScan } from './code-literals.js';
import { justRecipes, withDeps } from './task-files.js';

interface Recipe { deps: string[]; body: string[]; script: string[] | null }

/** A `set NAME := ['a', "b"]` setting's words (null: not set). */
function setting(text: string, name: string): string[] | null {
  const m = new RegExp(`^set\\s+${name}\\s*:=\\s*\\[([^\\]]*)\\]`, 'm').exec(text);
  return m ? words(m[1]!) : null;
}

function words(list: string): string[] {
  return [...list.matchAll(/'([^']*)'|"((?:[^"\\]|\\.)*)"/g)].map((w) => w[1] ?? w[2]!.replace(/\\(.)/g, (_m, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c)));
}

/** Recipes with the interpreter of those run as one script (a shebang line or `[script]`). */
function recipes(text: string): Map<string, Recipe> {
  const plain = justRecipes(text);
  const interpreter = setting(text, 'script-interpreter') ?? ['sh', '-eu'];
  const out = new Map<string, Recipe>();
  let attrs: string[] = [];
  for (const line of text.split('\n')) {
    const attr = /^\[(.*)\]\s*$/.exec(line);
    if (attr) { attrs.push(attr[1]!); continue; }
    const name = /^@?([A-Za-z_][\w-]*)(?:\s+[^:=]*)?:(?!=)/.exec(line)?.[1];
    if (name === undefined) { if (line.trim() !== '' && !/^\s/.test(line) && !line.startsWith('#')) attrs = []; continue; }
    const r = plain.get(name);
    if (!r) { attrs = []; continue; }
    const script = attrs.map((a) => /^script(?:\((.*)\))?$/.exec(a.trim())).find((m) => m !== null);
    const shebang = /^#!\s*(.*)$/.exec(r.body[0] ?? '');
    const by = script ? (script[1] !== undefined ? words(script[1]) : interpreter)
      : shebang ? shebang[1]!.trim().split(/\s+/).filter((w, i) => !(i === 0 && /(?:^|\/)env$/.test(w)) && !(w === '-S')) : null;
    out.set(name, { deps: r.deps, body: shebang ? r.body.slice(1) : r.body, script: by });
    attrs = [];
  }
  return out;
}

/** The shell text each line of `task` (after its dependencies') amounts to. */
export function justCommands(text: string, task: string, shell?: readonly string[]): string[] {
  const all = recipes(text);
  // `--shell`/`--shell-arg` replace the file's shell.
  const shells = shell ? [shell] : [setting(text, 'shell'), setting(text, 'windows-shell')].filter((s): s is string[] => s !== null);
  return withDeps(all, task, (r) => {
    if (r.script) return [`${r.script.map(quoteForScan).join(' ')} <<'JUST_SCRIPT_END'\n${r.body.join('\n')}\nJUST_SCRIPT_END`];
    return r.body.flatMap((line) => (shells.length === 0 ? [line] : shells.map((sh) => [...sh, line].map(quoteForScan).join(' '))));
  });
}
