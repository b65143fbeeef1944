import { addHookEntry, isRecord, json, optionalString, optionalStrings, schema, shell, validate } from './common.js';
import type { HookAdapter } from './types.js';

// https://cursor.com/docs/agent/hooks (beforeShellExecution in .cursor/hooks.json): stdin has
// command, cwd, hook_event_name, workspace_roots. stdout { permission: allow|deny|ask,
// user_message, agent_message } (older builds read userMessage/agentMessage); exit 2 denies.
const cursorInput = schema((z) => z.object({
  command: z.string(),
  cwd: z.string().optional(),
  hook_event_name: z.string().optional(),
  workspace_roots: z.array(z.string()).optional(),
}).passthrough());

/**
 * Cursor's events whose input may hold a `command` that is not one the agent is about to run
 * (after it ran; an MCP server's own start command): passed. beforeShellExecution, no event name,
 * and any name not listed (a renamed event, a typo) are judged as a shell command: fail closed.
 */
const NOT_SHELL_EVENTS = ['afterShellExecution', 'beforeMCPExecution', 'afterMCPExecution', 'beforeReadFile', 'afterFileEdit',
  'beforeSubmitPrompt', 'stop', 'afterAgentResponse', 'afterAgentThought', 'beforeTabFileRead', 'afterTabFileEdit'];

const fromCursor = (v: { command: string; cwd?: string | undefined; hook_event_name?: string | undefined; workspace_roots?: string[] | undefined }) =>
  (v.hook_event_name !== undefined && NOT_SHELL_EVENTS.includes(v.hook_event_name)
    ? { kind: 'other' as const }
    : shell(v.command, v.cwd || v.workspace_roots?.[0]));

export const cursor: HookAdapter = {
  id: 'cursor', name: 'Cursor', docs: 'https://cursor.com/docs/agent/hooks',
  can: { ask: true, rewriteOnAsk: false, rewriteOnAllow: false },
  install: {
    // .cursor/hooks.json: { version: 1, hooks: { beforeShellExecution: [{ command }] } }. Only known
    // event names: one unknown name disables the whole file.
    markers: ['.cursor', '.cursorrules'],
    file: '.cursor/hooks.json',
    merge: (existing, command) => addHookEntry(existing, '.cursor/hooks.json', 'cursor', 'beforeShellExecution',
      { command }, { version: 1 }),
  },
  quick(input) {
    if (!isRecord(input) || typeof input.command !== 'string' || !optionalString(input.cwd)
      || !optionalString(input.hook_event_name) || !optionalStrings(input.workspace_roots)) return undefined;
    return fromCursor(input as Parameters<typeof fromCursor>[0]);
  },
  parse: (input, z) => fromCursor(validate(cursorInput(z), input, 'Cursor')),
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
