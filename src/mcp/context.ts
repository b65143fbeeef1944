// What every tool of the MCP server shares: the project's config, one guard, and one kept SSH
// connection to the server (created on first use, reopened when it drops).
import type { ResolvedConfig } from '../config.js';
import type { Guard } from '../guard.js';
import { Server } from '../remote/server.js';

export class ToolContext {
  private server: Server | undefined;
  private guard: Promise<Guard> | undefined;

  /** Diagnostics for the client (MCP logging) and stderr; never stdout, which carries the protocol. */
  log: (level: 'info' | 'warning' | 'error', message: string) => void = () => undefined;

  constructor(readonly config: ResolvedConfig, readonly cwd: string) {}

  /** The server, or an error that says how to configure it. */
  remote(): Server {
    this.server ??= new Server(this.config);
    return this.server;
  }

  classifier(): Promise<Guard> {
    this.guard ??= import('../guard.js').then(({ createGuard }) => createGuard({ cwd: this.cwd, ...(this.config.file ? { configFile: this.config.file } : {}) }));
    return this.guard;
  }

  close(): void {
    this.server?.close();
  }
}

/** A tool result: the structured value, and the same as text for clients that read only text. */
export function result<T extends Record<string, unknown>>(structured: T, text: string) {
  return { structuredContent: structured, content: [{ type: 'text' as const, text }] };
}

/** A failure the agent can act on: what happened and what to do next. Never a crash. */
export function failure(e: unknown, next?: string) {
  const message = e instanceof Error ? e.message : String(e);
  return { isError: true, content: [{ type: 'text' as const, text: next ? `${message}\nNext: ${next}` : message }] };
}
