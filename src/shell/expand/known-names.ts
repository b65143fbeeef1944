// Which program names the shell layer knows: for reading an unknown program's arguments (unknown.ts),
// for a known program found on a PATH the text sets, and for names that are a known program on a
// case-insensitive or Windows file system.
import { DATA_PROGRAMS } from '../grammars/known.js';
import { READERS } from '../grammars/readers.js';
import { CONTAINER_CLIS } from '../programs/container.js';
import { runnerNames } from './runners.js';

/** Programs whose name is known to the families (for case and `.exe` variants). */
let knownNames: Set<string> | undefined;
const KNOWN_NAMES = { has: (n: string): boolean => (knownNames ??= new Set([...CONTAINER_CLIS, ...runnerNames(), 'ssh', 'scp', 'sftp', 'rsync', 'git', 'kubectl', 'helm'])).has(n) };

/** Directories where the system keeps its programs. */
export const SYSTEM_BIN = /^\/(?:usr\/(?:local\/)?)?s?bin$/;

/** Is this a program some part of the shell layer knows (so its arguments are read as it reads them)? */
let knownPrograms: Set<string> | undefined;
export function isKnown(name: string): boolean {
  knownPrograms ??= new Set([...DATA_PROGRAMS, ...Object.keys(READERS), ...runnerNames(), ...CONTAINER_CLIS, 'ssh', 'scp', 'sftp',
    'sshfs', 'rclone', 'rsync', 'git', 'hub', 'mosh', 'slogin', 'autossh', 'sshpass', 'pdsh', 'pssh', 'parallel-ssh', 'ansible']);
  return knownPrograms.has(name) || knownPrograms.has(name.replace(/[0-9.]+$/, ''));
}

/** Names that run a known program on case-insensitive or Windows file systems (`Docker`, `docker.exe`). */
export function canonicalName(name: string): string {
  // zsh's `=docker` is the path of docker.
  const lower = name.replace(/^=(?=.)/, '').toLowerCase().replace(/\.exe$/, '');
  return lower !== name && (KNOWN_NAMES.has(lower) || name.startsWith('=')) ? lower : name;
}

