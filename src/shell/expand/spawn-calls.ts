// The commands a code file starts: the first argument of each process-starting call when it is a
// string literal (`execSync("…")`, `os.system("…")`), with a following list of literals as its
// arguments (`spawn("docker", ["ps"])`), or a name the file assigns one to (`cmd = [...]; run(cmd)`).
// The file's own names for those calls count (`from subprocess import run as r`). A call given text
// the program decodes at run time (base64, char codes) cannot be read. Arguments after the command
// are data, not commands.
import type { CodeLanguage } from '../grammars/types.js';
import { literalsOf, quoteForScan } from './code-literals.js';
import { harmlessReference, literalCommand, programOption, type Span } from './literal-argv.js';
import { PROGRAM_OBJECT, programRuns } from './program-objects.js';
import { remotePiece } from './ssh-calls.js';

/**
 * Process-starting calls in common interpreters (Ruby's IO.read and IO.foreach start one given `"|cmd"`;
 * R's system2(CMD, c(ARGS)) and pipe(CMD); Perl's readpipe and IPC::Open3's open3; libc's exec* through
 * ctypes), and the SSH clients' calls that run a command on the
 * host they reach (paramiko's exec_command and invoke_shell, node-ssh's execCommand: judged as the
 * command they are given); multiprocessing.util.spawnv_passfds(PATH, ARGV, FDS) execs PATH.
 */
