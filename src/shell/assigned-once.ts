// Whether a variable's one literal assignment is certain where the variable is used: the text sets it
// once, plainly, before anything conditional, and nothing else in the text may set it. Fails closed.

/** Words that may set a variable without `NAME=`, or run text that may: their presence leaves every variable computed. */
const SETS_OTHERWISE = /(?:^|[^\w$-])(?:eval|source|declare|typeset|local|export|readonly|read|readarray|mapfile|printf|getopts|let|select|unset|alias|builtin|command|\.)(?=\s)/;

/**
 * Is NAME set exactly once in `text`, by a plain `NAME=value` statement at the top level before
 * anything conditional (no `if`, loop, `&&`, `||`, pipe, subshell or group before it), so that its
 * value is certain where it is used? Fail closed: anything else leaves the variable computed
 * (`if …; then svc=ps; fi`, `true || svc=ps`, `(svc=ps)`, `for svc in …`).
 */
export function assignedOnce(text: string, name: string): boolean {
  const bare = onlyPlace(text, name);
  if (bare === null || text[bare + name.length] !== '=') return false;
  const before = text.slice(0, bare);
  return /^(?:[^'"`$\\(){}|&;\n#]*[;\n]\s*)*\s*$/.test(before) && !/(?:^|[\s;])(?:if|then|else|elif|while|until|for|do|case|function)\s/.test(before);
}

/** Where NAME stands bare (not expanded) in `text`, when that is its only such place and nothing else may set it; null otherwise. */
export function onlyPlace(text: string, name: string): number | null {
  if (SETS_OTHERWISE.test(text) || new RegExp(`\\$\\{${name}(?!\\})`).test(text)) return null;
  const bare = [...text.matchAll(new RegExp(`(?<![\\w$\\{])${name}(?![\\w])`, 'g'))];
  return bare.length === 1 ? bare[0]!.index : null;
}

/**
 * Is NAME set only by its `for NAME in` (no assignment, read, function or `${NAME:=…}` elsewhere in
 * `text`), so that in the loop's body it holds one of the loop's words?
 */
export function setOnlyByLoop(text: string, name: string): boolean {
  const at = onlyPlace(text, name);
  return at !== null && /(?:^|[\s;&|(])for\s+$/.test(text.slice(0, at)) && /^\s+in\s/.test(text.slice(at + name.length));
}
