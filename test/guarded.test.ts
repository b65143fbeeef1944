// The pieces of issue 11 that are pure functions: the guarded-path predicate, which project rules
// loosen, which config keys loosen, the fast path's own names, the audit log's rotation.
import { linkSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendAudit } from '../src/audit/log.js';
import { DEFAULTS } from '../src/config-file.js';
import { patchPaths } from '../src/hooks/edits.js';
import { realish } from '../src/policy/real-path.js';
import { GUARDED_PATHS, guardDirs, guardedPath, guardedSuffix, matchGuarded, type Anchor, type GuardDirs } from '../src/policy/guarded.js';
import { parsePack, type Rule } from '../src/policy/rules.js';
import { cannotHideManaged } from '../src/shell/fastpath.js';
import { configLoosening, withoutLoosening } from '../src/trust/loosening.js';
import { looseRules, mayOverlap } from '../src/trust/rules.js';
import { tempDir } from './helpers.js';

const dirs: GuardDirs = {
  config: '/home/u/.config/gitops-guard', state: '/home/u/.local/state/gitops-guard', cache: '/home/u/.cache/gitops-guard',
  home: '/home/u', xdg: '/home/u/.config', install: ['/opt/gg'], bin: ['/usr/local/bin', '/home/u/bin'], dependencies: ['yaml', '@scope/dep'],
};
/** Where each anchor of the table above starts, for samples. */
const anchorOf = (a: Anchor): string => (a === 'anywhere' ? '/p' : a === 'dependency' ? '/p/node_modules/yaml' : a === 'install' ? '/opt/gg' : a === 'bin' ? '/usr/local/bin' : dirs[a]!);

