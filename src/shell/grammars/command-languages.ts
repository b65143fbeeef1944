// The command languages of editors and debuggers (Vim's Ex, gdb's and lldb's commands): which of
// their commands hand the rest of the line to a shell, to another language's interpreter, or to a
// file of code, and which run another of their own commands. Data only; expand/ex-commands.ts and
// expand/hand-offs.ts read it. Names are written as Vim's help writes them: `py[thon]` is `py`,
// `pyt`, … `python` (the part in brackets may be left off from its end).
import type { CodeLanguage } from './types.js';

/**
 * What a command does with the rest of its line:
 * - `shell`: a shell command line (`:!cmd`, `:{range}!cmd`, lldb's `platform shell`)
 * - a language: code of it (`:lua`, `:py3`, gdb's `python`), or with `file` a file of it (`:luafile`)
 * - `source`: a file of the same command language (`:source`, lldb's `command source`)
 * - `ex`: another command of the same language (`:windo CMD`, `:silent CMD`)
 * - `execute`: an expression whose value is run as a command (`:exe "!cmd"`)
 * - `global`: `/pattern/CMD` (`:g`, `:v`)
 * - `autocmd`, `usercmd`, `map`: a command defined now and run later (judged now)
 * - `normal`: keys typed in Normal mode (`:` and `!` in them run commands)
 * - `read`, `write`: `:r !cmd` and `:w !cmd` run cmd (with `!` right after the name they do not)
 * - `terminal`: `:terminal [++opts] cmd`
 * - `set`, `let`: options; `shell=` and `&shell =` name the program `:!` and system() run
 * - `ask`: code of a language no scanner reads (`:mzscheme`)
 * - `put`: `:put =EXPR` puts the expression's value into the buffer (`:put REG` a register's)
 * - `edit`: `:edit [++opt] [+CMD] FILE` and the commands like it: CMD runs once FILE is loaded, the buffer is FILE
 * - `change`: text of the buffer changes in a way not followed (`:s`, `:append`, `:insert`, `:change`)
 */
export type HandOff = CodeLanguage | 'shell' | 'source' | 'ex' | 'execute' | 'global' | 'autocmd' | 'usercmd' | 'map'
  | 'normal' | 'read' | 'write' | 'terminal' | 'set' | 'let' | 'ask' | 'put' | 'edit' | 'change';

export interface Verb {
  /** The command's name, in Vim's notation; several words for a command with subcommands (`pl[atform] sh[ell]`). */
  readonly name: string;
  readonly to: HandOff;
  /** With a language: the rest of the line is a file of that code (`:luafile`, `:pyfile`). */
  readonly file?: true;
  /** The rest of the line begins with options in this form before the payload (`--` ends them): `-l LANG` and the like. */
  readonly options?: RegExp;
}

