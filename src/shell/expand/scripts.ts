// The scripts family: files a command runs (`./deploy.sh`, `bash x.sh`, `source x`) and stdin fed to
// a shell (make recipes are in make.ts, package.json scripts in packages.ts). Each is read from the
// command's working directory and judged by what it runs. A binary is judged by its name.
import { isAbsolute, join, resolve } from 'node:path';
import { openedPath, type ScriptFiles } from '../files.js';
import { scriptOnPath } from './path-lookup.js';
import type { CodeLanguage } from '../grammars/types.js';
import { SHELL_NAMES } from '../grammars/runners.js';
import { basename, quoteWord, type Word } from '../words.js';
import { clonedTreeOf } from './new-repos.js';
import type { Scope } from './driver.js';
import { guardEntry } from './guard-entry.js';
import { scanCode } from './interpreters.js';
import { isSetupSubstitution, outputOfText, stdinText } from './output.js';
import { homeDir } from '../invocations.js';
import { withKnownVars } from './known-vars.js';
import { withoutScriptNames, type ScriptNames } from './script-name.js';
import { whenWritten } from './writes.js';
import { RUNNER_WRAPPERS } from './tasks.js';
import { asBash, blocksOf, dialectOfFile, runsPython } from './dialects.js';
import { PACKAGE_BIN } from '../grammars/package-runners.js';

const SHELLS = new Set(SHELL_NAMES);

/** `source <(echo …)`: the text sourced is the static output of the command inside, when it has one. */
function sourceSubstitution(scope: Scope, w: Word, label: string): boolean {
  if (isSetupSubstitution(w.text)) return true;
  const out = outputOfText(scope, w.text.slice(2, -1));
  if (out === null) { scope.raise('unreadable-script', `${label}: sources the output of a command, which cannot be known statically`); return true; }
  scope.nested(out, label, { spliceable: false });
  return true;
}
/** Interpreters a shebang can name, by the language their code is scanned as. */
const SHEBANG_LANGUAGES: Record<string, CodeLanguage> = {
  python: 'python', python3: 'python', python2: 'python', node: 'node', nodejs: 'node', bun: 'node', deno: 'node',
  ruby: 'ruby', perl: 'perl', php: 'php', lua: 'lua', Rscript: 'r', expect: 'expect', tclsh: 'tcl', pwsh: 'powershell',
  awk: 'awk', gawk: 'awk', osascript: 'applescript',
};

function scriptPath(files: ScriptFiles, value: string, cwd: string | null): string | null {
  if (value.startsWith('~/')) return openedPath(files, null, join(process.env.HOME ?? '/', value.slice(2)));
  return openedPath(files, cwd, value);
}

/** Where `source NAME`, `. NAME` and `bash NAME` (NAME without a slash, missing here for bash) find NAME on the text's PATH. */
function searched(scope: Scope, value: string): string | null {
  if (value.includes('/')) return null;
  const head = scope.argv[0]?.value;
  const name = head === null || head === undefined ? '' : basename(head);
  if (name === 'source' || name === '.') return scriptOnPath(scope, value);
  if (name !== 'bash' || scope.cwd === null || scope.files.read(resolve(scope.cwd, value)).kind !== 'missing') return null;
  return scriptOnPath(scope, value);
}

/**
 * Judge a local script by its contents. `kind` says how it is run: by a shell (`bash x`), or
 * executed (`./x`: its shebang decides the language). Returns false when there is no such file,
 * or it is a binary run by path: the other families then judge it by its name. `ranAs`: its $0 when another
 * program runs it by that path (gcc's as from a -B directory).
 */
/** Paths that are the process's own stdin. */
export const STDIN_PATHS: ReadonlySet<string> = new Set(['/dev/stdin', '/dev/fd/0', '/proc/self/fd/0']);

