// Helpers shared by the host adapters: zod validation with a message that names the host and the
// field, and the small pieces of JSON every protocol needs.
import type { z } from 'zod/v3';
import { quoteWords } from '../shell/words.js';
import { InstallError, pretty, readJsonc, setJsonc } from '../install/jsonc.js';
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

/** Does this command text run our hook for `host` (`…gitops-guard… hook HOST`, as init writes it)? */
export function runsOurHook(text: string, host: string): boolean {
  return text.includes('gitops-guard') && new RegExp(`(^|[\\s"'])hook ${host}($|[\\s;|&)])`).test(text);
}

/** Does any string inside `value` run our hook for `host`? */
export function hasHook(value: unknown, host: string): boolean {
  if (typeof value === 'string') return runsOurHook(value, host);
  if (Array.isArray(value)) return value.some((v) => hasHook(v, host));
  if (value && typeof value === 'object') return Object.values(value).some((v) => hasHook(v, host));
  return false;
}

/**
 * Add `entry` to the list at settings.hooks[event], unless a hook of ours for `host` is already
 * there. The file is edited, not rewritten: comments, order and formatting stay (install/jsonc.ts).
 * `top` holds keys the file must have (Copilot's and Cursor's `version`), added only when absent.
 */
export function addHookEntry(existing: string | undefined, file: string, host: string, event: string, entry: unknown,
  top: Record<string, unknown> = {}): string {
  const settings = readJsonc(existing, file);
  if (existing === undefined || existing.trim() === '') return pretty({ ...top, hooks: { [event]: [entry] } });
  const current: unknown = settings.hooks?.[event];
  if (hasHook(current, host)) {
    // Ours is there. One written with another matcher (an older init matched fewer tools) gets
    // this entry's matcher; nothing else in it changes.
    const wanted = (entry as { matcher?: unknown }).matcher;
    const list = Array.isArray(current) ? current : [];
    const stale = list.findIndex((e: any) => hasHook(e, host) && typeof e?.matcher === 'string' && e.matcher !== wanted);
    return typeof wanted === 'string' && stale >= 0 ? setJsonc(existing, ['hooks', event, stale, 'matcher'], wanted) : existing;
  }
  let text = existing;
  for (const [key, value] of Object.entries(top)) if (!(key in settings)) text = setJsonc(text, [key], value);
  const hooks: unknown = settings.hooks;
  if (hooks !== undefined && (typeof hooks !== 'object' || hooks === null || Array.isArray(hooks))) {
    throw new InstallError(`${file}: "hooks" is not an object; fix it, or add the hook by hand`);
  }
  const list: unknown = (hooks as Record<string, unknown> | undefined)?.[event];
  if (hooks === undefined) return setJsonc(text, ['hooks'], { [event]: [entry] });
  if (list === undefined) return setJsonc(text, ['hooks', event], [entry]);
  if (!Array.isArray(list)) throw new InstallError(`${file}: "hooks.${event}" is not a list; fix it, or add the hook by hand`);
  return setJsonc(text, ['hooks', event, list.length], entry, { insertAt: list.length });
}
