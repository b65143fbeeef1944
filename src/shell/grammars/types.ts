// The shapes of the program grammars (data only; see getopt.ts for how options are read).
import type { OptionGrammar } from '../getopt.js';

/** Languages whose code the interpreters family scans for commands (see expand/interpreters.ts). */
export type CodeLanguage =
  | 'python' | 'node' | 'ruby' | 'perl' | 'php' | 'lua' | 'tcl' | 'r' | 'powershell' | 'applescript'
  | 'awk' | 'sed' | 'vim' | 'gdb' | 'lldb' | 'lisp' | 'expect' | 'crontab' | 'ed' | 'less' | 'code'
  | 'sqlite' | 'psql' | 'mysql' | 'dc' | 'm4' | 'ftp' | 'lftp' | 'gnuplot' | 'fzf' | 'tmux' | 'screen' | 'ipython' | 'ghci'
  | 'system-crontab' | 'systemd-unit' | 'desktop-entry' | 'vscode-tasks' | 'ant-build' | 'terraform' | 'bats' | 'gyp' | 'cmake' | 'postscript';

/** Test runners whose test files (found as the runner finds them) are the project's code they run (expand/tests.ts). */
export type TestRunner = 'pytest' | 'unittest' | 'go' | 'node' | 'prove' | 'bats' | 'rspec';

/**
 * One way a program runs something. Rows are tried in order; a row applies when its option
 * conditions hold, and the search stops at the first row that applies unless it says `also`.
 */
export interface Run {
  /** Applies only when one of these options is present. */
  readonly when?: readonly string[];
  /** Applies only when none of these options is present. */
  readonly unless?: readonly string[];
  /** Applies only when the operand at this index is one of the words (`flock FILE -c CMD`). */
  readonly whenOperand?: { readonly index: number; readonly is: readonly string[] };
  /** Applies only when the operand at this index matches this pattern (a regex: `bun x.ts` runs a file, `bun dev` a script). */
  readonly whenOperandMatches?: { readonly index: number; readonly pattern: string };
  /** Applies only when one of these options has a value matching this pattern (a regex, any case: `open -a Terminal`). */
  readonly whenValue?: { readonly options: readonly string[]; readonly pattern: string };
  /** Applies only when there are at least this many operands. */
  readonly minOperands?: number;
  /** Keep looking at later rows after this one applied (option hooks beside the main payload). */
  readonly also?: boolean;

