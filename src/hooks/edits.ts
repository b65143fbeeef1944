// The hosts' file-editing tools, as the hook sees them: which paths a tool call writes, and whether
// one of them is a guarded file (src/policy/guarded.ts). Everything else passes untouched.
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { guardDirs, guardedPath, guardedSuffix, type GuardedMatch } from '../policy/guarded.js';
import { isRecord } from './common.js';
import { patchPaths } from '../patch-paths.js';

/** A file-editing tool call. */
export interface FileEdit {
  /** The host's tool name (Write, apply_patch, write_file, …). */
  readonly tool: string;
  /** The paths it writes, as the host gave them. */
  readonly paths: readonly string[];
  /** Where relative paths start, when the host says. */
  readonly cwd?: string;
  /** The host may correct a relative path to another file (Gemini CLI): match relative paths by suffix too. */
  readonly suffixMatch?: boolean;
  /** Set when the paths could not be found in the call (then it is blocked: fail closed). */
  readonly unreadable?: string;
}

export const edit = (tool: string, paths: readonly string[], cwd?: string, more: Partial<FileEdit> = {}): { kind: 'edit'; edit: FileEdit } =>
  ({ kind: 'edit', edit: { tool, paths, ...(cwd !== undefined ? { cwd } : {}), ...more } });

/** A patch tool's call: the paths in its envelope; no envelope at all is unreadable. */
export function patchEdit(tool: string, args: unknown, cwd?: string): { kind: 'edit'; edit: FileEdit } {
  const paths = patchesIn(args);
  const envelope = JSON.stringify(args ?? null).includes('*** Begin Patch');
  return edit(tool, paths, cwd, paths.length === 0 && !envelope ? { unreadable: `no patch envelope in the ${tool} call` } : {});
}

export { patchPaths } from '../patch-paths.js';

/** String values anywhere in a tool's arguments that hold a patch envelope. */
export function patchesIn(value: unknown, depth = 0): string[] {
  if (typeof value === 'string') return value.includes('*** ') ? patchPaths(value) : [];
  if (depth > 4) return [];
  if (Array.isArray(value)) return value.flatMap((v) => patchesIn(v, depth + 1));
  if (isRecord(value)) return Object.values(value).flatMap((v) => patchesIn(v, depth + 1));
  return [];
}

/** A string field of a tool's arguments, as a one-path list (empty when absent). */
export const field = (args: unknown, ...names: string[]): string[] => {
  if (!isRecord(args)) return [];
  return names.map((n) => args[n]).filter((v): v is string => typeof v === 'string' && v !== '');
};

export interface GuardedEdit extends GuardedMatch {
  readonly path: string;
}

/** The first guarded path the edit writes, or null. */
export function guardedEdit(edit: FileEdit, cwd: string): GuardedEdit | null {
  for (const given of edit.paths) {
    for (const p of spellings(given)) {
      // A relative path that names no file here may be corrected by the host to a file elsewhere
      // whose path ends in it: match it by suffix too. One that exists is the file written.
      const corrected = edit.suffixMatch === true && !isAbsolute(p) && !existsSync(resolve(cwd, p));
      const hit = guardedPath(p, cwd) ?? (corrected ? guardedSuffix(p) : null);
      if (hit) return { ...hit, path: given };
    }
  }
  return null;
}

/**
 * The paths a host may make of a tool's path, each checked (fail closed: what one host does, another
 * may): as given; `~`, `~/…` and `~NAME/…` as a home directory (Claude Code expands them); and as
 * Gemini CLI cleans a path before resolving it: NULs removed, a leading `@` dropped (a file
 * reference), a `file://` URL made a path, %-escapes decoded.
 */
export function spellings(path: string): string[] {
  const out = new Set([path]);
  const clean = path.replace(/\0/g, '');
  out.add(clean);
  if (clean.startsWith('@')) out.add(clean.slice(1).replace(/^[\\/]+/, ''));
  for (const round of [1, 2]) {
    for (const p of [...out]) {
      if (p.startsWith('file://')) { try { out.add(fileURLToPath(p)); } catch { /* not a file URL */ } }
      if (round === 2) { try { out.add(decodeURIComponent(p)); } catch { /* not %-escaped */ } }
    }
  }
  for (const p of [...out]) { const home = homeSpelled(p); if (home !== null) out.add(home); }
  return [...out].filter((p) => p !== '');
}

/** `~`, `~/rest` (the home directory) and `~NAME/rest` (a sibling of it), else null. */
function homeSpelled(path: string): string | null {
  const m = /^~([^/\\]*)(?:[/\\](.*))?$/s.exec(path);
  if (!m) return null;
  const home = guardDirs().home!;
  return join(m[1] === '' ? home : join(dirname(home), m[1]!), m[2] ?? '');
}

/** The reason an agent reads when an edit of a guarded file is refused. */
export function editReason(tool: string, hit: GuardedEdit): string {
  return `gitops-guard blocked this file edit (${tool}). ${hit.reason} [guarded-file]`;
}
