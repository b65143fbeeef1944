// Values the local shell fills into the command ssh sends, where the text itself fixes them: a
// variable assigned a literal earlier (`svc=web; ssh host "docker logs $svc"`, known-vars.ts), the
// variable of a `for` loop over literal words (`for s in web api; do ssh host "docker logs $s"; done`:
// the command is judged once with each value, loop-values.ts) and
// `$(date … +FORMAT)` whose format prints only digits and the literal characters written in it
// (`--since $(date -u -d '10 min ago' +%Y-%m-%dT%H:%M:%S)`). The date stands in as a representative
// value: its digits differ from the real ones, which cannot change how the server's shell reads the
// command. Anything else stays computed (a `$(…)` whose output could hold `;` or a command).
import { getopt, optionIs } from '../getopt.js';
import { DATE_DIGITS, READERS } from '../grammars/readers.js';
import { plainCommands } from '../plain.js';
import type { Word } from '../words.js';
import type { Scope } from './driver.js';
import { fixedNames, knownValue, withKnownVars } from './known-vars.js';
import { setOnlyByLoop } from '../assigned-once.js';
import { staticValues } from '../loop-values.js';
import { substitutionOutput } from './output.js';

/** `$(date …)` with no quotes but single quotes inside and no nested expansion. */
const DATE_SUBSTITUTION = /\$\(\s*date((?:\s+(?:'[^']*'|[^\s()$`"'\\;&|<>]+)+)*)\s*\)/g;
/** Any other `$(…)` without nested parentheses or expansions: static when it is one echo or printf. */
const PRODUCER_SUBSTITUTION = /\$\(([^()$`]*)\)/g;
/** Options of date that only choose which moment and zone is printed. */
const MOMENT_OPTIONS = ['-u', '--utc', '--universal', '-d', '--date', '-r', '--reference'];

/** Most command lines tried for one ssh in loops (one per combination of the loops' values). */
const MAX_VARIANTS = 16;

/** The variables a word expands. */
function namesIn(text: string): string[] {
  return [...text.replace(DATE_SUBSTITUTION, '').matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!);
}

/**
 * ssh's words with what the text fixes filled in: one list, or (when loop variables the text sets
 * nowhere else are among them) one list per turn of the loops around the command.
 */
export function remoteVariants(scope: Scope, given: readonly Word[]): Word[][] {
  const plain = given.map((w) => remoteWord(scope, w));
  const loops = scope.command.loops;
  if (!loops || plain.every((w) => w.value !== null)) return [plain];
  const names = new Set(plain.filter((w) => w.value === null).flatMap((w) => namesIn(w.text))
    .filter((n) => staticValues(loops.get(n)) && setOnlyByLoop(scope.job.text, n)));
  let turns: Map<string, string>[] = [new Map()];
  for (const n of names) {
    turns = turns.flatMap((t) => staticValues(loops.get(n))!.map((v) => new Map([...t, [n, v]])));
    if (turns.length > MAX_VARIANTS) return [plain];
  }
  return names.size === 0 ? [plain] : turns.map((values) => given.map((w) => remoteWord(scope, w, values)));
}

/** The remote command's word with what the text fixes filled in (unchanged when something stays computed); `loop`: a turn's values. */
export function remoteWord(scope: Scope, w: Word, loop: ReadonlyMap<string, string> = new Map()): Word {
  if (w.value !== null) return w;
  const names = namesIn(w.text);
  if (!fixedNames(scope, names, loop)) return w;
  const known = withKnownVars(scope, w, loop);
  if (known.value !== null || !w.text.includes('$(')) return known;
  let failed = false;
  const text = w.text.replace(DATE_SUBSTITUTION, (m, args: string) => {
    const shown = dateShape(args);
    if (shown === null) failed = true;
    return shown ?? m;
  }).replace(PRODUCER_SUBSTITUTION, (m, inner: string) => {
    // `$(printf '\144ocker')`: the static output of echo or printf (output.ts), when it is plain text.
    const shown = substitutionOutput(scope, inner);
    if (shown === null) failed = true;
    return shown ?? m;
  });
  if (failed || text === w.text) return w;
  const value = knownValue(scope, text, loop);
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

