// The payloads of runner-table rows (grammars/types.ts `Run`): one function per kind of payload,
// picked by what the row declares. Each returns true when it has read the command.
import { colonArgs, replaceToken, runTimeRow } from './placeholders.js';
import { globFiles } from '../files.js';
import { optionIs, valueOf, valuesOf, type Option, type Scan } from '../getopt.js';
import type { CodeLanguage, Run } from '../grammars/types.js';
import { includeOption, loadModules, moduleFile, moduleOptionCode, moduleOptionDirs, moduleRunner } from './modules.js';
import { tests } from './tests.js';
import type { Word } from '../words.js';
import type { Scope } from './driver.js';
import { scanCode, scanCodeFile } from './interpreters.js';
import { isSetupSubstitution, outputOfText, stdinText } from './output.js';
import { resolve } from 'node:path';
import { guardEntry } from './guard-entry.js';
import { ghAliasStores } from './cli-aliases.js';
import { embeddedCommands, headPrefix, inputLines, scriptsIn, takeAssignments } from './runner-parts.js';
import { runScriptFile, runStdin } from './scripts.js';
import { envCode, envShell } from './env-payloads.js';
import { asScripts, continueIn, movedTo, programOption, programsIn, scriptUp, sshSession, wholeLine } from './program-payloads.js';
import { optionCode } from './code-options.js';
import { asBash, blocksOf, runsPython } from './dialects.js';

/** One row being carried out for one command. */
export interface Row {
  readonly scope: Scope;
  readonly run: Run;
  readonly scan: Scan;
  readonly words: readonly Word[];
  /** Index in `words` where the scanned arguments start (after a subcommand). */
  readonly base: number;
  readonly label: string;
  readonly name: string;
}

const operandWord = (r: Row, i: number): Word | undefined => {
  const o = r.scan.operands[i];
  return o === undefined ? undefined : r.words[r.base + o.index];
};
const emitSelf = (r: Row): void => r.scope.emit(r.scope.argv, r.name, { scan: r.scan });

function ghAlias(r: Row): boolean {
  emitSelf(r);
  ghAliasStores(r.scope, r.scan);
  return true;
}

function interpreterEvent(r: Row): boolean {
  const { scope, run, label } = r;
  scope.raise('interpreter-code', `\`${label}\` ${run.interpreterEvent}, which cannot be read`);
  return true;
}

function embedded(r: Row): boolean {
  const { scope, run, words, label } = r;
  if (run.self) emitSelf(r);
  embeddedCommands(scope, words, run.embedded!, label);
  return true;
}

function nothing(r: Row): boolean {
  const { run } = r;
  if (!run.self) emitSelf(r);
  return true;
}

