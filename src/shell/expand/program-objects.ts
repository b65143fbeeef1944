// The programs code runs through a library's program objects (grammars/program-objects.ts): each
// object called or given arguments is the command line of its program and those arguments
// (`sh.docker("restart", "web")` is `docker restart web`), where its literal command line lies in
// the code (read whole, as a process-starting call's is: spawn-calls.ts). An argument that is not a
// literal is a word computed at run time, spelled as one (`"$COMPUTED"`), so the command is judged
// as a shell command with such a word is: `docker "$COMPUTED"` is still denied, `git "$COMPUTED"` asks.
import { PROGRAM_LIBRARIES, type ProgramLibrary } from '../grammars/program-objects.js';
import type { CodeLanguage } from '../grammars/types.js';
import { literalsOf, quoteForScan } from './code-literals.js';
import { argumentsAt } from './code-writes.js';
import type { Span } from './literal-argv.js';

export interface ProgramRun { readonly piece: string; readonly span: Span }

/** The call name spawn-calls.ts gives a program object's command line. */
export const PROGRAM_OBJECT = 'program object';

/** A word computed at run time, as the shell layer reads one. */
const COMPUTED = '"$COMPUTED"';
/** Keyword options whose value carries no word (`_bg=True`, `retcode=None`, `timeout=5`). */
const PLAIN_KEYWORD = /^\s*\w+\s*=\s*(?:True|False|None|-?\d+(?:\.\d+)?)\s*$/;
const CLOSE: Record<string, string> = { '(': ')', '[': ']' };

/** The libraries of `lang` that `code` loads. */
function loaded(code: string, lang: CodeLanguage): readonly ProgramLibrary[] {
  return (PROGRAM_LIBRARIES[lang] ?? []).filter((l) => l.loads.test(code));
}

/** Does the code load a library whose objects are programs? */
export function loadsProgramLibrary(code: string, lang: CodeLanguage): boolean {
  return loaded(code, lang).length > 0;
}

/** The text inside the bracket group opening at `at`, and where it ends; null when it does not close. */
function groupAt(code: string, at: number): { inner: string; end: number } | null {
  const stack = [CLOSE[code[at]!]!];
  let quote: string | null = null;
  for (let i = at + 1; i < code.length && i - at < 4000; i++) {
    const c = code[i]!;
    if (quote !== null) { if (c === '\\') i++; else if (c === quote) quote = null; continue; }
    if (c === '"' || c === "'") quote = c;
    else if (c in CLOSE) stack.push(CLOSE[c]!);
    else if (c === stack[stack.length - 1] && stack.pop() !== undefined && stack.length === 0) return { inner: code.slice(at + 1, i), end: i + 1 };
  }
  return null;
}

