// gitops-guard's library API.
import { createGuard, type GuardOptions } from './guard.js';
import type { Verdict } from './policy/classify.js';

export { createGuard, rulesFor, type Guard, type GuardOptions } from './guard.js';
export type { Finding, Verdict } from './policy/classify.js';
export type { Decision, Rule } from './policy/rules.js';
export { loadPacks, parsePack } from './policy/rules.js';
export { ConfigError, RuleError } from './errors.js';
export { loadConfig, findConfig } from './config-file.js';
export { ConfigSchema, configJsonSchema, type Config, type ConfigInput, type ResolvedConfig } from './config.js';

/** One-shot convenience: build a guard for `options` and classify one command. */
export async function classify(command: string, options: GuardOptions = {}): Promise<Verdict> {
  const guard = await createGuard(options);
  return guard.classify(command);
}
