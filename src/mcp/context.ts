// What every tool of the MCP server shares: the project's config, one guard, and one kept SSH
// connection to the server (created on first use, reopened when it drops).
import { z } from 'zod';
import type { ResolvedConfig } from '../config.js';
import { selectEnvironment } from '../environments.js';
import type { Guard } from '../guard.js';
import { Fleet } from '../remote/fleet.js';
import type { Server } from '../remote/server.js';

/** A tool's `env` argument: an environment name as the config spells them (checked against the config by view()). */
export const ENV_ARG = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, 'an environment name')
  .describe('The environment (staging, prod, …; call environments to list them). Default: the config\'s defaultEnvironment.').optional();

export class ToolContext {
  /** One kept fleet (an SSH pool and a Server per host) per environment. */
  private readonly fleets = new Map<string, Fleet>();
  private guard: Promise<Guard> | undefined;

  /** Diagnostics for the client (MCP logging) and stderr; never stdout, which carries the protocol. */
  log: (level: 'info' | 'warning' | 'error', message: string) => void = () => undefined;

  constructor(readonly config: ResolvedConfig, readonly cwd: string) {}

  /** The view of environment `env` (default: the config's), or an Error with selectEnvironment's message. */
  view(env?: string): ResolvedConfig {
    const v = selectEnvironment(this.config, env);
    if ('error' in v) throw new Error(v.error);
    return v;
  }

  /** Every server of an environment (none when it has no host). */
  fleet(env?: string): Fleet {
    const view = this.view(env);
    let f = this.fleets.get(view.environment);
    if (!f) { f = new Fleet(view); this.fleets.set(view.environment, f); }
    return f;
  }

  /** The (first) server of an environment, or an error that says how to configure it. */
  remote(env?: string): Server {
    const s = this.fleet(env).servers[0];
    if (!s) throw new Error(NO_HOST.message);
    return s;
  }

  classifier(): Promise<Guard> {
    this.guard ??= import('../guard.js').then(({ createGuard }) => createGuard({ cwd: this.cwd, ...(this.config.file ? { configFile: this.config.file } : {}) }));
    return this.guard;
  }

  close(): void {
    for (const f of this.fleets.values()) f.close();
  }
}

/** A tool result: the structured value, and the same as text for clients that read only text. */
export function result<T extends Record<string, unknown>>(structured: T, text: string) {
  return { structuredContent: structured, content: [{ type: 'text' as const, text }] };
}

/** What a tool that needs the server says when none is configured (not "unreachable": there is nothing to reach). */
export const NO_HOST = {
  message: 'no server is configured for this project: gitops-guard.json has no "host"',
  next: 'set "host" (an ssh destination) and "remotePath" in gitops-guard.json, or run gitops-guard init --host HOST; '
    + 'deploy still commits and pushes without one',
} as const;

/** The failure for a tool that needs the server, when none is configured; null when there is one. */
export function needsHost(ctx: ToolContext, env?: string) {
  return ctx.view(env).host ? null : failure(new Error(NO_HOST.message), NO_HOST.next);
}

/** What to do after a failure to reach the server, by what went wrong (SshError kinds, see remote/ssh.ts). */
export function serverNext(e: unknown, ctx: ToolContext, env?: string): string {
  const kind = (e as { kind?: unknown }).kind;
  const c = ctx.view(env);
  const where = `${c.user ? `${c.user}@` : ''}${c.host}${c.port ? `:${c.port}` : ''}`;
  if (kind === 'unreachable' || kind === 'timeout' || kind === 'dropped') return `check that ${where} is up and that host and port in gitops-guard.json are right, then try again`;
  if (kind === 'unknown-host-key' || kind === 'changed-host-key' || kind === 'revoked-host-key') return 'a person must check the server\'s host key and record it in known_hosts (never accept it blindly)';
  if (kind === 'auth' || kind === 'key') return `make a key that ${where} accepts available: ssh-agent (SSH_AUTH_SOCK in the MCP server's env) or identityFile in gitops-guard.json`;
  return 'fix what the message says in gitops-guard.json or the ssh config, then try again';
}

/** A failure the agent can act on: what happened and what to do next. Never a crash. */
export function failure(e: unknown, next?: string) {
  const message = e instanceof Error ? e.message : String(e);
  return { isError: true, content: [{ type: 'text' as const, text: next ? `${message}\nNext: ${next}` : message }] };
}
