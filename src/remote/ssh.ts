// Connecting to the server like OpenSSH: the destination resolved through ~/.ssh/config and
// /etc/ssh/ssh_config as ssh(1) reads them (ssh-config.ts: Include, Match, HostName, User, Port,
// IdentityFile, IdentityAgent, ProxyJump, ProxyCommand, UserKnownHostsFile), keys from ssh-agent
// and identity files, host keys verified on every hop, a connect timeout and keepalive. One
// connection per destination is kept and reopened when it drops. Only `exec` of a command string
// built by commands.ts goes over it. ssh2 loads on the first connection, not with this module.
// Destinations with OpenSSH certificates, which ssh2 cannot do, go through ssh(1) (openssh.ts).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import { Duplex, type Readable } from 'node:stream';
import type { AnyAuthMethod, Client, ClientChannel } from 'ssh2';
import { verifyHostKey, type HostKeyResult } from './known-hosts.js';
import { needsOpenSsh, OpenSshFailure, runOpenSsh } from './openssh.js';
import { expandPath, expandTokens, first, readSshOptions, SshConfigError, TOKENS, type SshOptions } from './ssh-config.js';

type Ssh2 = typeof import('ssh2');
let ssh2: Promise<Ssh2> | undefined;
/** ssh2, loaded once. It is CommonJS: under Node's ESM loader its exports are on `default`. */
function loadSsh2(): Promise<Ssh2> {
  ssh2 ??= import('ssh2').then((m) => ((m as { default?: Ssh2 }).default ?? m));
  return ssh2;
}

export interface Endpoint {
  /** The name as given (an alias from ~/.ssh/config, or a host name). */
  readonly alias: string;
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly identityFiles: readonly string[];
  /** CertificateFile: ssh2 cannot present OpenSSH certificates, so such a destination goes through ssh(1) (openssh.ts). */
  readonly certificateFiles: readonly string[];
  /** IdentityAgent: a socket path, or null for none (undefined: not set). */
  readonly identityAgent?: string | null;
  /** ProxyCommand, %-tokens expanded: run locally, its stdin/stdout carry the connection. */
  readonly proxyCommand?: string;
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
  /** The system-wide client config, read after it (null: none; so when a config file is named, as with ssh -F). */
  readonly systemConfigFile?: string | null;
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
    systemConfigFile: 'sshConfigFile' in overrides ? null : '/etc/ssh/ssh_config',
    connectTimeoutMs: 10_000,
    keepaliveMs: 15_000,
    ...overrides,
  };
}

function readOptions(host: string, user: string | undefined, settings: SshSettings): SshOptions {
  try {
    return readSshOptions({ host, user }, { user: settings.sshConfigFile, system: settings.systemConfigFile ?? null });
  } catch (e) {
    if (e instanceof SshConfigError) throw new SshError('config', e.message);
    throw e;
  }
}

/** A value put into a ProxyCommand must not be able to change the command (OpenSSH inserts them unquoted). */
const SAFE_TOKEN = { host: /^[A-Za-z0-9._:-]+$/, user: /^[A-Za-z0-9._][A-Za-z0-9._-]*$/ } as const;

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

