// The files a command writes, removes or changes, as absolute paths: output redirections, and the
// operands the program's write spec names (grammars/writes.ts), plus git's own config and index.
import { listFileWrites, namedInside, perlRenamed } from './input-writes.js';
import { readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { globFiles } from '../files.js';
import { getopt, optionIs, type Arg, type Scan } from '../getopt.js';
import { GIT_COMMAND_KEYS, HARMLESS_CONFIG } from '../grammars/git.js';
import { HOOK_WRITER_HELP, HOOK_WRITERS, WRITES, type WriteSpec } from '../grammars/writes.js';

/** git config keys that change what a push does, where configuration comes from, or which hooks a new repository gets. */
const GUARDING_KEYS = /^(?:remote\..+\.(?:push|mirror|pushurl|url|receivepack)|url\..+|push\..+|include(?:if)?\..+|core\.(?:hookspath|sshcommand|fsmonitor|worktree|bare)|protocol\..+|init\.templatedir)$/;
import { homeDir, type Redirect } from '../invocations.js';
import type { ProgramFacts } from '../invocation.js';
import type { ScriptFiles } from '../files.js';
import { argOf, type Word } from '../words.js';
import { inInstallLifecycle } from './packages.js';
import { INTERPRETERS } from '../grammars/interpreters.js';
import { gitWrites } from './git-writes.js';
import { SETTINGS_WRITERS } from '../grammars/host-clis.js';
import { CONTAINER_OUTPUT_FILES } from '../grammars/managed.js';
import type { ContainerCommand } from '../programs/container.js';
import { extracted, type Extracted } from './extracted.js';
import { archiveMembers } from './archive-members.js';

/** A path as written, made absolute from `cwd` (`~/` is the home directory, `~NAME/` NAME's); null when that is unknown. */
export function abs(value: string, cwd: string | null): string | null {
  if (value.startsWith('~/') || value === '~') { const h = homeDir(); return h === null ? null : join(h, value.slice(2)); }
  const user = /^~([A-Za-z0-9._][A-Za-z0-9._-]*)(?:\/(.*))?$/s.exec(value);
  if (user) {
    // bash leaves `~NAME` as written when there is no such user.
    const h = userHome(user[1]!);
    if (h !== undefined) return h === null ? null : join(h, user[2] ?? '');
  }
  if (isAbsolute(value)) return resolve(value);
  return cwd === null ? null : resolve(cwd, value);
}

/** NAME's home directory from /etc/passwd (null: unreadable, so unknown), undefined when there is no such user. */
let passwd: string | null | undefined;
function userHome(name: string): string | null | undefined {
  if (passwd === undefined) { try { passwd = readFileSync('/etc/passwd', 'utf8'); } catch { passwd = null; } }
  if (passwd === null) return null;
  const line = passwd.split('\n').find((l) => l.startsWith(`${name}:`));
  const home = line?.split(':')[5];
  return line === undefined ? undefined : home && home.startsWith('/') ? home : null;
}

/** `git config` subcommands (git 2.46) that write: set/unset a key, and three that change any key. */
const CONFIG_WRITE_SUBS = ['set', 'unset', 'edit', 'rename-section', 'remove-section'];

/** Keys that say where every repository's hooks come from. */
const HOOK_KEYS = /^(?:core\.hookspath|init\.templatedir)$/;
/**
 * Keys whose value is a command a person runs interactively (the editor, the pager): with a value of
 * plain words naming a program on the PATH it is judged as the command it is (expand/managed.ts
 * configWrites), not as a write of the guarded config (`git config core.editor vim`).
 */
const EDITOR_KEYS = /^(?:core\.(?:editor|pager)|sequence\.editor|pager\..+)$/;
const PLAIN_COMMAND = /^[A-Za-z0-9_.+-]+(?:[ \t]+[A-Za-z0-9_.+=,:-]+)*$/;

/** Where the command runs: its environment, and what ran it (labels of the runners peeled off). */
export interface WriteContext {
  readonly env?: ReadonlyMap<string, string | null>;
  readonly via?: readonly string[];
  /** How files that name more writes are read (aria2c -i LIST): the scope's, so a kept decision sees them change. */
  readonly files?: ScriptFiles;
  /** The file a `< FILE` redirection gives the command as stdin (an archive a `tar -x` reads from there). */
  readonly stdinFile?: string | null;
}

/** The files output redirections write (`> FILE`, `>> FILE`, `&> FILE`; not `2>&1` or a device). */
export function redirectWrites(redirects: readonly Redirect[], cwd: string | null): (string | null)[] {
  const out: (string | null)[] = [];
  for (const r of redirects) {
    if (!r.op.includes('>') || r.op === '>&' && /^\d+$|^-$/.test(r.target?.value ?? '')) continue;
    const v = r.target?.value;
    if (v === null || v === undefined) { out.push(null); continue; }
    if (v.startsWith('/dev/')) continue;
    out.push(abs(v, cwd));
  }
  return out;
}

/** Absolute paths written by this command; `null` in the list stands for a path computed at run time. */
export function writtenPaths(program: string, words: readonly Word[], redirects: readonly Redirect[], cwd: string | null,
  facts: ProgramFacts | undefined, context: WriteContext = {}): (string | null)[] {
  const env = context.env ?? new Map<string, string | null>();
  const out = redirectWrites(redirects, cwd);
  if (facts?.kind === 'git') {
    const sub = facts.git.sub;
    const args = facts.git.args;
    // `git config KEY VALUE` (not --global/--system/--file/--get…) writes the repository's config.
    if (sub === 'config') {
      const scan = getopt(args, { long: ['global', 'system', 'local', 'worktree', 'file=|f', 'blob=', 'get', 'get-all', 'get-regexp', 'get-urlmatch', 'list|l', 'show-origin', 'show-scope', 'name-only', 'null|z', 'type=', 'default=', 'includes', 'no-includes', 'add', 'replace-all', 'unset', 'unset-all', 'rename-section', 'remove-section', 'edit|e'], short: 'lzef:', permute: true });
      const reads = scan.options.some((o) => optionIs(o, ['--get', '--get-all', '--get-regexp', '--get-urlmatch', '--list', '--show-origin']));
      const ops = scan.operands.map((o) => o.value);
      const writes = scan.options.some((o) => optionIs(o, ['--unset', '--unset-all', '--rename-section', '--remove-section', '--edit', '--add', '--replace-all']))
        || CONFIG_WRITE_SUBS.includes(ops[0] ?? '') || (!reads && ops.length >= 2 && ops[0] !== 'get' && ops[0] !== 'list');
      const file = scan.options.find((o) => optionIs(o, ['--file']))?.value;
      const global = scan.options.some((o) => optionIs(o, ['--global', '--system']));
      // Only keys that run programs, move hooks, or change what a push does guard the config.
      const key = (ops[0] === 'set' || ops[0] === 'unset' ? ops[1] : ops[0]) ?? null;
      const value = ops[0] === 'set' ? ops[2] : ops[1];
      const judged = key !== null && ops[0] !== 'unset' && !scan.options.some((o) => optionIs(o, ['--unset', '--unset-all', '--edit', '--rename-section', '--remove-section', '--file']))
        && EDITOR_KEYS.test(key.toLowerCase()) && typeof value === 'string' && PLAIN_COMMAND.test(value);
      const harmless = key !== null && ops[0] !== 'unset' && typeof value === 'string' && ops.length === (ops[0] === 'set' ? 3 : 2)
        && (HARMLESS_CONFIG[key.toLowerCase()]?.test(value) ?? false) && !scan.options.some((o) => optionIs(o, ['--unset', '--unset-all', '--edit', '--rename-section', '--remove-section', '--add', '--replace-all', '--file']));
      const matters = !judged && !harmless && (key === null || CONFIG_WRITE_SUBS.slice(2).includes(ops[0] ?? '') || scan.options.some((o) => optionIs(o, ['--edit', '--rename-section', '--remove-section']))
        || GIT_COMMAND_KEYS.some((k) => k.test(key.toLowerCase())) || GUARDING_KEYS.test(key.toLowerCase()));
      // The user's and the system's config are guarded for the keys that move every repository's
      // hooks; setting an alias or a pager there is an ordinary `git config --global` (as before).
      const hooksKey = key === null || HOOK_KEYS.test(key.toLowerCase());
      if (writes && matters && (!global || file !== undefined || hooksKey)) {
        out.push(file !== undefined ? (file === null ? null : abs(file, cwd)) : global ? abs('~/.gitconfig', cwd) : gitDir(cwd, 'config'));
      }
    }
    // `git update-index --assume-unchanged|--skip-worktree|--chmod FILE` changes how git sees FILE.
    if (sub === 'update-index') {
      const scan = getopt(args, { long: ['chmod=', 'cacheinfo=', 'index-info', 'add', 'remove', 'force-remove', 'refresh', 'really-refresh', 'assume-unchanged', 'no-assume-unchanged', 'skip-worktree', 'no-skip-worktree', 'info-only', 'stdin', 'verbose', 'z'], short: 'qz', permute: true });
      for (const o of scan.operands) out.push(o.value === null ? null : abs(o.value, cwd));
    }
    if (sub === 'init' || sub === 'clone') out.push(...templateWrites(sub, args, facts.git.config, env, cwd));
    // `git lfs install`: a program git runs as `git-<sub>` that installs hooks, in the directory `-C` names.
    // (As for the installers below, the project's own install lifecycle is the setup a person committed.)
    if (sub !== null && !inInstallLifecycle(context.via ?? [])) out.push(...hookInstallerWrites(`git ${sub}`, args, gitCwd(facts.git.chdir, cwd)));
    out.push(...gitWrites(words, facts.git, env, (p) => abs(p, cwd)));
  }
  if (facts?.kind === 'container') out.push(...containerOutputs(facts.container, cwd));
  // The project's own install lifecycle (`"prepare": "husky"`) installs its hooks on every
  // `npm install`/`npm ci`: that is the setup a person committed, not the agent's decision.
  if (!inInstallLifecycle(context.via ?? [])) out.push(...hookInstallerWrites(program, words.slice(1).map(argOf), cwd));
  out.push(...specWrites(program, words, cwd, context.files, env, context.stdinFile), ...moduleWrites(program, words, cwd, context.files), ...settingsWrites(program, words, cwd));
  return out;
}

/** The files a container CLI's subcommand writes by its options (grammars/managed.ts CONTAINER_OUTPUT_FILES). */
function containerOutputs(c: ContainerCommand, cwd: string | null): (string | null)[] {
  const names = CONTAINER_OUTPUT_FILES[c.path.join(' ')];
  if (!names) return [];
  return c.options.flatMap((o) => (!optionIs(o, names) || o.value === undefined ? [] : [o.value === null ? null : abs(o.value, cwd)]));
}

/** The settings files an agent host's own subcommand writes (grammars/host-clis.ts): `claude mcp add …`. */
function settingsWrites(program: string, words: readonly Word[], cwd: string | null): (string | null)[] {
  const writer = SETTINGS_WRITERS[program];
  if (!writer) return [];
  const ops = getopt(words.slice(1).map(argOf), writer.options ?? {}).operands.map((o) => o.value);
  const sub = writer.subcommands.find((s) => s.path.every((w, i) => ops[i] === w || ops[i] === null));
  return sub ? sub.files.map((f) => abs(f, cwd)) : [];
}

/** The name `python -m NAME`'s rows are kept under (as expand/modules.ts moduleProgram). */
const moduleProgram = (name: string): string => `python -m ${name}`;
const PYTHON_OPTIONS = INTERPRETERS.find((r) => r.names.includes('python'))!.options ?? {};

/** Does the scan hold one of these options (`-i=inplace`: with a value that loads that name, or a computed one)? */
function given(scan: Scan, names: readonly string[]): boolean {
  return names.some((n) => {
    const eq = n.indexOf('=', 1);
    const name = eq < 0 ? n : n.slice(0, eq);
    return scan.options.some((o) => optionIs(o, [name])
      && (eq < 0 || o.value === null || (o.value !== undefined && basename(o.value).replace(/\.[^.]*$/, '') === n.slice(eq + 1))));
  });
}

/** What an archive program extracts (expand/extracted.ts), as absolute paths; null when it extracts nothing. */
export function extractedBy(program: string, words: readonly Word[], cwd: string | null): Extracted | null {
  const spec = WRITES[program];
  if (!spec?.into || !spec.members) return null;
  const scan = getopt(words.slice(1).map(argOf), spec.options ?? {});
  if (spec.when && !given(scan, spec.when) || spec.unless && given(scan, spec.unless)) return null;
  const sub = scan.operands[0]?.value;
  if (spec.subcommands && sub !== null && !spec.subcommands.includes(sub ?? '')) return null;
  const got = extracted(spec, scan, archiveMembers(spec, scan, cwd));
  const at = (v: string | null): string | null => (v === null ? null : abs(v, cwd));
  return got && { files: got.files.map(at), dirs: got.dirs.map(at), unnamed: got.unnamed.map(at) };
}

/** The files a program's write spec (grammars/writes.ts) says it writes. */
function specWrites(program: string, words: readonly Word[], cwd: string | null, files?: ScriptFiles, env: ReadonlyMap<string, string | null> = new Map(), stdinFile?: string | null): (string | null)[] {
  const spec = WRITES[program];
  if (!spec) return [];
  const out: (string | null)[] = [];
  const at = (v: string | null): string | null => (v === null ? null : abs(v, cwd));
  const scan = getopt(words.slice(1).map(argOf), spec.options ?? {});
  for (const f of spec.files ?? []) {
    const [name, when, subs] = typeof f === 'string' ? [f, undefined, undefined] : [f.option, f.when, f.subcommands];
    if (when !== undefined && !given(scan, when)) continue;
    if (subs !== undefined && !subs.includes(scan.operands[0]?.value ?? '')) continue;
    for (const o of scan.options) if (optionIs(o, [name]) && o.value !== undefined && o.value !== '-') out.push(at(o.value));
  }
  if (spec.when && !given(scan, spec.when)) return out;
  if (spec.unless && given(scan, spec.unless)) return out;
  let ops = scan.operands;
  let every = false;
  if (spec.subcommands) {
    const sub = ops[0]?.value;
    if (sub !== null && (sub === undefined || !spec.subcommands.includes(sub))) return out;
    every = sub === null || (spec.moves?.includes(sub) ?? false);
    ops = ops.slice(1);
  }
  // `chmod -x FILE`: a mode that looks like an option is still the mode; every operand is a file.
  if (program === 'chmod' && words.slice(1).some((w) => /^-[ugoa]*[rwxXst]+$/.test(w.value ?? ''))) ops = [{ value: '', index: -1 }, ...ops];
  if (spec.scriptUnless && !given(scan, spec.scriptUnless)) ops = ops.slice(1);
  const targeted = scan.options.some((o) => optionIs(o, spec.pathOptions ?? []));
  const chosen = { all: ops, from1: ops.slice(1), from2: ops.slice(2), first: ops.slice(0, 1), second: ops.slice(1, 2), none: [],
    last: targeted ? [] : ops.slice(-1) }[every ? 'all' : spec.operands];
  for (const o of chosen) out.push(at(o.value));
  for (const o of scan.options) {
    if (!spec.embedded || !optionIs(o, spec.embedded.options) || o.value === undefined) continue;
    // A computed value whose written text has %output writes a file named at run time.
    if (o.value === null) { if (words.slice(o.index + 1, o.index + 3).some((w) => w.text.includes('%output'))) out.push(null); continue; }
    for (const m of o.value.matchAll(spec.embedded.pattern)) out.push(at(m[1]!));
  }
  if (spec.noOperand && ops.length === 0) {
    const v = env.get(spec.noOperand.variable);
    out.push(v === undefined ? abs(spec.noOperand.fallback, cwd) : at(v));
  }
  out.push(...linkedSources(spec, scan, ops, targeted, cwd));
  for (const o of scan.options) if (spec.pathOptions && optionIs(o, spec.pathOptions) && o.value !== undefined) out.push(at(o.value));
  const got = extracted(spec, scan, archiveMembers(spec, scan, cwd, stdinFile, files));
  if (got) for (const p of [...got.dirs, ...got.files]) out.push(at(p));
  if (spec.derived) out.push(...derivedNames(spec.derived, scan, ops, cwd));
  const prefix = spec.prefixOperand;
  if (prefix) {
    const p = ops.length > prefix.index ? ops[prefix.index]!.value : prefix.fallback;
    out.push(p === null ? null : abs(`${p}*`, cwd));
  }
  out.push(...namedWrites(spec, scan, cwd, files));
  if (spec.underLast) out.push(...copiedUnder(spec.underLast, scan, cwd, files));
  if (spec.keyValue) {
    for (const o of scan.operands) {
      const m = o.value === null ? null : new RegExp(`^${spec.keyValue}=(.*)$`).exec(o.value);
      if (m) out.push(abs(m[1]!, cwd));
    }
  }
  return out;
}

/** Where each operand but the last is copied under the last (WriteSpec.underLast): as written, less `up` leading directories, or by name. */
function copiedUnder(how: NonNullable<WriteSpec['underLast']>, scan: Scan, cwd: string | null, files?: ScriptFiles): (string | null)[] {
  // A glob (the program's own: `'src/**/*.css'`) is the files it matches here, where that can be told.
  const ops = scan.operands.flatMap((o) => {
    if (o.value === null || !/[*?[]/.test(o.value) || !files || cwd === null || o.index === scan.operands.at(-1)!.index) return [o.value];
    const hits = globFiles(files, cwd, o.value);
    return hits === null ? [o.value] : hits.map((h) => (isAbsolute(o.value!) ? h : relative(cwd, h)));
  });
  if (scan.operands.length < 2) return [];
  const dest = ops.pop();
  if (dest === undefined || ops.length === 0) return [];
  const up = scan.options.filter((o) => optionIs(o, how.up)).pop()?.value;
  const n = up === undefined ? 0 : up !== null && /^\d+$/.test(up) ? Number(up) : null;
  const flat = scan.options.some((o) => optionIs(o, how.flat));
  return ops.map((src) => {
    if (src === null || dest === null || n === null) return null;
    const kept = flat ? basename(src) : src.split('/').filter((p) => p !== '' && p !== '.').slice(n).join('/');
    return kept === '' ? null : abs(join(dest, kept), cwd);
  });
}

/** What a prefix option, names inside a directory option and a list file of downloads write (grammars/writes.ts). */
function namedWrites(spec: WriteSpec, scan: Scan, cwd: string | null, files?: ScriptFiles): (string | null)[] {
  const out: (string | null)[] = [];
  const last = (names: readonly string[]): Arg | undefined => scan.options.filter((o) => optionIs(o, names)).pop()?.value;
  if (spec.prefixOption) {
    const p = last(spec.prefixOption.options) ?? spec.prefixOption.fallback;
    out.push(p === null ? null : abs(`${p}*`, cwd));
  }
  const dir = spec.joined ? last(spec.joined.dir) ?? '.' : '.';
  if (spec.joined) {
    for (const o of scan.options) {
      if (!optionIs(o, spec.joined.names) || o.value === undefined) continue;
      out.push(o.value === null || dir === null ? null : abs(join(dir, o.value), cwd));
    }
  }
  if (spec.namedInside) {
    const inputs = scan.operands.map((o) => o.value);
    if (inputs.length === 0) out.push(null);
    for (const f of inputs) out.push(...namedInside(spec.namedInside, f, cwd, files));
  }
  if (spec.perlRename) out.push(...perlRenamed(scan.operands.map((o) => o.value), cwd));
  if (spec.listFile) {
    for (const o of scan.options) {
      if (!optionIs(o, spec.listFile.options) || o.value === undefined) continue;
      out.push(...listFileWrites(spec.listFile, o.value, dir, cwd, files));
    }
  }
  return out;
}

/** The names a compressor writes beside (or instead of) its operands (grammars/writes.ts `derived`). */
function derivedNames(d: NonNullable<WriteSpec['derived']>, scan: Scan, ops: Scan['operands'], cwd: string | null): (string | null)[] {
  const decompress = d.add === undefined || given(scan, d.decompress ?? []);
  return ops.filter((o) => o.value !== '-').map((o) => (o.value === null ? null
    : decompress ? (d.strip.test(o.value) ? abs(o.value.replace(d.strip, ''), cwd) : null) : abs(o.value + d.add, cwd)));
}

/** `python3 -m NAME ARGS`: the module's own write spec (`python -m json.tool IN OUT`), read from ARGS. */
function moduleWrites(program: string, words: readonly Word[], cwd: string | null, files?: ScriptFiles): (string | null)[] {
  if (!/^(?:python[0-9.]*|pypy3?)$/.test(program)) return [];
  const scan = getopt(words.slice(1).map(argOf), PYTHON_OPTIONS);
  const m = scan.options.find((o) => optionIs(o, ['-m']));
  if (m === undefined || typeof m.value !== 'string' || !WRITES[moduleProgram(m.value)]) return [];
  const first = scan.operands[0]?.index;
  const rest = first === undefined ? [] : words.slice(1 + first);
  return specWrites(moduleProgram(m.value), [words[0]!, ...rest], cwd, files);
}

/**
 * The sources a link command gives another name (grammars/writes.ts `links`): from the working
 * directory, and for a symlink also from the link's directory (where its target is resolved).
 */
function linkedSources(spec: WriteSpec, scan: Scan, ops: Scan['operands'], targeted: boolean, cwd: string | null): (string | null)[] {
  if (spec.links === undefined || (spec.links.length > 0 && !given(scan, spec.links))) return [];
  // `ln TARGET` alone links it into the working directory.
  const sources = targeted || ops.length === 1 ? ops : ops.slice(0, -1);
  const into = targeted ? scan.options.find((o) => optionIs(o, spec.pathOptions ?? []))?.value : ops.length > 1 ? ops[ops.length - 1]!.value : '.';
  const symbolic = scan.options.some((o) => optionIs(o, ['-s']));
  const out: (string | null)[] = [];
  for (const s of sources) {
    if (s.value === null) { out.push(null); continue; }
    out.push(abs(s.value, cwd));
    if (symbolic && !isAbsolute(s.value) && typeof into === 'string') out.push(abs(join(into.endsWith('/') ? into : dirname(into), s.value), cwd));
  }
  return out;
}

const INIT_CLONE = { long: ['config=|c', 'template=', 'origin=|o', 'branch=|b', 'depth=', 'reference=', 'separate-git-dir=', 'upload-pack=|u', 'jobs=|j', 'filter=', 'bare', 'mirror', 'shared=?', 'object-format=', 'ref-format=', 'quiet|q'], short: 'c:o:b:u:j:q', permute: true } as const;

/**
 * `git init|clone` with a template (`--template DIR`, `-c init.templateDir=DIR`, GIT_TEMPLATE_DIR)
 * copies the template's hooks into the new repository; `git clone -c KEY=VALUE` writes KEY into its
 * config. An empty template (`--template=`) copies none.
 */
function templateWrites(sub: string, args: readonly (string | null)[], config: readonly { key: string; value: string | null }[],
  env: ReadonlyMap<string, string | null>, cwd: string | null): (string | null)[] {
  const scan = getopt(args, INIT_CLONE);
  const ops = scan.operands.map((o) => o.value);
  const dest = sub === 'init' ? ops[0] ?? '.' : ops[1] ?? (ops[0] === null || ops[0] === undefined ? null : ops[0].replace(/\/+$/, '').replace(/^.*[/:]/, '').replace(/\.git$/, ''));
  const bare = scan.options.some((o) => optionIs(o, ['--bare', '--mirror']));
  const at = (file: string): string | null => (dest === null ? null : abs(join(dest, bare ? '' : '.git', file), cwd));
  const given = (v: string | null | undefined): boolean => v === null || (v !== undefined && v !== '');
  const templates = [...scan.options.filter((o) => optionIs(o, ['--template'])).map((o) => o.value),
    ...config.filter((c) => c.key === 'init.templatedir').map((c) => c.value), env.get('GIT_TEMPLATE_DIR')];
  const out: (string | null)[] = templates.some(given) ? [at('hooks')] : [];
  for (const o of scan.options) {
    if (!optionIs(o, ['--config']) || o.value === undefined) continue;
    const key = o.value === null ? null : o.value.slice(0, Math.max(0, o.value.indexOf('='))).toLowerCase();
    if (key === null || GIT_COMMAND_KEYS.some((k) => k.test(key)) || GUARDING_KEYS.test(key)) out.push(at('config'));
  }
  return out;
}

/** What a hook installer (grammars/writes.ts HOOK_WRITERS) writes in the repository's .git. */
function hookInstallerWrites(program: string, args: readonly Arg[], cwd: string | null): (string | null)[] {
  // A package runner's `husky@9` is husky (a scoped name's own @ stays).
  const spec = HOOK_WRITERS[program.replace(/(?<=.)@[^/]*$/, '')];
  if (!spec) return [];
  const scan = getopt(args, spec.options ?? {});
  if (scan.options.some((o) => optionIs(o, HOOK_WRITER_HELP))) return [];
  const sub = scan.operands[0]?.value;
  const writes = spec.when ? scan.options.some((o) => optionIs(o, spec.when!))
    : spec.subcommands!.includes('*') || sub === null || (sub !== undefined && spec.subcommands!.includes(sub));
  // Where the working directory is not known, the path is still one of some repository's .git.
  return writes ? spec.writes.map((f) => join(cwd ?? '', '.git', f)) : [];
}

/** The directory git runs in after its `-C` options (null when one is computed). */
function gitCwd(chdir: readonly Arg[], cwd: string | null): string | null {
  let at = cwd;
  for (const d of chdir) at = d === null || at === null ? null : d === '' ? at : resolve(at, d);
  return at;
}

/** A file in the repository's .git (from cwd; the policy resolves symlinks). */
function gitDir(cwd: string | null, name: string): string | null {
  return cwd === null ? null : join(cwd, '.git', name);
}

/** Does this redirection write a file (not `2>&1`, not `>&-`)? */
export function writesFile(r: Redirect): boolean {
  if (!r.op.includes('>')) return false;
  if (r.op.endsWith('&')) return r.target !== null && r.target.value !== null && !/^\d+-?$|^-$/.test(r.target.value);
  return true;
}
