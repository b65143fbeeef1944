// Interactive shells for real: a bash, a zsh and a fish session in tmux source `gitops-guard shell-init`,
// then a forbidden command and allowed ones are typed at the prompt. The `docker` on the session's
// PATH is a stand-in (no Docker engine runs here) that records each call in a file.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, project, SEED } from './helpers.js';
import { quickNames } from '../src/cli/shell-init.js';
import { builtinRules } from '../src/policy/builtin.js';
import type { FastPathNames } from '../src/shell/fastpath.js';

const SOCKET = `gitops-guard-test-${process.pid}`;

const tmux = (...args: string[]): string => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

afterAll(() => {
  try { tmux('kill-server'); } catch { /* already gone */ }
});

/** Each session gets its own name: killing the last one and starting the next under the same name
 * races with the tmux server's exit ("server exited unexpectedly"). Earlier sessions end with the server. */
let sessions = 0;

async function waitFor(path: string, target: string, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (!existsSync(path)) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${path}:\n${tmux('capture-pane', '-p', '-t', target)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function session(shell: 'bash' | 'zsh' | 'fish') {
  const dir = project({ 'gitops-guard.json': JSON.stringify(SEED), 'bin/.keep': '' });
  const bin = join(dir, 'bin');
  const calls = join(dir, 'docker-calls');
  writeFileSync(join(bin, 'docker'), `#!/bin/sh\n# docker stand-in: records the call\necho "$*" >> ${calls}\n`);
  chmodSync(join(dir, 'bin', 'docker'), 0o755);
  // Stand-ins for other managed programs, recording `name args` (no Kubernetes or kamal here).
  const others = join(dir, 'other-calls');
  for (const p of ['helm', 'argocd', 'kamal']) {
    writeFileSync(join(bin, p), `#!/bin/sh\n# ${p} stand-in: records the call\necho "${p} $*" >> ${others}\n`);
    chmodSync(join(bin, p), 0o755);
  }
  const argv = { bash: 'bash --norc --noprofile -i', zsh: 'zsh -f -i', fish: 'fish --no-config -i' }[shell];
  const name = `sh${++sessions}`;
  tmux('new-session', '-d', '-s', name, '-x', '200', '-y', '50',
    `env -i HOME=${dir} PATH=${bin}:/usr/bin:/bin TERM=xterm ${argv}`);
  let n = 0;
  /** Type a line, then a marker command, and wait until the marker shows the line was handled. */
  const type = async (line: string): Promise<void> => {
    tmux('send-keys', '-t', name, '-l', line);
    tmux('send-keys', '-t', name, 'Enter');
    if (shell !== 'bash') tmux('send-keys', '-t', name, 'C-u'); // a refused line stays in zsh's and fish's buffer
    const marker = join(dir, `sync-${++n}`);
    tmux('send-keys', '-t', name, '-l', `touch ${marker}`);
    tmux('send-keys', '-t', name, 'Enter');
    await waitFor(marker, name);
  };
  const docker = (): string[] => (existsSync(calls) ? readFileSync(calls, 'utf8').trim().split('\n').filter(Boolean) : []);
  /** Type a line with no marker after it (for a line after which nothing can be checked). */
  const send = (line: string): void => { tmux('send-keys', '-t', name, '-l', line); tmux('send-keys', '-t', name, 'Enter'); };
  const other = (): string[] => (existsSync(others) ? readFileSync(others, 'utf8').trim().split('\n').filter(Boolean) : []);
  /** Type a line and end it with these keys instead of Enter (zsh's Ctrl-O, ESC a), then wait as `type` does. */
  const press = async (line: string, ...keys: string[]): Promise<void> => {
    tmux('send-keys', '-t', name, '-l', line);
    tmux('send-keys', '-t', name, ...keys);
    tmux('send-keys', '-t', name, 'C-u');
    await type(':');
  };
  return { dir, type, send, press, docker, other, screen: () => tmux('capture-pane', '-p', '-t', name) };
}

describe.each(['bash', 'zsh', 'fish'] as const)('shell-init %s in a real %s session', (shell) => {
  it('stops a forbidden command before it runs, prints the reason and the rewrite, and runs allowed ones', async () => {
    const s = session(shell);
    await s.type(shell === 'fish' ? `cd ${s.dir}; and ${process.execPath} ${BIN} shell-init fish | source`
      : `cd ${s.dir} && eval "$(${process.execPath} ${BIN} shell-init ${shell})"`);
    await s.type('docker compose restart gateway');
    expect(s.docker()).toEqual([]);
    expect(s.screen()).toContain('rewrite: git commit --allow-empty -m "deploy: restart gateway" && git push');
    await s.type(`echo ran > ${join(s.dir, 'allowed')}`);
    expect(readFileSync(join(s.dir, 'allowed'), 'utf8')).toBe('ran\n');
    await s.type('docker --version');
    expect(s.docker()).toEqual(['--version']);
    await s.type('ssh -V 2>/dev/null; docker ps');
    expect(s.docker()).toEqual(['--version']);
    expect(s.screen()).toContain('ssh ainetic.tech "docker ps"');
  }, 60_000);
});

describe.each(['bash', 'zsh', 'fish'] as const)('shell-init %s: the quick filter and the environment of the check', (shell) => {
  const init = (s: ReturnType<typeof session>): string => (shell === 'fish'
    ? `cd ${s.dir}; and ${process.execPath} ${BIN} shell-init fish | source`
    : `cd ${s.dir} && eval "$(${process.execPath} ${BIN} shell-init ${shell})"`);

  it('checks plain-word commands of every managed program the rules name (the fast path\'s names), and lets look-alikes run', async () => {
    const s = session(shell);
    await s.type(init(s));
    await s.type('helm uninstall web');
    await s.type('argocd app delete web');
    await s.type('kamal deploy');
    expect(s.other()).toEqual([]);
    await s.type('helm version');
    await s.type('argocd app list');
    expect(s.other()).toEqual(['helm version', 'argocd app list']);
  }, 60_000);

  it('checks plain-word commands that only a project\'s own rule pack names, in that project and not outside it', async () => {
    const s = session(shell);
    // A project beside the session's: its config adds a pack that denies `terraform apply` (terraform is a stand-in).
    const team = join(s.dir, 'team');
    mkdirSync(join(team, 'sub'), { recursive: true });
    writeFileSync(join(team, 'gitops-guard.json'), JSON.stringify({ ...SEED, rules: ['team.yaml'] }));
    writeFileSync(join(team, 'team.yaml'), [
      'rules:', '  - id: no-terraform-apply', '    description: terraform apply by hand', '    decision: deny',
      '    match: { program: [terraform], path: [apply] }', '    message: Apply through git.',
      '    examples: { match: [terraform apply], not_match: [terraform plan] }', ''].join('\n'));
    writeFileSync(join(s.dir, 'bin', 'terraform'), `#!/bin/sh\n# terraform stand-in: records the call\necho "terraform $*" >> ${join(s.dir, 'other-calls')}\n`);
    chmodSync(join(s.dir, 'bin', 'terraform'), 0o755);
    await s.type(init(s));
    await s.type('terraform apply');
    expect(s.other()).toEqual(['terraform apply']);
    await s.type(`cd ${join(team, 'sub')}`);
    await s.type('terraform apply');
    await s.type('terraform plan');
    expect(s.other()).toEqual(['terraform apply', 'terraform plan']);
    expect(s.screen()).toContain('no-terraform-apply');
    await s.type(`cd ${s.dir}`);
    await s.type('terraform apply');
    expect(s.other()).toEqual(['terraform apply', 'terraform plan', 'terraform apply']);
  }, 60_000);

  it('runs the check without the prompt\'s NODE_OPTIONS: a --require of the agent\'s file does not decide', async () => {
    const s = session(shell);
    // Loaded by every node process that takes NODE_OPTIONS: it ends the check with "allowed".
    writeFileSync(join(s.dir, 'index.js'), 'process.exit(0);\n');
    await s.type(init(s));
    await s.type(shell === 'fish' ? 'set -gx NODE_OPTIONS --require=./index.js' : 'export NODE_OPTIONS=--require=./index.js');
    await s.type(shell === 'fish' ? 'set -gx NODE_PATH .' : 'export NODE_PATH=.');
    await s.type('docker restart web');
    expect(s.docker()).toEqual([]);
    expect(s.screen()).toContain('docker restart web');
    await s.type('docker --version');
    expect(s.docker()).toEqual(['--version']);
  }, 60_000);
});

describe('shell-init bash specifics', () => {
  it('a NODE_ variable the check cannot be run without (readonly) stops the command', async () => {
    const s = session('bash');
    await s.type(`cd ${s.dir} && eval "$(${process.execPath} ${BIN} shell-init bash)"`);
    s.send('declare -rx NODE_OPTIONS=--require=./index.js');
    s.send('docker --version');
    // Every later command is refused until the person switches the guard off (its own function runs).
    await s.type('__gitops_guard_off');
    expect(s.docker()).toEqual([]);
    expect(s.screen()).toContain('could not check this command');
    expect(s.screen()).toContain('cannot clear NODE_OPTIONS');
  }, 60_000);

  it('also catches a line that history does not record (leading space) and commands in substitutions', async () => {
    const s = session('bash');
    await s.type(`HISTCONTROL=ignorespace; cd ${s.dir} && eval "$(${process.execPath} ${BIN} shell-init bash)"`);
    await s.type(' docker restart web');
    await s.type('x=$(docker restart web)');
    expect(s.docker()).toEqual([]);
    await s.type('__gitops_guard_off');
    await s.type('docker restart web');
    expect(s.docker()).toEqual(['restart web']);
  }, 60_000);
});

describe('shell-init heals itself (bash)', () => {
  const init = (dir: string): string => `cd ${dir} && eval "$(${process.execPath} ${BIN} shell-init bash)"`;

  it('a prompt hook that turns functrace off (set +T) does not let a function run unchecked: the trap turns it back on', async () => {
    const s = session('bash');
    // PROMPT_COMMAND runs with the guard disarmed: every prompt switches functrace off again.
    await s.type(`PROMPT_COMMAND='set +T'; ${init(s.dir)}`);
    await s.type('f() { docker restart web; }');
    await s.type('f');
    expect(s.docker()).toEqual([]);
    expect(s.screen()).toContain('git commit --allow-empty -m "deploy: restart web"');
  }, 60_000);

  it('PS0 replaced by a line the check lets through (read sets it) is armed again at the next prompt', async () => {
    const s = session('bash');
    await s.type(init(s.dir));
    await s.type("read -r PS0 <<< ':'");
    await s.type('docker restart web');
    expect(s.docker()).toEqual([]);
    await s.type('docker --version');
    expect(s.docker()).toEqual(['--version']);
  }, 60_000);
});

describe('shell-init bash: the guard\'s own state cannot be changed from its prompt', () => {
  const init = (dir: string): string => `cd ${dir} && eval "$(${process.execPath} ${BIN} shell-init bash)"`;

  it('its functions are read-only (a definition never reaches the DEBUG trap) and its variables are judged', async () => {
    const s = session('bash');
    await s.type(init(s.dir));
    await s.type('__gitops_guard_trap() { return 0; }');
    await s.type('docker restart web');
    await s.type('__gitops_guard_armed=0; docker restart web');
    await s.type('read __gitops_guard_armed <<< 0; docker restart web');
    await s.type('__gitops_guard_cmd=(true)');
    await s.type('docker restart web');
    expect(s.docker()).toEqual([]);
    await s.type('docker --version');
    expect(s.docker()).toEqual(['--version']);
  }, 90_000);

  it('the off switch acts at the next prompt: nothing after it on its line runs unchecked; sourced again, the guard is on', async () => {
    const s = session('bash');
    await s.type(init(s.dir));
    await s.type('__gitops_guard_off; docker restart web');
    expect(s.docker()).toEqual([]);
    await s.type('docker ps');
    expect(s.docker()).toEqual(['ps']);
    await s.type(init(s.dir));
    await s.type('docker restart web');
    expect(s.docker()).toEqual(['ps']);
  }, 90_000);
});

describe('shell-init zsh: the line as zsh runs it', () => {
  it('checks a command continued over lines as a whole, and a history reference as what it expands to', async () => {
    const s = session('zsh');
    await s.type(`cd ${s.dir} && eval "$(${process.execPath} ${BIN} shell-init zsh)"`);
    s.send('doc\\');
    // Refused, the continued command stays open: Ctrl-C drops it.
    await s.press('ker restart web', 'Enter', 'C-c');
    expect(s.docker()).toEqual([]);
    await s.type('docker --version');
    await s.type('!docker');
    expect(s.docker()).toEqual(['--version', '--version']);
    // A history substitution makes a forbidden line of an allowed one.
    await s.type('!docker:s/--version/restart web/');
    expect(s.docker()).toEqual(['--version', '--version']);
  }, 90_000);
});

describe('shell-init zsh: every widget that accepts a line', () => {
  it('checks a line run with Ctrl-O (accept-line-and-down-history) and ESC a (accept-and-hold), and runs an allowed one', async () => {
    const s = session('zsh');
    await s.type(`cd ${s.dir} && eval "$(${process.execPath} ${BIN} shell-init zsh)"`);
    await s.press('docker restart web', 'C-o');
    await s.press('docker restart web', 'M-a');
    expect(s.docker()).toEqual([]);
    await s.press('docker --version', 'M-a');
    expect(s.docker()).toEqual(['--version']);
  }, 60_000);
});

describe.each(['bash', 'zsh'] as const)('shell-init %s: a shell started without the guard is a person\'s decision', (shell) => {
  it('refuses `sh` and a shell that skips its startup file, so what is typed next is still checked', async () => {
    const s = session(shell);
    await s.type(`cd ${s.dir} && eval "$(${process.execPath} ${BIN} shell-init ${shell})"`);
    // Run, either would read the next lines itself, unguarded.
    await s.type(shell === 'bash' ? 'bash --norc' : 'zsh -f');
    await s.type('docker restart web');
    await s.type('sh');
    await s.type('docker restart web');
    expect(s.docker()).toEqual([]);
    expect(s.screen()).toContain('starts an interactive shell');
  }, 60_000);
});

describe('shell-init fish specifics', () => {
  it('judges a whole block typed on one line, and is switched off with __gitops_guard_off', async () => {
    const s = session('fish');
    await s.type(`cd ${s.dir}; and ${process.execPath} ${BIN} shell-init fish | source`);
    await s.type('begin; echo one; docker restart web; end');
    expect(s.docker()).toEqual([]);
    await s.type('__gitops_guard_off');
    await s.type('docker restart web');
    expect(s.docker()).toEqual(['restart web']);
  }, 60_000);
});

describe('shell-init names the rules know', () => {
  it('every function and variable a snippet defines is one guard-self-redefine asks about', async () => {
    const rules = await builtinRules();
    const listed = new Set(rules.find((r) => r.id === 'guard-self-redefine')!.match.program);
    const defined = new Set<string>();
    for (const shell of ['bash', 'zsh', 'fish']) {
      const text = execFileSync(process.execPath, [BIN, 'shell-init', shell], { encoding: 'utf8' });
      for (const m of text.matchAll(/__gitops_guard_[a-z0-9_]*/g)) defined.add(m[0]);
    }
    defined.delete('__gitops_guard_off');
    expect(defined.size).toBeGreaterThan(10);
    expect([...defined].filter((n) => !listed.has(n))).toEqual([]);
  });
});

describe('shell-init quick filter names', () => {
  it('are the fast path\'s derived names (dist/fastpath.json): each one the filter\'s characters can spell sends the text to the check', () => {
    const stored = JSON.parse(readFileSync(join(BIN, '..', 'fastpath.json'), 'utf8')) as FastPathNames;
    const re = new RegExp(quickNames());
    const all = [...stored.rules.names, ...stored.rules.guarded.map((g) => g.program), ...stored.shell.runners,
      ...stored.shell.wrappers, ...stored.shell.guarded.map((g) => g.program)]
      .map((n) => n.toLowerCase()).filter((n) => /^[a-z0-9_=:,. -]+$/.test(n));
    expect(all.length).toBeGreaterThan(100);
    for (const n of all) expect(re.test(`${n} x`), n).toBe(true);
    for (const n of ['helm', 'argocd', 'kamal', 'kubectl', 'docker', 'path=', '. x']) expect(re.test(n), n).toBe(true);
    for (const plain of ['ls -la', 'cat notes.txt', 'echo hi', 'mkdir -p out']) expect(re.test(plain), plain).toBe(false);
  });
});
