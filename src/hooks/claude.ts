import { addHookEntry, commandText, isRecord, json, optionalString, schema, shell, validate } from './common.js';
import { edit, field } from './edits.js';
import type { HookAdapter, HookInput } from './types.js';

/** How one file-editing tool's input names the paths it writes. */
export type EditReader = (toolInput: Record<string, unknown>, tool: string, cwd: string | undefined) => HookInput;

/** A tool whose input names its file in one of these fields; none of them present is unreadable. */
export const pathField = (...names: string[]): EditReader => (toolInput, tool, cwd) => {
  const paths = field(toolInput, ...names);
  return edit(tool, paths, cwd, paths.length === 0 ? { unreadable: `no ${names.join(' or ')} in the ${tool} call` } : {});
};

/** The reader for a tool name, if it edits files (own keys only: a tool named "constructor" is not one). */
export const editReader = (tools: Readonly<Record<string, EditReader>>, name: string): EditReader | undefined =>
  (Object.hasOwn(tools, name) ? tools[name] : undefined);

// https://code.claude.com/docs/en/hooks (PreToolUse, "Common matchers" and the tool input of each
// tool): Write and Edit carry tool_input.file_path (absolute), MultiEdit too (edits[] in one file),
// NotebookEdit carries tool_input.notebook_path. The matcher `init` writes names all four.
export const CLAUDE_EDIT_TOOLS: Readonly<Record<string, EditReader>> = {
  Write: pathField('file_path'),
  Edit: pathField('file_path'),
  MultiEdit: pathField('file_path'),
  NotebookEdit: pathField('notebook_path', 'file_path'),
};

// https://code.claude.com/docs/en/hooks (PreToolUse): stdin has tool_name, tool_input, cwd,
// hook_event_name, session_id, permission_mode. stdout hookSpecificOutput { hookEventName,
// permissionDecision allow|deny|ask, permissionDecisionReason, updatedInput }. Only exit code 2
// blocks (stderr is the reason); any other failure lets the tool run, so every failure here is 2.
export const claudeInput = schema((z) => z.object({
  tool_name: z.string(),
  tool_input: z.record(z.unknown()),
  cwd: z.string().optional(),
  hook_event_name: z.string().optional(),
}).passthrough());
const commandInput = schema((z) => z.object({ command: commandText(z) }).passthrough());

/** Claude's shape, read without zod: tool_name, tool_input object, optional cwd/hook_event_name. */
export function claudeQuick(input: unknown, shellTools: readonly string[],
  editTools: Readonly<Record<string, EditReader>> = {}): HookInput | undefined {
  if (!isRecord(input) || typeof input.tool_name !== 'string' || !isRecord(input.tool_input)
    || !optionalString(input.cwd) || !optionalString(input.hook_event_name)) return undefined;
  const reader = editReader(editTools, input.tool_name);
  if (reader) return reader(input.tool_input, input.tool_name, input.cwd);
  if (!shellTools.includes(input.tool_name)) return { kind: 'other' };
  const command = input.tool_input.command;
  return typeof command === 'string' ? shell(command, input.cwd) : undefined;
}

export function claudeLike(id: string, name: string, docs: string, can: HookAdapter['can'], shellTools: readonly string[],
  install: HookAdapter['install'], editTools: Readonly<Record<string, EditReader>> = {}): HookAdapter {
  return {
    id, name, docs, can, install,
    quick: (input) => claudeQuick(input, shellTools, editTools),
    parse(input, z) {
      const v = validate(claudeInput(z), input, name);
      const reader = editReader(editTools, v.tool_name);
      if (reader) return reader(v.tool_input, v.tool_name, v.cwd);
      if (!shellTools.includes(v.tool_name)) return { kind: 'other' };
      const command = validate(commandInput(z), v.tool_input, `${name} ${v.tool_name}`).command;
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

// Project settings: .claude/settings.json, hooks.PreToolUse[] = { matcher, hooks: [{ type, command }] };
// hook commands may use $CLAUDE_PROJECT_DIR.
export const claude = claudeLike('claude', 'Claude Code', 'https://code.claude.com/docs/en/hooks',
  { ask: true, rewriteOnAsk: true, rewriteOnAllow: true }, ['Bash'], {
    markers: ['.claude', 'CLAUDE.md'],
    file: '.claude/settings.json',
    projectDir: '"$CLAUDE_PROJECT_DIR"',
    merge: (existing, command) => addHookEntry(existing, '.claude/settings.json', 'claude', 'PreToolUse',
      { matcher: ['Bash', ...Object.keys(CLAUDE_EDIT_TOOLS)].join('|'), hooks: [{ type: 'command', command, timeout: 30 }] }),
  }, CLAUDE_EDIT_TOOLS);
