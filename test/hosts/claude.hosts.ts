// Claude Code, the real CLI, in -p (headless) mode against the scripted model (the only stand-in).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeHost } from './suite.js';

describeHost({
  id: 'claude',
  dialect: 'anthropic',
  shell: { tool: 'Bash', input: (command) => ({ command, description: 'scripted step' }) },
  setup(p, trust) {
    const trusted = trust === 'trusted';
    // The trust dialog's answer, as Claude Code records it when the person accepts the folder.
    writeFileSync(join(p.home, '.claude.json'), JSON.stringify({
      hasCompletedOnboarding: true,
      // ... and the project's .mcp.json server approved in the same dialog.
      projects: trusted ? { [p.dir]: { hasTrustDialogAccepted: true, enabledMcpjsonServers: ['gitops-guard'] } } : {},
    }));
  },
  env: (p) => ({
    ANTHROPIC_BASE_URL: `http://127.0.0.1:${p.modelPort}`, ANTHROPIC_API_KEY: 'scripted-model', DISABLE_TELEMETRY: '1',
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1', DISABLE_AUTOUPDATER: '1', IS_SANDBOX: '1',
  }),
  args: (prompt, permissive) => ['-p', prompt, '--output-format', 'stream-json', '--verbose',
    ...(permissive ? ['--permission-mode', 'bypassPermissions'] : ['--allowedTools', 'Bash', 'mcp__gitops-guard'])],
  mcp: {
    tool: (name) => `mcp__gitops-guard__${name}`,
    structured: true,
    // MCP tools come deferred: the model fetches their schemas with ToolSearch before calling them.
    discover: (tools) => ({ tool: 'ToolSearch', input: { query: `select:${tools.join(',')}` } }),
  },
  edit: {
    replace: (file_path, content) => ({ tool: 'Write', input: { file_path, content } }),
    create: (file_path, content) => ({ tool: 'Write', input: { file_path, content } }),
  },
  permissive: 'bypassPermissions (IS_SANDBOX=1, as root)',
});