/** Vim's Ex commands that run something (`:help :!`, `:help if_lua`, `:help if_pyth`, …). */
export const VIM_EX: readonly Verb[] = [
  { name: '!', to: 'shell' },
  { name: 'r[ead]', to: 'read' },
  { name: 'w[rite]', to: 'write' },
  { name: 'ter[minal]', to: 'terminal' },
  { name: 'sh[ell]', to: 'shell' },
  { name: 'lua', to: 'lua' }, { name: 'luad[o]', to: 'lua' }, { name: 'luaf[ile]', to: 'lua', file: true },
  { name: 'py[thon]', to: 'python' }, { name: 'pyd[o]', to: 'python' }, { name: 'pyf[ile]', to: 'python', file: true },
  { name: 'py3', to: 'python' }, { name: 'python3', to: 'python' }, { name: 'py3d[o]', to: 'python' }, { name: 'py3f[ile]', to: 'python', file: true },
  { name: 'pyx', to: 'python' }, { name: 'pythonx', to: 'python' }, { name: 'pyxd[o]', to: 'python' }, { name: 'pyxf[ile]', to: 'python', file: true },
  { name: 'pe[rl]', to: 'perl' }, { name: 'perld[o]', to: 'perl' },
  { name: 'rub[y]', to: 'ruby' }, { name: 'rubyd[o]', to: 'ruby' }, { name: 'rubyf[ile]', to: 'ruby', file: true },
  { name: 'tc[l]', to: 'tcl' }, { name: 'tcld[o]', to: 'tcl' }, { name: 'tclf[ile]', to: 'tcl', file: true },
  { name: 'mz[scheme]', to: 'ask' }, { name: 'mzf[ile]', to: 'ask' },
  { name: 'so[urce]', to: 'source' }, { name: 'ru[ntime]', to: 'ask' },
  { name: 'exe[cute]', to: 'execute' },
  { name: 'g[lobal]', to: 'global' }, { name: 'v[global]', to: 'global' },
  { name: 'norm[al]', to: 'normal' },
  { name: 'au[tocmd]', to: 'autocmd' },
  { name: 'com[mand]', to: 'usercmd' },
  { name: 'pu[t]', to: 'put' },
  // `:help +cmd`: the commands that edit a file take `+CMD` before it.
  ...['e[dit]', 'ex', 'vi[sual]', 'vie[w]', 'sp[lit]', 'vs[plit]', 'new', 'vne[w]', 'sv[iew]', 'tabe[dit]', 'tabnew', 'fin[d]', 'sf[ind]',
    'tabf[ind]', 'n[ext]', 'sn[ext]', 'wn[ext]', 'arge[dit]', 'ar[gs]', 'b[uffer]', 'sb[uffer]', 'drop', 'pe[dit]', 'ped[it]', 'bad[d]']
    .map((name) => ({ name, to: 'edit' as const })),
  ...['s[ubstitute]', 'a[ppend]', 'i[nsert]', 'c[hange]', 'j[oin]'].map((name) => ({ name, to: 'change' as const })),
  { name: 'let', to: 'let' }, { name: 'se[t]', to: 'set' }, { name: 'setl[ocal]', to: 'set' }, { name: 'setg[lobal]', to: 'set' },
  // Commands that run the command after them (modifiers and the `*do` family).
  ...['sil[ent]', 'uns[ilent]', 'verb[ose]', 'vert[ical]', 'hor[izontal]', 'tab', 'bo[tright]', 'to[pleft]', 'abo[veleft]',
    'bel[owright]', 'lefta[bove]', 'rightb[elow]', 'noa[utocmd]', 'keepj[umps]', 'keepm[arks]', 'keepp[atterns]', 'keepa[lt]',
    'loc[kmarks]', 'nos[wapfile]', 'hid[e]', 'conf[irm]', 'bro[wse]', 'san[dbox]', 'leg[acy]', 'vim9[cmd]', 'filt[er]',
    'windo', 'bufdo', 'argdo', 'tabdo', 'cdo', 'cfdo', 'ld[o]', 'lfdo', 'folddoo[pen]', 'folddoc[losed]'].map((name) => ({ name, to: 'ex' as const })),
];

/** Map commands (`:nnoremap LHS RHS`): the right-hand side's `:…<CR>` runs when the keys are typed. */
export const VIM_MAP = /^(?:[nvxsoilct]?(?:nore)?map|[nvxsoilct]?no(?:r(?:e(?:m(?:ap?)?)?)?)?|[nvxsoilct]m(?:ap?)?|nn|vn|xn|snor|ono|ino|ln|cno|tno)$/;

/**
 * Vim functions that start a command, and the argument that is the command (`:help system()`,
 * `:help job_start()`, Neovim's `jobstart()`, `termopen()`; `libcall(LIB, FUNC, ARG)` calls FUNC of a
 * library with ARG: libc's system() runs it).
 */
export const VIM_SPAWNS: Readonly<Record<string, number>> = {
  system: 0, systemlist: 0, job_start: 0, jobstart: 0, termopen: 0, term_start: 0, ch_open: 0, libcall: 2, libcallnr: 2,
};

