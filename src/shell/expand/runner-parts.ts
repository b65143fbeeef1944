// Pieces of the runner family shared by its payloads: environment assignments, commands embedded
// in arguments (`find -exec`), input lines of xargs and parallel, and a shell's startup files.
import { PATH_TEXT } from '../cwd.js';
import { withRunTime } from './placeholders.js';
import { join, resolve } from 'node:path';
import { optionIs, type Scan } from '../getopt.js';
import type { Run } from '../grammars/types.js';
import { quoteWord, type Word } from '../words.js';
import type { Scope } from './driver.js';
import { stdinText } from './output.js';
import { knownValue } from './known-vars.js';
import type { Row } from './payloads.js';
import { runScriptFile } from './scripts.js';

/** Leading `NAME=value` operands from `start` become the payload's environment; returns the next index. */
export function takeAssignments(scope: Scope, scan: Scan, start: number, words: readonly Word[], base: number): number {
  let i = start;
  for (; i < scan.operands.length; i++) {
    const o = scan.operands[i]!;
    // `BASH_FUNC_ls%%=() { …; }` hands bash a function that runs when `ls` is called: judged now.
    const fn = /^BASH_FUNC_(.+?)(?:%%|\(\))=(.*)$/s.exec(o.value ?? '');
    if (fn) { scope.nested(fn[2]!.replace(/^\s*\(\)\s*/, ''), `exported function ${fn[1]}`, { spliceable: false }); continue; }
    // The word as env gets it: `"$v=…"`, `"$(echo NAME)=…"` with what the text fixed filled in.
    const text = words[base + o.index]?.text ?? '';
    const value = o.value ?? knownValue(scope, text);
    // A computed value (`HOME="$HOME"`) is still an assignment: its name is in the word as written.
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(value ?? text);
    if (!m) {
      // A name computed at run time may be a variable whose value runs later (BASH_ENV, GIT_SSH_COMMAND).
      if (value === null && /^[^=]*[$`][^=]*=/.test(text)) scope.raise('dynamic-command', `\`${text}\` may set, for the command env runs, a variable named at run time`);
      break;
    }
    scope.assign(m[1]!, value === null ? null : m[2]!);
    // `env PATH=$PWD:$PATH CMD`: the text of a computed PATH keeps the directories it names (known-vars.ts).
    if (m[1] === 'PATH') scope.assign(PATH_TEXT, value === null ? m[2]! : null);
  }
  return i;
}


/** `find … -exec CMD … ;`: each embedded command is judged on its own (never replaced whole). */
export function embeddedCommands(scope: Scope, words: readonly Word[], spec: NonNullable<Run['embedded']>, label: string): void {
  for (let i = 0; i < words.length; i++) {
    const v = words[i]!.value;
    if (v === null || !spec.from.includes(v)) continue;
    let j = i + 1;
    while (j < words.length && !spec.to.includes(words[j]!.value ?? '')) j++;
    if (j > i + 1) scope.sub(withRunTime(words.slice(i + 1, j), spec.placeholder ?? null), `${label} ${v}`);
    i = j;
  }
}


/** Input lines xargs/parallel's commands are built from, each read. */
const MAX_INPUT_LINES = 1000;

/**
 * `xargs`/`parallel` with input that is static (a pipe from echo, a file with -a, a heredoc): the
 * commands they build are read line by line, `{}` (or -I's string) replaced by each line.
 * Returns false when the input cannot be known (the usual reading then applies).
 */
export function inputLines(r: Row): boolean {
  const { scope, run, scan, words, base, name, label } = r;
  const argFile = scan.options.find((o) => optionIs(o, ['-a', '--arg-file']));
  let text: string | null = null;
  if (argFile) {
    if (typeof argFile.value !== 'string') return false;
    const r = scope.files.read(resolve(scope.cwd ?? '/', argFile.value));
    text = r.kind === 'text' ? r.text : null;
  } else {
    const s = stdinText(scope, scope.stdin, label);
    text = s.kind === 'text' ? s.text : null;
  }
  if (text === null) return false;
  // With -0 the items are separated by NULs, otherwise by lines.
  const nul = scan.options.some((o) => optionIs(o, ['-0', '--null']));
  const all = text.split(nul ? '\0' : '\n').filter((l) => l.trim() !== '');
  // A limit that runs out says so: the commands built from the lines past it are not read.
  if (all.length > MAX_INPUT_LINES) scope.raise('unreadable-script', `\`${name}\` builds commands from ${all.length} input lines; past ${MAX_INPUT_LINES} they are not read`);
  let lines = all.slice(0, MAX_INPUT_LINES);
  // With no input, xargs still runs its command once (unless -r).
  if (lines.length === 0 && name === 'xargs' && !scan.options.some((o) => optionIs(o, ['-r', '--no-run-if-empty']))) lines = [''];
  const replace = scan.options.find((o) => optionIs(o, ['-I', '-i', '--replace']));
  const token = replace ? (typeof replace.value === 'string' && replace.value !== '' ? replace.value : '{}') : name === 'parallel' || name === 'sem' ? '{}' : null;
  const first = scan.operands[0];
  const cmd = first === undefined ? [] : words.slice(base + first.index);
  const cut = run.until ? cmd.findIndex((w) => w.value !== null && run.until!.includes(w.value)) : -1;
  const words0 = cut >= 0 ? cmd.slice(0, cut) : cmd;
  // With -0 or -d each input item is one argument; otherwise xargs splits it on blanks.
  const whole = scan.options.some((o) => optionIs(o, ['-0', '--null', '-d', '--delimiter'])) || token !== null;
  for (const line of lines) {
    let t: string;
    const arg = whole ? quoteWord(line.replace(/\n$/, '')) : line;
    // `parallel < cmds.txt`: each line is a command; xargs with no command runs echo.
    if (words0.length === 0) t = name === 'xargs' ? `echo ${quoteWord(line)}` : line;
    else if (token !== null && words0.some((w) => (w.value ?? w.text).includes(token))) {
      t = words0.map((w) => (w.value === null ? w.text : quoteWord(w.value.split(token).join(line)))).join(' ');
    } else t = line === '' ? words0.map((w) => w.text).join(' ') : `${words0.map((w) => w.text).join(' ')} ${arg}`;
    scope.nested(t, `${label} (input)`, { spliceable: false });
  }
  return true;
}

/**
 * Files a shell reads before its command: $BASH_ENV for a non-interactive bash, $ENV for an
 * interactive POSIX shell, --rcfile/--init-file with -i. Each is sourced, so judged as a script.
 */
export function startupFiles(scope: Scope, name: string, scan: Scan): void {
  const interactive = scan.options.some((o) => optionIs(o, ['-i', '--interactive']));
  const files: { value: string | null; label: string }[] = [];
  const env = (v: string): void => { if (scope.env.has(v)) files.push({ value: scope.env.get(v) ?? null, label: `$${v}` }); };
  if (name === 'bash' && !interactive) env('BASH_ENV');
  if (interactive) {
    env('ENV');
    for (const o of scan.options) if (optionIs(o, ['--rcfile', '--init-file']) && o.value !== undefined) files.push({ value: o.value, label: o.name });
  }
  for (const f of files) {
    if (f.value === null) { scope.raise('unreadable-script', `${name} sources ${f.label}, named at run time`); continue; }
    const w: Word = { value: f.value, tail: null, text: f.value, start: 0, end: 0 };
    if (scope.local) runScriptFile(scope, w, `${name} ${f.label}=${f.value}`, 'shell');
    else scope.nested(`. ${quoteWord(f.value)}`, `${name} ${f.label}`, { spliceable: false });
  }
}


/** run-parts DIR: each file of the directory it would run is judged as a program run by its path. */
export function scriptsIn(r: Row): boolean {
  const { scope, run, scan, label } = r;
  const dir = scan.operands[run.scriptsIn!];
  if (dir === undefined) return true;
  if (!scope.local) { scope.emit(scope.argv, r.name, { scan }); return true; }
  if (dir.value === null) { scope.raise('unreadable-script', `the directory \`${label}\` runs is named at run time`); return true; }
  if (scope.cwd === null && !dir.value.startsWith('/')) { scope.raise('unreadable-script', `cannot tell which directory \`${dir.value}\` is relative to`); return true; }
  const path = resolve(scope.cwd ?? '/', dir.value);
  const names = scope.files.list ? scope.files.list(path) : undefined;
  if (names === undefined) { scope.raise('unreadable-script', `${label} ${dir.value}: the directory cannot be listed`); return true; }
  // With --regex or --lsbsysinit other names run too: every file is judged.
  const any = scan.options.some((o) => optionIs(o, ['--regex', '--lsbsysinit']));
  const runs = (names ?? []).filter((n) => any || /^[A-Za-z0-9_-]+$/.test(n)).sort();
  if (runs.length > 64) { scope.raise('unreadable-script', `${label} ${dir.value}: more than 64 files to judge`); return true; }
  for (const n of runs) {
    const file = join(path, n);
    runScriptFile(scope, { value: file, tail: null, text: file, start: 0, end: 0 }, `${label} ${join(dir.value, n)}`, 'exec');
  }
  return true;
}

/** The words with `pattern`'s leading match cut off the first (`prod:pytest` → `pytest`). */
export function headPrefix(rest: readonly Word[], pattern: string | undefined): readonly Word[] {
  const head = rest[0];
  if (pattern === undefined || head?.value === null || head === undefined) return rest;
  const cut = head.value.replace(new RegExp(`^(?:${pattern})`), '');
  return cut === head.value || cut === '' ? rest : [{ ...head, value: cut, tail: cut, text: cut }, ...rest.slice(1)];
}
