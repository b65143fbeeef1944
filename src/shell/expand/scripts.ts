// The scripts family: files a command runs (`./deploy.sh`, `bash x.sh`, `source x`), stdin fed to
// a shell, and make recipes (package.json scripts are in packages.ts). Each is read from the
// command's working directory and judged by what it runs. A binary is judged by its name.
import { isAbsolute, join, resolve } from 'node:path';
import { getopt, optionIs, valueOf } from '../getopt.js';
import type { CodeLanguage } from '../grammars/types.js';
import { SHELL_NAMES } from '../grammars/runners.js';
import { argOf, basename, quoteWord, type Word } from '../words.js';
import type { Scope } from './driver.js';
import { scanCode } from './interpreters.js';
import { isSetupSubstitution, outputOfText, stdinText } from './output.js';
import { homeDir } from '../invocations.js';
import { withKnownVars } from './known-vars.js';
import { whenWritten } from './writes.js';

const SHELLS = new Set(SHELL_NAMES);

/** `source <(echo …)`: the text sourced is the static output of the command inside, when it has one. */
function sourceSubstitution(scope: Scope, w: Word, label: string): boolean {
  if (isSetupSubstitution(w.text)) return true;
  const out = outputOfText(scope, w.text.slice(2, -1));
  if (out === null) { scope.raise('unreadable-script', `${label}: sources the output of a command, which cannot be known statically`); return true; }
  scope.nested(out, label, { spliceable: false });
  return true;
}
/** Interpreters a shebang can name, by the language their code is scanned as. */
const SHEBANG_LANGUAGES: Record<string, CodeLanguage> = {
  python: 'python', python3: 'python', python2: 'python', node: 'node', nodejs: 'node', bun: 'node', deno: 'node',
  ruby: 'ruby', perl: 'perl', php: 'php', lua: 'lua', Rscript: 'r', expect: 'expect', tclsh: 'tcl', pwsh: 'powershell',
  awk: 'awk', gawk: 'awk', osascript: 'applescript',
};

function scriptPath(value: string, cwd: string | null): string | null {
  if (isAbsolute(value)) return value;
  if (value.startsWith('~/')) return join(process.env.HOME ?? '/', value.slice(2));
  return cwd === null ? null : resolve(cwd, value);
}

/**
 * Judge a local script by its contents. `kind` says how it is run: by a shell (`bash x`), or
 * executed (`./x`: its shebang decides the language). Returns false when there is no such file,
 * or it is a binary run by path: the other families then judge it by its name.
 */
/** Paths that are the process's own stdin. */
const STDIN_PATHS = new Set(['/dev/stdin', '/dev/fd/0', '/proc/self/fd/0']);

