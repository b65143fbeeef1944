import { claudeInput, claudeQuick, editReader, type EditReader } from './claude.js';
import { resolve } from 'node:path';
import { addHookEntry, json, optionalString, schema, shell, validate } from './common.js';
import { edit, field } from './edits.js';
import type { HookAdapter } from './types.js';

// File edits: the write_file and replace tools (https://geminicli.com/docs/tools/file-system:
// write_file(file_path, content), replace(file_path, old_string, new_string)) reach BeforeTool with
// their arguments in tool_input. file_path may be relative. `replace` corrects a relative path that
// names no file to an existing file whose path ends in it (0.61 correctPath), so its relative paths
// are also matched by suffix; write_file resolves them against the project directory (no correction).
const suffixPath = (toolInput: Record<string, unknown>, tool: string, cwd: string | undefined) => {
  const paths = field(toolInput, 'file_path', 'absolute_path', 'path');
  return edit(tool, paths, cwd, { suffixMatch: tool === 'replace', ...(paths.length === 0 ? { unreadable: `no file_path in the ${tool} call` } : {}) });
};
const GEMINI_EDIT_TOOLS: Readonly<Record<string, EditReader>> = { write_file: suffixPath, replace: suffixPath };

// https://geminicli.com/docs/hooks/reference (BeforeTool in .gemini/settings.json): stdin has
// tool_name (run_shell_command), tool_input { command, … }, cwd, hook_event_name. stdout
// { decision: allow|deny, reason, hookSpecificOutput: { tool_input } } where tool_input is merged
// over the original; exit 2 blocks with stderr as the reason. There is no "ask".
// run_shell_command's dir_path (Gemini CLI 0.61: "The path of the directory to run the command in. If
// not provided, the project root directory is used"; the tool spawns in resolve(targetDir, dir_path)):
// the command is judged there.
const commandInput = schema((z) => z.object({ command: z.string(), dir_path: z.string().optional() }).passthrough());

/** Where run_shell_command runs: dir_path against the project directory (the input's cwd, else the hook's). */
const runsIn = (cwd: string | undefined, dir: string | undefined): string | undefined =>
  (dir === undefined || dir === '' ? cwd : cwd === undefined ? dir : resolve(cwd, dir));

export const gemini: HookAdapter = {
  id: 'gemini', name: 'Gemini CLI', docs: 'https://geminicli.com/docs/hooks/reference',
  can: { ask: false, rewriteOnAsk: false, rewriteOnAllow: true },
  install: {
    // .gemini/settings.json: hooks.BeforeTool[] = { matcher, hooks: [{ type, command, name }] }.
    markers: ['.gemini', 'GEMINI.md'],
    file: '.gemini/settings.json',
    merge: (existing, command) => addHookEntry(existing, '.gemini/settings.json', 'gemini', 'BeforeTool',
      { matcher: ['run_shell_command', ...Object.keys(GEMINI_EDIT_TOOLS)].join('|'), hooks: [{ type: 'command', name: 'gitops-guard', command, timeout: 30000 }] }),
  },
  quick(input) {
    const read = claudeQuick(input, ['run_shell_command'], GEMINI_EDIT_TOOLS);
    if (read?.kind !== 'shell') return read;
    const dir = (input as { tool_input: Record<string, unknown> }).tool_input.dir_path;
    if (!optionalString(dir)) return undefined;
    return shell(read.call.command, runsIn(read.call.cwd, dir));
  },
  parse(input, z) {
    const v = validate(claudeInput(z), input, 'Gemini CLI');
    const reader = editReader(GEMINI_EDIT_TOOLS, v.tool_name);
    if (reader) return reader(v.tool_input, v.tool_name, v.cwd);
    if (v.tool_name !== 'run_shell_command') return { kind: 'other' };
    const { command, dir_path: dir } = validate(commandInput(z), v.tool_input, 'Gemini CLI run_shell_command');
    return shell(command, runsIn(v.cwd, dir));
  },
  reply(outcome) {
    if (outcome.decision === 'allow' && outcome.updatedCommand === undefined) return { stdout: json({}), exit: 0 };
    return {
      stdout: json({
        decision: outcome.decision === 'allow' ? 'allow' : 'deny',
        reason: outcome.reason,
        ...(outcome.updatedCommand !== undefined ? { hookSpecificOutput: { tool_input: { command: outcome.updatedCommand } } } : {}),
      }),
      exit: 0,
    };
  },
  block: (reason) => ({ stderr: reason + '\n', exit: 2 }),
};
