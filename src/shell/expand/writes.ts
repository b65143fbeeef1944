// Files a command writes, for the commands after it in the same text: a script written, copied or
// linked and then run is judged by what was written into it (or asks, where that is not static).
// A file that runs later by itself (a shell's startup file, a git hook, .envrc) is judged at once.
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { namesUnder, type FileRead, type ScriptFiles } from '../files.js';
import { getopt, optionIs, type OptionGrammar } from '../getopt.js';
import { READERS } from '../grammars/readers.js';
import { RUNNERS } from '../grammars/runners.js';
import { WRITES } from '../grammars/writes.js';
import { homeDir } from '../invocations.js';
import { basename, type Word } from '../words.js';
import type { Scope } from './driver.js';
import { noteMadeDirs } from './cd-states.js';
import { staticOutput, stdinText } from './output.js';
import { withKnownVars } from './known-vars.js';
import { hostFileWritten } from './host-files.js';
import { judgedByContent, unknownContentAsks } from '../../content-judged.js';
import { judgeDirCopy, judgeSedText } from './judged-writes.js';
import { copiedFrom, recordCopies, type Copy } from './copies.js';
import { compiledOutputs } from './compiled.js';
import { writtenPaths } from './written-paths.js';

/** What was written to a path earlier in the text: its text, or null when that cannot be known. */
export type Written = Map<string, string | null>;

/**
 * Files that run later by themselves, so what is written into them is judged now as shell (the
 * shells' and interpreters' startup files are judged by their content: src/content-judged.ts).
 */
