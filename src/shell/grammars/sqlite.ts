// sqlite3's shell (src/shell.c.in, do_meta_command): the dot-commands that hand text to a shell, read
// commands or native code from elsewhere, or write a file, and the SQL functions of its built-in
// extensions that do the same (fileio's writefile, the shell's edit). Data; read by expand/sqlite.ts.

/** What a dot-command does with its words (the options before the file are `-x` / `--x` words). */
export interface DotCommand {
  /** Its name; sqlite takes any prefix of it at least `min` letters long (`.once` as `.on`). */
  readonly name: string;
  readonly min: number;
  /** system(3) runs its words, joined with spaces (`.system CMD`, `.shell CMD`). */
  readonly shell?: true;
  /**
   * A file word starting with `|` is a command popen(3) runs: it and the words after it, joined
   * (`.output |cmd args`), or that one word (`.import '|cmd' TABLE`).
   */
  readonly pipe?: 'rest' | 'word';
  /** What it reads is more of the shell's own input (`.read FILE`, `.read '|cmd'`). */
  readonly input?: true;
  /** The file it writes: its first or its last word that is not an option (`.once FILE`, `.backup ?DB? FILE`). */
  readonly writes?: 'first' | 'last';
  /** It loads native code from the file its first word names (`.load LIB`). */
  readonly loads?: true;
}

/** File words of `.output`, `.once` and `.log` that are no file. */
export const DOT_NOT_FILES: ReadonlySet<string> = new Set(['stdout', 'stderr', 'off']);

export const DOT_COMMANDS: readonly DotCommand[] = [
  { name: 'system', min: 2, shell: true },
  { name: 'shell', min: 2, shell: true },
  { name: 'output', min: 1, pipe: 'rest', writes: 'first' },
  { name: 'once', min: 2, pipe: 'rest', writes: 'first' },
  { name: 'import', min: 1, pipe: 'word' },
  { name: 'read', min: 3, pipe: 'word', input: true },
  { name: 'log', min: 3, pipe: 'word', writes: 'first' },
  { name: 'trace', min: 2, pipe: 'word', writes: 'first' },
  { name: 'save', min: 3, writes: 'last' },
  { name: 'backup', min: 3, writes: 'last' },
  { name: 'clone', min: 2, writes: 'first' },
  { name: 'open', min: 2, writes: 'last' },
  { name: 'load', min: 1, loads: true },
];

/** SQL that writes the file its first argument names: fileio's writefile(), VACUUM INTO, ATTACH (created on first write). */
export const SQL_WRITES: readonly RegExp[] = [
  /\bwritefile\s*\(\s*'((?:[^']|'')*)'/gi,
  /\bvacuum\s+(?:[A-Za-z_]\w*\s+)?into\s+'((?:[^']|'')*)'/gi,
  /\battach\s+(?:database\s+)?'((?:[^']|'')*)'/gi,
];

/** SQL calls whose file name is computed: the write's path is known only at run time. */
export const SQL_COMPUTED_WRITES = /\bwritefile\s*\(\s*[^'\s]|\bvacuum\s+(?:[A-Za-z_]\w*\s+)?into\s+[^'\s]|\battach\s+(?:database\s+)?[^'\s]/i;

/** The shell's edit(TEXT, EDITOR): system(3) runs `EDITOR "tmpfile"`; the editor's literal is its second argument. */
export const SQL_EDITOR = /\bedit\s*\(\s*(?:'(?:[^']|'')*'|[^,'()]|\([^()]*\))*,\s*'((?:[^']|'')*)'\s*\)/gi;
/** An edit() with a second argument that is not a literal, or load_extension(): code the text cannot show. */
export const SQL_UNREADABLE = /\bedit\s*\(\s*(?:'(?:[^']|'')*'|[^,'()]|\([^()]*\))*,\s*[^'\s]|\bload_extension\s*\(/i;