/** Vim functions that run an Ex command, keys (`feedkeys()`: typed as `:normal` types them) or code of a language from a string. */
export const VIM_EVALS: Readonly<Record<string, HandOff>> = {
  execute: 'ex', win_execute: 'ex', feedkeys: 'normal', luaeval: 'lua', pyeval: 'python', py3eval: 'python', pyxeval: 'python',
  perleval: 'perl', rubyeval: 'ruby', mzeval: 'ask',
};

/**
 * Vim functions that put lines into a buffer (the argument holding them): what `:w !cmd` and
 * `:{range}!cmd` then give cmd on its stdin (`:help setline()`, `:help append()`, `:help setbufline()`).
 */
export const VIM_BUFFER_CALLS: Readonly<Record<string, number>> = { setline: 1, append: 1, setbufline: 2, appendbufline: 2 };

/** Vim functions that write a file: the argument with its lines and the one with its name (`:help writefile()`). */
export const VIM_FILE_WRITES: Readonly<Record<string, { readonly lines: number; readonly path: number }>> = { writefile: { lines: 0, path: 1 } };

/** Calls of code inside an editor that run an Ex command (Neovim's `vim.cmd`, the Python and Ruby interfaces' `vim.command`). */
export const EX_CALLS = /\b(?:vim\.cmd|vim\.api\.nvim_command|vim\.api\.nvim_exec2?|vim\.api\.nvim_cmd|vim\.command|VIM::DoCommand|Vim\.command)\b/;

/** gdb's commands besides its shell escapes (`shell`, `!`, `pipe`, read in expand/interpreters.ts). */
export const GDB_COMMANDS: readonly Verb[] = [
  { name: 'py[thon]', to: 'python' }, { name: 'python-interactive', to: 'python' }, { name: 'pi', to: 'python' },
  { name: 'gu[ile]', to: 'lisp' }, { name: 'gr', to: 'lisp' }, { name: 'guile-repl', to: 'lisp' },
  { name: 'so[urce]', to: 'source', options: /^(?:-[svl]\s+)*/ },
];

/** lldb's commands that run host commands or scripts (any unique prefix of a command's words is the command). */
export const LLDB_COMMANDS: readonly Verb[] = [
  { name: 'pl[atform] sh[ell]', to: 'shell', options: /^(?:(?:-[hu]|--host|-[st]\s+\S+|--shell\s+\S+|--timeout\s+\S+)\s+)*(?:--\s+)?/ },
  { name: 'sh[ell]', to: 'shell', options: /^(?:-[hu]\s+)*(?:--\s+)?/ },
  { name: 'scr[ipt]', to: 'python', options: /^(?:(?:-l|--language)\s+\S+\s+)?(?:--\s+)?/ },
  { name: 'com[mand] scr[ipt] i[mport]', to: 'python', file: true, options: /^(?:-\S+\s+)*/ },
  { name: 'com[mand] so[urce]', to: 'source', options: /^(?:-\S+\s+(?:true|false|\d+\s+)?)*/ },
];

/** A name in Vim's notation as a regular expression (`py[thon]` → `py(?:t(?:h(?:o(?:n)?)?)?)?`). */
export function verbPattern(name: string): string {
  return name.split(' ').map((word) => {
    const m = /^([^[]*)(?:\[(.*)\])?$/.exec(word)!;
    const rest = [...(m[2] ?? '')].reverse().reduce((acc, c) => `(?:${esc(c)}${acc})?`, '');
    return esc(m[1]!) + rest;
  }).join('\\s+');
}

function esc(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\!]/g, '\\$&');
}

/** The command languages whose own commands hand lines on, besides the shell escapes of LINE_VERBS. */
export const COMMAND_VERBS: Partial<Record<CodeLanguage, readonly Verb[]>> = { gdb: GDB_COMMANDS, lldb: LLDB_COMMANDS };
