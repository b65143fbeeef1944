// The MCP server: the GitOps loop as tools for coding agents, over stdio. Nothing but protocol goes
// to stdout; diagnostics go to stderr and to MCP logging.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { ResolvedConfig } from '../config.js';
import { ToolContext } from './context.js';
import { registerChangeTools } from './tools/change.js';
import { registerLookTools } from './tools/look.js';

export function createMcpServer(config: ResolvedConfig, cwd: string, options: { readOnly?: boolean; version: string }) {
  const server = new McpServer(
    { name: 'gitops-guard', version: options.version },
    {
      capabilities: { logging: {} },
      instructions: 'Deploy only through git: use deploy (commit + push, then the server applies it) instead of running docker or '
        + 'editing files on the server; use status and logs to look at the server; use check_command before a shell command that '
        + 'touches docker, ssh or git push.',
    },
  );
  const ctx = new ToolContext(config, cwd);
  ctx.log = (level, message) => {
    process.stderr.write(`gitops-guard mcp: ${level}: ${message}\n`);
    if (server.isConnected()) void server.sendLoggingMessage({ level, logger: 'gitops-guard', data: message }).catch(() => undefined);
  };
  registerLookTools(server, ctx);
  if (!options.readOnly && !config.mcpReadOnly) registerChangeTools(server, ctx);
  return { server, ctx };
}

export async function serveStdio(config: ResolvedConfig, cwd: string, options: { readOnly?: boolean; version: string }): Promise<void> {
  const { server, ctx } = createMcpServer(config, cwd, options);
  const transport = new StdioServerTransport();
  const done = new Promise<void>((resolve) => { transport.onclose = () => resolve(); });
  await server.connect(transport);
  process.stderr.write(`gitops-guard MCP server on stdio (${options.readOnly || config.mcpReadOnly ? 'read-only' : 'read-write'}) for ${config.root}\n`);
  await done;
  ctx.close();
}
