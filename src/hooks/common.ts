// Helpers shared by the host adapters: zod validation with a message that names the host and the
// field, and the small pieces of JSON every protocol needs.
import { z } from 'zod/v3';
import { quoteWords } from '../shell/words.js';
import { HookInputError, type HookInput } from './types.js';


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
export const commandText = z.union([z.string(), z.array(z.string()).min(1).transform((argv) => quoteWords(argv))]);
