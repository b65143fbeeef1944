import { z } from 'zod/v3';
import { json, shell, validate } from './common.js';
import type { HookAdapter } from './types.js';

// https://docs.cline.bot/features/hooks/hook-reference (an executable named PreToolUse in
// .clinerules/hooks/): stdin { hookName, preToolUse: { toolName, parameters } }; the shell tool is
// execute_command with parameters.command. stdout { cancel, errorMessage, contextModification }.
const ClineInput = z.object({
  hookName: z.string().optional(),
  preToolUse: z.object({ toolName: z.string(), parameters: z.record(z.unknown()) }).passthrough(),
  workspaceRoots: z.array(z.string()).optional(),
}).passthrough();

export const cline: HookAdapter = {
  id: 'cline', name: 'Cline', docs: 'https://docs.cline.bot/features/hooks/hook-reference',
  can: { ask: false, rewriteOnAsk: false, rewriteOnAllow: false },
  parse(input) {
    const v = validate(ClineInput, input, 'Cline');
    if (v.preToolUse.toolName !== 'execute_command') return { kind: 'other' };
    const command = validate(z.object({ command: z.string() }).passthrough(), v.preToolUse.parameters, 'Cline execute_command').command;
    return shell(command, v.workspaceRoots?.[0]);
  },
  reply: (outcome) => (outcome.decision === 'allow'
    ? { stdout: json({ cancel: false }), exit: 0 }
    : { stdout: json({ cancel: true, errorMessage: outcome.reason }), exit: 0 }),
  block: (reason) => ({ stdout: json({ cancel: true, errorMessage: reason }), stderr: reason + '\n', exit: 2 }),
};
