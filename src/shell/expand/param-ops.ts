// bash(1) Parameter Expansion operators over a value the text fixes, evaluated as bash does:
// `${d#x}`, `${d%x}` (a literal pattern), `${d,,}`, `${d^^}`, `${d/z/s}`, `${f:-x}`, `${f:+x}`,
// `${f:0}`, `${f:1:3}`, `${#f}`, `${!v}`, `${a[0]}`. An operator over a pattern with glob
// characters, or one this does not know, leaves the value computed (null), never a wrong one.

/** Looks a variable up: its value, or null when it is not known. */
export type Lookup = (name: string) => string | null;

const NAME = '[A-Za-z_][A-Za-z0-9_]*';
const BODY = new RegExp(`^(!)?(${NAME}|[0-9]|[1-9][0-9]*)(?:\\[0\\])?(.*)$`, 's');
/** A pattern or replacement the shell would glob or expand: not evaluated here. */
const SPECIAL = /[*?[\]\\$`'"{}()!@+]/;

/** The value of `${BODY}` (`body` is the text between the braces), or null when it is not known. */
export function parameterValue(body: string, lookup: Lookup): string | null {
  if (body.startsWith('#') && new RegExp(`^#${NAME}$`).test(body)) {
    const v = lookup(body.slice(1));
    return v === null ? null : String([...v].length);
  }
  const m = BODY.exec(body);
  if (!m) return null;
  let value = lookup(m[2]!);
  // `${!v}`: the variable whose name is v's value.
  if (m[1] === '!') value = value !== null && new RegExp(`^${NAME}$`).test(value) && m[3] === '' ? lookup(value) : null;
  return value === null ? null : applied(value, m[3]!);
}

/** `op` applied to a known value. */
function applied(value: string, op: string): string | null {
  if (op === '') return value;
  const def = /^(:?)([-=?+])(.*)$/s.exec(op);
  if (def) {
    const set = def[1] === '' || value !== '';
    if (SPECIAL.test(def[3]!)) return def[2] === '+' && !set ? '' : set && def[2] !== '+' ? value : null;
    return def[2] === '+' ? (set ? def[3]! : '') : set ? value : def[2] === '?' ? null : def[3]!;
  }
  const sub = /^:([0-9]+)(?::([0-9]+))?$/.exec(op);
  if (sub) { const chars = [...value]; const from = Number(sub[1]); return chars.slice(from, sub[2] === undefined ? undefined : from + Number(sub[2])).join(''); }
  const cased = /^(,,|\^\^|,|\^)$/.exec(op);
  if (cased) return caseChanged(value, cased[1]!);
  const trim = /^(##?|%%?)(.*)$/s.exec(op);
  if (trim) return trimmed(value, trim[1]!, trim[2]!);
  const rep = /^\/(\/|#|%)?([^/]*)(?:\/(.*))?$/s.exec(op);
  if (rep) return replaced(value, rep[1], rep[2]!, rep[3] ?? '');
  return null;
}

/** Values longer than this are not matched against a pattern here (each length is tried). */
const MAX_MATCHED = 4096;

/**
 * `${v#pat}` (shortest prefix), `##` (longest), `%` (shortest suffix), `%%` (longest), for a pattern of
 * plain characters, `*` and `?` (`${f##*\/}`, `${f%/*}`); null for any other pattern.
 */
function trimmed(value: string, op: string, pat: string): string | null {
  if (/[[\]\\$`'"{}()!@+]/.test(pat) || value.length > MAX_MATCHED) return null;
  const re = new RegExp(`^${pat.replace(/[.^|/-]/g, '\\$&').replace(/\*/g, '[\\s\\S]*').replace(/\?/g, '[\\s\\S]')}$`);
  const lengths = [...Array(value.length + 1).keys()];
  const order = op.length === 2 ? lengths.reverse() : lengths;
  for (const k of order) {
    if (op.startsWith('#') && re.test(value.slice(0, k))) return value.slice(k);
    if (op.startsWith('%') && re.test(value.slice(value.length - k))) return value.slice(0, value.length - k);
  }
  return value;
}

function caseChanged(value: string, op: string): string {
  if (op === ',,') return value.toLowerCase();
  if (op === '^^') return value.toUpperCase();
  const first = value.slice(0, 1);
  return (op === ',' ? first.toLowerCase() : first.toUpperCase()) + value.slice(1);
}

/** `${v/pat/rep}`, `${v//pat/rep}` (every match), `${v/#pat/rep}` (at the start), `${v/%pat/rep}` (at the end), for literal patterns. */
function replaced(value: string, anchor: string | undefined, pat: string, rep: string): string | null {
  if (pat === '' || SPECIAL.test(pat) || SPECIAL.test(rep) || rep.includes('&')) return null;
  if (anchor === '/') return value.split(pat).join(rep);
  if (anchor === '#') return value.startsWith(pat) ? rep + value.slice(pat.length) : value;
  if (anchor === '%') return value.endsWith(pat) ? value.slice(0, value.length - pat.length) + rep : value;
  const at = value.indexOf(pat);
  return at < 0 ? value : value.slice(0, at) + rep + value.slice(at + pat.length);
}
