// The hosts' tools as the adapters read them (src/hooks/<host>.ts, src/hooks/unknown.ts), through
// the built CLI's `hook HOST` as a child process, in a real git repository: fields that move where
// a command runs (Gemini's dir_path, Cline's change_directory), tools the adapters once passed
// unread (Copilot's str_replace_editor, str_replace, write_bash, local_shell; Cline's
// attempt_completion, download_file, edit_file, the SDK's run_commands, use_mcp_tool), any other
// tool of the hosts that run the hook for every tool (fail closed), and Cursor's and Windsurf's
// event names that are not the shell's.
import { chmodSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, project, SEED, tempDir } from './helpers.js';

const UP = 'docker compose up -d';
const MODULE_LOG = join(import.meta.dirname, 'support', 'module-log.mjs');

/** A git repository with the seed config and bin/deploy, a script that deploys by hand. */
function repo() {
  const dir = project({ 'gitops-guard.json': JSON.stringify(SEED), 'bin/deploy': `#!/bin/sh\n${UP}\n`, 'src/app.ts': '' });
  chmodSync(join(dir, 'bin', 'deploy'), 0o755);
  spawnSync('git', ['init', '-q', dir]);
  const user = tempDir('gitops-guard-user-');
  const env = {
    PATH: process.env.PATH ?? '', HOME: user,
    XDG_CONFIG_HOME: join(user, 'config'), XDG_STATE_HOME: join(user, 'state'), XDG_CACHE_HOME: join(user, 'cache'),
  };
  return { dir, env };
}

function hook(host: string, input: unknown, cwd: string, env: Record<string, string>, preload: string[] = []) {
  const r = spawnSync(process.execPath, [...preload, BIN, 'hook', host], { cwd, input: JSON.stringify(input), encoding: 'utf8', env });
  const out = r.stdout.trim();
  return { exit: r.status, stdout: out, stderr: r.stderr, json: out ? JSON.parse(out) as Record<string, any> : undefined };
}

const { dir, env } = repo();

/** Each host's answer as allow or deny (these hosts cannot ask: an ask is sent as a deny). */
function decision(host: string, input: unknown): 'allow' | 'deny' {
  const r = hook(host, input, dir, env);
  switch (host) {
    case 'gemini': return r.exit === 0 && (r.json?.decision ?? 'allow') === 'allow' ? 'allow' : 'deny';
    case 'copilot': return r.exit === 0 && r.stdout === '' ? 'allow' : 'deny';
    case 'cline': return r.exit === 0 && r.json?.cancel === false ? 'allow' : 'deny';
    case 'cursor': return r.exit === 0 && r.json?.permission === 'allow' ? 'allow' : 'deny';
    case 'windsurf': return r.exit === 0 ? 'allow' : 'deny';
    default: throw new Error(host);
  }
}

const gemini = (tool_input: Record<string, unknown>) =>
  ({ session_id: 'g', hook_event_name: 'BeforeTool', tool_name: 'run_shell_command', tool_input, cwd: dir });
const copilot = (toolName: string, toolArgs: unknown) => ({ timestamp: 1, cwd: dir, toolName, toolArgs });
const cline = (toolName: string, parameters: Record<string, string>) =>
  ({ clineVersion: '3.40.0', hookName: 'PreToolUse', taskId: 'k', workspaceRoots: [dir], preToolUse: { toolName, parameters } });

describe('Gemini CLI run_shell_command', () => {
  it('judges the command in dir_path, where the tool spawns it', () => {
    expect(decision('gemini', gemini({ command: './deploy', dir_path: 'bin' }))).toBe('deny');
    expect(decision('gemini', gemini({ command: './deploy', dir_path: join(dir, 'bin') }))).toBe('deny');
    expect(decision('gemini', gemini({ command: 'ls', dir_path: 'bin' }))).toBe('allow');
    expect(decision('gemini', gemini({ command: './deploy' }))).toBe('allow'); // there is no ./deploy at the top
  });
});

