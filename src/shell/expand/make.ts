// The make family: `make TARGETS` runs the recipes of the targets (and of their prerequisites) from
// the makefiles it reads (GNU make manual). What runs besides the recipes is judged too: `$(shell …)`
// and `VAR != …` run while the makefile is read, whatever the target (8.13 "The shell Function");
// with -n, -t or -q the recipe lines that start with `+` or mention $(MAKE) still run (5.7.1, 9.3).
import { isAbsolute, resolve } from 'node:path';
import { globFiles } from '../files.js';
import { getopt, optionIs, valueOf, type Scan } from '../getopt.js';
import { argOf, quoteWord, type Word } from '../words.js';
import type { Scope } from './driver.js';
import { outputOfText, stdinText } from './output.js';
import { runScriptFile } from './scripts.js';

/** The programs the make family reads. */
export const MAKE_PROGRAMS: readonly string[] = ['make', 'gmake'];

const MAKE = { short: 'bBdeiknpqrRsStvwC:f:I:j::l::o:W:E:', long: ['directory=|C', 'file=|f', 'makefile=', 'include-dir=|I', 'jobs=?|j', 'eval=|E', 'just-print|n', 'dry-run', 'recon', 'question|q', 'touch|t', 'old-file=|o', 'what-if=|W', 'always-make|B', 'keep-going|k', 'silent|s', 'quiet'], permute: true, abbreviate: true } as const;

/** Variables make takes options from: GNUMAKEFLAGS, then MAKEFLAGS (manual 5.7.3). */
const FLAG_VARS = ['GNUMAKEFLAGS', 'MAKEFLAGS'];

/** Options that print, touch or question instead of running recipes (the `+` and $(MAKE) lines still run). */
const NOT_RUNNING = ['-n', '--just-print', '--dry-run', '--recon', '-q', '--question', '-t', '--touch'];

/** `make TARGETS`: the recipes that would run (from the Makefile, `--eval`, or a makefile on stdin). */
export function makeRecipesFamily(scope: Scope, name: string, args: readonly Word[]): boolean {
  if (!MAKE_PROGRAMS.includes(name) || !scope.local) return false;
  const fromEnv: Word[] = [];
  for (const v of FLAG_VARS) {
    const flags = scope.env.get(v);
    if (flags === null) { scope.raise('dynamic-command', `${v} is computed at run time`); return true; }
    fromEnv.push(...flagWords(flags ?? '').map((w) => ({ value: w, tail: null, text: w, start: 0, end: 0 })));
  }
  const all = [...fromEnv, ...args];
  const scan = getopt(all.map(argOf), MAKE);
  scope.emit(scope.argv, name, { scan });
  const dirOpt = valueOf(scan, '-C');
  const dir = dirOpt === undefined ? scope.cwd : dirOpt === null || scope.cwd === null ? null : resolve(scope.cwd, dirOpt);
  if (dir === null) { scope.raise('unreadable-script', 'cannot tell which Makefile `make` reads'); return true; }
  const vars = new Map<string, string>();
  const targets: string[] = [];
  for (const o of scan.operands) {
    // `make PREFIX=$HOME/.local`: a variable whose value is computed, not a target.
    if (o.value === null && /^[A-Za-z_][A-Za-z0-9_.]*\+?=/.test(all[o.index]?.text ?? '')) continue;
    if (o.value === null) { scope.raise('dynamic-command', '`make` builds a target named at run time'); return true; }
    const eq = o.value.indexOf('=');
    if (eq > 0) vars.set(o.value.slice(0, eq), o.value.slice(eq + 1));
    else targets.push(o.value);
  }
  const texts = makefileTexts(scope, scan, all, dir, vars.get('MAKEFILES'));
  if (texts === null) return true;
  const dry = scan.options.some((o) => optionIs(o, NOT_RUNNING));
  const made = makeRecipes(texts.join('\n'), targets, vars, scope.env, (t) => scope.files.read(resolve(dir, t)).kind !== 'missing');
  for (const text of made.whileReading) scope.script(text, 'make (reading the makefile)', dir);
  const recipes = dry ? made.recipes.filter((r) => r.always) : made.recipes;
  // SHELL= on the command line or in the makefile (not from the environment: manual 5.3.2) runs every recipe through that program.
  const shell = made.shell;
  // make splits the value into words: the first is the program (`SHELL := ./wrap.sh -e`). A target-specific SHELL is taken as covering any recipe.
  for (const value of [...(shell !== undefined ? [shell] : []), ...made.targetShells]) {
    const program = value.trim().split(/\s+/)[0];
    if (program !== undefined && program !== '' && recipes.length > 0 && !/^\/bin\/(ba)?sh$/.test(program)) {
      runScriptFile(scope, { value: program, tail: null, text: program, start: 0, end: 0 }, `make SHELL=${value}`, 'exec');
    }
  }
  // .SHELLFLAGS are the shell's options before each recipe (`-c 'CMD' #` runs CMD): other than -c and -e, the recipe runs as that command line.
  const flags = made.shellFlags;
  const plain = flags === undefined || /^\s*(?:-[eux]*c|-[eux]+ -c)\s*$/.test(flags);
  for (const recipe of recipes) scope.script(plain ? recipe.text : `${shell ?? '/bin/sh'} ${flags} ${quoteWord(recipe.text)}`, `make ${recipe.target}`, dir);
  // A recipe's $(shell …) runs when make expands the recipe, which it does to print it with -n too.
  for (const text of made.inRecipes) scope.script(text, 'make (expanding a recipe)', dir);
  return true;
}

