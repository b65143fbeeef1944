// The runner-table family: a program in grammars/runners.ts has its options read by its grammar and
// its payload found where its row says (the operands, an option's value, a script file, stdin,
// code). Wrappers peel off; strings go back to the queue; code goes to the interpreters family.
import { globFiles } from '../files.js';
import { getopt, optionIs, valueOf, type Option, type Scan } from '../getopt.js';
import { HOOKED_TOOLS, INTERPRETERS, RUNNERS } from '../grammars/runners.js';
import type { Run, Runner, Subcommand } from '../grammars/types.js';
import { resolve } from 'node:path';
import { argOf, quoteWord, type Word } from '../words.js';
import type { Scope } from './driver.js';
import { scanCode, scanCodeFile } from './interpreters.js';
import { isSetupSubstitution, outputOfText, stdinText } from './output.js';
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
  // NODE_OPTIONS are node's options too.
  if (runner.names.includes('node')) {
    const extra = scope.env.get('NODE_OPTIONS');
    if (extra === null) { scope.raise('dynamic-command', 'NODE_OPTIONS is computed at run time'); return true; }
    if (extra) words = [...extra.split(/\s+/).filter(Boolean).map((v) => ({ value: v, tail: null, text: v, start: 0, end: 0 })), ...words];
  }
  const values = words.map(argOf);
  let top = getopt(values, runner.options ?? {});
  // `setarch ARCH -R cmd -d`: options may follow ARCH, but those after the command are the command's.
  const argvRun = runner.runs.find((r) => r.stopAtProgram && r.argv !== undefined);
  if (argvRun) {
    const posix = getopt(values, { ...runner.options, permute: false });
    const lead = posix.operands.slice(0, argvRun.argv!).length;
    const after = lead > 0 ? getopt(values, { ...runner.options, permute: false }, posix.operands[lead - 1]!.index + 1) : posix;
    top = { ...after, options: [...posix.options, ...after.options], operands: [...posix.operands.slice(0, lead), ...after.operands] };
  }
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
  if (runner.names.includes('bash')) startupFiles(scope, label.replace(/^busybox /, ''), scan);
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
  if (run.fromStdin) {
    scope.spliceable = false;
    scope.argsFromStdin = true;
    if (inputLines(scope, run, scan, words, base, name, label)) return true;
  }
  if (run.ghAlias) {
    scope.emit(scope.argv, name, { scan });
    const exp = scan.operands[2]?.value;
    if (exp === undefined) return true;
    if (exp === null) { scope.raise('dynamic-command', '`gh alias set` stores a command computed at run time'); return true; }
    const shell = scan.options.some((o) => optionIs(o, ['--shell'])) || exp.startsWith('!');
    scope.nested(shell ? exp.replace(/^!/, '') : `gh ${exp}`, `gh alias ${scan.operands[1]?.value ?? ''} (runs later)`, { spliceable: false });
    return true;
  }
  if (run.interpreterEvent) {
    scope.raise('interpreter-code', `\`${label}\` ${run.interpreterEvent}, which cannot be read`);
    return true;
  }
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
    if (run.installable) {
      // `nixpkgs#docker` → `docker`, followed by the arguments after `--`.
      const head = rest[0]!;
      const prog = head.value === null ? null : head.value.replace(/^.*[#/]/, '').replace(/\^.*$/, '');
      const dd = rest.findIndex((w) => w.value === '--');
      const tail = dd >= 0 ? rest.slice(dd + 1) : rest.slice(1);
      scope.continueWith([{ ...head, value: prog, tail: prog }, ...tail], label);
      return true;
    }
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
    if (run.dropDashDash) ops = ops.filter((v) => v !== '--');
    let texts0: 'each' | 'one' = run.shellEach !== undefined ? 'each' : 'one';
    if (run.until) {
      const cut = ops.findIndex((v) => v !== null && run.until!.includes(v));
      // `parallel ::: 'cmd a' 'cmd b'`: with no command of its own, each argument is a command.
      if (cut === 0 && name !== 'tmux') { ops = ops.slice(1).filter((v) => v === null || !run.until!.includes(v)); texts0 = 'each'; }
      else if (cut >= 0) ops = ops.slice(0, cut);
    }
    if (run.keys) ops = ops.filter((v) => v === null || !/^(Enter|C-m|C-j|KPEnter|Space|Tab|Escape|BSpace)$/.test(v));
    if (ops.length === 0) { scope.emit(scope.argv, name, { scan }); return true; }
    if (ops.some((v) => v === null)) {
      const computed = scan.operands.slice(start).filter((o) => o.value === null).map((o) => words[base + o.index]?.text ?? '');
      if (name === 'eval' && computed.every(isSetupSubstitution)) return true;
      // `eval "$(echo ls -la)"`: what is evaluated is the static output of the command inside.
      if (name === 'eval' && computed.length === 1 && ops.length === 1) {
        const m = /^"?\$\((.*)\)"?$/s.exec(computed[0]!);
        const out = m ? outputOfText(scope, m[1]!) : null;
        if (out !== null) { scope.nested(out, 'eval $(…)'); return true; }
      }
      scope.raise('dynamic-command', `\`${label}\` runs a string computed at run time`);
      return true;
    }
    let texts = texts0 === 'each' ? ops as string[] : [(ops as string[]).join(' ')];
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
    if (!scope.local && !run.self && !run.codePlusOperands) { scope.emit(scope.argv, name, { scan }); return true; }
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
      const data = [
        ...scan.options.filter((o) => run.dataOptions?.some((d) => optionIs(o, [d])) && typeof o.value === 'string')
          .map((o) => ({ value: (o.value as string).replace(/^[^=]*=/, ''), from: 'option' as const })),
        ...(run.dataOperands !== undefined ? scan.operands.slice(run.dataOperands).map((o) => ({ value: o.value ?? '', from: 'operand' as const })) : []),
      ];
      scanCode(scope, run.code, w.value, label, true, data);
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
    // `BASH_FUNC_ls%%=() { …; }` hands bash a function that runs when `ls` is called: judged now.
    const fn = /^BASH_FUNC_(.+?)(?:%%|\(\))=(.*)$/s.exec(o.value ?? '');
    if (fn) { scope.nested(fn[2]!.replace(/^\s*\(\)\s*/, ''), `exported function ${fn[1]}`, { spliceable: false }); continue; }
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

/**
 * Files a shell reads before its command: $BASH_ENV for a non-interactive bash, $ENV for an
 * interactive POSIX shell, --rcfile/--init-file with -i. Each is sourced, so judged as a script.
 */
function startupFiles(scope: Scope, name: string, scan: Scan): void {
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

/**
 * `xargs`/`parallel` with input that is static (a pipe from echo, a file with -a, a heredoc): the
 * commands they build are read line by line, `{}` (or -I's string) replaced by each line.
 * Returns false when the input cannot be known (the usual reading then applies).
 */
function inputLines(scope: Scope, run: Run, scan: Scan, words: readonly Word[], base: number, name: string, label: string): boolean {
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
  let lines = text.split('\n').filter((l) => l.trim() !== '').slice(0, 200);
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
  if (scan.options.some((o) => optionIs(o, ['-0', '--null']))) lines = text.split('\0').filter((l) => l.trim() !== '').slice(0, 200);
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
