// `gitops-guard shell-init bash|zsh|fish`: a snippet that, sourced in an interactive shell, stops a
// forbidden command typed at the prompt before it runs, and prints the reason and the rewrite.
//
// bash: `shopt -s extdebug` + a DEBUG trap. With extdebug, a non-zero return from the trap skips
// the command, and functions, subshells and command substitutions inherit the trap. Each simple
// command is checked through $BASH_COMMAND as it is about to run: the typed line from `history`
// would miss lines that HISTCONTROL keeps out of history. PS0 (expanded when a typed line starts
// to run) arms the check; the start of PROMPT_COMMAND disarms it, so prompt hooks are not judged. The
// snippet heals itself: the trap turns functrace and extdebug back on, and the prompt hook puts PS0's
// arming prefix back.
// zsh: every widget that accepts a line (accept-line, accept-and-hold, accept-line-and-down-history,
// accept-and-infer-next-history) is replaced by one that checks the whole buffer first.
// fish: Enter is bound to a function that checks the command line, then executes it or not.
//
// All three skip commands made only of plain words with no name of the fast path's derived list
// (see quickNames), so most commands cost nothing. A project's own rule packs name programs of their
// own: the snippet finds the nearest config file as the guard does (a walk up from $PWD, no process)
// and, whenever that file is another one than last time, asks `shell-init --names` for the list that
// holds there. The check runs without the prompt's NODE_* variables. If the guard cannot run, the
// command is blocked, with the way to switch the guard off for this shell.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG_NAMES, loadConfig } from '../config-file.js';
import { PACKAGE_ROOT } from '../paths.js';
import { RuleIndex } from '../policy/match.js';
import { rulesFor } from '../policy/ruleset.js';
import { SHELL_STATE, type FastPathNames, type ManagedNames } from '../shell/fastpath.js';
import { usageError } from './exit.js';

export const usage = `Usage: gitops-guard shell-init bash|zsh|fish
       gitops-guard shell-init --names

Print a snippet for an interactive shell that stops a forbidden command typed at the prompt
before it runs, and prints the reason and the GitOps equivalent. Add to ~/.bashrc or ~/.zshrc:

  eval "$(gitops-guard shell-init bash)"     # or: zsh

or to ~/.config/fish/config.fish:

  gitops-guard shell-init fish | source

--names prints the quick filter's pattern for the config that holds in this directory (the
snippet asks for it when it enters a project with another config file).
`;

/**
 * The quick filter: text made only of plain words (one simple command, no quotes, no `$`, no
 * slash) skips the check when it names none of these. They are the fast path's own names, as the
 * build derived them from the rules and the shell layer (dist/fastpath.json): every program and
 * keyword the rules are about, every program they watch beside a keyword, every runner and wrapper,
 * and the builtins that change what a later name runs; plus what the fast path refuses by shape
 * (`PATH=`, a `.` command). Compared without case, at the start of any word. Unbuilt: everything is checked.
 */
export function quickNames(rules?: ManagedNames): string {
  let stored: FastPathNames;
  try {
    stored = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'dist', 'fastpath.json'), 'utf8')) as FastPathNames;
  } catch {
    return '.';
  }
  const all = [
    ...stored.rules.names, ...stored.rules.guarded.map((g) => g.program),
    ...(rules ? [...rules.names, ...rules.guarded.map((g) => g.program)] : []),
    ...stored.shell.runners, ...stored.shell.wrappers, ...stored.shell.guarded.map((g) => g.program),
    ...SHELL_STATE, 'path=',
  ];
  // Only a name the filter's own characters can spell can appear in text it lets through.
  const names = [...new Set(all.map((n) => n.toLowerCase()))].filter((n) => /^[a-z0-9_=:,. -]+$/.test(n)).sort();
  // At the start of a word (a version or other suffix may follow: `python3.12`, `docker-compose`).
  return `(^|[^a-z0-9_])(${names.map((n) => n.replace(/\./g, '[.]')).join('|')})|(^| )[.]( |$)`;
}

