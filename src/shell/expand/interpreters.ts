// The interpreters family: code given to python, node, ruby, perl, awk, sed, vim, gdb, expect, cron
// and the rest is read for the commands it starts. Inline code (`-c`, `-e`): every string literal
// that mentions a managed program is read as shell. A code file: only literals inside calls that
// start processes, so the messages and data of a large program are not taken for commands.
import { isAbsolute, resolve } from 'node:path';
import type { CodeLanguage } from '../grammars/types.js';
import { MAX_INPUT_BYTES } from '../parse.js';
import type { Scope } from './driver.js';

/** Process-starting calls in common interpreters. */
const SPAWNS = /\b(system|popen|Popen|subprocess|child_process|execSync|execFileSync|spawnSync|spawn|execFile|exec|execa|fork|IO\.popen|Open3|shell_exec|passthru|proc_open|Deno\.Command|Bun\.spawn|Bun\.\$|run|call|check_call|check_output|getoutput|getstatusoutput|os\.exec[lv]p?e?|pexpect|sh)\b|`|%x[{(\[]|qx[{(\[/]/;
/** Ways of building a string at run time. */
const BUILDS_STRINGS = /\+|\bf["']|%[sdr]|\.join\(|\$\{|#\{|\.format\(|concat|\.\.|\[::-1\]|chr\(|fromCharCode|\\x|\\u|base64|decode|atob|Buffer\.from|pack\(|reverse|replace|upper\(|lower\(|toUpperCase|toLowerCase|capitalize|swapcase|uc\(|lc\(/;

/** Languages whose lines are commands of their own, with the verbs that hand a line to a shell. */
const LINE_VERBS: Partial<Record<CodeLanguage, RegExp>> = {
  vim: /^\s*:*\s*(?:silent!?\s+|exe(?:cute)?\s+)?(?:!|r(?:ead)?\s*!|w(?:rite)?\s*!|ter(?:minal)?\s+|call\s+system\()\s*(.*)$/,
  gdb: /^\s*(?:shell\s+|!|pipe\s+.*\|\s*)(.*)$/,
  expect: /^\s*(?:spawn|exec|system)\s+(?:-\S+\s+)*(.*)$/,
  ed: /^\s*(?:[0-9,.$;]*[rwe]\s*!|!)\s*(.*)$/,
  less: /^\s*[0-9]*!(.*)$|^\s*[0-9]*\|.(.*)$/,
};

export function scanCode(scope: Scope, lang: CodeLanguage, code: string, label: string, inline = true): void {
  const mentions = scope.run0.options.mentions;
  if (lang === 'crontab') { cronLines(scope, code, label); return; }
  if (lang === 'sed') { sedScript(scope, code, label); return; }
  // awk starts commands only through system(), `print | "cmd"` and `"cmd" | getline`.
  if (lang === 'awk' && !awkRuns(code)) return;
  const verbs = LINE_VERBS[lang];
  if (verbs) {
    for (const line of code.split(/\n|\|(?=\s*[!:a-z])/)) {
      const m = verbs.exec(line);
      const cmd = m ? (m[1] ?? m[2] ?? '') : '';
      if (m && cmd.trim() !== '') scope.nested(cmd.replace(/^['"(]+|['")]+\s*$/g, ''), label, { spliceable: false });
    }
    // These languages run shell commands only through those verbs: nothing else is a command.
    return;
  }
  if (!mentions(code)) {
    // `execSync('dock' + 'er ps')` never spells a name: inline code that starts processes with
    // strings built at run time cannot be read.
    if (inline && SPAWNS.test(code) && BUILDS_STRINGS.test(code)) {
      scope.raise('interpreter-code', `${label} starts processes with command text built at run time`);
    }
    return;
  }
  const pieces = inline ? stringsIn(code) : stringsInSpawnCalls(code);
  let found = false;
  for (const piece of pieces) {
    if (!mentions(piece)) continue;
    found = true;
    scope.nested(piece, label, { spliceable: false, source: inline ? 'string' : 'code' });
  }
  if (!found && inline) scope.raise('interpreter-code', `${label} mentions a managed tool in code that cannot be read as a command`, code);
}

/** A code file named on the command line: scanned as its language when it can be read. */
export function scanCodeFile(scope: Scope, lang: CodeLanguage, path: string | null, label: string): void {
  if (path === null) { scope.raise('unreadable-script', `the file \`${label}\` runs is named at run time`); return; }
  if (!scope.local) return;
  const full = isAbsolute(path) ? path : scope.cwd === null ? null : resolve(scope.cwd, path);
  if (full === null) { scope.raise('unreadable-script', `cannot tell which directory \`${path}\` is relative to`); return; }
  const key = `code:${full}`;
  if (scope.run0.seen.has(key)) return;
  scope.run0.seen.add(key);
  const read = scope.files.read(full);
  if (read.kind === 'missing' || read.kind === 'binary') return;
  if (read.kind === 'unreadable') { scope.raise('unreadable-script', `${label}: ${read.why}`); return; }
  if (read.text.length > MAX_INPUT_BYTES * 16) return;
  scanCode(scope, lang, read.text, label, false);
}

