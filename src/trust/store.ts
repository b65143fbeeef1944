// The trust file: $XDG_CONFIG_HOME/gitops-guard/trusted.json (~/.config when unset), mode 0600,
// replaced atomically (written beside it, then renamed). For each trusted project config it holds
// the sha256 of every file involved (the config and each rule pack it names), so that changing one
// byte of any of them, or adding a pack to a named directory, untrusts it.
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { guardDirs } from '../policy/guarded.js';

export const TRUST_FILE = 'trusted.json';

export interface TrustEntry {
  /** File → sha256 (hex) of its content when trusted. */
  readonly files: Readonly<Record<string, string>>;
  /** What the config loosened when it was trusted, for `trust --list`. */
  readonly loosens: readonly string[];
  readonly trustedAt: string;
}

export interface TrustStore {
  readonly version: 1;
  /** By the config file's absolute path. */
  readonly entries: Readonly<Record<string, TrustEntry>>;
}

export const trustFile = (env: NodeJS.ProcessEnv = process.env): string => join(guardDirs(env).config, TRUST_FILE);

/** The trust file's content; a missing or unreadable file trusts nothing. */
export function readTrust(env: NodeJS.ProcessEnv = process.env): TrustStore {
  try {
    const data = JSON.parse(readFileSync(trustFile(env), 'utf8')) as TrustStore;
    if (data && data.version === 1 && data.entries && typeof data.entries === 'object') return data;
  } catch {
    // none yet, or not ours
  }
  return { version: 1, entries: {} };
}

/** sha256 of each file's bytes; a file that cannot be read hashes to null. */
export function hashFiles(files: readonly string[]): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const f of files) {
    try {
      out[f] = createHash('sha256').update(readFileSync(f)).digest('hex');
    } catch {
      out[f] = null;
    }
  }
  return out;
}

/** Is this exact set of files, with exactly this content, trusted for `config`? */
export function isTrusted(store: TrustStore, config: string, files: readonly string[]): boolean {
  const entry = Object.hasOwn(store.entries, config) ? store.entries[config] : undefined;
  if (!entry) return false;
  const recorded = Object.keys(entry.files);
  if (recorded.length !== files.length || !files.every((f) => Object.hasOwn(entry.files, f))) return false;
  const now = hashFiles(files);
  return files.every((f) => now[f] !== null && now[f] === entry.files[f]);
}

/** Replace the trust file atomically, mode 0600, in a directory of mode 0700. */
export function writeTrust(store: TrustStore, env: NodeJS.ProcessEnv = process.env): void {
  const file = trustFile(env);
  const dir = guardDirs(env).config;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tmp = join(dir, `.${TRUST_FILE}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    writeSync(fd, JSON.stringify(store, null, 2) + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    chmodSync(tmp, 0o600);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Record trust in `config` with these files as they are now. */
export function trust(config: string, files: readonly string[], loosens: readonly string[], env: NodeJS.ProcessEnv = process.env): TrustEntry {
  const hashes = hashFiles(files);
  const missing = files.filter((f) => hashes[f] === null);
  if (missing.length > 0) throw new Error(`cannot read ${missing.join(', ')}`);
  const entry: TrustEntry = { files: hashes as Record<string, string>, loosens, trustedAt: new Date().toISOString() };
  const store = readTrust(env);
  writeTrust({ version: 1, entries: { ...store.entries, [config]: entry } }, env);
  return entry;
}

/** Remove trust in `config`; false when there was none. */
export function revoke(config: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const store = readTrust(env);
  if (!Object.hasOwn(store.entries, config)) return false;
  const { [config]: _gone, ...rest } = store.entries;
  writeTrust({ version: 1, entries: rest }, env);
  return true;
}