/** The quick filter's pattern where the config found from `cwd` holds: the built-in names and those of its own rule packs. */
export async function namesAt(cwd: string): Promise<string> {
  const config = await loadConfig({ cwd });
  return config.rules.length === 0 ? quickNames() : quickNames(new RuleIndex(await rulesFor(config)).names());
}

/** The config file names a snippet looks for, as a shell word list. */
const CONFIG_WORDS = CONFIG_NAMES.join(' ');

function quote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * bash's and zsh's function that keeps the quick filter's names for the nearest config file (a walk up
 * from $PWD in the shell itself; `shell-init --names` only when that file changes). `clear` removes the
 * NODE_* variables in that shell's words.
 */
function namesHere(clear: string): string {
  return `# The names where the nearest config file holds (a project's rule packs add names of their own).
__gitops_guard_names_here() {
  local d=$PWD n at=
  while [[ -z $at ]]; do
    for n in ${CONFIG_WORDS}; do [[ -f $d/$n ]] && { at=$d/$n; break; }; done
    [[ -z $d || $d == / ]] && break
    d=\${d%/*}
  done
  [[ $at == "$__gitops_guard_names_at" ]] && return 0
  __gitops_guard_names_at=$at
  __gitops_guard_names=$(${clear} 2>/dev/null; builtin exec "\${__gitops_guard_cmd[@]}" shell-init --names 2>/dev/null) || __gitops_guard_names=.
  [[ -n $__gitops_guard_names ]] || __gitops_guard_names=.
}
`;
}

export function bashSnippet(node: string, bin: string, names = quickNames()): string {
  return `# gitops-guard: stop forbidden commands typed at this prompt (bash). Off: __gitops_guard_off
# Loaded once per shell: its functions and the check's command are read-only (a line cannot redefine
# them; function definitions never reach a DEBUG trap). Sourced again, it only switches the guard on.
if ! declare -F __gitops_guard_trap >/dev/null; then
__gitops_guard_cmd=(${quote(node)} ${quote(bin)})
# The built-in names always send a line to the check; a project's names (below) add to them.
__gitops_guard_names0=${quote(names)}
readonly __gitops_guard_cmd __gitops_guard_names0
__gitops_guard_names=.
__gitops_guard_names_at=-
__gitops_guard_armed=0
__gitops_guard_block=0
__gitops_guard_stop=0
__gitops_guard_trap() {
  # Self-healing: functions inherit this trap only with functrace (set -T, which extdebug turns on);
  # the trap runs before a function is called, so the call inherits it again.
  [[ $- == *T* ]] || set -T; shopt -q extdebug || shopt -s extdebug
  local cmd=$BASH_COMMAND
  case $cmd in __gitops_guard_prompt*) __gitops_guard_armed=0; __gitops_guard_block=0; return 0 ;; esac
  (( __gitops_guard_armed )) || return 0
  (( __gitops_guard_block )) && return 1
  # The guard's own read-only functions run unchecked (and the off switch, which acts at the next prompt).
  case \${FUNCNAME[1]-} in __gitops_guard_off|__gitops_guard_on|__gitops_guard_prompt) return 0 ;; esac
  [[ $cmd == __gitops_guard_off ]] && return 0
  local low=\${cmd,,}
  __gitops_guard_names_here
  if [[ $cmd =~ ^[A-Za-z0-9_=:,.\\ -]*$ && ! $low =~ $__gitops_guard_names0 && ! $low =~ $__gitops_guard_names ]]; then return 0; fi
  local out rc
  # The check runs without the prompt's NODE_* variables (NODE_OPTIONS=--require=… would run code
  # in it); one that cannot be removed (readonly) stops the check, and so the command.
  out=$(builtin unset -v "\${!NODE_@}" 2>/dev/null; if [[ -n \${!NODE_@} ]]; then echo "cannot clear \${!NODE_@}"; exit 125; fi
    builtin exec "\${__gitops_guard_cmd[@]}" check --prompt -- "$cmd" 2>&1); rc=$?
  (( rc == 0 )) && return 0
  __gitops_guard_block=1
  if (( rc == 2 || rc == 3 )); then
    printf '%s\\n' "$out" >&2
  else
    printf 'gitops-guard could not check this command (exit %s), so it was not run:\\n%s\\nTo switch the guard off in this shell: __gitops_guard_off\\n' "$rc" "$out" >&2
  fi
  return 1
}
${namesHere('builtin unset -v "${!NODE_@}"')}# Runs first in PROMPT_COMMAND (the trap disarms there); puts back PS0's arming prefix if it was
# removed, and switches the guard off when the off switch was typed (so nothing after it on its line
# runs unchecked).
__gitops_guard_prompt() {
  if (( __gitops_guard_stop )); then
    __gitops_guard_stop=0; trap - DEBUG; PS0=\${PS0#"$__gitops_guard_ps0"}; PROMPT_COMMAND=\${PROMPT_COMMAND#__gitops_guard_prompt;}
    return 0
  fi
  [[ \${PS0-} == "$__gitops_guard_ps0"* ]] || PS0=$__gitops_guard_ps0\${PS0-}
}
__gitops_guard_off() { __gitops_guard_stop=1; }
__gitops_guard_on() {
  __gitops_guard_stop=0
  [[ \${PS0-} == "$__gitops_guard_ps0"* ]] || PS0=$__gitops_guard_ps0\${PS0-}
  [[ \${PROMPT_COMMAND-} == __gitops_guard_prompt\\;* ]] || PROMPT_COMMAND="__gitops_guard_prompt;\${PROMPT_COMMAND-}"
  shopt -s extdebug
  trap '__gitops_guard_trap' DEBUG
}
__gitops_guard_ps0='\${__gitops_guard_armed:0:$((__gitops_guard_armed=1,__gitops_guard_block=0,0))}'
readonly __gitops_guard_ps0
readonly -f __gitops_guard_trap __gitops_guard_names_here __gitops_guard_prompt __gitops_guard_off __gitops_guard_on
fi
__gitops_guard_on
`;
}