/** Every string literal (and every comma-joined list of literals, as an argv list). */
export function stringsIn(code: string): string[] {
  const literals = literalsOf(code);
  const out = literals.map((l) => l.text);
  let run: string[] = [];
  for (let k = 0; k < literals.length; k++) {
    const cur = literals[k]!;
    const prev = literals[k - 1];
    if (prev && /^\s*,\s*$/.test(code.slice(prev.end, cur.start))) run.push(cur.text);
    else {
      if (run.length > 1) out.push(run.map(quoteForScan).join(' '));
      run = [cur.text];
    }
  }
  if (run.length > 1) out.push(run.map(quoteForScan).join(' '));
  return out;
}

/** Does awk code start a command? Its regex and string literals aside, it needs system() or a pipe. */
function awkRuns(code: string): boolean {
  const bare = code.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/\/(?:[^/\\\n]|\\.)+\//g, '//');
  return /\bsystem\s*\(|\|/.test(bare);
}

/**
 * The command of each process-starting call: its first argument when that is a string literal
 * (`execSync("…")`, `os.system("…")`), with a following list of literals as its arguments
 * (`spawn("docker", ["ps"])`). Arguments after the command are data, not commands.
 */
function stringsInSpawnCalls(code: string): string[] {
  const out: string[] = [];
  const re = new RegExp(SPAWNS.source, 'g');
  let count = 0;
  for (let m = re.exec(code); m !== null && count < 2000; m = re.exec(code)) {
    count++;
    const open = code.indexOf('(', m.index + m[0].length);
    if (open < 0 || open - (m.index + m[0].length) > 2) continue;
    let depth = 0;
    let end = open;
    for (; end < code.length && end - open < 4000; end++) {
      const c = code[end];
      if (c === '(') depth++;
      else if (c === ')') { depth--; if (depth === 0) break; }
    }
    const args = code.slice(open + 1, end);
    const first = /^\s*(?:\[\s*)?(["'`])/.exec(args);
    if (!first) continue;
    const literals = literalsOf(args);
    const head = literals[0];
    if (!head) continue;
    // The command and the literals that follow it in one list (`["docker", "ps"]`, `"docker", ["ps"]`).
    const run = [head.text];
    for (let k = 1; k < literals.length; k++) {
      if (!/^\s*,\s*\[?\s*$/.test(args.slice(literals[k - 1]!.end, literals[k]!.start))) break;
      run.push(literals[k]!.text);
    }
    out.push(run.length > 1 ? run.map(quoteForScan).join(' ') : head.text);
  }
  return out;
}

function literalsOf(code: string): { text: string; start: number; end: number }[] {
  const literals: { text: string; start: number; end: number }[] = [];
  for (let i = 0; i < code.length && literals.length < 10_000; i++) {
    const c = code[i]!;
    if (c === '#' && (i === 0 || code[i - 1] === '\n' || code[i - 1] === ' ')) {
      const nl = code.indexOf('\n', i);
      i = nl < 0 ? code.length : nl;
      continue;
    }
    if (c !== '"' && c !== "'" && c !== '`') continue;
    const triple = code.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
    let j = i + triple.length;
    let text = '';
    while (j < code.length && !code.startsWith(triple, j)) {
      if (code[j] === '\\' && j + 1 < code.length) {
        const n = code[j + 1]!;
        text += n === 'n' ? '\n' : n === 't' ? '\t' : n;
        j += 2;
        continue;
      }
      text += code[j];
      j++;
    }
    literals.push({ text, start: i, end: j + triple.length });
    i = j + triple.length - 1;
  }
  return literals;
}

function quoteForScan(s: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** crontab lines: five time fields (or `@reboot`, `@daily`, …), then a shell command. */
function cronLines(scope: Scope, text: string, label: string): void {
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (t === '' || t.startsWith('#') || /^[A-Za-z_][A-Za-z0-9_]*\s*=/.test(t)) continue;
    const m = /^(?:@\w+|(?:\S+\s+){4}\S+)\s+(.*)$/.exec(t);
    if (m) scope.nested(m[1]!, label, { spliceable: false });
  }
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
      else scope.raise('interpreter-code', `${label}: the \`e\` command runs the pattern space as a shell command`, script);
      continue;
    }
    const s = /^s(.)(?:(?!\1)[^\\]|\\.)*\1(?:(?!\1)[^\\]|\\.)*\1([gpiImMe0-9]*)(?:w\s*(\S.*))?$/.exec(cmd);
    if (s && s[2]!.includes('e')) scope.raise('interpreter-code', `${label}: the \`e\` flag runs the result as a shell command`, script);
    const w = /^[wW]\s*(\S.*)$/.exec(cmd)?.[1] ?? s?.[3];
    // Writing a local file is not the policy's business; on a server it is a change outside git.
    if (w && !scope.local && !['/dev/stdout', '/dev/stderr', '/dev/null'].includes(w)) {
      scope.raise('interpreter-code', `${label}: writes the file ${w}`, script);
    }
  }
}
