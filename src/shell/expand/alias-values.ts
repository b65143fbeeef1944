// `alias NAME="$a restart web"`: the shell expands the value where the alias is defined, so what the
// alias runs is computed. When the text fixes every part (known-vars.ts) the alias is recorded with
// that value, so a later call runs it; a value that names a managed program, or one that stays
// computed, is asked about where it is defined (a static `alias d="docker restart web"` is judged as
// its command, driver.ts records). A value that names none is judged like a static one.
import { basename, type Word } from '../words.js';
import type { Scope } from './driver.js';
import { withKnownVars } from './known-vars.js';

/** A computed `alias` operand: recorded, judged, or asked about. */
export function computedAlias(scope: Scope, w: Word): void {
  const known = withKnownVars(scope, w).value;
  const m = known === null ? null : /^([^=\s]+)=(.*)$/s.exec(known);
  if (m) {
    const [, name, value] = m as unknown as [string, string, string];
    scope.run0.aliases.set(name, value);
    if (!scope.run0.options.mentions(value)) {
      if (scope.target.kind === 'local') scope.nested(value, `alias ${name} (defined here)`, { spliceable: false, definition: name });
      return;
    }
  } else {
    // The name, when it is written plainly: a later call runs what the shell computed.
    const name = /^([A-Za-z0-9_.:@%+,-]+)=/.exec(w.text)?.[1];
    if (name !== undefined) scope.run0.aliases.set(name, '$computed_alias');
  }
  // On a server the alias is followed where it is called, as a static one is.
  if (scope.target.kind !== 'local') return;
  scope.raise('dynamic-command', `\`${basename(scope.argv[0]?.value ?? 'alias')}\` defines an alias whose value is computed at run time: \`${w.text.length > 60 ? w.text.slice(0, 57) + '…' : w.text}\``);
}
