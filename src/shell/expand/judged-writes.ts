// Writes into files judged by their content (src/content-judged.ts: Claude Code's commands, agents
// and skills, a plugin's, husky's hooks and startup files) that do not say what they write: an edit
// in place (`sed -i`, `perl -pi`, `patch`), an archive unpacked into such a directory, a file or
// directory git checks out there, a directory copied or linked there. What such a file then holds
// is not static text, so the write asks; the part of it the text does show (lines `sed -i` adds, a
// replacement it makes, the lines of an `apply_patch` envelope) is judged as that file's content.
import { judgedByContent, judgedKind, mayHoldJudged, unknownContentAsks } from '../../content-judged.js';
import type { FileRead } from '../files.js';
import { WRITES } from '../grammars/writes.js';
import { getopt } from '../getopt.js';
import { argOf, basename, type Word } from '../words.js';
import { abs } from './written-paths.js';
import type { Scope } from './driver.js';
import { hostCommandLines, hostFileWritten, judgeStartup } from './host-files.js';
import { envelopeAdditions } from './patch-writes.js';
import { stdinText } from './output.js';

/** Programs whose writes writes.ts follows with what they write (recordWrites, recordCopies). */
const FOLLOWED: ReadonlySet<string> = new Set(['tee', 'sponge', 'cp', 'mv', 'ln', 'install', 'rsync', 'dd', 'update-alternatives']);

/** Programs that write their standard input to the files they name. */
const PIPED_WRITERS: ReadonlySet<string> = new Set(['tee', 'sponge']);

/** Does a write to `path` (a file, or a directory things go into) land where content is judged? */
const landsJudged = (path: string): boolean => judgedByContent(path) || mayHoldJudged(path);

/**
 * Judge what `program` writes (its own writes, not its redirections) into judged files. A program
 * writes.ts follows is judged there, when this command is one it records (not wrapped: `sudo tee`).
 */
export function judgeUnfollowedWrites(scope: Scope, program: string, words: readonly Word[], writes: readonly (string | null)[]): void {
  if (writes.length === 0 || WRITES[program]?.keepsContent) return;
  if (FOLLOWED.has(program) && scope.recorded && basename(scope.command.words[0]?.value ?? '') === program) return;
  // (An archive's directories, `tar -x -C DIR` or the working directory, are among the writes;
  // one through a link, `-C cfg` where cfg leads to .claude, lands where the link leads.)
  const real = (p: string): string | null => {
    // (A link made earlier in the text, `ln -s .claude cfg && tar -x -C cfg`, leads there too.)
    const made = [...scope.run0.links].find(([from]) => p === from || p.startsWith(from + '/'));
    const r = made ? made[1] + p.slice(made[0].length) : scope.files.real?.(p) ?? p;
    return r !== p && landsJudged(r) ? r : null;
  };
  const judged = writes.flatMap((p) => { if (p === null) return []; if (landsJudged(p)) return [p]; const r = real(p); return r === null ? [] : [r]; });
  if (judged.length === 0) return;
  const added = envelopeAdditions(scope, program, words);
  // A wrapped `tee` or `sponge` (`sudo tee -a FILE`) puts its standard input into its operands.
  const piped = PIPED_WRITERS.has(program) ? stdinText(scope, scope.stdin, program) : null;
  for (const path of new Set(judged)) {
    const lines = added?.get(path);
    if (lines !== undefined && judgedByContent(path)) hostFileWritten(scope, path, lines.join('\n'));
    else if (piped?.kind === 'text' && judgedByContent(path)) hostFileWritten(scope, path, piped.text);
    else if (COPIERS.has(program) && judgedByContent(path) && !unknownContentAsks(path)) hostFileWritten(scope, path, copiedText(scope, program, words, path));
    else if (judgedByContent(path) ? unknownContentAsks(path) : mayHoldJudged(path, true)) scope.raise('unreadable-script', `\`${program}\` writes ${path}, where files are judged by what they say (commands the agent host or husky runs by itself), and what it leaves there is not known here`);
  }
}

/** Programs that put a file's bytes at another name: a wrapped one (`sudo cp x /usr/local/bin/git`) is read here. */
const COPIERS: ReadonlySet<string> = new Set(['cp', 'install', 'mv', 'ln']);

