// Paths as lists of components, and globs over them (`**` for any number of components, `*`
// inside a name): how the guarded patterns (guarded.ts) are matched. Patterns are few and tested
// against every path a command writes, so their components and regular expressions are made once.

export const parts = (p: string): string[] => p.split(/[\\/]+/).filter((s) => s !== '' && s !== '.');

const globRe = (glob: string): RegExp => new RegExp(`^${glob.split('').map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c === '[' || c === ']' ? c : c.replace(/[.+^${}()|\\]/g, '\\$&'))).join('')}$`);

/**
 * Does one component match one pattern component (`*` inside a name matches any run of characters)?
 * A name with glob characters (`.cl?ude`, a word the shell expands) matches what the glob could.
 */
export function componentMatches(pattern: string, name: string, glob: boolean): boolean {
  if (pattern === '*') return true;
  if (glob && /[*?[]/.test(name)) {
    // As bash expands it: a leading dot is matched only by a dot (no dotglob).
    if (pattern.startsWith('.') && !name.startsWith('.')) return false;
    if (pattern.includes('*')) return true;
    try { return globRe(name).test(pattern); } catch { return true; }
  }
  if (!pattern.includes('*')) return pattern === name;
  let re = starRes.get(pattern);
  if (re === undefined) {
    re = new RegExp(`^${pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    starRes.set(pattern, re);
  }
  return re.test(name);
}
const starRes = new Map<string, RegExp>();

/** Glob over components: `**` matches zero or more components. */
export function globMatches(pattern: readonly string[], path: readonly string[], glob = false): boolean {
  return globFrom(pattern, 0, path, 0, glob);
}

function globFrom(pattern: readonly string[], pi: number, path: readonly string[], xi: number, glob: boolean): boolean {
  if (pi === pattern.length) return xi === path.length;
  const head = pattern[pi]!;
  if (head === '**') {
    for (let i = xi; i <= path.length; i++) if (globFrom(pattern, pi + 1, path, i, glob)) return true;
    return false;
  }
  return xi < path.length && componentMatches(head, path[xi]!, glob) && globFrom(pattern, pi + 1, path, xi + 1, glob);
}

/** Does `path` match the first `n` components of `pattern` for some `n` from `lo` to `hi`? (A directory named by a pattern's leading part.) */
export function globPrefixMatches(pattern: readonly string[], lo: number, hi: number, path: readonly string[]): boolean {
  return prefixFrom(pattern, 0, path, 0, lo, hi);
}

function prefixFrom(pattern: readonly string[], pi: number, path: readonly string[], xi: number, lo: number, hi: number): boolean {
  if (xi === path.length && pi >= lo && pi <= hi) return true;
  if (pi >= hi || pi === pattern.length) return false;
  const head = pattern[pi]!;
  if (head === '**') {
    for (let i = xi; i <= path.length; i++) if (prefixFrom(pattern, pi + 1, path, i, lo, hi)) return true;
    return false;
  }
  return xi < path.length && componentMatches(head, path[xi]!, false) && prefixFrom(pattern, pi + 1, path, xi + 1, lo, hi);
}

export const lower = (xs: readonly string[]) => xs.map((x) => x.toLowerCase());

/** A pattern's (or directory's) lower-case components, computed once per string: every write of every command tests them all. */
const componentsCache = new Map<string, string[]>();
export const components = (p: string): string[] => {
  let c = componentsCache.get(p);
  if (c === undefined) { c = lower(parts(p)); if (componentsCache.size < 4096) componentsCache.set(p, c); }
  return c;
};
const anywhereCache = new Map<string, string[]>();
/** A pattern that may be under any directory: `**` and its components. */
export const anywhere = (pattern: string): string[] => {
  let c = anywhereCache.get(pattern);
  if (c === undefined) { c = ['**', ...components(pattern)]; anywhereCache.set(pattern, c); }
  return c;
};
const prefixesCache = new Map<string, string[][]>();
export const prefixesOf = (pattern: string): string[][] => {
  let c = prefixesCache.get(pattern);
  if (c === undefined) { c = literalPrefixes(components(pattern)); prefixesCache.set(pattern, c); }
  return c;
};


/** The leading components of a pattern that are plain names (no wildcard), each a directory that holds what it names. */
export function literalPrefixes(pattern: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let k = 1; k < pattern.length && !pattern[k - 1]!.includes('*'); k++) out.push(pattern.slice(0, k));
  return out;
}

/** Does `path` end with the components `tail`? */
export const endsWith = (path: readonly string[], tail: readonly string[]) =>
  tail.length <= path.length && tail.every((c, i) => c === path[path.length - tail.length + i]);

/**
 * Patterns kept by what their last component asks of a path's last name (that name, or a `*SUFFIX`
 * ending), so that a path is tested only against the patterns that can match it: the judged files
 * are hundreds of patterns (Vim's runtime directories alone), tested against every path written.
 */
export class GlobIndex<T> {
  private readonly byName = new Map<string, number[]>();
  private readonly bySuffix = new Map<string, number[]>();
  private readonly rest: number[] = [];

  constructor(private readonly entries: readonly { readonly pattern: readonly string[]; readonly value: T }[]) {
    entries.forEach(({ pattern }, i) => {
      const last = pattern[pattern.length - 1];
      if (last === undefined || last === '**' || last === '*') this.rest.push(i);
      else if (!last.includes('*')) push(this.byName, last, i);
      else if (last.lastIndexOf('*') === 0) push(this.bySuffix, last.slice(1), i);
      else this.rest.push(i);
    });
  }

  /** The values of the patterns that may match `path` (lower-case components, no glob), in the order given; each still to be tested. */
  candidates(path: readonly string[]): T[] {
    const name = path[path.length - 1];
    const lists = [this.rest];
    if (name !== undefined) {
      const named = this.byName.get(name);
      if (named) lists.push(named);
      for (const [suffix, list] of this.bySuffix) if (name.endsWith(suffix)) lists.push(list);
    }
    const picked = lists.length === 1 ? lists[0]! : lists.flat().sort((a, b) => a - b);
    return picked.map((i) => this.entries[i]!.value);
  }
}

function push(map: Map<string, number[]>, key: string, i: number): void {
  const list = map.get(key);
  if (list) list.push(i); else map.set(key, [i]);
}