/**
 * A MAKEFLAGS value as make reads it (main.c, decode_env_switches): words split on blanks a backslash
 * does not escape; a first word without a dash is single-letter options; later plain words other
 * than variable settings are ignored.
 */
export function flagWords(value: string): string[] {
  const words = [...value.matchAll(/(?:\\.|[^\s\\])+/gs)].map((m) => m[0].replace(/\\(.)/gs, '$1'));
  return words.flatMap((w, i) => w.startsWith('-') || w.includes('=') ? [w] : i === 0 ? [`-${w}`] : []);
}

/** The text of every makefile make reads, in order (MAKEFILES, --eval, -f or the default names); null when that was said to be unknown. */
function makefileTexts(scope: Scope, scan: Scan, all: readonly Word[], dir: string, cliMakefiles: string | undefined): string[] | null {
  const texts: string[] = [];
  const includes = scan.options.filter((o) => optionIs(o, ['-I']) && typeof o.value === 'string').map((o) => resolve(dir, o.value as string));
  const makefile = (c: string, label: string): boolean => {
    if (c === '-' || c === '/dev/stdin') {
      const s = stdinText(scope, scope.stdin, `make -f ${c}`);
      if (s.kind === 'unknown') { scope.raise('unreadable-script', s.why); return false; }
      const text = s.kind === 'text' ? withIncludes(scope, s.text, dir, includes) : '';
      if (text !== null) texts.push(text);
      return text !== null;
    }
    const read = scope.files.read(resolve(dir, c));
    if (read.kind === 'missing') return true;
    if (read.kind !== 'text') { scope.raise('unreadable-script', `${label}: ${read.kind === 'unreadable' ? read.why : 'not text'}`); return false; }
    const text = withIncludes(scope, read.text, dir, includes);
    if (text !== null) texts.push(text);
    return text !== null;
  };
  // MAKEFILES are read before the makefile (from the environment, or set on the command line: make reads both).
  const extra = cliMakefiles ?? scope.env.get('MAKEFILES');
  if (extra === null) { scope.raise('unreadable-script', 'MAKEFILES is computed at run time'); return null; }
  for (const f of (extra ?? '').split(/\s+/).filter(Boolean)) if (!makefile(f, `MAKEFILES ${f}`)) return null;
  for (const o of scan.options) {
    if (!optionIs(o, ['--eval'])) continue;
    if (o.value === null || o.value === undefined) { scope.raise('dynamic-command', '`make --eval` reads make text computed at run time'); return null; }
    texts.push(o.value);
  }
  const fileOpts = scan.options.filter((o) => optionIs(o, ['-f']));
  for (const o of fileOpts) {
    const w = all[o.index]?.value === '-f' || all[o.index]?.value === '--file' ? all[o.index + 1] : undefined;
    if (o.value === null && w && /^<\(.*\)$/s.test(w.text)) {
      // `make -f <(printf …)`: the makefile is a command's output.
      const out = outputOfText(scope, w.text.slice(2, -1));
      if (out === null) { scope.raise('unreadable-script', 'the Makefile is the output of a command, which cannot be known statically'); return null; }
      texts.push(out);
      continue;
    }
    if (o.value === null || o.value === undefined) { scope.raise('unreadable-script', 'the Makefile is named at run time'); return null; }
    if (!makefile(o.value, o.value)) return null;
  }
  if (fileOpts.length > 0) return texts;
  for (const c of ['GNUmakefile', 'makefile', 'Makefile']) {
    const before = texts.length;
    if (!makefile(c, c)) return null;
    if (texts.length > before) break;
  }
  return texts;
}

