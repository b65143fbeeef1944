// The managed family: the programs the policy is about get their facts parsed here, once, and
// carried on the invocation (container CLIs with their engine, transfers, git with its pushes).
// Git commands that run other commands are read too.
import { isAbsolute, join, resolve } from 'node:path';
import { HUB_API, parseForgeApi } from '../programs/forge.js';
import { getopt, valueOf } from '../getopt.js';
import type { ProgramFacts } from '../invocation.js';
import { CONTAINER_CLIS, parseContainer, type ContainerCommand } from '../programs/container.js';
import { parseGit, parseGitPush, PUSHES, type GitCommand } from '../programs/git.js';
import { parseRsync, parseScp, parseSftp, parseSshfs, remotePathOf } from '../programs/transfer.js';
import { argOf, type Word } from '../words.js';
import type { Scope } from './driver.js';
import { readLocal, stdinText } from './output.js';
import { quoteWord } from '../words.js';
import { GIT_CONFIG_FILE_ENV, parseGitConfigText } from '../programs/git.js';
import { runScriptFile } from './scripts.js';
import { rcloneFacts } from './rclone.js';
import { parseSshTransport } from '../programs/ssh-transports.js';
import { abs } from './written-paths.js';
import { localSshCommands, sftpServerCommand, sshfsCommands, sshWrites } from './remote.js';
import { hostOf } from '../programs/ssh.js';
import { GIT_COMMAND_ENV, GIT_COMMAND_KEYS, GIT_PROGRAM_ENV, GIT_RUNS } from '../grammars/git.js';
import { gitHooksFamily, runsHooks } from './git-hooks.js';
import { filledGitWords, headBranchOnDisk, unboundedPushWords } from './git-push-words.js';
import { storedConfig } from './git-place.js';
import { INCLUDE_KEY, includedConfig, recordConfigWrite, writtenConfig } from './git-written-config.js';
import { externalCommand, remoteHelpers } from './git-programs.js';
import type { GitConfig } from '../git-config.js';
import type { ConfigEntry } from '../git-repo.js';

/** The names the git case below reads. */
const GIT_NAMES: ReadonlySet<string> = new Set(['git', 'hub', 'git-push', 'git-send-pack']);
/** A word xargs appends at run time. */
const APPENDED: Word = { value: null, tail: null, text: '"$xargs_item"', start: 0, end: 0 };

