// `check --prompt`: a command typed at a guarded prompt that reaches the shell guard's own state. The
// snippets of `gitops-guard shell-init` keep their functions and variables in the shell they guard
// (`__gitops_guard_*`); a line that names one, or that sets a variable whose name it computes (so the
// name cannot be seen), could switch the guard off for the rest of the session. The classifier sees
// assignments and definitions only; at a prompt every other way is a person's decision too (ask).
// The off switch typed alone on its line is not checked at all: each snippet lets it through itself.

/** Builtins that set a variable named by an operand (bash(1), zshbuiltins(1)), with the options that take a value. */
const SETTERS: Readonly<Record<string, { readonly valued: string; readonly named?: string }>> = {
  read: { valued: 'adinNptu' },
  mapfile: { valued: 'dnOsuCc' },
  readarray: { valued: 'dnOsuCc' },
  printf: { valued: '', named: 'v' },
  declare: { valued: '' }, typeset: { valued: '' }, local: { valued: '' }, export: { valued: '' }, readonly: { valued: '' },
  let: { valued: '' }, unset: { valued: '' }, getopts: { valued: '' }, vared: { valued: 'pr' }, zparseopts: { valued: 'a' },
};

/** Why this typed text reaches the shell guard's own state; null when it does not. */
export function touchesGuardState(text: string): string | null {
  if (/__gitops_guard_/.test(text)) return 'this names the shell guard\'s own functions or variables (`__gitops_guard_…`)';
  // Indirect expansion and namerefs reach a variable by a name held elsewhere.
  if (/\$\{![A-Za-z_]/.test(text)) return 'this reads or sets a variable through a name held in another (`${!name}`)';
  for (const part of text.split(/\|\||&&|;|&|\n|\||\(|\)|\{|\}|`|\$\(/)) {
    const words = part.trim().split(/\s+/).filter(Boolean);
    const i = words.findIndex((w) => !/^[A-Za-z_]\w*=/.test(w));
    const head = words[i];
    const setter = head === undefined ? undefined : SETTERS[head];
    if (!setter) continue;
    const args = words.slice(i + 1);
    if (args.some((a) => /^-[A-Za-z]*n/.test(a)) && ['declare', 'typeset', 'local'].includes(head!)) {
      return `\`${head} -n\` makes a name refer to another variable`;
    }
    if (computedName(args, setter)) return `\`${head}\` sets a variable whose name is computed when the line runs`;
  }
  return null;
}

/** Does a setter's operand (or printf's -v value) name its variable by an expansion? */
function computedName(args: readonly string[], setter: { readonly valued: string; readonly named?: string }): boolean {
  for (let k = 0; k < args.length; k++) {
    const a = args[k]!;
    if (a === '--') continue;
    if (/^[-+][A-Za-z]+$/.test(a)) {
      const last = a[a.length - 1]!;
      if (setter.named !== undefined && last === setter.named) { if (/[$`]/.test(args[k + 1] ?? '')) return true; k++; continue; }
      if (setter.valued.includes(last)) k++;
      continue;
    }
    // The name is what comes before `=` (or the whole word); printf's operands are data.
    if (setter.named !== undefined) return false;
    const name = a.split('=')[0]!;
    if (/[$`]/.test(name)) return true;
  }
  return false;
}
