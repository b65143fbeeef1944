// Values the local shell fills into the command ssh sends, where the text itself fixes them: a
// variable assigned a literal earlier (`svc=web; ssh host "docker logs $svc"`, known-vars.ts) and
// `$(date … +FORMAT)` whose format prints only digits and the literal characters written in it
// (`--since $(date -u -d '10 min ago' +%Y-%m-%dT%H:%M:%S)`). The date stands in as a representative
// value: its digits differ from the real ones, which cannot change how the server's shell reads the
// command. Anything else stays computed (a `$(…)` whose output could hold `;` or a command).
import { getopt, optionIs } from '../getopt.js';
import { DATE_DIGITS, READERS } from '../grammars/readers.js';
import { plainCommands } from '../plain.js';
import type { Word } from '../words.js';
import type { Scope } from './driver.js';
import { knownValue, withKnownVars } from './known-vars.js';

/** `$(date …)` with no quotes but single quotes inside and no nested expansion. */
const DATE_SUBSTITUTION = /\$\(\s*date((?:\s+(?:'[^']*'|[^\s()$`"'\\;&|<>]+)+)*)\s*\)/g;
/** Options of date that only choose which moment and zone is printed. */
const MOMENT_OPTIONS = ['-u', '--utc', '--universal', '-d', '--date', '-r', '--reference'];

/** The remote command's word with what the text fixes filled in (unchanged when something stays computed). */
export function remoteWord(scope: Scope, w: Word): Word {
  if (w.value !== null) return w;
  const names = [...w.text.replace(DATE_SUBSTITUTION, '').matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!);
  if (!names.every((n) => n === 'HOME' || n === 'PWD' || assignedOnce(scope.job.text, n))) return w;
  const known = withKnownVars(scope, w);
  if (known.value !== null || !w.text.includes('$(')) return known;
  let failed = false;
  const text = w.text.replace(DATE_SUBSTITUTION, (m, args: string) => {
    const shown = dateShape(args);
    if (shown === null) failed = true;
    return shown ?? m;
  });
  if (failed || text === w.text) return w;
  const value = knownValue(scope, text);
  return value === null ? w : { ...w, value };
}

/** What `date ARGS` prints, as a representative value, when it is only digits and literal characters; null otherwise. */
function dateShape(args: string): string | null {
  const commands = plainCommands(`date${args}`);
  if (commands?.length !== 1) return null;
  const words = commands[0]!.words.slice(1).map((x) => x.value);
  if (words.some((x) => x === null)) return null;
  const scan = getopt(words, READERS.date!);
  if (scan.options.some((o) => !optionIs(o, MOMENT_OPTIONS) || o.value === null)) return null;
  const ops = scan.operands.map((o) => o.value);
  if (ops.length !== 1 || typeof ops[0] !== 'string' || !ops[0].startsWith('+')) return null;
  let out = '';
  const format = ops[0].slice(1);
  for (let i = 0; i < format.length; i++) {
    const c = format[i]!;
    if (c !== '%') {
      if (!/[A-Za-z0-9:._,/+-]/.test(c)) return null;
      out += c;
      continue;
    }
    const shown = DATE_DIGITS[format[++i] ?? ''];
    if (shown === undefined) return null;
    out += shown;
  }
  return out.length > 0 ? out : null;
}

/** Words that may set a variable without `NAME=`, or run text that may: their presence leaves every variable computed. */
const SETS_OTHERWISE = /(?:^|[^\w$-])(?:eval|source|declare|typeset|local|export|readonly|read|readarray|mapfile|printf|getopts|let|select|unset|alias|builtin|command|\.)(?=\s)/;

/**
 * Is NAME set exactly once in `text`, by a plain `NAME=value` statement at the top level before
 * anything conditional (no `if`, loop, `&&`, `||`, pipe, subshell or group before it), so that its
 * value is certain where it is used? Fail closed: anything else leaves the variable computed
 * (`if …; then svc=ps; fi`, `true || svc=ps`, `(svc=ps)`, `for svc in …`).
 */
function assignedOnce(text: string, name: string): boolean {
  if (SETS_OTHERWISE.test(text) || new RegExp(`\\$\\{${name}(?!\\})`).test(text)) return false;
  const bare = [...text.matchAll(new RegExp(`(?<![\\w$\\{])${name}(?![\\w])`, 'g'))];
  if (bare.length !== 1 || text[bare[0]!.index + name.length] !== '=') return false;
  const before = text.slice(0, bare[0]!.index);
  return /^(?:[^'"`$\\(){}|&;\n#]*[;\n]\s*)*\s*$/.test(before) && !/(?:^|[\s;])(?:if|then|else|elif|while|until|for|do|case|function)\s/.test(before);
}
