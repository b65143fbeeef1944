// Running a command over the system's OpenSSH client, for the destinations ssh2 cannot reach as
// OpenSSH would: those with OpenSSH certificates (a CertificateFile to log in with, or a host
// vouched for by a @cert-authority line in known_hosts). ssh(1) then reads the same config and
// known_hosts files, checks the host (strict or accept-new, never a prompt: BatchMode) and runs
// the same command string. One connection per command (no multiplexing).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { hostEntryName, patternsMatch, readKnownHosts } from './known-hosts.js';
import type { Destination, ExecOptions, ExecResult, SshErrorKind, SshSettings } from './ssh.js';

/** Whether this destination needs the OpenSSH client (null: ssh2 serves it), and whether a CA vouches for a host on the way. */
export function needsOpenSsh(destination: Destination, settings: SshSettings): { readonly caVouched: boolean } | null {
  const keys = readKnownHosts(settings.knownHostsFiles).filter((k) => k.marker === '@cert-authority');
  const hops = [destination, ...destination.jumps];
  const caVouched = hops.some((e) => keys.some((k) => patternsMatch(k.patterns, hostEntryName(e.host, e.port))));
  return caVouched || hops.some((e) => e.certificateFiles.length > 0) ? { caVouched } : null;
}

/** What ssh(1) printed when it, not the remote command, failed (exit 255), as an error kind. */
const FAILURES: readonly [RegExp, SshErrorKind][] = [
  [/REMOTE HOST IDENTIFICATION HAS CHANGED/, 'changed-host-key'],
  [/REVOKED HOST KEY|revoked/i, 'revoked-host-key'],
  [/Host key verification failed|No \S+ host key is known/, 'unknown-host-key'],
  [/Permission denied/, 'auth'],
  [/timed out/i, 'timeout'],
  [/Connection refused|Could not resolve|No route to host|Network is unreachable|Connection closed|kex_exchange_identification/, 'unreachable'],
];

/** A setting ssh(1) reads as one word, or an error when it cannot be passed safely. */
function quoted(value: string): string {
  if (/["\n]/.test(value)) throw new Error(`cannot pass "${value}" to ssh: it has a quote or a newline`);
  return `"${value}"`;
}

export class OpenSshFailure extends Error {
  constructor(readonly kind: SshErrorKind, message: string) {
    super(message);
  }
}

/**
 * Run `command` on the destination with ssh(1). Rejects with OpenSshFailure when ssh itself failed;
 * otherwise resolves with the command's exit status and output, like exec() in ssh.ts.
 */
export function runOpenSsh(spec: { host: string; user?: string | undefined; port?: number | undefined }, settings: SshSettings,
  command: string, options: ExecOptions = {}, caVouched = false): Promise<ExecResult> {
  const ssh = ['/usr/bin/ssh', '/usr/local/bin/ssh', '/bin/ssh'].find(existsSync);
  if (!ssh) {
    return Promise.reject(new OpenSshFailure('config', 'this destination uses OpenSSH certificates, which gitops-guard checks through the '
      + 'OpenSSH client (ssh), and ssh is not installed: install openssh-client'));
  }
  const agent = settings.agent;
  const args = [
    '-F', settings.sshConfigFile && existsSync(settings.sshConfigFile) ? settings.sshConfigFile : '/dev/null',
    '-o', 'BatchMode=yes',
    // A host a CA is meant to vouch for is never trusted on first use (as in known-hosts.ts).
    '-o', `StrictHostKeyChecking=${settings.hostKeyPolicy === 'accept-new' && !caVouched ? 'accept-new' : 'yes'}`,
    '-o', `UserKnownHostsFile=${settings.knownHostsFiles.map(quoted).join(' ')}`,
    '-o', 'GlobalKnownHostsFile=/dev/null',
    '-o', `ConnectTimeout=${Math.max(1, Math.ceil(settings.connectTimeoutMs / 1000))}`,
    '-o', `ServerAliveInterval=${Math.max(1, Math.round(settings.keepaliveMs / 1000))}`,
    ...(agent === '' ? ['-o', 'IdentityAgent=none'] : []),
    ...(settings.identityFile ? ['-i', settings.identityFile] : []),
    ...(spec.port ? ['-p', String(spec.port)] : []),
    ...(spec.user ? ['-l', spec.user] : []),
    '--', spec.host, command,
  ];
  const env = { ...process.env, ...(agent ? { SSH_AUTH_SOCK: agent } : {}) };
  const max = options.maxBytes ?? 4 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    const child = spawn(ssh, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const errs: Buffer[] = [];
    let sizes = [0, 0];
    let truncated = false;
    let timedOut = false;
    const take = (list: Buffer[], i: 0 | 1) => (chunk: Buffer): void => {
      const room = max - sizes[i]!;
      if (room <= 0) { truncated = true; return; }
      const part = chunk.length > room ? (truncated = true, chunk.subarray(0, room)) : chunk;
      list.push(part);
      sizes = i === 0 ? [sizes[0]! + part.length, sizes[1]!] : [sizes[0]!, sizes[1]! + part.length];
    };
    child.stdout.on('data', take(out, 0));
    child.stderr.on('data', take(errs, 1));
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.stdin ?? '');
    const timer = options.timeoutMs ? setTimeout(() => { timedOut = true; child.kill(); }, options.timeoutMs) : undefined;
    child.on('error', (e) => reject(new OpenSshFailure('unreachable', `cannot run ssh: ${e.message}`)));
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      const stderr = Buffer.concat(errs).toString('utf8');
      if (code === 255 && !timedOut) {
        const kind = FAILURES.find(([re]) => re.test(stderr))?.[1];
        if (kind) {
          reject(new OpenSshFailure(kind, `ssh to ${spec.host}: ${stderr.trim().split('\n').filter(Boolean).slice(-3).join(' ')}`));
          return;
        }
      }
      resolve({ code, ...(signal ? { signal } : {}), stdout: Buffer.concat(out).toString('utf8'), stderr, truncated, timedOut });
    });
  });
}