export const SPAWNS = /\b(exec\.Command(?:Context)?|sh\.(?:RunV?|RunWithV?|Output(?:With)?|Exec)|commandLine|Command::new|qx|open|execute|shell-command|call-process|start-process|async-shell-command|process-file|ProcessBuilder|Runtime\.getRuntime|system|systemlist|jobstart|job_start|termopen|term_start|popen|Popen|subprocess|child_process|execSync|execFileSync|spawnSync|spawn|execFile|exec|execa|fork|IO\.popen|Open3|shell_exec|passthru|proc_open|Deno\.Command|Bun\.spawn|(?:create_)?subprocess_(?:exec|shell)|Bun\.\$|run-program|run|call|check_call|check_output|getoutput|getstatusoutput|os\.exec[lv]p?e?|(?:os\.)?posix_spawnp?|os\.spawn[lv]p?e?|execve|pexpect|sh|shell|cmd|sys\.process\.Process|shell script|Process\.Start|ProcessStartInfo|callCommand|callProcess|spawnCommand|spawnProcess|readProcess(?:WithExitCode)?|readCreateProcess(?:WithExitCode)?|createProcess|rawSystem|pcntl_exec|exec_command|invoke_shell|execCommand|spawnv_passfds|readpipe|open[23]|exec[lv]p?e?|system2|(?<!\.)pipe|IO\.(?:read|readlines|foreach|binread|write))\b|`|%x[{(\[]|qx[{(\[/]|\.!!?(?![=\w])/;

/** A process-starting call (`run(`, `check_output (`). */
const SPAWN_CALL = new RegExp(`(?:${SPAWNS.source})\\s*\\(`);

/**
 * Does `text` call a process-starting function outside its literals? (Python's f-strings and
 * JavaScript's template literals run the code in their `{…}`: that counts as outside.)
 */
export function startsProcess(text: string): boolean {
  if (!SPAWN_CALL.test(text)) return false;
  let bare = '';
  let at = 0;
  for (const l of literalsOf(text)) {
    const raw = text.slice(l.start, l.end);
    if (/[fF]$/.test(text.slice(Math.max(0, l.start - 2), l.start)) || (raw.startsWith('`') && raw.includes('${'))) continue;
    bare += `${text.slice(at, l.start)}""`;
    at = l.end;
  }
  return SPAWN_CALL.test(bare + text.slice(at));
}

/** Perl's open modes that read or write a file (`<`, `>>`, `+<:encoding(UTF-8)`), not a pipe. */
const FILE_MODE = /^\+?(?:<|>>?)(?::[\w()-]+)*$/;

/**
 * Does an `open(…)` open a file? Every argument is a literal that names no pipe (`"|cmd"`, `"cmd|"`,
 * Perl's `-|`), a handle (`my $f`, `FH`), a keyword option (`encoding="utf-8"`), or, after a file
 * mode, the path in a variable.
 */
function opensFile(args: string): boolean {
  const literals = literalsOf(args);
  if (literals.length === 0 || literals.some((l) => /^\s*-?\||\|-?\s*$|^-$/.test(l.text))) return false;
  let rest = '';
  let at = 0;
  for (const l of literals) { rest += `${args.slice(at, l.start)}""`; at = l.end; }
  const mode = literals.some((l) => FILE_MODE.test(l.text));
  return (rest + args.slice(at)).split(',').map((p) => p.trim()).every((p, i) => p === '""' || /^\w+\s*=\s*(?:""|\w+)$/.test(p)
    || (i === 0 && /^(?:(?:my|our)\s+)?\$\w+$|^[A-Z]\w*$/.test(p)) || (mode && /^\$\w+$/.test(p)));
}

/**
 * The code with the name of each call that opens a file in capitals (same length, so offsets hold):
 * Python's and Ruby's `open("Makefile")`, Ruby's `IO.read("Makefile")` and Perl's `open(my $f, "<", …)`
 * start nothing.
 */
export function withoutFileOpens(code: string): string {
  if (!/open|IO\./.test(code)) return code;
  return code.replace(/\b(open|IO\.(?:read|readlines|foreach|binread))(\s*\()([^()]{0,400})\)/g,
    (whole, call: string, paren: string, args: string) => opensFile(args) ? `${call.toUpperCase()}${paren}${args})` : whole);
}

/** Ways of decoding text at run time: a command given one cannot be read. */
const DECODES = /\b(?:b64decode|b32decode|a85decode|atob|fromCharCode|unhexlify|fromhex|codecs\.decode|rot13|decode64|unpack1?)\b|\bBuffer\.from\([^)]*['"](?:base64|hex)['"]|\.decode\(\s*["'](?:base64|hex|rot)/;

/**
 * Calls whose first arguments come before the command: Go's `exec.CommandContext(ctx, …)`, Python's
 * `os.spawnlp(os.P_WAIT, …)`, asyncio's `loop.subprocess_exec(protocol_factory, …)`.
 */
const LEADING_ARGUMENTS: readonly { readonly call: RegExp; readonly skip: RegExp }[] = [
  { call: /Context$/, skip: /^[^,]*,/ },
  { call: /^os\.spawn/, skip: /^\s*(?:os\.)?P_\w+\s*,/ },
  { call: /^subprocess_(?:exec|shell)$/, skip: /^[^,'"]*,/ },
  // Perl's IPC::Open3 and IPC::Open2: the handles, then the command.
  { call: /^open3$/, skip: /^[^,]*,[^,]*,[^,]*,/ },
  { call: /^open2$/, skip: /^[^,]*,[^,]*,/ },
];

function commandArguments(call: string, text: string): string {
  const lead = LEADING_ARGUMENTS.find((l) => l.call.test(call));
  return lead ? text.replace(lead.skip, '') : text;
}

/** Languages whose backticks (and Perl's qx, Ruby's %x) run their text as a command. */
const BACKTICK_RUNS: ReadonlySet<CodeLanguage> = new Set(['ruby', 'perl', 'php', 'code']);

/**
 * Tags that run a template literal as a command line, per language: zx's and Bun's `$`, with zx's
 * `$.sync` and options (`$({ cwd })`), execa's `$` and `execa` tags.
 */
const TAG_RUNS: Partial<Record<CodeLanguage, RegExp>> = { node: /(?:\$(?:\.sync|\([^()]*\))?|\bexeca(?:Sync)?)\s*$/ };

/** Text a program is given when it runs: its arguments, stdin, its environment. */
const FROM_RUN = /\b(?:sys\.argv|process\.argv|ARGV|raw_input|input\s*\(|sys\.stdin|process\.stdin|STDIN|gets\b|readline|os\.environ|os\.getenv|process\.env|ENV\s*\[|getenv)|\$ENV\{|\$stdin|@_|\$\d\b/;

export interface SpawnCalls {
  readonly pieces: string[];
  /** The call each piece was given to (`system`, `open`, an alias). */
  readonly calls: string[];
  /** A process-starting call is given text decoded at run time. */
  readonly decoded: boolean;
  /** A process-starting call (other than `open`) is given the program's arguments, stdin or environment. */
  readonly fromRun: boolean;
  /** Where a call's literal command line lies in the code (literal-argv.ts): its literals are that command's words. */
  readonly covered: readonly (Span & { readonly piece: string })[];
  /** A call's option names the program it runs in place of its own with a value computed at run time (`{ shell: x }`). */
  readonly computedProgram: boolean;
  /**
   * Every process-starting name is an import, a module on the way to a call, or a call given a literal
   * command line and plain options: what the code starts is all in `pieces`.
   */
  readonly complete: boolean;
}

/** `NAME = "…"` and `NAME = ["…", …]` assignments of a file (its literal values), by name. */
function assignedLiterals(code: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /(?:^|[\s;{(])(?:(?:const|let|var|my|our)\s+)?\$?([A-Za-z_]\w*)\s*:?=(?!=)\s*(\[[^\]\n]{0,2000}\]|\([^)\n]{0,2000}\)|["'`][^\n]{0,2000})/g;
  for (const m of code.matchAll(re)) {
    if (out.size > 500) break;
    const lits = literalsOf(m[2]!);
    if (lits.length === 0) continue;
    out.set(m[1]!, /^[[(]/.test(m[2]!) ? lits.map((l) => quoteForScan(l.text)).join(' ') : lits[0]!.text);
  }
  return out;
}

/** The file's own names for process-starting calls: `from subprocess import run as r`, `{ execSync: ex }`. */
function spawnAliases(code: string): string[] {
  const out: string[] = [];
  const spawn = new RegExp(`^(?:${SPAWNS.source})$`);
  for (const m of code.matchAll(/\bimport\s+([\w.]+)\s+as\s+(\w+)|\b(\w+)\s+as\s+(\w+)|\b(\w+)\s*:\s*(\w+)\s*[,}]/g)) {
    const [from, to] = m[1] !== undefined ? [m[1].split('.').pop()!, m[2]!] : m[3] !== undefined ? [m[3], m[4]!] : [m[5]!, m[6]!];
    if (spawn.test(from) && out.length < 50) out.push(to);
  }
  return out;
}

/** The text between a call's parentheses, when they open right after `after`, and where it starts. */
function callArguments(code: string, after: number): { at: number; text: string } | null {
  const open = code.indexOf('(', after);
  if (open < 0 || open - after > 2) return null;
  let depth = 0;
  let end = open;
  for (; end < code.length && end - open < 4000; end++) {
    const c = code[end];
    if (c === '(') depth++;
    else if (c === ')') { depth--; if (depth === 0) break; }
  }
  return { at: open + 1, text: code.slice(open + 1, end) };
}

/** What spawnCalls has found so far. */
interface Found {
  readonly pieces: string[];
  readonly calls: string[];
  readonly covered: (Span & { piece: string })[];
  decoded: boolean;
  fromRun: boolean;
  complete: boolean;
  computedProgram: boolean;
  assigned?: Map<string, string>;
}

export function spawnCalls(code: string, lang: CodeLanguage): SpawnCalls {
  const found: Found = { pieces: [], calls: [], covered: [], decoded: false, fromRun: false, complete: true, computedProgram: false };
  const aliases = spawnAliases(code);
  const re = aliases.length === 0 ? new RegExp(SPAWNS.source, 'g') : new RegExp(`\\b(?:${aliases.join('|')})(?=\\s*\\()|${SPAWNS.source}`, 'g');
  const spawnName = new RegExp(`^(?:${[...aliases, SPAWNS.source].join('|')})$`);
  // A spawn word inside a string literal (`"do not run …"`) is text, not a call.
  const inLiteral = literalsOf(code);
  let li = 0;
  let count = 0;
  for (let m = re.exec(code); m !== null && count < 2000; m = re.exec(code)) {
    count++;
    while (li < inLiteral.length && inLiteral[li]!.end <= m.index) li++;
    const lit = inLiteral[li];
    if (lit && lit.start <= m.index) {
      // `cmd` and qx(cmd) run their text where backticks run commands.
      if (lit.start === m.index && (BACKTICK_RUNS.has(lang) && /^(?:`|qx|%x)/.test(code.slice(m.index, m.index + 2))
        || code[m.index] === '`' && TAG_RUNS[lang]?.test(code.slice(Math.max(0, m.index - 40), m.index)))) { found.pieces.push(lit.text); found.calls.push('`'); found.complete = false; }
      continue;
    }
    if (receiverCall(found, code, inLiteral[li - 1], m)) continue;
    const after = m.index + m[0].length;
    if (bareCall(found, code, lang, m[0], after)) continue;
    const all = callArguments(code, after);
    if (all === null) {
      if (!harmlessReference(code, m.index, after, (n) => spawnName.test(n))) found.complete = false;
      continue;
    }
    parenthesizedCall(found, code, lang, m[0], all);
  }
  for (const piece of propertyProcesses(code, lang)) { found.pieces.push(piece); found.calls.push('Process'); found.complete = false; }
  // A library's program objects (`sh.docker("ps")`): each the command line it runs.
  for (const r of programRuns(code, lang)) {
    found.pieces.push(r.piece);
    found.calls.push(PROGRAM_OBJECT);
    found.covered.push({ ...r.span, piece: r.piece });
    found.complete = false;
  }
  const { assigned: _, ...facts } = found;
  return facts;
}

/** Methods that run the string they are called on: Groovy's `"cmd".execute()`, Scala's `"cmd".!` and `"cmd".!!`. */
const RECEIVER_RUNS = /^(?:execute|\.!!?)$/;

/** `"docker ps".execute()`: the literal right before the method is the command line. */
function receiverCall(found: Found, code: string, prev: { text: string; end: number } | undefined, m: RegExpExecArray): boolean {
  if (!RECEIVER_RUNS.test(m[0]) || prev === undefined) return false;
  const dot = m[0].startsWith('.') ? m.index : m.index - 1;
  if (code[dot] !== '.' || prev.end !== dot) return false;
  found.pieces.push(prev.text);
  found.calls.push(m[0]);
  found.complete = false;
  return true;
}

/**
 * Process objects set up by properties rather than a call's arguments: Swift Foundation's `Process`
 * with `executableURL = URL(fileURLWithPath: "…")` (or `launchPath = "…"`) and `arguments = [...]`.
 */
const PROPERTY_PROGRAM = /\.(?:executableURL|launchPath)\s*=\s*(?:URL\(\s*fileURLWithPath:\s*)?"([^"\n]{1,500})"/g;
const PROPERTY_ARGUMENTS = /\.arguments\s*=\s*\[([^\]\n]{0,2000})\]/;

function propertyProcesses(code: string, lang: CodeLanguage): string[] {
  if (!code.includes('executableURL') && !code.includes('launchPath')) return [];
  const args = PROPERTY_ARGUMENTS.exec(code)?.[1];
  const words = args === undefined ? [] : literalsOf(args, lang).map((l) => quoteForScan(l.text));
  return [...code.matchAll(PROPERTY_PROGRAM)].slice(0, 20).map((m) => [quoteForScan(m[1]!), ...words].join(' '));
}

/** Is the call given text the program is given when it runs (its arguments, stdin, environment)? */
function given(found: Found, call: string, text: string): void {
  if (call !== 'open' && FROM_RUN.test(text)) found.fromRun = true;
}

/** A call without parentheses: `system @ARGV` (computed), or Ruby's and Perl's `sh "cmd"` (the rest of the line). */
function bareCall(found: Found, code: string, lang: CodeLanguage, call: string, after: number): boolean {
  const eol = code.indexOf('\n', after);
  const line = (): string => code.slice(after, eol < 0 ? undefined : eol);
  if (/^[ \t]+[@$]/.test(code.slice(after, after + 3))) {
    given(found, call, line());
    found.complete = false;
    return true;
  }
  if (!/^[ \t]+["'`%q]/.test(code.slice(after, after + 3))) return false;
  const lits = literalsOf(line(), lang);
  if (lits.length > 0) {
    found.pieces.push(lits.length > 1 && /^\s*["'][^"']*["']\s*,/.test(line()) ? lits.map((l) => quoteForScan(l.text)).join(' ') : lits[0]!.text);
    found.calls.push(call);
  }
  found.complete = false;
  return true;
}

/** `call(…)`: a name the file assigns a command to, a literal command line (or list of words), or text not known. */
function parenthesizedCall(found: Found, code: string, lang: CodeLanguage, call: string, all: { at: number; text: string }): void {
  const args = commandArguments(call, all.text);
  if (DECODES.test(args)) found.decoded = true;
  const name = /^\s*\$?([A-Za-z_]\w*)\s*(?:[,)]|$)/.exec(args)?.[1];
  if (name !== undefined) {
    found.complete = false;
    // `run(cmd)`: what the file assigns to that name.
    found.assigned ??= assignedLiterals(code);
    const value = found.assigned.get(name);
    if (value !== undefined) { found.pieces.push(value); found.calls.push(call); }
    else if (new RegExp(`\\b${name}\\s*=[^\\n]*(?:${DECODES.source})`).test(code)) found.decoded = true;
    else if (new RegExp(`\\b${name}\\s*=[^=\\n][^\\n]*`).exec(code)?.[0].match(FROM_RUN)) given(found, call, 'ARGV');
    return;
  }
  // A list of words: `["docker", "ps"]`, a Lua table `{"docker", "ps"}` (Neovim's vim.system, jobstart).
  const first = (lang === 'lua' ? /^\s*(?:[[{]\s*)?(["'])/ : /^\s*(?:\[\s*)?(?:[bBrRuU]{1,2}(?=["']))?(["'`])/).exec(args);
  if (!first) { given(found, call, args); found.complete = false; return; }
  const read = literalCall(call, args, lang);
  if (read === null) { found.complete = false; return; }
  const piece = remotePiece(code, call, read.piece);
  found.pieces.push(piece);
  found.calls.push(call);
  const at = all.at + all.text.length - args.length;
  if (read.span) found.covered.push({ start: at + read.span.start, end: at + read.span.end, piece });
  else found.complete = false;
  const instead = programInstead(read, args);
  if (instead === null) return;
  found.complete = false;
  if (instead === 'computed') found.computedProgram = true;
  else { found.pieces.push(instead); found.calls.push(call); }
}

type LiteralCall = NonNullable<ReturnType<typeof literalCall>>;

/**
 * `{ shell: './x' }`, `executable='./x'`: the command line of the program that runs instead, given the
 * command (a shell's `-c`, or argv after its first word), `computed` when the option is not a literal.
 */
function programInstead(read: LiteralCall, args: string): string | 'computed' | null {
  const program = programOption(args.slice(read.end));
  if (program === null) return null;
  if (typeof program !== 'string') return 'computed';
  return read.list ? [program, ...read.words.slice(1)].map(quoteForScan).join(' ') : `${quoteForScan(program)} -c ${quoteForScan(read.words.join(' '))}`;
}

/**
 * The command a call given literals starts (`["docker", "ps"]`, `"docker", ["ps"]`), and the span of
 * its command line in `args` when that is all literal (literal-argv.ts).
 */
function literalCall(call: string, args: string, lang: CodeLanguage): { piece: string; words: string[]; list: boolean; end: number; span: Span | null } | null {
  const literals = literalsOf(args, lang);
  const head = literals[0];
  if (!head) return null;
  // The command and the literals that follow it in one list.
  const run = [head.text];
  for (let k = 1; k < literals.length; k++) {
    if (!/^\s*,\s*(?:\[|c\()?\s*$/.test(args.slice(literals[k - 1]!.end, literals[k]!.start))) break;
    run.push(literals[k]!.text);
  }
  // popen(CMD, MODE): the literal after a command line is its mode, not an argument.
  if (/^(?:IO\.)?popen$/.test(call) && !/^\s*\[/.test(args)) run.splice(1);
  const span = literalCommand(args, literals, run.length);
  // `os.execvp("sh", ["sh", "x.sh"])`: the list starts with the program's own name, argv[0].
  if (/^(?:os\.(?:exec|spawn)[lv]|(?:os\.)?posix_spawn|execve|spawnv_passfds)/.test(call) && run.length > 1 && run[1]!.replace(/^.*\//, '') === run[0]!.replace(/^.*\//, '')) run.splice(1, 1);
  const list = /^\s*\[/.test(args);
  return { piece: run.length > 1 ? run.map(quoteForScan).join(' ') : head.text, words: run, list, end: literals[run.length - 1]!.end, span };
}