describe('guardedPath', () => {
  it.each([
    ['/p/.claude/settings.json', true], ['/p/.claude/settings.local.json', true], ['/home/u/.claude/settings.json', true],
    ['/p/.claude/commands/x.md', false], ['/p/.codex/hooks.json', true], ['/p/.codex/config.toml', true],
    ['/p/.cursor/hooks.json', true], ['/p/.cursor/rules/x.mdc', false], ['/p/.gemini/settings.json', true],
    ['/p/.github/hooks/gitops-guard.json', true], ['/p/.github/workflows/ci.yml', false], ['/p/.windsurf/hooks.json', true],
    ['/p/.clinerules/hooks/PreToolUse', true], ['/p/.clinerules/style.md', false], ['/p/.git/hooks/pre-push', true],
    ['/p/.git/hooks', true], ['/p/.git/config', true], ['/p/.git/HEAD', false], ['/p/.git/worktrees/w/config.worktree', true],
    ['/home/u/.config/gitops-guard/trusted.json', true], ['/home/u/.config/gitops-guard', true], ['/home/u/.config/other/x', false],
    ['/home/u/.local/state/gitops-guard/state.json', true], ['/home/u/.cache/gitops-guard/config-x.json', true],
    ['/etc/claude-code/managed-settings.json', true], ['/etc/windsurf/hooks.json', true], ['/etc/gemini-cli/settings.json', true],
    ['/p/src/app.ts', false], ['/p/gitops-guard.json', false], ['/p/rules/team.yaml', false], ['/p/config', false],
    // the guard's own executable, wherever the hooks may find it, and what it loads
    ['/p/node_modules/.bin/gitops-guard', true], ['/p/node_modules/.bin/gitops-guard.cmd', true], ['/p/node_modules/.bin/vitest', false],
    ['/p/node_modules/gitops-guard/dist/gitops-guard-main.cjs', true], ['/p/node_modules/gitops-guard/dist/gitops-guard-main.cache', true],
    ['/p/node_modules/gitops-guard/dist/rules.json', true], ['/p/node_modules/gitops-guard', true], ['/p/node_modules', false],
    ['/usr/lib/node_modules/gitops-guard/dist/gitops-guard.cjs', true], ['/home/u/.npm/_npx/ab12/node_modules/gitops-guard/package.json', true],
    ['/p/node_modules/.pnpm/gitops-guard@0.1.0/node_modules/gitops-guard/dist/x.cjs', true], ['/p/node_modules/gitops-guard-plugin/x', false],
    ['/p/node_modules/yaml/dist/index.js', true], ['/p/node_modules/@scope/dep/index.js', true], ['/p/node_modules/lodash/index.js', false],
    ['/opt/gg/dist/gitops-guard.cjs', true], ['/opt/gg/package.json', true], ['/opt/gg/src/guard.ts', false], ['/opt/gg', false],
    ['/usr/local/bin/gitops-guard', true], ['/home/u/bin/gitops-guard', true], ['/usr/local/bin/node', false], ['/usr/bin/gitops-guard', false],
    // git's hooks in a bare repository, and the user's and the system's git config
    ['/srv/remote.git/hooks/pre-receive', true], ['/srv/remote.git/objects/x', false],
    ['/home/u/.gitconfig', true], ['/home/u/.config/git/config', true], ['/etc/gitconfig', true], ['/home/u/x', false],
    ['/home/u', false], ['/home/u/.config', false], ['/p/.gitconfig', false],
    // git's commondir (in any repository), a linked worktree's commondir and gitdir
    ['/p/.git/commondir', true], ['/p/.git/worktrees/w/commondir', true], ['/p/.git/worktrees/w/gitdir', true],
    ['/p/.git/modules/lib/commondir', true], ['/p/.git/worktrees/w/HEAD', false], ['/p/src/commondir', false],
  ])('%s → %s', (path, guarded) => {
    expect(matchGuarded(path, dirs) !== null).toBe(guarded);
  });

  it('every pattern is reachable and says a person has to make the change', () => {
    for (const g of GUARDED_PATHS) {
      const sample = g.pattern.replace(/\*\*/g, 'x').replace(/\*/g, 'y');
      const abs = `${anchorOf(g.anchor)}/${sample}`;
      const hit = matchGuarded(abs, dirs);
      expect(hit, abs).not.toBeNull();
      expect(hit!.reason).toContain('a person has to make that change');
    }
  });

  it('normalizes .., ., repeated and trailing slashes, case, and relative paths', () => {
    const root = '/p/sub';
    expect(guardedPath('/p/sub/../.claude//settings.json/', root, dirs)?.pattern).toBe('.claude/settings*.json');
    expect(guardedPath('../.GIT/./Hooks/pre-commit', root, dirs)?.pattern).toBe('.git/hooks/**');
    expect(guardedPath('src/app.ts', root, dirs)).toBeNull();
    expect(guardedPath('/home/u/.config/gitops-guard/', root, dirs)).not.toBeNull();
  });

  it('follows symlinks, including to a path that does not exist yet and a link to the directories', () => {
    const dir = tempDir();
    mkdirSync(join(dir, '.git', 'hooks'), { recursive: true });
    symlinkSync(join(dir, '.git', 'hooks'), join(dir, 'h'));
    symlinkSync(join(dir, '.git'), join(dir, 'g'));
    expect(guardedPath(join(dir, 'h', 'pre-commit'), dir, dirs)?.reason).toContain('leads to');
    expect(guardedPath('g/config', dir, dirs)).not.toBeNull();
    const user = tempDir();
    mkdirSync(join(user, 'real-config', 'gitops-guard'), { recursive: true });
    symlinkSync(join(user, 'real-config'), join(user, 'config'));
    const d = guardDirs({ HOME: user, XDG_CONFIG_HOME: join(user, 'config') });
    expect(guardedPath(join(user, 'real-config', 'gitops-guard', 'trusted.json'), dir, d)).not.toBeNull();
  });

  it('finds a hard link of a file that a pattern ending in ** guards, at any depth (a hook, a Copilot hook)', () => {
    const dir = tempDir();
    mkdirSync(join(dir, '.git', 'hooks'), { recursive: true });
    mkdirSync(join(dir, '.github', 'hooks', 'deep'), { recursive: true });
    writeFileSync(join(dir, '.git', 'hooks', 'pre-commit'), '#!/bin/sh\n');
    writeFileSync(join(dir, '.github', 'hooks', 'deep', 'h.json'), '{}');
    writeFileSync(join(dir, 'plain.md'), 'x');
    linkSync(join(dir, '.git', 'hooks', 'pre-commit'), join(dir, 'notes.md'));
    linkSync(join(dir, '.github', 'hooks', 'deep', 'h.json'), join(dir, 'h.json'));
    linkSync(join(dir, 'plain.md'), join(dir, 'plain-too.md'));
    expect(guardedPath('notes.md', dir, dirs)?.reason).toContain("git's hooks");
    expect(guardedPath('h.json', dir, dirs)?.reason).toContain('hard link');
    // Two names of an ordinary file are no guarded file.
    expect(guardedPath('plain-too.md', dir, dirs)).toBeNull();
  });

  it('follows links as the kernel does for a write: dangling ones, chains, `link/..`, and stops at a loop', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'a', 'b'), { recursive: true });
    symlinkSync('.git/hooks/pre-commit', join(dir, 'dangling'));
    symlinkSync('dangling', join(dir, 'chain'));
    symlinkSync(join(dir, 'a', 'b'), join(dir, 'up'));
    symlinkSync('loop', join(dir, 'loop'));
    expect(realish(join(dir, 'chain'))).toBe(join(dir, '.git', 'hooks', 'pre-commit'));
    // `up/..` is a/ (where the link leads, then up), not dir/ as the spelling says.
    expect(realish(`${dir}/up/../.git/config`)).toBe(join(dir, 'a', '.git', 'config'));
    expect(realish(join(dir, 'loop', 'x'))).toBe(join(dir, 'loop', 'x'));
    expect(guardedPath('chain', dir, dirs)?.reason).toContain('leads to');
    expect(guardedPath(join(dir, 'a', 'b', 'x'), dir, dirs)).toBeNull();
  });

  it("guards the running copy only where PATH reaches it (a global install or npm link), and the packages it declares", () => {
    const dir = tempDir();
    const pkg = join(dir, 'checkout');
    mkdirSync(join(pkg, 'dist'), { recursive: true });
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'gitops-guard', dependencies: { yaml: '^2', 'shell-quote': '^1' } }));
    writeFileSync(join(pkg, 'dist', 'gitops-guard.cjs'), '');
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    // A checkout run by its path: its own build rewrites dist/, so only what it loads is guarded.
    const byPath = guardDirs({ HOME: dir, PATH: bin }, pkg);
    expect(byPath.install).toEqual([]);
    expect(byPath.dependencies).toEqual(['yaml', 'shell-quote']);
    expect(guardedPath(join(pkg, 'dist', 'gitops-guard.cjs'), dir, byPath)).toBeNull();
    expect(guardedPath('node_modules/shell-quote/index.js', dir, byPath)).not.toBeNull();
    // `npm link`: PATH's gitops-guard leads into the checkout.
    symlinkSync(join(pkg, 'dist', 'gitops-guard.cjs'), join(bin, 'gitops-guard'));
    const linked = guardDirs({ HOME: dir, PATH: `${bin}:/usr/bin` }, pkg);
    expect(linked.install).toEqual([pkg]);
    expect(guardedPath(join(pkg, 'dist', 'gitops-guard.cjs'), dir, linked)?.reason).toContain('the running gitops-guard');
    expect(guardedPath(join(bin, 'gitops-guard'), dir, linked)).not.toBeNull();
    // Another package is no guard.
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'app', dependencies: { lodash: '1' } }));
    expect(guardDirs({ HOME: dir, PATH: '' }, dir)).toMatchObject({ install: [], dependencies: [] });
  });

  it("guards the package the project's node_modules/gitops-guard links to (npm link, a file: dependency)", () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'node_modules'), { recursive: true });
    mkdirSync(join(dir, 'vendor', 'gg', 'dist'), { recursive: true });
    mkdirSync(join(dir, 'vendor', 'other', 'dist'), { recursive: true });
    symlinkSync(join(dir, 'vendor', 'gg'), join(dir, 'node_modules', 'gitops-guard'));
    expect(guardedPath('vendor/gg/dist/gitops-guard.cjs', dir, dirs)?.reason).toContain('the running gitops-guard');
    expect(guardedPath('node_modules/gitops-guard/dist/rules.json', dir, dirs)).not.toBeNull();
    expect(guardedPath('vendor/other/dist/x.cjs', dir, dirs)).toBeNull();
    expect(guardedPath('vendor/gg/src/x.ts', dir, dirs)).toBeNull();
  });

  it('matches a relative path by suffix (for hosts that correct paths), but not every path', () => {
    expect(guardedSuffix('settings.json')?.pattern).toBe('.claude/settings*.json');
    expect(guardedSuffix('hooks/pre-commit')).not.toBeNull();
    expect(guardedSuffix('src/app.ts')).toBeNull();
    expect(guardedSuffix('README.md')).toBeNull();
    // The host compares strings: the first component may end a longer name; the last is the name itself.
    expect(guardedSuffix('t/config')?.pattern).toBe('.git/config');
    expect(guardedSuffix('ngs.json')).toBeNull();
    // A tail that starts with ** (`**/hooks/**`, `**/config`) is no suffix of its own.
    for (const p of ['src/hooks/useAuthState.ts', 'tests/hooks/conftest.py', 'app/config']) expect(guardedSuffix(p), p).toBeNull();
  });
});

