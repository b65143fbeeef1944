// The interpreters family: code given to python, node, ruby, perl, awk, sed, vim, gdb, expect, cron
// and the rest is read for the commands it starts. Inline code (`-c`, `-e`): every string literal
// that mentions a managed program is read as shell. A code file: only literals inside calls that
// start processes, so the messages and data of a large program are not taken for commands.
import { lftpScript } from './lftp.js';
import { isAbsolute, join, resolve } from 'node:path';
import type { CodeLanguage } from '../grammars/types.js';
import { MAX_INPUT_BYTES } from '../parse.js';
import { kubeVerbs, reachesEngine } from './code-apis.js';
import { basename } from '../words.js';
import type { Scope } from './driver.js';
import { runStdin } from './scripts.js';
import { stdinText } from './output.js';
import { cannotHideManaged } from '../fastpath.js';
import { codeBase, fileImports, loadsModules, moduleFile, modulesIn } from './modules.js';
import { stringsIn, withoutPrinted } from './code-literals.js';
import { SPAWNS, spawnCalls, startsProcess, withoutFileOpens } from './spawn-calls.js';
import { codeWrites } from './code-writes.js';
import { noteWrite } from './writes.js';
import { namedRuns } from './code-names.js';
import { scanPowerShell } from './powershell.js';
import { abs } from './written-paths.js';
import { exCalls, exScript, type CodeReaders } from './ex-commands.js';
import { VimBuffer } from './vim-buffer.js';
import { handOffs } from './hand-offs.js';
import { COMMAND_VERBS } from '../grammars/command-languages.js';
import { sqliteScript } from './sqlite.js';
import { PROGRAM_OBJECT, loadsProgramLibrary, runsProgramObject } from './program-objects.js';
import { COMMAND_FILES } from './command-files.js';
import { SCRIPT_WRITES } from './script-writes.js';
import { KNOWN_PROGRAM_VARIABLES, LINE_STARTS, LINE_VERBS } from '../grammars/line-verbs.js';

/** Calls that open a file, and start a process only when given `|cmd` (Python's and Ruby's open, Ruby's IO.read). */
const PIPE_OPENS = /^(?:open|IO\.\w+)$/;

