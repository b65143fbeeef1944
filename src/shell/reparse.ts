// Text the shell parses again that tree-sitter leaves as text: backtick bodies with escapes,
// substitutions in `${…}` operands, array subscripts, heredoc bodies, and variables whose value the
// shell runs later.

/** Inside backticks a backslash escapes only `\`, `` ` `` and `$` (bash(1), Command Substitution). */
export function unescapeBackticks(body: string): string {
  return body.replace(/\\([\\`$])/g, '$1');
}

/** Variables whose value runs later, and how: a command (`PROMPT_COMMAND`), or a prompt whose substitutions run. */
export const RUNS_LATER_VARIABLES: Record<string, (value: string) => string> = {
  PROMPT_COMMAND: (v) => v, PS0: promptCommands, PS1: promptCommands, PS2: promptCommands, PS4: promptCommands, BASH_ENV: (v) => `. ${v}`,
  // Commands programs run later from the environment (pagers, editors, preprocessors, ssh for git).
  LESSOPEN: (v) => v.replace(/^\|+-?/, '').replace(/%s/g, 'FILE'), LESSCLOSE: (v) => v.replace(/%s/g, 'FILE'),
  PAGER: (v) => v, MANPAGER: (v) => v, GIT_PAGER: (v) => v, EDITOR: (v) => v, VISUAL: (v) => v, GIT_EDITOR: (v) => v,
  GIT_SSH_COMMAND: (v) => v, GIT_SEQUENCE_EDITOR: (v) => v, GIT_EXTERNAL_DIFF: (v) => v, SUDO_ASKPASS: (v) => v,
};

/**
 * What a prompt runs when the shell shows it (bash(1) PROMPTING: with promptvars, parameter and
 * arithmetic expansion and command substitution): its substitutions, one command line each; `:` when
 * there are none. Past substitutionsIn's bound the whole value is read as a double-quoted word instead,
 * so nothing is left unread.
 */
function promptCommands(value: string): string {
  const commands = substitutionsIn(value);
  if (commands.length >= MAX_SUBSTITUTIONS) return `: "${value.replace(/"/g, '')}"`;
  return commands.length > 0 ? commands.join('\n') : ':';
}

/** A substitution the shell runs: `$(…)`, backticks, `<(…)`. */
export const SUBSTITUTION = /\$\(|`|<\(|>\(/;
/** An array subscript holding a substitution, which arithmetic evaluation runs (`a[$(cmd)]`). */
export const SUBSCRIPT_SUBSTITUTION = /\[[^\]]*(?:\$\(|`)/;


const MAX_SUBSTITUTIONS = 100;

/** The commands of `` `…` `` and `$(…)` substitutions in text (balanced parentheses; bounded). */
export function substitutionsIn(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length && out.length < MAX_SUBSTITUTIONS; i++) {
    if (text[i] === '\\') { i++; continue; }
    if (text[i] === '`') {
      const j = text.indexOf('`', i + 1);
      if (j < 0) break;
      out.push(text.slice(i + 1, j));
      i = j;
    } else if (text.startsWith('$(', i) && !text.startsWith('$((', i)) {
      let depth = 0;
      let j = i + 1;
      for (; j < text.length; j++) {
        if (text[j] === '(') depth++;
        else if (text[j] === ')' && --depth === 0) break;
      }
      out.push(text.slice(i + 2, j));
      i = j;
    }
  }
  return out;
}
