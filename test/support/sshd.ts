// A real OpenSSH sshd on 127.0.0.1, started by the tests: temporary host keys, an authorized key.
// Its sessions talk to a real Docker Engine (`engine`: DOCKER_HOST and DOCKER_CONFIG in their
// environment), or, without one, find the docker stand-in first on their PATH (only for the cases a
// real engine cannot produce; each such test says why). Never skipped: CI installs openssh-server,
// and a missing sshd fails the tests that need it.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Engine } from './docker.js';

const SSHD = ['/usr/sbin/sshd', '/usr/bin/sshd'].find((p) => existsSync(p)) ?? 'sshd';
const STANDIN = join(import.meta.dirname, 'docker-standin.sh');

export interface Sshd {
  readonly port: number;
  readonly dir: string;
  /** Files the docker stand-in answers from and records its calls in (without an engine). */
  readonly docker: string;
  /** HOME of every session: a temporary directory, so nothing a test installs lands in the real one. */
  readonly home: string;
  /** The client key authorized on this server. */
  readonly clientKey: string;
  /** A known_hosts line for this server's host key. */
  readonly knownHostsLine: string;
  readonly hostKeyBlob: Buffer;
  readonly process: ChildProcess;
  /** Kill the connections this server is serving (not the listener). */
  dropSessions(): void;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/** `n` different free ports: all held open at once, then released. */
export async function freePorts(n: number): Promise<number[]> {
  const servers = await Promise.all(Array.from({ length: n }, () => new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => resolve(srv));
  })));
  const ports = servers.map((s) => (s.address() as { port: number }).port);
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  return ports;
}

/** `wanted` when nothing listens on it on 127.0.0.1, else a free port. */
export async function portOr(wanted: number): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => { void freePort().then(resolve); });
    srv.listen(wanted, '127.0.0.1', () => srv.close(() => resolve(wanted)));
  });
}

async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const until = Date.now() + 15_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`sshd exited with ${child.exitCode}:\n${log()}`);
    const up = await new Promise<boolean>((resolve) => {
      const s = tcpConnect(port, '127.0.0.1');
      s.once('connect', () => { s.destroy(); resolve(true); });
      s.once('error', () => resolve(false));
    });
    if (up) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`sshd did not listen on ${port}:\n${log()}`);
}

/** A key pair made with ssh-keygen; returns the private key path. */
export function keygen(path: string, type = 'ed25519', passphrase = ''): string {
  execFileSync('ssh-keygen', ['-q', '-t', type, '-N', passphrase, '-C', 'gitops-guard-test', '-f', path]);
  return path;
}

export async function startSshd(options: { clientKey?: string; port?: number; hostKey?: string; engine?: Engine; extraConfig?: readonly string[];
  /** More variables for every session (one host of several that differ in a setting, as real servers do). */
  env?: Readonly<Record<string, string>> } = {}): Promise<Sshd> {
  const dir = mkdtempSync(join(tmpdir(), 'gitops-guard-sshd-'));
  mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  const hostKey = options.hostKey ? (copyFileSync(options.hostKey, join(dir, 'host_key')), copyFileSync(`${options.hostKey}.pub`, join(dir, 'host_key.pub')), join(dir, 'host_key'))
    : keygen(join(dir, 'host_key'));
  const clientKey = options.clientKey ?? keygen(join(dir, 'client_key'));
  writeFileSync(join(dir, 'authorized_keys'), readFileSync(`${clientKey}.pub`));
  const docker = join(dir, 'docker');
  const bin = join(dir, 'bin');
  mkdirSync(docker);
  mkdirSync(bin);
  const home = join(dir, 'home');
  mkdirSync(home);
  if (!options.engine) {
    copyFileSync(STANDIN, join(bin, 'docker'));
    execFileSync('chmod', ['755', join(bin, 'docker')]);
  }
  const dockerEnv = options.engine ? `DOCKER_HOST=${options.engine.host} DOCKER_CONFIG=${options.engine.dockerConfig}` : `DOCKER_STANDIN=${docker}`;
  const port = options.port ?? await freePort();
  const config = join(dir, 'sshd_config');
  writeFileSync(config, [
    `Port ${port}`,
    'ListenAddress 127.0.0.1',
    `HostKey ${hostKey}`,
    `PidFile ${join(dir, 'sshd.pid')}`,
    `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
    'StrictModes no',
    'UsePAM no',
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    'PubkeyAuthentication yes',
    'PermitRootLogin prohibit-password',
    'AllowTcpForwarding yes',
    'LogLevel ERROR',
    `SetEnv PATH=${bin}:/usr/local/bin:/usr/bin:/bin ${dockerEnv} HOME=${home}${Object.entries(options.env ?? {}).map(([k, v]) => ` ${k}=${v}`).join('')}`,
    ...(options.extraConfig ?? []),
    '',
  ].join('\n'));
  let log = '';
  const child = spawn(SSHD, ['-f', config, '-D', '-e'], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr!.on('data', (d: Buffer) => { log += d.toString(); });
  child.stdout!.on('data', (d: Buffer) => { log += d.toString(); });
  await waitForPort(port, child, () => log);
  const pub = readFileSync(`${hostKey}.pub`, 'utf8').trim().split(/\s+/);
  return {
    port, dir, docker, home, clientKey, process: child,
    knownHostsLine: `[127.0.0.1]:${port} ${pub[0]} ${pub[1]}`,
    hostKeyBlob: Buffer.from(pub[1]!, 'base64'),
    dropSessions() {
      let children: string[] = [];
      try {
        children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(child.pid)], { encoding: 'utf8' })
          .split('\n').map((s) => s.trim()).filter(Boolean);
      } catch { /* ps exits 1 when there are none */ }
      for (const pid of children) {
        try { process.kill(Number(pid), 'SIGKILL'); } catch { /* gone */ }
      }
    },
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null) { resolve(); return; }
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}
