// Tools an adapter does not know, for the hosts that run their hook before every tool (Copilot CLI,
// Cline). Such a tool may run a command or write a file the hook never hears of again (a host adds
// tools between releases: Copilot's str_replace_editor and write_bash, Cline's download_file and
// run_commands were each passed unread once). Fail closed: a string argument named like a command
// is judged as a shell command (in the directory an argument named like one says), one named like a
// path as a file the tool writes, and a patch envelope anywhere as the files it patches. A tool
// with none of these passes; the hosts' own read-only tools that name a path are listed by each
// adapter, so that reading a guarded file stays possible.
import { resolve } from 'node:path';
import { quoteWords } from '../shell/words.js';
import { isRecord, shell } from './common.js';
import { edit, patchesIn } from './edits.js';
import type { HookInput, HookPart } from './types.js';

/** Argument names that hold a shell command (or a list of them) in some host's tool. */
const COMMAND_FIELDS = ['command', 'commands', 'cmd', 'script', 'command_line', 'commandLine', 'shell_command', 'shellCommand'];
/** Argument names that say where a command runs. */
const DIR_FIELDS = ['cwd', 'dir_path', 'dir', 'directory', 'workdir', 'working_directory', 'workingDirectory'];
/** Argument names that hold a path the tool may write. */
const PATH_FIELDS = ['path', 'paths', 'file_path', 'file_paths', 'filePath', 'filepath', 'file', 'files', 'filename',
  'absolutePath', 'absolute_path', 'savePath', 'save_path', 'target_file', 'targetFile', 'target', 'destination',
  'dest', 'output', 'outputPath', 'output_path', 'new_path', 'newPath', 'notebook_path'];

/**
 * The strings of one argument: a string, a list of strings, a list of `{ command, args }` or
 * `{ path }` objects, or any of these as JSON text (Cline's hook gives every non-string argument
 * as JSON text).
 */
export function stringsOf(value: unknown, key: 'command' | 'path', depth = 0): string[] {
  if (typeof value === 'string') {
    const t = value.trim();
    if (depth === 0 && (t.startsWith('[') || t.startsWith('{'))) {
      // Judged both ways: as the text itself and as the JSON it holds.
      try {
        return [value, ...stringsOf(JSON.parse(t), key, depth + 1)];
      } catch {
        return [value];
      }
    }
    return value === '' ? [] : [value];
  }
  if (depth > 3) return [];
  if (Array.isArray(value)) return value.flatMap((v) => stringsOf(v, key, depth + 1));
  if (!isRecord(value)) return [];
  const main = value[key];
  if (key === 'command' && typeof main === 'string') {
    const args = Array.isArray(value.args) && value.args.every((a) => typeof a === 'string') ? value.args as string[] : [];
    return args.length > 0 ? [quoteWords([main, ...args])] : [main];
  }
  return typeof main === 'string' && main !== '' ? [main] : [];
}

/** The first argument named like a directory, resolved against the host's cwd. */
function dirOf(args: Record<string, unknown>, cwd: string | undefined): string | undefined {
  const dir = DIR_FIELDS.map((n) => args[n]).find((v): v is string => typeof v === 'string' && v !== '');
  if (dir === undefined) return cwd;
  return cwd === undefined ? dir : resolve(cwd, dir);
}

/** One input from several parts: none is a pass, one is itself. */
export function combine(parts: readonly HookPart[]): HookInput {
  if (parts.length === 0) return { kind: 'other' };
  return parts.length === 1 ? parts[0]! : { kind: 'many', parts };
}

/** Every command, written path and patch an unknown tool's arguments name (fail closed). */
export function unknownToolParts(tool: string, args: unknown, cwd: string | undefined): HookPart[] {
  if (!isRecord(args)) {
    const patched = patchesIn(args);
    return patched.length > 0 ? [edit(tool, patched, cwd)] : [];
  }
  const parts: HookPart[] = [];
  const at = dirOf(args, cwd);
  for (const name of COMMAND_FIELDS) {
    for (const command of stringsOf(args[name], 'command')) parts.push(shell(command, at) as HookPart);
  }
  const paths = PATH_FIELDS.flatMap((name) => stringsOf(args[name], 'path'));
  const patched = patchesIn(args);
  if (paths.length > 0 || patched.length > 0) parts.push(edit(tool, [...paths, ...patched], cwd));
  return parts;
}

/** An unknown tool's call as the hook judges it. */
export const unknownTool = (tool: string, args: unknown, cwd: string | undefined): HookInput =>
  combine(unknownToolParts(tool, args, cwd));
