// The runner-table family: a program in grammars/runners.ts has its options read by its grammar and
// its payload found where its row says (the operands, an option's value, a script file, stdin,
// code). Wrappers peel off; strings go back to the queue; code goes to the interpreters family.
import { getopt, optionIs, type Scan } from '../getopt.js';
import { HOOKED_TOOLS, INTERPRETERS, PYTHON_MODULES } from '../grammars/interpreters.js';
import { RUNNERS } from '../grammars/runners.js';
import { MULTICALL, MULTICALL_PREFIX } from '../grammars/wrapper-runners.js';
import type { Run, Runner, Subcommand } from '../grammars/types.js';
import { argOf, type Word } from '../words.js';
import { fixedSubstitution } from './fixed-substitutions.js';
import type { Scope } from './driver.js';
import { perform } from './payloads.js';
import { WRITES } from '../grammars/writes.js';
import { ENV_FILE_OPTIONS, PROGRAM_OPTIONS_ENV } from '../grammars/env.js';
import { resolve } from 'node:path';
import { writtenPaths } from './written-paths.js';
import { startupFiles } from './runner-parts.js';
import { moduleProgram } from './modules.js';

const TABLE = new Map<string, Runner>();
for (const r of [...RUNNERS, ...INTERPRETERS, ...HOOKED_TOOLS]) for (const n of r.names) TABLE.set(n, r);
/** `python -m NAME`'s rows, under a program name no one can type (expand/modules.ts). */
const MODULES = new Map(PYTHON_MODULES.flatMap((r) => r.names.map((n) => [moduleProgram(n), r] as const)));

/** Programs in the runner table (for the fast path's names). */
export function runnerNames(): string[] {
  return [...TABLE.keys()];
}

/** Interpreter names with a version suffix (`python3.12`, `perl5.36`) are the interpreter. */
function lookup(name: string): Runner | undefined {
  return TABLE.get(name) ?? TABLE.get(name.replace(/[0-9.]+$/, '')) ?? MODULES.get(name);
}

function applies(run: Run, scan: Scan): boolean {
  if (run.when && !scan.options.some((o) => optionIs(o, run.when!))) return false;
  if (run.unless && scan.options.some((o) => optionIs(o, run.unless!))) return false;
  if (run.minOperands !== undefined && scan.operands.length < run.minOperands) return false;
  if (run.whenValue) {
    const re = new RegExp(run.whenValue.pattern, 'i');
    if (!scan.options.some((o) => optionIs(o, run.whenValue!.options) && (o.value === null || re.test(o.value ?? '')))) return false;
  }
  if (run.whenOperandMatches) {
    const v = scan.operands[run.whenOperandMatches.index]?.value;
    if (typeof v !== 'string' || !new RegExp(run.whenOperandMatches.pattern).test(v)) return false;
  }
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
  const argv = scope.argv;
  const mark = scope.run0.out.length;
  const read = readRunner(scope, name, args);
  // A runner that also writes files of its own (`perl -pi -e … FILE`, `time -o FILE`) is judged for those
  // writes, here and on a server (where it is then no look: `ssh HOST /usr/bin/time -o FILE ls`).
  if (read && WRITES[name] && !scope.run0.out.slice(mark).some((i) => i.argv === argv)) {
    if (writtenPaths(name, argv, [], scope.cwd, undefined).length > 0) scope.emit(argv, name);
  }
  return read;
}

function readRunner(scope: Scope, name: string, args: readonly Word[]): boolean {
  let runner = lookup(name);
  let words = args;
  let label = name;
  // `busybox sh -c …`, `toybox env …`: the applet is the program.
  if (MULTICALL.includes(name) && args[0]?.value) {
    const applet = lookup(args[0].value);
    if (!applet) { scope.continueWith(args, name); return true; }
    runner = applet;
    label = `${name} ${args[0].value}`;
    words = args.slice(1);
  }
  if (!runner) return false;
  // NODE_OPTIONS, PERL5OPT, RUBYOPT: options the program reads from the environment before its own.
  const envName = runner.names.map((n) => PROGRAM_OPTIONS_ENV[n]).find((v) => v !== undefined);
  if (envName !== undefined) {
    const extra = scope.env.get(envName);
    if (extra === null) { scope.raise('dynamic-command', `${envName} is computed at run time`); return true; }
    const fromFiles = envFileOptions(scope, runner, words, envName);
    if (fromFiles === null) return true;
    const more = [...(extra ?? '').split(/\s+/), ...fromFiles].filter(Boolean);
    if (more.length > 0) words = [...more.map((v) => ({ value: v, tail: null, text: v, start: 0, end: 0 })), ...words];
  }
  // `python3 -c "$(cat <<'EOF' … EOF)"`: the heredoc's text is the code.
  words = words.map((w) => fixedSubstitution(scope, w));
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
  if (runner.names.includes('bash')) startupFiles(scope, label.replace(MULTICALL_PREFIX, ''), scan);
  let handled = false;
  for (const run of runs) {
    if (!applies(run, scan)) continue;
    const rowLabel = run.label ? (run.label.startsWith('-') ? `${label} ${run.label}` : run.label) : label;
    handled = perform({ scope, run, scan, words, base, label: rowLabel, name }) || handled;
    if (!run.also) return handled || true;
  }
  return handled;
}


/** The options variable's words in the dotenv files the command line names (`node --env-file=.env`); null when one cannot be read (said why). */
function envFileOptions(scope: Scope, runner: Runner, words: readonly Word[], envName: string): string[] | null {
  const opts = runner.names.map((n) => ENV_FILE_OPTIONS[n]).find((v) => v !== undefined);
  if (opts === undefined || !scope.local) return [];
  const out: string[] = [];
  for (const o of getopt(words.map(argOf), runner.options ?? {}).options) {
    if (!optionIs(o, opts) || o.value === undefined) continue;
    if (o.value === null || scope.cwd === null) { scope.raise('unreadable-script', `\`${o.name}\` names a file computed at run time`); return null; }
    const r = scope.files.read(resolve(scope.cwd, o.value));
    if (r.kind === 'missing') continue;
    if (r.kind !== 'text') { scope.raise('unreadable-script', `${o.value}: ${r.kind === 'unreadable' ? r.why : 'not text'}`); return null; }
    for (const m of r.text.matchAll(new RegExp(`^\\s*(?:export\\s+)?${envName}\\s*=\\s*(.*)$`, 'gm'))) {
      out.push(...m[1]!.trim().replace(/^(["'])(.*)\1$/s, '$2').split(/\s+/));
    }
  }
  return out;
}