describe('patch envelopes', () => {
  it('lists every added, updated, deleted and moved file', () => {
    expect(patchPaths('*** Begin Patch\n*** Add File: a\n+x\n*** Update File: b\n*** Move to: c\n@@\n*** Delete File: d\n*** End Patch')).toEqual(['a', 'b', 'c', 'd']);
  });
});

const rule = (yaml: string): Rule[] => parsePack(`rules:\n${yaml}`, 'team.yaml', '/p');
const one = (id: string, decision: string, match: string) => `  - id: ${id}
    description: d
    decision: ${decision}
    match: ${match}
    message: m
    examples:
      match: [x]
`;

describe('which project rules loosen', () => {
  const builtin = rule(one('b-deny', 'deny', '{ program: [docker], path: ["compose up"] }')
    + one('b-remote', 'deny', '{ target: remote }') + one('b-event', 'ask', '{ event: [dynamic-command] }'));
  it.each([
    ['allows what a built-in denies', one('u', 'allow', '{ program: [docker], path: [compose] }'), true],
    ['asks about what a built-in denies', one('u', 'ask', '{ program: [docker] }'), true],
    ['allows on the server', one('u', 'allow', '{ program: [kubectl], target: remote }'), true],
    ['allows a dynamic command', one('u', 'allow', '{ event: [dynamic-command] }'), true],
    ['denies more', one('u', 'deny', '{ program: [terraform] }'), false],
    ['asks about something no built-in denies', one('u', 'ask', '{ program: [terraform], target: local }'), false],
    ['allows another subcommand, locally', one('u', 'allow', '{ program: [docker], path: ["compose ps"], target: local }'), false],
    ['allows an exact shorter path', one('u', 'allow', '{ program: [docker], path: ["compose$"], target: local }'), false],
  ])('%s', (_name, yaml, loosens) => {
    expect(looseRules(rule(yaml), builtin, 'suggest').length > 0).toBe(loosens);
  });

  it('a read-only rewrite loosens only where hooks apply rewrites', () => {
    const r = rule(`  - id: u
    description: d
    decision: deny
    match: { program: [ls] }
    message: m
    equivalent: { rewrite: "docker compose up -d", read_only: true }
    examples:
      match: [ls]
`);
    expect(looseRules(r, builtin, 'suggest')).toHaveLength(0);
    expect(looseRules(r, builtin, 'apply')).toHaveLength(1);
  });

  it('overlap is symmetric on these specs', () => {
    const a = { program: ['docker'], path: ['compose *'], target: 'any' as const };
    const b = { program: ['docker'], path: ['compose up$'], target: 'local' as const };
    expect(mayOverlap(a, b)).toBe(true);
    expect(mayOverlap(b, a)).toBe(true);
    expect(mayOverlap({ ...a, facts: ['writes-file'] }, { ...b, not_facts: ['writes-file'] })).toBe(false);
  });
});

