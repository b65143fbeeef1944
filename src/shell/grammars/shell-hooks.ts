// What a shell runs or looks up by itself, with no call visible in the text (data; invocations.ts
// reads it). The agent's shell may be zsh (docs/adversarial-cases.md), so zsh's are here too.

/**
 * Functions the shell calls itself: bash's command_not_found_handle (the driver reads it), and zsh's
 * special functions (zshmisc(1) SPECIAL FUNCTIONS: chpwd, periodic, precmd, preexec, zshaddhistory,
 * zshexit, command_not_found_handler, TRAPNAL for each signal and TRAPEXIT/TRAPDEBUG/TRAPZERR) and
 * the special zle widgets (zshzle(1): zle-line-init, zle-line-finish, …). Their body is judged where
 * they are defined.
 */
export const HOOK_FUNCTION = /^(?:TRAP[A-Z0-9]+|chpwd|periodic|precmd|preexec|zshaddhistory|zshexit|command_not_found_handler|zle-[a-z-]+)$/;

/**
 * Variables the interactive shell guard (`gitops-guard shell-init`) depends on: setting or unsetting
 * one is a command to the policy, named as the variable (PS0 arms bash's DEBUG trap for each line).
 */
export const GUARD_VARIABLES: ReadonlySet<string> = new Set(['PS0']);

/**
 * zsh's special parameters whose keys name what a later word runs (zshparam(1), zsh/parameter):
 * `functions[f]=BODY` defines the function f, `commands[ls]=PATH` (like `hash ls=PATH`) makes ls run PATH.
 */
export const DEFINING_ARRAYS: Readonly<Record<string, (key: string, value: string) => string>> = {
  functions: (_key, value) => value,
  commands: (_key, value) => `${value} "$@"`,
  // bash's own tables as arrays (bash(1) BASH_CMDS: "Adding elements to this array adds commands to the
  // hash table"; BASH_ALIASES the same for aliases) and zsh's aliases/galiases (zsh/parameter): an alias
  // is read as a function running its text (an over-reading where bash does not expand aliases).
  BASH_CMDS: (_key, value) => `${value} "$@"`,
  BASH_ALIASES: (_key, value) => `${value} "$@"`,
  aliases: (_key, value) => `${value} "$@"`,
  galiases: (_key, value) => `${value} "$@"`,
};

/** zsh/mapfile's `mapfile[FILE]=TEXT` writes TEXT into FILE (zshmodules(1)): read as a write of that text, in its place. */
export const WRITING_ARRAYS: ReadonlySet<string> = new Set(['mapfile']);

/** zsh arrays tied to a colon-separated variable (zshparam(1): `path` is PATH, `fpath` is FPATH). */
export const TIED_ARRAYS: Readonly<Record<string, string>> = { path: 'PATH', fpath: 'FPATH' };

/**
 * bash's programmable completion (bash(1) Programmable Completion, complete and compgen): `-C COMMAND`
 * runs COMMAND, `-F FUNCTION` calls FUNCTION, and `-W WORDLIST` is expanded (its substitutions run),
 * when a word is completed (`complete`) or at once (`compgen`). Which options take a value.
 */
export const COMPLETION_BUILTINS: ReadonlySet<string> = new Set(['complete', 'compgen']);
export const COMPLETION_GRAMMAR = { short: 'abcdefgjksuvDEIprA:G:W:X:P:S:o:F:C:' } as const;
