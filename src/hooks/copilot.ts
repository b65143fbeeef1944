import { addHookEntry, isRecord, json, optionalString, schema, shell, validate } from './common.js';
import { edit, field, patchEdit } from './edits.js';
import { HookInputError, type HookAdapter, type HookInput } from './types.js';

// https://docs.github.com/en/copilot/reference/copilot-cli-reference/cli-hooks-reference
// (preToolUse in .github/hooks/*.json): stdin { timestamp, cwd, toolName, toolArgs } with toolArgs
// a JSON string or an object (or, with PascalCase event names, tool_name/tool_input). stdout
// { permissionDecision: deny, permissionDecisionReason }; only deny is documented to take effect.
const copilotInput = schema((z) => z.union([
  z.object({ toolName: z.string(), toolArgs: z.union([z.string(), z.record(z.unknown())]), cwd: z.string().optional() }).passthrough(),
  z.object({ tool_name: z.string(), tool_input: z.record(z.unknown()), cwd: z.string().optional() }).passthrough(),
]));
const commandInput = schema((z) => z.object({ command: z.string() }).passthrough());
export const COPILOT_SHELLS = ['bash', 'shell', 'powershell', 'run_in_terminal', 'runInTerminal'];

// File edits: Copilot CLI's built-in tools `edit` and `create` take the file in `path`, and
// `apply_patch` (used with OpenAI models) a patch envelope (the tool list in
// https://docs.github.com/en/copilot/reference/copilot-cli-reference/cli-command-reference). preToolUse
// has no matcher, so the hook already sees every tool; toolArgs arrives as a JSON string (the docs)
// or an object (Copilot CLI 1.0.102 as run here).
type ArgsReader = (args: unknown, tool: string, cwd: string | undefined) => HookInput;
const pathArg: ArgsReader = (args, tool, cwd) => {
  const paths = field(args, 'path', 'file_path', 'filePath');
  return edit(tool, paths, cwd, paths.length === 0 ? { unreadable: `no path in the ${tool} call` } : {});
};
const COPILOT_EDIT_TOOLS: Readonly<Record<string, ArgsReader>> = {
  edit: pathArg,
  create: pathArg,
  apply_patch: (args, tool, cwd) => patchEdit(tool, args, cwd),
};
/** toolArgs as a value: JSON text parsed; a patch tool's raw text kept as it is. */
function argsOf(tool: string, raw: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch {
    return tool === 'apply_patch' ? { ok: true, value: raw } : { ok: false };
  }
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
    const reader = Object.hasOwn(COPILOT_EDIT_TOOLS, input.toolName) ? COPILOT_EDIT_TOOLS[input.toolName] : undefined;
    if (!reader && !COPILOT_SHELLS.includes(input.toolName)) return { kind: 'other' };
    let args: unknown = input.toolArgs;
    if (typeof args === 'string') {
      const parsed = argsOf(input.toolName, args);
      if (!parsed.ok) return undefined;
      args = parsed.value;
    }
    if (reader) return reader(args, input.toolName, input.cwd);
    return isRecord(args) && typeof args.command === 'string' ? shell(args.command, input.cwd) : undefined;
  },
  parse(input, z) {
    const v = validate(copilotInput(z), input, 'Copilot');
    const tool = String('toolName' in v ? v.toolName : v.tool_name);
    const reader = Object.hasOwn(COPILOT_EDIT_TOOLS, tool) ? COPILOT_EDIT_TOOLS[tool] : undefined;
    if (!reader && !COPILOT_SHELLS.includes(tool)) return { kind: 'other' };
    let args: unknown = 'toolArgs' in v ? v.toolArgs : v.tool_input;
    if (typeof args === 'string') {
      const parsed = argsOf(tool, args);
      if (!parsed.ok) throw new HookInputError('Copilot hook input does not have the expected shape: toolArgs is not valid JSON');
      args = parsed.value;
    }
    if (reader) return reader(args, tool, v.cwd);
    const command = validate(commandInput(z), args, `Copilot ${tool}`).command;
    return shell(command, v.cwd);
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
