import { addHookEntry, isRecord, json, optionalString, schema, shell, validate } from './common.js';
import { HookInputError, type HookAdapter } from './types.js';

// https://docs.github.com/en/copilot/reference/copilot-cli-reference/cli-hooks-reference
// (preToolUse in .github/hooks/*.json): stdin { timestamp, cwd, toolName, toolArgs } with toolArgs
// a JSON string or an object (or, with PascalCase event names, tool_name/tool_input). stdout
// { permissionDecision: deny, permissionDecisionReason }; only deny is documented to take effect.
const copilotInput = schema((z) => z.union([
  z.object({ toolName: z.string(), toolArgs: z.union([z.string(), z.record(z.unknown())]), cwd: z.string().optional() }).passthrough(),
  z.object({ tool_name: z.string(), tool_input: z.record(z.unknown()), cwd: z.string().optional() }).passthrough(),
]));
const commandInput = schema((z) => z.object({ command: z.string() }).passthrough());
const COPILOT_SHELLS = ['bash', 'shell', 'powershell', 'run_in_terminal', 'runInTerminal'];

export const copilot: HookAdapter = {
  id: 'copilot', name: 'GitHub Copilot CLI',
  docs: 'https://docs.github.com/en/copilot/reference/copilot-cli-reference/cli-hooks-reference',
  can: { ask: false, rewriteOnAsk: false, rewriteOnAllow: false },
  install: {
    // .github/hooks/*.json: { version: 1, hooks: { preToolUse: [{ type, bash, timeoutSec }] } }.
    markers: ['.github/hooks', '.github/copilot-instructions.md'],
    file: '.github/hooks/gitops-guard.json',
    merge: (existing, command) => addHookEntry(existing, '.github/hooks/gitops-guard.json', 'copilot', 'preToolUse',
      { type: 'command', bash: command, timeoutSec: 30 }, { version: 1 }),
  },
  quick(input) {
    // The camelCase form. toolArgs is a JSON string in the documentation; Copilot CLI 1.0.102
    // sends it as an object (test/fixtures/hooks/recorded/copilot.json). Both are read here.
    if (!isRecord(input) || typeof input.toolName !== 'string' || !(typeof input.toolArgs === 'string' || isRecord(input.toolArgs))
      || !optionalString(input.cwd)) return undefined;
    if (!COPILOT_SHELLS.includes(input.toolName)) return { kind: 'other' };
    let args: unknown = input.toolArgs;
    if (typeof args === 'string') {
      try {
        args = JSON.parse(args);
      } catch {
        return undefined;
      }
    }
    return isRecord(args) && typeof args.command === 'string' ? shell(args.command, input.cwd) : undefined;
  },
  parse(input, z) {
    const v = validate(copilotInput(z), input, 'Copilot');
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
    const command = validate(commandInput(z), args, `Copilot ${tool}`).command;
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
