import { addHookEntry, isRecord, optionalString, schema, shell, validate } from './common.js';
import { edit } from './edits.js';
import type { HookAdapter, HookInput, HookPart } from './types.js';
import { combine } from './unknown.js';

// https://docs.windsurf.com/windsurf/cascade/hooks (.windsurf/hooks.json): stdin
// { agent_action_name, tool_info }. pre_run_command: tool_info { command_line, cwd };
// pre_write_code (before Cascade writes a file; one event, no matcher): tool_info { file_path,
// edits }. A pre-hook blocks by exiting 2; stderr is shown. No ask and no replacement command.
const windsurfInput = schema((z) => z.object({
  agent_action_name: z.string().optional(),
  tool_info: z.record(z.unknown()),
}).passthrough());
const runInfo = schema((z) => z.object({ command_line: z.string(), cwd: z.string().optional() }).passthrough());
const writeInfo = schema((z) => z.object({ file_path: z.string() }).passthrough());

const WRITE = 'pre_write_code';
const RUN = 'pre_run_command';
/**
 * Windsurf's other actions (reads, after-the-fact events, prompts, MCP calls): passed. An action
 * not known here (a renamed event) is judged by what its tool_info names: command_line as a shell
 * command, file_path as a file written (fail closed).
 */
const OTHER_ACTIONS = ['pre_read_code', 'post_read_code', 'post_write_code', 'post_run_command', 'pre_mcp_tool_use',
  'post_mcp_tool_use', 'pre_user_prompt', 'post_cascade_response', 'post_setup_worktree'];

/** An unknown action's tool_info: its command line and file path, each judged. */
function unknownAction(action: string, info: Record<string, unknown>): HookInput {
  const cwd = typeof info.cwd === 'string' ? info.cwd : undefined;
  const parts: HookPart[] = [];
  if (typeof info.command_line === 'string') parts.push(shell(info.command_line, cwd) as HookPart);
  if (typeof info.file_path === 'string') parts.push(edit(action, [info.file_path]));
  return combine(parts);
}

export const windsurf: HookAdapter = {
  id: 'windsurf', name: 'Windsurf', docs: 'https://docs.windsurf.com/windsurf/cascade/hooks',
  can: { ask: false, rewriteOnAsk: false, rewriteOnAllow: false },
  install: {
    // Workspace hooks: .windsurf/hooks.json: { hooks: { pre_run_command: [{ command, show_output }],
    // pre_write_code: [ … ] } }.
    markers: ['.windsurf', '.windsurfrules'],
    file: '.windsurf/hooks.json',
    merge: (existing, command) => addHookEntry(
      addHookEntry(existing, '.windsurf/hooks.json', 'windsurf', 'pre_run_command', { command, show_output: true }),
      '.windsurf/hooks.json', 'windsurf', WRITE, { command, show_output: true }),
  },
  quick(input): HookInput | undefined {
    if (!isRecord(input) || !optionalString(input.agent_action_name) || !isRecord(input.tool_info)) return undefined;
    const action = input.agent_action_name;
    const info = input.tool_info;
    if (action === WRITE) return typeof info.file_path === 'string' ? edit(WRITE, [info.file_path]) : undefined;
    if (action !== undefined && action !== RUN) return OTHER_ACTIONS.includes(action) ? { kind: 'other' } : unknownAction(action, info);
    if (typeof info.command_line !== 'string' || !optionalString(info.cwd)) return undefined;
    return shell(info.command_line, info.cwd);
  },
  parse(input, z) {
    const v = validate(windsurfInput(z), input, 'Windsurf');
    const action = v.agent_action_name;
    if (action === WRITE) return edit(WRITE, [validate(writeInfo(z), v.tool_info, `Windsurf ${WRITE}`).file_path]);
    if (action !== undefined && action !== RUN) return OTHER_ACTIONS.includes(action) ? { kind: 'other' } : unknownAction(action, v.tool_info);
    const info = validate(runInfo(z), v.tool_info, 'Windsurf pre_run_command');
    return shell(info.command_line, info.cwd);
  },
  reply: (outcome) => (outcome.decision === 'allow' ? { exit: 0 } : { stderr: outcome.reason + '\n', exit: 2 }),
  block: (reason) => ({ stderr: reason + '\n', exit: 2 }),
};