describe('Copilot CLI tools', () => {
  const hooksFile = join(dir, '.github', 'hooks', 'gitops-guard.json');
  it('str_replace_editor and str_replace are edit tools (view only reads)', () => {
    expect(decision('copilot', copilot('str_replace_editor', { command: 'create', path: hooksFile, file_text: '{}' }))).toBe('deny');
    expect(decision('copilot', copilot('str_replace_editor', { command: 'insert', path: '.git/config', insert_line: 1, new_str: 'x' }))).toBe('deny');
    expect(decision('copilot', copilot('str_replace_editor', { command: 'view', path: hooksFile }))).toBe('allow');
    expect(decision('copilot', copilot('str_replace_editor', { command: 'create', path: 'src/new.ts', file_text: '' }))).toBe('allow');
    expect(decision('copilot', copilot('str_replace', JSON.stringify({ path: hooksFile, old_str: 'a', new_str: 'b' })))).toBe('deny');
    expect(decision('copilot', copilot('str_replace', { path: 'src/app.ts', old_str: 'a', new_str: 'b' }))).toBe('allow');
  });
  it('write_bash, write_powershell and local_shell are shell tools', () => {
    expect(decision('copilot', copilot('write_bash', { shellId: '1', input: `${UP}\n` }))).toBe('deny');
    expect(decision('copilot', copilot('write_powershell', { shellId: '1', input: 'docker restart web' }))).toBe('deny');
    expect(decision('copilot', copilot('local_shell', { command: UP }))).toBe('deny');
    expect(decision('copilot', copilot('write_bash', { shellId: '1', input: 'ls\n' }))).toBe('allow');
    // A write_bash without its input is malformed: blocked.
    expect(hook('copilot', copilot('write_bash', { shellId: '1' }), dir, env).exit).toBe(2);
  });
  it('a tool it does not know is read by its arguments: commands judged, paths as writes (fail closed)', () => {
    expect(decision('copilot', copilot('future_tool', { command: UP }))).toBe('deny');
    expect(decision('copilot', copilot('future_tool', { cmd: './deploy', cwd: 'bin' }))).toBe('deny');
    expect(decision('copilot', copilot('future_tool', { file_path: '.git/hooks/pre-commit', text: 'x' }))).toBe('deny');
    expect(decision('copilot', copilot('future_tool', { input: '*** Begin Patch\n*** Add File: .git/hooks/pre-push\n+x\n*** End Patch' }))).toBe('deny');
    expect(decision('copilot', copilot('future_tool', { command: 'ls', path: 'src/app.ts' }))).toBe('allow');
    expect(decision('copilot', copilot('ask_user', { question: 'docker compose up -d?' }))).toBe('allow');
  });
  it('its read-only tools and the guard\'s own check_command pass whatever they name', () => {
    expect(decision('copilot', copilot('view', { path: join(dir, '.git', 'config') }))).toBe('allow');
    expect(decision('copilot', copilot('grep', { pattern: 'hooksPath', path: '.git' }))).toBe('allow');
    expect(decision('copilot', copilot('gitops-guard-check_command', { command: UP }))).toBe('allow');
  });
});