const RUNS_LATER = [/\/\.git\/hooks\/[^/]+$/, /\/\.envrc$/, /\/\.direnv\//];

/** Is what a write leaves in `path` judged at once: a file that runs later, or one judged by its content (husky's, the agent host's)? */
const judgedNow = (path: string): boolean => RUNS_LATER.some((re) => re.test(path)) || judgedByContent(path);
/** Does content not known, written to `path`, ask (it runs by itself), rather than wait for something to start it? */
const asksUnknown = (path: string): boolean => RUNS_LATER.some((re) => re.test(path)) || !judgedByContent(path) || unknownContentAsks(path);

/** Programs whose write spec (grammars/writes.ts) changes a file's content where it is, or writes one it names. */
const IN_PLACE: ReadonlySet<string> = new Set(['sed', 'perl', 'ruby', 'truncate', 'shred', 'dd', 'patch', 'ed', 'red', 'vim', 'vi', 'nvim', 'ex',
  'nano', 'emacs', 'yq', 'dasel', 'crudini', 'sd', 'gawk', 'awk', 'sponge', 'dos2unix', 'unix2dos', 'sort', 'uniq', 'xxd', 'iconv', 'openssl']);

/**
 * The paths written, each with the path a link made earlier in the text leads to when the write goes
 * through one (`ln -s .claude/settings.json n.json && echo x > n.json` writes .claude/settings.json).
 */
export function throughLinks(links: ReadonlyMap<string, string>, writes: readonly (string | null)[]): (string | null)[] {
  if (links.size === 0) return [...writes];
  const out: (string | null)[] = [];
  for (const p of writes) {
    out.push(p);
    if (p === null) continue;
    for (const [link, to] of links) {
      if (p === link) out.push(to);
      else if (p.startsWith(link + '/')) out.push(to + p.slice(link.length));
    }
  }
  return out;
}

/** The note on the directory an earlier command put files of unknown names into, when `path` is under one. */
/** A directory a program left files in whose names the text does not show (`flat`: all straight in it, `scp HOST:F DIR/`). */
export interface UnnamedDir {
  readonly why: string;
  readonly flat?: true;
}

function unnamedUnder(unnamed: ReadonlyMap<string, UnnamedDir>, path: string): string | undefined {
  for (const [dir, { why, flat }] of unnamed) {
    const base = dir.endsWith('/') ? dir : dir + '/';
    const rest = path.slice(base.length);
    // git's own files there are the guarded-path rule's, judged where the archive goes in (`tar -x -C .git`), not at each git command.
    if (path.startsWith(base) && !/^\.git(?:\/|$)/.test(rest) && !(flat && rest.includes('/'))) return why;
  }
  return undefined;
}

/**
 * Script access that sees the files written earlier in the same text first; a file under a directory
 * an earlier command filled with files it does not name (`unnamed`: an archive extracted there) may be one of them.
 */
export function overlay(files: ScriptFiles, written: Written, unnamed: ReadonlyMap<string, UnnamedDir> = new Map()): ScriptFiles {
  const read = (path: string): FileRead => {
    const extracted = written.has(path) ? undefined : unnamedUnder(unnamed, path);
    if (extracted !== undefined) return { kind: 'unreadable', why: `may be replaced earlier in this command: ${extracted}` };
    if (written.has(path)) {
      const text = written.get(path);
      const edit = EDITS.get(written)?.get(path);
      if (edit && (text === null || text === undefined)) return { kind: 'unreadable', why: 'is edited in place earlier in this command (`sed -i`, a patch), and what the edit makes of it is not followed', parts: edit };
      return text === null || text === undefined
        ? { kind: 'unreadable', why: 'is written earlier in this command with content that cannot be known' }
        : { kind: 'text', text };
    }
    const source = copiedFrom(written, path);
    return source === null ? files.read(path) : read(source);
  };
  return {
    read,
    // A directory's names include the files written into it earlier in the text (a glob sees them),
    // and the directories those writes make on the way.
    ...(files.list ? { list: (dir: string) => {
      const made = namesUnder(written.keys(), dir);
      const listed = files.list!(dir);
      return listed === null && made.size === 0 ? null : [...new Set([...(listed ?? []), ...made.keys()])];
    } } : {}),
    ...(files.entries ? { entries: (dir: string) => {
      const made = namesUnder(written.keys(), dir);
      const listed = files.entries!(dir);
      if (listed === null && made.size === 0) return null;
      const out = new Map((listed ?? []).map((e) => [e.name, e]));
      for (const [name, isDir] of made) if (!out.get(name)?.dir) out.set(name, { name, dir: isDir, link: false });
      return [...out.values()];
    } } : {}),
    ...(files.memo ? { memo: <T>(key: string, make: () => T): T => files.memo!(key, make) } : {}),
    ...(files.real ? { real: (path: string) => files.real!(path) } : {}),
    ...(files.realpath ? { realpath: (path: string) => files.realpath!(path) } : {}),
    findUp(start, name) {
      let dir = start;
      for (let i = 0; i < 64; i++) {
        const path = join(dir, name);
        if (written.has(path) || unnamedUnder(unnamed, path) !== undefined) {
          const r = read(path);
          return r.kind === 'text' ? { kind: 'text', path, text: r.text } : { kind: 'unreadable', path, why: (r as { why: string }).why };
        }
        const up = dirname(dir);
        if (up === dir) break;
        dir = up;
      }
      return files.findUp(start, name);
    },
  };
}

/**
 * A script that is missing when it is read, in a command that may run after what the text writes
 * later (a loop, a background job, a trap's action): judged again by `judge` once a later command
 * writes it. Elsewhere a missing script is judged as written (the shell fails on its own).
 */
export function whenWritten(scope: Scope, path: string, judge: () => void): void {
  if (!scope.command.later && !scope.via.some((v) => v === 'trap' || v.startsWith('trap '))) return;
  const feeds = scope.run0.feeds;
  const before = feeds.get(path);
  feeds.set(path, (text) => { before?.(text); judge(); });
}

/** Files edited in place earlier in the text (`sed -i`): the lines the edit adds, per expansion. */
const EDITS = new WeakMap<Written, Map<string, string[]>>();

/** `path` is edited in place (a patch applied to it): what it holds is not known, but `added` is in it, judged where it is read. */
export function noteEdit(scope: Scope, path: string, added: readonly string[]): void {
  const edits = EDITS.get(scope.run0.written) ?? new Map<string, string[]>();
  EDITS.set(scope.run0.written, edits);
  if (added.length > 0) edits.set(path, [...edits.get(path) ?? [], added.join('\n')]);
  // A file judged by its content is judged with the patch's lines where the write is (judged-writes.ts).
  if (!judgedByContent(path)) { noteWrite(scope, path, null); return; }
  scope.run0.written.set(path, null);
  scope.run0.feeds.get(path)?.(null);
}

const SED = WRITES.sed!.options!;

/**
 * `sed -i SCRIPT FILE…`: each file existed (or was written) and is now what the edit makes of it,
 * which is not followed (unknown content); the text its `a`, `i` and `c` commands add is known.
 */
function sedInPlace(scope: Scope, args: readonly Word[], set: (path: string, text: string | null, append: boolean) => void): void {
  const scan = getopt(args.map((w) => w.value), SED);
  if (!scan.options.some((o) => optionIs(o, ['-i']))) return;
  const given = scan.options.filter((o) => optionIs(o, ['-e'])).map((o) => o.value);
  const fromFile = scan.options.some((o) => optionIs(o, ['-f']));
  const scripts = given.length > 0 || fromFile ? given : [scan.operands[0]?.value ?? null];
  const files = given.length > 0 || fromFile ? scan.operands : scan.operands.slice(1);
  const added: string[] = [];
  // GNU sed joins the -e scripts with newlines (`-e 'a\\' -e 'text'`).
  const script = scripts.filter((x): x is string => typeof x === 'string').join('\n');
  for (const m of script.matchAll(/^\s*(?:[0-9$]+|\/(?:[^/\\]|\\.)*\/)?(?:\s*,\s*(?:[0-9$]+|\/(?:[^/\\]|\\.)*\/))?\s*[aic]\\?\s*\n?(.+)$/gm)) added.push(m[1]!);
  for (const o of files) {
    const path = pathOf(scope, args[o.index]);
    if (path === null || (!scope.run0.written.has(path) && scope.files.read(path).kind === 'missing')) continue;
    const edits = EDITS.get(scope.run0.written) ?? new Map<string, string[]>();
    EDITS.set(scope.run0.written, edits);
    edits.set(path, [...edits.get(path) ?? [], ...added]);
    set(path, null, false);
    judgeSedText(scope, path, added, script);
  }
}

let wgetOptions: OptionGrammar | undefined;

/** The files a URL may be saved as under its own name (`curl -O`, `wget URL`): its last path segment, with and without the query. */
function remoteNames(url: string | null, fallback: string): (string | null)[] {
  if (url === null) return [null];
  const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').replace(/#.*$/s, '');
  return [path, path.replace(/\?.*$/s, '')].map((p) => p.slice(p.lastIndexOf('/') + 1) || fallback);
}

/** What curl and wget save: `-o FILE`, `-O` (the remote name), wget's `-O FILE` or the remote name in `-P DIR`. */
function downloads(scope: Scope, name: string, args: readonly Word[], set: (path: string, text: string | null, append: boolean) => void): void {
  wgetOptions ??= RUNNERS.find((r) => r.names.includes('wget'))?.options ?? {};
  const scan = getopt(args.map((w) => w.value), name === 'curl' ? READERS.curl! : wgetOptions);
  const saved: { dir: string | undefined | null; file: string | null }[] = [];
  const urls = scan.operands.map((o) => o.value);
  if (name === 'curl') {
    const dir = scan.options.find((o) => optionIs(o, ['--output-dir']))?.value;
    for (const o of scan.options) if (optionIs(o, ['-o']) && o.value !== undefined) saved.push({ dir, file: o.value });
    const remote = scan.options.filter((o) => optionIs(o, ['-O'])).length + (scan.options.some((o) => optionIs(o, ['--remote-name-all'])) ? urls.length : 0);
    for (const url of urls.slice(0, remote)) for (const file of remoteNames(url, 'curl_response')) saved.push({ dir, file });
  } else {
    const doc = scan.options.filter((o) => optionIs(o, ['-O']));
    const dir = scan.options.find((o) => optionIs(o, ['-P']))?.value;
    if (doc.length > 0) for (const o of doc) saved.push({ dir: undefined, file: o.value ?? null });
    else for (const url of urls) for (const file of remoteNames(url, 'index.html')) saved.push({ dir, file });
  }
  for (const { dir, file } of saved) {
    if (file === null || dir === null) continue; // computed at run time: no later command can name it statically either
    const path = pathOf(scope, { value: dir === undefined ? file : join(dir, file), tail: null, text: file, start: 0, end: 0 });
    if (path) set(path, null, false);
  }
}

/** A device, not a file a later command can run: `/dev/…`, except the tmpfs of ordinary files `/dev/shm` (Linux). */
function isDevice(path: string): boolean {
  return path.startsWith('/dev/') && !/^\/dev\/shm\/./.test(path);
}

/** `writes`: the path is written, with this content (null: not known). */
function pathOf(scope: Scope, word: Word | null | undefined, writes?: () => string | null): string | null {
  const v = word ? withKnownVars(scope, word).value : undefined;
  if (v === undefined || v === '' || v !== null && (isDevice(v) || v === '-')) return null;
  // A write's path the text does not fix is kept: the file it makes may be one a later command runs.
  if (v === null || !isAbsolute(v) && !v.startsWith('~/') && scope.cwd === null) {
    if (writes && scope.recorded) scope.run0.unplacedWrites.push({ target: word!.text, text: writes() });
    return null;
  }
  if (v.startsWith('~/')) { const h = homeDir(); return h === null ? null : join(h, v.slice(2)); }
  return isAbsolute(v) ? resolve(v) : resolve(scope.cwd!, v);
}

/** What this command writes to stdout, when static; `cat` reading stdin passes on what the pipe or `< <(printf …)` gives it. */
function redirectedOutput(scope: Scope): string | null {
  const cmd = scope.command;
  const out = staticOutput(cmd, () => null);
  if (out !== null || basename(cmd.words[0]?.value ?? '') !== 'cat' || cmd.words.length > 1 || cmd.stdin?.kind === 'text') return out;
  const s = stdinText(scope, cmd.stdin, 'cat');
  return s.kind === 'text' ? s.text : null;
}

/** Record what this command writes (before the commands after it run). */
/**
 * `path` now holds `text` (null: not known): later reads of it in the text see that, a feed waiting
 * for it gets it, and a file that runs later by itself (or is judged by its content) is judged now.
 */
export function noteWrite(scope: Scope, path: string, text: string | null): void {
  scope.run0.written.set(path, text);
  scope.run0.feeds.get(path)?.(text);
  if (RUNS_LATER.some((re) => re.test(path))) {
    if (text === null) scope.raise('unreadable-script', `writes ${path}, which runs later by itself, with content that cannot be known`);
    else scope.nested(text, `written to ${path} (runs later)`, { spliceable: false });
  }
  hostFileWritten(scope, path, text);
}

export function recordWrites(scope: Scope): void {
  const written = scope.run0.written;
  const cmd = scope.command;
  const set = (path: string, text: string | null, append: boolean): void => {
    if (append && text !== null) {
      const before = written.has(path) ? written.get(path)! : (() => { const r = scope.files.read(path); return r.kind === 'text' ? r.text : r.kind === 'missing' ? '' : null; })();
      text = before === null ? null : before + text;
    }
    noteWrite(scope, path, text);
  };
  for (const r of cmd.redirects) {
    // `echo cmd >&${COPROC[1]}`: the coprocess reads it.
    if (r.op === '>&' && /^"?\$\{COPROC\[1\]\}"?$/.test(r.target?.text ?? '')) scope.run0.feeds.get('COPROC')?.(staticOutput(cmd, () => null));
    if (!r.op.includes('>') || r.op === '<>' || r.op.includes('&') && r.op !== '&>' && r.op !== '&>>') continue;
    const path = pathOf(scope, r.target, () => redirectedOutput(scope));
    if (path === null) { judgeComputedWrite(scope, r.target, () => redirectedOutput(scope)); continue; }
    set(path, redirectedOutput(scope), r.op.endsWith('>>'));
  }
  const name = basename(cmd.words[0]?.value ?? '');
  const args = cmd.words.slice(1);
  /** A copy or link of `src` at `dst`: a program that is not a script keeps its name; a script's copy has its text. */
  const copied = (src: string | null, dst: string): void => {
    const read = src === null ? null : scope.files.read(src);
    // A hook that runs later by itself (or a file judged by its content), copied from a file not here
    // to read: its content is not known; nor is a link's, which shows whatever its target holds later.
    // (A program put on PATH runs only when its name is run: one not here to read keeps its name, below.)
    if (judgedNow(dst) && asksUnknown(dst) && (read === null || read.kind !== 'text' || (name === 'ln' && judgedByContent(dst)))) { set(dst, null, false); return; }
    // A binary, or a program not here to read, is still that program under another name (see pathScripts).
    if (src !== null && read !== null && read.kind !== 'text' && read.kind !== 'unreadable') {
      scope.run0.renamed.set(dst, scope.run0.renamed.get(src) ?? basename(src));
      scope.run0.feeds.get(dst)?.(null);
      return;
    }
    set(dst, read?.kind === 'text' ? read.text : null, false);
  };
  const before = new Map(written);
  const dirCopied = (src: string | null, to: string): void => judgeDirCopy(scope, src, to, name === 'ln', (p, text) => set(p, text, false));
  if (!recordCopies(scope, name, args, (w, dest) => pathOf(scope, w, dest ? () => null : undefined), copied, dirCopied)) programWrites(scope, name, args, set, copied);
  if (name === 'ln') recordLink(scope, args);
  if (name === 'mkdir') noteMadeDirs(scope, args);
  for (const built of compiledOutputs(scope, name, args)) set(built, null, false);
  // An edit in place (`sed -i`, `perl -pi`, `truncate`) by the program's write spec: what the file then
  // holds is not static text. It matters for a file that runs later by itself or was written before.
  for (const path of IN_PLACE.has(name) ? writtenPaths(name, cmd.words, [], scope.cwd, undefined) : []) {
    if (path === null || written.get(path) !== before.get(path)) continue;
    if (judgedNow(path) || written.has(path) || scope.files.read(path).kind !== 'missing') set(path, null, false);
  }
}

/**
 * A write to a path computed at run time whose last component is static and names a file judged by
 * its content under any directory (`>> "$ZDOTDIR/.zshrc"`, `> "$d/sitecustomize.py"`): what it
 * writes is judged as that file's content wherever it lands.
 */
function judgeComputedWrite(scope: Scope, target: Word | null | undefined, text: () => string | null): void {
  if (!target || target.value !== null) return;
  // The text after the last `/`, quotes removed, when nothing in it is expanded (`"$D/.zshrc"`, `"$D"/.bashrc`).
  const tail = target.tail ?? /\/["']?([^/$`*?[\]{}"'\\]+)["']?$/.exec(target.text)?.[1] ?? null;
  if (tail === null || !judgedByContent(`/…/${tail}`)) return;
  hostFileWritten(scope, target.text.replace(/["']/g, ''), text());
}

/** What a program writes by its own arguments (tee, cp and its kin, mkfifo, curl -o, npm pkg set). */
function programWrites(scope: Scope, name: string, args: readonly Word[], set: (path: string, text: string | null, append: boolean) => void,
  copied: Copy): void {
  const written = scope.run0.written;
  const values = args.map((w) => w.value);
  switch (name) {
    case 'tee': case 'sponge': {
      // Both write their standard input to the operands (`-a` appends).
      const scan = getopt(values, WRITES[name]!.options!);
      const s = stdinText(scope, scope.command.stdin, name);
      for (const o of scan.operands) {
        const path = pathOf(scope, args[o.index], () => (s.kind === 'text' ? s.text : null));
        if (path) set(path, s.kind === 'text' ? s.text : null, scan.options.some((x) => x.name === '-a'));
      }
      break;
    }
    case 'update-alternatives': {
      // `--install LINK NAME PATH PRIORITY`: LINK leads to PATH.
      const at = values.indexOf('--install');
      const link = pathOf(scope, args[at + 1]);
      if (at >= 0 && link !== null) copied(pathOf(scope, args[at + 3]), link);
      break;
    }
    case 'sed': case 'gsed': sedInPlace(scope, args, set); break;
    case 'mkfifo': {
      for (const o of getopt(values, { short: 'Zm:', long: ['mode=|m', 'context=?'], permute: true }).operands) {
        const path = pathOf(scope, args[o.index]);
        if (path) scope.run0.fifos.add(path);
      }
      break;
    }
    case 'curl': case 'wget': downloads(scope, name, args, set); break;
    case 'npm': {
      // `npm pkg set scripts.x='…'` edits package.json.
      if (values[0] === 'pkg' && values[1] === 'set' && scope.cwd !== null) {
        const found = scope.files.findUp(scope.cwd, 'package.json');
        if (!found || found.kind !== 'text') break;
        try {
          const pkg = JSON.parse(found.text) as Record<string, unknown>;
          for (const kv of values.slice(2)) {
            const m = kv === null ? null : /^scripts\.([^=]+)=(.*)$/s.exec(kv);
            if (kv === null) { written.set(found.path, null); return; }
            if (!m) continue;
            pkg.scripts = { ...(pkg.scripts as Record<string, unknown> ?? {}), [m[1]!]: m[2]! };
            // A stored script runs later (npm install runs the lifecycle ones by itself): judged now.
            scope.nested(m[2]!, `npm pkg set scripts.${m[1]!} (runs later)`, { spliceable: false });
          }
          written.set(found.path, JSON.stringify(pkg));
        } catch {
          written.set(found.path, null);
        }
      }
      break;
    }
    default: break;
  }
}

/** Record a link made by `ln SRC DST` (a symbolic link's relative target is taken from the link's directory). */
function recordLink(scope: Scope, args: readonly Word[]): void {
  const values = args.map((w) => w.value);
  const ops = getopt(values, { short: 'bdfFinrsTvS:t:', long: ['symbolic|s', 'force|f', 'no-dereference|n', 'relative|r', 'target-directory=|t', 'suffix=|S', 'backup=?', 'no-target-directory|T'], permute: true }).operands;
  if (ops.length !== 2) return;
  const symbolic = values.some((v) => v !== null && /^-[^-]*s|^--symbolic$/.test(v));
  link(scope, args[ops[0]!.index], args[ops[1]!.index], symbolic);
}

function link(scope: Scope, from: Word | undefined, to: Word | undefined, symbolic: boolean): void {
  const dst = pathOf(scope, to, () => null);
  const raw = from ? withKnownVars(scope, from).value : null;
  if (dst === null || raw === null || raw === undefined) return;
  const target = isAbsolute(raw) ? resolve(raw) : symbolic ? resolve(dirname(dst), raw) : pathOf(scope, from);
  if (target !== null) scope.run0.links.set(dst, target);
}
