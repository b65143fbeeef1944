// An edit of a file the agent host runs by itself (src/host-files.ts: a Claude Code skill, slash
// command or subagent runs its !`cmd` lines when it loads, and a `hooks:` frontmatter is hooks of its
// own). The edit is judged by what it writes, exactly as the same write from the shell is: it becomes
// that shell text and goes through the one classifier entry, so the knowledge stays in one place.
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { quote } from 'shell-quote';
import { judgedByContent } from '../content-judged.js';
import { patchAdditions } from '../patch-paths.js';
import { isRecord } from './common.js';
import type { FileEdit } from './edits.js';

/** Fields in which the hosts' edit tools carry the text they write (whole file, or the new part). */
const WHOLE = ['content', 'file_text', 'text'];
const NEW_PART = ['new_string', 'new_str', 'newText', 'diff', 'command', 'patch', 'input'];

/**
 * The shell text that writes what this edit writes to a host-run file, or null when it writes none.
 * Content the call does not show in a known field is written from a file named at run time, which
 * the classifier judges as content that cannot be known.
 */
export function hostFileWrite(edit: FileEdit, input: unknown, cwd: string): string | null {
  const path = edit.paths.map((p) => (isAbsolute(p) ? p : resolve(cwd, p))).find(judgedByContent);
  if (path === undefined) return null;
  const args = toolArgs(input);
  const text = patchText(args, path, cwd) ?? editedText(args, path);
  if (text === null) return `cat "$GITOPS_GUARD_UNKNOWN_CONTENT" > ${quote([path])}`;
  let delimiter = 'GITOPS_GUARD_EOF';
  while (text.split('\n').includes(delimiter)) delimiter += '_';
  return `cat > ${quote([path])} <<'${delimiter}'\n${text}\n${delimiter}`;
}

/** The tool's own arguments in any host's payload (tool_input, toolArgs as JSON text, parameters, …). */
function toolArgs(input: unknown, depth = 0): Record<string, unknown> | null {
  if (!isRecord(input) || depth > 3) return null;
  for (const key of ['tool_input', 'toolArgs', 'parameters', 'arguments', 'tool_info']) {
    let v = input[key];
    if (typeof v === 'string') { try { v = JSON.parse(v); } catch { continue; } }
    if (isRecord(v)) return toolArgs(v, depth + 1) ?? v;
  }
  return depth > 0 ? input : null;
}

/** The lines a patch envelope adds to `path`; null when the call holds no patch. */
function patchText(args: Record<string, unknown> | null, path: string, cwd: string): string | null {
  const patch = args === null ? undefined : Object.values(args).find((v): v is string => typeof v === 'string' && v.includes('*** Begin Patch'));
  if (patch === undefined) return null;
  const added = [...patchAdditions(patch)].filter(([p]) => resolve(cwd, p) === path).flatMap(([, lines]) => lines);
  return added.join('\n');
}

/** The file as the edit leaves it: the whole new text, or the current file with the replacement made. */
function editedText(args: Record<string, unknown> | null, path: string): string | null {
  if (args === null) return null;
  const whole = WHOLE.map((k) => args[k]).find((v): v is string => typeof v === 'string');
  if (whole !== undefined) return whole;
  const edits = Array.isArray(args.edits) ? args.edits.filter(isRecord) : [args];
  let current: string;
  try { current = readFileSync(path, 'utf8'); } catch { current = ''; }
  let seen = false;
  for (const e of edits) {
    const part = NEW_PART.map((k) => e[k]).find((v): v is string => typeof v === 'string');
    if (part === undefined) continue;
    seen = true;
    const old = typeof e.old_string === 'string' ? e.old_string : typeof e.old_str === 'string' ? e.old_str : undefined;
    // A replacement the file does not hold (or a patch, a diff) adds its text: judged with the file.
    current = old !== undefined && old !== '' && current.includes(old)
      ? (e.replace_all === true ? current.split(old).join(part) : current.replace(old, () => part))
      : `${current}\n${part}`;
  }
  return seen ? current : null;
}
