import { addHookEntry, commandText, isRecord, json, optionalString, schema, shell, validate } from './common.js';
import type { HookAdapter, HookInput } from './types.js';

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
export function claudeQuick(input: unknown, shellTools: readonly string[]): HookInput | undefined {
  if (!isRecord(input) || typeof input.tool_name !== 'string' || !isRecord(input.tool_input)
    || !optionalString(input.cwd) || !optionalString(input.hook_event_name)) return undefined;
  if (!shellTools.includes(input.tool_name)) return { kind: 'other' };
  const command = input.tool_input.command;
  return typeof command === 'string' ? shell(command, input.cwd) : undefined;
}

export function claudeLike(id: string, name: string, docs: string, can: HookAdapter['can'], shellTools: readonly string[],
  install: HookAdapter['install']): HookAdapter {
  return {
    id, name, docs, can, install,
    quick: (input) => claudeQuick(input, shellTools),
    parse(input, z) {
      const v = validate(claudeInput(z), input, name);
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
      { matcher: 'Bash', hooks: [{ type: 'command', command, timeout: 30 }] }),
  });
