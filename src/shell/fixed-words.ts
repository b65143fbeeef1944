// A word as the shell makes it from text whose every part the walk knows: quotes removed, and the
// variables and positional parameters the text set to static values filled in (`export $v=…`,
// `export "$x"`, `export "$1"` read as the NAME=VALUE they give the builtin).
import { VALUE_TEXT } from './cwd.js';
import { walkWord } from './word-walk.js';

/** `$NAME`, `${NAME}`, `$1`, `${12}` at the start of `rest`: [length, name]. */
const PARAMETER = /^\$(?:([A-Za-z_][A-Za-z0-9_]*)|\{([A-Za-z_][A-Za-z0-9_]*|[1-9][0-9]*)\}|([1-9]))/;

/** The word `text` stands for, or null when any part of it is computed (or split or globbed by the shell). */
export function fixedWord(text: string, env: ReadonlyMap<string, string | null>): string | null {
  return walkWord(text, {
    expansion: (rest, quoted) => {
      const m = rest.startsWith('$') ? PARAMETER.exec(rest) : null;
      const value = m ? env.get((m[1] ?? m[2] ?? m[3])!) : undefined;
      if (!m || typeof value !== 'string' || (!quoted && /[\s*?[]/.test(value))) return null;
      return { length: m[0].length, value };
    },
    plain: (c) => !/[*?[{]/.test(c),
  });
}

/**
 * `"$@"`, `"${a[@]}"`: the positional parameters, or the elements of an array the text set, one word
 * each (null: not such a word; an element not known is null).
 */
export function listWords(text: string, env: ReadonlyMap<string, string | null>): (string | null)[] | null {
  const array = /^"?\$\{([A-Za-z_][A-Za-z0-9_]*)\[[@*]\]\}"?$/.exec(text);
  if (array) {
    const stored = env.get(VALUE_TEXT + array[1]!);
    const body = typeof stored === 'string' ? /^\((.*)\)$/s.exec(stored.slice(stored.indexOf('\u0000') + 1)) : null;
    return body ? body[1]!.trim().split(/\s+/).filter((e) => e !== '').map((e) => fixedWord(e, env)) : null;
  }
  if (!/^(?:"\$[@*]"|\$[@*]|"\$\{[@*]\}")$/.test(text)) return null;
  const out: (string | null)[] = [];
  for (let n = 1; env.has(String(n)); n++) out.push(env.get(String(n)) ?? null);
  return out;
}
