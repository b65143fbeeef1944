// Files a program leaves with content the text does not show, for the commands after it in the same
// text: an archive's members (and, where their names are not known, any file under the directory it
// extracts into), what git checks out or merges, a download's local copy. A script or a project file
// read there later is then not what is on disk now: it asks, as a script `curl -o` saved does. A
// patch with a known text leaves the file's new text where its hunks apply, else its added lines
// (judged where the file is read, which still asks).
import type { ProgramFacts } from '../invocation.js';
import type { Scope } from './driver.js';
import { checkedOut } from './git-writes.js';
import { patchEdits } from './patch-writes.js';
import { noteEdit, noteWrite } from './writes.js';
import { abs, extractedBy } from './written-paths.js';
import { getopt, optionIs } from '../getopt.js';
import { SCP } from '../grammars/managed.js';
import { argOf, type Word } from '../words.js';

function recursiveScp(words: readonly Word[]): boolean {
  return getopt(words.slice(1).map(argOf), SCP).options.some((o) => optionIs(o, ['-r']));
}

/** Record what this command leaves with content not known (only for a command writes.ts follows). */
export function noteUnknownContent(scope: Scope, program: string, words: readonly Word[], facts: ProgramFacts | undefined,
  own: readonly (string | null)[]): void {
  if (!scope.recorded || !scope.local) return;
  // What the command itself runs while it writes (`tar --rsh-command=FILE`) is read before its writes count.
  scope.run0.afterCommand.push(() => note(scope, program, words, facts, own));
}

function note(scope: Scope, program: string, words: readonly Word[], facts: ProgramFacts | undefined, own: readonly (string | null)[]): void {
  const label = `\`${words.map((w) => w.text).join(' ').slice(0, 80)}\``;
  const got = extractedBy(program, words, scope.cwd);
  if (got) {
    for (const f of got.files) if (f !== null) noteWrite(scope, f, null);
    for (const d of got.unnamed) {
      if (d === null) scope.run0.unplacedWrites.push({ target: label, text: null });
      else scope.run0.unnamedDirs.set(d, { why: `${label} extracts files there whose names are not known here` });
    }
  }
  const at = (p: string): string | null => abs(p, scope.cwd);
  // A transfer that reads from a server (`scp HOST:F LOCAL`) writes what it fetched where its write spec says.
  const fetched = facts?.kind === 'transfer' && facts.transfer.reads.length > 0 ? own : [];
  const files = facts?.kind === 'git' ? checkedOut(facts.git, at)
    : facts?.kind === 'transfer' ? [...fetched, ...(facts.transfer.localWrites ?? []).map((p) => (p === null ? null : at(p)))] : [];
  for (const f of files) {
    if (f === null) continue;
    const dir = (scope.files.list?.(f) ?? null) !== null;
    if (!dir) noteWrite(scope, f, null);
    // A download into a directory (`scp -r HOST:D .`, `scp HOST:F .`) leaves there files the text does not name;
    // git's checkout of a directory restores the project's own files, judged as they are.
    // scp without -r copies files, each straight into the directory: nothing deeper in it changes.
    else if (facts?.kind === 'transfer') scope.run0.unnamedDirs.set(f, { why: `${label} downloads files there`, ...(program === 'scp' && !recursiveScp(words) ? { flat: true as const } : {}) });
  }
  for (const [path, edit] of patchEdits(scope, program, words, facts)) {
    if (edit.text !== null) noteWrite(scope, path, edit.text);
    else noteEdit(scope, path, edit.added);
  }
}
