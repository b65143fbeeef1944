// The files hook managers put where git runs hooks (husky, lefthook, pre-commit), described by
// their lines: a file is one tool's only when it has the tool's marker line and every other line
// (blank lines and comments aside) is one the tool writes. Then it is judged as what it stands for
// (`lefthook run pre-commit`, husky's `sh -e .husky/pre-commit`), which the runner families read in
// turn; any other line makes it a script of its own, read as written. Data only (expand/hook-shims.ts).

export interface ShimLine {
  readonly re: RegExp;
  /** Shell text the line runs, judged in its place (`$1`… are its groups, quoted). */
  readonly runs?: string;
}

export interface HookShim {
  readonly tool: string;
  /** A line only this tool's file has; its groups fill `$1`… of `runs`. */
  readonly marker: RegExp;
  /** Every other line the tool writes. */
  readonly lines: readonly ShimLine[];
  /**
   * What the file stands for, as shell text: {hook} is the hook's name, {dir} the file's directory,
   * {xdg} $XDG_CONFIG_HOME (or ~/.config), {home} the home directory; $1… the marker's groups.
   */
  readonly runs: string;
  /** Files beside it that it runs, which must be this tool's too (else the file is read as written). */
  readonly companions?: readonly { readonly path: string; readonly tool: string }[];
  /** Only the marker is the tool's (the first line after `#!`); the rest of the file is the hook's own script. */
  readonly rest?: true;
  /** A variable that, when the command line sets it, names the program the shim runs instead of the tool. */
  readonly binEnv?: string;
  /** Only ever a companion of another file (husky's runner), never a hook itself. */
  readonly companionOnly?: true;
}

/** A double-quoted string in which nothing runs: variables only (no `$(`, no backticks). */
const DQ = String.raw`"(?:[^"\\\`$]|\$(?![(])|\\.)*"`;
/** `[ COND ] && echo "…"`, `echo "…"`: messages only (no substitution; output to the terminal only). */
const ECHO: ShimLine = { re: new RegExp(String.raw`^(?:\[ [^\]\`$(]*(?:\$[\w{}-]+[^\]\`$(]*)* \] && )?echo (?:${DQ}|'[^']*')(?: 1?>&2)?$`) };
const IF_ENV: ShimLine = { re: /^if \[ "\$[A-Z_]+" = "[\w.]+"(?: -o "\$[A-Z_]+" = "[\w.]+")? \]; then$/ };
const SH_KEYWORDS: ShimLine = { re: /^(?:then|else|fi|\{|\}|set -x|set -a|exit(?: 0| 1| \$c)?)$/ };
/** A launcher line of lefthook: the program found some way (PATH, node_modules, bundler, a package runner) run with the hook's arguments. */
const LEFTHOOK_LAUNCH = /^(?:eval )?(?:(?:bundle exec|yarn|pnpm(?: exec)?|npx(?: --no-install)?|go tool|swift run|mint run|uv run|mise exec --|bunx) )?"?\\?"?(?:\$dir\/node_modules\/(?:[\w@${}-][\w@.${}-]*\/)*)?(?:@evilmartians\/|csjones\/)?lefthook(?:-plugin)?(?:\.exe|\.bat|\/bin\/index\.js)?\\?"?"?(?: "?\$@"?)?"?$/;