export function managedFamily(scope: Scope, name: string, given: readonly Word[]): boolean {
  // Under `xargs CMD` the words read at run time come after CMD's own: git's repository or refspecs among them.
  const args = scope.argsAppended && GIT_NAMES.has(name) ? [...given, APPENDED] : given;
  const values = args.map(argOf);
  if (CONTAINER_CLIS.has(name)) {
    const container = parseContainer(name, values, scope.env);
    const engine = container.engineHost;
    scope.emit(scope.argv, name, {
      facts: { kind: 'container', container },
      ...(engine === undefined ? {} : { target: { kind: 'remote', host: engine ?? '?' } }),
    });
    if (scope.local) cliPlugin(scope, container);
    return true;
  }
  let facts: ProgramFacts | null = null;
  switch (name) {
    case 'scp': facts = { kind: 'transfer', transfer: parseScp(values) }; localSshCommands(scope, facts.transfer.scan.options, 'scp'); break;
    case 'rclone': facts = rcloneFacts(scope, values); break;
    case 'virsh': case 'restic': case 'borg': case 'unison': case 'rdiff-backup':
      facts = transportFacts(scope, name, values);
      if (facts === null) return false;
      break;
    case 'sshfs': {
      const transfer = parseSshfs(values);
      facts = { kind: 'transfer', transfer };
      sshfsCommands(scope, transfer.scan.options, transfer.reads[0]?.host ?? '?');
      break;
    }
    case 'sftp': facts = sftpFacts(scope, values); break;
    case 'rsync': {
      const transfer = parseRsync(values);
      facts = { kind: 'transfer', transfer };
      rsyncHooks(scope, transfer.scan.options, values);
      break;
    }
    case 'git': case 'hub': case 'git-push': case 'git-send-pack': {
      // `hub api` is the forge's API, as `gh api` is (hub(1) api).
      if (name === 'hub' && values[0] === 'api') {
        facts = { kind: 'forge', forge: parseForgeApi(values.slice(1), (p) => forgeBody(scope, p), args.slice(1).map((w) => w.text), HUB_API) };
        scope.emit(scope.argv, name, { facts });
        return true;
      }
      const filled = filledGitWords(scope, args, name === 'git-push' || name === 'git-send-pack');
      const words = [...(name === 'git' || name === 'hub' ? [] : [name.slice(4)]), ...filled.map(argOf)];
      const git = parseGit(words, scope.env, (head) => storedConfig(scope, head), (head, entry) => includedConfig(scope, head, entry));
      recordConfigWrite(scope, git);
      facts = gitFacts(scope, git, filled);
      if (facts === null) return true;
      break;
    }
    case 'gh': case 'glab': {
      if (values[0] !== 'api') return false;
      facts = { kind: 'forge', forge: parseForgeApi(values.slice(1), (p) => forgeBody(scope, p), args.slice(1).map((w) => w.text)) };
      break;
    }
    default: {
      // `git-commit`, `/usr/lib/git-core/git-merge`: git's own dashed form of a command that runs hooks.
      const sub = /^git-([a-z][a-z-]*)$/.exec(name)?.[1];
      if (sub === undefined || !runsHooks(sub)) return false;
      gitHooksFamily(scope, parseGit([sub, ...values], scope.env, (head) => storedConfig(scope, head)));
      scope.emit(scope.argv, name);
      return true;
    }
  }
  const local = facts.kind === 'transfer' ? facts.transfer.localWrites : undefined;
  // scp and sftp hand -o to ssh: a UserKnownHostsFile is written here as ssh's own is.
  const known = facts.kind === 'transfer' && (name === 'scp' || name === 'sftp') ? sshWrites(facts.transfer.scan.options, scope.cwd) : [];
  const writes = local || known.length > 0 ? [...(local ?? []).map((p) => (p === null ? null : abs(p, scope.cwd))), ...known] : undefined;
  scope.emit(scope.argv, name === 'git-push' || name === 'git-send-pack' || name === 'hub' ? 'git' : name, { facts, ...(writes ? { writes } : {}) });
  if (facts.kind === 'transfer') {
    for (const r of facts.transfer.remoteShell ?? []) {
      scope.nested(r.command, `${name} on ${r.host} (remote shell)`, { target: { kind: 'remote', host: r.host }, env: new Map(), spliceable: false });
    }
  }
  return true;
}

/** sftp's transfer, its batch file read (`-b -`: standard input), and the local commands its ssh options run. */
function sftpFacts(scope: Scope, values: readonly (string | null)[]): ProgramFacts {
  const batch = (p: string): string | null => {
    if (p !== '-') return readLocal(scope, p, scope.cwd);
    const s = stdinText(scope, scope.stdin, 'sftp -b -');
    return s.kind === 'text' ? s.text : null;
  };
  const transfer = parseSftp(values, batch, scope.stdin !== null);
  localSshCommands(scope, transfer.scan.options, 'sftp');
  const target = transfer.scan.operands[0]?.value;
  const host = typeof target === 'string' ? remotePathOf(target)?.host ?? hostOf(target) ?? target : '?';
  sftpServerCommand(scope, valueOf(transfer.scan, '-s'), host, 'sftp -s');
  return { kind: 'transfer', transfer };
}

/** A program with its own ssh transport (programs/ssh-transports.ts) as a transfer; null when it names no remote. */
function transportFacts(scope: Scope, name: string, values: readonly (string | null)[]): ProgramFacts | null {
  const transfer = parseSshTransport(name, values, scope.env);
  return transfer === null || (transfer.writes.length === 0 && transfer.reads.length === 0) ? null : { kind: 'transfer', transfer };
}

