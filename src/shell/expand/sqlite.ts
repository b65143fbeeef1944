// sqlite3's input (its SQL operands, -cmd values, stdin, -init and .read files): the dot-commands of
// grammars/sqlite.ts read as sqlite reads them, and the SQL functions there. What a shell runs is
// judged as that command; the files written are judged as writes (a guarded file is denied there).
import { DOT_COMMANDS, DOT_NOT_FILES, SQL_COMPUTED_WRITES, SQL_EDITOR, SQL_UNREADABLE, SQL_WRITES, type DotCommand } from '../grammars/sqlite.js';
import { basename } from '../words.js';
import type { Scope } from './driver.js';
import { abs } from './written-paths.js';
import { outputOfText } from './output.js';

/** What a piece of sqlite input does beyond the database. */
export interface SqliteEffects {
  /** Command lines a shell runs. */
  readonly shell: string[];
  /** Command lines whose output sqlite reads as more of its input (`.read '|cmd'`). */
  readonly input: string[];
  /** Files read as more of its input (`.read FILE`). */
  readonly files: string[];
  /** Files written, as written (null: computed at run time). */
  readonly writes: (string | null)[];
  /** Reasons the input runs what the text cannot show (native code). */
  readonly unreadable: string[];
}

/** A dot-command line's words as sqlite splits them: blanks separate, '…' and "…" quote (a backslash escapes in "…"). */
export function dotWords(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && /\s/.test(line[i]!)) i++;
    if (i >= line.length) break;
    const q = line[i]!;
    let word = '';
    if (q === "'" || q === '"') {
      i++;
      while (i < line.length && line[i] !== q) {
        if (q === '"' && line[i] === '\\' && i + 1 < line.length) i++;
        word += line[i++];
      }
      i++;
    } else {
      while (i < line.length && !/\s/.test(line[i]!)) word += line[i++];
    }
    out.push(word);
  }
  return out;
}

/** The dot-command a word names: any prefix sqlite takes (compared with case, as cli_strncmp does). */
function dotCommand(word: string): DotCommand | undefined {
  const name = word.slice(1);
  return DOT_COMMANDS.find((d) => name.length >= d.min && d.name.startsWith(name));
}

const OPTION = /^-{1,2}[A-Za-z]/;

function dot(cmd: DotCommand, args: readonly string[], out: SqliteEffects): void {
  if (cmd.shell) { if (args.length > 0) out.shell.push(args.join(' ')); return; }
  // A `|` word is a command wherever it stands among the words (options with values before it).
  const pipe = cmd.pipe ? args.findIndex((a) => a.startsWith('|')) : -1;
  if (pipe >= 0) {
    const command = (cmd.pipe === 'rest' ? args.slice(pipe) : [args[pipe]!]).join(' ').slice(1);
    (cmd.input ? out.input : out.shell).push(command);
    return;
  }
  const plain = args.filter((a) => !OPTION.test(a));
  const first = plain[0];
  if (cmd.input && first !== undefined) out.files.push(first);
  if (cmd.loads && first !== undefined) out.unreadable.push(`.${cmd.name} ${first} loads native code`);
  const file = cmd.writes === 'first' ? first : cmd.writes === 'last' ? plain[plain.length - 1] : undefined;
  if (file !== undefined && !DOT_NOT_FILES.has(file)) out.writes.push(file);
}

function sql(text: string, out: SqliteEffects): void {
  const literal = (s: string): string => s.replace(/''/g, "'");
  for (const re of SQL_WRITES) for (const m of text.matchAll(re)) out.writes.push(literal(m[1]!));
  if (SQL_COMPUTED_WRITES.test(text)) out.writes.push(null);
  for (const m of text.matchAll(SQL_EDITOR)) out.shell.push(literal(m[1]!));
  if (SQL_UNREADABLE.test(text)) out.unreadable.push('edit() with a computed editor, or load_extension(), runs code the text does not show');
}

/** What sqlite input does: dot-command lines (a line starting with `.`) and the SQL around them. */
export function sqliteEffects(code: string): SqliteEffects {
  const out: SqliteEffects = { shell: [], input: [], files: [], writes: [], unreadable: [] };
  const rest: string[] = [];
  for (const line of code.split('\n')) {
    const t = line.trimStart();
    if (!t.startsWith('.')) { rest.push(line); continue; }
    const words = dotWords(t);
    const cmd = dotCommand(words[0]!);
    if (cmd) dot(cmd, words.slice(1), out);
  }
  sql(rest.join('\n'), out);
  return out;
}

/** Judge sqlite input: its shell commands, the files it reads as input (`readFile`) and the files it writes. */
export function sqliteScript(scope: Scope, code: string, label: string, readFile: (path: string) => void): void {
  const fx = sqliteEffects(code);
  for (const cmd of fx.shell) scope.nested(cmd, `${label} (sqlite)`, { spliceable: false });
  for (const cmd of fx.input) {
    scope.nested(cmd, `${label} .read |`, { spliceable: false });
    // What a plain producer prints (echo, printf, cat of a file; on a server, not its files) is more input, read as such.
    const printed = outputOfText(scope, cmd, scope.local ? undefined : () => null);
    if (printed !== null) sqliteScript(scope, printed, `${label} .read |${cmd}`, readFile);
    else scope.raise('interpreter-code', `${label}: \`.read |${cmd}\` runs what that command prints as sqlite's input`, cmd);
  }
  for (const why of fx.unreadable) scope.raise('interpreter-code', `${label}: ${why}`);
  for (const file of fx.files) readFile(file);
  if (scope.local && fx.writes.length > 0) {
    const writes = fx.writes.map((p) => (p === null ? null : abs(p, scope.cwd)));
    scope.emit(scope.argv, basename(scope.argv[0]?.value ?? 'sqlite3'), { writes });
  }
}