/** Directives that read other makefiles where they stand (manual 3.3); `-include` and `sinclude` do not mind a missing one. */
const INCLUDE = /^ *(-?include|sinclude)[ \t]+([^#]*?)[ \t]*(?:#.*)?$/;

/**
 * A makefile's text with each makefile it includes in place of the directive (looked up in the
 * directory, then the -I directories; a wildcard as make expands it), 8 deep at most. A name that
 * is not known from the text read so far (`$(shell …)`, a variable it does not set) asks after
 * `include`; after `-include`, the form for the dependency files a build makes itself
 * (`-include $(OBJS:.o=.d)`), it is not followed. Null when that was said.
 */
function withIncludes(scope: Scope, text: string, dir: string, dirs: readonly string[], depth = 0): string | null {
  if (depth > 8) { scope.raise('unreadable-script', 'makefiles include each other more than 8 deep'); return null; }
  const out: string[] = [];
  for (const line of text.replace(/\\\n/g, ' ').split('\n')) {
    const m = INCLUDE.exec(line);
    if (!m) { out.push(line); continue; }
    // `$(wildcard PATTERN)` names what the pattern matches, as the wildcard here does.
    const wildcard = (t: string): string => t.replace(/\$[({]wildcard\s+([^$()}]*)[)}]/g, '$1');
    const names = wildcard(expandMake(wildcard(m[2]!), parseMakefile(out.join('\n')).vars, ''));
    if (/\$__make_/.test(names)) {
      if (m[1] !== 'include') continue;
      scope.raise('unreadable-script', `the Makefile includes \`${m[2]}\`, named while make reads it`);
      return null;
    }
    for (const name of names.split(/\s+/).filter(Boolean)) {
      const found = includedFiles(scope, name, dir, dirs);
      if (found === null) { scope.raise('unreadable-script', `the Makefile includes \`${name}\`: too many files to read`); return null; }
      for (const path of found) {
        const read = scope.files.read(path);
        if (read.kind !== 'text') { scope.raise('unreadable-script', `the Makefile includes ${path}: ${read.kind === 'unreadable' ? read.why : 'not text'}`); return null; }
        const inner = withIncludes(scope, read.text, dir, dirs, depth + 1);
        if (inner === null) return null;
        out.push(inner);
      }
    }
  }
  return out.join('\n');
}

/** The files an include name reads: a wildcard's matches, else the first of the directory's and the -I directories' that exists. */
function includedFiles(scope: Scope, name: string, dir: string, dirs: readonly string[]): string[] | null {
  if (/[*?[]/.test(name)) return globFiles(scope.files, dir, name);
  const candidates = isAbsolute(name) ? [name] : [resolve(dir, name), ...dirs.map((d) => resolve(d, name))];
  const hit = candidates.find((c) => scope.files.read(c).kind !== 'missing');
  return hit === undefined ? [] : [hit];
}

interface Rule { prereqs: string[]; recipe: string[] }
interface Parsed { vars: Map<string, string>; weak: Set<string>; rules: Map<string, Rule>; first: string | undefined; whileReading: string[]; targetShells: string[] }

/** A makefile's variables and rules, and the commands that run while it is read (`$(shell …)`, `!=`). */
function parseMakefile(text: string): Parsed {
  const lines = text.replace(/\\\n/g, ' ').split('\n');
  const out: Parsed = { vars: new Map([['MAKE', 'make']]), weak: new Set(), rules: new Map(), first: undefined, whileReading: [], targetShells: [] };
  let current: Rule[] = [];
  for (const line of lines) {
    if (line.startsWith('\t') && current.length > 0) {
      for (const r of current) r.recipe.push(line.slice(1));
      continue;
    }
    const trimmed = line.replace(/#.*$/, '').trim();
    if (trimmed === '') continue;
    out.whileReading.push(...shellCalls(trimmed));
    const assign = /^(?:export\s+|override\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*(?::{1,3}=|\?=|\+=|=|!=)\s*(.*)$/.exec(trimmed);
    if (assign) {
      // `VAR != CMD` runs CMD through the shell at once.
      if (/^[^=]*!=/.test(trimmed)) out.whileReading.push(assign[2]!);
      const weak = /^[^=]*\?=/.test(trimmed);
      if (!out.vars.has(assign[1]!) || !weak || assign[1] === 'MAKE') out.vars.set(assign[1]!, assign[2]!);
      if (weak && !out.weak.has(assign[1]!) && out.vars.get(assign[1]!) === assign[2]) out.weak.add(assign[1]!);
      else if (!weak) out.weak.delete(assign[1]!);
      current = [];
      continue;
    }
    // `test: SHELL := ./wrap.sh` (a target- or pattern-specific value, manual 6.11): the recipes it covers run through it.
    const specific = /^[^:=]+?:\s*(?:export\s+|override\s+|private\s+)*SHELL\s*(?::{1,3}=|\?=|=)\s*(.*)$/.exec(trimmed);
    if (specific) { out.targetShells.push(specific[1]!); current = []; continue; }
    const rule = /^([^:=]+?)\s*::?\s*([^=]*)$/.exec(trimmed);
    current = [];
    if (!rule) continue;
    const [prereqPart, inline] = rule[2]!.split(';', 2) as [string, string | undefined];
    for (const t of rule[1]!.split(/\s+/)) {
      if (t === '') continue;
      const r = out.rules.get(t) ?? { prereqs: [], recipe: [] };
      r.prereqs.push(...prereqPart.split(/\s+/).filter(Boolean));
      if (inline) r.recipe.push(inline);
      out.rules.set(t, r);
      current.push(r);
      if (out.first === undefined && !t.startsWith('.') && !t.includes('%')) out.first = t;
    }
  }
  return out;
}

/** The commands of every `$(shell …)` / `${shell …}` call in a line (parentheses balanced). */
export function shellCalls(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/\$([({])shell\s/g)) {
    const open = m[1]!;
    const close = open === '(' ? ')' : '}';
    let depth = 1;
    let i = m.index! + m[0].length;
    const start = i;
    for (; i < line.length && depth > 0; i++) {
      if (line[i] === open) depth++;
      else if (line[i] === close) depth--;
    }
    out.push(line.slice(start, depth === 0 ? i - 1 : i));
  }
  return out;
}

export interface Recipe { target: string; text: string; always: boolean }

/** What `make TARGETS` runs: each recipe line (`always`: it runs under -n too), and the commands read or expanded on the way. */
export function makeRecipes(text: string, targets: readonly string[], cliVars: ReadonlyMap<string, string>,
  env: ReadonlyMap<string, string | null> = new Map(), exists: (target: string) => boolean = () => false): Made {
  const parsed = parseMakefile(text);
  const vars = parsed.vars;
  const own = (name: string): string | undefined => { const v = cliVars.get(name) ?? parsed.vars.get(name); return v === undefined ? undefined : expandMake(v, vars, ''); };
  // The environment the text sets: a variable the makefile sets only with `?=` (or not at all) has its value.
  for (const [k, val] of env) if (val !== null && (!vars.has(k) || parsed.weak.has(k))) vars.set(k, val);
  for (const [k, val] of cliVars) vars.set(k, val);
  const expand = (t: string, target: string): string => expandMake(t, vars, target);
  const whileReading = parsed.whileReading.map((t) => expand(t, '')).filter((t) => t.trim() !== '');
  const wanted = targets.length > 0 ? [...targets] : parsed.first ? [parsed.first] : [];
  const recipes: Recipe[] = [];
  const inRecipes: string[] = [];
  const done = new Set<string>();
  const stack = wanted.reverse().map((t) => ({ t, expanded: false }));
  while (stack.length > 0 && done.size < 500) {
    const top = stack.pop()!;
    if (done.has(top.t)) continue;
    const r = ruleFor(parsed.rules, top.t, exists);
    if (!r) { done.add(top.t); continue; }
    if (!top.expanded) {
      stack.push({ t: top.t, expanded: true });
      for (const p of [...r.prereqs].reverse()) if (!done.has(p)) stack.push({ t: p, expanded: false });
      continue;
    }
    done.add(top.t);
    for (const line of r.recipe) {
      const prefix = /^[\s@+-]*/.exec(line)![0];
      inRecipes.push(...shellCalls(line).map((t) => expand(t, top.t)));
      const cmd = expand(line.slice(prefix.length), top.t);
      if (cmd.trim() !== '') recipes.push({ target: top.t, text: cmd, always: prefix.includes('+') || /\$[({]MAKE[)}]/.test(line) });
    }
  }
  return { recipes, whileReading, inRecipes, shell: own('SHELL'), shellFlags: own('.SHELLFLAGS'), targetShells: parsed.targetShells.map((t) => expandMake(t, vars, '')) };
}

export interface Made { recipes: Recipe[]; whileReading: string[]; inRecipes: string[]; shell: string | undefined; shellFlags: string | undefined; targetShells: string[] }

/**
 * The rule that makes a target (manual 10.5): its own when that has a recipe; else, for a file that
 * does not exist, the first pattern rule whose target matches (`%:` matches any) and whose
 * prerequisites exist or can be made, else `.DEFAULT`'s recipe.
 */
function ruleFor(rules: ReadonlyMap<string, Rule>, target: string, exists: (t: string) => boolean): Rule | undefined {
  const own = rules.get(target);
  if ((own !== undefined && own.recipe.length > 0) || target.startsWith('.') || exists(target)) return own;
  for (const [pattern, rule] of rules) {
    const at = pattern.indexOf('%');
    if (at < 0 || rule.recipe.length === 0) continue;
    const [pre, post] = [pattern.slice(0, at), pattern.slice(at + 1)];
    if (target.length < pre.length + post.length || !target.startsWith(pre) || !target.endsWith(post)) continue;
    const stem = target.slice(pre.length, target.length - post.length);
    const prereqs = rule.prereqs.map((p) => p.replace('%', stem));
    if (prereqs.every((p) => exists(p) || (rules.has(p) && p !== target))) return { prereqs: [...(own?.prereqs ?? []), ...prereqs], recipe: rule.recipe };
  }
  const fallback = rules.get('.DEFAULT');
  return fallback !== undefined && fallback.recipe.length > 0 ? { prereqs: own?.prereqs ?? [], recipe: fallback.recipe } : own;
}

function expandMake(line: string, vars: ReadonlyMap<string, string>, target: string, depth = 0): string {
  return line.replace(/\$(\$|\(([^()]*)\)|\{([^{}]*)\}|[@<^*?%+|])/g, (_m, what: string, paren?: string, brace?: string) => {
    if (what === '$') return '$';
    const name = paren ?? brace;
    if (name === undefined) return what === '@' ? target : '__make_auto__';
    if (/\s/.test(name)) return '"$__make_function"';
    const value = vars.get(name);
    if (value === undefined || depth > 8) return `"$__make_${name.replace(/[^A-Za-z0-9_]/g, '_')}"`;
    return expandMake(value, vars, target, depth + 1);
  });
}
