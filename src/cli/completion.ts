// `gitops-guard completion bash|zsh`: shell completion for the command line. The subcommands and
// their options are read from the commands' own usage texts, so the completion cannot drift from
// --help; the values some options and subcommands take are listed here.
import { HOSTS } from '../hooks/load.js';
import { COMMANDS } from './commands.js';
import { usageError } from './exit.js';

export const usage = `Usage: gitops-guard completion bash|zsh

Print shell completion for gitops-guard: subcommands, their options, host names, shells, and the
environment names of the project's gitops-guard.json (--env, promote FROM TO).
  bash:  eval "$(gitops-guard completion bash)"   (in ~/.bashrc; or save it to
         ~/.local/share/bash-completion/completions/gitops-guard)
  zsh:   eval "$(gitops-guard completion zsh)"    (in ~/.zshrc, after compinit)
`;

/** Values for an option or a subcommand's first argument. */
const VALUES: Readonly<Record<string, readonly string[]>> = {
  '--agent': HOSTS,
  '--reporter': ['text', 'junit', 'tap'],
  hook: HOSTS,
  'shell-init': ['bash', 'zsh', 'fish'],
  completion: ['bash', 'zsh'],
  server: ['install'],
};

/** Values read from the project at completion time: the environment names in its gitops-guard.json. */
const ENVIRONMENTS = 'gitops-guard environments --names 2>/dev/null';
/** Options and subcommands whose values (or first two arguments, for promote) are environment names. */
const TAKES_ENVIRONMENT = ['--env'];
const PROMOTE = 'promote';

/** Each subcommand with its options, from its usage text. */
export async function commandOptions(): Promise<{ name: string; summary: string; options: string[] }[]> {
  return Promise.all(Object.entries(COMMANDS).map(async ([name, c]) => {
    const text = name === 'completion' ? usage : (await c.load()).usage ?? '';
    const options = [...new Set([...text.matchAll(/(?<![\w-])(--[a-z][a-z-]*)/g)].map((m) => m[1]!))].sort();
    return { name, summary: c.summary, options };
  }));
}

const words = (list: readonly string[]): string => list.join(' ');
const sq = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

export function bashCompletion(commands: Awaited<ReturnType<typeof commandOptions>>): string {
  const optionCases = commands.map((c) => `    ${c.name}) opts=${sq(words(c.options))} ;;`).join('\n');
  const valueCases = Object.entries(VALUES).map(([k, v]) => `    ${k}) COMPREPLY=($(compgen -W ${sq(words(v))} -- "$cur")); return ;;`).join('\n');
  return `# gitops-guard completion (bash)
_gitops_guard() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]} cmd=\${COMP_WORDS[1]} opts=
  if (( COMP_CWORD == 1 )); then
    COMPREPLY=($(compgen -W ${sq(words(commands.map((c) => c.name)))} -- "$cur")); return
  fi
  if [[ $cmd == ${PROMOTE} && $cur != -* ]] && (( COMP_CWORD <= 3 )); then
    COMPREPLY=($(compgen -W "$(${ENVIRONMENTS})" -- "$cur")); return
  fi
  if (( COMP_CWORD == 2 )) || [[ $prev == --* ]]; then
    case $prev in
${valueCases}
    ${TAKES_ENVIRONMENT.join('|')}) COMPREPLY=($(compgen -W "$(${ENVIRONMENTS})" -- "$cur")); return ;;
    esac
  fi
  case $cmd in
${optionCases}
  esac
  if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W "$opts --help" -- "$cur")); return; fi
  COMPREPLY=($(compgen -f -- "$cur"))
}
complete -o filenames -F _gitops_guard gitops-guard
`;
}

export function zshCompletion(commands: Awaited<ReturnType<typeof commandOptions>>): string {
  const described = commands.map((c) => `    ${sq(`${c.name}:${c.summary.replace(/:/g, '\\:')}`)}`).join('\n');
  const optionCases = commands.map((c) => `    ${c.name}) opts=(${c.options.map(sq).join(' ')}) ;;`).join('\n');
  const valueCases = Object.entries(VALUES).map(([k, v]) => `      ${k}) compadd -- ${v.map(sq).join(' ')}; return ;;`).join('\n');
  return `# gitops-guard completion (zsh)
_gitops_guard() {
  local -a commands opts
  commands=(
${described}
  )
  if (( CURRENT == 2 )); then _describe 'gitops-guard command' commands; return; fi
  if [[ \${words[2]} == ${PROMOTE} && \${words[CURRENT]} != -* ]] && (( CURRENT <= 4 )); then
    compadd -- \${(f)"$(${ENVIRONMENTS})"}; return
  fi
  if (( CURRENT == 3 )) || [[ \${words[CURRENT-1]} == --* ]]; then
    case \${words[CURRENT-1]} in
${valueCases}
      ${TAKES_ENVIRONMENT.join('|')}) compadd -- \${(f)"$(${ENVIRONMENTS})"}; return ;;
    esac
  fi
  case \${words[2]} in
${optionCases}
  esac
  if [[ \${words[CURRENT]} == -* ]]; then compadd -- $opts --help; else _files; fi
}
if (( $+functions[compdef] )); then compdef _gitops_guard gitops-guard; fi
`;
}

export async function run(argv: string[]): Promise<number> {
  if (argv[0] === '--help' || argv[0] === '-h') { process.stdout.write(usage); return 0; }
  if (argv.length !== 1 || (argv[0] !== 'bash' && argv[0] !== 'zsh')) throw usageError('completion: expected "bash" or "zsh"');
  const commands = await commandOptions();
  process.stdout.write(argv[0] === 'bash' ? bashCompletion(commands) : zshCompletion(commands));
  return 0;
}