export const HOOK_SHIMS: readonly HookShim[] = [
  {
    // husky 9: `.husky/_/NAME` sources husky's runner `h` beside it.
    tool: 'husky', marker: /^\. "(?:\$\{0%\/\*\}|\$\(dirname "\$0"\))\/h"$/, lines: [], runs: '',
    companions: [{ path: 'h', tool: 'husky-runner' }],
  },
  {
    // husky 9's runner: the user's init.sh, then `sh -e` on the hook of the same name one directory up.
    tool: 'husky-runner', companionOnly: true, marker: /^sh -e "\$s" "\$@"$/,
    lines: [
      { re: /^\[ "\$HUSKY" = "2" \] && set -x$/ }, { re: /^n=\$\(basename "\$0"\)$/ }, { re: /^h="\$\{0##\*\/\}"$/ },
      { re: /^s=\$\(dirname "\$\(dirname "\$0"\)"\)\/\$n$/ }, { re: /^s="\$\{0%\/\*\/\*\}\/\$h"$/ },
      { re: /^\[ ! -f "\$s" \] && exit 0$/ }, { re: /^if \[ -f "\$HOME\/\.huskyrc" \]; then$/ },
      { re: /^i="\$\{XDG_CONFIG_HOME:-\$HOME\/\.config\}\/husky\/init\.sh"$/ }, { re: /^\[ -f "\$[if]" \] && \. "\$[if]"$/ },
      { re: /^for f in "\$\{XDG_CONFIG_HOME:-\$HOME\/\.config\}\/husky\/init\.sh" "\$HOME\/\.huskyrc(?:\.sh)?"; do$/ }, { re: /^done$/ },
      { re: /^\[ "\$\{HUSKY-\}" = "0" \] && exit 0$/ }, { re: /^export PATH="node_modules\/\.bin:\$PATH"$/ }, { re: /^c=\$\?$/ },
      ECHO, SH_KEYWORDS,
    ],
    // (node_modules/.bin first on PATH: a name found there is that file; the rest of PATH is the user's.)
    runs: '. {xdg}/husky/init.sh\n. {home}/.huskyrc\n. {home}/.huskyrc.sh\nPATH=node_modules/.bin sh -e {dir}/../{hook}',
  },
  {
    // husky 5–8: `.husky/NAME` starts by sourcing `_/husky.sh`; the rest is the hook.
    tool: 'husky (hook)', marker: /^\. "\$\(dirname (?:-- )?"\$0"\)\/_\/husky\.sh"$/, lines: [], runs: '', rest: true,
    companions: [{ path: '_/husky.sh', tool: 'husky.sh' }],
  },
  {
    // husky 5–8's husky.sh: sources ~/.huskyrc, then runs the hook again with `sh -e` (the rest, above).
    tool: 'husky.sh', companionOnly: true, marker: /^if \[ -z "\$husky_skip_init" \]; then$/,
    lines: [
      { re: /^debug \(\) \{$/ }, { re: /^if \[ "\$HUSKY_DEBUG" = "1" \]; then$/ }, { re: /^echo "husky \(debug\) - \$1"$/ },
      { re: /^readonly hook_name="\$\(basename(?: --)? "\$0"\)"$/ }, { re: /^debug "[^"`$]*(?:\$hook_name[^"`$]*)?"$/ },
      { re: /^if \[ "\$HUSKY" = "0" \]; then$/ }, { re: /^if \[ -f ~\/\.huskyrc \]; then$/ }, { re: /^\. ~\/\.huskyrc$/ },
      { re: /^readonly husky_skip_init=1$/ }, { re: /^export husky_skip_init$/ }, { re: /^sh -e "\$0" "\$@"$/ },
      { re: /^exitCode="\$\?"$/ }, { re: /^if \[ \$exitCode (?:!=|=) \d+ \]; then$/ }, { re: /^exit \$exitCode$/ },
      ECHO, SH_KEYWORDS,
    ],
    runs: '. {home}/.huskyrc',
  },
  {
    // husky 9.1 leaves a husky.sh that only says it is deprecated.
    tool: 'husky.sh', companionOnly: true, marker: new RegExp(String.raw`^echo "husky - DEPRECATED${DQ.slice(1)}$`), lines: [], runs: '',
  },
  {
    // lefthook install: finds lefthook and runs `lefthook run NAME`.
    tool: 'lefthook', marker: /^call_lefthook (?:run "([\w-]+)" "\$@"|"run ([\w-]+) \$@")$/, binEnv: 'LEFTHOOK_BIN',
    lines: [
      IF_ENV, { re: /^call_lefthook\(\)$/ }, { re: /^if test -n "\$LEFTHOOK_BIN"$/ }, { re: /^"\$LEFTHOOK_BIN" "\$@"$/ },
      { re: /^(?:el)?if (?:test -f "\$dir\/node_modules\/[\w@./${}-]*"|(?:(?:bundle exec|yarn|pnpm(?: exec)?|npx(?: --no-install)?|go tool|swift run|mint run|uv run|mise exec --|bunx) )?(?:@evilmartians\/|csjones\/)?lefthook(?:-plugin)?(?:\.exe|\.bat)? -h >\s?\/dev\/null 2>&1)$/ },
      { re: LEFTHOOK_LAUNCH },
      { re: /^dir="\$\(git rev-parse --show-toplevel(?: 2>\/dev\/null \|\| pwd)?\)"$/ },
      { re: /^osArch=\$\((?:echo "\$\(uname\)"|uname) \| tr '\[:upper:\]' '\[:lower:\]'\)$/ },
      { re: /^cpuArch=\$\((?:echo "\$\(uname -m\)"|uname -m) \| sed 's\/aarch64\/arm64\/(?:;s\/x86_64\/x64\/)?'\)$/ },
      { re: /^\[ -f ([\w./~-]+) \] && \. \1$/, runs: '. $1' },
      ECHO, SH_KEYWORDS,
    ],
    runs: 'lefthook run $1',
  },
  {
    // pre-commit install: `pre-commit hook-impl --config=FILE --hook-type=NAME`, i.e. the config's hooks.
    tool: 'pre-commit', marker: /^ARGS=\(hook-impl --config=([\w./-]+) --hook-type=([\w-]+)(?: --skip-on-missing-config)?\)$/,
    lines: [
      { re: /^INSTALL_PYTHON=['"]?\/[\w./+-]*\/python[\d.]*(?:\.exe)?['"]?$/ }, { re: /^HERE="\$\(cd "\$\(dirname "\$0"\)" && pwd\)"$/ },
      { re: /^ARGS\+=\(--hook-dir "\$HERE" -- "\$@"\)$/ }, { re: /^if \[ -x "\$INSTALL_PYTHON" \]; then$/ },
      { re: /^exec "\$INSTALL_PYTHON" -mpre_commit "\$\{ARGS\[@\]\}"$/ }, { re: /^elif command -v pre-commit > ?\/dev\/null; then$/ },
      { re: /^exec pre-commit "\$\{ARGS\[@\]\}"$/ }, ECHO, SH_KEYWORDS,
    ],
    runs: 'pre-commit run --config $1 --hook-stage $2',
  },
];