/** A file `gh api` sends: its text, '' when missing (the CLI fails and sends nothing), null when unknown. */
function forgeBody(scope: Scope, path: string): string | null {
  if (path === '-') {
    const s = stdinText(scope, scope.stdin, 'gh api --input -');
    return s.kind === 'text' ? s.text : s.kind === 'none' ? '' : null;
  }
  const p = isAbsolute(path) ? path : scope.cwd === null ? null : resolve(scope.cwd, path);
  if (p === null || !scope.local) return null;
  const r = scope.files.read(p);
  return r.kind === 'text' ? r.text : r.kind === 'missing' ? '' : null;
}

/** rsync runs `-e` locally as its remote shell, and `--rsync-path` on the server. */
function rsyncHooks(scope: Scope, options: readonly { name: string; value?: string | null }[], values: readonly (string | null)[]): void {
  for (const o of options) {
    if (o.name === '--rsh' || o.name === '-e') {
      if (o.value === null) scope.raise('dynamic-command', '`rsync -e` runs a command computed at run time');
      else if (o.value !== undefined) scope.nested(o.value, 'rsync -e', { spliceable: false });
    }
    if (o.name === '--rsync-path' && o.value !== undefined) {
      const host = values.map((v) => (v === null ? null : remotePathOf(v, true)?.host)).find((h) => h) ?? '?';
      if (o.value === null) scope.raise('dynamic-remote-command', '`rsync --rsync-path` is computed at run time');
      // The server runs `PATH args`: a final `rsync` is the transfer's own server side.
      else scope.nested(o.value.replace(/(^|[;&|]\s*|\s)rsync\s*$/, '$1true'), `rsync --rsync-path on ${host}`, { target: { kind: 'remote', host }, spliceable: false, env: new Map() });
    }
  }
}



