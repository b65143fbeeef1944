// Connecting to the server like OpenSSH: the destination resolved through ~/.ssh/config (HostName,
// User, Port, IdentityFile, ProxyJump, UserKnownHostsFile; Match exec never runs), keys from
// ssh-agent and identity files, host keys verified on every hop, a connect timeout and keepalive.
// One connection per destination is kept and reopened when it drops. Only `exec` of a command
// string built by commands.ts goes over it.
import { existsSync, readFileSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import SSHConfig from 'ssh-config';
import ssh2, { type AnyAuthMethod, type Client, type ClientChannel } from 'ssh2';
import { verifyHostKey, type HostKeyResult } from './known-hosts.js';

// ssh2 is CommonJS: Node's ESM loader only sees its default export.
const { Client: SshClient, utils } = ssh2;

export interface Endpoint {
  /** The name as given (an alias from ~/.ssh/config, or a host name). */
  readonly alias: string;
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly identityFiles: readonly string[];
}

export interface Destination extends Endpoint {
  /** ProxyJump hops, outermost first. */
  readonly jumps: readonly Endpoint[];
}

export interface SshSettings {
  /** known_hosts files; the first is where accept-new records keys. */
  readonly knownHostsFiles: readonly string[];
  readonly hostKeyPolicy: 'strict' | 'accept-new';
  /** OpenSSH client config to read (null: none). */
  readonly sshConfigFile: string | null;
  readonly connectTimeoutMs: number;
  readonly keepaliveMs: number;
  /** ssh-agent socket (default: $SSH_AUTH_SOCK). */
  readonly agent?: string | undefined;
  /** An identity file to try before the ones from ~/.ssh/config and the defaults. */
  readonly identityFile?: string | undefined;
}

export type SshErrorKind = 'unknown-host-key' | 'changed-host-key' | 'revoked-host-key' | 'auth' | 'unreachable'
  | 'timeout' | 'dropped' | 'key' | 'config';

export class SshError extends Error {
  /** For 'dropped': the command had not started (a kept connection that had gone stale). */
  readonly beforeStart: boolean;
  constructor(readonly kind: SshErrorKind, message: string, beforeStart = false) {
    super(message);
    this.name = 'SshError';
    this.beforeStart = beforeStart;
  }
}

const home = (): string => homedir();
const expandHome = (p: string): string => (p === '~' ? home() : p.startsWith('~/') ? join(home(), p.slice(2)) : p);

export function defaultSettings(overrides: Partial<SshSettings> = {}): SshSettings {
  const h = home();
  return {
    knownHostsFiles: [join(h, '.ssh', 'known_hosts'), join(h, '.ssh', 'known_hosts2'), '/etc/ssh/ssh_known_hosts',
      '/etc/ssh/ssh_known_hosts2'],
    hostKeyPolicy: 'strict',
    sshConfigFile: join(h, '.ssh', 'config'),
    connectTimeoutMs: 10_000,
    keepaliveMs: 15_000,
    ...overrides,
  };
}

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

function readSshConfig(file: string | null): SSHConfig | null {
  if (!file || !existsSync(file)) return null;
  try {
    return SSHConfig.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new SshError('config', `${file}: cannot be read as an ssh config (${(e as Error).message})`);
  }
}

/** `[user@]host[:port]` (ProxyJump syntax) */
function splitSpec(spec: string): { user?: string; host: string; port?: number } {
  let rest = spec.replace(/^ssh:\/\//, '');
  let user: string | undefined;
  const at = rest.lastIndexOf('@');
  if (at >= 0) { user = rest.slice(0, at); rest = rest.slice(at + 1); }
  const m = /^\[([^\]]+)\](?::(\d+))?$/.exec(rest) ?? /^([^:]+)(?::(\d+))?$/.exec(rest);
  if (!m) throw new SshError('config', `cannot read "${spec}" as [user@]host[:port]`);
  return { ...(user ? { user } : {}), host: m[1]!, ...(m[2] ? { port: Number(m[2]) } : {}) };
}

function resolveEndpoint(spec: { host: string; user?: string | undefined; port?: number | undefined }, config: SSHConfig | null):
  { endpoint: Endpoint; proxyJump?: string; knownHosts?: string[] } {
  const computed = config ? config.compute(spec.host, { matchExec: false }) : {};
  const identity = computed.IdentityFile;
  const port = spec.port ?? (first(computed.Port) ? Number(first(computed.Port)) : 22);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new SshError('config', `bad port for ${spec.host}: ${port}`);
  const proxyJump = first(computed.ProxyJump);
  const knownHosts = computed.UserKnownHostsFile;
  return {
    endpoint: {
      alias: spec.host,
      host: first(computed.HostName) ?? spec.host,
      port,
      user: spec.user ?? first(computed.User) ?? userInfo().username,
      identityFiles: (Array.isArray(identity) ? identity : identity ? [identity] : []).map(expandHome),
    },
    ...(proxyJump && proxyJump.toLowerCase() !== 'none' ? { proxyJump } : {}),
    ...(knownHosts ? { knownHosts: (Array.isArray(knownHosts) ? knownHosts : knownHosts.split(/\s+/)).map(expandHome) } : {}),
  };
}

/** Resolve a destination (and its ProxyJump hops) through the ssh config. */
export function resolveDestination(spec: { host: string; user?: string | undefined; port?: number | undefined }, settings: SshSettings):
  { destination: Destination; settings: SshSettings } {
  const config = readSshConfig(settings.sshConfigFile);
  const target = resolveEndpoint(spec, config);
  const jumps = (target.proxyJump ?? '').split(',').filter(Boolean).map((j) => resolveEndpoint(splitSpec(j), config).endpoint);
  const files = target.knownHosts ? [...target.knownHosts, ...settings.knownHostsFiles] : settings.knownHostsFiles;
  return { destination: { ...target.endpoint, jumps }, settings: { ...settings, knownHostsFiles: files } };
}

const DEFAULT_IDENTITIES = ['id_ed25519', 'id_ecdsa', 'id_rsa'];

/** The authentication methods to try, in order: the agent, then each identity file. */
function authMethods(endpoint: Endpoint, settings: SshSettings): AnyAuthMethod[] {
  const methods: AnyAuthMethod[] = [];
  const agent = settings.agent ?? process.env.SSH_AUTH_SOCK;
  if (agent) methods.push({ type: 'agent', username: endpoint.user, agent });
  const files = [
    ...(settings.identityFile ? [expandHome(settings.identityFile)] : []),
    ...endpoint.identityFiles,
    ...(endpoint.identityFiles.length === 0 ? DEFAULT_IDENTITIES.map((n) => join(home(), '.ssh', n)) : []),
  ];
  const problems: string[] = [];
  for (const file of [...new Set(files)]) {
    if (!existsSync(file)) continue;
    const parsed = utils.parseKey(readFileSync(file));
    if (parsed instanceof Error) {
      problems.push(/encrypted|passphrase/i.test(parsed.message)
        ? `${file} is encrypted: load it into ssh-agent (ssh-add ${file}) and make sure SSH_AUTH_SOCK reaches gitops-guard`
        : `${file}: ${parsed.message}`);
      continue;
    }
    methods.push({ type: 'publickey', username: endpoint.user, key: Array.isArray(parsed) ? parsed[0]! : parsed });
  }
  if (methods.length === 0) {
    throw new SshError('key', `no way to log in to ${endpoint.user}@${endpoint.host}: no ssh-agent (SSH_AUTH_SOCK) and no `
      + `usable identity file${problems.length ? ` (${problems.join('; ')})` : ` (looked for ${files.join(', ')})`}`);
  }
  return methods;
}

/** Open one authenticated connection, over `sock` when it is a hop behind a jump host. */
function connectOne(endpoint: Endpoint, settings: SshSettings, sock?: Readable): Promise<Client> {
  const methods = authMethods(endpoint, settings);
  const name = endpoint.port === 22 ? endpoint.host : `${endpoint.host}:${endpoint.port}`;
  return new Promise((resolve, reject) => {
    const client = new SshClient();
    let hostKey: HostKeyResult | undefined;
    let settled = false;
    const fail = (e: SshError): void => {
      if (settled) return;
      settled = true;
      client.end();
      reject(e);
    };
    // Small request/response packets: without TCP_NODELAY each exec waits on delayed ACKs (~25 ms here).
    client.on('connect', () => client.setNoDelay(true));
    client.on('ready', () => {
      settled = true;
      resolve(client);
    });
    client.on('error', (e: Error & { level?: string; code?: string }) => {
      if (hostKey && !hostKey.ok) {
        fail(new SshError(`${hostKey.kind}-host-key` as SshErrorKind, hostKey.message));
      } else if (e.level === 'client-authentication') {
        fail(new SshError('auth', `${endpoint.user}@${name} refused every key offered (${methods.map((m) => m.type).join(', ')})`));
      } else if (e.level === 'client-timeout' || /Timed out/.test(e.message)) {
        fail(new SshError('timeout', `no answer from ${name} within ${settings.connectTimeoutMs} ms`));
      } else {
        fail(new SshError('unreachable', `cannot reach ${name}: ${e.code ?? ''} ${e.message}`.replace(/\s+/g, ' ').trim()));
      }
    });
    client.on('close', () => fail(new SshError('unreachable', `${name} closed the connection during the handshake`)));
    client.connect({
      host: endpoint.host,
      port: endpoint.port,
      username: endpoint.user,
      ...(sock ? { sock } : {}),
      readyTimeout: settings.connectTimeoutMs,
      keepaliveInterval: settings.keepaliveMs,
      keepaliveCountMax: 3,
      hostVerifier: (key: Buffer) => {
        hostKey = verifyHostKey(endpoint.host, endpoint.port, key, {
          files: settings.knownHostsFiles, policy: settings.hostKeyPolicy,
        });
        return hostKey.ok;
      },
      authHandler: methods,
    });
  });
}

/** Connect through every ProxyJump hop (each with its own host-key check), then to the target. */
export async function connect(destination: Destination, settings: SshSettings): Promise<{ client: Client; hops: Client[] }> {
  const hops: Client[] = [];
  try {
    let sock: Readable | undefined;
    for (const [i, jump] of destination.jumps.entries()) {
      const hop = await connectOne(jump, settings, sock);
      hops.push(hop);
      const next = destination.jumps[i + 1] ?? destination;
      sock = await new Promise<ClientChannel>((resolve, reject) => {
        hop.forwardOut('127.0.0.1', 0, next.host, next.port, (err, stream) => {
          if (err) reject(new SshError('unreachable', `jump host ${jump.host} cannot reach ${next.host}:${next.port}: ${err.message}`));
          else resolve(stream);
        });
      });
    }
    const client = await connectOne(destination, settings, sock);
    return { client, hops };
  } catch (e) {
    for (const h of hops) h.end();
    throw e;
  }
}

export interface ExecOptions {
  /** Give up (and close the channel) after this long; the result says it timed out. */
  readonly timeoutMs?: number;
  /** Keep at most this many bytes of each of stdout and stderr. */
  readonly maxBytes?: number;
  /** Sent to the command's standard input, which is then closed. */
  readonly stdin?: string;
}

export interface ExecResult {
  readonly code: number | null;
  readonly signal?: string;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout or stderr was cut at maxBytes. */
  readonly truncated: boolean;
  readonly timedOut: boolean;
}

/** Run one command on an open connection. */
export function exec(client: Client, command: string, options: ExecOptions = {}): Promise<ExecResult> {
  const max = options.maxBytes ?? 4 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    let done = false;
    const onLost = (): void => {
      if (done) return;
      done = true;
      reject(new SshError('dropped', 'the connection to the server was lost while the command was running'));
    };
    client.once('close', onLost);
    client.exec(command, (err, channel) => {
      if (err) {
        done = true;
        client.off('close', onLost);
        reject(new SshError('dropped', `cannot run a command on the server: ${err.message}`, true));
        return;
      }
      const out: Buffer[] = [];
      const errs: Buffer[] = [];
      let outBytes = 0;
      let errBytes = 0;
      let truncated = false;
      let timedOut = false;
      let code: number | null = null;
      let signal: string | undefined;
      const take = (list: Buffer[], chunk: Buffer, used: number): number => {
        const room = max - used;
        if (room <= 0) { truncated = true; return used; }
        if (chunk.length > room) { truncated = true; list.push(chunk.subarray(0, room)); return max; }
        list.push(chunk);
        return used + chunk.length;
      };
      if (options.stdin !== undefined) channel.end(options.stdin);
      channel.on('data', (c: Buffer) => { outBytes = take(out, c, outBytes); });
      channel.stderr.on('data', (c: Buffer) => { errBytes = take(errs, c, errBytes); });
      channel.on('exit', (c: number | null, s?: string) => { code = c; if (s) signal = s; });
      const timer = options.timeoutMs ? setTimeout(() => { timedOut = true; channel.close(); }, options.timeoutMs) : undefined;
      channel.on('close', () => {
        if (timer) clearTimeout(timer);
        client.off('close', onLost);
        if (done) return;
        done = true;
        resolve({
          code, ...(signal ? { signal } : {}), stdout: Buffer.concat(out).toString('utf8'),
          stderr: Buffer.concat(errs).toString('utf8'), truncated, timedOut,
        });
      });
    });
  });
}

