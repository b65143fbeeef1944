// Claude Code, the real CLI, in -p (headless) mode against the scripted model (the only stand-in).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeHost } from './suite.js';

describeHost({
  id: 'claude',
  dialect: 'anthropic',
  shell: { tool: 'Bash', input: (command) => ({ command, description: 'scripted step' }) },
  setup(p, trusted) {
    // The trust dialog's answer, as Claude Code records it when the person accepts the folder.
    writeFileSync(join(p.home, '.claude.json'), JSON.stringify({
      hasCompletedOnboarding: true,
      projects: trusted ? { [p.dir]: { hasTrustDialogAccepted: true } } : {},
    }));
  },
  env: (p) => ({
    ANTHROPIC_BASE_URL: `http://127.0.0.1:${p.modelPort}`, ANTHROPIC_API_KEY: 'scripted-model', DISABLE_TELEMETRY: '1',
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1', DISABLE_AUTOUPDATER: '1', IS_SANDBOX: '1',
  }),
  args: (prompt, permissive) => ['-p', prompt, '--output-format', 'stream-json', '--verbose',
    ...(permissive ? ['--permission-mode', 'bypassPermissions'] : ['--allowedTools', 'Bash'])],
  permissive: 'bypassPermissions (IS_SANDBOX=1, as root)',
});
