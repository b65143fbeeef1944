// Gemini CLI, the real one, headless (-p) against the scripted model (the only stand-in), pointed
// at 127.0.0.1 through GOOGLE_GEMINI_BASE_URL with an API key that only the scripted model reads.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeHost } from './suite.js';

describeHost({
  id: 'gemini',
  dialect: 'gemini',
  shell: { tool: 'run_shell_command', input: (command) => ({ command, description: 'scripted step' }) },
  setup(p, trust) {
    const trusted = trust === 'trusted';
    const dir = join(p.home, '.gemini');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ security: { auth: { selectedType: 'gemini-api-key' } } }));
    // The trust step: what the "Trust folder" dialog records.
    if (trusted) writeFileSync(join(dir, 'trustedFolders.json'), JSON.stringify({ [p.dir]: 'TRUST_FOLDER' }));
    else rmSync(join(dir, 'trustedFolders.json'), { force: true });
  },
  env: (p) => ({ GEMINI_API_KEY: 'scripted-model', GOOGLE_GEMINI_BASE_URL: `http://127.0.0.1:${p.modelPort}` }),
  // Headless Gemini offers only the tools that need no confirmation: the default mode allows the
  // shell tool and the two MCP tools by name.
  args: (prompt, permissive) => ['--output-format', 'json',
    ...(permissive ? ['--yolo'] : ['run_shell_command', 'mcp_gitops-guard_check_command', 'mcp_gitops-guard_status'].flatMap((t) => ['--allowed-tools', t])),
    '-p', prompt],
  mcp: {
    tool: (name) => `mcp_gitops-guard_${name}`,
    structured: false,
    // init registers the MCP server in .gemini/settings.json, where Gemini CLI reads it.
  },
  edit: {
    replace: (file_path, content) => ({ tool: 'write_file', input: { file_path, content } }),
    create: (file_path, content) => ({ tool: 'write_file', input: { file_path, content } }),
  },
  permissive: '--yolo',
  untrusted: 'refuses-to-start',
});
