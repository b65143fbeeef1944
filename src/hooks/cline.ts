import { isRecord, json, optionalStrings, runsOurHook, schema, shell, validate } from './common.js';
import { edit, field, patchEdit } from './edits.js';
import { HookInputError, type HookAdapter, type HookInput } from './types.js';

// File edits: Cline's PreToolUse runs for every tool (https://docs.cline.bot/customization/hooks:
// "Before Cline executes a tool (read_file, write_to_file, etc.)"); write_to_file, replace_in_file
// and delete_file carry the file in parameters.path (a string, relative to the workspace root),
// apply_patch a patch envelope.
type ParamsReader = (params: Record<string, unknown>, tool: string, cwd: string | undefined) => HookInput;
const pathParam: ParamsReader = (params, tool, cwd) => {
  const paths = field(params, 'path', 'file_path', 'absolutePath');
  return edit(tool, paths, cwd, paths.length === 0 ? { unreadable: `no path in the ${tool} call` } : {});
};
const CLINE_EDIT_TOOLS: Readonly<Record<string, ParamsReader>> = {
  write_to_file: pathParam,
  replace_in_file: pathParam,
  delete_file: pathParam,
  // new_rule writes a file under .clinerules/ (its `path` and `content` parameters, as Cline's tool
  // definition gives them): .clinerules/hooks/ is where Cline's hooks live.
  new_rule: pathParam,
  editor: pathParam,
  apply_patch: (params, tool, cwd) => patchEdit(tool, params, cwd),
};
const clineEdit = (tool: string): ParamsReader | undefined =>
  (Object.hasOwn(CLINE_EDIT_TOOLS, tool) ? CLINE_EDIT_TOOLS[tool] : undefined);

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
    const reader = clineEdit(input.preToolUse.toolName);
    if (reader) return reader(input.preToolUse.parameters, input.preToolUse.toolName, (input.workspaceRoots as string[] | undefined)?.[0]);
    if (!CLINE_SHELLS.includes(input.preToolUse.toolName)) return { kind: 'other' };
    const command = input.preToolUse.parameters.command;
    return typeof command === 'string' ? shell(command, (input.workspaceRoots as string[] | undefined)?.[0]) : undefined;
  },
  parse(input, z) {
    const v = validate(clineInput(z), input, 'Cline');
    const reader = clineEdit(v.preToolUse.toolName);
    if (reader) return reader(v.preToolUse.parameters, v.preToolUse.toolName, v.workspaceRoots?.[0]);
    if (!CLINE_SHELLS.includes(v.preToolUse.toolName)) return { kind: 'other' };
    const command = validate(commandInput(z), v.preToolUse.parameters, 'Cline execute_command').command;
    return shell(command, v.workspaceRoots?.[0]);
  },
  reply: (outcome) => (outcome.decision === 'allow'
    ? { stdout: json({ cancel: false }), exit: 0 }
    : { stdout: json({ cancel: true, errorMessage: outcome.reason }), exit: 0 }),
  block: (reason) => ({ stdout: json({ cancel: true, errorMessage: reason }), stderr: reason + '\n', exit: 2 }),
};
