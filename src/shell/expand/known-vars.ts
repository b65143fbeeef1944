// Variables whose value the guard knows where the text did not set them: `$HOME` (the user's home)
// and `$PWD` (the directory the command runs in), so `"$HOME/x"` and `"$PWD/bin/deploy"` are paths.
import { homeDir } from '../invocations.js';
import { basename, type Word } from '../words.js';
import type { Scope } from './driver.js';

/** The word with `$HOME`/`$PWD` (alone or followed by a plain path) replaced by its value, when known. */
export function withKnownVars(scope: Scope, w: Word): Word {
  if (w.value !== null) return w;
  const m = /^"?\$(?:(HOME|PWD)|\{(HOME|PWD)\})(\/[^"$`\\*?[]*)?"?$/.exec(w.text);
  if (!m) return w;
  const name = (m[1] ?? m[2])!;
  const known = scope.env.has(name) ? scope.env.get(name) ?? null : name === 'HOME' ? homeDir() : scope.cwd;
  if (known === null) return w;
  const value = known + (m[3] ?? '');
  return { ...w, value, tail: basename(value) };
}

/**
 * The word with a variable the text itself set (`f=.claude/settings.json; … > $f`, alone or followed
 * by a plain path) replaced by its value; `$HOME`/`$PWD` as withKnownVars. For the paths a command writes.
 */
export function withTextVars(scope: Scope, w: Word): Word {
  if (w.value !== null) return w;
  const m = /^"?\$(?:([A-Za-z_]\w*)|\{([A-Za-z_]\w*)\})(\/[^"$`\\*?[]*)?"?$/.exec(w.text);
  if (!m) return w;
  const name = (m[1] ?? m[2])!;
  if (name === 'HOME' || name === 'PWD') return withKnownVars(scope, w);
  const known = scope.env.get(name);
  if (known === null || known === undefined || known === '') return w;
  const value = known + (m[3] ?? '');
  return { ...w, value, tail: basename(value) };
}

/** An unquoted glob word (`.cl?ude/settings.json`) as the pattern it is, for the written-path checks (null value otherwise). */
export function asGlob(w: Word): Word {
  return w.value === null && /^[^'"$`\\]*[*?[][^'"$`\\]*$/.test(w.text) ? { ...w, value: w.text, tail: basename(w.text) } : w;
}