export function zshSnippet(node: string, bin: string, names = quickNames()): string {
  return `# gitops-guard: stop forbidden commands typed at this prompt (zsh). Off: __gitops_guard_off
typeset -ga __gitops_guard_cmd
__gitops_guard_cmd=(${quote(node)} ${quote(bin)})
typeset -g __gitops_guard_names=${quote(names)} __gitops_guard_names_at=-
${namesHere("unset -m 'NODE_*'")}__gitops_guard_accept_line() {
  # History references (\`!!\`, \`!-2\`) are expanded first, so the check sees what will run; lines
  # typed before this one of a command still being entered (after a trailing backslash or an open quote) come with it.
  zle expand-history 2>/dev/null
  local buf=$PREBUFFER$BUFFER out rc
  # The guard's own off switch, typed by the person at this prompt, runs.
  if [[ $buf =~ '^[[:space:]]*__gitops_guard_off[[:space:]]*$' ]]; then zle .$WIDGET; return; fi
  __gitops_guard_names_here
  if [[ -n $buf && ( ! $buf =~ '^[A-Za-z0-9_=:,. -]*$' || \${(L)buf} =~ $__gitops_guard_names ) ]]; then
    # Without the prompt's NODE_* variables; one that cannot be removed stops the check.
    out=$(unset -m 'NODE_*' 2>/dev/null; if [[ -n \${(M)\${(k)parameters}:#NODE_*} ]]; then print -r -- "cannot clear \${(M)\${(k)parameters}:#NODE_*}"; exit 125; fi
      builtin exec "\${__gitops_guard_cmd[@]}" check --prompt -- "$buf" 2>&1); rc=$?
    if (( rc != 0 )); then
      zle -I
      if (( rc == 2 || rc == 3 )); then
        print -r -- "$out" >&2
      else
        print -r -- "gitops-guard could not check this command (exit $rc), so it was not run:" >&2
        print -r -- "$out" >&2
        print -r -- "To switch the guard off in this shell: __gitops_guard_off" >&2
      fi
      return 0
    fi
  fi
  zle .$WIDGET
}
# Every builtin widget that executes the line (Enter, Ctrl-O, ESC a, …) runs the check first.
typeset -ga __gitops_guard_widgets
__gitops_guard_widgets=(accept-line accept-and-hold accept-line-and-down-history accept-and-infer-next-history)
__gitops_guard_off() { local w; for w in $__gitops_guard_widgets; do zle -A .$w $w; done; }
() { local w; for w in $__gitops_guard_widgets; do zle -N $w __gitops_guard_accept_line; done; }
`;
}