  // What runs (exactly one of these):
  /** The operands from this index on are a command and its arguments (a leading `--` is dropped). */
  readonly argv?: number;
  /**
   * With `argv` under permutation: the program's own options may stand between its operands and the
   * command, but the command's options are its own (`setarch x86_64 -R docker run -d …`).
   */
  readonly stopAtProgram?: true;
  /** With `argv`: when a `--` operand is present, the command starts after it (`mise x node@20 -- node`). */
  readonly afterDashDash?: true;
  /** With `shellOperands`: only the operands after `--`, none without one (`vagrant ssh NAME -- CMD`). */
  readonly onlyAfterDashDash?: true;
  /**
   * The words after the subcommand, past this many, are ssh's own command line, judged as `ssh …`
   * (other ssh clients that take it as it is: `kitty +kitten ssh`, `wezterm ssh`).
   */
  readonly sshLine?: number;
  /**
   * The command line is this program's: with `argv`, the operands from there on are its arguments
   * (`colima nerdctl -- ps` is `nerdctl ps`); alone, every word after the subcommand (`byobu …` is `tmux …`).
   */
  readonly program?: string;
  /** With `argv`: the value of the first of these options given is the program, the operands its arguments (`start-stop-daemon -S -x PATH -- ARGS`). */
  readonly programOption?: readonly string[];
  /** With `argv` or `shellOperands`: the value of the last of these options given is the directory the command runs in (`env -C DIR`, `sudo -D DIR`). */
  readonly chdirOption?: readonly string[];
  /**
   * An ssh session: the host is the operand at `host` (or the value of `hostOption`; `[user@]host[:port]`, the
   * port cut off), the remote command the value of `command`; `options` maps the program's options to the
   * ssh options they stand for. Judged as that `ssh` command line (`et HOST -c CMD`).
   */
  readonly sshSession?: { readonly host: number; readonly hostOption?: readonly string[]; readonly command: readonly string[]; readonly options?: Readonly<Record<string, string>> };
  /** A string a shell runs: the values of these options… */
  readonly shellOption?: readonly string[];
  /** With `shellOption`: only values that start with this, which is cut off (`exec=` of tar's checkpoint action). */
  readonly valuePrefix?: string;
  /** With `shellOption`: the value is `KEY=…`, and only keys matching this pattern (a regex, any case) carry a command (`apt -o APT::Update::Pre-Invoke::=CMD`). */
  readonly valueKey?: string;
  /** …or the operands from this index on, joined with spaces. */
  readonly shellOperands?: number;
  /** …or each operand from this index on is a command line of its own (`concurrently "a" "b"`). */
  readonly shellEach?: number;
  /** With `shellEach` (or `codeFiles`): only operands matching this pattern (a regex, any case) carry a command, its first group (`socat - EXEC:CMD`). */
  readonly operandPattern?: string;
  /** …or the one operand at this index (`bash -c STRING arg0 …`). */
  readonly shellOperand?: number;
  /** With `shellEach` or `shellOption`: each payload is this text followed by the operand (`tmux ` for tmux's command arguments, `cargo ` for `cargo watch -x`). */
  readonly prefix?: string;
  /**
   * With `shellEach`, `shellOperands` or `shellOption`: each payload names package.json scripts (the first word,
   * commas between names), run as this npm command line and the name (`npm run --workspaces`: `turbo run X`, `lerna run X`).
   */
  readonly scriptNames?: string;
  /** The value of this option is a program to run: a path is judged as a script, a name as that command. */
  readonly scriptOrCommandOption?: readonly string[];
  /** The operand at this index is a shell script file (the rest are its arguments). */
  readonly script?: number;
  /** The operand at this index is a directory whose files run one by one (run-parts(8): names of `[A-Za-z0-9_-]`, or any with --regex). */
  readonly scriptsIn?: number;
  /**
   * The nearest file of this name, from the directory the operand at `dir` names (else the working directory)
   * upward, is a shell script the program runs (direnv's `.envrc`); with `also`, before the row's command. With `code`,
   * a file of that language (node-gyp's binding.gyp).
   */
  readonly scriptUp?: { readonly file: string; readonly dir?: number; readonly here?: true };
  /**
   * The values of these options are directories (or name prefixes) the program takes the programs of these
   * names from (`gcc -B DIR`: as, ld, cc1): each found there is judged as run; one that cannot be read asks.
   * Under the `trusted` directories (the system's own toolchains) nothing is read. `variables`: the same
   * from each `:`-separated part of these environment variables (gcc's COMPILER_PATH, GCC_EXEC_PREFIX).
   */
  readonly programsIn?: { readonly options: readonly string[]; readonly names: readonly string[]; readonly trusted: readonly string[]; readonly variables?: readonly string[] };
  /** With `shellOption`: the value is the program and its arguments, split at this character (`gcc -wrapper PROG,ARG`). */
  readonly valueSplit?: string;
  /** The value of this option is a shell script file. */
  readonly scriptOption?: readonly string[];
  /** A shell script read from stdin. */
  readonly stdinShell?: true;
  /**
   * Code in a language: from these options' values (joined by newlines), the operand at
   * `codeOperand`, the file named by the operand at `codeFile` or by `codeFileOption`, or stdin.
   */
  readonly code?: CodeLanguage;
  readonly codeOption?: readonly string[];
  readonly codeOperand?: number;
  readonly codeFile?: number;
  /** With `code`: each operand from this index on names a file of it (with `operandPattern`, only those matching, its first group the file). */
  readonly codeFiles?: number;
  readonly codeFileOption?: readonly string[];
  readonly codeStdin?: true;
  /** With `codeOption`: a value equal to this means the code is read from stdin (`pwsh -Command -`). */
  readonly stdinValue?: string;
  /** With `codeOption`: the values are base64 of the code's text in this encoding (`pwsh -EncodedCommand`: UTF-16LE). */
  readonly codeEncoded?: 'utf16le' | 'utf8';
  /** With `code`: every operand from this index on is code too (`mlr … put EXPR`, `python -m timeit STMT`). */
  readonly codeOperands?: number;
  /** With `code`: operands from this index on name modules (or files) of that language to load (`python -m unittest NAME`). */
  readonly moduleOperands?: number;
  /** The test files this runner collects, from its operands or as it searches for them. */
  readonly tests?: TestRunner;
  /** With `code`: these options' values name modules of that language to load (`python -m`, `perl -M`, `ruby -r`). */
  readonly moduleOption?: readonly string[];
  /** Environment variables whose value is a command the program runs through a shell (`LESSOPEN`, `MANPAGER`). */
  readonly envShell?: readonly string[];
  /** With `envShell`: the value is split into words at blanks, quotes and backslashes kept (zgrep's unquoted `${GREP-grep}`), not read as shell. */
  readonly envWords?: true;
  /** With `code`: environment variables whose value is code of that language the program runs (perl -d's `PERL5DB`). */
  readonly envCode?: readonly string[];
  /** With `code`: environment variables that name a file of that language the program runs (python's `PYTHONSTARTUP`). */
  readonly envCodeFile?: readonly string[];
  /** With `envCode`: a value starting with this names a file of code instead (lua's `LUA_INIT=@FILE`). */
  readonly envCodeFilePrefix?: string;
  /** Operands that start with `+` are code too (`vim +'!cmd'`). */
  readonly codePlusOperands?: true;
  /** Commands inside the arguments, each from one of `from` to one of `to` (`find -exec … ;`). */
  /** `placeholder`: the string replaced by a name found at run time (find's `{}`). */
  readonly embedded?: { readonly from: readonly string[]; readonly to: readonly string[]; readonly placeholder?: string };
  /** With code: values of these options, and operands from this index, are data the code may run (awk -v, ARGV). */
  readonly dataOptions?: readonly string[];
  readonly dataOperands?: number;
  /** Something runs that cannot be read: an interpreter-code event with this reason. */
  readonly interpreterEvent?: string;
  /** With shell operands: a `--` among them is dropped (`npm explore PKG -- CMD`). */
  readonly dropDashDash?: true;
  /** With argv: the first word is an installable (`nixpkgs#docker`): the program is named after it. */
  readonly installable?: true;
  /**
   * With argv: the first word is a command of the program's own, which goes on as the row named
   * `PREFIX WORD` (`kitty @ launch …` as the row `kitty @ launch`; a command without a row runs nothing known).
   */
  readonly commandRow?: string;
  /** With argv: the first word is a snap's `NAME.APP`, which runs as `NAME APP` (`snap run docker.compose up`). */
  readonly snapApp?: true;
  /** With argv: a leading match of this pattern (a regex) is cut off the first word (hatch's environment: `hatch run prod:pytest`). */
  readonly headPrefix?: string;
  /** With argv: the first word may carry a version, which is not part of the program's name (`npx node@20`). */
  readonly versioned?: true;
  /** `gh alias set NAME EXPANSION`: a shell expansion (`!…`, --shell) or gh arguments that run later. */
  readonly ghAlias?: true;
  /** Runs nothing from the command line (`command -v`, `sudo -l`): judged as the program itself. */
  readonly nothing?: true;

