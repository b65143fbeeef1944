// Gemini CLI, the real one, headless (-p) against the scripted model (the only stand-in), pointed
// at 127.0.0.1 through GOOGLE_GEMINI_BASE_URL with an API key that only the scripted model reads.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeHost } from './suite.js';

describeHost({
  id: 'gemini',
  dialect: 'gemini',
  shell: { tool: 'run_shell_command', input: (command) => ({ command, description: 'scripted step' }) },
  setup(p, trusted) {
    const dir = join(p.home, '.gemini');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ security: { auth: { selectedType: 'gemini-api-key' } } }));
    // The trust step: what the "Trust folder" dialog records.
    if (trusted) writeFileSync(join(dir, 'trustedFolders.json'), JSON.stringify({ [p.dir]: 'TRUST_FOLDER' }));
    else rmSync(join(dir, 'trustedFolders.json'), { force: true });
  },
  env: (p) => ({ GEMINI_API_KEY: 'scripted-model', GOOGLE_GEMINI_BASE_URL: `http://127.0.0.1:${p.modelPort}` }),
  args: (prompt, permissive) => ['--output-format', 'json', ...(permissive ? ['--yolo'] : ['--allowed-tools', 'run_shell_command']), '-p', prompt],
  permissive: '--yolo',
});
