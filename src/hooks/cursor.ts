import { z } from 'zod/v3';
import { json, shell, validate } from './common.js';
import type { HookAdapter } from './types.js';

// https://cursor.com/docs/agent/hooks (beforeShellExecution in .cursor/hooks.json): stdin has
// command, cwd, hook_event_name, workspace_roots. stdout { permission: allow|deny|ask,
// user_message, agent_message } (older builds read userMessage/agentMessage); exit 2 denies.
const CursorInput = z.object({
  command: z.string(),
  cwd: z.string().optional(),
  hook_event_name: z.string().optional(),
  workspace_roots: z.array(z.string()).optional(),
}).passthrough();

export const cursor: HookAdapter = {
  id: 'cursor', name: 'Cursor', docs: 'https://cursor.com/docs/agent/hooks',
  can: { ask: true, rewriteOnAsk: false, rewriteOnAllow: false },
  parse(input) {
    const v = validate(CursorInput, input, 'Cursor');
    if (v.hook_event_name !== undefined && v.hook_event_name !== 'beforeShellExecution') return { kind: 'other' };
    return shell(v.command, v.cwd ?? v.workspace_roots?.[0]);
  },
  reply(outcome) {
    const message = outcome.reason;
    return {
      stdout: json({
        permission: outcome.decision,
        ...(message ? { user_message: message, agent_message: message, userMessage: message, agentMessage: message } : {}),
      }),
      exit: 0,
    };
  },
  block: (reason) => ({
    stdout: json({ permission: 'deny', user_message: reason, agent_message: reason, userMessage: reason, agentMessage: reason }),
    stderr: reason + '\n',
    exit: 2,
  }),
};
