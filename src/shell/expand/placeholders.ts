// Commands a runner builds from arguments: `find -exec CMD {} ;` and `xargs -I{} CMD {}` put a name
// found at run time where the placeholder is (so `sh {}` runs a script named at run time: asked
// about, as `sh "$f"` is), and GNU parallel's `CMD ::: ARGS` runs CMD once per argument given in the
// text (so `parallel sh ::: env.sh` is `sh env.sh`).
import { optionIs, type Scan } from '../getopt.js';
import { quoteWord, type Word } from '../words.js';
import type { Row } from './payloads.js';

/** More commands than this from one `:::` line: the rest are not spelled out (the first ones are judged). */
const MAX_BUILT = 200;

/** How a name found at run time is spelled inside a shell string (`sh -c 'jq empty {}'`). */
const ITEM = '"$runner_item"';

/**
 * A word with the placeholder in it: computed at run time (`sh {}`), or, in a shell string (a word
 * with blanks), the string with the item spelled as a variable (`sh -c 'jq empty {}'` is read).
 */
export function withRunTime(words: readonly Word[], token: string | null): Word[] {
  return words.map((w) => {
    if (token === null || !(w.value ?? w.text).includes(token)) return w;
    if (w.value !== null && /\s/.test(w.value)) return { ...w, value: w.value.split(token).join(ITEM) };
    return { ...w, value: null, tail: null };
  });
}

/** The string xargs (-I, -i, --replace) or parallel (`{}`) replaces with each input item; null: none. */
export function replaceToken(scan: Scan, name: string): string | null {
  const replace = scan.options.find((o) => optionIs(o, ['-I', '-i', '--replace']));
  if (replace) return typeof replace.value === 'string' && replace.value !== '' ? replace.value : '{}';
  return name === 'parallel' || name === 'sem' ? '{}' : null;
}

/** xargs/parallel whose input is not known: the words with the replace string are computed at run time. */
export function runTimeRow(r: Row): Row {
  const token = replaceToken(r.scan, r.name);
  // `parallel CMD {} ::: ARGS`: the arguments are in the text (see colonArgs).
  const given = r.run.until !== undefined && r.words.some((w) => w.value !== null && r.run.until!.includes(w.value));
  if (token === null || given) return r;
  // parallel joins its operands into a shell line: the item is spelled as a variable there (`sh {}`
  // asks, `gzip {}` stays a gzip of something).
  const operands = r.scan.operands.map((o) => (o.value !== null && o.value.includes(token) ? { ...o, value: o.value.split(token).join(ITEM) } : o));
  return { ...r, words: withRunTime(r.words, token), scan: { ...r.scan, operands } };
}

/**
 * `parallel CMD … ::: A B ::: C`: CMD once for each combination of the groups' arguments, each put
 * where `{}` is or appended. `ops` are the operand values from CMD on; `cut` is where the first group
 * starts. Returns false when a group is read from a file (`::::`, read elsewhere).
 */
export function colonArgs(r: Row, first: number, cut: number, seps: readonly string[]): boolean {
  const { scope, scan, words, base, label } = r;
  const opWords = scan.operands.slice(first).map((o) => words[base + o.index]!);
  const groups: Word[][] = [];
  for (const w of opWords.slice(cut)) {
    if (w.value !== null && seps.includes(w.value)) {
      if (w.value.startsWith('::::')) return false;
      groups.push([]);
    } else groups[groups.length - 1]?.push(w);
  }
  let combos: Word[][] = [[]];
  for (const g of groups) {
    if (g.length === 0) continue;
    combos = combos.flatMap((c) => g.map((w) => [...c, w]));
    if (combos.length > MAX_BUILT) { r.scope.raise('unreadable-script', `\`${r.name}\` builds more than ${MAX_BUILT} commands from its ::: arguments; past them they are not read`); combos = combos.slice(0, MAX_BUILT); }
  }
  const cmd = opWords.slice(0, cut);
  const spell = (w: Word): string => (w.value === null ? w.text : quoteWord(w.value));
  const token = replaceToken(scan, r.name) ?? '{}';
  for (const args of combos) {
    const placed = cmd.some((w) => (w.value ?? w.text).includes(token));
    const text = placed
      ? cmd.map((w) => (w.value === null ? w.text : quoteWord(w.value.split(token).join(args.map((a) => a.value ?? '').join(' '))))).join(' ')
        + (args.some((a) => a.value === null) ? ` ${args.filter((a) => a.value === null).map(spell).join(' ')}` : '')
      : [...cmd, ...args].map(spell).join(' ');
    scope.nested(text, `${label} :::`, { spliceable: false });
  }
  return true;
}
