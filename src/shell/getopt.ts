// The one option scanner. A program's options are data (see grammars/): which short letters and
// long names exist and which take a value. The scan reads an argument list as getopt(3) and
// getopt_long(3) do: clusters (`-Ic`, `-sd@file`), attached values (`-ofile`, `-i.bak`,
// `--opt=value`), separate values, unique-prefix abbreviations of long options, `--`, and either
// POSIX order (options end at the first operand) or GNU permutation (options anywhere).

/** A decoded argument; null where the shell computes it at run time. */
export type Arg = string | null;

/** See words.ts `argOf`: the computed rest of an option word. */
const COMPUTED = '\u0000';
const known = (v: Arg | undefined): Arg | undefined => (v !== null && v !== undefined && v.includes(COMPUTED) ? null : v);

/** How a program reads its options. Every field is data. */
export interface OptionGrammar {
  /**
   * Short options in getopt(3) notation: a letter alone takes no value, `x:` takes one (attached or
   * the next word), `x::` takes one only when attached.
   */
  readonly short?: string;
  /**
   * Long options: `name` takes no value, `name=` takes one (`--name=v` or the next word), `name=?`
   * takes one only as `--name=v`. `name|x` makes `-x` the same option (its value rule comes from
   * the long form).
   */
  readonly long?: readonly string[];
  /** Options may follow operands (GNU permutation). Default: options end at the first operand. */
  readonly permute?: boolean;
  /** Long options may be shortened to any unique prefix (getopt_long, git's parse-options). */
  readonly abbreviate?: boolean;
  /** Long options are written with one dash (`find -exec`, `tmux new -d`): `-name` is tried first. */
  readonly singleDashLong?: boolean;
  /** `+x` is an option too (shells' `+o`, `+e`). */
  readonly plus?: boolean;
  /** Option names are compared without case (PowerShell). */
  readonly caseInsensitive?: boolean;
  /** Short options after which (and their value) every word is an operand (python's `-c CODE`, `-m MOD`). */
  readonly ends?: string;
  /**
   * A first word without a dash is a cluster of option letters whose values follow it in order
   * (tar's traditional `tar xfC a.tar dir`), when every letter is an option.
   */
  readonly oldStyle?: boolean;
  /** Long options may carry their value after this character as after `=` (F# Interactive's `--use:FILE`). */
  readonly valueSeparator?: string;
  /** An option that takes no value still takes the next word when it is one of these (nopt's `--json false`). */
  readonly boolValues?: readonly string[];
  /** An abbreviation that fits more than one long option is no option the program knows (nopt): it takes no value. */
  readonly ambiguousUnknown?: boolean;
  /** A lone `-` ends the options as `--` does, and is no operand (bash(1), dash(1), zsh(1): "A - signals the end of options"). */
  readonly dashEnds?: boolean;
}

type ValueRule = 'none' | 'required' | 'optional' | 'two';

interface LongOption {
  readonly name: string;
  readonly value: ValueRule;
  readonly alias?: string;
}

/** A grammar made ready for scanning: built once per grammar object. */
export interface CompiledGrammar {
  readonly short: ReadonlyMap<string, ValueRule>;
  readonly long: ReadonlyMap<string, LongOption>;
  /** Long names in order, for prefix search. */
  readonly longNames: readonly string[];
  /** Short letter → its long option, for `name|x` aliases. */
  readonly aliasOf: ReadonlyMap<string, LongOption>;
  readonly source: OptionGrammar;
}

export interface Option {
  /** `-x` or `--name` (a long option's full name even when abbreviated or given by its alias). */
  readonly name: string;
  /** The other spelling of the same option (`-i` for `--in-place`), when the grammar gives one. */
  readonly alias?: string;
  /** The value (attached or the next word); undefined when the option takes none or it is absent. */
  readonly value?: Arg;
  /** Index of the word the option starts in. */
  readonly index: number;
  /** True when the abbreviation fits more than one long option: `name` is then the first fit. */
  readonly ambiguous?: readonly string[];
}

export interface Operand {
  readonly value: Arg;
  readonly index: number;
}

export interface Scan {
  readonly options: readonly Option[];
  readonly operands: readonly Operand[];
  /** Index of the first operand, or the argument count when there is none. */
  readonly firstOperand: number;
  /** Index just after `--`, or -1. */
  readonly endOfOptions: number;
}

const compiledCache = new WeakMap<OptionGrammar, CompiledGrammar>();

function parseValueRule(spec: string): [string, ValueRule] {
  if (spec.endsWith('==')) return [spec.slice(0, -2), 'two'];
  if (spec.endsWith('=?')) return [spec.slice(0, -2), 'optional'];
  if (spec.endsWith('=')) return [spec.slice(0, -1), 'required'];
  return [spec, 'none'];
}

