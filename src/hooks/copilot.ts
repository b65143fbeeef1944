import { z } from 'zod/v3';
import { json, shell, validate } from './common.js';
import { HookInputError, type HookAdapter } from './types.js';

// https://docs.github.com/en/copilot/reference/copilot-cli-reference/cli-hooks-reference
// (preToolUse in .github/hooks/*.json): stdin { timestamp, cwd, toolName, toolArgs } with toolArgs
// a JSON string (or, with PascalCase event names, tool_name/tool_input). stdout
// { permissionDecision: deny, permissionDecisionReason }; only deny is documented to take effect.
const CopilotInput = z.union([
  z.object({ toolName: z.string(), toolArgs: z.union([z.string(), z.record(z.unknown())]), cwd: z.string().optional() }).passthrough(),
  z.object({ tool_name: z.string(), tool_input: z.record(z.unknown()), cwd: z.string().optional() }).passthrough(),
]);
const COPILOT_SHELLS = ['bash', 'shell', 'powershell', 'run_in_terminal', 'runInTerminal'];

export const copilot: HookAdapter = {
  id: 'copilot', name: 'GitHub Copilot CLI',
  docs: 'https://docs.github.com/en/copilot/reference/copilot-cli-reference/cli-hooks-reference',
  can: { ask: false, rewriteOnAsk: false, rewriteOnAllow: false },
  parse(input) {
    const v = validate(CopilotInput, input, 'Copilot');
    const tool = String('toolName' in v ? v.toolName : v.tool_name);
    if (!COPILOT_SHELLS.includes(tool)) return { kind: 'other' };
    let args: unknown = 'toolArgs' in v ? v.toolArgs : v.tool_input;
    if (typeof args === 'string') {
      try {
        args = JSON.parse(args);
      } catch {
        throw new HookInputError('Copilot hook input does not have the expected shape: toolArgs is not valid JSON');
      }
    }
    const command = validate(z.object({ command: z.string() }).passthrough(), args, `Copilot ${tool}`).command;
    return shell(command, v.cwd);
  },
  reply(outcome) {
    if (outcome.decision === 'allow') return { exit: 0 };
    return { stdout: json({ permissionDecision: 'deny', permissionDecisionReason: outcome.reason }), exit: 0 };
  },
  block: (reason) => ({
    stdout: json({ permissionDecision: 'deny', permissionDecisionReason: reason }),
    stderr: reason + '\n',
    exit: 2,
  }),
};
