// The servers of one environment: one Server per host in `hosts` (each sees the environment's view
// with `host` set to it), sharing one SSH pool. Deploy waits on every one; status, logs and the
// environments overview ask every one and report a host that cannot be reached by its name.
import type { ResolvedConfig } from '../config.js';
import { SshPool } from './ssh.js';
import { Server, type ServerOptions } from './server.js';

/** The environment's view as one of its hosts sees it (`host` is that host). */
export function hostView(config: ResolvedConfig, host: string): ResolvedConfig {
  return config.host === host ? config : { ...config, host };
}

export class Fleet {
  readonly servers: readonly Server[];
  private readonly first: Server | undefined;

  /** No servers when the environment has no host (or its reconciler is not on a server). */
  constructor(readonly config: ResolvedConfig, options: ServerOptions = {}) {
    const hosts = config.hosts.length > 0 ? config.hosts : config.host ? [config.host] : [];
    const first = hosts[0] === undefined ? undefined : new Server(hostView(config, hosts[0]), options);
    const pool: SshPool | undefined = first?.pool;
    this.first = first;
    this.servers = first ? [first, ...hosts.slice(1).map((h) => new Server(hostView(config, h), { ...options, pool: pool! }))] : [];
  }

  get hosts(): string[] {
    return this.servers.map((s) => s.host);
  }

  /** Ask every host; a host that fails gives its error (by name), not a crash. */
  each<T>(ask: (server: Server) => Promise<T>): Promise<({ host: string; ok: true; value: T } | { host: string; ok: false; error: Error })[]> {
    return Promise.all(this.servers.map((s) => ask(s).then(
      (value) => ({ host: s.host, ok: true as const, value }),
      (e: unknown) => ({ host: s.host, ok: false as const, error: e instanceof Error ? e : new Error(String(e)) }))));
  }

  close(): void {
    // The first server owns the pool (unless one was given), and the others share it.
    this.first?.close();
  }
}
