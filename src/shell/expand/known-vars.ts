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
