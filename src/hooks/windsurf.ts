import { addHookEntry, isRecord, optionalString, schema, shell, validate } from './common.js';
import type { HookAdapter } from './types.js';

// https://docs.windsurf.com/windsurf/cascade/hooks (pre_run_command in .windsurf/hooks.json): stdin
// { agent_action_name, tool_info: { command_line, cwd } }. A pre-hook blocks by exiting 2; stderr
// is shown. No ask and no replacement command.
const windsurfInput = schema((z) => z.object({
  agent_action_name: z.string().optional(),
  tool_info: z.object({ command_line: z.string(), cwd: z.string().optional() }).passthrough(),
}).passthrough());

const fromWindsurf = (v: { agent_action_name?: string | undefined; tool_info: { command_line: string; cwd?: string | undefined } }) =>
  (v.agent_action_name !== undefined && v.agent_action_name !== 'pre_run_command'
    ? { kind: 'other' as const }
    : shell(v.tool_info.command_line, v.tool_info.cwd));

export const windsurf: HookAdapter = {
  id: 'windsurf', name: 'Windsurf', docs: 'https://docs.windsurf.com/windsurf/cascade/hooks',
  can: { ask: false, rewriteOnAsk: false, rewriteOnAllow: false },
  install: {
    // Workspace hooks: .windsurf/hooks.json: { hooks: { pre_run_command: [{ command, show_output }] } }.
    markers: ['.windsurf', '.windsurfrules'],
    file: '.windsurf/hooks.json',
    merge: (existing, command) => addHookEntry(existing, '.windsurf/hooks.json', 'windsurf', 'pre_run_command',
      { command, show_output: true }),
  },
  quick(input) {
    if (!isRecord(input) || !optionalString(input.agent_action_name) || !isRecord(input.tool_info)
      || typeof input.tool_info.command_line !== 'string' || !optionalString(input.tool_info.cwd)) return undefined;
    return fromWindsurf(input as Parameters<typeof fromWindsurf>[0]);
  },
  parse: (input, z) => fromWindsurf(validate(windsurfInput(z), input, 'Windsurf')),
  reply: (outcome) => (outcome.decision === 'allow' ? { exit: 0 } : { stderr: outcome.reason + '\n', exit: 2 }),
  block: (reason) => ({ stderr: reason + '\n', exit: 2 }),
};
