// The agent hosts' own command lines that write their settings, MCP server lists or plugins: each
// entry there is a command the host starts outside the shell hook, so they are guarded files
// (policy/guarded.ts) and these subcommands write them. Data; expand/written-paths.ts reads it.
import type { OptionGrammar } from '../getopt.js';

export interface SettingsWriter {
  /** The program's own options before its subcommands (those that take a value). */
  readonly options?: OptionGrammar;
  /** Subcommand paths (`mcp add`) and the files each may write (`~/` the home, others from the working directory). */
  readonly subcommands: readonly { readonly path: readonly string[]; readonly files: readonly string[] }[];
}

const CLAUDE_MCP = ['~/.claude.json', '.mcp.json'];
const CLAUDE_PLUGINS = ['~/.claude/plugins/installed_plugins.json', '~/.claude/plugins/known_marketplaces.json', '~/.claude/settings.json', '.claude/settings.json'];
const GEMINI_SETTINGS = ['~/.gemini/settings.json', '.gemini/settings.json'];

export const SETTINGS_WRITERS: Readonly<Record<string, SettingsWriter>> = {
  // `claude mcp add|add-json|add-from-claude-desktop|remove` (-s local|user: ~/.claude.json; -s project: .mcp.json).
  claude: {
    options: {
      long: ['model=', 'permission-mode=', 'settings=', 'mcp-config=', 'add-dir=', 'allowedTools=', 'disallowedTools=', 'output-format=',
        'input-format=', 'append-system-prompt=', 'system-prompt=', 'session-id=', 'agents=', 'setting-sources=', 'plugin-dir=',
        'fallback-model=', 'max-turns=', 'resume=?', 'debug=?'],
    },
    subcommands: [
      ...['add', 'add-json', 'add-from-claude-desktop', 'remove', 'reset-project-choices'].map((s) => ({ path: ['mcp', s], files: CLAUDE_MCP })),
      ...['install', 'uninstall', 'enable', 'disable', 'update', 'i'].map((s) => ({ path: ['plugin', s], files: CLAUDE_PLUGINS })),
      ...['add', 'remove', 'update', 'rm'].map((s) => ({ path: ['plugin', 'marketplace', s], files: CLAUDE_PLUGINS })),
      ...['set', 'add', 'remove'].map((s) => ({ path: ['config', s], files: ['~/.claude.json', '.claude/settings.json', '.claude/settings.local.json'] })),
    ],
  },
  // `codex mcp add|remove` and `codex features enable|disable` write $CODEX_HOME/config.toml.
  codex: {
    options: { short: 'm:p:c:s:a:C:i:', long: ['model=|m', 'profile=|p', 'config=|c', 'sandbox=|s', 'ask-for-approval=|a', 'cd=|C', 'image=|i'] },
    subcommands: [
      ...['add', 'remove'].map((s) => ({ path: ['mcp', s], files: ['~/.codex/config.toml'] })),
      ...['enable', 'disable'].map((s) => ({ path: ['features', s], files: ['~/.codex/config.toml'] })),
    ],
  },
  // `gemini mcp add|remove` (-s project: .gemini/settings.json, -s user: ~/.gemini/settings.json); extensions live in ~/.gemini/extensions.
  gemini: {
    options: { short: 'm:', long: ['model=|m'] },
    subcommands: [
      ...['add', 'remove'].map((s) => ({ path: ['mcp', s], files: GEMINI_SETTINGS })),
      ...['install', 'uninstall', 'link', 'enable', 'disable', 'update', 'new'].map((s) => ({ path: ['extensions', s], files: ['~/.gemini/extensions/.installed', ...GEMINI_SETTINGS] })),
    ],
  },
};

/**
 * An agent host's CLI started as a session of its own, and what leaves the project's hooks (gitops-guard's
 * among them) out of it: a list of setting sources without the project's (Claude Code `--setting-sources
 * user,local`: .claude/settings.json is not loaded), or settings given on the command line (inline JSON or a
 * file) that turn every hook off (`--settings '{"disableAllHooks": true}'`: flag settings sit above the
 * project's). code.claude.com CLI reference `--setting-sources`, `--settings`; settings `disableAllHooks`.
 */
export interface HostSession {
  readonly options: OptionGrammar;
  readonly sources: { readonly option: string; readonly project: string };
  readonly settings: { readonly option: string; readonly hooksOff: string };
}

export const HOST_SESSIONS: Readonly<Record<string, HostSession>> = {
  claude: {
    options: {
      short: 'pcrhvd',
      long: ['print|p', 'continue|c', 'resume=?|r', 'model=', 'permission-mode=', 'settings=', 'mcp-config=', 'add-dir=', 'allowedTools=', 'allowed-tools=',
        'disallowedTools=', 'disallowed-tools=', 'output-format=', 'input-format=', 'append-system-prompt=', 'system-prompt=', 'session-id=', 'agents=',
        'setting-sources=', 'plugin-dir=', 'fallback-model=', 'max-turns=', 'debug=?|d', 'dangerously-skip-permissions', 'verbose', 'ide', 'strict-mcp-config',
        'fork-session', 'include-partial-messages', 'replay-user-messages', 'help|h', 'version|v'],
      permute: true,
    },
    sources: { option: '--setting-sources', project: 'project' },
    settings: { option: '--settings', hooksOff: 'disableAllHooks' },
  },
};