function argv(r: Row): boolean {
  const { scope, run, scan, words, base, label } = r;
  if (run.programOption) return programOption(r);
  let start = run.argv!;
  if (run.afterDashDash) {
    const dd = scan.operands.findIndex((o) => o.value === '--');
    // A `--` the grammar read as the end of the options (one that permutes) is no operand: the command starts after it.
    const after = scan.endOfOptions >= 0 ? scan.operands.findIndex((o) => o.index >= scan.endOfOptions) : -1;
    if (dd >= 0) start = dd + 1;
    else if (scan.endOfOptions >= 0) start = after >= 0 ? after : scan.operands.length;
  }
  if (run.assignments) start = takeAssignments(scope, scan, start, words, base);
  const first = scan.operands[start];
  if (first === undefined) { if (!run.self) emitSelf(r); return true; }
  let from = base + first.index;
  if (words[from]?.value === '--') from++;
  const rest = headPrefix(words.slice(from), run.headPrefix);
  if (rest.length === 0) { if (!run.self) emitSelf(r); return true; }
  if (run.program !== undefined) { scope.continueWith([{ value: run.program, tail: run.program, text: run.program, start: 0, end: 0 }, ...rest], label); return true; }
  if (label === 'sudoedit') { scope.emit(scope.argv, 'sudoedit', { scan }); return true; }
  if (run.installable) {
    // `nixpkgs#docker` → `docker`, `pnpm@9.1` → `pnpm`, followed by the arguments after `--`.
    const head = rest[0]!;
    const prog = head.value === null ? null : head.value.replace(/^(?:npm|jsr):/, '').replace(/^.*[#/]/, '').replace(/\^.*$/, '').replace(/(?<=.)@[^@]*$/, '');
    const dd = rest.findIndex((w) => w.value === '--');
    const tail = dd >= 0 ? rest.slice(dd + 1) : rest.slice(1);
    scope.continueWith([{ ...head, value: prog, tail: prog }, ...tail], label);
    return true;
  }
  if (run.commandRow !== undefined) {
    const sub = rest[0]!.value;
    if (sub === null) { scope.raise('dynamic-command', `\`${label}\` runs a command of its own named at run time`); return true; }
    const program = `${run.commandRow} ${sub}`;
    scope.continueWith([{ ...rest[0]!, value: program, tail: program, text: program }, ...rest.slice(1)], `${label} ${sub}`);
    return true;
  }
  if (run.snapApp && rest[0]!.value !== null && /^[\w-]+\.[\w-]+$/.test(rest[0]!.value)) {
    const [snap, app] = rest[0]!.value.split('.') as [string, string];
    scope.continueWith([{ ...rest[0]!, value: snap, tail: snap, text: snap }, { ...rest[0]!, value: app, tail: app, text: app }, ...rest.slice(1)], label);
    return true;
  }
  // `npx node@20 x.js`: the package's version is not part of the program's name.
  const head = rest[0]!;
  const bare = run.versioned && head.value !== null ? head.value.replace(/(?<=[^/@].*)@[^@/]*$/, '') : head.value;
  continueIn(r, bare === head.value ? rest : [{ ...head, value: bare, tail: bare }, ...rest.slice(1)]);
  return true;
}

function sshLine(r: Row): boolean {
  const { scope, run, words, base, label } = r;
  scope.continueWith([{ value: 'ssh', tail: 'ssh', text: 'ssh', start: 0, end: 0 }, ...words.slice(base + run.sshLine!)], label);
  return true;
}

function shellOption(r: Row): boolean {
  const { scope, run, scan, label } = r;
  for (const o of scan.options.filter((x: Option) => optionIs(x, run.shellOption!))) {
    const v = o.value;
    if (v === undefined) continue;
    if (v === null) { scope.raise('dynamic-command', `\`${label}\` runs a string computed at run time`); continue; }
    const keyed = run.valueKey ? new RegExp(`^(?:${run.valueKey})=(.*)$`, 'is').exec(v)?.[1] : v;
    if (keyed === undefined) continue;
    if (run.valuePrefix && !keyed.startsWith(run.valuePrefix)) continue;
    const raw = run.valuePrefix ? keyed.slice(run.valuePrefix.length) : keyed, text = run.valueSplit ? raw.split(run.valueSplit).map((w) => `'${w.replace(/'/g, "'\\''")}'`).join(' ') : raw;
    for (const t of asScripts(run, [(run.prefix ?? '') + asBash(r.name, text)])) scope.nested(t, label, { spliceable: scope.spliceable && !run.self && !run.prefix && !run.scriptNames });
    for (const body of blocksOf(r.name, text)) scope.nested(asBash(r.name, body), label, { spliceable: false });
  }
  return true;
}

function shellOperand(r: Row): boolean {
  const { scope, run, label } = r;
  const w = operandWord(r, run.shellOperand!);
  if (w === undefined) {
    // `xargs sh -c`: the string comes from stdin; `bash -c` alone: bash refuses, nothing runs.
    if (scope.argsFromStdin) scope.raise('dynamic-command', `\`${label}\` runs a string read from stdin at run time`);
    return true;
  }
  if (w.value === null) { scope.raise('dynamic-command', `\`${label}\` runs a string computed at run time`); return true; }
  scope.nested(asBash(r.name, w.value), label);
  for (const body of blocksOf(r.name, w.value)) scope.nested(asBash(r.name, body), label, { spliceable: false });
  if (runsPython(r.name)) scanCode(scope, 'python', w.value, label);
  return true;
}

function shellOperands(r: Row): boolean {
  const { scope, run, scan, words, base, label, name } = r;
  let start = run.shellOperands ?? run.shellEach!;
  if (run.assignments) start = takeAssignments(scope, scan, start, words, base);
  const after = run.onlyAfterDashDash ? scan.endOfOptions : -1;
  let ops = scan.operands.slice(start).filter((o) => after >= 0 ? o.index >= after : !run.onlyAfterDashDash).map((o) => o.value);
  if (run.dropDashDash) ops = ops.filter((v) => v !== '--');
  let texts0: 'each' | 'one' = run.shellEach !== undefined ? 'each' : 'one';
  if (run.until) {
    const cut = ops.findIndex((v) => v !== null && run.until!.includes(v));
    // `parallel ::: 'cmd a' 'cmd b'`: with no command of its own, each argument is a command.
    if (cut === 0 && name !== 'tmux') {
      const files = ops[0] === '::::' || ops[0] === '::::+';
      ops = ops.slice(1).filter((v) => v === null || !run.until!.includes(v));
      texts0 = 'each';
      // `parallel :::: FILE`: each line of the file is a command.
      if (files) { const lines = argFileLines(scope, ops, label); if (lines === null) return true; ops = lines; }
    }
    else if (cut > 0 && colonArgs(r, start, cut, run.until)) return true;
    else if (cut >= 0) ops = ops.slice(0, cut);
  }
  if (run.keys) ops = ops.filter((v) => v === null || !/^(Enter|C-m|C-j|KPEnter|Space|Tab|Escape|BSpace)$/.test(v));
  if (ops.length === 0) { emitSelf(r); return true; }
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
  if (run.operandPattern) {
    const re = new RegExp(run.operandPattern, 'is');
    texts = texts.flatMap((t) => { const m = re.exec(t); return m?.[1] !== undefined ? [m[1]] : []; });
    if (texts.length === 0) { emitSelf(r); return true; }
  }
  if (run.prefix) texts = texts.map((t) => run.prefix + t);
  texts = asScripts(run, texts);
  const dir = movedTo(r);
  for (const t of texts) scope.nested(t, label, dir === undefined ? { spliceable: scope.spliceable && texts.length === 1 } : { spliceable: false, cwd: dir });
  return true;
}

/** The lines of argument files (null, and said, when one cannot be read or is named at run time). */
function argFileLines(scope: Scope, files: readonly (string | null)[], label: string): string[] | null {
  const out: string[] = [];
  for (const f of files) {
    if (f === null) { scope.raise('unreadable-script', `\`${label}\` reads commands from a file named at run time`); return null; }
    if (f === '-' || f === '/dev/stdin') {
      const s = stdinText(scope, scope.stdin, label);
      if (s.kind === 'unknown') { scope.raise('unreadable-script', s.why); return null; }
      if (s.kind === 'text') out.push(...s.text.split('\n'));
      continue;
    }
    const r = scope.files.read(resolve(scope.cwd ?? '/', f));
    if (r.kind === 'missing') continue;
    if (r.kind !== 'text') { scope.raise('unreadable-script', `${label}: ${f} cannot be read`); return null; }
    out.push(...r.text.split('\n'));
  }
  return out.filter((l) => l.trim() !== '');
}

function scriptOrCommandOption(r: Row): boolean {
  const { scope, run, scan, label } = r;
  for (const o of scan.options.filter((x) => optionIs(x, run.scriptOrCommandOption!))) {
    if (o.value === undefined) continue;
    if (o.value === null) { scope.raise('dynamic-command', `\`${label} ${o.name}\` runs a program named at run time`); continue; }
    // A path is a script to read; a bare name is that program, run as a command.
    // (A managed program named by its path is that program: `-vettool=/usr/bin/docker`.)
    if (o.value.includes('/') && !scope.run0.options.mentions(o.value.slice(o.value.lastIndexOf('/') + 1))) {
      runScriptFile(scope, { value: o.value, tail: null, text: o.value, start: 0, end: 0 }, `${label} ${o.name}=${o.value}`, 'exec');
    } else {
      scope.nested(o.value, `${label} ${o.name}`, { spliceable: false });
    }
  }
  return true;
}

function script(r: Row): boolean {
  const { scope, run, scan, label } = r;
  const w = run.script !== undefined ? operandWord(r, run.script) : undefined;
  const optionValue = run.scriptOption ? valueOf(scan, ...run.scriptOption) : undefined;
  if (run.scriptOption && optionValue === null) { scope.raise('unreadable-script', `the script for \`${label}\` is named at run time`); return true; }
  const file = w ?? (optionValue !== undefined && optionValue !== null ? { value: optionValue, tail: null, text: optionValue, start: 0, end: 0 } : undefined);
  if (!file) return true;
  if (!scope.local) { emitSelf(r); return true; }
  runScriptFile(scope, file, `${label} ${file.text}`.trim(), 'shell');
  return true;
}

function stdinShell(r: Row): boolean {
  const { scope, label } = r;
  // On a server, a shell with no script is an interactive session: judged as the shell itself.
  if (!scope.local && scope.stdin === null) { emitSelf(r); return true; }
  runStdin(scope, label);
  return true;
}

function code(r: Row): boolean {
  const { scope, run, scan, words, base, label } = r;
  const lang = run.code!;
  if (!scope.local && !run.self && !run.codePlusOperands) { emitSelf(r); return true; }
  if (run.codePlusOperands) {
    const plus = scan.operands.filter((o) => o.value === null ? (words[base + o.index]?.text ?? '').startsWith('+') : o.value.startsWith('+'));
    if (plus.some((o) => o.value === null)) { scope.raise('interpreter-code', `\`${label} +…\` runs commands computed at run time`); return true; }
    const code = plus.map((o) => o.value!.slice(1)).join('\n');
    if (code !== '') scanCode(scope, lang, code, `${label} +`, true, dataOf(r));
    return true;
  }
  if (run.codeOption) {
    const text = optionCode(run, scan);
    if (text === 'stdin') { runStdin(scope, label, lang); return true; }
    if (text === null) { scope.raise('interpreter-code', `\`${label}\` runs code computed at run time`); return true; }
    scanCode(scope, lang, text, `${label} ${run.codeOption[0]}`, true, dataOf(r), { include: includeDirs(scan, lang) });
    return true;
  }
  if (run.codeOperands !== undefined) {
    const ops = scan.operands.slice(run.codeOperands);
    if (ops.some((o) => o.value === null)) { scope.raise('interpreter-code', `\`${label}\` runs code computed at run time`); return true; }
    if (ops.length > 0) scanCode(scope, lang, ops.map((o) => o.value).join('\n'), label, true, [], { include: includeDirs(scan, lang) });
    if (!run.self) emitSelf(r);
    return true;
  }
  if (run.codeOperand !== undefined) {
    const w = operandWord(r, run.codeOperand);
    if (!w) return true;
    if (w.value === null) { scope.raise('interpreter-code', `\`${label}\` runs code computed at run time`); return true; }
    scanCode(scope, lang, w.value, label, true, dataOf(r), { include: includeDirs(scan, lang) });
    return true;
  }
  // Each file given to a repeatable option runs (`pandoc -L a.lua -L b.lua`, `vim -S a -S b`), as each operand of `codeFiles` does (`dex a.desktop`).
  const each = run.codeFiles !== undefined;
  const files = each ? operandFiles(r, run.codeFiles!) : run.codeFileOption ? scan.options.filter((o) => optionIs(o, run.codeFileOption!) && o.value !== undefined).map((o) => o.value ?? null) : [];
  for (const f of files.length > 1 || each ? files : []) scanCodeFile(scope, lang, f, `${label} ${f ?? ''}`.trim());
  if (files.length > 1 || each) { if (!run.self) emitSelf(r); return true; }
  if (run.codeFile !== undefined || run.codeFileOption) {
    const w = run.codeFile !== undefined ? operandWord(r, run.codeFile) : undefined;
    const v = run.codeFileOption ? valueOf(scan, ...run.codeFileOption) : w?.value;
    if (v === undefined) return true;
    // `node …/gitops-guard.cjs trust`: the guard's own executable is judged as the program it is.
    if (w && typeof v === 'string' && guardEntry(scope, v)) {
      const at = words.indexOf(w);
      scope.continueWith([{ ...w, value: 'gitops-guard', tail: 'gitops-guard' }, ...words.slice(at + 1)], label);
      return true;
    }
    // `node --test test/*.test.mjs`: a glob names the files, as the shell will expand it.
    const matched = v === null && w && scope.cwd !== null && /^[^$`"'\\]*[*?][^$`"'\\]*$/.test(w.text)
      ? globFiles(scope.files, scope.cwd, w.text) : null;
    if (matched) {
      for (const file of matched) scanCodeFile(scope, lang, file, `${label} ${file}`);
      if (!run.self) emitSelf(r);
      return true;
    }
    scanCodeFile(scope, lang, v, `${label} ${v ?? w?.text ?? ''}`.trim());
    if (!run.self) emitSelf(r);
    return true;
  }
  if (run.codeStdin) {
    runStdin(scope, label, lang);
    return true;
  }
  return false;
}

/** The operands from `from` on (with operandPattern, those matching it, its first group; a computed one where its text does). */
function operandFiles(r: Row, from: number): (string | null)[] {
  const re = r.run.operandPattern ? new RegExp(r.run.operandPattern, 's') : null;
  return r.scan.operands.slice(from).flatMap((o) => o.value === null ? (re === null || re.test(r.words[r.base + o.index]?.text ?? '') ? [null] : [])
    : re === null ? [o.value] : re.exec(o.value)?.slice(1, 2) ?? []);
}

/** Values the code is given to work on (awk's -v and ARGV, a script's arguments): it may run them. */
function dataOf(r: Row): { value: string; from: 'option' | 'operand' }[] {
  const { run, scan } = r;
  return [
    ...scan.options.filter((o) => run.dataOptions?.some((d) => optionIs(o, [d])) && typeof o.value === 'string')
      .map((o) => ({ value: (o.value as string).replace(/^[^=]*=/, ''), from: 'option' as const })),
    ...(run.dataOperands !== undefined ? scan.operands.slice(run.dataOperands).map((o) => ({ value: o.value ?? '', from: 'operand' as const })) : []),
  ];
}

/** The search directories the command line adds (`perl -I DIR`, `ruby -I DIR`). */
function includeDirs(scan: Scan, lang: CodeLanguage): string[] {
  const opt = includeOption(lang);
  return opt === undefined ? [] : [...valuesOf(scan, opt).filter((v): v is string => v !== null), ...moduleOptionDirs(lang, scan)];
}

/** `python -m NAME`, `perl -MName`, `ruby -r NAME`: a module of the project, found where the language looks, is scanned as code. */
function modules(r: Row): boolean {
  const { scope, run, scan, words, base, label } = r;
  const lang = run.code!;
  const include = includeDirs(scan, lang);
  if (run.moduleOperands !== undefined) {
    loadModules(scope, lang, scan.operands.slice(run.moduleOperands).map((o) => o.value), include, label);
    emitSelf(r);
    return true;
  }
  for (const o of scan.options.filter((x) => optionIs(x, run.moduleOption ?? []))) {
    if (o.value === undefined) continue;
    if (o.value === null) { scope.raise('interpreter-code', `\`${label} ${o.name}\` loads a module named at run time`); continue; }
    const use = moduleOptionCode(lang, o.value); if (use !== null) scanCode(scope, lang, use, `${label} ${o.name}`);
    const name = o.value.replace(/=.*$/s, '').replace(/^-/, '');
    const file = scope.local ? moduleFile(scope, lang, name, scope.cwd, include) : null;
    if (file !== null) scanCodeFile(scope, lang, file, `${label} ${o.name} ${name}`);
    // `python -m cProfile FILE`: a module that runs what its arguments name, read as a runner of its own.
    else if (lang === 'python' && moduleRunner(scope, name, words.slice(base + o.index + (words[base + o.index]!.text.length >= name.length + 2 ? 1 : 2)), `${label} -m ${name}`)) return true;
  }
  if (!run.also) emitSelf(r);
  return true;
}

/** The kinds of payload, tried in order: the first whose field the row has carries it out. */
const PAYLOADS: readonly [(run: Run) => unknown, (r: Row) => boolean][] = [
  [(x) => x.ghAlias, ghAlias], [(x) => x.interpreterEvent, interpreterEvent], [(x) => x.envShell, envShell],
  [(x) => x.envCode || x.envCodeFile, envCode], [(x) => x.embedded, embedded], [(x) => x.nothing, nothing], [(x) => x.argv !== undefined, argv], [(x) => x.sshLine !== undefined, sshLine],
  [(x) => x.sshSession, sshSession], [(x) => x.program !== undefined && x.argv === undefined, wholeLine],
  [(x) => x.shellOption, shellOption], [(x) => x.shellOperand !== undefined, shellOperand],
  [(x) => x.shellOperands !== undefined || x.shellEach !== undefined, shellOperands],
  [(x) => x.scriptOrCommandOption, scriptOrCommandOption], [(x) => x.script !== undefined || x.scriptOption, script], [(x) => x.scriptsIn !== undefined, scriptsIn], [(x) => x.scriptUp, scriptUp], [(x) => x.programsIn, programsIn],
  [(x) => x.stdinShell, stdinShell], [(x) => x.moduleOption || x.moduleOperands !== undefined, modules], [(x) => x.tests, tests], [(x) => x.code, code],
];

/** Rows that emit the program themselves (or never do). */
const OWN_EMIT = (x: Run): boolean => !!(x.ghAlias || x.interpreterEvent || x.envShell || x.envCode || x.envCodeFile || x.embedded);

/** Carry out one row. Returns true when the command was read (so no plain emit is needed). */
export function perform(row: Row): boolean {
  let r = row;
  const { scope, run } = r;
  if (run.fromStdin) {
    scope.spliceable = false;
    scope.argsFromStdin = true;
    if (inputLines(r)) return true;
    const built = runTimeRow(r);
    if (built === r && replaceToken(r.scan, r.name) === null) scope.argsAppended = true;
    r = built;
  }
  if (run.self && !OWN_EMIT(run)) emitSelf(r);
  const hit = PAYLOADS.find(([has]) => has(run));
  return hit ? hit[1](r) : false;
}
