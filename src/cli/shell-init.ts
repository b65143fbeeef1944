// `gitops-guard shell-init bash|zsh|fish`: a snippet that, sourced in an interactive shell, stops a
// forbidden command typed at the prompt before it runs, and prints the reason and the rewrite.
//
// bash: `shopt -s extdebug` + a DEBUG trap. With extdebug, a non-zero return from the trap skips
// the command, and functions, subshells and command substitutions inherit the trap. Each simple
// command is checked through $BASH_COMMAND as it is about to run: the typed line from `history`
// would miss lines that HISTCONTROL keeps out of history. PS0 (expanded when a typed line starts
// to run) arms the check; the start of PROMPT_COMMAND disarms it, so prompt hooks are not judged.
// zsh: an accept-line widget checks the whole buffer before it is accepted.
// fish: Enter is bound to a function that checks the command line, then executes it or not.
//
// Both skip commands made only of plain words with no managed or script-running name (a subset of
// what the CLI's own fast path allows), so most commands cost nothing. If the guard cannot run, the
// command is blocked, with the way to switch the guard off for this shell.
import { fileURLToPath } from 'node:url';
import { usageError } from './exit.js';

export const usage = `Usage: gitops-guard shell-init bash|zsh|fish

Print a snippet for an interactive shell that stops a forbidden command typed at the prompt
before it runs, and prints the reason and the GitOps equivalent. Add to ~/.bashrc or ~/.zshrc:

  eval "$(gitops-guard shell-init bash)"     # or: zsh

or to ~/.config/fish/config.fish:

  gitops-guard shell-init fish | source
`;

/** Names that send a command to the guard (the CLI decides; this only avoids starting it for nothing). */
const NAMES = 'docker|podman|nerdctl|compose|ssh|scp|rsync|sftp|git|sh|eval|source|make|npm|yarn|pnpm|bun|python|node|ruby|perl|php|lua|deno|Rscript|osascript|pwsh|sudo|env|exec|xargs|find|watch|timeout|nohup|kubectl';

function quote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

export function bashSnippet(node: string, bin: string): string {
  return `# gitops-guard: stop forbidden commands typed at this prompt (bash). Off: __gitops_guard_off
__gitops_guard_cmd=(${quote(node)} ${quote(bin)})
__gitops_guard_armed=0
__gitops_guard_block=0
__gitops_guard_trap() {
  local cmd=$BASH_COMMAND
  case $cmd in __gitops_guard_prompt*) __gitops_guard_armed=0; __gitops_guard_block=0; return 0 ;; esac
  (( __gitops_guard_armed )) || return 0
  (( __gitops_guard_block )) && return 1
  case $cmd in __gitops_guard_*) return 0 ;; esac
  if [[ $cmd =~ ^[A-Za-z0-9_=:,.\\ -]*$ && ! $cmd =~ (${NAMES}) ]]; then return 0; fi
  local out rc
  out=$("\${__gitops_guard_cmd[@]}" check -- "$cmd" 2>&1); rc=$?
  (( rc == 0 )) && return 0
  __gitops_guard_block=1
  if (( rc == 2 || rc == 3 )); then
    printf '%s\\n' "$out" >&2
  else
    printf 'gitops-guard could not check this command (exit %s), so it was not run:\\n%s\\nTo switch the guard off in this shell: __gitops_guard_off\\n' "$rc" "$out" >&2
  fi
  return 1
}
__gitops_guard_prompt() { :; }
__gitops_guard_off() { trap - DEBUG; PS0=\${PS0#"$__gitops_guard_ps0"}; PROMPT_COMMAND=\${PROMPT_COMMAND#__gitops_guard_prompt;}; }
__gitops_guard_ps0='\${__gitops_guard_armed:0:$((__gitops_guard_armed=1,__gitops_guard_block=0,0))}'
PS0=$__gitops_guard_ps0\${PS0-}
PROMPT_COMMAND="__gitops_guard_prompt;\${PROMPT_COMMAND-}"
shopt -s extdebug
trap '__gitops_guard_trap' DEBUG
`;
}

export function zshSnippet(node: string, bin: string): string {
  return `# gitops-guard: stop forbidden commands typed at this prompt (zsh). Off: __gitops_guard_off
typeset -ga __gitops_guard_cmd
__gitops_guard_cmd=(${quote(node)} ${quote(bin)})
__gitops_guard_accept_line() {
  local buf=$BUFFER out rc
  # The guard's own off switch, typed by the person at this prompt, runs.
  if [[ $buf =~ '^[[:space:]]*__gitops_guard_off[[:space:]]*$' ]]; then zle .accept-line; return; fi
  if [[ -n $buf && ( ! $buf =~ '^[A-Za-z0-9_=:,. -]*$' || $buf =~ '(${NAMES})' ) ]]; then
    out=$("\${__gitops_guard_cmd[@]}" check -- "$buf" 2>&1); rc=$?
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
  zle .accept-line
}
__gitops_guard_off() { zle -A .accept-line accept-line; }
zle -N accept-line __gitops_guard_accept_line
`;
}

export function fishSnippet(node: string, bin: string): string {
  return `# gitops-guard: stop forbidden commands typed at this prompt (fish). Off: __gitops_guard_off
set -g __gitops_guard_cmd ${quote(node)} ${quote(bin)}
function __gitops_guard_enter
    set -l buf (commandline | string collect)
    # The guard's own off switch, typed by the person at this prompt, runs.
    if string match -qr '^\\s*__gitops_guard_off\\s*$' -- "$buf"
        commandline -f execute
        return
    end
    if test -n "$buf"; and begin; not string match -qr '^[A-Za-z0-9_=:,. -]*$' -- "$buf"; or string match -qr '(${NAMES})' -- "$buf"; end
        set -l out ($__gitops_guard_cmd check -- "$buf" 2>&1)
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
  const snippet = shell === undefined ? undefined : SNIPPETS[shell];
  if (!snippet || rest.length > 0) throw usageError('shell-init: expected "bash", "zsh" or "fish"');
  // The bundled executable: the snippet runs `check` for every command typed (see bin.ts).
  const bin = fileURLToPath(new URL('../gitops-guard.cjs', import.meta.url));
  process.stdout.write(snippet(process.execPath, bin));
  return 0;
}