/** Ways of building a string at run time. */
const BUILDS_STRINGS = /"\s+"|"\s*\.\s*"|["'][^"'\n]*\$[A-Za-z_{(][^"'\n]*["']|\+|\bf["']|%[sdr]|\.join\(|\$\{|#\{|\.format\(|concat|\.\.|\[::-1\]|chr\(|fromCharCode|\\x|\\u|base64|decode|atob|Buffer\.from|pack\(|reverse|replace|upper\(|lower\(|toUpperCase|toLowerCase|capitalize|swapcase|uc\(|lc\(/;

/** Calls that look a function up by its name (Python's getattr and module dicts, JavaScript's Reflect). */
const LOOKS_UP = /\bgetattr\s*\(|__dict__\s*\[|\b(?:globals|locals|vars)\s*\([^)]*\)\s*\[|\bmethodcaller\s*\(|\bReflect\.(?:get|apply)\s*\(|\b(?:globalThis|process|module|require\([^)]*\))\s*\[/;

/**
 * Ways code runs code it is given as data (`eval`, `__import__`, `pickle.loads`, a PHP variable
 * function `$f(…)`): what such code starts is not in its process-starting calls.
 */
const EVALUATES = /\b(?:eval|compile|execfile|__import__|import_module|runpy|pickle|marshal|dill|ctypes|cffi|instance_eval|class_eval|module_eval|send|public_send|call_user_func(?:_array)?|create_function)\b|\bnew\s+Function\b|\bvm\.run|(?<![\w>$])\$[A-Za-z_]\w*\s*\(|&\$\w+|\$\w+->\s*\(/;

/** Where code comes from: a file's version (for memos) and path (its imports are relative to it), and the command line's search directories. */
export interface CodeSource {
  readonly stamp?: string;
  readonly from?: string;
  readonly include?: readonly string[];
  /** How many imports away from the file run: a file's own imports are followed to IMPORT_DEPTH (modules.ts). */
  readonly depth?: number;
}

/** Configuration languages whose lines are commands of the program itself (tmux.conf, screenrc). */
const OWN_COMMAND_LINES: Partial<Record<CodeLanguage, string>> = { tmux: 'tmux', screen: 'screen' };

export function scanCode(scope: Scope, lang: CodeLanguage, code: string, label: string, inline = true,
  data: readonly { value: string; from: 'option' | 'operand' }[] = [], where: CodeSource = {}): void {
  // IPython: `!cmd` lines (and %system, %sx, %%bash cells) run in the shell, the rest is Python.
  if (lang === 'ipython') {
    const { shell, python } = ipythonLines(code);
    for (const line of shell) scope.nested(line, `${label} !`, { spliceable: false });
    scanCode(scope, 'python', python, label, inline, data, where);
    return;
  }
  // ghci: `:! CMD` lines (and `:!` after `ghc -e`) run in the shell; the rest is Haskell.
  if (lang === 'ghci') {
    const shell: string[] = [];
    const rest = code.split('\n').filter((line) => { const m = /^\s*:!\s*(.*)$/.exec(line); if (m) shell.push(m[1]!); return !m; });
    for (const line of shell) if (line.trim() !== '') scope.nested(line, `${label} :!`, { spliceable: false });
    scanCode(scope, 'code', rest.join('\n'), label, inline, data, where);
    return;
  }
  // Files of command lines another program runs (crontab, unit files, desktop entries, tasks.json).
  const commandLines = COMMAND_FILES[lang];
  if (commandLines) { commandFile(scope, commandLines, code, label); return; }
  const stamp = where.stamp;
  // What a file says is worked out once per version of it (a large bundle takes milliseconds to read).
  const facts = stamp !== undefined && scope.files.memo
    ? scope.files.memo(`scan:${lang}:${stamp}`, () => codeFacts(scope, lang, code, inline))
    : codeFacts(scope, lang, code, inline);
  scanWith(scope, lang, code, label, inline, data, facts);
  // Files inline code writes (the guard's own among them, judged as a redirection to them would be);
  // a sed, awk, Ex or ed script file's own write commands too (`sed -f s.sed`: its `w FILE`).
  if ((inline || SCRIPT_WRITES[lang] !== undefined) && scope.local) {
    const writes = codeWrites(lang, code).map((p) => (p === null ? null : abs(p, scope.cwd)));
    if (writes.length > 0) scope.emit(scope.argv, basename(scope.argv[0]?.value ?? lang), { writes });
    // What it leaves in them is not followed: a later command that reads one (npm install reading package.json) cannot know it.
    // (Vim's own writes are followed with their lines by vim-buffer.ts, its `:w FILE` of the buffer included.)
    if (lang !== 'vim') for (const p of writes) if (p !== null && !scope.run0.written.has(p)) noteWrite(scope, p, null);
  }
  // Modules of the project that code loads run with it: a file's own (relative) imports, and what code on the command line loads.
  if (!inline) { if (where.from !== undefined) fileImports(scope, lang, code, where.from, where.depth ?? 0, label, stamp); return; }
  if (!scope.local || !loadsModules(lang)) return;
  for (const name of modulesIn(scope, lang, code, stamp)) {
    const file = moduleFile(scope, lang, name, codeBase(scope, where.from), where.include ?? []);
    if (file !== null) scanCodeFile(scope, lang, file, `${label} (loads ${name})`);
  }
}

/** The command lines a file of them holds, each judged as a command; one that cannot be read asks. */
function commandFile(scope: Scope, read: (text: string) => string[], text: string, label: string): void {
  let lines: string[];
  try { lines = read(text); } catch (e) { scope.raise('unreadable-script', `${label}: ${(e as Error).message}`); return; }
  for (const line of lines) scope.nested(line, label, { spliceable: false });
}

/** The regex work over a program's text: the same for every command that runs it. */
interface CodeFacts {
  readonly engine: boolean;
  /** The kubectl verbs inline code's Kubernetes client calls or API requests are. */
  readonly kube: readonly string[];
  readonly spawns: boolean;
  readonly mentions: boolean;
  readonly builds: boolean;
  /** Literals that may be commands: every one (inline code) or those at process-starting calls (a file). */
  readonly pieces: readonly string[];
  /**
   * Inline code's process-starting calls given a command line that names no managed program but may
   * run one (`os.system("npm run deploy")`, `execSync("./bin/deploy")`): judged as that command line.
   */
  readonly runs: readonly string[];
  /** A file's process-starting call is given text it decodes at run time. */
  readonly decoded: boolean;
  /** Inline code's process-starting call is given its arguments, stdin or environment. */
  readonly fromRun: boolean;
  /** Inline code's process-starting call names the program it runs instead with a value computed at run time. */
  readonly computedProgram: boolean;
  /** Plain literal code inline code evaluates (`exec("import os; …")`): scanned as code of its language. */
  readonly evaluated: readonly string[];
  /** Inline code evaluates code, or calls a function by a name, that is not a plain literal (code-names.ts). */
  readonly computedName: boolean;
  /**
   * Every process the inline code starts is a call given a literal command line, and no code runs
   * code it is given: strings it builds elsewhere (`.decode()` of the output) start nothing.
   */
  readonly read: boolean;
}

function codeFacts(scope: Scope, lang: CodeLanguage, text: string, inline: boolean): CodeFacts {
  const mentions = scope.run0.options.mentions;
  const full = withoutFileOpens(text);
  const spawns = SPAWNS.test(full) || loadsProgramLibrary(full, lang);
  // Inline code reads every literal as a possible command, except what it only prints.
  const objects = runsProgramObject(full, lang);
  const code = inline && spawns ? withoutPrinted(full, (args) => startsProcess(args) || objects(args)) : full;
  // A literal's escapes spell what the program runs (`"\x64ocker"`): its decoded text is read too.
  const mentioned = mentions(code) || (code.includes('\\') && stringsIn(code, [], lang).some((s) => mentions(s)));
  const calls = spawns ? spawnCalls(code, lang) : null;
  const names = scope.run0.options.names ?? undefined;
  const named = inline ? namedRuns(full, lang) : null;
  return {
    engine: reachesEngine(full),
    kube: inline ? kubeVerbs(full, lang) : [],
    spawns,
    mentions: mentioned,
    builds: BUILDS_STRINGS.test(code),
    // A call's literal command line is judged whole (`["ssh", "host", "docker ps"]`), not word by word.
    // A program object's command line (`sh.git.status()`) is judged whole even where it names no managed tool.
    pieces: spawns && mentioned ? [...new Set([...(inline ? [...stringsIn(code, calls!.covered, lang), ...calls!.covered.map((c) => c.piece)] : calls!.pieces).filter((p) => mentions(p)),
      ...(inline ? calls!.pieces.filter((_, i) => calls!.calls[i] === PROGRAM_OBJECT) : [])])] : [],
    // (Python's and Ruby's `open` opens a file; only `|cmd` runs one.)
    runs: calls ? calls.pieces.filter((p, i) => (!PIPE_OPENS.test(calls.calls[i]!) || /^\s*\||\|\s*$/.test(p)) && (!mentioned || !mentions(p)) && !cannotHideManaged(p, names)) : [],
    decoded: !inline && (calls?.decoded ?? false),
    fromRun: inline && (calls?.fromRun ?? false),
    computedProgram: inline && (calls?.computedProgram ?? false),
    evaluated: named?.evaluated ?? [],
    computedName: named?.computed ?? false,
    read: inline && (calls?.complete ?? false) && !EVALUATES.test(code) && !LOOKS_UP.test(code),
  };
}

function scanWith(scope: Scope, lang: CodeLanguage, code: string, label: string, inline: boolean,
  data: readonly { value: string; from: 'option' | 'operand' }[], facts: CodeFacts): void {
  const mentions = scope.run0.options.mentions;
  // Code that talks to a container engine's socket or through its SDK is judged as the engine's API.
  if (facts.engine) scope.emit(scope.argv, basename(scope.argv[0]?.value ?? lang), { code });
  for (const verb of facts.kube) scope.nested(`kubectl ${verb}`, `${label} (Kubernetes API)`, { spliceable: false });
  if (lang === 'sed') { sedScript(scope, code, label); return; }
  if (lang === 'lftp') { lftpScript(scope, code, label, data); return; }
  if (lang === 'sqlite') { sqliteScript(scope, code, label, (f) => scanCodeFile(scope, 'sqlite', f, `${label} .read ${f}`)); return; }
  // awk starts commands only through system(), `print | "cmd"` and `"cmd" | getline`.
  if (lang === 'awk') {
    if (!awkRuns(code)) return;
    // Values given with -v are variables the code may run; operands (ARGV) too, less directly.
    for (const d of data) {
      if (!mentions(d.value)) continue;
      if (d.from === 'option') scope.nested(d.value, `${label} -v`, { spliceable: false });
      else scope.raise('interpreter-code', `${label} runs commands from its arguments`, d.value);
    }
    const pieces = [...stringsIn(code).filter((p) => mentions(p)), ...facts.runs];
    for (const piece of pieces) scope.nested(piece, label, { spliceable: false });
    if (pieces.length === 0 && BUILDS_STRINGS.test(code)) scope.raise('interpreter-code', `${label} starts commands with text built at run time`);
    return;
  }
  // PowerShell code is command lines.
  if (lang === 'powershell') { scanPowerShell(scope, code, label); return; }
  const program = OWN_COMMAND_LINES[lang];
  if (program) {
    for (const line of code.replace(/\\\n/g, ' ').split('\n')) {
      const t = line.trim();
      if (t !== '' && !t.startsWith('#') && !t.startsWith('%')) scope.nested(`${program} ${t}`, label, { spliceable: false });
    }
    return;
  }
  // Vim's Ex commands; the debuggers' commands that hand a line to a shell, code or a file.
  if (lang === 'vim') { exScript(scope, code, label, { ...READERS, buffer: VimBuffer.of(scope, data) }); return; }
  if (lang === 'lua') exCalls(scope, code, label, READERS);
  const own = COMMAND_VERBS[lang];
  if (own) code = handOffs(scope, lang, own, code, label, READERS);
  const verbs = LINE_VERBS[lang];
  if (own && !verbs) return;
  const starts = LINE_STARTS[lang];
  if (starts) code = code.replace(starts, '\n');
  for (const [name, program] of Object.entries(KNOWN_PROGRAM_VARIABLES[lang] ?? {})) code = code.split(name).join(program);
  if (verbs) {
    // (A `|` just inside a quote or brace is Tcl's `open "|cmd"`, not a separator.)
    for (const line of code.split(/\n|(?<!["{])\|(?=\s*[!:a-z])/)) {
      const m = verbs.exec(line);
      const cmd = m ? (m[1] ?? m[2] ?? m[3] ?? '') : '';
      if (m && cmd.trim() !== '') scope.nested(cmd.replace(/^['"(]+|['")]+\s*$/g, ''), label, { spliceable: false });
    }
    // These languages run shell commands only through those verbs: nothing else is a command.
    return;
  }
  // Code it evaluates runs as its own; a function named by text built at run time may be any of them.
  for (const evaluated of facts.evaluated) scanCode(scope, lang, evaluated, `${label} (evaluated)`);
  if (inline && facts.builds && facts.computedName) scope.raise('interpreter-code', `${label} evaluates code or calls a function named by text built at run time`);
  // Code that starts no process runs no command: printing or matching a name is data. But a
  // function looked up by a name built at run time (`getattr(os, "sys"+"tem")`) may be any of them.
  if (!facts.spawns) {
    if (inline && facts.builds && LOOKS_UP.test(code)) scope.raise('interpreter-code', `${label} calls a function it looks up by a name built at run time`);
    return;
  }
  for (const piece of facts.runs) scope.nested(piece, label, { spliceable: false, source: inline ? 'string' : 'code' });
  if (facts.fromRun) runsGiven(scope, code, data, label);
  if (facts.computedProgram) scope.raise('interpreter-code', `${label} starts a process through a program it names at run time (a \`shell\` or \`executable\` option)`);
  if (facts.decoded) scope.raise('interpreter-code', `${label} starts a process with text it decodes at run time`);
  if (!facts.mentions) {
    // `execSync('dock' + 'er ps')` never spells a name: inline code that starts processes with
    // strings built at run time cannot be read.
    if (inline && facts.builds && !facts.read) {
      scope.raise('interpreter-code', `${label} starts processes with command text built at run time`);
    }
    return;
  }
  for (const piece of facts.pieces) scope.nested(piece, label, { spliceable: false, source: inline ? 'string' : 'code' });
  if (facts.pieces.length === 0 && inline) scope.raise('interpreter-code', `${label} mentions a managed tool in code that cannot be read as a command`, code);
}

const READERS: CodeReaders = {
  code: (scope, lang, code, label) => scanCode(scope, lang, code, label),
  file: (scope, lang, path, label) => scanCodeFile(scope, lang, path, label),
};

/** A code file named on the command line: scanned as its language when it can be read. */
export function scanCodeFile(scope: Scope, lang: CodeLanguage, path: string | null, label: string, depth = 0): void {
  if (path === null) { scope.raise('unreadable-script', `the file \`${label}\` runs is named at run time`); return; }
  if (['/dev/stdin', '/dev/fd/0', '/proc/self/fd/0', '-'].includes(path)) { runStdin(scope, label, lang); return; }
  if (path === '/dev/null') return; // no code
  // node --import 'data:text/javascript,CODE': the module is the URL's text.
  const data = lang === 'node' ? /^data:[^,]*?(;base64)?,(.*)$/s.exec(path) : null;
  if (data) { scanCode(scope, lang, data[1] ? Buffer.from(data[2]!, 'base64').toString('utf8') : uriDecoded(data[2]!), label); return; }
  if (!scope.local) return;
  const full = isAbsolute(path) ? path : scope.cwd === null ? null : resolve(scope.cwd, path);
  if (full === null) { scope.raise('unreadable-script', `cannot tell which directory \`${path}\` is relative to`); return; }
  const key = `code:${full}`;
  if (scope.run0.seen.has(key)) return;
  scope.run0.seen.add(key);
  const read = scope.files.read(full);
  // A directory runs the file inside it that the interpreter starts from (python's __main__.py, node's main or index.js).
  if (read.kind === 'missing') { const entry = directoryEntry(scope, lang, full); if (entry !== null) scanCodeFile(scope, lang, entry, `${label} (${basename(entry)})`); return; }
  // A zip archive (or compiled code) python runs cannot be read here.
  if (read.kind === 'binary') { if (lang === 'python') scope.raise('unreadable-script', `${label}: python runs an archive or compiled code, which cannot be read`); return; }
  if (read.kind === 'unreadable') { scope.raise('unreadable-script', `${label}: ${read.why}`); return; }
  // A limit that runs out asks, never allows (the read above already stops at MAX_SCRIPT_BYTES).
  if (read.text.length > MAX_INPUT_BYTES * 16) { scope.raise('unreadable-script', `${label}: larger than can be read`); return; }
  scanCode(scope, lang, read.text, label, false, [], { ...(read.stamp !== undefined ? { stamp: read.stamp } : {}), from: full, depth });
}

/** The file python or node runs when given a directory (null: none, or not a directory). */
function directoryEntry(scope: Scope, lang: CodeLanguage, dir: string): string | null {
  const there = (f: string): boolean => scope.files.read(join(dir, f)).kind !== 'missing';
  if (lang === 'python') return there('__main__.py') ? join(dir, '__main__.py') : null;
  if (lang !== 'node') return null;
  const pkg = scope.files.read(join(dir, 'package.json'));
  let main: unknown;
  if (pkg.kind === 'text') try { main = (JSON.parse(pkg.text) as { main?: unknown }).main; } catch { main = undefined; }
  const names = [...(typeof main === 'string' ? [main, `${main}.js`, join(main, 'index.js')] : []), 'index.js', 'index.cjs', 'index.mjs'];
  const found = names.find(there);
  return found === undefined ? null : resolve(dir, found);
}

function uriDecoded(text: string): string {
  try { return decodeURIComponent(text); } catch { return text; }
}

/**
 * Inline code that runs what it is given (`os.system(sys.argv[1])`, `system @ARGV`, `os.system(input())`):
 * the command is whatever the arguments, stdin or environment hold. One that reads as a command that
 * may run something managed cannot be judged from the code: ask.
 */
function runsGiven(scope: Scope, code: string, data: readonly { value: string }[], label: string): void {
  const mentions = scope.run0.options.mentions;
  const names = scope.run0.options.names ?? undefined;
  const stdin = stdinText(scope, scope.stdin, label);
  if (stdin.kind === 'unknown') { scope.raise('interpreter-code', `${label} runs a command it reads at run time: ${stdin.why}`); return; }
  // The variables the code reads (`os.environ["CMD"]`, `process.env.CMD`, `$ENV{CMD}`) as the text sets them.
  const vars = [...code.matchAll(/(?:environ(?:\.get)?\s*[[(]\s*|getenv\s*\(\s*|ENV\s*[[{]\s*|process\.env\.)["']?([A-Za-z_]\w*)/g)].map((m) => scope.env.get(m[1]!));
  const given = [...data.map((d) => d.value), ...(stdin.kind === 'text' ? [stdin.text] : []), ...vars.filter((v): v is string => typeof v === 'string')];
  const hit = given.find((v) => v.trim() !== '' && (mentions(v) || !cannotHideManaged(v, names)));
  if (hit !== undefined) scope.raise('interpreter-code', `${label} runs a command it is given at run time (its arguments, stdin or environment): \`${hit.length > 60 ? hit.slice(0, 57) + '…' : hit.trim()}\``, hit);
}

/** IPython's shell lines (`!cmd`, `!!cmd`, `%system cmd`, `%sx cmd`, the body of a `%%bash`, `%%sh` or `%%script` cell) and the Python around them. */
function ipythonLines(code: string): { shell: string[]; python: string } {
  const shell: string[] = [];
  const python: string[] = [];
  let cell = false;
  for (const line of code.split('\n')) {
    if (cell) { shell.push(line); continue; }
    if (/^\s*%%(?:bash|sh|script|system|sx)\b/.test(line)) { cell = true; continue; }
    const bang = /^\s*(?:[\w, ]+=\s*)?(?:!!?|%(?:system|sx|sc)\b)\s*(.*)$/.exec(line);
    if (bang) shell.push(bang[1]!);
    else python.push(line);
  }
  return { shell: shell.filter((l) => l.trim() !== ''), python: python.join('\n') };
}

/** Does awk code start a command? Its regex and string literals aside, it needs system() or a pipe. */
function awkRuns(code: string): boolean {
  const bare = code.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/\/(?:[^/\\\n]|\\.)+\//g, '//');
  return /\bsystem\s*\(|\|/.test(bare);
}


/**
 * GNU sed's s///e: the pattern space after the substitution runs as a command. With a pattern that
 * matches the whole line and a literal replacement, that is the replacement; otherwise the
 * replacement is part of the line, judged as the command it reads as when it names a managed program.
 */
function sedExecute(scope: Scope, pattern: string, replacement: string, script: string, label: string): void {
  const literal = !/[&\\]/.test(replacement);
  const wholeLine = literal && /^\^?\.\*\$?$/.test(pattern);
  if (wholeLine || (literal && scope.run0.options.mentions(replacement))) scope.nested(replacement, `${label} s///e`, { spliceable: false });
  if (!wholeLine) sedRunsLine(scope, `${label}: the \`e\` flag runs the result as a shell command`, script);
}

/** sed runs a line of its input as a command: on a server that is not a look; here, what it runs is not known. */
function sedRunsLine(scope: Scope, why: string, script: string): void {
  if (scope.local) scope.raise('interpreter-code', why, script);
  else scope.emit(scope.argv, 'sed:e');
}

/**
 * sed scripts: the `e` command and the `e` flag of `s` run shell commands; `w`/`W` and the `w` flag
 * write files (judged as the redirection they are).
 */
function sedScript(scope: Scope, script: string, label: string): void {
  for (const raw of script.split(/\n|;/)) {
    const cmd = raw.trim().replace(/^(?:\d+|\$|\/(?:[^/\\]|\\.)*\/)(?:,(?:\d+|\$|\/(?:[^/\\]|\\.)*\/))?!?\s*/, '');
    const e = /^e(?:\s+(.*))?$/.exec(cmd);
    if (e) {
      if (e[1]) scope.nested(e[1], `${label} e`, { spliceable: false });
      else sedRunsLine(scope, `${label}: the \`e\` command runs the pattern space as a shell command`, script);
      continue;
    }
    const s = /^s(.)((?:(?!\1)[^\\]|\\.)*)\1((?:(?!\1)[^\\]|\\.)*)\1([gpiImMe0-9]*)(?:w\s*(\S.*))?$/.exec(cmd);
    if (s && s[4]!.includes('e')) sedExecute(scope, s[2]!, s[3]!, script, label);
    const w = /^[wW]\s*(\S.*)$/.exec(cmd)?.[1] ?? s?.[5];
    // Writing a local file is not the policy's business; on a server it is a change outside git.
    if (w && !scope.local && !['/dev/stdout', '/dev/stderr', '/dev/null'].includes(w)) {
      scope.emit(scope.argv, 'sed', { redirects: [{ op: '>', fd: null, target: { value: w, tail: null, text: w, start: 0, end: 0 } }] });
    }
  }
}