function resolveEndpoint(spec: { host: string; user?: string | undefined; port?: number | undefined }, settings: SshSettings):
  { endpoint: Endpoint; proxyJump?: string; knownHosts?: string[] } {
  const o = readOptions(spec.host, spec.user, settings);
  const port = spec.port ?? (first(o, 'port') ? Number(first(o, 'port')) : 22);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new SshError('config', `bad port for ${spec.host}: ${port}`);
  const user = spec.user ?? first(o, 'user') ?? userInfo().username;
  const where = `the ssh config for ${spec.host}`;
  const hostName = first(o, 'hostname');
  const host = hostName ? expandTokens(hostName, { host: spec.host, alias: spec.host, port, user }, TOKENS.hostName, where) : spec.host;
  const tokens = { host, alias: spec.host, port, user };
  const files = (list: readonly string[] | undefined) => (list ?? []).map((f) => expandTokens(expandPath(f, where), tokens, TOKENS.file, where));
  // ProxyJump and ProxyCommand: whichever the config gives first wins, as in ssh(1).
  const jump = o.get('proxyjump');
  const command = o.get('proxycommand');
  const order = [...o.keys()]; // a Map keeps the order in which options were first set
  const proxy = jump && command ? (order.indexOf('proxyjump') < order.indexOf('proxycommand') ? 'jump' : 'command') : jump ? 'jump' : command ? 'command' : null;
  let proxyCommand: string | undefined;
  if (proxy === 'command' && command!.join(' ').toLowerCase() !== 'none') {
    if (!SAFE_TOKEN.host.test(host) || !SAFE_TOKEN.user.test(user)) {
      throw new SshError('config', `refusing to run the ProxyCommand for ${spec.host}: the host "${host}" or user "${user}" has characters a shell would read`);
    }
    proxyCommand = expandTokens(command!.join(' '), tokens, TOKENS.proxyCommand, where);
  }
  const agent = first(o, 'identityagent');
  const identityAgent = agent === undefined ? undefined : agent.toLowerCase() === 'none' ? null
    : agent === 'SSH_AUTH_SOCK' ? (process.env.SSH_AUTH_SOCK ?? null)
      : expandTokens(expandPath(agent.startsWith('$') && !agent.startsWith('${') ? `\${${agent.slice(1)}}` : agent, where), tokens, TOKENS.file, where);
  const knownHosts = o.get('userknownhostsfile');
  return {
    endpoint: {
      alias: spec.host, host, port, user,
      identityFiles: files(o.get('identityfile')),
      certificateFiles: files(o.get('certificatefile')),
      ...(identityAgent !== undefined ? { identityAgent } : {}),
      ...(proxyCommand ? { proxyCommand } : {}),
    },
    ...(proxy === 'jump' && jump![0]!.toLowerCase() !== 'none' ? { proxyJump: jump![0]! } : {}),
    ...(knownHosts && knownHosts[0]!.toLowerCase() !== 'none' ? { knownHosts: files(knownHosts) } : {}),
  };
}

/** Resolve a destination (and its ProxyJump hops) through the ssh config. */
export function resolveDestination(spec: { host: string; user?: string | undefined; port?: number | undefined }, settings: SshSettings):
  { destination: Destination; settings: SshSettings } {
  const target = resolveEndpoint(spec, settings);
  const jumps = (target.proxyJump ?? '').split(',').filter(Boolean).map((j) => resolveEndpoint(splitSpec(j), settings).endpoint);
  const files = target.knownHosts ? [...target.knownHosts, ...settings.knownHostsFiles] : settings.knownHostsFiles;
  return { destination: { ...target.endpoint, jumps }, settings: { ...settings, knownHostsFiles: files } };
}

const DEFAULT_IDENTITIES = ['id_ed25519', 'id_ecdsa', 'id_rsa'];

/** The authentication methods to try, in order: the agent, then each identity file. */
function authMethods(endpoint: Endpoint, settings: SshSettings, utils: Ssh2['utils']): AnyAuthMethod[] {
  const methods: AnyAuthMethod[] = [];
  // An explicit agent setting (the caller's), then IdentityAgent from the ssh config, then $SSH_AUTH_SOCK.
  const agent = settings.agent ?? (endpoint.identityAgent !== undefined ? endpoint.identityAgent : process.env.SSH_AUTH_SOCK);
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
    throw new SshError('key', `no way to log in to ${endpoint.user}@${endpoint.host}: no ssh-agent (${agent === null ? 'IdentityAgent none' : 'SSH_AUTH_SOCK'}) and no `
      + `usable identity file${problems.length ? ` (${problems.join('; ')})` : ` (looked for ${files.join(', ')})`}`);
  }
  return methods;
}