/** One connection per destination, kept open across calls and reopened when it has dropped. */
export class SshPool {
  private readonly open = new Map<string, Promise<{ client: Client; hops: Client[] }>>();

  constructor(private readonly settings: SshSettings) {}

  private key(d: Destination): string {
    return [d, ...d.jumps].map((e) => `${e.user}@${e.host}:${e.port}`).join('<');
  }

  private connection(destination: Destination, settings: SshSettings): Promise<{ client: Client; hops: Client[] }> {
    const key = this.key(destination);
    let conn = this.open.get(key);
    if (!conn) {
      conn = connect(destination, settings);
      this.open.set(key, conn);
      conn.then(({ client }) => {
        client.on('close', () => { if (this.open.get(key) === conn) this.open.delete(key); });
        client.on('error', () => { if (this.open.get(key) === conn) this.open.delete(key); });
      }, () => { if (this.open.get(key) === conn) this.open.delete(key); });
    }
    return conn;
  }

  /** Run a command, reconnecting once if a kept connection turns out to have dropped. */
  async run(spec: { host: string; user?: string | undefined; port?: number | undefined }, command: string,
    options: ExecOptions = {}): Promise<ExecResult> {
    const { destination, settings } = resolveDestination(spec, this.settings);
    const reused = this.open.has(this.key(destination));
    const { client } = await this.connection(destination, settings);
    try {
      return await exec(client, command, options);
    } catch (e) {
      // Only a kept connection that went stale is retried; a drop mid-command is reported.
      if (!(e instanceof SshError && e.kind === 'dropped' && e.beforeStart && reused)) throw e;
      this.open.delete(this.key(destination));
      const fresh = await this.connection(destination, settings);
      return exec(fresh.client, command, options);
    }
  }

  /** Open connections, by destination (for tests and diagnostics). */
  get size(): number {
    return this.open.size;
  }

  close(): void {
    for (const conn of this.open.values()) {
      conn.then(({ client, hops }) => { client.end(); for (const h of hops) h.end(); }, () => undefined);
    }
    this.open.clear();
  }
}
