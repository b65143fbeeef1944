// Debuggers' own commands that hand a line on (gdb's `python`, `guile`, `source`; lldb's `platform
// shell`, `shell`, `script`, `command script import`, `command source`), from the table in
// grammars/command-languages.ts. A command given no code on its line reads the lines up to `end`.
import { verbPattern, type Verb } from '../grammars/command-languages.js';
import type { CodeLanguage } from '../grammars/types.js';
import type { Scope } from './driver.js';
import type { CodeReaders } from './ex-commands.js';

const BLOCK_END = /^\s*(?:end|quit(?:\(\))?|exit(?:\(\))?)\s*$/;
const PATTERNS = new WeakMap<readonly Verb[], readonly RegExp[]>();

function patterns(verbs: readonly Verb[]): readonly RegExp[] {
  let out = PATTERNS.get(verbs);
  if (!out) { out = verbs.map((v) => new RegExp(`^\\s*(?:${verbPattern(v.name)})(?=\\s|$)\\s*`)); PATTERNS.set(verbs, out); }
  return out;
}

/** Reads the lines `verbs` hand on; returns the other lines, for the language's shell escapes. */
export function handOffs(scope: Scope, lang: CodeLanguage, verbs: readonly Verb[], code: string, label: string, read: CodeReaders): string {
  const res = patterns(verbs);
  const lines = code.split('\n');
  const rest: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const at = res.findIndex((re) => re.test(line));
    if (at < 0) { rest.push(line); continue; }
    const verb = verbs[at]!;
    let arg = line.replace(res[at]!, '');
    arg = verb.options ? arg.replace(verb.options, '') : arg;
    const to = verb.to === 'source' ? lang : verb.to;
    const name = `${label} ${verb.name.replace(/\[[^\]]*\]/g, '')}`;
    if (verb.to === 'shell') { if (arg.trim() !== '') scope.nested(arg.trim(), name, { spliceable: false }); continue; }
    if (verb.to === 'ask') { scope.raise('interpreter-code', `${name} runs what cannot be read`, line); continue; }
    if (to === 'ex' || !isCode(to)) continue;
    if (verb.file || verb.to === 'source') { if (arg.trim() !== '') read.file(scope, /\.py$/.test(arg.trim()) ? 'python' : to, arg.trim(), name); continue; }
    if (arg.trim() === '') {
      const body: string[] = [];
      for (i++; i < lines.length && !BLOCK_END.test(lines[i]!); i++) body.push(lines[i]!);
      arg = body.join('\n');
    }
    if (/^\s*-l\s+lua\b|^\s*--language\s+lua\b/.test(line.replace(res[at]!, ''))) read.code(scope, 'lua', arg, name);
    else read.code(scope, to, arg, name);
  }
  return rest.join('\n');
}

function isCode(to: string): to is CodeLanguage {
  return !['shell', 'source', 'ex', 'execute', 'global', 'autocmd', 'usercmd', 'map', 'normal', 'read', 'write', 'terminal', 'set', 'let', 'ask'].includes(to);
}
