import { addHookEntry, isRecord, json, optionalString, schema, shell, validate } from './common.js';
import { edit, field, patchEdit } from './edits.js';
import { HookInputError, type HookAdapter, type HookInput } from './types.js';
import { unknownTool } from './unknown.js';

// https://docs.github.com/en/copilot/reference/copilot-cli-reference/cli-hooks-reference
// (preToolUse in .github/hooks/*.json): stdin { timestamp, cwd, toolName, toolArgs } with toolArgs
// a JSON string or an object (or, with PascalCase event names, tool_name/tool_input). stdout
// { permissionDecision: deny, permissionDecisionReason }; only deny is documented to take effect.
const copilotInput = schema((z) => z.union([
  z.object({ toolName: z.string(), toolArgs: z.union([z.string(), z.record(z.unknown())]), cwd: z.string().optional() }).passthrough(),
  z.object({ tool_name: z.string(), tool_input: z.record(z.unknown()), cwd: z.string().optional() }).passthrough(),
]));
/** Copilot's shell tools and the argument that holds what they run. */
const SHELL_INPUT: Readonly<Record<string, string>> = {
  bash: 'command', shell: 'command', powershell: 'command', local_shell: 'command',
  run_in_terminal: 'command', runInTerminal: 'command',
  // {shellId, input}: text typed into a shell session an earlier `bash` call started (Copilot CLI
  // 1.0.102's own classifier calls them shell tools; interactive input is said to be unsupported
  // in the current spawn mode: read anyway).
  write_bash: 'input', write_powershell: 'input',
};
export const COPILOT_SHELLS = Object.keys(SHELL_INPUT);

// File edits: Copilot CLI's built-in tools `edit`, `create` and `str_replace` take the file in
// `path`, `str_replace_editor` too ({command: view|create|str_replace|insert, path, file_text}), and
// `apply_patch` (used with OpenAI models) a patch envelope (the tool list in
// https://docs.github.com/en/copilot/reference/copilot-cli-reference/cli-command-reference, and
// the tool classifier of Copilot CLI 1.0.102's cli-main.js). preToolUse has no matcher, so the
// hook sees every tool; toolArgs arrives as a JSON string (the docs) or an object (1.0.102).
type ArgsReader = (args: unknown, tool: string, cwd: string | undefined) => HookInput;
const pathArg: ArgsReader = (args, tool, cwd) => {
  const paths = field(args, 'path', 'file_path', 'filePath');
  return edit(tool, paths, cwd, paths.length === 0 ? { unreadable: `no path in the ${tool} call` } : {});
};
const COPILOT_EDIT_TOOLS: Readonly<Record<string, ArgsReader>> = {
  edit: pathArg,
  create: pathArg,
  str_replace: pathArg,
  str_replace_editor: (args, tool, cwd) => (isRecord(args) && args.command === 'view' ? { kind: 'other' } : pathArg(args, tool, cwd)),
  apply_patch: (args, tool, cwd) => patchEdit(tool, args, cwd),
};
/**
 * Copilot's tools that read (or do nothing to files) although an argument names a path or a
 * command: passed without reading. Any other tool is read as unknown.ts says (fail closed).
 * gitops-guard-check_command is this guard's own MCP tool (server-tool, as Copilot names MCP
 * tools): it only asks about a command.
 */
const COPILOT_READ_TOOLS = ['view', 'grep', 'rg', 'glob', 'read_bash', 'stop_bash', 'list_bash', 'read_powershell',
  'stop_powershell', 'list_powershell', 'ide_diagnostics', 'ide_selection', 'gitops-guard-check_command'];

/** toolArgs as a value: JSON text parsed; a patch tool's raw text kept as it is. */
function argsOf(tool: string, raw: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch {
    return tool === 'apply_patch' ? { ok: true, value: raw } : { ok: false };
  }
}

/** One tool call as the hook judges it; undefined when a shell tool's argument is missing. */
function readTool(tool: string, args: unknown, cwd: string | undefined): HookInput | undefined {
  const reader = Object.hasOwn(COPILOT_EDIT_TOOLS, tool) ? COPILOT_EDIT_TOOLS[tool] : undefined;
  if (reader) return reader(args, tool, cwd);
  const input = Object.hasOwn(SHELL_INPUT, tool) ? SHELL_INPUT[tool] : undefined;
  if (input !== undefined) {
    const text = isRecord(args) ? args[input] : undefined;
    return typeof text === 'string' ? shell(text, cwd) : undefined;
  }
  return unknownTool(tool, args, cwd);
}

export const copilot: HookAdapter = {
  id: 'copilot', name: 'GitHub Copilot CLI',
  docs: 'https://docs.github.com/en/copilot/reference/copilot-cli-reference/cli-hooks-reference',
  can: { ask: false, rewriteOnAsk: false, rewriteOnAllow: false },
  install: {
    // .github/hooks/*.json: { version: 1, hooks: { preToolUse: [{ type, bash, powershell, timeoutSec }] } }.
    // preToolUse has no matcher: it runs before every tool.
    markers: ['.github/hooks', '.github/copilot-instructions.md'],
    file: '.github/hooks/gitops-guard.json',
    fallbackShellTools: COPILOT_SHELLS,
    powershell: true,
    merge: (existing, command, more) => addHookEntry(existing, '.github/hooks/gitops-guard.json', 'copilot', 'preToolUse',
      { type: 'command', bash: command, ...(more?.powershell ? { powershell: more.powershell } : {}), timeoutSec: 30 }, { version: 1 }),
  },
  quick(input) {
    // The camelCase form. toolArgs is a JSON string in the documentation; Copilot CLI 1.0.102
    // sends it as an object (test/fixtures/hooks/recorded/copilot.json). Both are read here.
    if (!isRecord(input) || typeof input.toolName !== 'string' || !(typeof input.toolArgs === 'string' || isRecord(input.toolArgs))
      || !optionalString(input.cwd)) return undefined;
    if (COPILOT_READ_TOOLS.includes(input.toolName)) return { kind: 'other' };
    let args: unknown = input.toolArgs;
    if (typeof args === 'string') {
      const parsed = argsOf(input.toolName, args);
      if (!parsed.ok) return undefined;
      args = parsed.value;
    }
    return readTool(input.toolName, args, input.cwd);
  },
  parse(input, z) {
    const v = validate(copilotInput(z), input, 'Copilot');
    const tool = String('toolName' in v ? v.toolName : v.tool_name);
    if (COPILOT_READ_TOOLS.includes(tool)) return { kind: 'other' };
    let args: unknown = 'toolArgs' in v ? v.toolArgs : v.tool_input;
    if (typeof args === 'string') {
      const parsed = argsOf(tool, args);
      if (!parsed.ok) throw new HookInputError('Copilot hook input does not have the expected shape: toolArgs is not valid JSON');
      args = parsed.value;
    }
    const read = readTool(tool, args, v.cwd);
    if (read !== undefined) return read;
    validate(z.object({ [SHELL_INPUT[tool]!]: z.string() }).passthrough(), args, `Copilot ${tool}`);
    throw new HookInputError(`Copilot ${tool} hook input does not have the expected shape`);
  },
  reply(outcome) {
    if (outcome.decision === 'allow') return { exit: 0 };
    return { stdout: json({ permissionDecision: 'deny', permissionDecisionReason: outcome.reason }), exit: 0 };
  },
  block: (reason) => ({
    stdout: json({ permissionDecision: 'deny', permissionDecisionReason: reason }),
    stderr: reason + '\n',
    exit: 2,
  }),
};
