// What the runner table implies for reading text without a parser: which programs run what the
// text does not show (always, or beside which words), every runner's name, and the programs whose
// output is only their own shell setup. Derived from the table, never kept by hand.
import type { OptionGrammar } from '../getopt.js';
import { HOOKED_TOOLS, INTERPRETERS } from './interpreters.js';
import { RUNNERS } from './runners.js';
import type { Run } from './types.js';

/** Does this row run something the command's text does not show (a file, stdin, an environment variable)? */
function hidden(x: Run): boolean {
  return x.script !== undefined || x.scriptsIn !== undefined || !!x.scriptOption || !!x.stdinShell || x.codeFile !== undefined || x.codeFiles !== undefined || !!x.codeFileOption
    || !!x.codeStdin || !!x.scriptOrCommandOption || !!x.envShell || !!x.tests || x.moduleOperands !== undefined || !!x.moduleOption
    // An ssh session without a command in the text is an interactive one on the server (`et HOST`).
    || x.sshSession !== undefined
    // The row names the program that runs (`colima n -- restart web` is nerdctl's command line).
    || x.program !== undefined
    // An operand behind a prefix is a name the prefixed command looks up (`turbo run X` is `npm run X`).
    || (x.shellEach !== undefined && x.prefix !== undefined)
    // It runs what a file or a download holds, which the text cannot show (`groff -U`, `crond -c DIR`).
    || x.interpreterEvent !== undefined
    // Script names (`run-s deploy` is `npm run deploy`), a file found by name (direnv's .envrc).
    || x.scriptNames !== undefined || x.scriptUp !== undefined
    // Programs taken from a directory the text names (`gcc -B DIR`: DIR/as).
    || x.programsIn !== undefined;
}

/**
 * Programs whose payload the text alone cannot show: `names` always; `guarded` only beside one of
 * the words that turn such a row on (`sort` with `--compress-program`, `less` with `LESSOPEN`).
 */
export function fileRunnerNames(): { names: string[]; guarded: { program: string; keywords: string[] }[] } {
  const names: string[] = [];
  const guarded: { program: string; keywords: string[] }[] = [];
  for (const r of [...RUNNERS, ...INTERPRETERS, ...HOOKED_TOOLS]) {
    // A subcommand's row needs the subcommand's name in the text (or an alias; any prefix where the program takes one).
    const runs = [...r.runs.map((x) => ({ x, sub: [] as string[] })), ...Object.entries(r.subcommands ?? {}).flatMap(([name, sub]) => sub.runs.map((x) => ({
      x, sub: r.abbreviateSubcommands ? [] : [name, ...Object.entries(r.subcommandAliases ?? {}).filter(([, to]) => to === name).map(([from]) => from)],
    })))].filter((e) => hidden(e.x));
    if (runs.length === 0) continue;
    // A row turned on only by long options or environment variables: those words (as short as the
    // program accepts them) must be in the text. A short option may hide in a cluster: always read.
    const keywords: string[] = [];
    let always = false;
    for (const { x, sub } of runs) {
      if (!x.when && !x.envShell && sub.length > 0) { keywords.push(...sub); continue; }
      if (!x.when && !x.envShell) always = true;
      keywords.push(...(x.envShell ?? []));
      for (const w of x.when ?? []) {
        if (!w.startsWith('--') || r.options?.singleDashLong || r.options?.caseInsensitive) { always = true; continue; }
        keywords.push(`--${shortestPrefix(w.slice(2), r.options)}`);
      }
    }
    if (always) names.push(...r.names);
    else for (const p of r.names) guarded.push({ program: p, keywords });
  }
  return { names, guarded };
}

/** The shortest spelling of a long option the program accepts (all of it, unless it takes abbreviations). */
function shortestPrefix(name: string, options: OptionGrammar | undefined): string {
  if (!options?.abbreviate) return name;
  const others = (options.long ?? []).map((l) => l.split('|')[0]!.replace(/=\??$|==$/, '')).filter((l) => l !== name);
  for (let n = 1; n < name.length; n++) {
    const p = name.slice(0, n);
    if (!others.some((o) => o.startsWith(p))) return p;
  }
  return name;
}

/**
 * Commands whose output is shell setup code of their own tool (`eval "$(pyenv init -)"`,
 * `source <(kubectl completion bash)`): what they print defines functions, aliases and variables
 * for that tool; it runs no command of the policy's. Matched on their leading words; any
 * `PROGRAM completion SHELL` counts too.
 */
export const SETUP_GENERATORS: readonly (readonly string[])[] = [
  ['pyenv', 'init'], ['pyenv', 'virtualenv-init'], ['rbenv', 'init'], ['nodenv', 'init'], ['goenv', 'init'], ['jenv', 'init'],
  ['plenv', 'init'], ['direnv', 'hook'], ['ssh-agent'], ['fnm', 'env'], ['zoxide', 'init'], ['starship', 'init'],
  ['mise', 'activate'], ['rtx', 'activate'], ['brew', 'shellenv'], ['thefuck', '--alias'], ['atuin', 'init'],
  ['oh-my-posh', 'init'], ['conda', 'shell.bash', 'hook'], ['conda', 'shell.zsh', 'hook'], ['dircolors'],
  ['keychain', '--eval'], ['opam', 'env'], ['luarocks', 'path'], ['fzf', '--bash'], ['fzf', '--zsh'], ['navi', 'widget'],
  ['mcfly', 'init'], ['broot', '--print-shell-function'], ['pipenv', '--completion'], ['register-python-argcomplete'],
  ['cs', 'java'], ['scw', 'autocomplete', 'script'], ['gh', 'completion'], ['rustup', 'completions'],
];

/** Every program the runner table knows. */
export function allRunnerNames(): string[] {
  return [...RUNNERS, ...INTERPRETERS, ...HOOKED_TOOLS].flatMap((r) => r.names);
}
