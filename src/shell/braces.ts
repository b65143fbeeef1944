// Brace expansion, as bash performs it before any other expansion: `d{o..o}cker` is the word
// `docker`, `{,docker}` the words `` and `docker`, `a{b,c{d,e}}` three words. A command name built
// so is as static as one written out, and must be read as such (tree-sitter only marks the braces).

/** What expanding a word gives: its words, or `too-many` past the limit (then the word counts as computed). */
export type Braces = readonly string[] | 'too-many';

interface Found {
  readonly open: number;
  readonly close: number;
  readonly items: readonly string[];
}

/** Past this many words a word is treated as computed at run time: a limit never allows. */
export const BRACE_LIMIT = 256;

/**
 * The words bash makes of `text` (a word as written, quotes and all) by brace expansion; null when
 * it holds no brace expression. Quoted and escaped braces, and `${…}`, are not expanded.
 */
export function expandBraces(text: string, limit = BRACE_LIMIT): Braces | null {
  if (!text.includes('{')) return null;
  const first = findBrace(text);
  if (first === null) return null;
  const out: string[] = [];
  const queue: string[] = [text];
  let steps = 0;
  while (queue.length > 0) {
    const t = queue.pop()!;
    if (++steps > limit * 4) return 'too-many';
    const f = t === text ? first : findBrace(t);
    if (f === null) {
      out.push(t);
      if (out.length > limit) return 'too-many';
      continue;
    }
    const before = t.slice(0, f.open);
    const after = t.slice(f.close + 1);
    if (queue.length + f.items.length > limit) return 'too-many';
    for (let i = f.items.length - 1; i >= 0; i--) queue.push(before + f.items[i]! + after);
  }
  return out;
}

/** The first brace expression bash would expand in `t`, scanning left to right. */
function findBrace(t: string): Found | null {
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    if (c === '\\') { i++; continue; }
    if (c === "'") { i = skipSingle(t, i); continue; }
    if (c === '"') { i = skipDouble(t, i); continue; }
    if (c === '$' && t[i + 1] === '{') { i = matching(t, i + 1)?.close ?? t.length; continue; }
    if (c !== '{') continue;
    const m = matching(t, i);
    if (m === null) return null;
    if (m.commas.length > 0) {
      const cuts = [i, ...m.commas, m.close];
      const items = cuts.slice(1).map((end, k) => t.slice(cuts[k]! + 1, end));
      return { open: i, close: m.close, items };
    }
    const seq = sequence(t.slice(i + 1, m.close));
    if (seq !== null) return { open: i, close: m.close, items: seq };
    // Not a brace expression (`{}`, `{a}`): bash goes on after its `{`.
  }
  return null;
}

/** The `}` closing the `{` at `open`, and the commas at its own level; null when unclosed. */
function matching(t: string, open: number): { close: number; commas: number[] } | null {
  let depth = 0;
  const commas: number[] = [];
  for (let i = open; i < t.length; i++) {
    const c = t[i]!;
    if (c === '\\') { i++; continue; }
    if (c === "'") { i = skipSingle(t, i); continue; }
    if (c === '"') { i = skipDouble(t, i); continue; }
    if (c === '$' && t[i + 1] === '{') { const inner = matching(t, i + 1); if (inner === null) return null; i = inner.close; continue; }
    if (c === '{') depth++;
    else if (c === '}') { depth--; if (depth === 0) return { close: i, commas }; }
    else if (c === ',' && depth === 1) commas.push(i);
  }
  return null;
}

const skipSingle = (t: string, i: number): number => { const j = t.indexOf("'", i + 1); return j < 0 ? t.length : j; };

function skipDouble(t: string, i: number): number {
  for (let j = i + 1; j < t.length; j++) {
    if (t[j] === '\\') j++;
    else if (t[j] === '"') return j;
  }
  return t.length;
}

/** `{x..y}` and `{x..y..step}` over integers (zero-padded as written) or single letters. */
function sequence(body: string): string[] | null {
  const num = /^([+-]?\d+)\.\.([+-]?\d+)(?:\.\.([+-]?\d+))?$/.exec(body);
  const chr = num ? null : /^([A-Za-z])\.\.([A-Za-z])(?:\.\.([+-]?\d+))?$/.exec(body);
  const m = num ?? chr;
  if (!m) return null;
  const from = num ? Number(m[1]) : m[1]!.charCodeAt(0);
  const to = num ? Number(m[2]) : m[2]!.charCodeAt(0);
  const step = Math.abs(Number(m[3] ?? 1)) || 1;
  const count = Math.floor(Math.abs(to - from) / step) + 1;
  // Too long to list: as many empty items as make expandBraces stop at its limit.
  if (!Number.isSafeInteger(count) || count > BRACE_LIMIT) return Array.from({ length: BRACE_LIMIT + 1 }, () => '');
  const width = num && (/^[+-]?0\d/.test(m[1]!) || /^[+-]?0\d/.test(m[2]!)) ? Math.max(m[1]!.replace(/^[+-]/, '').length, m[2]!.replace(/^[+-]/, '').length) : 0;
  const out: string[] = [];
  for (let k = 0, v = from; k < count; k++, v += from <= to ? step : -step) {
    if (chr) out.push(String.fromCharCode(v));
    else out.push(v < 0 ? `-${String(-v).padStart(width, '0')}` : String(v).padStart(width, '0'));
  }
  return out;
}
