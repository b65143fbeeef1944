// The MCP server: the GitOps loop as tools for coding agents, over stdio. Nothing but protocol goes
// to stdout; diagnostics go to stderr and to MCP logging. A process starts in front.ts, which
// answers the first requests from the manifest and loads this module (the SDK, zod, the tools) after.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { JSONRPCMessageSchema, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import type { ResolvedConfig } from '../config.js';
import { ToolContext } from './context.js';
import { registerChangeTools } from './tools/change.js';
import { registerEnvironmentsTool, registerPromoteTool } from './tools/environments.js';
import { registerLookTools } from './tools/look.js';

export interface ServeOptions {
  readonly readOnly?: boolean;
  readonly version: string;
}

export const INSTRUCTIONS = 'Deploy only through git: use deploy (commit + push, then the server applies it) instead of running docker or '
  + 'editing files on the server; use status and logs to look at the server; use check_command before a shell command that '
  + 'touches docker, ssh or git push; with several environments, pass env, see them with environments, and move a tested commit on with promote.';

export function createMcpServer(config: ResolvedConfig, cwd: string, options: ServeOptions) {
  const server = new McpServer({ name: 'gitops-guard', version: options.version }, { capabilities: { logging: {} }, instructions: INSTRUCTIONS });
  const ctx = new ToolContext(config, cwd);
  ctx.log = (level, message) => {
    process.stderr.write(`gitops-guard mcp: ${level}: ${message}\n`);
    if (server.isConnected()) void server.sendLoggingMessage({ level, logger: 'gitops-guard', data: message }).catch(() => undefined);
  };
  registerLookTools(server, ctx);
  registerEnvironmentsTool(server, ctx);
  if (!options.readOnly && !config.mcpReadOnly) {
    registerChangeTools(server, ctx);
    registerPromoteTool(server, ctx);
  }
  // The tool list never changes while the server runs: do not advertise list_changed notifications
  // (McpServer adds `listChanged: true` when the first tool is registered, and offers no way to
  // leave it out: getCapabilities is private, hence the bracket; test/mcp.test.ts checks the result).
  const tools = server.server['getCapabilities']().tools;
  if (tools) delete tools.listChanged;
  return { server, ctx };
}

/** Messages as the front parsed them, checked against the protocol's schema as the SDK's stdio transport does. */
export function checkMessage(raw: unknown): JSONRPCMessage {
  return JSONRPCMessageSchema.parse(raw);
}

/** Start the SDK server on a transport the front provides; resolves once connected. */
export async function startServer(config: ResolvedConfig, cwd: string, options: ServeOptions, transport: Transport) {
  const { server, ctx } = createMcpServer(config, cwd, options);
  await server.connect(transport);
  return { server, ctx };
}
