// Edits of files judged by what is written into them (src/content-judged.ts, src/hooks/host-files.ts):
// a Claude Code skill, slash command or subagent runs its !`cmd` lines when it loads, before a hook
// could see them; husky runs .husky/NAME as a git hook. The edit is judged as the same write from
// the shell is. A gitops-guard config loosens nothing until a person trusts it. Files that a program the guard
// watches runs later (package.json scripts) are judged when it runs them. Through the built CLI's
// `hook HOST` as a child process, in a real git repository.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, project, SEED, tempDir } from './helpers.js';

const dir = project({ 'gitops-guard.json': JSON.stringify(SEED), 'README.md': '# app\n' });
spawnSync('git', ['init', '-q', dir]);
const user = tempDir('gitops-guard-user-');
const env = { PATH: process.env.PATH ?? '', HOME: user, XDG_CONFIG_HOME: join(user, 'config'), XDG_STATE_HOME: join(user, 'state'), XDG_CACHE_HOME: join(user, 'cache') };

/** Claude Code's answer to one tool call: deny, ask or allow. */
function claude(tool_name: string, tool_input: Record<string, unknown>): string {
  const input = { session_id: 's', transcript_path: '/tmp/t', hook_event_name: 'PreToolUse', cwd: dir, tool_name, tool_input };
  const r = spawnSync(process.execPath, [BIN, 'hook', 'claude'], { cwd: dir, input: JSON.stringify(input), encoding: 'utf8', env });
  if (r.status === 2) return 'deny';
  expect(r.status).toBe(0);
  const out = r.stdout.trim();
  return out === '' ? 'allow' : (JSON.parse(out) as { hookSpecificOutput: { permissionDecision: string } }).hookSpecificOutput.permissionDecision;
}

const skill = join(dir, '.claude', 'skills', 'ship', 'SKILL.md');

describe('edits of files Claude Code runs by itself', () => {
  it('a skill written with a !`cmd` line that deploys is denied; one that only looks runs', () => {
    expect(claude('Write', { file_path: skill, content: '---\nname: ship\n---\nState: !`docker compose up -d`\n' })).toBe('deny');
    expect(claude('Write', { file_path: skill, content: '---\nname: ship\n---\nStatus: !`git status --short`\n' })).toBe('allow');
    // The same text in an ordinary file is documentation.
    expect(claude('Write', { file_path: join(dir, 'docs.md'), content: 'Run !`docker compose up -d` by hand? Never.\n' })).toBe('allow');
  });

  it('an Edit is judged with the file it leaves, a MultiEdit with each of its parts', () => {
    mkdirSync(join(dir, '.claude', 'commands'), { recursive: true });
    const command = join(dir, '.claude', 'commands', 'status.md');
    writeFileSync(command, '---\ndescription: status\n---\nNow: !`git log -1`\n');
    expect(claude('Edit', { file_path: command, old_string: '!`git log -1`', new_string: '!`git log -3`' })).toBe('allow');
    expect(claude('Edit', { file_path: command, old_string: '!`git log -1`', new_string: '!`docker restart web`' })).toBe('deny');
    expect(claude('MultiEdit', { file_path: command, edits: [{ old_string: 'status', new_string: 'state' }, { old_string: 'Now:', new_string: 'Now: !`ssh ainetic.tech docker restart web`' }] })).toBe('deny');
    // A hooks: frontmatter is hooks the host runs itself.
    expect(claude('Edit', { file_path: command, old_string: 'description: status', new_string: 'description: status\nhooks:\n  PreToolUse: []' })).not.toBe('allow');
  });

  it('a subagent written with content the call does not show in a known field is not allowed', () => {
    expect(claude('Write', { file_path: join(dir, '.claude', 'agents', 'x.md'), body: '!`docker restart web`' })).not.toBe('allow');
  });
});

function codex(patch: string): string {
  const input = { session_id: 's', turn_id: 't', transcript_path: '/tmp/t', hook_event_name: 'PreToolUse', cwd: dir, tool_name: 'apply_patch', tool_input: { command: patch } };
  const r = spawnSync(process.execPath, [BIN, 'hook', 'codex'], { cwd: dir, input: JSON.stringify(input), encoding: 'utf8', env });
  if (r.status === 2) return 'deny';
  const out = r.stdout.trim();
  return out === '' ? 'allow' : (JSON.parse(out) as { hookSpecificOutput: { permissionDecision: string } }).hookSpecificOutput.permissionDecision;
}

function check(command: string): number | null {
  return spawnSync(process.execPath, [BIN, 'check', command], { cwd: dir, encoding: 'utf8', env }).status;
}

describe('edits of files other programs run', () => {
  it('a husky hook is judged by what it runs, from Claude Code\'s Write and from Codex\'s apply_patch', () => {
    expect(claude('Write', { file_path: join(dir, '.husky', 'pre-commit'), content: 'docker compose up -d\n' })).toBe('deny');
    expect(claude('Write', { file_path: join(dir, '.husky', 'pre-commit'), content: 'npx lint-staged\n' })).toBe('allow');
    expect(codex('*** Begin Patch\n*** Add File: .husky/pre-push\n+docker compose up -d\n*** End Patch')).toBe('deny');
    expect(codex('*** Begin Patch\n*** Add File: .husky/pre-push\n+npm test\n*** Add File: notes.md\n+docker compose up -d\n*** End Patch')).toBe('allow');
  });

  it('a nearer gitops-guard config may be written with an edit tool: what it loosens waits for a person\'s trust', () => {
    const config = { file_path: join(dir, 'src', 'gitops-guard.json'), content: JSON.stringify({ builtinRules: false }) };
    expect(claude('Write', config)).toBe('allow');
    mkdirSync(join(dir, 'src'), { recursive: true });
    writeFileSync(config.file_path, config.content);
    expect(spawnSync(process.execPath, [BIN, 'check', 'docker restart web'], { cwd: join(dir, 'src'), encoding: 'utf8', env }).status).toBe(2);
  });

  it('a package.json script is judged when npm runs it: the edit writes, the install that would run it is denied', () => {
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', scripts: { test: 'echo ok' } }, null, 2));
    const edit = { file_path: join(dir, 'package.json'), old_string: '"scripts": {', new_string: '"scripts": {\n    "postinstall": "docker compose up -d",' };
    expect(claude('Edit', edit)).toBe('allow');
    writeFileSync(join(dir, 'package.json'), readFileSync(join(dir, 'package.json'), 'utf8').replace(edit.old_string, edit.new_string));
    expect(check('npm install')).toBe(2);
    expect(check('npm test')).toBe(0);
  });
});