export function runScriptFile(scope: Scope, word: Word, label: string, kind: 'shell' | 'exec'): boolean {
  const file = withKnownVars(scope, word);
  if (file.value !== null && STDIN_PATHS.has(file.value)) { runStdin(scope, label); return true; }
  if (file.value === '/dev/null') return true; // an empty script
  if (file.text.startsWith('<(') && file.text.endsWith(')') && kind === 'shell') return sourceSubstitution(scope, file, label);
  if (file.value === null) { scope.raise('unreadable-script', `the script path \`${file.text}\` is computed at run time`); return true; }
  const path = scriptPath(file.value, scope.cwd);
  if (path === null) { scope.raise('unreadable-script', `cannot tell which directory \`${file.text}\` is relative to`); return true; }
  const read = scope.files.read(path);
  const name = basename(file.value);
  if (read.kind === 'missing') {
    const argv = scope.argv;
    whenWritten(scope, path, () => {
      // A binary copied there is that program under another name.
      const original = scope.run0.renamed.get(path);
      if (original === undefined) runScriptFile(scope, word, label, kind);
      else if (kind === 'exec') scope.sub([{ ...argv[0]!, value: original, tail: original }, ...argv.slice(1)], `${label} (a copy of ${original})`);
    });
    if (kind === 'shell') scope.emit(scope.argv, name);
    return false;
  }
  // A binary is judged as the program it names (`/usr/bin/docker`).
  if (read.kind === 'binary') {
    if (kind === 'shell') scope.raise('unreadable-script', `${label}: is a binary, not a script`);
    return kind === 'shell';
  }
  if (read.kind === 'unreadable') {
    scope.raise('unreadable-script', `${label}: ${read.why}`);
    for (const part of read.parts ?? []) scope.script(part, `${label} (lines added to it)`, scope.cwd);
    return true;
  }
  if (scope.run0.seen.has(path)) return true;
  scope.run0.seen.add(path);
  const shebang = /^#!\s*(\S+)(?:\s+(?:-\S+\s+)*(\S+))?/.exec(read.text);
  if (kind === 'exec' && shebang) {
    const prog = basename(shebang[1]!) === 'env' ? shebang[2] ?? '' : basename(shebang[1]!);
    const lang = SHEBANG_LANGUAGES[prog.replace(/[0-9.]+$/, '')] ?? SHEBANG_LANGUAGES[prog];
    if (lang) {
      scanCode(scope, lang, read.text, label, false, [], { ...(read.stamp !== undefined ? { stamp: read.stamp } : {}), from: path });
      scope.emit(scope.argv, name);
      return true;
    }
    if (!SHELLS.has(prog)) {
      // The kernel runs the shebang line with the script's path: judge that command line.
      const line = read.text.slice(2, read.text.indexOf('\n') < 0 ? undefined : read.text.indexOf('\n')).trim();
      scope.nested(`${line} ${quoteWord(path)}`, `${label} (#!${line})`, { spliceable: false });
      return true;
    }
  }
  scope.script(read.text, label, scope.cwd);
  return true;
}

/** A shell (or an interpreter) reading its program from stdin. */
export function runStdin(scope: Scope, reader: string, lang?: CodeLanguage): void {
  // Its input is written later in the text: to a fifo made earlier, or to the coprocess it is.
  const fed = fedLater(scope);
  if (fed !== null) {
    scope.run0.feeds.set(fed, (text) => (text === null ? scope.raise('unreadable-script', `${reader} reads ${fed}, written with text that cannot be known`) : readStdin(scope, reader, text, lang)));
    return;
  }
  const s = stdinText(scope, scope.stdin, reader);
  if (s.kind === 'none') { scope.emit(scope.argv, basename(scope.argv[0]?.value ?? reader)); return; }
  if (s.kind === 'unknown') { scope.raise('unreadable-script', s.why); return; }
  readStdin(scope, reader, s.text, lang);
}

function readStdin(scope: Scope, reader: string, text: string, lang?: CodeLanguage): void {
  if (lang) { scanCode(scope, lang, text, `${reader} (stdin)`); return; }
  scope.run0.queue.push({
    text, target: scope.target, depth: scope.job.depth + 1, origin: scope.range, rewriteCwd: scope.rewriteCwd,
    spliceable: false, cwd: scope.cwd, stdin: null, source: 'string', env: scope.env, via: [...scope.via, `${reader} (stdin)`],
  });
}

/** `sh < FIFO` (a fifo made earlier in the text) or `coproc sh`: the key later writes feed it under. */
function fedLater(scope: Scope): string | null {
  const src = scope.stdin;
  if (src?.kind === 'file' && src.path !== null && scope.cwd !== null) {
    const path = resolve(scope.cwd, src.path);
    if (scope.run0.fifos.has(path)) return path;
  }
  return src === null && scope.via[scope.via.length - 1] === 'coproc' ? 'COPROC' : null;
}

/** The programs the make family reads. */
export const MAKE_PROGRAMS: readonly string[] = ['make', 'gmake'];

