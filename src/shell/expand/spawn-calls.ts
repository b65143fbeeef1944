// The commands a code file starts: the first argument of each process-starting call when it is a
// string literal (`execSync("…")`, `os.system("…")`), with a following list of literals as its
// arguments (`spawn("docker", ["ps"])`), or a name the file assigns one to (`cmd = [...]; run(cmd)`).
// The file's own names for those calls count (`from subprocess import run as r`). A call given text
// the program decodes at run time (base64, char codes) cannot be read. Arguments after the command
// are data, not commands.
import type { CodeLanguage } from '../grammars/types.js';
import { literalsOf, quoteForScan } from './code-literals.js';

/** Process-starting calls in common interpreters. */
export const SPAWNS = /\b(exec\.Command(?:Context)?|sh\.(?:RunV?|RunWithV?|Output(?:With)?|Exec)|commandLine|Command::new|qx|open|execute|shell-command|call-process|start-process|async-shell-command|process-file|ProcessBuilder|Runtime\.getRuntime|system|popen|Popen|subprocess|child_process|execSync|execFileSync|spawnSync|spawn|execFile|exec|execa|fork|IO\.popen|Open3|shell_exec|passthru|proc_open|Deno\.Command|Bun\.spawn|Bun\.\$|run|call|check_call|check_output|getoutput|getstatusoutput|os\.exec[lv]p?e?|(?:os\.)?posix_spawnp?|os\.spawn[lv]p?e?|execve|pexpect|sh|shell|cmd|run-program|shell script)\b|`|%x[{(\[]|qx[{(\[/]|\.!!?(?![=\w])/;

/** Ways of decoding text at run time: a command given one cannot be read. */
const DECODES = /\b(?:b64decode|b32decode|a85decode|atob|fromCharCode|unhexlify|fromhex|codecs\.decode|rot13|decode64|unpack1?)\b|\bBuffer\.from\([^)]*['"](?:base64|hex)['"]|\.decode\(\s*["'](?:base64|hex|rot)/;

/** Languages whose backticks (and Perl's qx, Ruby's %x) run their text as a command. */
const BACKTICK_RUNS: ReadonlySet<CodeLanguage> = new Set(['ruby', 'perl', 'php', 'code']);

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

/** The text between a call's parentheses, when they open right after `after`. */
function callArguments(code: string, after: number): string | null {
  const open = code.indexOf('(', after);
  if (open < 0 || open - after > 2) return null;
  let depth = 0;
  let end = open;
  for (; end < code.length && end - open < 4000; end++) {
    const c = code[end];
    if (c === '(') depth++;
    else if (c === ')') { depth--; if (depth === 0) break; }
  }
  return code.slice(open + 1, end);
}

export function spawnCalls(code: string, lang: CodeLanguage): SpawnCalls {
  const out: string[] = [];
  const calls: string[] = [];
  let decoded = false;
  let fromRun = false;
  const aliases = spawnAliases(code);
  const re = aliases.length === 0 ? new RegExp(SPAWNS.source, 'g') : new RegExp(`\\b(?:${aliases.join('|')})(?=\\s*\\()|${SPAWNS.source}`, 'g');
  let assigned: Map<string, string> | undefined;
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
      if (lit.start === m.index && BACKTICK_RUNS.has(lang) && /^(?:`|qx|%x)/.test(code.slice(m.index, m.index + 2))) { out.push(lit.text); calls.push('`'); }
      continue;
    }
    const after = m.index + m[0].length;
    const call = m[0];
    const given = (text: string): void => { if (call !== 'open' && FROM_RUN.test(text)) fromRun = true; };
    // `system @ARGV`, `exec $cmd`: the rest of the line, computed at run time.
    if (/^[ \t]+[@$]/.test(code.slice(after, after + 3))) {
      const eol = code.indexOf('\n', after);
      given(code.slice(after, eol < 0 ? undefined : eol));
      continue;
    }
    // Ruby and Perl call without parentheses (`sh "cmd"`, `system 'cmd'`): the rest of the line.
    if (/^[ \t]+["'`%q]/.test(code.slice(after, after + 3))) {
      const eol = code.indexOf('\n', after);
      const line = code.slice(after, eol < 0 ? undefined : eol);
      const lits = literalsOf(line);
      if (lits.length > 0) { out.push(lits.length > 1 && /^\s*["'][^"']*["']\s*,/.test(line) ? lits.map((l) => quoteForScan(l.text)).join(' ') : lits[0]!.text); calls.push(call); }
      continue;
    }
    const all = callArguments(code, after);
    if (all === null) continue;
    // Go's exec.CommandContext(ctx, "prog", …): the command comes after the context.
    let args = m[0].endsWith('Context') ? all.slice(all.indexOf(',') + 1) : all;
    // `os.spawnlp(os.P_WAIT, "docker", …)`: the mode comes before the program.
    if (/^os\.spawn/.test(call)) args = args.replace(/^\s*(?:os\.)?P_\w+\s*,/, '');
    if (DECODES.test(args)) decoded = true;
    const name = /^\s*\$?([A-Za-z_]\w*)\s*(?:[,)]|$)/.exec(args)?.[1];
    if (name !== undefined) {
      // `run(cmd)`: what the file assigns to that name.
      assigned ??= assignedLiterals(code);
      const value = assigned.get(name);
      if (value !== undefined) { out.push(value); calls.push(call); }
      else if (new RegExp(`\\b${name}\\s*=[^\\n]*(?:${DECODES.source})`).test(code)) decoded = true;
      else if (new RegExp(`\\b${name}\\s*=[^=\\n][^\\n]*`).exec(code)?.[0].match(FROM_RUN)) given('ARGV');
      continue;
    }
    const first = /^\s*(?:\[\s*)?(?:[bBrRuU]{1,2}(?=["']))?(["'`])/.exec(args);
    if (!first) { given(args); continue; }
    const literals = literalsOf(args);
    const head = literals[0];
    if (!head) continue;
    // The command and the literals that follow it in one list (`["docker", "ps"]`, `"docker", ["ps"]`).
    const run = [head.text];
    for (let k = 1; k < literals.length; k++) {
      if (!/^\s*,\s*\[?\s*$/.test(args.slice(literals[k - 1]!.end, literals[k]!.start))) break;
      run.push(literals[k]!.text);
    }
    // `os.execvp("sh", ["sh", "x.sh"])`: the list starts with the program's own name, argv[0].
    if (/^(?:os\.(?:exec|spawn)[lv]|(?:os\.)?posix_spawn|execve)/.test(call) && run.length > 1 && run[1]!.replace(/^.*\//, '') === run[0]!.replace(/^.*\//, '')) run.splice(1, 1);
    out.push(run.length > 1 ? run.map(quoteForScan).join(' ') : head.text);
    calls.push(call);
  }
  return { pieces: out, calls, decoded, fromRun };
}