describe('Cline tools', () => {
  it('attempt_completion runs its command', () => {
    expect(decision('cline', cline('attempt_completion', { result: 'done', command: UP }))).toBe('deny');
    expect(decision('cline', cline('attempt_completion', { result: 'done', command: 'open index.html' }))).toBe('allow');
    expect(decision('cline', cline('attempt_completion', { result: 'done' }))).toBe('allow');
  });
  it('download_file writes savePath, edit_file target_file', () => {
    expect(decision('cline', cline('download_file', { fileUrl: 'http://127.0.0.1:9/x', savePath: '.clinerules/hooks/PreToolUse' }))).toBe('deny');
    expect(decision('cline', cline('download_file', { fileUrl: 'http://127.0.0.1:9/x', savePath: 'docs/logo.png' }))).toBe('allow');
    expect(decision('cline', cline('edit_file', { target_file: '.git/config', instructions: 'x', code_edit: '[core]' }))).toBe('deny');
    expect(decision('cline', cline('edit_file', { target_file: 'src/app.ts', instructions: 'x', code_edit: '' }))).toBe('allow');
  });
  it('change_directory is refused, except back to the workspace root', () => {
    for (const path of [join(dir, '.git'), 'bin', '/tmp']) {
      const r = hook('cline', cline('change_directory', { path }), dir, env);
      expect(r.json, path).toMatchObject({ cancel: true });
      expect(r.json!.errorMessage).toContain('cd DIR && …');
    }
    expect(decision('cline', cline('change_directory', { path: dir }))).toBe('allow');
    expect(decision('cline', cline('change_directory', { path: '.' }))).toBe('allow');
    const audit = readFileSync(join(env.XDG_STATE_HOME, 'gitops-guard', 'audit.jsonl'), 'utf8');
    expect(audit).toContain('"rules":["host-cwd"]');
  });
  it("the SDK's run_commands: each command of the list, given as JSON text", () => {
    expect(decision('cline', cline('run_commands', { commands: JSON.stringify(['ls', UP]) }))).toBe('deny');
    expect(decision('cline', cline('run_commands', { commands: JSON.stringify([{ command: 'docker', args: ['restart', 'web'] }]) }))).toBe('deny');
    // Each runs on its own in the workspace: a cd in one does not move the next (./deploy at the top does not exist).
    expect(decision('cline', cline('run_commands', { commands: JSON.stringify(['cd bin', 'ls']) }))).toBe('allow');
    expect(decision('cline', cline('run_commands', { commands: JSON.stringify(['cd bin && ./deploy']) }))).toBe('deny');
  });
  it('use_mcp_tool: the arguments of another server\'s tool are read; the guard\'s own check_command passes', () => {
    const mcp = (server_name: string, tool_name: string, args: unknown) =>
      cline('use_mcp_tool', { server_name, tool_name, arguments: JSON.stringify(args) });
    expect(decision('cline', mcp('filesystem', 'write_file', { path: join(dir, '.git', 'hooks', 'pre-commit'), content: 'x' }))).toBe('deny');
    expect(decision('cline', mcp('shell', 'run', { command: UP }))).toBe('deny');
    expect(decision('cline', mcp('filesystem', 'write_file', { path: join(dir, 'src', 'app.ts'), content: 'x' }))).toBe('allow');
    expect(decision('cline', mcp('gitops-guard', 'check_command', { command: UP }))).toBe('allow');
  });
  it('any other tool is read by its parameters; the read-only tools pass', () => {
    expect(decision('cline', cline('future_tool', { command: UP }))).toBe('deny');
    expect(decision('cline', cline('future_tool', { savePath: '.git/hooks/pre-commit' }))).toBe('deny');
    expect(decision('cline', cline('read_file', { path: '.git/config' }))).toBe('allow');
    expect(decision('cline', cline('search_files', { path: '.git', regex: 'hooksPath' }))).toBe('allow');
    expect(decision('cline', cline('ask_followup_question', { question: 'run docker compose up -d?' }))).toBe('allow');
  });
  it('a benign command in a list is answered without loading zod', () => {
    const log = join(dir, 'modules.log');
    rmSync(log, { force: true });
    const r = hook('cline', cline('run_commands', { commands: JSON.stringify(['ls', 'git status']) }), dir,
      { ...env, GITOPS_GUARD_MODULE_LOG: log }, ['--import', MODULE_LOG]);
    expect(r.json).toEqual({ cancel: false });
    expect(existsSync(log) ? readFileSync(log, 'utf8') : '').toBe('');
  });
});

describe('Cursor and Windsurf event names', () => {
  const cursor = (hook_event_name: string, command: string) =>
    ({ conversation_id: 'c', hook_event_name, command, cwd: dir, workspace_roots: [dir] });
  it('Cursor: a command under an event name it does not know is judged (fail closed)', () => {
    expect(decision('cursor', cursor('beforeShellExecution', UP))).toBe('deny');
    expect(decision('cursor', cursor('beforeShellExecution ', UP))).toBe('deny');
    expect(decision('cursor', cursor('beforeShellExecutionV2', UP))).toBe('deny');
    expect(decision('cursor', cursor('beforeShellExecution ', 'ls'))).toBe('allow');
    // Known events whose command is not one the agent is about to run.
    expect(decision('cursor', cursor('afterShellExecution', UP))).toBe('allow');
    expect(decision('cursor', cursor('beforeMCPExecution', 'docker run -i --rm mcp/github'))).toBe('allow');
  });
  it('Windsurf: an action it does not know is judged by its command line and file path', () => {
    const windsurf = (agent_action_name: string, tool_info: Record<string, unknown>) => ({ agent_action_name, trajectory_id: 't', tool_info });
    expect(decision('windsurf', windsurf('pre_run_command_v2', { command_line: UP, cwd: dir }))).toBe('deny');
    expect(decision('windsurf', windsurf('pre_write_code_v2', { file_path: join(dir, '.windsurf', 'hooks.json'), edits: [] }))).toBe('deny');
    expect(decision('windsurf', windsurf('pre_run_command_v2', { command_line: 'ls', cwd: dir }))).toBe('allow');
    expect(decision('windsurf', windsurf('post_run_command', { command_line: UP, cwd: dir }))).toBe('allow');
    expect(decision('windsurf', windsurf('pre_read_code', { file_path: join(dir, '.windsurf', 'hooks.json') }))).toBe('allow');
  });
});
