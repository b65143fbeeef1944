// The runner-table family: a program in grammars/runners.ts has its options read by its grammar and
// its payload found where its row says (the operands, an option's value, a script file, stdin,
// code). Wrappers peel off; strings go back to the queue; code goes to the interpreters family.
import { globFiles } from '../files.js';
import { getopt, optionIs, valueOf, type Option, type Scan } from '../getopt.js';
import { HOOKED_TOOLS, INTERPRETERS, RUNNERS } from '../grammars/runners.js';
import type { Run, Runner, Subcommand } from '../grammars/types.js';
import { argOf, type Word } from '../words.js';
import type { Scope } from './driver.js';
import { scanCode, scanCodeFile } from './interpreters.js';
import { isSetupSubstitution } from './output.js';
import { runScriptFile, runStdin } from './scripts.js';

const TABLE = new Map<string, Runner>();
for (const r of [...RUNNERS, ...INTERPRETERS, ...HOOKED_TOOLS]) for (const n of r.names) TABLE.set(n, r);

/** Programs in the runner table (for the fast path's names). */
export function runnerNames(): string[] {
  return [...TABLE.keys()];
}

/** Interpreter names with a version suffix (`python3.12`, `perl5.36`) are the interpreter. */
function lookup(name: string): Runner | undefined {
  return TABLE.get(name) ?? TABLE.get(name.replace(/[0-9.]+$/, ''));
}

function applies(run: Run, scan: Scan): boolean {
  if (run.when && !scan.options.some((o) => optionIs(o, run.when!))) return false;
  if (run.unless && scan.options.some((o) => optionIs(o, run.unless!))) return false;
  if (run.minOperands !== undefined && scan.operands.length < run.minOperands) return false;
  if (run.whenOperand) {
    const v = scan.operands[run.whenOperand.index]?.value;
    if (v === undefined || v === null || !run.whenOperand.is.includes(v)) return false;
  }
  return true;
}

/** Pick the subcommand: exact, an alias, or (tmux) a unique prefix. */
function subcommandOf(r: Runner, word: string | null | undefined): [string, Subcommand] | null {
  if (!r.subcommands || word === null || word === undefined) return null;
  const name = r.subcommandAliases?.[word] ?? word;
  const exact = r.subcommands[name];
  if (exact) return [name, exact];
  if (r.abbreviateSubcommands) {
    const fits = Object.keys(r.subcommands).filter((k) => k.startsWith(word));
    if (fits.length === 1) return [fits[0]!, r.subcommands[fits[0]!]!];
  }
  return null;
}

export function runnersFamily(scope: Scope, name: string, args: readonly Word[]): boolean {
  let runner = lookup(name);
  let words = args;
  let label = name;
  // `busybox sh -c …`: the applet is the program.
  if (name === 'busybox' && args[0]?.value) {
    const applet = lookup(args[0].value);
    if (!applet) { scope.continueWith(args, 'busybox'); return true; }
    runner = applet;
    label = `busybox ${args[0].value}`;
    words = args.slice(1);
  }
  if (!runner) return false;
  const values = words.map(argOf);
  const top = getopt(values, runner.options ?? {});
  let scan = top;
  let base = 0;
  let runs = runner.runs;
  const sub = subcommandOf(runner, top.operands[0]?.value);
  if (sub && !runner.runs.some((r) => r.when && applies(r, top))) {
    base = top.operands[0]!.index + 1;
    const own = getopt(values.slice(base), sub[1].options ?? {});
    // The program's own options before the subcommand count for its rows too (`pnpm -c exec …`).
    scan = { ...own, options: [...top.options.filter((o) => o.index < base), ...own.options] };
    runs = sub[1].runs;
    label = `${label} ${sub[0]}`;
  }
  const operandWord = (i: number): Word | undefined => {
    const o = scan.operands[i];
    return o === undefined ? undefined : words[base + o.index];
  };
  let handled = false;
  for (const run of runs) {
    if (!applies(run, scan)) continue;
    const rowLabel = run.label ? (run.label.startsWith('-') ? `${label} ${run.label}` : run.label) : label;
    handled = perform(scope, run, scan, words, base, operandWord, rowLabel, name) || handled;
    if (!run.also) return handled || true;
  }
  return handled;
}