describe('which config keys loosen', () => {
  it('compares with the baseline and ignores only what loosens', () => {
    const project = { ...DEFAULTS, builtinRules: false, remoteAllow: ['kubectl get'], disabledRules: ['x'], branch: 'prod', commitPrefix: 'ship: ' };
    const keys = configLoosening(project, DEFAULTS).map((l) => l.key);
    expect(keys).toEqual(['builtinRules', 'disabledRules', 'remoteAllow', 'protectedBranches']);
    const kept = withoutLoosening(project, DEFAULTS);
    expect(kept).toMatchObject({ builtinRules: true, remoteAllow: [], disabledRules: [], commitPrefix: 'ship: ', protectedBranches: ['prod', 'main'] });
    // What the baseline itself allows is no loosening.
    expect(configLoosening(project, { ...DEFAULTS, builtinRules: false, remoteAllow: ['kubectl get'], disabledRules: ['x'], protectedBranches: [] })).toEqual([]);
    expect(configLoosening({ ...DEFAULTS, mcpReadOnly: false }, { ...DEFAULTS, mcpReadOnly: true })[0]!.key).toBe('mcpReadOnly');
  });
});

describe('the fast path and the guard-self pack', () => {
  it('no command of the pack is let through unread by the parser-free fast path (names derived from the built rules)', () => {
    const pack = parsePack(readFileSync(join(import.meta.dirname, '..', 'rules', '05-guard-self.yaml'), 'utf8'), '05-guard-self.yaml', '.');
    const commands = pack.flatMap((r) => r.examples.match.map((e) => e.command));
    expect(commands.length).toBeGreaterThan(10);
    for (const c of commands) expect(cannotHideManaged(c), c).toBe(false);
  });

  it('a plain redirection into any guarded path goes to the classifier (guarded-file\'s keywords cover the table)', () => {
    // Where each anchor usually is for an installed guard: a global npm prefix for its package and executable.
    const where: Record<Anchor, string> = { ...Object.fromEntries((['anywhere', 'config', 'state', 'cache', 'home', 'xdg'] as const).map((a) => [a, anchorOf(a)])),
      install: '/usr/lib/node_modules/gitops-guard', bin: '/usr/local/bin', dependency: '/usr/lib/node_modules/gitops-guard/node_modules/yaml' } as Record<Anchor, string>;
    for (const g of GUARDED_PATHS) {
      const sample = `${where[g.anchor]}/${g.pattern.replace(/\*\*/g, 'x').replace(/\*/g, '')}`.replace(/\/x$/, '/y');
      expect(cannotHideManaged(`echo x > ${sample}`), sample).toBe(false);
      expect(cannotHideManaged(`echo x > ${sample.replace(dirs.home!, '~')}`), sample).toBe(false);
    }
  });
});