export function runScriptFile(scope: Scope, word: Word, label: string, kind: 'shell' | 'exec', ranAs?: string): boolean {
  const file = withKnownVars(scope, word);
  if (file.value !== null && STDIN_PATHS.has(file.value)) { runStdin(scope, label); return true; }
  if (file.value === '/dev/null') return true; // an empty script
  if (file.text.startsWith('<(') && file.text.endsWith(')') && kind === 'shell') return sourceSubstitution(scope, file, label);
  if (file.value === null) { scope.raise('unreadable-script', `the script path \`${file.text}\` is computed at run time`); return true; }
  const path = searched(scope, file.value) ?? scriptPath(scope.files, file.value, scope.cwd);
  if (path === null) { scope.raise('unreadable-script', `cannot tell which directory \`${file.text}\` is relative to`); return true; }
  const read = scope.files.read(path);
  const name = basename(file.value);
  // A file in the work tree of a repository the text clones holds what the remote has: not known here.
  if (read.kind === 'missing' && clonedTreeOf(scope, path) !== undefined) {
    scope.raise('unreadable-script', `${label}: is in a repository cloned earlier in this command, whose files are not known here`);
    return true;
  }
  // "A missing script is judged as written" holds only when nothing earlier may have made it: a
  // write to a path the text does not fix may be this file, and what it wrote is judged as its content.
  const unplaced = scope.run0.unplacedWrites;
  if (read.kind === 'missing' && unplaced.length > 0) {
    const unknown = unplaced.length > MAX_UNPLACED ? unplaced[0] : unplaced.find((w) => w.text === null);
    if (unknown) {
      scope.raise('unreadable-script', `${label}: is not there now, and \`${unknown.target}\` earlier in the text writes a file whose path is known only at run time`);
      return true;
    }
    for (const w of unplaced) judgeText(scope, w.text!, path, `${label} (as written to \`${w.target}\`)`, kind);
  }
  if (read.kind === 'missing') {
    const argv = scope.argv;
    whenWritten(scope, path, () => {
      // A binary copied there is that program under another name.
      const original = scope.run0.renamed.get(path);
      if (original === undefined) runScriptFile(scope, word, label, kind);
      else if (kind === 'exec') scope.sub([{ ...argv[0]!, value: original, tail: original }, ...argv.slice(1)], `${label} (a copy of ${original})`);
    });
    if (kind === 'shell') scope.emit(scope.argv, name);
    return false;
  }
  // A binary is judged as the program it names (`/usr/bin/docker`).
  if (read.kind === 'binary') {
    if (kind === 'shell') scope.raise('unreadable-script', `${label}: is a binary, not a script`);
    return kind === 'shell';
  }
  if (read.kind === 'unreadable') {
    scope.raise('unreadable-script', `${label}: ${read.why}`);
    for (const part of read.parts ?? []) scope.script(part, `${label} (lines added to it)`, scope.cwd);
    return true;
  }
  if (scope.run0.seen.has(path)) return true;
  scope.run0.seen.add(path);
  judgeText(scope, read.text, path, label, kind, read.stamp, ranAs !== undefined ? { ranAs, sourced: false } : namesOf(scope, word, file.value, kind));
  return true;
}

/**
 * `$0` and BASH_SOURCE[0] of the script (script-name.ts): the path it is named by, where it is the
 * command's own script (`./x.sh`, `bash x.sh`, `source x.sh`); a file another program runs (a hook,
 * BASH_ENV) is given other names, left computed.
 */
function namesOf(scope: Scope, word: Word, ranAs: string, kind: 'shell' | 'exec'): Omit<ScriptNames, 'bash'> & { shell?: string } | undefined {
  const head = scope.argv[0];
  if (head === undefined || head.value === null) return undefined;
  if (kind === 'exec') return head === word ? { ranAs, sourced: false } : undefined;
  const name = basename(head.value);
  if (name === 'source' || name === '.') return { ranAs, sourced: true };
  return SHELLS.has(name) ? { ranAs, sourced: false, shell: name } : undefined;
}

/** Writes to paths not fixed by the text beyond this many are not each judged as a missing script's content. */
const MAX_UNPLACED = 16;

/** A script's text, run by a shell or executed (its shebang decides the language). */
function judgeText(scope: Scope, text: string, path: string, label: string, kind: 'shell' | 'exec', stamp?: string, names?: ReturnType<typeof namesOf>): void {
  const name = basename(path);
  const shebang = /^#!\s*(\S+)(?:\s+(?:-\S+\s+)*(\S+))?/.exec(text);
  if (kind === 'exec' && shebang) {
    const prog = shebangProgram(shebang);
    const lang = SHEBANG_LANGUAGES[prog.replace(/[0-9.]+$/, '')] ?? SHEBANG_LANGUAGES[prog];
    if (lang) {
      scanCode(scope, lang, text, label, false, [], { ...(stamp !== undefined ? { stamp } : {}), from: path });
      // `dist/cli/main.js trust` in the guard's checkout: the guard's command line.
      const head = scope.argv[0];
      if (head && guardEntry(scope, path)) { scope.continueWith([{ ...head, value: 'gitops-guard', tail: 'gitops-guard' }, ...scope.argv.slice(1)], label); return; }
      scope.emit(scope.argv, name);
      return;
    }
    if (!SHELLS.has(prog)) {
      // The kernel runs the shebang line with the script's path: judge that command line.
      // (`#!/usr/bin/env -S cmd args`: env splits the one argument the kernel gives it into cmd's words.)
      const line = text.slice(2, text.indexOf('\n') < 0 ? undefined : text.indexOf('\n')).trim().replace(/^\S*\benv\s+(?:-S|--split-string(?:=|\s+))\s*/, '');
      scope.nested(`${line} ${quoteWord(path)}`, `${label} (#!${line})`, { spliceable: false });
      return;
    }
  }
  // The shell that reads it: the one named (`bash x`), else the shebang's (`./x`: the kernel runs it).
  const shell = names?.shell ?? (kind === 'exec' && shebang ? shebangProgram(shebang) : undefined) ?? dialectOfFile(path);
  scope.script(asBash(shell, text), label, scope.cwd, names && { ranAs: names.ranAs, sourced: names.sourced, bash: shell === 'bash', zsh: shell === 'zsh' });
  for (const body of blocksOf(shell, text)) scope.script(asBash(shell, body), label, scope.cwd);
  if (runsPython(shell)) scanCode(scope, 'python', text, label, false, [], { from: path });
}

