import { resolve } from 'node:path';
import { isRecord, json, optionalStrings, runsOurHook, schema, shell, validate } from './common.js';
import { edit, field, patchEdit } from './edits.js';
import { HookInputError, type HookAdapter, type HookInput, type HookPart } from './types.js';
import { combine, stringsOf, unknownTool, unknownToolParts } from './unknown.js';

// File edits: Cline's PreToolUse runs for every tool (https://docs.cline.bot/customization/hooks:
// "Before Cline executes a tool (read_file, write_to_file, etc.)"); write_to_file, replace_in_file
// and delete_file carry the file in parameters.path (a string, relative to the workspace root),
// apply_patch a patch envelope; download_file writes parameters.savePath (path.resolve(cwd,
// savePath)), edit_file parameters.target_file (Morph's apply, then a write of that file), the
// SDK's editor parameters.path.
type ParamsReader = (params: Record<string, unknown>, tool: string, cwd: string | undefined) => HookInput;
const pathParam = (...names: string[]): ParamsReader => (params, tool, cwd) => {
  const paths = field(params, ...names);
  return edit(tool, paths, cwd, paths.length === 0 ? { unreadable: `no ${names[0]} in the ${tool} call` } : {});
};
const PATH = pathParam('path', 'file_path', 'absolutePath');

/**
 * change_directory (Cline CLI: "All subsequent file operations, terminal commands, and path
 * resolution will use this new directory") moves the cwd of every later call, while the hook's
 * input names only the workspace roots: later relative paths and ./scripts would be judged in the
 * wrong directory. So it is refused, except back to the first workspace root (where the hook
 * judges from); `cd DIR && …` in one execute_command is judged where it runs.
 */
const changeDirectory: ParamsReader = (params, tool, root) => {
  const target = typeof params.path === 'string' ? params.path : '';
  if (root !== undefined && target !== '' && resolve(root, target) === resolve(root)) return { kind: 'other' };
  const part: HookPart = {
    kind: 'refuse', rule: 'host-cwd', ...(target !== '' ? { path: target } : {}),
    reason: `gitops-guard blocked ${tool}${target ? ` to ${target}` : ''}: after it, Cline runs commands and resolves `
      + 'relative paths in that directory, and the hook cannot see the change (it judges from the workspace root). '
      + 'Run `cd DIR && …` inside execute_command, or give paths from the workspace root. [host-cwd]',
  };
  return part;
};

/** The shell commands a tool's parameter holds (one string, or the SDK's list as JSON text). */
const commandsParam = (name: string): ParamsReader => (params, _tool, cwd) =>
  combine(stringsOf(params[name], 'command').map((c) => shell(c, cwd) as HookPart));

const CLINE_TOOLS: Readonly<Record<string, ParamsReader>> = {
  write_to_file: PATH,
  replace_in_file: PATH,
  delete_file: PATH,
  // new_rule writes a file under .clinerules/ (its `path` and `content` parameters, as Cline's tool
  // definition gives them): .clinerules/hooks/ is where Cline's hooks live.
  new_rule: PATH,
  editor: PATH,
  download_file: pathParam('savePath', 'path'),
  edit_file: pathParam('target_file', 'path'),
  apply_patch: (params, tool, cwd) => patchEdit(tool, params, cwd),
  change_directory: changeDirectory,
  // attempt_completion's optional command runs after the completion (AttemptCompletionHandler,
  // through executeCommandTool, with no PreToolUse of its own).
  attempt_completion: commandsParam('command'),
  // The Cline SDK's shell tool: parameters.commands, a list (given as JSON text) of command lines
  // or { command, args }, each run on its own in the workspace.
  run_commands: (params, tool, cwd) => combine([...stringsOf(params.commands, 'command'), ...stringsOf(params.command, 'command'),
    ...stringsOf(params.cmd, 'command')].map((c) => shell(c, cwd) as HookPart)),
  use_mcp_tool: (params, _tool, cwd) => mcpTool(params, cwd),
};

/** Cline's tools that name a path but only read: passed untouched. Any other tool: unknown.ts. */
const CLINE_READ_TOOLS = ['read_file', 'list_files', 'search_files', 'list_code_definition_names', 'read_files', 'search_codebase'];