  // How it runs:
  /** Leading `NAME=value` operands are the payload's environment (`env`, `sudo`, `cross-env`). */
  readonly assignments?: true;
  /** Operands are several payloads separated by these words (`parallel … ::: …`: only the part before). */
  readonly until?: readonly string[];
  /** The payload is typed as keys into a shell (`tmux send-keys`): key names like `Enter` are dropped. */
  readonly keys?: true;
  /** The payload runs on the server of the command's remote operand (`rsync --rsync-path`). */
  readonly remote?: true;
  /** Its arguments come from stdin, so the command cannot be replaced by a rewrite (`xargs`). */
  readonly fromStdin?: true;
  /** Besides running the payload, the program does its own work and is judged too (`tar`, `vim`). */
  readonly self?: true;
  /** A short label for reasons (`sudo`, `tmux new-session`); default: the program's name. */
  readonly label?: string;
}

/** A subcommand's own options and runs. */
export interface Subcommand {
  readonly options?: OptionGrammar;
  readonly runs: readonly Run[];
}

/** A program that runs other commands: a row of the runner table. */
export interface Runner {
  readonly names: readonly string[];
  readonly options?: OptionGrammar;
  /** Subcommands selected by the first operand; names not listed fall to `runs`. */
  readonly subcommands?: Readonly<Record<string, Subcommand>>;
  /** Subcommand aliases (`new` for `new-session`). */
  readonly subcommandAliases?: Readonly<Record<string, string>>;
  /** A subcommand may be any unique prefix of its name (tmux). */
  readonly abbreviateSubcommands?: boolean;
  readonly runs: readonly Run[];
}
