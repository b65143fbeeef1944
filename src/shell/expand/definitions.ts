// Aliases and functions defined earlier in the same text, and `hash -p`: what a later command name
// runs instead of the program of that name (the driver asks here before the runner families).
import type { Word } from '../words.js';
import { withArguments } from './function-args.js';
import { computedAlias } from './alias-values.js';
import type { Scope } from './driver.js';

/**
 * Aliases and functions defined earlier in the text: an alias's text stands for the word, a
 * function's body runs with the arguments. `alias` and `hash -p` define them here.
 */
export function definitions(scope: Scope, head: Word): boolean {
  const run0 = scope.run0;
  const rest = scope.argv.slice(1);
  if (records(scope, head)) return false;
  // An alias applies only to a word written plainly (`\\d` and `'d'` are not expanded).
  const alias = head.value !== null && head.text === head.value ? run0.aliases.get(head.value) : undefined;
  if (alias !== undefined) {
    scope.nested([alias, ...rest.map((w) => w.text)].join(' '), `alias ${head.value}`);
    return true;
  }
  const body = head.value !== null && !scope.command.defines ? run0.functions.get(head.value) : undefined;
  if (body !== undefined) {
    // Inside a body judged where it is defined, a call that passes nothing the text fixes runs a body
    // judged at its own definition already (a library of functions calling each other, nvm.sh, would
    // otherwise fan out past the command limit).
    if (scope.job.definition !== undefined && rest.every((w) => w.value === null || /^\$/.test(w.text) || /^"\$/.test(w.text))) return true;
    scope.nested(withArguments(body, rest), `function ${head.value}`);
    return true;
  }
  return false;
}

/** `alias NAME=TEXT`, `hash -p PATH NAME` and `enable -f FILE NAME` (also behind `command`/`builtin`) define what a later name runs. */
export function records(scope: Scope, head: Word): boolean {
  const run0 = scope.run0;
  const rest = scope.argv.slice(1);
  if (head.value === 'hash' && rest[0]?.value === '-p') {
    const path = rest[1]?.value;
    for (const w of rest.slice(2)) if (w.value && path) run0.aliases.set(w.value, path);
    return true;
  }
  // `enable -f FILE NAME…` loads a builtin from FILE under each NAME: as with `hash -p`, the name runs FILE.
  if (head.value === 'enable') {
    const at = rest.findIndex((w) => /^-[a-z]*f$/.test(w.value ?? ''));
    const path = at < 0 ? undefined : rest[at + 1]?.value;
    for (const w of at < 0 ? [] : rest.slice(at + 2)) if (w.value && path && !w.value.startsWith('-')) run0.aliases.set(w.value, path);
    return true;
  }
  if (head.value !== 'alias') return false;
  for (const w of rest) {
    if (w.value === null) { computedAlias(scope, w); continue; }
    const m = /^([^=\s]+)=(.*)$/s.exec(w.value);
    if (!m) continue;
    run0.aliases.set(m[1]!, m[2]!);
    // Judged where it is defined, as a function is: a shell that keeps it expands it on a later call.
    if (scope.target.kind === 'local') scope.nested(m[2]!, `alias ${m[1]!} (defined here)`, { spliceable: false, definition: m[1]! });
  }
  return true;
}