/** use_mcp_tool { server_name, tool_name, arguments (JSON text) }: the arguments read like an unknown tool's. */
function mcpTool(params: Record<string, unknown>, cwd: string | undefined): HookInput {
  const name = `${String(params.server_name)}/${String(params.tool_name)}`;
  // This guard's own check_command only asks about a command.
  if (name === 'gitops-guard/check_command') return { kind: 'other' };
  let args: unknown = params.arguments;
  if (typeof args === 'string') {
    try {
      args = JSON.parse(args);
    } catch {
      // kept as text: a patch envelope in it is still found
    }
  }
  return combine(unknownToolParts(name, args, cwd));
}

/** One tool call as the hook judges it; undefined when execute_command has no command string. */
function readTool(tool: string, params: Record<string, unknown>, root: string | undefined): HookInput | undefined {
  if (CLINE_SHELLS.includes(tool)) return typeof params.command === 'string' ? shell(params.command, root) : undefined;
  if (CLINE_READ_TOOLS.includes(tool)) return { kind: 'other' };
  const reader = Object.hasOwn(CLINE_TOOLS, tool) ? CLINE_TOOLS[tool] : undefined;
  return reader ? reader(params, tool, root) : unknownTool(tool, params, root);
}

// https://docs.cline.bot/features/hooks/hook-reference (an executable named PreToolUse in
// .clinerules/hooks/): stdin { hookName, preToolUse: { toolName, parameters } }; the shell tool is
// execute_command with parameters.command. stdout { cancel, errorMessage, contextModification }.
const clineInput = schema((z) => z.object({
  hookName: z.string().optional(),
  preToolUse: z.object({ toolName: z.string(), parameters: z.record(z.unknown()) }).passthrough(),
  workspaceRoots: z.array(z.string()).optional(),
}).passthrough());
const commandInput = schema((z) => z.object({ command: z.string() }).passthrough());

/** Cline's shell tool. */
export const CLINE_SHELLS: readonly string[] = ['execute_command'];

export const cline: HookAdapter = {
  id: 'cline', name: 'Cline', docs: 'https://docs.cline.bot/features/hooks/hook-reference',
  can: { ask: false, rewriteOnAsk: false, rewriteOnAllow: false },
  install: {
    // Project hooks: an executable file named after the hook in .clinerules/hooks/.
    // PreToolUse runs before every tool.
    markers: ['.clinerules'],
    fallbackShellTools: CLINE_SHELLS,
    file: '.clinerules/hooks/PreToolUse',
    executable: true,
    merge(existing, command) {
      const script = `#!/bin/sh\n# gitops-guard: keeps this agent inside the GitOps workflow (gitops-guard init)\n${command}\n`;
      if (existing === undefined || existing === script) return script;
      if (runsOurHook(existing, 'cline')) return existing;
      throw new HookInputError('.clinerules/hooks/PreToolUse already exists and is not ours; add "gitops-guard hook cline" to it by hand');
    },
  },
  quick(input) {
    if (!isRecord(input) || !(input.hookName === undefined || typeof input.hookName === 'string')
      || !isRecord(input.preToolUse) || typeof input.preToolUse.toolName !== 'string'
      || !isRecord(input.preToolUse.parameters) || !optionalStrings(input.workspaceRoots)) return undefined;
    return readTool(input.preToolUse.toolName, input.preToolUse.parameters, (input.workspaceRoots as string[] | undefined)?.[0]);
  },
  parse(input, z) {
    const v = validate(clineInput(z), input, 'Cline');
    const read = readTool(v.preToolUse.toolName, v.preToolUse.parameters, v.workspaceRoots?.[0]);
    if (read !== undefined) return read;
    validate(commandInput(z), v.preToolUse.parameters, 'Cline execute_command');
    throw new HookInputError('Cline execute_command hook input does not have the expected shape');
  },
  reply: (outcome) => (outcome.decision === 'allow'
    ? { stdout: json({ cancel: false }), exit: 0 }
    : { stdout: json({ cancel: true, errorMessage: outcome.reason }), exit: 0 }),
  block: (reason) => ({ stdout: json({ cancel: true, errorMessage: reason }), stderr: reason + '\n', exit: 2 }),
};