export function compile(g: OptionGrammar): CompiledGrammar {
  const hit = compiledCache.get(g);
  if (hit) return hit;
  const short = new Map<string, ValueRule>();
  const s = g.short ?? '';
  for (let i = 0; i < s.length; i++) {
    const letter = s[i]!;
    if (letter === ':') continue;
    if (s[i + 1] === ':' && s[i + 2] === ':') { short.set(letter, 'optional'); i += 2; }
    else if (s[i + 1] === ':') { short.set(letter, 'required'); i += 1; }
    else short.set(letter, 'none');
  }
  const long = new Map<string, LongOption>();
  const aliasOf = new Map<string, LongOption>();
  for (const spec of g.long ?? []) {
    const [head, alias] = spec.split('|') as [string, string | undefined];
    const [nameAndValue, aliasValue] = alias === undefined ? [head, undefined] : [head, alias];
    const [rawName, value] = parseValueRule(nameAndValue);
    const name = g.caseInsensitive ? rawName.toLowerCase() : rawName;
    const opt: LongOption = { name, value, ...(aliasValue ? { alias: aliasValue } : {}) };
    long.set(name, opt);
    if (aliasValue) {
      aliasOf.set(aliasValue, opt);
      if (!short.has(aliasValue)) short.set(aliasValue, value === 'two' ? 'required' : value);
    }
  }
  const c: CompiledGrammar = { short, long, longNames: [...long.keys()], aliasOf, source: g };
  compiledCache.set(g, c);
  return c;
}

/** The long option `name` (without dashes) names: exact, else its unique-prefix expansions. */
function findLong(g: CompiledGrammar, given: string): { opt: LongOption; ambiguous?: string[] } | null {
  const name = g.source.caseInsensitive ? given.toLowerCase() : given;
  const exact = g.long.get(name);
  if (exact) return { opt: exact };
  if (!g.source.abbreviate || name === '') return null;
  const fits = g.longNames.filter((n) => n.startsWith(name));
  if (fits.length === 0) return null;
  const first = g.long.get(fits[0]!)!;
  if (fits.length > 1 && g.source.ambiguousUnknown) return null;
  return fits.length === 1 ? { opt: first } : { opt: first, ambiguous: fits };
}

/** Scan `args` (the words after the program name, or after a subcommand) with grammar `g`. */
export function getopt(args: readonly Arg[], grammar: OptionGrammar | CompiledGrammar, from = 0): Scan {
  const g = 'short' in grammar && grammar.short instanceof Map ? grammar as CompiledGrammar : compile(grammar as OptionGrammar);
  const options: Option[] = [];
  const operands: Operand[] = [];
  let firstOperand = args.length;
  let endOfOptions = -1;
  const permute = g.source.permute === true;
  let start = from;
  if (g.source.oldStyle) start = readOldStyle(g, args, from, options);
  for (let i = start; i < args.length; i++) {
    const a = args[i];
    if (a === '--' || (a === '-' && g.source.dashEnds === true)) {
      endOfOptions = i + 1;
      for (let k = i + 1; k < args.length; k++) operands.push({ value: known(args[k]) ?? null, index: k });
      if (firstOperand === args.length && i + 1 < args.length) firstOperand = i + 1;
      break;
    }
    const isOption = a !== null && a !== undefined && a.length > 1
      && (a[0] === '-' || (a[0] === '+' && g.source.plus === true));
    if (!isOption) {
      if (firstOperand === args.length) firstOperand = i;
      if (!permute) {
        for (let k = i; k < args.length; k++) operands.push({ value: known(args[k]) ?? null, index: k });
        break;
      }
      operands.push({ value: known(a) ?? null, index: i });
      continue;
    }
    const before = options.length;
    i = readOption(g, args, i, a, options);
    if (g.source.ends && options.slice(before).some((o) => o.name.length === 2 && g.source.ends!.includes(o.name[1]!))) {
      for (let k = i + 1; k < args.length; k++) operands.push({ value: known(args[k]) ?? null, index: k });
      if (firstOperand === args.length && i + 1 < args.length) firstOperand = i + 1;
      break;
    }
  }
  return { options, operands, firstOperand, endOfOptions };
}

/** `tar xfC a.tar dir`: the letters of the first word, each value-taking one using the next word. Returns where options go on. */
function readOldStyle(g: CompiledGrammar, args: readonly Arg[], from: number, out: Option[]): number {
  const a = args[from];
  if (typeof a !== 'string' || !/^[A-Za-z]+$/.test(a) || [...a].some((l) => !g.short.has(l))) return from;
  let next = from + 1;
  for (const letter of a) {
    const long = g.aliasOf.get(letter);
    const alias = long ? { alias: `--${long.name}` } : {};
    if (g.short.get(letter) === 'required') {
      out.push({ name: `-${letter}`, value: next < args.length ? known(args[next]) ?? null : undefined, index: from, ...alias });
      next++;
    } else out.push({ name: `-${letter}`, index: from, ...alias });
  }
  return Math.min(next, args.length);
}