describe('audit log rotation', () => {
  it('rotates at the limit, keeps the newest rotated files, and every line is whole', () => {
    const state = tempDir();
    const env = { HOME: state, XDG_STATE_HOME: state, GITOPS_GUARD_AUDIT_MAX_BYTES: '1000', GITOPS_GUARD_AUDIT_KEEP: '2' };
    for (let i = 0; i < 40; i++) {
      expect(appendAudit({ time: new Date().toISOString(), host: 'claude', cwd: '/p', command: `docker restart w${i}`, decision: 'deny', rules: ['container-restart'] }, env)).toBeNull();
    }
    const dir = join(state, 'gitops-guard');
    const files = readdirSync(dir).sort();
    expect(files.filter((f) => f !== 'audit.jsonl')).toHaveLength(2);
    const lines = files.flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean));
    for (const l of lines) expect(JSON.parse(l).host).toBe('claude');
    expect(lines.map((l) => JSON.parse(l).command)).toContain('docker restart w39');
  });

  it('cuts a very long command so that a record stays one small write', () => {
    const state = tempDir();
    writeFileSync(join(state, 'x'), '');
    appendAudit({ time: 't', host: 'claude', cwd: '/', command: 'x'.repeat(100_000), decision: 'deny', rules: [] }, { XDG_STATE_HOME: state });
    const text = readFileSync(join(state, 'gitops-guard', 'audit.jsonl'), 'utf8');
    expect(text.length).toBeLessThan(5000);
    expect(JSON.parse(text).command).toContain('(100000 characters)');
  });
});

describe('init widens the matcher of an older install', () => {
  it('Claude: an entry of ours matching only Bash now matches the edit tools too; others are kept', async () => {
    const { claude } = await import('../src/hooks/claude.js');
    const old = JSON.stringify({ hooks: { PreToolUse: [
      { matcher: 'Edit', hooks: [{ type: 'command', command: 'prettier --check' }] },
      { matcher: 'Bash', hooks: [{ type: 'command', command: 'gitops-guard hook claude' }] },
    ] } });
    const merged = JSON.parse(claude.install.merge(old, 'gitops-guard hook claude'));
    expect(merged.hooks.PreToolUse.map((e: { matcher: string }) => e.matcher)).toEqual(['Edit', 'Bash|Write|Edit|MultiEdit|NotebookEdit']);
    expect(claude.install.merge(JSON.stringify(merged, null, 2) + '\n', 'gitops-guard hook claude')).toBe(JSON.stringify(merged, null, 2) + '\n');
  });
});