/** The program a shebang line runs (`#!/usr/bin/env bash` runs bash). */
function shebangProgram(shebang: RegExpExecArray): string {
  return basename(shebang[1]!) === 'env' ? shebang[2] ?? '' : basename(shebang[1]!);
}

/** A shell (or an interpreter) reading its program from stdin. */
export function runStdin(scope: Scope, reader: string, lang?: CodeLanguage): void {
  // Its input is written later in the text: to a fifo made earlier, or to the coprocess it is.
  const fed = fedLater(scope);
  if (fed !== null) {
    scope.run0.feeds.set(fed, (text) => (text === null ? scope.raise('unreadable-script', `${reader} reads ${fed}, written with text that cannot be known`) : readStdin(scope, reader, text, lang)));
    return;
  }
  const s = stdinText(scope, scope.stdin, reader);
  if (s.kind === 'none') { scope.emit(scope.argv, basename(scope.argv[0]?.value ?? reader)); return; }
  // A script from the server's own files runs there: not a look (`tail -1 x | sh`, `sh < x`).
  if (s.kind === 'unknown' && s.onServer) { scope.emit(scope.argv, basename(scope.argv[0]?.value ?? reader)); return; }
  if (s.kind === 'unknown') { scope.raise('unreadable-script', s.why); return; }
  readStdin(scope, reader, s.text, lang);
}

function readStdin(scope: Scope, reader: string, text: string, lang?: CodeLanguage): void {
  if (lang) { scanCode(scope, lang, text, `${reader} (stdin)`); return; }
  const shell = basename(scope.argv[0]?.value ?? '');
  for (const body of blocksOf(shell, text)) scope.nested(asBash(shell, body), `${reader} (stdin)`, { spliceable: false });
  scope.run0.queue.push({
    text: asBash(shell, text), target: scope.target, depth: scope.job.depth + 1, origin: scope.range, rewriteCwd: scope.rewriteCwd,
    spliceable: false, cwd: scope.cwd, stdin: null, source: 'string', env: withoutScriptNames(scope.env), via: [...scope.via, `${reader} (stdin)`],
  });
}

/** `sh < FIFO` (a fifo made earlier in the text) or `coproc sh`: the key later writes feed it under. */
function fedLater(scope: Scope): string | null {
  const src = scope.stdin;
  if (src?.kind === 'file' && src.path !== null && scope.cwd !== null) {
    const path = resolve(scope.cwd, src.path);
    if (scope.run0.fifos.has(path)) return path;
  }
  return src === null && scope.via[scope.via.length - 1] === 'coproc' ? 'COPROC' : null;
}

/**
 * `./node_modules/.bin/tsx …` is the program `npx tsx …` runs, judged as that name, not by the text of
 * the package's entry file (a bundle that decodes code at run time). Not when the text writes into that
 * node_modules, or writes a path it does not fix: then what runs is what it wrote.
 */
function packageBin(scope: Scope, head: Word, full: string): boolean {
  const m = PACKAGE_BIN.exec(full);
  if (!m || !isAbsolute(full) || scope.run0.unplacedWrites.length > 0 || scope.run0.links.size > 0) return false;
  const modules = m[1]!;
  if ([...scope.run0.written.keys()].some((p) => p === modules || p.startsWith(`${modules}/`))) return false;
  if (scope.files.read(full).kind === 'missing') return false;
  const name = m[2]!;
  scope.continueWith([{ ...head, value: name, tail: name }, ...scope.argv.slice(1)], `${head.text} (as npx ${name} runs it)`);
  return true;
}

/** A program named by path (`./deploy.sh`, `/usr/bin/docker`): a script is read, a binary is its name. */
export function pathScripts(scope: Scope, name: string, _args: readonly Word[]): boolean {
  const head = scope.argv[0]!;
  if (!scope.local || head.value === null || !head.value.includes('/')) return false;
  // A binary copied or linked earlier in the text under another name is still that program.
  const home = homeDir();
  const value = head.value.startsWith('~/') && home !== null ? home + head.value.slice(1) : head.value;
  const full = scope.cwd === null ? value : resolve(scope.cwd, value);
  const original = scope.run0.renamed.get(full);
  if (original !== undefined) {
    scope.continueWith([{ ...head, value: original, tail: original }, ...scope.argv.slice(1)], `${head.text} (a copy of ${original})`);
    return true;
  }
  if (packageBin(scope, head, full)) return true;
  const read = runScriptFile(scope, head, head.text, 'exec');
  // A runner's wrapper script (`./gradlew`) is judged by its text, then as the runner it starts with the same arguments.
  return read && !RUNNER_WRAPPERS.includes(name);
}