export function fishSnippet(node: string, bin: string, names = quickNames()): string {
  return `# gitops-guard: stop forbidden commands typed at this prompt (fish). Off: __gitops_guard_off
set -g __gitops_guard_cmd ${quote(node)} ${quote(bin)}
set -g __gitops_guard_names ${quote(names)}
set -g __gitops_guard_names_at -
# The names where the nearest config file holds (a project's rule packs add names of their own).
function __gitops_guard_names_here
    set -l d $PWD
    set -l at ''
    while test -z "$at"
        for n in ${CONFIG_WORDS}
            if test -f "$d/$n"
                set at "$d/$n"
                break
            end
        end
        if test -z "$d" -o "$d" = /
            break
        end
        set d (string replace -r '/[^/]*$' '' -- $d)
    end
    if test "$at" = "$__gitops_guard_names_at"
        return
    end
    set -g __gitops_guard_names_at $at
    set -l clean
    for v in (set -xn | string match 'NODE_*')
        set -a clean -u $v
    end
    set -g __gitops_guard_names (command env $clean $__gitops_guard_cmd shell-init --names 2>/dev/null | string collect)
    or set -g __gitops_guard_names .
    test -n "$__gitops_guard_names"; or set -g __gitops_guard_names .
end
function __gitops_guard_enter
    set -l buf (commandline | string collect)
    # The guard's own off switch, typed by the person at this prompt, runs.
    if string match -qr '^\\s*__gitops_guard_off\\s*$' -- "$buf"
        commandline -f execute
        return
    end
    __gitops_guard_names_here
    if test -n "$buf"; and begin; not string match -qr '^[A-Za-z0-9_=:,. -]*$' -- "$buf"; or string match -qr -- $__gitops_guard_names (string lower -- "$buf"); end
        # Without the prompt's NODE_* variables (env -u each).
        set -l clean
        for v in (set -xn | string match 'NODE_*')
            set -a clean -u $v
        end
        set -l out (command env $clean $__gitops_guard_cmd check --prompt -- "$buf" 2>&1)
        set -l rc $status
        if test $rc -ne 0
            echo
            if test $rc -eq 2 -o $rc -eq 3
                printf '%s\\n' $out >&2
            else
                printf 'gitops-guard could not check this command (exit %s), so it was not run:\\n' $rc >&2
                printf '%s\\n' $out >&2
                echo 'To switch the guard off in this shell: __gitops_guard_off' >&2
            end
            commandline -f repaint
            return
        end
    end
    commandline -f execute
end
function __gitops_guard_off
    for mode in default insert
        bind -M $mode \\r execute
        bind -M $mode \\n execute
    end
end
for mode in default insert
    bind -M $mode \\r __gitops_guard_enter
    bind -M $mode \\n __gitops_guard_enter
end
`;
}

const SNIPPETS: Readonly<Record<string, (node: string, bin: string) => string>> = { bash: bashSnippet, zsh: zshSnippet, fish: fishSnippet };

export async function run(argv: string[]): Promise<number> {
  const [shell, ...rest] = argv;
  if (shell === '--help' || shell === '-h') {
    process.stdout.write(usage);
    return 0;
  }
  if (shell === '--names' && rest.length === 0) {
    process.stdout.write(`${await namesAt(process.cwd())}\n`);
    return 0;
  }
  const snippet = shell === undefined ? undefined : SNIPPETS[shell];
  if (!snippet || rest.length > 0) throw usageError('shell-init: expected "bash", "zsh" or "fish"');
  // The bundled executable: the snippet runs `check` for every command typed (see bin.ts).
  const bin = fileURLToPath(new URL('../gitops-guard.cjs', import.meta.url));
  process.stdout.write(snippet(process.execPath, bin));
  return 0;
}
