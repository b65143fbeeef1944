// The managed family: the programs the policy is about get their facts parsed here, once, and
// carried on the invocation (container CLIs with their engine, transfers, git with its pushes).
// Git commands that run other commands are read too.
import { getopt } from '../getopt.js';
import type { ProgramFacts } from '../invocation.js';
import { CONTAINER_CLIS, parseContainer } from '../programs/container.js';
import { configValue, parseGit, parseGitPush, type GitCommand } from '../programs/git.js';
import { parseRsync, parseScp, parseSftp, parseSshfs, remotePathOf } from '../programs/transfer.js';
import { argOf, type Word } from '../words.js';
import type { Scope } from './driver.js';
import { readLocal, stdinText } from './output.js';

export function managedFamily(scope: Scope, name: string, args: readonly Word[]): boolean {
  const values = args.map(argOf);
  if (CONTAINER_CLIS.has(name)) {
    const container = parseContainer(name, values, scope.env);
    const engine = container.engineHost;
    scope.emit(scope.argv, name, {
      facts: { kind: 'container', container },
      ...(engine === undefined ? {} : { target: { kind: 'remote', host: engine ?? '?' } }),
    });
    return true;
  }
  let facts: ProgramFacts | null = null;
  switch (name) {
    case 'scp': facts = { kind: 'transfer', transfer: parseScp(values) }; break;
    case 'sshfs': facts = { kind: 'transfer', transfer: parseSshfs(values) }; break;
    case 'sftp': {
      const batch = (p: string): string | null => {
        if (p !== '-') return readLocal(scope, p, scope.cwd);
        const s = stdinText(scope, scope.stdin, 'sftp -b -');
        return s.kind === 'text' ? s.text : null;
      };
      facts = { kind: 'transfer', transfer: parseSftp(values, batch) };
      break;
    }
    case 'rsync': {
      const transfer = parseRsync(values);
      facts = { kind: 'transfer', transfer };
      rsyncHooks(scope, transfer.scan.options, values);
      break;
    }
    case 'git': case 'git-push': case 'git-send-pack': {
      const words = name === 'git' ? values : [name === 'git-push' ? 'push' : 'send-pack', ...values];
      const git = parseGit(words, scope.env);
      facts = gitFacts(scope, git);
      if (facts === null) return true;
      break;
    }
    default: return false;
  }
  scope.emit(scope.argv, name === 'git-push' || name === 'git-send-pack' ? 'git' : name, { facts });
  return true;
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
      else scope.nested(o.value, `rsync --rsync-path on ${host}`, { target: { kind: 'remote', host }, spliceable: false, env: new Map() });
    }
  }
}

/** Configuration keys whose value is a command git runs (through a shell). */
const GIT_COMMAND_KEYS = [/^core\.(pager|editor|sshcommand|fsmonitor|askpass|gitproxy)$/, /^pager\./, /^alias\./,
  /^diff\.external$/, /^diff\..+\.(command|textconv)$/, /^filter\..+\.(clean|smudge|process)$/, /^merge\..+\.driver$/,
  /^sequence\.editor$/, /^gpg(\.ssh|\.x509|\.openpgp)?\.program$/, /^credential(\..+)?\.helper$/, /^uploadpack\.packobjectshook$/,
  /^remote\..+\.(receivepack|uploadpack|proxy)$/, /^(difftool|mergetool)\..+\.cmd$/, /^web\.browser$/, /^browser\..+\.cmd$/,
  /^interactive\.difffilter$/, /^sendemail\.(tocmd|cccmd|smtpserver)$/, /^core\.hookspath$/, /^include\.path$/, /^includeif\./];
/** Environment variables whose value is a command git (or ssh under it) runs. */
const GIT_COMMAND_ENV = ['GIT_PAGER', 'PAGER', 'GIT_EDITOR', 'EDITOR', 'VISUAL', 'GIT_SSH_COMMAND', 'GIT_SSH', 'GIT_EXTERNAL_DIFF',
  'GIT_ASKPASS', 'SSH_ASKPASS', 'GIT_PROXY_COMMAND', 'GIT_SEQUENCE_EDITOR', 'LESSOPEN', 'LESSCLOSE'];

/** git subcommands and the options that hand git a command to run. */
const GIT_RUNS: Record<string, { option?: readonly string[]; operands?: number; argv?: number }> = {
  'submodule': { operands: 1 },
  'rebase': { option: ['--exec', '-x'] },
  'difftool': { option: ['--extcmd', '-x'] },
  'bisect': { argv: 1 },
  'filter-branch': { option: ['--tree-filter', '--index-filter', '--msg-filter', '--commit-filter', '--env-filter', '--parent-filter', '--tag-name-filter'] },
  'fetch': { option: ['--upload-pack'] }, 'clone': { option: ['--upload-pack', '-u'] }, 'pull': { option: ['--upload-pack'] },
  'ls-remote': { option: ['--upload-pack'] }, 'archive': { option: ['--exec'] }, 'push': { option: ['--receive-pack', '--exec'] },
  'send-pack': { option: ['--receive-pack', '--exec'] },
};

function gitFacts(scope: Scope, git: GitCommand): ProgramFacts | null {
  if (git.dynamic) scope.raise('dynamic-command', 'git configuration for this run is computed at run time');
  for (const c of git.config) {
    if (c.value === null || !GIT_COMMAND_KEYS.some((k) => k.test(c.key))) continue;
    if (c.key.startsWith('alias.') && !(c.value.startsWith('!') && git.alias === c.key.slice(6))) continue;
    if (c.key.startsWith('alias.')) continue; // the expanded shell alias is read below
    if (/^(core\.hookspath|include\.path|includeif\.)/.test(c.key)) {
      scope.raise('unreadable-script', `\`git -c ${c.key}=…\` makes git run hooks or read configuration from ${c.value}`);
      continue;
    }
    const value = c.key.startsWith('credential') && !c.value.startsWith('!') ? `git-credential-${c.value}` : c.value.replace(/^!/, '');
    scope.nested(value, `git -c ${c.key}`, { spliceable: false });
  }
  for (const v of GIT_COMMAND_ENV) {
    const value = scope.env.get(v);
    if (value === undefined) continue;
    if (value === null) { scope.raise('dynamic-command', `${v} is computed at run time`); continue; }
    scope.nested(value, v, { spliceable: false });
  }
  if (git.shellAlias !== undefined) scope.nested(git.shellAlias, `git ${git.alias ?? ''}`.trim());
  const sub = git.sub;
  const runs = sub === null ? undefined : GIT_RUNS[sub];
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
  // ext:: URLs run a command to reach the "remote".
  for (const a of git.args) {
    if (a !== null && a.startsWith('ext::')) scope.nested(a.slice(5).replace(/%(.)/g, (_m, c: string) => (c === 'S' ? 'git-upload-pack' : c === 's' ? ' ' : c)).replace(/%/g, ''), 'git ext::', { spliceable: false });
  }
  if (sub === 'push' || sub === 'send-pack') {
    const push = parseGitPush(git);
    return { kind: 'git', git, push };
  }
  void configValue;
  return { kind: 'git', git };
}
