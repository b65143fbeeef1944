// Files a command writes, for the commands after it in the same text: a script written, copied or
// linked and then run is judged by what was written into it (or asks, where that is not static).
// A file that runs later by itself (a shell's startup file, a git hook, .envrc) is judged at once.
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { FileRead, ScriptFiles } from '../files.js';
import { getopt } from '../getopt.js';
import { homeDir } from '../invocations.js';
import { basename, type Word } from '../words.js';
import type { Scope } from './driver.js';
import { staticOutput, stdinText } from './output.js';
import { withKnownVars } from './known-vars.js';
import { writtenPaths } from './written-paths.js';

/** What was written to a path earlier in the text: its text, or null when that cannot be known. */
export type Written = Map<string, string | null>;

/** Files that run later by themselves, so what is written into them is judged now. */
const RUNS_LATER = [/\/\.(bashrc|bash_profile|bash_login|profile|zshrc|zprofile|zshenv|zlogin|kshrc|mkshrc|envrc|bash_logout)$/,
  /\/\.husky\/[^/]+$/, /\/\.git\/hooks\/[^/]+$/, /\/\.config\/fish\/config\.fish$/, /\/\.envrc$/, /\/\.direnv\//];

/** Programs whose write spec (grammars/writes.ts) changes a file's content where it is. */
const IN_PLACE: ReadonlySet<string> = new Set(['sed', 'perl', 'ruby', 'truncate', 'shred', 'dd', 'patch', 'ed', 'vim', 'vi', 'nvim', 'nano', 'emacs']);

/** Script access that sees the files written earlier in the same text first. */
export function overlay(files: ScriptFiles, written: Written): ScriptFiles {
  const read = (path: string): FileRead => {
    if (written.has(path)) {
      const text = written.get(path);
      return text === null || text === undefined
        ? { kind: 'unreadable', why: 'is written earlier in this command with content that cannot be known' }
        : { kind: 'text', text };
    }
    return files.read(path);
  };
  return {
    read,
    ...(files.list ? { list: (dir: string) => files.list!(dir) } : {}),
    ...(files.memo ? { memo: <T>(key: string, make: () => T): T => files.memo!(key, make) } : {}),
    findUp(start, name) {
      let dir = start;
      for (let i = 0; i < 64; i++) {
        const path = join(dir, name);
        if (written.has(path)) {
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

function pathOf(scope: Scope, word: Word | null | undefined): string | null {
  const v = word ? withKnownVars(scope, word).value : undefined;
  if (v === null || v === undefined || v === '' || v.startsWith('/dev/') || v === '-') return null;
  if (v.startsWith('~/')) { const h = homeDir(); return h === null ? null : join(h, v.slice(2)); }
  if (isAbsolute(v)) return resolve(v);
  return scope.cwd === null ? null : resolve(scope.cwd, v);
}

/** Record what this command writes (before the commands after it run). */
export function recordWrites(scope: Scope): void {
  const written = scope.run0.written;
  const cmd = scope.command;
  const set = (path: string, text: string | null, append: boolean): void => {
    if (append && text !== null) {
      const before = written.has(path) ? written.get(path)! : (() => { const r = scope.files.read(path); return r.kind === 'text' ? r.text : r.kind === 'missing' ? '' : null; })();
      text = before === null ? null : before + text;
    }
    written.set(path, text);
    scope.run0.feeds.get(path)?.(text);
    if (RUNS_LATER.some((re) => re.test(path))) {
      if (text === null) scope.raise('unreadable-script', `writes ${path}, which runs later by itself, with content that cannot be known`);
      else scope.nested(text, `written to ${path} (runs later)`, { spliceable: false });
    }
  };
  for (const r of cmd.redirects) {
    // `echo cmd >&${COPROC[1]}`: the coprocess reads it.
    if (r.op === '>&' && /^"?\$\{COPROC\[1\]\}"?$/.test(r.target?.text ?? '')) scope.run0.feeds.get('COPROC')?.(staticOutput(cmd, () => null));
    if (!r.op.includes('>') || r.op === '<>' || r.op.includes('&') && r.op !== '&>' && r.op !== '&>>') continue;
    const path = pathOf(scope, r.target);
    if (path === null) continue;
    set(path, staticOutput(cmd, () => null), r.op.endsWith('>>'));
  }
  /** A copy or link of `from` at `to`: a program that is not a script keeps its name; a script's copy has its text. */
  const copied = (from: Word | undefined, to: Word | undefined): void => {
    const src = pathOf(scope, from);
    const dst = pathOf(scope, to);
    if (!dst) return;
    const read = src === null ? null : scope.files.read(src);
    // A binary, or a program not here to read, is still that program under another name (see pathScripts).
    if (src !== null && read !== null && read.kind !== 'text' && read.kind !== 'unreadable') {
      scope.run0.renamed.set(dst, scope.run0.renamed.get(src) ?? basename(src));
      return;
    }
    set(dst, read?.kind === 'text' ? read.text : null, false);
  };
  const name = basename(cmd.words[0]?.value ?? '');
  const args = cmd.words.slice(1);
  const before = new Map(written);
  programWrites(scope, name, args, set, copied);
  // An edit in place (`sed -i`, `perl -pi`, `truncate`) by the program's write spec: what the file then
  // holds is not static text. It matters for a file that runs later by itself or was written before.
  for (const path of IN_PLACE.has(name) ? writtenPaths(name, cmd.words, [], scope.cwd, undefined) : []) {
    if (path === null || written.get(path) !== before.get(path)) continue;
    if (RUNS_LATER.some((re) => re.test(path)) || written.has(path)) set(path, null, false);
  }
}

/** What a program writes by its own arguments (tee, cp and its kin, mkfifo, curl -o, npm pkg set). */
function programWrites(scope: Scope, name: string, args: readonly Word[], set: (path: string, text: string | null, append: boolean) => void,
  copied: (from: Word | undefined, to: Word | undefined) => void): void {
  const written = scope.run0.written;
  const values = args.map((w) => w.value);
  switch (name) {
    case 'tee': {
      const scan = getopt(values, { short: 'aip', long: ['append|a', 'ignore-interrupts|i', 'output-error=?'], permute: true });
      const s = stdinText(scope, scope.command.stdin, 'tee');
      for (const o of scan.operands) {
        const path = pathOf(scope, args[o.index]);
        if (path) set(path, s.kind === 'text' ? s.text : null, scan.options.some((x) => x.name === '-a'));
      }
      break;
    }
    case 'cp': case 'ln': case 'mv': case 'install': case 'rsync': {
      const ops = getopt(values, { short: 'abdfHiLlnPprRsStTuvxZS:t:m:g:o:', long: ['target-directory=|t', 'suffix=|S', 'mode=|m', 'owner=|o', 'group=|g', 'backup=?', 'symbolic|s'], permute: true }).operands;
      if (ops.length < 2) break;
      copied(args[ops[0]!.index], args[ops[ops.length - 1]!.index]);
      break;
    }
    case 'update-alternatives': {
      // `--install LINK NAME PATH PRIORITY`: LINK leads to PATH.
      const at = values.indexOf('--install');
      if (at >= 0) copied(args[at + 3], args[at + 1]);
      break;
    }
    case 'mkfifo': {
      for (const o of getopt(values, { short: 'Zm:', long: ['mode=|m', 'context=?'], permute: true }).operands) {
        const path = pathOf(scope, args[o.index]);
        if (path) scope.run0.fifos.add(path);
      }
      break;
    }
    case 'curl': case 'wget': {
      for (let i = 0; i < values.length; i++) {
        if (['-o', '--output', '-O', '--output-document'].includes(values[i] ?? '') && !(name === 'curl' && values[i] === '-O')) {
          const path = pathOf(scope, args[i + 1]);
          if (path) set(path, null, false);
        }
      }
      break;
    }
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
