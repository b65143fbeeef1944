// Payloads that come from the environment the text sets: a variable that holds a command a program
// runs through a shell (LESSOPEN, MANPAGER), code it runs (perl -d's PERL5DB), or names a file of
// code it runs (python's PYTHONSTARTUP). Rows of grammars/types.ts `Run` (envShell, envCode, envCodeFile);
// and the command line an options variable amounts to (grammars/env.ts OPTIONS_ENV: `LESS=O/x` as `less -O/x`).
import { homeDir } from '../invocations.js';
import type { Row } from './payloads.js';
import { scanCode, scanCodeFile } from './interpreters.js';
import { DASH_OPTIONAL_ENV } from '../grammars/env.js';
import { READERS } from '../grammars/readers.js';
import { compile, type CompiledGrammar } from '../getopt.js';

export function envShell(r: Row): boolean {
  const { scope, run, label } = r;
  if (run.self) scope.emit(scope.argv, r.name, { scan: r.scan });
  for (const v of run.envShell!) {
    const value = scope.env.get(v);
    if (value === undefined) continue;
    if (value === null) { scope.raise('dynamic-command', `${v} for \`${label}\` is computed at run time`); continue; }
    // LESSOPEN's `|cmd %s`; LESS's `+!cmd` initial commands; words split out of the value; plain commands otherwise.
    const text = v === 'LESS' ? (/\+!(.*)$/.exec(value)?.[1] ?? '') : run.envWords ? literalWords(value)
      : value.replace(/^\|+-?/, '').replace(/%s/g, 'FILE');
    if (text.trim() !== '') scope.nested(text, `${v} (${label})`, { spliceable: false });
  }
  return true;
}

export function envCode(r: Row): boolean {
  const { scope, run, label } = r;
  for (const v of run.envCodeFile ?? []) {
    const file = scope.env.get(v);
    if (file !== undefined) scanCodeFile(scope, run.code!, file === null ? null : file.replace(/^~(?=\/)/, homeDir() ?? '~'), `${v} (${label})`);
  }
  for (const v of run.envCode ?? []) {
    const value = scope.env.get(v);
    if (value === undefined) continue;
    if (value === null) { scope.raise('interpreter-code', `${v} for \`${label}\` is code computed at run time`); continue; }
    const prefix = run.envCodeFilePrefix;
    if (prefix !== undefined && value.startsWith(prefix)) scanCodeFile(scope, run.code!, value.slice(prefix.length), `${v} (${label})`);
    else if (value.trim() !== '') scanCode(scope, run.code!, value, `${v} (${label})`);
  }
  return true;
}

/** A value split into words at blanks, as an unquoted expansion is, each word quoted as the literal it stays. */
function literalWords(value: string): string {
  return value.split(/[ \t\n]+/).filter(Boolean).map((w) => `'${w.replace(/'/g, "'\\''")}'`).join(' ');
}

/**
 * An options variable's value as its program's command line (grammars/env.ts OPTIONS_ENV). Where the dash
 * is optional each word is an option, a literal (a less prompt's `?`, `(`): `LESS=O/x` is `less -O/x`;
 * `+cmd` words are the pager's own reading of LESS (envShell).
 */
export function optionsLine(name: string, program: string, value: string): string {
  if (!DASH_OPTIONAL_ENV.has(name)) return `${program} ${value}`;
  const grammar = compile(READERS[program] ?? {});
  const words: string[] = [];
  for (const w of value.split(/[ \t\n]+/)) {
    if (w === '' || w.startsWith('+')) continue;
    // A word after an option that takes a value and has none attached is that value (`LESS='-R -O FILE'`).
    const prev = words.at(-1);
    words.push(w.startsWith('-') || (prev !== undefined && wantsValue(prev, grammar)) ? w : `-${w}`);
  }
  return `${program} ${literalWords(words.join(' '))}`;
}

/** Does this cluster of short options end in one that takes a value and has none attached? */
function wantsValue(word: string, grammar: CompiledGrammar): boolean {
  if (!/^-[^-]/.test(word)) return false;
  for (let i = 1; i < word.length; i++) {
    const rule = grammar.short.get(word[i]!);
    if (rule === undefined) return false;
    if (rule !== 'none') return i === word.length - 1 && rule === 'required';
  }
  return false;
}
