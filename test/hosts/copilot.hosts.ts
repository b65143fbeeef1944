// GitHub Copilot CLI, the real one, in prompt mode (-p) against the scripted model (the only
// stand-in): its own "bring your own provider" settings point it at 127.0.0.1 speaking the
// Anthropic Messages API, offline.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeHost } from './suite.js';

describeHost({
  id: 'copilot',
  dialect: 'anthropic',
  shell: { tool: 'bash', input: (command) => ({ command, description: 'scripted step' }) },
  setup(p, trust) {
    const trusted = trust === 'trusted';
    const dir = join(p.home, '.copilot');
    mkdirSync(dir, { recursive: true });
    // The trust step: what answering "Yes, and remember this folder" records.
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ trusted_folders: trusted ? [p.dir] : [] }));
  },
  env: (p) => ({
    COPILOT_OFFLINE: 'true', COPILOT_PROVIDER_TYPE: 'anthropic', COPILOT_PROVIDER_BASE_URL: `http://127.0.0.1:${p.modelPort}`,
    COPILOT_PROVIDER_API_KEY: 'scripted-model', COPILOT_MODEL: 'claude-scripted', COPILOT_AUTO_UPDATE: 'false',
  }),
  args: (prompt, permissive) => ['-p', prompt, ...(permissive ? ['--allow-all-tools'] : ['--allow-tool', 'shell'])],
  edit: {
    replace: (path, content) => ({ tool: 'edit', input: { path, old_str: readFileSync(path, 'utf8'), new_str: content } }),
    create: (path, content) => ({ tool: 'create', input: { path, file_text: content } }),
  },
  permissive: '--allow-all-tools',
  untrusted: 'hook-skipped',
});
