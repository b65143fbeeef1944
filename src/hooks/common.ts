// Helpers shared by the host adapters: zod validation with a message that names the host and the
// field, and the small pieces of JSON every protocol needs.
import type { z } from 'zod/v3';
import { quoteWords } from '../shell/words.js';
import { HookInputError, type HookInput, type Zod } from './types.js';


/** Validate with zod, turning its issues into one line that names the host and the field. */
export function validate<S extends z.ZodTypeAny>(schema: S, input: unknown, host: string): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const at = issue.path.length > 0 ? issue.path.join('.') : 'the top level';
  throw new HookInputError(`${host} hook input does not have the expected shape: ${issue.message} at ${at}`);
}

export const json = (value: unknown): string => JSON.stringify(value) + '\n';
export const shell = (command: string, cwd?: string): HookInput =>
  ({ kind: 'shell', call: { command, ...(cwd !== undefined ? { cwd } : {}) } });

/** A command given as argv (Codex's shell tool) is quoted back into one command line. */
export const commandText = (z: Zod) =>
  z.union([z.string(), z.array(z.string()).min(1).transform((argv) => quoteWords(argv))]);

/** Build a schema once per zod instance. */
export function schema<T>(make: (z: Zod) => T): (z: Zod) => T {
  let built: T | undefined;
  return (z) => (built ??= make(z));
}

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
export const optionalString = (v: unknown): v is string | undefined => v === undefined || typeof v === 'string';
export const optionalStrings = (v: unknown): v is string[] | undefined =>
  v === undefined || (Array.isArray(v) && v.every((x) => typeof x === 'string'));

/** Parse a JSON settings file for merging; a file that is not a JSON object cannot be merged. */
export function settingsObject(existing: string | undefined, file: string): Record<string, any> {
  if (existing === undefined || existing.trim() === '') return {};
  let data: unknown;
  try {
    data = JSON.parse(existing);
  } catch (e) {
    throw new HookInputError(`${file} is not valid JSON (${(e as Error).message}); fix it, or add the hook by hand`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new HookInputError(`${file} is not a JSON object`);
  return data as Record<string, any>;
}

/** Serialize settings the way people write them: two spaces, a final newline. */
export const pretty = (value: unknown): string => JSON.stringify(value, null, 2) + '\n';

/** Does any string inside `value` run our hook for `host`? */
export function hasHook(value: unknown, host: string): boolean {
  return JSON.stringify(value ?? null).includes(`gitops-guard hook ${host}`);
}

/**
 * Add `entry` to the list at settings[event] (inside settings.hooks), unless a hook of ours for
 * `host` is already there. Everything else in the file is kept.
 */
export function addHookEntry(existing: string | undefined, file: string, host: string, event: string, entry: unknown,
  top: Record<string, unknown> = {}): string {
  const settings = settingsObject(existing, file);
  const hooks = settings.hooks && typeof settings.hooks === 'object' ? settings.hooks : {};
  const list = Array.isArray(hooks[event]) ? hooks[event] : [];
  if (hasHook(settings.hooks?.[event], host)) {
    // Ours is there. An older install matched fewer tools (only the shell): widen its matcher.
    const wanted = (entry as { matcher?: unknown }).matcher;
    const stale = list.findIndex((e: any) => hasHook(e, host) && typeof e?.matcher === 'string' && e.matcher !== wanted);
    if (typeof wanted !== 'string' || stale < 0) return existing!;
    const widened = list.map((e: any, i: number) => (i === stale ? { ...e, matcher: wanted } : e));
    return pretty({ ...settings, hooks: { ...hooks, [event]: widened } });
  }
  return pretty({ ...top, ...settings, hooks: { ...hooks, [event]: [...list, entry] } });
}

/**
 * .mcp.json with the gitops-guard MCP server added (the mcpServers shape Claude Code and Cursor
 * read); an existing gitops-guard entry is left as it is.
 */
export function addMcpServer(existing: string | undefined): string {
  const settings = settingsObject(existing, '.mcp.json');
  const servers = settings.mcpServers && typeof settings.mcpServers === 'object' ? settings.mcpServers : {};
  if (servers['gitops-guard']) return existing!;
  return pretty({
    ...settings,
    mcpServers: { ...servers, 'gitops-guard': { type: 'stdio', command: 'npx', args: ['--no-install', 'gitops-guard', 'mcp'] } },
  });
}
