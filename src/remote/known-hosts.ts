// Host key verification against OpenSSH known_hosts files, as ssh(1) does it: plain and hashed
// (|1|salt|hash) host patterns, [host]:port for ports other than 22, wildcards and negation, and
// @revoked keys. No code path here accepts a key silently: an unknown key is refused with the exact
// line to add (or added, when the policy is accept-new), a changed or revoked key always refused.
import { createHash, createHmac } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface KnownKey {
  readonly file: string;
  readonly line: number;
  readonly marker: '@revoked' | '@cert-authority' | null;
  readonly patterns: string;
  readonly type: string;
  readonly key: Buffer;
}

export type HostKeyResult =
  | { readonly ok: true; readonly how: 'known' | 'added' }
  | { readonly ok: false; readonly kind: 'unknown' | 'changed' | 'revoked'; readonly message: string };

/** The name known_hosts uses for a host and port. */
export function hostEntryName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

/** The key type inside an SSH public key blob (string type, …). */
export function keyType(blob: Buffer): string {
  if (blob.length < 4) return 'unknown';
  const n = blob.readUInt32BE(0);
  return n > 0 && n < 64 && blob.length >= 4 + n ? blob.subarray(4, 4 + n).toString('ascii') : 'unknown';
}

/** OpenSSH's fingerprint: SHA256:base64 without padding. */
export function fingerprint(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

export function parseKnownHosts(text: string, file: string): KnownKey[] {
  const out: KnownKey[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const fields = line.split(/\s+/);
    let marker: KnownKey['marker'] = null;
    if (fields[0] === '@revoked' || fields[0] === '@cert-authority') marker = fields.shift() as KnownKey['marker'];
    const [patterns, type, b64] = fields;
    if (!patterns || !type || !b64) return;
    const key = Buffer.from(b64, 'base64');
    if (key.length === 0) return;
    out.push({ file, line: i + 1, marker, patterns, type, key });
  });
  return out;
}

/** OpenSSH glob: * and ? wildcards. */
function glob(pattern: string, name: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
  return re.test(name);
}

/** Does a known_hosts host field match `name` (hashed entries, comma lists, negation)? */
export function patternsMatch(patterns: string, name: string): boolean {
  if (patterns.startsWith('|1|')) {
    const [, , salt, hash] = patterns.split('|');
    if (!salt || !hash) return false;
    const mac = createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64');
    return mac === hash;
  }
  let matched = false;
  for (const p of patterns.split(',')) {
    if (p.startsWith('!')) {
      if (glob(p.slice(1), name)) return false;
    } else if (glob(p, name)) {
      matched = true;
    }
  }
  return matched;
}

export function readKnownHosts(files: readonly string[]): KnownKey[] {
  const keys: KnownKey[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    keys.push(...parseKnownHosts(text, file));
  }
  return keys;
}

export interface VerifyOptions {
  /** known_hosts files to read (the first is where accept-new appends). */
  readonly files: readonly string[];
  readonly policy: 'strict' | 'accept-new';
}

/** Verify a server's host key. */
export function verifyHostKey(host: string, port: number, blob: Buffer, options: VerifyOptions): HostKeyResult {
  const name = hostEntryName(host, port);
  const type = keyType(blob);
  const fp = fingerprint(blob);
  const keys = readKnownHosts(options.files);

  const revoked = keys.find((k) => k.marker === '@revoked' && k.key.equals(blob));
  if (revoked) {
    return {
      ok: false, kind: 'revoked',
      message: `The host key of ${name} (${type} ${fp}) is marked @revoked in ${revoked.file}:${revoked.line}. Refusing to connect.`,
    };
  }
  const forHost = keys.filter((k) => k.marker === null && patternsMatch(k.patterns, name));
  if (forHost.some((k) => k.key.equals(blob))) return { ok: true, how: 'known' };

  const sameType = forHost.filter((k) => k.type === type);
  if (sameType.length > 0) {
    const where = sameType.map((k) => `${k.file}:${k.line}`).join(', ');
    return {
      ok: false, kind: 'changed',
      message: `WARNING: THE HOST KEY OF ${name} HAS CHANGED. The server offered ${type} ${fp}, which does not match `
        + `the key recorded at ${where}. This can mean someone is intercepting the connection. Refusing to connect. `
        + `If the server was reinstalled, check the new fingerprint out of band, then remove the old entry `
        + `(ssh-keygen -R '${name}') and connect again.`,
    };
  }
  const line = `${name} ${type} ${blob.toString('base64')}`;
  // A certificate authority vouches for this host: this check sees only a plain key (ssh.ts sends such
  // hosts through the OpenSSH client, which checks the certificate), and never takes it on first use.
  const ca = keys.find((k) => k.marker === '@cert-authority' && patternsMatch(k.patterns, name));
  const caNote = ca ? ` ${ca.file}:${ca.line} trusts a @cert-authority for ${name}: its certificate, not a plain key, must vouch for it.` : '';
  if (options.policy === 'accept-new' && options.files[0] && !ca) { // a host meant to be vouched for by a CA is not trusted on first use
    const file = options.files[0];
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    appendFileSync(file, line + '\n', { mode: 0o600 });
    return { ok: true, how: 'added' };
  }
  return {
    ok: false, kind: 'unknown',
    message: `The host key of ${name} is not known (${type} ${fp}).${caNote} Check that fingerprint with the server's `
      + `administrator, then add this line to ${options.files[0] ?? '~/.ssh/known_hosts'}:\n${line}\n`
      + `(or set "hostKeyPolicy": "accept-new" in gitops-guard.json to record a new host's key on first use).`,
  };
}
