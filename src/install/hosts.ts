// What `init`, `doctor` and `uninstall` know about each agent host beyond its hook protocol (which is
// in src/hooks/): where it reads MCP servers from, how to feed its hook a probe and read the answer,
// and files that switch its hooks off. Data, one entry per host; trust gates are in trust.ts.

/** Where a host reads MCP servers from. */
export type McpPlacement =
  /** A project file init edits: `key` is the object holding the servers. */
  | { readonly kind: 'file'; readonly file: string; readonly key: string; readonly withType: boolean }
  /** A file outside the project (per user): init shows the entry and writes nothing. */
  | { readonly kind: 'shown'; readonly where: string; readonly format: 'toml' | 'json' };

export interface HostFacts {
  readonly mcp: McpPlacement;
  /** A step the host asks of the person before it starts a project's MCP server. */
  readonly mcpApproval?: string;
  /** The hook input this host sends for a shell command. */
  probe(command: string, cwd: string): unknown;
  /** Whether the hook's answer stops the tool call (as this host reads it). */
  blocks(stdout: string, exit: number): boolean;
  /** Project files that switch this host's hooks off, with the test and why. */
  readonly shadows?: readonly { readonly file: string; readonly off: (settings: Record<string, any>) => string | undefined }[];
}

const parsed = (stdout: string): Record<string, any> => {
  try {
    const v: unknown = JSON.parse(stdout);
    return v && typeof v === 'object' ? (v as Record<string, any>) : {};
  } catch {
    return {};
  }
};

const claudeBlocks = (stdout: string, exit: number): boolean =>
  exit === 2 || ['deny', 'ask'].includes(parsed(stdout).hookSpecificOutput?.permissionDecision);

const claudeOff = (settings: Record<string, any>): string | undefined =>
  (settings.disableAllHooks === true ? '"disableAllHooks": true switches every hook off' : undefined);

/** Event names Cursor's hooks.json accepts; one it does not know disables the whole file. */
export const CURSOR_EVENTS = ['beforeShellExecution', 'afterShellExecution', 'beforeMCPExecution', 'afterMCPExecution',
  'beforeReadFile', 'afterFileEdit', 'beforeSubmitPrompt', 'afterAgentResponse', 'afterAgentThought', 'stop',
  'beforeTabFileRead', 'afterTabFileEdit', 'sessionStart', 'sessionEnd', 'preToolUse', 'postToolUse',
  'postToolUseFailure', 'subagentStart', 'subagentStop', 'preCompact'];

export const HOST_FACTS: Readonly<Record<string, HostFacts>> = {
  claude: {
    mcp: { kind: 'file', file: '.mcp.json', key: 'mcpServers', withType: true },
    mcpApproval: 'Claude Code starts the MCP servers of a project\'s .mcp.json only once you approve them: it asks when it starts in this project (its trust dialog)',
    probe: (command, cwd) => ({ hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command }, cwd, session_id: 'gitops-guard-doctor' }),
    blocks: claudeBlocks,
    shadows: [{ file: '.claude/settings.json', off: claudeOff }, { file: '.claude/settings.local.json', off: claudeOff }],
  },
  codex: {
    mcp: { kind: 'shown', where: '~/.codex/config.toml', format: 'toml' },
    probe: (command, cwd) => ({ hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command }, cwd, session_id: 'gitops-guard-doctor', turn_id: '1' }),
    blocks: claudeBlocks,
  },
  cursor: {
    mcp: { kind: 'file', file: '.cursor/mcp.json', key: 'mcpServers', withType: false },
    probe: (command, cwd) => ({ hook_event_name: 'beforeShellExecution', command, cwd, workspace_roots: [cwd] }),
    blocks: (stdout, exit) => exit === 2 || ['deny', 'ask'].includes(parsed(stdout).permission),
    shadows: [{
      file: '.cursor/hooks.json',
      off: (settings) => {
        const unknown = Object.keys(settings.hooks ?? {}).filter((e) => !CURSOR_EVENTS.includes(e));
        return unknown.length > 0 ? `unknown event name(s) ${unknown.join(', ')}: Cursor ignores the whole file` : undefined;
      },
    }],
  },
  gemini: {
    mcp: { kind: 'file', file: '.gemini/settings.json', key: 'mcpServers', withType: false },
    probe: (command, cwd) => ({ hook_event_name: 'BeforeTool', tool_name: 'run_shell_command', tool_input: { command }, cwd, session_id: 'gitops-guard-doctor' }),
    blocks: (stdout, exit) => exit === 2 || parsed(stdout).decision === 'deny',
  },
  copilot: {
    mcp: { kind: 'file', file: '.vscode/mcp.json', key: 'servers', withType: true },
    probe: (command, cwd) => ({ timestamp: 0, cwd, toolName: 'bash', toolArgs: JSON.stringify({ command }) }),
    blocks: (stdout, exit) => exit === 2 || parsed(stdout).permissionDecision === 'deny',
  },
  windsurf: {
    mcp: { kind: 'shown', where: '~/.codeium/windsurf/mcp_config.json', format: 'json' },
    probe: (command, cwd) => ({ agent_action_name: 'pre_run_command', tool_info: { command_line: command, cwd } }),
    blocks: (_stdout, exit) => exit === 2,
  },
  cline: {
    mcp: { kind: 'shown', where: "Cline's cline_mcp_settings.json (MCP Servers → Configure)", format: 'json' },
    probe: (command, cwd) => ({ hookName: 'PreToolUse', preToolUse: { toolName: 'execute_command', parameters: { command } }, workspaceRoots: [cwd] }),
    blocks: (stdout) => parsed(stdout).cancel === true,
  },
};

/** The probes doctor feeds each hook: one the policy forbids, one it allows. */
export const PROBES = { forbidden: 'docker compose up -d', benign: 'ls' } as const;
