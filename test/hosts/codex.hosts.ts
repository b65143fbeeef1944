// Codex CLI, the real one, in `codex exec` against the scripted model (the only stand-in), through
// a custom model provider on 127.0.0.1 speaking the Responses API.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PINS, hostBin } from './install.js';
import { trustCodexHooks } from './codex-trust.js';
import { describeHost } from './suite.js';

describeHost({
  id: 'codex',
  dialect: 'openai',
  // A login shell would reset PATH (and lose the recording docker), so the call asks for none.
  shell: { tool: 'exec_command', input: (cmd) => ({ cmd, login: false }) },
  async setup(p, trust) {
    const home = join(p.home, '.codex');
    mkdirSync(home, { recursive: true });
    writeFileSync(join(home, 'config.toml'), [
      // A model the bundled catalog knows, for its tool set (apply_patch among them); the scripted model answers for it.
      'model = "gpt-5.5"',
      'model_provider = "scripted"',
      'check_for_update_on_startup = false',
      '[model_providers.scripted]',
      'name = "scripted"',
      `base_url = "http://127.0.0.1:${p.modelPort}/v1"`,
      'wire_api = "responses"',
      'env_key = "SCRIPTED_MODEL_KEY"',
      ...(trust !== 'untrusted' ? [`[projects.${JSON.stringify(p.dir)}]`, 'trust_level = "trusted"'] : []),
      '',
    ].join('\n'));
    if (trust !== 'trusted') return;
    // The second trust step: the project's hooks reviewed and trusted (see codex-trust.ts).
    const hooks = await trustCodexHooks(hostBin(PINS.codex), p.dir, { PATH: p.path, HOME: p.home, CODEX_HOME: home });
    if (hooks.length === 0 || hooks.some((h) => h.trustStatus !== 'trusted')) {
      throw new Error(`Codex did not record the project's hooks as trusted: ${JSON.stringify(hooks)}`);
    }
  },
  env: (p) => ({ CODEX_HOME: join(p.home, '.codex'), SCRIPTED_MODEL_KEY: 'scripted-model' }),
  args: (prompt, permissive) => ['exec', '--json', '--skip-git-repo-check', ...(permissive ? ['--dangerously-bypass-approvals-and-sandbox'] : []), prompt],
  // apply_patch is a freeform tool: its input is the patch envelope, paths relative to the project.
  edit: {
    replace: (file, content, p) => ({ tool: 'apply_patch', input: { input: `*** Begin Patch\n*** Delete File: ${relative(p.dir, file)}\n*** Add File: ${relative(p.dir, file)}\n${content.split('\n').filter(Boolean).map((l) => `+${l}`).join('\n')}\n*** End Patch\n` } }),
    create: (file, content, p) => ({ tool: 'apply_patch', input: { input: `*** Begin Patch\n*** Add File: ${relative(p.dir, file)}\n${content.split('\n').filter(Boolean).map((l) => `+${l}`).join('\n')}\n*** End Patch\n` } }),
  },
  permissive: '--dangerously-bypass-approvals-and-sandbox',
  untrusted: 'hook-skipped',
  partialTrust: [{ trust: 'project-only', title: 'with the project trusted but its hooks not reviewed' }],
});