function gitFacts(scope: Scope, git: GitCommand, words: readonly Word[]): ProgramFacts | null {
  if (git.dynamic) scope.raise('dynamic-command', git.unknown ?? 'git configuration for this run is computed at run time');
  // `git pu\`true\`sh --force …`, `git "$sub" …`: which subcommand runs is decided at run time.
  else if (git.sub === null && words.some((w) => w.value === null)) scope.raise('dynamic-command', "git's subcommand is computed at run time");
  gitCommandSettings(scope, git);
  configFiles(scope, git);
  configWrites(scope, git);
  gitHooksFamily(scope, git);
  externalCommand(scope, git);
  remoteHelpers(scope, git);
  if (git.shellAlias !== undefined) scope.nested(git.shellAlias, `git ${git.alias ?? ''}`.trim());
  const sub = git.sub;
  if (sub !== null) subcommandRuns(scope, git, sub);
  extUrls(scope, git);
  if (sub !== null && sub in PUSHES) {
    // (A computed word is read from its text; git.args ends with the words as written.)
    const wordOf = (i: number): Word | undefined => words[words.length - (git.args.length - i)];
    const push = parseGitPush(git, (i) => wordOf(i)?.text);
    const unbounded = unboundedPushWords(scope, push.scan, wordOf, valueOf(push.scan, '--repo') !== undefined);
    if (unbounded.length > 0) scope.raise('dynamic-command', `\`git ${sub}\` is given ${unbounded.map((t) => `\`${t}\``).join(', ')}, computed at run time: it could be --force, +BRANCH or :BRANCH, which rewrite or delete a protected branch; write the refspec and options out`);
    // `"+$(git branch --show-current)"`: computed, but forced as written.
    const forced = words.filter((w) => w.value === null && /^["']?\+/.test(w.text)).map((w) => w.text);
    const head = push.current && scope.local ? { headOnDisk: headBranchOnDisk(scope, git) } : {};
    return { kind: 'git', git, push: { ...push, ...head, ...(forced.length > 0 ? { forcedRefs: [...push.forcedRefs, ...forced] } : {}) } };
  }
  return { kind: 'git', git };
}

/** What git's `-c` settings and GIT_* variables for this run hand a shell or run as a program. */
function gitCommandSettings(scope: Scope, git: GitCommand): void {
  for (const c of git.config) {
    if (c.value === null || !GIT_COMMAND_KEYS.some((k) => k.test(c.key))) continue;
    if (c.key.startsWith('alias.') && !(c.value.startsWith('!') && git.alias === c.key.slice(6))) continue;
    if (c.key.startsWith('alias.')) continue; // the expanded shell alias is read below
    if (/^(include\.path|includeif\.)/.test(c.key)) continue; // read by configFiles
    if (c.key === 'core.hookspath') continue; // its hooks are read by git-hooks.ts
    if (c.key === 'sequence.editor') sequenceExecs(scope, c.value, `git -c ${c.key}`);
    const value = c.key.startsWith('credential') && !c.value.startsWith('!') ? `git-credential-${c.value}` : c.value.replace(/^!/, '');
    scope.nested(value, `git -c ${c.key}`, { spliceable: false });
  }
  for (const v of GIT_COMMAND_ENV) {
    const value = scope.env.get(v);
    if (value === undefined) continue;
    if (value === null) { scope.raise('dynamic-command', `${v} is computed at run time`); continue; }
    scope.nested(value.replace(/^\|+/, '').replace(/%s/g, 'FILE'), v, { spliceable: false });
    if (v === 'GIT_SEQUENCE_EDITOR') sequenceExecs(scope, value, v);
  }
  for (const v of GIT_PROGRAM_ENV) {
    const value = scope.env.get(v);
    if (value === undefined) continue;
    if (value === null) { scope.raise('dynamic-command', `${v} is computed at run time`); continue; }
    // git runs a value with spaces through the shell.
    scope.nested(/\s/.test(value) ? value : quoteWord(value), v, { spliceable: false });
  }
}

/** Commands a subcommand runs by its options or operands (`submodule foreach`, `bisect run`), and `clone -c`'s settings. */
function subcommandRuns(scope: Scope, git: GitCommand, sub: string): void {
  const runs = GIT_RUNS[sub];
  if (runs) {
    const scan = getopt(git.args, { long: [...(runs.option ?? []).filter((o) => o.startsWith('--')).map((o) => `${o.slice(2)}=`), 'quiet', 'recursive'], short: (runs.option ?? []).filter((o) => !o.startsWith('--')).map((o) => `${o[1]}:`).join('') + 'qi', permute: true, abbreviate: true });
    for (const o of scan.options) {
      if (!runs.option?.some((n) => n === o.name || n === o.alias)) continue;
      if (o.value === null) scope.raise('dynamic-command', `\`git ${sub} ${o.name}\` runs a command computed at run time`);
      else if (o.value !== undefined) scope.nested(o.value, `git ${sub} ${o.name}`, { spliceable: false });
    }
    const ops = scan.operands.map((x) => x.value);
    const payload = runs.operands !== undefined && ops[0] === 'foreach' ? ops.slice(runs.operands)
      : runs.argv !== undefined && ops[0] === 'run' ? ops.slice(runs.argv) : [];
    if (payload.length > 0) {
      if (payload.some((p) => p === null)) scope.raise('dynamic-command', `\`git ${sub}\` runs a command computed at run time`);
      else scope.nested((payload as string[]).join(' '), `git ${sub} ${ops[0]}`, { spliceable: false });
    }
  }
  // `git clone -c k=v` configures the new repository before its checkout runs; its template brings hooks.
  if (sub === 'clone' || sub === 'init') {
    const scan = getopt(git.args, { long: ['config=|c', 'template=', 'origin=|o', 'branch=|b', 'depth=', 'reference=', 'separate-git-dir=', 'upload-pack=|u', 'jobs=|j', 'filter='], short: 'c:o:b:u:j:', permute: true });
    for (const o of scan.options) {
      if (o.name === '--config' && o.value !== undefined) {
        const v = o.value;
        const eq = v === null ? -1 : v.indexOf('=');
        const key = v === null || eq < 0 ? '' : v.slice(0, eq).toLowerCase();
        if (v === null) scope.raise('dynamic-command', '`git clone --config` is computed at run time');
        else if (GIT_COMMAND_KEYS.some((k) => k.test(key)) && !key.startsWith('alias.')) scope.nested(v.slice(eq + 1).replace(/^!/, ''), `git ${sub} --config ${key}`, { spliceable: false });
      }
    }
  }
}

