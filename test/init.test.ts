// gitops-guard init on temporary projects that already hold settings with other hooks: merges,
// keeps what is there, is idempotent, asks (or refuses without a terminal), --dry-run writes
// nothing; and the installed hook commands really run, and block when gitops-guard is missing.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ADAPTERS } from '../src/hooks/index.js';
import { describeInstall, hookCommand, runningExecutable } from '../src/install/command.js';
import { BIN, project, tempDir } from './helpers.js';

const ROOT = join(import.meta.dirname, '..');


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
    expect(claude.hooks.PreToolUse[1].hooks[0].command).toMatch(/gitops-guard.* hook claude/);

    const cursor = json(dir, '.cursor/hooks.json');
    expect(cursor.version).toBe(1);
    expect(cursor.hooks.afterFileEdit).toEqual([{ command: 'fmt' }]);
    expect(cursor.hooks.beforeShellExecution.map((h: any) => h.command)).toEqual(['audit-log', expect.stringMatching(/gitops-guard.* hook cursor/)]);

    const gemini = json(dir, '.gemini/settings.json');
    expect(gemini.theme).toBe('Dracula');
    expect(gemini.hooks.AfterTool).toHaveLength(1);
    expect(gemini.hooks.BeforeTool[0].matcher).toBe('run_shell_command|write_file|replace');

    expect(json(dir, '.codex/hooks.json').hooks.Stop).toHaveLength(1);
    expect(json(dir, '.codex/hooks.json').hooks.PreToolUse[0].hooks[0].command).toMatch(/gitops-guard.* hook codex/);
    expect(json(dir, '.codex/hooks.json').hooks.PreToolUse[0].matcher).toBe('Bash|apply_patch');
    expect(json(dir, '.github/hooks/audit.json').hooks.postToolUse).toHaveLength(1);
    expect(json(dir, '.github/hooks/gitops-guard.json').hooks.preToolUse[0].bash).toMatch(/gitops-guard.* hook copilot/);
    expect(json(dir, '.windsurf/hooks.json').hooks.post_write_code).toHaveLength(1);
    expect(json(dir, '.windsurf/hooks.json').hooks.pre_run_command[0].command).toMatch(/gitops-guard.* hook windsurf/);
    expect(json(dir, '.windsurf/hooks.json').hooks.pre_write_code[0].command).toMatch(/gitops-guard.* hook windsurf/);
    expect(statSync(join(dir, '.clinerules/hooks/PreToolUse')).mode & 0o111).not.toBe(0);

    expect(json(dir, 'gitops-guard.json')).toMatchObject({
      host: 'ainetic.tech', remotePath: '/root/projects/CodeFoundry', composeFiles: ['server/docker-compose.yml'], branch: 'main',
    });
    const mcp = json(dir, '.mcp.json');
    expect(mcp.mcpServers.other).toEqual({ command: 'other-mcp' });
    expect(mcp.mcpServers['gitops-guard']).toMatchObject({ type: 'stdio', command: 'sh' });
    expect(JSON.stringify(mcp)).not.toContain('npx');
    // Each host's MCP entry in the file that host reads; Codex's is shown, not written.
    expect(json(dir, '.cursor/mcp.json').mcpServers['gitops-guard'].command).toBe('sh');
    expect(gemini.mcpServers['gitops-guard'].command).toBe('sh');
    expect(json(dir, '.vscode/mcp.json').servers['gitops-guard']).toMatchObject({ type: 'stdio', command: 'sh' });
    expect(r.stdout).toContain('[mcp_servers.gitops-guard]');
    expect(existsSync(join(dir, '.codex/config.toml'))).toBe(false);
  });

  it('changes nothing on a second run', () => {
    const dir = project(EXISTING);
    expect(init(dir, '--yes', '--host', 'web1').code).toBe(0);
    const files = ['.claude/settings.json', '.cursor/hooks.json', '.gemini/settings.json', '.codex/hooks.json',
      '.github/hooks/gitops-guard.json', '.windsurf/hooks.json', '.clinerules/hooks/PreToolUse', 'gitops-guard.json', '.mcp.json',
      '.cursor/mcp.json', '.vscode/mcp.json'];
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
    expect(dry.stdout).toContain('{"model":"opus"');
    expect(dry.stdout).toContain('nothing was written');
    const noTty = init(dir);
    expect(noTty.code).toBe(1);
    expect(noTty.stderr).toContain('--yes');
    expect(readFileSync(join(dir, '.claude/settings.json'), 'utf8')).toBe('{"model":"opus"}');
  });

  it('prints one JSON object with --json, and needs --yes to write', () => {
    const dir = project({ '.git/HEAD': 'ref: refs/heads/main\n', '.gemini/settings.json': '{}' });
    const refused = init(dir, '--json');
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ ok: false, error: { code: 'usage' } });
    const r = init(dir, '--json', '--yes');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ ok: true, agents: ['gemini'], written: ['.gemini/settings.json', 'gitops-guard.json'], dryRun: false });
    expect(out.trust).toEqual([expect.objectContaining({ host: 'gemini', trusted: false, step: expect.stringContaining('Trust folder') })]);
    const broken = project({ '.claude/settings.json': '{ nope' });
    expect(JSON.parse(init(broken, '--json', '--yes').stdout).error.code).toBe('config');
  });

  it('takes --agent names, and names unknown ones', () => {
    const dir = project({});
    expect(init(dir, '--yes').stderr).toContain('no agent host found');
    expect(init(dir, '--agent', 'nope').stderr).toContain('unknown agent "nope"');
    expect(init(dir, '--yes', '--agent', 'cursor').code).toBe(0);
    expect(json(dir, '.cursor/hooks.json').hooks.beforeShellExecution).toHaveLength(1);
  });

  it('does not clobber files it cannot merge, and then writes no file at all', () => {
    const dir = project({ '.claude/settings.json': '{ not json', '.clinerules/hooks/PreToolUse': '#!/bin/sh\nmy-own-check\n' });
    const r = init(dir, '--yes', '--agent', 'claude', '--agent', 'cline', '--agent', 'cursor');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('.claude/settings.json:1: not valid JSON');
    expect(r.stderr).toContain('not ours');
    expect(r.stderr).toContain('nothing was written');
    expect(existsSync(join(dir, '.cursor/hooks.json'))).toBe(false);
    expect(existsSync(join(dir, 'gitops-guard.json'))).toBe(false);
    expect(readFileSync(join(dir, '.claude/settings.json'), 'utf8')).toBe('{ not json');
    expect(readFileSync(join(dir, '.clinerules/hooks/PreToolUse'), 'utf8')).toBe('#!/bin/sh\nmy-own-check\n');
  });
});