/** Carry out one row. Returns true when the command was read (so no plain emit is needed). */
function perform(scope: Scope, run: Run, scan: Scan, words: readonly Word[], base: number,
  operandWord: (i: number) => Word | undefined, label: string, name: string): boolean {
  if (run.fromStdin) { scope.spliceable = false; scope.argsFromStdin = true; }
  if (run.envShell) {
    if (run.self) scope.emit(scope.argv, name, { scan });
    for (const v of run.envShell) {
      const value = scope.env.get(v);
      if (value === undefined) continue;
      if (value === null) { scope.raise('dynamic-command', `${v} for \`${label}\` is computed at run time`); continue; }
      // LESSOPEN's `|cmd %s`; LESS's `+!cmd` initial commands; plain commands otherwise.
      const text = v === 'LESS' ? (/\+!(.*)$/.exec(value)?.[1] ?? '') : value.replace(/^\|+-?/, '').replace(/%s/g, 'FILE');
      if (text.trim() !== '') scope.nested(text, `${v} (${label})`, { spliceable: false });
    }
    return true;
  }
  if (run.embedded) {
    if (run.self) scope.emit(scope.argv, name, { scan });
    embeddedCommands(scope, words, run.embedded, label);
    return true;
  }
  if (run.self) scope.emit(scope.argv, name, { scan });
  if (run.nothing) {
    if (!run.self) scope.emit(scope.argv, name, { scan });
    return true;
  }
  if (run.argv !== undefined) {
    let start = run.argv;
    if (run.afterDashDash) {
      const dd = scan.operands.findIndex((o) => o.value === '--');
      if (dd >= 0) start = dd + 1;
    }
    if (run.assignments) start = takeAssignments(scope, scan, start, words, base);
    const first = scan.operands[start];
    if (first === undefined) { if (!run.self) scope.emit(scope.argv, name, { scan }); return true; }
    let from = base + first.index;
    if (words[from]?.value === '--') from++;
    const rest = words.slice(from);
    if (rest.length === 0) { if (!run.self) scope.emit(scope.argv, name, { scan }); return true; }
    if (label === 'sudoedit') { scope.emit(scope.argv, 'sudoedit', { scan }); return true; }
    scope.continueWith(rest, label);
    return true;
  }
  if (run.shellOption) {
    for (const o of scan.options.filter((x: Option) => optionIs(x, run.shellOption!))) {
      const v = o.value;
      if (v === undefined) continue;
      if (v === null) { scope.raise('dynamic-command', `\`${label}\` runs a string computed at run time`); continue; }
      if (run.valuePrefix && !v.startsWith(run.valuePrefix)) continue;
      scope.nested(run.valuePrefix ? v.slice(run.valuePrefix.length) : v, label, { spliceable: scope.spliceable && !run.self });
    }
    return true;
  }
  if (run.shellOperand !== undefined) {
    const w = operandWord(run.shellOperand);
    if (w === undefined) {
      // `xargs sh -c`: the string comes from stdin; `bash -c` alone: bash refuses, nothing runs.
      if (scope.argsFromStdin) scope.raise('dynamic-command', `\`${label}\` runs a string read from stdin at run time`);
      return true;
    }
    if (w.value === null) { scope.raise('dynamic-command', `\`${label}\` runs a string computed at run time`); return true; }
    scope.nested(w.value, label);
    return true;
  }
  if (run.shellOperands !== undefined || run.shellEach !== undefined) {
    let start = run.shellOperands ?? run.shellEach!;
    if (run.assignments) start = takeAssignments(scope, scan, start, words, base);
    let ops = scan.operands.slice(start).map((o) => o.value);
    if (run.until) { const cut = ops.findIndex((v) => v !== null && run.until!.includes(v)); if (cut >= 0) ops = ops.slice(0, cut); }
    if (run.keys) ops = ops.filter((v) => v === null || !/^(Enter|C-m|C-j|KPEnter|Space|Tab|Escape|BSpace)$/.test(v));
    if (ops.length === 0) { scope.emit(scope.argv, name, { scan }); return true; }
    if (ops.some((v) => v === null)) {
      const computed = scan.operands.slice(start).filter((o) => o.value === null).map((o) => words[base + o.index]?.text ?? '');
      if (name === 'eval' && computed.every(isSetupSubstitution)) return true;
      scope.raise('dynamic-command', `\`${label}\` runs a string computed at run time`);
      return true;
    }
    let texts = run.shellEach !== undefined ? ops as string[] : [(ops as string[]).join(' ')];
    // concurrently's `npm:name` is `npm run name` (a `*` in the name runs every matching script).
    if (name === 'concurrently' || name === 'npm-run-all' || name === 'run-p' || name === 'run-s') {
      texts = texts.map((t) => t.replace(/^(npm|yarn|pnpm|bun):(.*)$/s, (_m, tool: string, script: string) => `${tool} run '${script.replace(/'/g, '')}'`));
    }
    if (run.prefix) texts = texts.map((t) => run.prefix + t);
    for (const t of texts) scope.nested(t, label, { spliceable: scope.spliceable && texts.length === 1 });
    return true;
  }
  if (run.scriptOrCommandOption) {
    for (const o of scan.options.filter((x) => optionIs(x, run.scriptOrCommandOption!))) {
      if (o.value === undefined) continue;
      if (o.value === null) { scope.raise('dynamic-command', `\`${label} ${o.name}\` runs a program named at run time`); continue; }
      // A path is a script to read; a bare name is that program, run as a command.
      if (o.value.includes('/')) {
        runScriptFile(scope, { value: o.value, tail: null, text: o.value, start: 0, end: 0 }, `${label} ${o.name}=${o.value}`, 'exec');
      } else {
        scope.nested(o.value, `${label} ${o.name}`, { spliceable: false });
      }
    }
    return true;
  }
  if (run.script !== undefined || run.scriptOption) {
    const w = run.script !== undefined ? operandWord(run.script) : undefined;
    const optionValue = run.scriptOption ? valueOf(scan, ...run.scriptOption) : undefined;
    if (run.scriptOption && optionValue === null) { scope.raise('unreadable-script', `the script for \`${label}\` is named at run time`); return true; }
    const file = w ?? (optionValue !== undefined && optionValue !== null ? { value: optionValue, tail: null, text: optionValue, start: 0, end: 0 } : undefined);
    if (!file) return true;
    if (!scope.local) { scope.emit(scope.argv, name, { scan }); return true; }
    runScriptFile(scope, file, `${label} ${file.text}`.trim(), 'shell');
    return true;
  }
  if (run.stdinShell) {
    // On a server, a shell with no script is an interactive session: judged as the shell itself.
    if (!scope.local && scope.stdin === null) { scope.emit(scope.argv, name, { scan }); return true; }
    runStdin(scope, label);
    return true;
  }
  if (run.code) {
    if (!scope.local && !run.self) { scope.emit(scope.argv, name, { scan }); return true; }
    if (run.codePlusOperands) {
      const plus = scan.operands.filter((o) => o.value === null ? (words[base + o.index]?.text ?? '').startsWith('+') : o.value.startsWith('+'));
      if (plus.some((o) => o.value === null)) { scope.raise('interpreter-code', `\`${label} +…\` runs commands computed at run time`); return true; }
      const code = plus.map((o) => o.value!.slice(1)).join('\n');
      if (code !== '') scanCode(scope, run.code, code, `${label} +`);
      return true;
    }
    if (run.codeOption) {
      const values = scan.options.filter((o) => optionIs(o, run.codeOption!)).map((o) => o.value);
      if (values.some((v) => v === null)) { scope.raise('interpreter-code', `\`${label}\` runs code computed at run time`); return true; }
      scanCode(scope, run.code, values.filter((v): v is string => v !== undefined).join('\n'), `${label} ${run.codeOption[0]}`);
      return true;
    }
    if (run.codeOperand !== undefined) {
      const w = operandWord(run.codeOperand);
      if (!w) return true;
      if (w.value === null) { scope.raise('interpreter-code', `\`${label}\` runs code computed at run time`); return true; }
      scanCode(scope, run.code, w.value, label);
      return true;
    }
    if (run.codeFile !== undefined || run.codeFileOption) {
      const w = run.codeFile !== undefined ? operandWord(run.codeFile) : undefined;
      const v = run.codeFileOption ? valueOf(scan, ...run.codeFileOption) : w?.value;
      if (v === undefined) return true;
      // `node --test test/*.test.mjs`: a glob names the files, as the shell will expand it.
      const matched = v === null && w && scope.cwd !== null && /^[^$`"'\\]*[*?][^$`"'\\]*$/.test(w.text)
        ? globFiles(scope.files, scope.cwd, w.text) : null;
      if (matched) {
        for (const file of matched) scanCodeFile(scope, run.code, file, `${label} ${file}`);
        if (!run.self) scope.emit(scope.argv, name, { scan });
        return true;
      }
      scanCodeFile(scope, run.code, v, `${label} ${v ?? w?.text ?? ''}`.trim());
      if (!run.self) scope.emit(scope.argv, name, { scan });
      return true;
    }
    if (run.codeStdin) {
      runStdin(scope, label, run.code);
      return true;
    }
  }
  return false;
}

/** Leading `NAME=value` operands from `start` become the payload's environment; returns the next index. */
function takeAssignments(scope: Scope, scan: Scan, start: number, words: readonly Word[], base: number): number {
  let i = start;
  for (; i < scan.operands.length; i++) {
    const o = scan.operands[i]!;
    // A computed value (`HOME="$HOME"`) is still an assignment: its name is in the word as written.
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(o.value ?? words[base + o.index]?.text ?? '');
    if (!m) break;
    scope.assign(m[1]!, o.value === null ? null : m[2]!);
  }
  return i;
}

/** `find … -exec CMD … ;`: each embedded command is judged on its own (never replaced whole). */
function embeddedCommands(scope: Scope, words: readonly Word[], spec: NonNullable<Run['embedded']>, label: string): void {
  for (let i = 0; i < words.length; i++) {
    const v = words[i]!.value;
    if (v === null || !spec.from.includes(v)) continue;
    let j = i + 1;
    while (j < words.length && !spec.to.includes(words[j]!.value ?? '')) j++;
    if (j > i + 1) scope.sub(words.slice(i + 1, j), `${label} ${v}`);
    i = j;
  }
}