const MAKE = { short: 'bBdeiknpqrRsStvwC:f:I:j::l::o:W:E:', long: ['directory=|C', 'file=|f', 'makefile=', 'include-dir=|I', 'jobs=?|j', 'eval=|E', 'just-print|n', 'dry-run', 'question|q', 'old-file=|o', 'what-if=|W', 'always-make|B', 'keep-going|k', 'silent|s', 'quiet'], permute: true, abbreviate: true } as const;

/** `make TARGETS`: the recipes that would run (from the Makefile, `--eval`, or a makefile on stdin). */
export function makeRecipesFamily(scope: Scope, name: string, args: readonly Word[]): boolean {
  if (!MAKE_PROGRAMS.includes(name) || !scope.local) return false;
  // MAKEFLAGS from the environment are options too (split on blanks, as make splits them).
  const flags = scope.env.get('MAKEFLAGS');
  if (flags === null) { scope.raise('dynamic-command', 'MAKEFLAGS is computed at run time'); return true; }
  const fromEnv: Word[] = (flags ?? '').split(/\s+/).filter(Boolean).map((v) => ({ value: v.startsWith('-') || v.includes('=') ? v : `-${v}`, tail: null, text: v, start: 0, end: 0 }));
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
  const texts: string[] = [];
  const makefile = (c: string, label: string): boolean => {
    if (c === '-' || c === '/dev/stdin') {
      const s = stdinText(scope, scope.stdin, `make -f ${c}`);
      if (s.kind === 'unknown') { scope.raise('unreadable-script', s.why); return false; }
      if (s.kind === 'text') texts.push(s.text);
      return true;
    }
    const read = scope.files.read(resolve(dir, c));
    if (read.kind === 'missing') return true;
    if (read.kind !== 'text') { scope.raise('unreadable-script', `${label}: ${read.kind === 'unreadable' ? read.why : 'not text'}`); return false; }
    texts.push(read.text);
    return true;
  };
  // MAKEFILES are read before the makefile.
  const extra = scope.env.get('MAKEFILES');
  if (extra === null) { scope.raise('unreadable-script', 'MAKEFILES is computed at run time'); return true; }
  for (const f of (extra ?? '').split(/\s+/).filter(Boolean)) if (!makefile(f, `MAKEFILES ${f}`)) return true;
  for (const o of scan.options) {
    if (!optionIs(o, ['--eval'])) continue;
    if (o.value === null || o.value === undefined) { scope.raise('dynamic-command', '`make --eval` reads make text computed at run time'); return true; }
    texts.push(o.value);
  }
  const fileOpts = scan.options.filter((o) => optionIs(o, ['-f']));
  if (fileOpts.length > 0) {
    for (const o of fileOpts) {
      const w = all[o.index]?.value === '-f' || all[o.index]?.value === '--file' ? all[o.index + 1] : undefined;
      if (o.value === null && w && /^<\(.*\)$/s.test(w.text)) {
        // `make -f <(printf …)`: the makefile is a command's output.
        const out = outputOfText(scope, w.text.slice(2, -1));
        if (out === null) { scope.raise('unreadable-script', 'the Makefile is the output of a command, which cannot be known statically'); return true; }
        texts.push(out);
        continue;
      }
      if (o.value === null || o.value === undefined) { scope.raise('unreadable-script', 'the Makefile is named at run time'); return true; }
      if (!makefile(o.value, o.value)) return true;
    }
  } else {
    for (const c of ['GNUmakefile', 'makefile', 'Makefile']) {
      const before = texts.length;
      if (!makefile(c, c)) return true;
      if (texts.length > before) break;
    }
  }
  // -n prints the recipes instead of running them.
  if (scan.options.some((o) => optionIs(o, ['-n', '--just-print', '--dry-run', '--recon', '-q', '--question']))) return true;
  const recipes = makeRecipes(texts.join('\n'), targets, vars);
  // SHELL= on the command line (or in the makefile) runs every recipe through that program.
  const shell = vars.get('SHELL');
  if (shell !== undefined && recipes.length > 0 && !/^\/bin\/(ba)?sh$/.test(shell)) {
    runScriptFile(scope, { value: shell, tail: null, text: shell, start: 0, end: 0 }, `make SHELL=${shell}`, 'exec');
  }
  for (const recipe of recipes) {
    scope.script(recipe.text, `make ${recipe.target}`, dir);
  }
  return true;
}