/** What a copy puts at `path` when its one source is a file here to read (its text); null when not known. */
function copiedText(scope: Scope, program: string, words: readonly Word[], path: string): string | null {
  const scan = getopt(words.slice(1).map(argOf), WRITES[program]?.options ?? {});
  const ops = scan.operands.map((o) => o.value);
  if (ops.length !== 2 || ops[0] === null || ops[1] === null || abs(ops[1]!, scope.cwd) !== path) return null;
  const src = abs(ops[0]!, scope.cwd);
  const read = src === null ? null : scope.files.read(src);
  return read?.kind === 'text' ? read.text : null;
}

/**
 * The text `sed -i` surely puts into a judged file: the lines its `a`, `i` and `c` commands add and
 * the replacements of its `s` commands. A script's are judged as commands; a host markdown file's
 * as the !`cmd` lines they hold. The rest of what the file becomes is not known (asked about above).
 */
export function judgeSedText(scope: Scope, path: string, added: readonly string[], script: string): void {
  const kind = judgedKind(path);
  if (kind === null) return;
  const parts = [...added, ...sedReplacements(script)];
  for (const part of parts) {
    if (kind === 'host-markdown') hostCommandLines(scope, path, part);
    else judgeStartup(scope, kind, part, `text sed -i puts into ${path} (runs later)`);
  }
}

/** The replacement of each `s` command in a sed script, unescaped (`\/` is `/`; `&` and `\1` stay). */
function sedReplacements(script: string): string[] {
  const out: string[] = [];
  for (const m of script.matchAll(/(?:^|[;\n{}])\s*(?:[0-9$]+|\/(?:[^/\\]|\\.)*\/)?(?:\s*,\s*(?:[0-9$]+|\/(?:[^/\\]|\\.)*\/))?\s*!?\s*s([^\\\n\s])((?:\\.|(?!\1)[^\\])*)\1((?:\\.|(?!\1)[^\\])*)\1/g)) {
    out.push(m[3]!.replace(/\\([^0-9&n])/g, '$1').replace(/\\n/g, '\n'));
  }
  return out;
}

/** Landed files of a copied directory: what writes.ts records for each (its text, or null when unknown). */
export type Land = (path: string, text: string | null) => void;

/** How many entries of a directory copied from disk are read before its content counts as unknown. */
const MAX_ENTRIES = 256;

/**
 * A directory `src` copied (or moved, or linked: `linked`) to `to`. Each file the text wrote under
 * `src` lands under `to`, judged there when its new path is judged. Where `to` may hold judged files,
 * the files already under `src` are read and judged too; a link (its files can change later), a
 * source not known or too large to read asks.
 */
export function judgeDirCopy(scope: Scope, src: string | null, to: string, linked: boolean, land: Land): void {
  const written = scope.run0.written;
  if (src !== null) {
    for (const [p, text] of [...written]) if (p.startsWith(src + '/') && judgedByContent(to + p.slice(src.length))) land(to + p.slice(src.length), text);
  }
  if (!mayHoldJudged(to)) return;
  const unknown = (why: string): void => scope.raise('unreadable-script', `puts ${src ?? 'a directory named at run time'} at ${to}, where files are judged by what they say (commands the agent host or husky runs by itself), and ${why}`);
  if (src === null) return unknown('its files are not known here');
  if (linked) return unknown('a link there shows whatever its target holds later');
  const budget = { left: MAX_ENTRIES };
  // A directory the text made and wrote into (`mkdir -p /tmp/c && … > /tmp/c/d.md`) holds what it wrote.
  const made = (scope.files.list?.(src) ?? null) === null && [...written.keys()].some((p) => p.startsWith(src + '/'));
  if (!made && !walk(scope, src, to, budget, land, 0)) unknown(`what it holds is not known here (missing, unreadable, or more than ${MAX_ENTRIES} entries)`);
}

/** Judge the files under the directory `dir` on disk (not written earlier in the text) as landing under `to`. */
function walk(scope: Scope, dir: string, to: string, budget: { left: number }, land: Land, depth: number): boolean {
  const names = scope.files.list?.(dir) ?? null;
  if (names === null || depth > 8) return false;
  for (const name of names) {
    if (--budget.left < 0) return false;
    const from = `${dir}/${name}`;
    const at = `${to}/${name}`;
    if (scope.run0.written.has(from)) continue;
    if ((scope.files.list?.(from) ?? null) !== null) { if (!walk(scope, from, at, budget, land, depth + 1)) return false; continue; }
    // Only a file that lands where content is judged is read.
    if (!judgedByContent(at)) continue;
    const r: FileRead = scope.files.read(from);
    land(at, r.kind === 'text' ? r.text : null);
  }
  return true;
}
