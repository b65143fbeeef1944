// gitops-guard init on temporary projects that already hold settings with other hooks: merges,
// keeps what is there, is idempotent, asks (or refuses without a terminal), --dry-run writes
// nothing; and the installed hook commands really run, and block when gitops-guard is missing.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, project } from './helpers.js';


function init(dir: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, 'init', '--cwd', dir, ...args], { encoding: 'utf8', input: '' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const EXISTING = {
  '.git/HEAD': 'ref: refs/heads/main\n',
  '.claude/settings.json': JSON.stringify({ permissions: { allow: ['Bash(npm test)'] }, hooks: { PreToolUse: [{ matcher: 'Edit', hooks: [{ type: 'command', command: 'prettier --check' }] }], Stop: [{ hooks: [{ type: 'command', command: 'notify' }] }] } }),
  '.cursor/hooks.json': JSON.stringify({ version: 1, hooks: { afterFileEdit: [{ command: 'fmt' }], beforeShellExecution: [{ command: 'audit-log' }] } }),
  '.gemini/settings.json': JSON.stringify({ theme: 'Dracula', hooks: { AfterTool: [{ matcher: '*', hooks: [{ type: 'command', command: 'log' }] }] } }),
  '.codex/hooks.json': JSON.stringify({ hooks: { Stop: [{ hooks: [{ type: 'command', command: 'bell' }] }] } }),
  '.github/hooks/audit.json': JSON.stringify({ version: 1, hooks: { postToolUse: [{ type: 'command', bash: 'audit' }] } }),
  '.windsurf/hooks.json': JSON.stringify({ hooks: { post_write_code: [{ command: 'lint' }] } }),
  '.clinerules/rules.md': '# rules\n',
  '.mcp.json': JSON.stringify({ mcpServers: { other: { command: 'other-mcp' } } }),
  'server/docker-compose.yml': 'services: {}\n',
};

const json = (dir: string, file: string): any => JSON.parse(readFileSync(join(dir, file), 'utf8'));

describe('gitops-guard init', () => {
  it('detects every host, merges into existing settings, and keeps what was there', () => {
    const dir = project(EXISTING);
    const r = init(dir, '--yes', '--host', 'ainetic.tech', '--remote-path', '/root/projects/CodeFoundry');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('for claude, codex, cursor, gemini, copilot, windsurf, cline');

    const claude = json(dir, '.claude/settings.json');
    expect(claude.permissions).toEqual({ allow: ['Bash(npm test)'] });
    expect(claude.hooks.Stop).toHaveLength(1);
    expect(claude.hooks.PreToolUse.map((e: any) => e.matcher)).toEqual(['Edit', 'Bash|Write|Edit|MultiEdit|NotebookEdit']);
    expect(claude.hooks.PreToolUse[1].hooks[0].command).toContain('gitops-guard hook claude');

    const cursor = json(dir, '.cursor/hooks.json');
    expect(cursor.version).toBe(1);
    expect(cursor.hooks.afterFileEdit).toEqual([{ command: 'fmt' }]);
    expect(cursor.hooks.beforeShellExecution.map((h: any) => h.command)).toEqual(['audit-log', expect.stringContaining('gitops-guard hook cursor')]);

    const gemini = json(dir, '.gemini/settings.json');
    expect(gemini.theme).toBe('Dracula');
    expect(gemini.hooks.AfterTool).toHaveLength(1);
    expect(gemini.hooks.BeforeTool[0].matcher).toBe('run_shell_command|write_file|replace');

    expect(json(dir, '.codex/hooks.json').hooks.Stop).toHaveLength(1);
    expect(json(dir, '.codex/hooks.json').hooks.PreToolUse[0].hooks[0].command).toContain('gitops-guard hook codex');
    expect(json(dir, '.codex/hooks.json').hooks.PreToolUse[0].matcher).toBe('Bash|apply_patch');
    expect(json(dir, '.github/hooks/audit.json').hooks.postToolUse).toHaveLength(1);
    expect(json(dir, '.github/hooks/gitops-guard.json').hooks.preToolUse[0].bash).toContain('gitops-guard hook copilot');
    expect(json(dir, '.windsurf/hooks.json').hooks.post_write_code).toHaveLength(1);
    expect(json(dir, '.windsurf/hooks.json').hooks.pre_run_command[0].command).toContain('gitops-guard hook windsurf');
    expect(json(dir, '.windsurf/hooks.json').hooks.pre_write_code[0].command).toContain('gitops-guard hook windsurf');
    expect(statSync(join(dir, '.clinerules/hooks/PreToolUse')).mode & 0o111).not.toBe(0);

    expect(json(dir, 'gitops-guard.json')).toMatchObject({
      host: 'ainetic.tech', remotePath: '/root/projects/CodeFoundry', composeFiles: ['server/docker-compose.yml'], branch: 'main',
    });
    const mcp = json(dir, '.mcp.json');
    expect(mcp.mcpServers.other).toEqual({ command: 'other-mcp' });
    expect(mcp.mcpServers['gitops-guard']).toEqual({ type: 'stdio', command: 'npx', args: ['--no-install', 'gitops-guard', 'mcp'] });
  });

  it('changes nothing on a second run', () => {
    const dir = project(EXISTING);
    expect(init(dir, '--yes', '--host', 'web1').code).toBe(0);
    const files = ['.claude/settings.json', '.cursor/hooks.json', '.gemini/settings.json', '.codex/hooks.json',
      '.github/hooks/gitops-guard.json', '.windsurf/hooks.json', '.clinerules/hooks/PreToolUse', 'gitops-guard.json', '.mcp.json'];
    const before = files.map((f) => readFileSync(join(dir, f), 'utf8'));
    const again = init(dir, '--yes');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Nothing to change.');
    expect(files.map((f) => readFileSync(join(dir, f), 'utf8'))).toEqual(before);
  });

  it('shows a diff and writes nothing with --dry-run, or without a terminal and --yes', () => {
    const dir = project({ '.claude/settings.json': '{"model":"opus"}' });
    const dry = init(dir, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('+++ b/.claude/settings.json');
    expect(dry.stdout).toContain('"model": "opus"');
    expect(dry.stdout).toContain('nothing was written');
    const noTty = init(dir);
    expect(noTty.code).toBe(1);
    expect(noTty.stderr).toContain('--yes');
    expect(readFileSync(join(dir, '.claude/settings.json'), 'utf8')).toBe('{"model":"opus"}');
  });

  it('takes --agent names, and names unknown ones', () => {
    const dir = project({});
    expect(init(dir, '--yes').stderr).toContain('no agent host found');
    expect(init(dir, '--agent', 'nope').stderr).toContain('unknown agent "nope"');
    expect(init(dir, '--yes', '--agent', 'cursor').code).toBe(0);
    expect(json(dir, '.cursor/hooks.json').hooks.beforeShellExecution).toHaveLength(1);
  });

  it('does not clobber files it cannot merge', () => {
    const dir = project({ '.claude/settings.json': '{ not json', '.clinerules/hooks/PreToolUse': '#!/bin/sh\nmy-own-check\n' });
    const r = init(dir, '--yes', '--agent', 'claude', '--agent', 'cline');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('.claude/settings.json: .claude/settings.json is not valid JSON');
    expect(r.stderr).toContain('not ours');
    expect(readFileSync(join(dir, '.claude/settings.json'), 'utf8')).toBe('{ not json');
    expect(readFileSync(join(dir, '.clinerules/hooks/PreToolUse'), 'utf8')).toBe('#!/bin/sh\nmy-own-check\n');
  });
});

describe('installed hook commands', () => {
  function installed(withBinary: boolean) {
    const dir = project({ 'gitops-guard.json': JSON.stringify({ host: 'ainetic.tech' }), '.git/HEAD': 'ref: refs/heads/main\n' });
    expect(init(dir, '--yes', '--agent', 'claude', '--agent', 'cursor', '--agent', 'copilot', '--agent', 'cline').code).toBe(0);
    if (withBinary) {
      mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
      symlinkSync(BIN, join(dir, 'node_modules', '.bin', 'gitops-guard'));
    }
    return dir;
  }
  const run = (dir: string, command: string, input: object) => {
    const r = spawnSync('sh', ['-c', command], {
      cwd: dir, encoding: 'utf8', input: JSON.stringify(input),
      env: { PATH: `${process.env.PATH}`, HOME: dir, CLAUDE_PROJECT_DIR: dir },
    });
    return { code: r.status, stdout: r.stdout.trim(), stderr: r.stderr };
  };
  const claudeInput = { hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: 'docker restart web' } };

  it('run gitops-guard and answer in the host protocol', () => {
    const dir = installed(true);
    const claude = run(dir, json(dir, '.claude/settings.json').hooks.PreToolUse[0].hooks[0].command, claudeInput);
    expect(claude.code).toBe(0);
    expect(JSON.parse(claude.stdout).hookSpecificOutput.permissionDecision).toBe('deny');
    const cursor = run(dir, json(dir, '.cursor/hooks.json').hooks.beforeShellExecution[0].command,
      { hook_event_name: 'beforeShellExecution', command: 'docker restart web', workspace_roots: [dir] });
    expect(JSON.parse(cursor.stdout).permission).toBe('deny');
    const cline = spawnSync(join(dir, '.clinerules/hooks/PreToolUse'), [], {
      cwd: dir, encoding: 'utf8', input: JSON.stringify({ hookName: 'PreToolUse', preToolUse: { toolName: 'execute_command', parameters: { command: 'docker restart web' } } }),
    });
    expect(JSON.parse(cline.stdout).cancel).toBe(true);
  });

  it('still block, in each host form, when gitops-guard is not installed', () => {
    const dir = installed(false);
    const claude = run(dir, json(dir, '.claude/settings.json').hooks.PreToolUse[0].hooks[0].command, claudeInput);
    expect(claude.code).toBe(2);
    expect(claude.stderr).toContain('gitops-guard could not run');
    const cursor = run(dir, json(dir, '.cursor/hooks.json').hooks.beforeShellExecution[0].command, { command: 'ls' });
    expect(cursor.code).toBe(2);
    expect(JSON.parse(cursor.stdout).permission).toBe('deny');
    const copilot = run(dir, json(dir, '.github/hooks/gitops-guard.json').hooks.preToolUse[0].bash, { toolName: 'bash', toolArgs: '{"command":"ls"}' });
    expect(JSON.parse(copilot.stdout).permissionDecision).toBe('deny');
  });
});