/** ext:: URLs run a command to reach the "remote" (also when url.<base>.insteadOf rewrites a URL into one). */
function extUrls(scope: Scope, git: GitCommand): void {
  const rewrites = git.config.filter((c) => /^url\..*\.(?:push)?insteadof$/.test(c.key) && c.value !== null)
    .map((c) => ({ from: c.value!, to: (c.written ?? c.key).slice(4, (c.written ?? c.key).lastIndexOf('.')) }));
  const ext = (a: string): void => scope.nested(a.slice(5).replace(/%(.)/g, (_m, c: string) => (c === 'S' ? 'git-upload-pack' : c === 's' ? ' ' : c)).replace(/%/g, ''), 'git ext::', { spliceable: false });
  // A rewrite into an ext:: URL applies to the remotes' URLs too, which live in a config the text does not show.
  for (const r of rewrites) if (r.to.startsWith('ext::')) ext(r.to);
  for (const raw of git.args) {
    const hit = raw === null ? undefined : rewrites.find((r) => raw.startsWith(r.from));
    const a = raw !== null && hit ? hit.to + raw.slice(hit.from.length) : raw;
    if (a !== null && a.startsWith('ext::') && !hit?.to.startsWith('ext::')) ext(a);
  }
}

/** Lines `exec CMD` / `x CMD` that a sequence editor writes into a rebase todo list run as commands. */
function sequenceExecs(scope: Scope, editor: string, label: string): void {
  for (const m of editor.matchAll(/(?:^|[\s/'"])(?:exec|x) ([^#/'"\n]+)/g)) scope.nested(m[1]!.trim(), `${label} (rebase exec)`, { spliceable: false });
}

/** Configuration files named for this run (GIT_CONFIG_GLOBAL, include.path …): read as given with -c. */
function configFiles(scope: Scope, git: GitCommand): void {
  const paths: (string | null)[] = [];
  for (const v of GIT_CONFIG_FILE_ENV) { const p = scope.env.get(v); if (p !== undefined) paths.push(p); }
  // A repository or a home named by the text is one whose config the text may have written.
  const dir = (v: string | null | undefined, file: string): void => { if (v !== undefined) paths.push(v === null ? null : join(v, file)); };
  dir(scope.env.get('GIT_DIR'), 'config');
  dir(gitDirOption(scope.argv), 'config');
  dir(scope.env.get('HOME'), '.gitconfig');
  dir(scope.env.get('XDG_CONFIG_HOME'), 'git/config');
  for (const c of git.config) if (INCLUDE_KEY.test(c.key)) paths.push(c.value);
  // The files an include the text wrote into git's own config pulls in (this `git config` among them).
  const written = writtenConfig(scope);
  if (written.unknown !== undefined) scope.raise('dynamic-command', written.unknown);
  paths.push(...written.files);
  if (paths.length > 8) scope.raise('limit', `git reads more than 8 configuration files the text names or writes`);
  for (const p of paths.slice(0, 8)) {
    if (p === null) { scope.raise('dynamic-command', 'git reads a configuration file named at run time'); continue; }
    const text = readLocal(scope, p.replace(/^~(?=\/)/, process.env.HOME ?? '~'), scope.cwd);
    if (text !== null) commandEntries(scope, parseGitConfigText(text), p);
  }
  // What the repository's config pulls in from other files (include.path = ../shared.gitconfig): those
  // are ordinary files, often tracked, an agent may have written; git's own config files are guarded.
  commandEntries(scope, git.stored.filter((c) => (c as ConfigEntry).included === true), 'a file git\'s config includes');
}

/** The commands config entries make git run (a shell alias, core.fsmonitor, diff.external, …), judged as run. */
function commandEntries(scope: Scope, entries: readonly GitConfig[], where: string): void {
  for (const c of entries) {
    if (c.value === null || !GIT_COMMAND_KEYS.some((k) => k.test(c.key)) || /^(include|includeif)\./.test(c.key)) continue;
    if (c.key.startsWith('alias.')) { if (c.value.startsWith('!')) scope.nested(c.value.slice(1), `${where}: ${c.key}`, { spliceable: false }); continue; }
    if (c.key === 'core.hookspath') continue; // read by git-hooks.ts
    scope.nested(c.value.replace(/^!/, ''), `${where}: ${c.key}`, { spliceable: false });
  }
}

/** git's own `--git-dir DIR` (before the subcommand); undefined when not given, null when computed. */
function gitDirOption(argv: readonly Word[]): string | null | undefined {
  for (let i = 1; i < argv.length; i++) {
    const w = argv[i]!.value;
    if (w === null) return undefined;
    if (w.startsWith('--git-dir=')) return w.slice('--git-dir='.length);
    if (w === '--git-dir') return argv[i + 1]?.value ?? null;
    if (!w.startsWith('-')) return undefined;
    if (w === '-C' || w === '-c' || w === '--work-tree' || w === '--namespace' || w === '--config-env') i++;
  }
  return undefined;
}

/** `git config KEY VALUE` of a key that runs a program stores a command that runs later: judged now. */
function configWrites(scope: Scope, git: GitCommand): void {
  if (git.sub !== 'config') return;
  const scan = getopt(git.args, { long: ['global', 'system', 'local', 'worktree', 'file=|f', 'add', 'replace-all', 'unset', 'unset-all', 'get', 'get-all', 'get-regexp', 'list|l', 'type=', 'bool', 'int', 'path', 'null|z', 'show-origin', 'show-scope', 'name-only', 'default=', 'includes', 'no-includes', 'blob='], short: 'lzf:', permute: true });
  const ops = scan.operands.map((o) => o.value);
  const verb = ops[0] === 'set' ? 1 : 0;
  const key = ops[verb];
  const value = ops[verb + 1];
  if (typeof key !== 'string' || value === undefined) return;
  const k = key.toLowerCase();
  // An include's file is read as configuration (configFiles), not run.
  if (!GIT_COMMAND_KEYS.some((re) => re.test(k)) || INCLUDE_KEY.test(k)) return;
  if (value === null) { scope.raise('dynamic-command', `\`git config ${key}\` stores a command computed at run time`); return; }
  scope.nested(value.replace(/^!/, ''), `git config ${key} (runs later)`, { spliceable: false });
}

/**
 * The docker CLI runs a subcommand it does not have itself (`compose`, `buildx`, …) as the plugin
 * `docker-<sub>` from `cli-plugins/` of its configuration directory: one the text names (`--config`,
 * DOCKER_CONFIG) holds plugins of the text's choosing, each judged as the script it is.
 */
function cliPlugin(scope: Scope, container: ContainerCommand): void {
  const sub = container.path[0];
  if (container.program !== 'docker' || sub === undefined || !/^[a-z][\w-]*$/.test(sub) || scope.cwd === null) return;
  const option = [...container.options].reverse().find((o) => o.name === '--config');
  const dir = option ? option.value : scope.env.get('DOCKER_CONFIG');
  if (dir === undefined) return;
  if (dir === null) { scope.raise('unreadable-script', 'docker reads its CLI plugins from a directory named at run time'); return; }
  const file = resolve(scope.cwd, dir, 'cli-plugins', `docker-${sub}`);
  if (scope.files.read(file).kind === 'missing') return;
  runScriptFile(scope, { value: file, tail: `docker-${sub}`, text: file, start: 0, end: 0 }, `docker ${sub} (plugin ${file})`, 'exec');
}