/** The words one argument gives: a plain literal's text, a list of them, nothing (a plain keyword), else one computed word. */
function argumentWords(arg: string): string[] {
  const t = arg.trim();
  if (t === '' || PLAIN_KEYWORD.test(t)) return [];
  if (/^[[(]/.test(t)) {
    const inner = groupAt(t, 0);
    if (inner !== null && inner.end === t.length) return argumentsAt(inner.inner, 0, false).args.flatMap(argumentWords);
  }
  const plain = t.replace(/^[rRbBuU]{1,2}(?=["'])/, '');
  const l = literalsOf(plain)[0];
  return l && l.start === 0 && l.end === plain.length && /^["']/.test(plain) ? [quoteForScan(l.text)] : [COMPUTED];
}

/** The words after a program object at `at`: subcommand attributes, then the argument groups called or bound. */
function wordsAfter(code: string, at: number, lib: ProgramLibrary): { words: string[]; end: number } {
  const words: string[] = [];
  let end = at;
  let called = false;
  for (let n = 0; n < 20; n++) {
    const attribute = /^\s*\.\s*([A-Za-z_]\w*)/.exec(code.slice(end, end + 200));
    if (attribute && lib.subcommands && !called && !lib.own?.test(attribute[1]!)) {
      if (!lib.subcommands.bind.test(attribute[1]!)) words.push(programName(attribute[1]!, lib));
      end += attribute[0].length;
      continue;
    }
    const open = /^\s*[([]/.exec(code.slice(end, end + 40));
    if (!open) break;
    const group = groupAt(code, end + open[0].length - 1);
    if (group === null) { words.push(COMPUTED); break; }
    words.push(...argumentsAt(group.inner, 0, false).args.flatMap(argumentWords));
    end = group.end;
    called = true;
  }
  return { words, end };
}

function programName(identifier: string, lib: ProgramLibrary): string {
  return lib.dashes ? identifier.replace(/_/g, '-') : identifier;
}

/** Names the code gives programs of the library: its imports (`from sh import docker as d`) and its assignments (`d = local["docker"]`). */
function aliasesOf(code: string, lib: ProgramLibrary, objects: readonly { at: number; words: string[] }[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of code.matchAll(lib.imports)) {
    for (const item of m[1]!.split(',')) {
      const [name, as] = item.trim().split(/\s+as\s+/);
      if (name && /^\w+$/.test(name) && out.size < 100) out.set(as?.trim() || name, [programName(name, lib)]);
    }
  }
  for (const o of objects) {
    const target = /(?:^|[\s;])([A-Za-z_]\w*)\s*=\s*$/.exec(code.slice(Math.max(0, o.at - 80), o.at));
    if (target && out.size < 100) out.set(target[1]!, o.words);
  }
  return out;
}

/** Every program object of the libraries the code loads, and what it runs. */
export function programRuns(code: string, lang: CodeLanguage): ProgramRun[] {
  const out: ProgramRun[] = [];
  const literals = literalsOf(code);
  const inLiteral = (at: number): boolean => literals.some((l) => l.start <= at && at < l.end);
  for (const lib of loaded(code, lang)) {
    const objects: { at: number; words: string[] }[] = [];
    for (const re of lib.objects) {
      for (const m of code.matchAll(re)) {
        const name = m.groups?.['name'];
        if (objects.length >= 200 || inLiteral(m.index) || (name !== undefined && lib.own?.test(name))) continue;
        const program = name !== undefined ? programName(name, lib) : m.groups!['lit']!;
        const after = wordsAfter(code, m.index + m[0].length, lib);
        objects.push({ at: m.index, words: [quoteForScan(program), ...after.words] });
        out.push({ piece: objects[objects.length - 1]!.words.join(' '), span: { start: m.index, end: after.end } });
      }
    }
    for (const [alias, words] of aliasesOf(code, lib, objects)) {
      for (const m of code.matchAll(new RegExp(String.raw`(?<![\w.])${alias}\b(?!\s*=[^=])`, 'g'))) {
        const statement = code.slice(Math.max(code.lastIndexOf('\n', m.index - 1), code.lastIndexOf(';', m.index - 1)) + 1, m.index);
        if (out.length >= 400 || inLiteral(m.index) || /^\s*(?:from|import)\b/.test(statement)) continue;
        const after = wordsAfter(code, m.index + m[0].length, lib);
        if (after.end > m.index + m[0].length) out.push({ piece: [...words, ...after.words].join(' '), span: { start: m.index, end: after.end } });
      }
    }
  }
  return out;
}

/** A test for text that runs a program object of the libraries `code` loads (printed text that runs one is not only printed). */
export function runsProgramObject(code: string, lang: CodeLanguage): (text: string) => boolean {
  const libs = loaded(code, lang);
  if (libs.length === 0) return () => false;
  const names = libs.flatMap((lib) => [...aliasesOf(code, lib, []).keys()]);
  const alias = names.length === 0 ? null : new RegExp(String.raw`(?<![\w.])(?:${names.join('|')})\s*[.([]`);
  return (text) => alias?.test(text) === true || libs.some((lib) => lib.objects.some((re) => new RegExp(re.source).test(text)));
}
