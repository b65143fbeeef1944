// The rule set: the built-in packs, the project's packs (what of them may apply without a person's
// trust), remoteAllow entries, in the order they are tried; ids unique, disabledRules known,
// rewrite placeholders known. One place for all of it.
import { resolve } from 'node:path';
import type { ResolvedConfig } from '../config.js';
import { RuleError } from '../errors.js';
import { screenRules } from '../trust/apply.js';
import { builtinRules } from './builtin.js';
import { KNOWN_PLACEHOLDERS, placeholders } from './rewrite.js';
import type { Rule } from './rules.js';

/**
 * Rules in the order they are tried: config's remoteAllow, the user's packs, then the built-in packs.
 * The built-in rules carry their examples only when asked (`examples`: for running them).
 */
export async function rulesFor(config: ResolvedConfig, options: { examples?: boolean } = {}): Promise<Rule[]> {
  const packs = config.rules.length > 0
    ? (await import('./rules.js')).loadPacks(config.rules.map((p) => resolve(config.root, p)))
    : [];
  const builtinAll = packs.length > 0 || config.builtinRules ? await builtinRules(options) : [];
  // What of the project's own rules may take effect without a person's trust (src/trust/).
  const user = await screenRules(config, packs, builtinAll);
  const builtin = config.builtinRules ? builtinAll : [];
  const all = [...remoteAllowRules(config), ...user, ...builtin];
  const seen = new Map<string, string>();
  for (const r of all) {
    const other = seen.get(r.id);
    if (other) {
      throw new RuleError(`${r.source}: rule id "${r.id}" is already defined at ${other}; to replace a built-in rule, add it to disabledRules and give yours another id`);
    }
    seen.set(r.id, r.source);
  }
  const disabled = new Set(config.disabledRules);
  const known = new Set(all.map((r) => r.id));
  for (const id of disabled) {
    if (!known.has(id)) throw new RuleError(`${config.file ?? 'config'}: disabledRules names "${id}", which no loaded rule has`);
  }
  for (const r of all) {
    for (const name of placeholders(r.equivalent?.rewrite ?? '')) {
      if (!KNOWN_PLACEHOLDERS.includes(name)) {
        throw new RuleError(`${r.source}: rule "${r.id}" uses the unknown placeholder {${name}} (known: ${KNOWN_PLACEHOLDERS.join(', ')})`);
      }
    }
  }
  return all.filter((r) => !disabled.has(r.id));
}

/** The config's remoteAllow entries as rules (the harness adds them for a case's own config too). */
export function remoteAllowRules(config: Pick<ResolvedConfig, 'remoteAllow' | 'file' | 'root'>): Rule[] {
  return config.remoteAllow.map((entry, i) => {
    const [program, ...path] = entry.trim().split(/\s+/);
    return {
      id: `config-remote-allow-${i + 1}`,
      description: `Allowed on the server by config: ${entry}`,
      decision: 'allow',
      match: { program: [program!], ...(path.length > 0 ? { path: [path.join(' ')] } : {}), target: 'remote' },
      message: `Allowed on the server by remoteAllow: ${entry}`,
      examples: { match: [], not_match: [] },
      source: `${config.file ?? 'config'}: remoteAllow[${i}]`,
      dir: config.root,
      exampleConfig: {},
    } satisfies Rule;
  });
}

