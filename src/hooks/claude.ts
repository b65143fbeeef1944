import { z } from 'zod/v3';
import { commandText, json, shell, validate } from './common.js';
import type { HookAdapter } from './types.js';

// https://code.claude.com/docs/en/hooks (PreToolUse): stdin has tool_name, tool_input, cwd,
// hook_event_name, session_id, permission_mode. stdout hookSpecificOutput { hookEventName,
// permissionDecision allow|deny|ask, permissionDecisionReason, updatedInput }. Only exit code 2
// blocks (stderr is the reason); any other failure lets the tool run, so every failure here is 2.
export const ClaudeInput = z.object({
  tool_name: z.string(),
  tool_input: z.record(z.unknown()),
  cwd: z.string().optional(),
  hook_event_name: z.string().optional(),
}).passthrough();

export function claudeLike(id: string, name: string, docs: string, can: HookAdapter['can'], shellTools: readonly string[]):
  HookAdapter {
  return {
    id, name, docs, can,
    parse(input) {
      const v = validate(ClaudeInput, input, name);
      if (!shellTools.includes(v.tool_name)) return { kind: 'other' };
      const command = validate(z.object({ command: commandText }).passthrough(), v.tool_input, `${name} ${v.tool_name}`).command;
      return shell(command, v.cwd);
    },
    reply(outcome, input) {
      if (outcome.decision === 'allow' && outcome.updatedCommand === undefined) return { exit: 0 };
      const toolInput = (input as { tool_input?: Record<string, unknown> }).tool_input ?? {};
      return {
        stdout: json({
          hookSpecificOutput: {
            hookEventName: 'PreToolUse',
            permissionDecision: outcome.decision,
            permissionDecisionReason: outcome.reason,
            ...(outcome.updatedCommand !== undefined ? { updatedInput: { ...toolInput, command: outcome.updatedCommand } } : {}),
          },
        }),
        exit: 0,
      };
    },
    block: (reason) => ({ stderr: reason + '\n', exit: 2 }),
  };
}

export const claude = claudeLike('claude', 'Claude Code', 'https://code.claude.com/docs/en/hooks',
  { ask: true, rewriteOnAsk: true, rewriteOnAllow: true }, ['Bash']);