/** Run a ProxyCommand as ssh(1) does (`exec` through the user's shell); its stdin and stdout are the connection. */
function proxyStream(command: string, name: string): { sock: Duplex; failed: () => Promise<string | null>; stop: () => void } {
  const child = spawn(process.env.SHELL || '/bin/sh', ['-c', `exec ${command}`], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  let exit: string | null = null;
  const exited = new Promise<void>((resolve) => {
    child.on('close', (code, signal) => { exit ??= `exited ${code ?? signal}`; resolve(); });
    child.on('error', (e) => { exit = `could not start: ${e.message}`; resolve(); });
  });
  child.stderr.on('data', (d: Buffer) => { stderr = (stderr + d.toString()).slice(-2000); });
  const sock = Duplex.from({ readable: child.stdout, writable: child.stdin });
  sock.on('error', () => undefined);
  return {
    sock,
    // The connection may end a moment before the proxy's exit is seen: wait for it briefly.
    failed: async () => {
      await Promise.race([exited, new Promise((r) => setTimeout(r, 500))]);
      return exit ? `the ProxyCommand for ${name} ${exit}${stderr.trim() ? `: ${stderr.trim().split('\n').pop()}` : ''}` : null;
    },
    stop: () => { if (child.exitCode === null) child.kill(); },
  };
}

/** Open one authenticated connection, over `sock` when it is a hop behind a jump host. */
async function connectOne(endpoint: Endpoint, settings: SshSettings, sock?: Readable): Promise<Client> {
  const { Client: SshClient, utils } = await loadSsh2();
  const methods = authMethods(endpoint, settings, utils);
  const name = endpoint.port === 22 ? endpoint.host : `${endpoint.host}:${endpoint.port}`;
  const proxy = !sock && endpoint.proxyCommand ? proxyStream(endpoint.proxyCommand, name) : undefined;
  return new Promise((resolve, reject) => {
    const client = new SshClient();
    let hostKey: HostKeyResult | undefined;
    let settled = false;
    const fail = (e: SshError): void => {
      if (settled) return;
      settled = true;
      client.end();
      proxy?.stop();
      reject(e);
    };
    // Small request/response packets: without TCP_NODELAY each exec waits on delayed ACKs (~25 ms here).
    client.on('connect', () => client.setNoDelay(true));
    client.on('ready', () => {
      settled = true;
      resolve(client);
    });
    if (proxy) client.on('close', () => proxy.stop());
    client.on('error', (e: Error & { level?: string; code?: string }) => {
      if (hostKey && !hostKey.ok) {
        fail(new SshError(`${hostKey.kind}-host-key` as SshErrorKind, hostKey.message));
      } else if (e.level === 'client-authentication') {
        fail(new SshError('auth', `${endpoint.user}@${name} refused every key offered (${methods.map((m) => m.type).join(', ')})`));
      } else if (e.level === 'client-timeout' || /Timed out/.test(e.message)) {
        fail(new SshError('timeout', `no answer from ${name} within ${settings.connectTimeoutMs} ms`));
      } else {
        const plain = `cannot reach ${name}: ${e.code ?? ''} ${e.message}`.replace(/\s+/g, ' ').trim();
        if (proxy) void proxy.failed().then((m) => fail(new SshError('unreachable', m ?? plain)));
        else fail(new SshError('unreachable', plain));
      }
    });
    client.on('close', () => {
      const plain = `${name} closed the connection during the handshake`;
      if (proxy) void proxy.failed().then((m) => fail(new SshError('unreachable', m ?? plain)));
      else fail(new SshError('unreachable', plain));
    });
    client.connect({
      host: endpoint.host,
      port: endpoint.port,
      username: endpoint.user,
      ...(sock ? { sock } : proxy ? { sock: proxy.sock as unknown as Readable } : {}),
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
    // OpenSSH certificates (a CertificateFile, a @cert-authority host): only the OpenSSH client can.
    const openssh = needsOpenSsh(destination, settings);
    if (openssh) {
      return runOpenSsh(spec, settings, command, options, openssh.caVouched).catch((e: unknown) => {
        throw e instanceof OpenSshFailure ? new SshError(e.kind, e.message) : e;
      });
    }
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