/** A program named by path (`./deploy.sh`, `/usr/bin/docker`): a script is read, a binary is its name. */
export function pathScripts(scope: Scope, _name: string, _args: readonly Word[]): boolean {
  const head = scope.argv[0]!;
  if (!scope.local || head.value === null || !head.value.includes('/')) return false;
  // A binary copied or linked earlier in the text under another name is still that program.
  const home = homeDir();
  const value = head.value.startsWith('~/') && home !== null ? home + head.value.slice(1) : head.value;
  const full = scope.cwd === null ? value : resolve(scope.cwd, value);
  const original = scope.run0.renamed.get(full);
  if (original !== undefined) {
    scope.continueWith([{ ...head, value: original, tail: original }, ...scope.argv.slice(1)], `${head.text} (a copy of ${original})`);
    return true;
  }
  return runScriptFile(scope, head, head.text, 'exec');
}

export function makeRecipes(text: string, targets: readonly string[], cliVars: ReadonlyMap<string, string>):
  { target: string; text: string }[] {
  const lines = text.replace(/\\\n/g, ' ').split('\n');
  const vars = new Map<string, string>();
  const rules = new Map<string, { prereqs: string[]; recipe: string[] }>();
  let current: { prereqs: string[]; recipe: string[] }[] = [];
  let first: string | undefined;
  for (const line of lines) {
    if (line.startsWith('\t')) {
      for (const r of current) r.recipe.push(line.slice(1));
      continue;
    }
    const trimmed = line.replace(/#.*$/, '').trim();
    if (trimmed === '') continue;
    const assign = /^(?:export\s+|override\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*(?::{1,3}=|\?=|\+=|=|!=)\s*(.*)$/.exec(trimmed);
    if (assign) {
      if (!vars.has(assign[1]!) || !trimmed.includes('?=')) vars.set(assign[1]!, assign[2]!);
      current = [];
      continue;
    }
    const rule = /^([^:=]+?)\s*::?\s*([^=]*)$/.exec(trimmed);
    if (rule) {
      const [prereqPart, inline] = rule[2]!.split(';', 2) as [string, string | undefined];
      current = [];
      for (const t of rule[1]!.split(/\s+/)) {
        if (t === '') continue;
        const r = rules.get(t) ?? { prereqs: [], recipe: [] };
        r.prereqs.push(...prereqPart.split(/\s+/).filter(Boolean));
        if (inline) r.recipe.push(inline);
        rules.set(t, r);
        current.push(r);
        if (first === undefined && !t.startsWith('.') && !t.includes('%')) first = t;
      }
      continue;
    }
    current = [];
  }
  for (const [k, val] of cliVars) vars.set(k, val);
  const wanted = targets.length > 0 ? [...targets] : first ? [first] : [];
  const out: { target: string; text: string }[] = [];
  const done = new Set<string>();
  const stack = wanted.reverse().map((t) => ({ t, expanded: false }));
  while (stack.length > 0 && done.size < 500) {
    const top = stack.pop()!;
    if (done.has(top.t)) continue;
    const r = rules.get(top.t);
    if (!r) { done.add(top.t); continue; }
    if (!top.expanded) {
      stack.push({ t: top.t, expanded: true });
      for (const p of [...r.prereqs].reverse()) if (!done.has(p)) stack.push({ t: p, expanded: false });
      continue;
    }
    done.add(top.t);
    for (const line of r.recipe) {
      const cmd = expandMake(line.replace(/^[\s@+-]+/, ''), vars, top.t);
      if (cmd.trim() !== '') out.push({ target: top.t, text: cmd });
    }
  }
  return out;
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