const NODE_PATH = `${dirname(process.execPath)}:/usr/bin:/bin`;

/** A project where gitops-guard is installed locally: node_modules/gitops-guard is this package. */
function localInstall(dir: string): void {
  mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(ROOT, join(dir, 'node_modules', 'gitops-guard'));
  symlinkSync(BIN, join(dir, 'node_modules', '.bin', 'gitops-guard'));
}

/** A directory holding a `gitops-guard` on PATH, as `npm install -g` leaves it. */
function globalInstall(): string {
  const bin = tempDir();
  symlinkSync(BIN, join(bin, 'gitops-guard'));
  return bin;
}

const runHook = (dir: string, command: string, input: object, path = NODE_PATH) => {
  const r = spawnSync('sh', ['-c', command], {
    cwd: dir, encoding: 'utf8', input: JSON.stringify(input),
    env: { PATH: path, HOME: dir, CLAUDE_PROJECT_DIR: dir },
  });
  return { code: r.status, stdout: r.stdout.trim(), stderr: r.stderr };
};
const claudeInput = { hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: 'docker restart web' } };
const claudeHook = (dir: string): string => json(dir, '.claude/settings.json').hooks.PreToolUse[0].hooks[0].command;

describe('installed hook commands', () => {
  function installed() {
    const dir = project({ 'gitops-guard.json': JSON.stringify({ host: 'ainetic.tech' }), '.git/HEAD': 'ref: refs/heads/main\n' });
    localInstall(dir);
    const r = init(dir, '--yes', '--agent', 'claude', '--agent', 'cursor', '--agent', 'copilot', '--agent', 'cline');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("the hooks run this project's node_modules/.bin/gitops-guard");
    return dir;
  }

  it('run the project-local gitops-guard and answer in the host protocol', () => {
    const dir = installed();
    const claude = runHook(dir, claudeHook(dir), claudeInput);
    expect(claude.code).toBe(0);
    expect(JSON.parse(claude.stdout).hookSpecificOutput.permissionDecision).toBe('deny');
    const cursor = runHook(dir, json(dir, '.cursor/hooks.json').hooks.beforeShellExecution[0].command,
      { hook_event_name: 'beforeShellExecution', command: 'docker restart web', workspace_roots: [dir] });
    expect(JSON.parse(cursor.stdout).permission).toBe('deny');
    const cline = spawnSync(join(dir, '.clinerules/hooks/PreToolUse'), [], {
      cwd: dir, encoding: 'utf8', env: { PATH: NODE_PATH },
      input: JSON.stringify({ hookName: 'PreToolUse', preToolUse: { toolName: 'execute_command', parameters: { command: 'docker restart web' } } }),
    });
    expect(JSON.parse(cline.stdout).cancel).toBe(true);
    // The committed command names no path of this machine: it works for whoever clones the project.
    expect(claudeHook(dir)).not.toContain(ROOT);
  });

  it('run a global install in a repository without package.json, and say so', () => {
    const bin = globalInstall();
    const dir = project({ '.git/HEAD': 'ref: refs/heads/main\n', 'compose.yaml': 'services: {}\n' });
    const r = spawnSync(process.execPath, [BIN, 'init', '--cwd', dir, '--yes', '--agent', 'claude', '--agent', 'gemini'], {
      encoding: 'utf8', input: '', env: { ...process.env, PATH: `${bin}:${NODE_PATH}` },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('gitops-guard from PATH (a global install)');
    expect(existsSync(join(dir, 'package.json'))).toBe(false);
    const claude = runHook(dir, claudeHook(dir), claudeInput, `${bin}:${NODE_PATH}`);
    expect(JSON.parse(claude.stdout).hookSpecificOutput.permissionDecision).toBe('deny');
    expect(json(dir, 'gitops-guard.json')).toEqual({ composeFiles: ['compose.yaml'], branch: 'main' });
  });

  it('run the copy npx unpacked when neither a local nor a global one is there', () => {
    const exe = runningExecutable(join(tempDir(), '_npx', 'abc', 'node_modules', 'gitops-guard'), project());
    expect(exe.kind).toBe('npx');
    expect(describeInstall(exe)).toContain('npm may delete');
    const dir = project({ '.git/HEAD': 'ref: refs/heads/main\n' });
    const command = hookCommand(ADAPTERS.claude!, { exe: { kind: 'npx', path: BIN } });
    const r = runHook(dir, command, claudeInput);
    expect(JSON.parse(r.stdout).hookSpecificOutput.permissionDecision).toBe('deny');
  });

  it('still block, in each host form, when gitops-guard is not installed', () => {
    const dir = installed();
    rmSync(join(dir, 'node_modules'), { recursive: true });
    const claude = runHook(dir, claudeHook(dir), claudeInput);
    expect(claude.code).toBe(2);
    expect(claude.stderr).toContain('gitops-guard could not run');
    const cursor = runHook(dir, json(dir, '.cursor/hooks.json').hooks.beforeShellExecution[0].command, { command: 'ls' });
    expect(cursor.code).toBe(2);
    expect(JSON.parse(cursor.stdout).permission).toBe('deny');
  });

  it('on hosts whose hook runs for every tool, block only the shell tools when gitops-guard is missing', () => {
    const dir = installed();
    rmSync(join(dir, 'node_modules'), { recursive: true });
    const copilot = json(dir, '.github/hooks/gitops-guard.json').hooks.preToolUse[0].bash;
    for (const tool of ['bash', 'powershell']) {
      const r = runHook(dir, copilot, { toolName: tool, toolArgs: '{"command":"ls"}' });
      expect(JSON.parse(r.stdout).permissionDecision, tool).toBe('deny');
    }
    for (const toolArgs of ['{"path":"README.md"}', { path: 'README.md' }]) {
      const view = runHook(dir, copilot, { toolName: 'view', toolArgs });
      expect(view.code).toBe(0);
      expect(view.stdout).toBe('');
    }
    // A name written with an escape, or no name at all, is not known to be harmless.
    expect(runHook(dir, copilot, { toolName: 'b\\u0061sh', toolArgs: '{}' }).code).toBe(2);
    expect(runHook(dir, copilot, { tool: 'bash' }).code).toBe(2);
    const cline = (toolName: string) => spawnSync(join(dir, '.clinerules/hooks/PreToolUse'), [], {
      cwd: dir, encoding: 'utf8', env: { PATH: NODE_PATH },
      input: JSON.stringify({ hookName: 'PreToolUse', preToolUse: { toolName, parameters: { path: 'a', command: 'ls' } } }),
    });
    expect(JSON.parse(cline('execute_command').stdout).cancel).toBe(true);
    expect(cline('read_file').status).toBe(0);
    expect(cline('read_file').stdout).toBe('');
  });

  it('block in bounded time when gitops-guard is missing and the host never closes stdin', async () => {
    const dir = installed();
    rmSync(join(dir, 'node_modules'), { recursive: true });
    const copilot = json(dir, '.github/hooks/gitops-guard.json').hooks.preToolUse[0].bash;
    const child = spawn('sh', ['-c', copilot], { cwd: dir, env: { PATH: NODE_PATH, HOME: dir } });
    child.stdin.write('{"toolName": "bash", "toolArgs": "{\\"command\\": \\"docker compose up -d\\"}"');
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(code).toBe(2);
    expect(JSON.parse(stdout).permissionDecision).toBe('deny');
  }, 30_000);

  it("gives Copilot a PowerShell entry that parses as PowerShell (tree-sitter's grammar: pwsh is not installable here)", async () => {
    const dir = installed();
    const entry = json(dir, '.github/hooks/gitops-guard.json').hooks.preToolUse[0];
    expect(entry.powershell).toContain('hook copilot');
    const { Parser, Language } = await import('web-tree-sitter');
    await Parser.init();
    const parser = new Parser();
    parser.setLanguage(await Language.load(join(ROOT, 'node_modules', 'tree-sitter-powershell', 'tree-sitter-powershell.wasm')));
    expect(parser.parse(entry.powershell)!.rootNode.hasError).toBe(false);
    // The check can fail: a broken text is an error.
    expect(parser.parse(entry.powershell.replace('{ exit 0 }', '{ exit 0 '))!.rootNode.hasError).toBe(true);
  });
});

describe('init edits settings files in place', () => {
  const GEMINI = '{\n\t// Gemini CLI reads JSON with comments\n\t"theme": "Dracula", /* kept */\n\t"hooks": {\n\t\t"AfterTool": []\n\t}\n}\n';

  it('keeps comments, order and indentation, and adds only its entries', () => {
    const dir = project({ '.git/HEAD': 'ref: refs/heads/main\n', '.gemini/settings.json': GEMINI });
    expect(init(dir, '--yes', '--agent', 'gemini').code).toBe(0);
    const text = readFileSync(join(dir, '.gemini/settings.json'), 'utf8');
    expect(text.startsWith('{\n\t// Gemini CLI reads JSON with comments\n\t"theme": "Dracula", /* kept */\n')).toBe(true);
    expect(text).toMatch(/\n\t\t"BeforeTool": \[\n\t\t\t\{/);
    expect(text).toContain('\t"mcpServers": {');
    expect(json(dir, 'gitops-guard.json')).toEqual({ branch: 'main' });
  });

  it('uninstall takes out exactly what init put in', () => {
    const files = { ...EXISTING, '.gemini/settings.json': GEMINI };
    const dir = project(files);
    expect(init(dir, '--yes', '--host', 'web1').code).toBe(0);
    const r = spawnSync(process.execPath, [BIN, 'uninstall', '--cwd', dir, '--yes'], { encoding: 'utf8', input: '' });
    expect(r.status, r.stderr).toBe(0);
    for (const [file, text] of Object.entries(files)) {
      if (file === '.clinerules/rules.md' || file.startsWith('server/') || file.startsWith('.git/')) continue;
      expect(readFileSync(join(dir, file), 'utf8'), file).toBe(text);
    }
    for (const file of ['.github/hooks/gitops-guard.json', '.clinerules/hooks/PreToolUse', '.cursor/mcp.json', '.vscode/mcp.json']) {
      expect(existsSync(join(dir, file)), file).toBe(false);
    }
    expect(existsSync(join(dir, 'gitops-guard.json'))).toBe(true);
    const again = spawnSync(process.execPath, [BIN, 'uninstall', '--cwd', dir, '--yes', '--json'], { encoding: 'utf8', input: '' });
    expect(JSON.parse(again.stdout)).toMatchObject({ ok: true, changes: [] });
  });

  it('replaces the npx MCP entry of an earlier init, and leaves a person\'s own entry alone', () => {
    const npx = { mcpServers: { 'gitops-guard': { type: 'stdio', command: 'npx', args: ['--no-install', 'gitops-guard', 'mcp'] } } };
    const dir = project({ '.claude/settings.json': '{}', '.mcp.json': JSON.stringify(npx) });
    expect(init(dir, '--yes').code).toBe(0);
    expect(json(dir, '.mcp.json').mcpServers['gitops-guard'].command).toBe('sh');
    const own = { mcpServers: { 'gitops-guard': { command: '/opt/my/gitops-guard', args: ['mcp'] } } };
    const dir2 = project({ '.claude/settings.json': '{}', '.mcp.json': JSON.stringify(own) });
    expect(init(dir2, '--yes').code).toBe(0);
    expect(json(dir2, '.mcp.json')).toEqual(own);
  });

  it('writes an MCP entry that starts the installed server, or fails at once when there is none', async () => {
    const dir = project({ '.git/HEAD': 'ref: refs/heads/main\n', '.claude/settings.json': '{}' });
    localInstall(dir);
    expect(init(dir, '--yes').code).toBe(0);
    const entry = json(dir, '.mcp.json').mcpServers['gitops-guard'];
    const { Client } = await import('@modelcontextprotocol/sdk/client/index.js');
    const { StdioClientTransport } = await import('@modelcontextprotocol/sdk/client/stdio.js');
    const client = new Client({ name: 'init-test', version: '1' });
    await client.connect(new StdioClientTransport({ command: entry.command, args: entry.args, cwd: dir, env: { PATH: NODE_PATH, HOME: dir } }));
    try {
      expect((await client.listTools()).tools.map((t) => t.name)).toContain('check_command');
    } finally {
      await client.close();
    }
    rmSync(join(dir, 'node_modules'), { recursive: true });
    const missing = spawnSync(entry.command, entry.args, { cwd: dir, encoding: 'utf8', env: { PATH: NODE_PATH, HOME: dir }, input: '', timeout: 5000 });
    expect(missing.status).toBe(127);
    expect(missing.stderr).toContain('npm install -D gitops-guard');
  });
});

describe('init at a terminal', () => {
  const SOCKET = `gitops-guard-init-${process.pid}`;
  const tmux = (...args: string[]): string => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  afterAll(() => { try { tmux('kill-server'); } catch { /* already gone */ } });
  async function waitForText(text: string): Promise<string> {
    const until = Date.now() + 20_000;
    for (;;) {
      const screen = tmux('capture-pane', '-p', '-J', '-t', 'init');
      if (screen.includes(text)) return screen;
      if (Date.now() > until) throw new Error(`timed out waiting for "${text}":\n${screen}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it("asks before writing, then offers each host's trust entry for this project and writes it on yes", async () => {
    const dir = project({ '.git/HEAD': 'ref: refs/heads/main\n', 'gitops-guard.json': '{}\n' });
    const home = tempDir();
    mkdirSync(join(home, '.copilot'));
    const copilotConfig = '{\n  // mine\n  "trusted_folders": ["/elsewhere"],\n  "theme": "dark"\n}\n';
    writeFileSync(join(home, '.copilot', 'config.json'), copilotConfig);
    tmux('new-session', '-d', '-s', 'init', '-x', '200', '-y', '50',
      `env -i HOME=${home} PATH=${NODE_PATH} TERM=xterm NO_COLOR=1 ${process.execPath} ${BIN} init --cwd ${dir} --agent copilot --agent gemini; sleep 30`);
    await waitForText('[y/N]');
    tmux('send-keys', '-t', 'init', 'y', 'Enter');
    await waitForText('Copilot CLI folder trust: add');
    tmux('send-keys', '-t', 'init', 'y', 'Enter');
    await waitForText('Gemini CLI folder trust: mark');
    tmux('send-keys', '-t', 'init', 'n', 'Enter');
    await waitForText('gitops-guard doctor');
    const copilot = readFileSync(join(home, '.copilot', 'config.json'), 'utf8');
    expect(copilot).toContain('// mine');
    expect(copilot).toContain('"theme": "dark"');
    expect(JSON.parse(copilot.replace('// mine', '')).trusted_folders).toEqual(['/elsewhere', dir]);
    expect(existsSync(join(home, '.gemini', 'trustedFolders.json'))).toBe(false);
    expect(existsSync(join(dir, '.github/hooks/gitops-guard.json'))).toBe(true);
  }, 60_000);
});

describe('init on an older install', () => {
  it("widens the matcher of an entry of ours written with another one, and changes nothing else", () => {
    const dir = project({ '.claude/settings.json': '{}' });
    expect(init(dir, '--yes').code).toBe(0);
    const text = readFileSync(join(dir, '.claude/settings.json'), 'utf8');
    const current = json(dir, '.claude/settings.json').hooks.PreToolUse[0].matcher;
    writeFileSync(join(dir, '.claude/settings.json'), text.replace(`"matcher": "${current}"`, '"matcher": "Old"'));
    expect(init(dir, '--yes').code).toBe(0);
    expect(readFileSync(join(dir, '.claude/settings.json'), 'utf8')).toBe(text);
  });
});