/** Read the option word at `i` into `out`; returns the index of the last word it used. */
function readOption(g: CompiledGrammar, args: readonly Arg[], i: number, a: string, out: Option[]): number {
  if (a.startsWith('--')) return readLong(g, args, i, a.slice(2), out);
  if (g.source.singleDashLong && a[0] === '-') {
    const eq = valueAt(g, a);
    const name = a.slice(1, eq < 0 ? undefined : eq);
    if (name.length > 1 && findLong(g, name)) return readLong(g, args, i, a.slice(1), out, '-');
  }
  const sign = a[0]!;
  for (let j = 1; j < a.length; j++) {
    const letter = a[j]!;
    const rule = g.short.get(letter) ?? 'none';
    const long = g.aliasOf.get(letter);
    const name = sign + letter;
    const alias = long ? `--${long.name}` : undefined;
    if (rule === 'none') {
      const bool = j === a.length - 1 ? boolValue(g, args, i) : undefined;
      out.push({ name, index: i, ...(alias ? { alias } : {}), ...(bool !== undefined ? { value: bool } : {}) });
      if (bool !== undefined) return i + 1;
      continue;
    }
    const attached = a.slice(j + 1);
    if (attached !== '') {
      out.push({ name, value: known(attached) ?? null, index: i, ...(alias ? { alias } : {}) });
      return i;
    }
    if (rule === 'optional') {
      out.push({ name, index: i, ...(alias ? { alias } : {}) });
      return i;
    }
    out.push({ name, value: i + 1 < args.length ? known(args[i + 1]) ?? null : undefined, index: i, ...(alias ? { alias } : {}) });
    return Math.min(i + 1, args.length - 1);
  }
  return i;
}

/** Where a long option's attached value starts (its `=`, or the grammar's own separator), -1 for none. */
function valueAt(g: CompiledGrammar, body: string): number {
  const eq = body.indexOf('=');
  const sep = g.source.valueSeparator === undefined ? -1 : body.indexOf(g.source.valueSeparator);
  return sep >= 0 && (eq < 0 || sep < eq) ? sep : eq;
}

function readLong(g: CompiledGrammar, args: readonly Arg[], i: number, body: string, out: Option[], dashes = '--'): number {
  const eq = valueAt(g, body);
  const given = eq < 0 ? body : body.slice(0, eq);
  const found = findLong(g, given);
  if (!found) {
    // An option the grammar does not know: no value unless attached.
    const bool = eq < 0 ? boolValue(g, args, i) : undefined;
    out.push({ name: dashes + given, ...(eq >= 0 ? { value: known(body.slice(eq + 1)) ?? null } : bool !== undefined ? { value: bool } : {}), index: i });
    return bool !== undefined ? i + 1 : i;
  }
  const { opt, ambiguous } = found;
  const base: Omit<Option, 'value'> = {
    name: dashes + opt.name, index: i,
    ...(opt.alias ? { alias: '-' + opt.alias } : {}),
    ...(ambiguous ? { ambiguous } : {}),
  };
  if (eq >= 0) { out.push({ ...base, value: known(body.slice(eq + 1)) ?? null }); return i; }
  if (opt.value === 'required' || opt.value === 'two') {
    out.push({ ...base, value: i + 1 < args.length ? known(args[i + 1]) ?? null : undefined });
    const used = opt.value === 'two' ? 2 : 1;
    return Math.min(i + used, args.length - 1);
  }
  const bool = boolValue(g, args, i);
  out.push(bool !== undefined ? { ...base, value: bool } : base);
  return bool !== undefined ? i + 1 : i;
}

/** The word after the option at `i` when the grammar reads it as that option's value though it takes none (`boolValues`). */
function boolValue(g: CompiledGrammar, args: readonly Arg[], i: number): string | undefined {
  const next = args[i + 1];
  return typeof next === 'string' && g.source.boolValues?.includes(next) ? next : undefined;
}

/** Is an option with one of these names (either spelling, or any fit of an ambiguous abbreviation) present? */
export function has(scan: Scan, ...names: readonly string[]): boolean {
  return scan.options.some((o) => optionIs(o, names));
}

/** `-exec` and `--exec` are the same long option (programs that take long options with one dash). */
function longForm(name: string): string {
  return name.length > 2 && name[0] === '-' && name[1] !== '-' ? '-' + name : name;
}

export function optionIs(o: Option, names: readonly string[]): boolean {
  const n = longForm(o.name);
  if (names.some((x) => x === o.name || longForm(x) === n) || (o.alias !== undefined && names.includes(o.alias))) return true;
  return o.ambiguous?.some((a) => names.some((x) => longForm(x) === '--' + a)) ?? false;
}

/** The value of the last such option; undefined when absent, null when computed at run time. */
export function valueOf(scan: Scan, ...names: readonly string[]): Arg | undefined {
  let v: Arg | undefined;
  for (const o of scan.options) if (optionIs(o, names)) v = o.value ?? null;
  return v;
}

/** Every value of such options, in order. */
export function valuesOf(scan: Scan, ...names: readonly string[]): Arg[] {
  const out: Arg[] = [];
  for (const o of scan.options) if (optionIs(o, names) && o.value !== undefined) out.push(o.value);
  return out;
}

export function operandValues(scan: Scan): Arg[] {
  return scan.operands.map((o) => o.value);
}
