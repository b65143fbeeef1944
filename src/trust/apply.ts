// Applying trust when a config loads (config-file.ts calls this): a project config's loosening
// takes effect only when a person has trusted the exact content of the config and of every rule
// pack it names; until then those parts are ignored and every verdict's reason says so once. The
// user-level config ($XDG_CONFIG_HOME/gitops-guard/gitops-guard.json, outside every repository) is
// trusted as it is, and is the baseline a project's config is compared with.
//
// Cheap on the hook's path: a config with nothing that could loosen costs a few comparisons; files
// are read and hashed only when something could loosen (a loosening key, or rule packs).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { Config } from '../config.js';
import type { Rule } from '../policy/rules.js';
import { guardDirs } from '../policy/guarded.js';
import { configLoosening, withoutLoosening } from './loosening.js';

export const USER_CONFIG_NAMES = ['gitops-guard.json', 'gitops-guard.yaml', 'gitops-guard.yml'] as const;

/** What trust decided for a project config. */
export interface TrustState {
  /** The project config file. */
  readonly file: string;
  /** Every file whose content the trust covers: the config, then each rule pack file. */
  readonly files: readonly string[];
  /**
   * Whether a person trusted this exact content. Checked (files hashed) when the config loads if it
   * has loosening keys; for a config whose only possible loosening is in its rule packs, only once a
   * pack rule turns out to loosen (see `trusted`).
   */
  trustedNow?: boolean;
  /** What was ignored for want of trust (filled when the config loads, and when its rules load). */
  readonly ignored: string[];
}

/** The user-level config file, if there is one. */
export function userConfigFile(env: NodeJS.ProcessEnv = process.env): string | null {
  const dir = guardDirs(env).config;
  for (const name of USER_CONFIG_NAMES) {
    const p = join(dir, name);
    if (existsSync(p)) return p;
  }
  return null;
}

function insideRepository(dir: string): boolean {
  let d = resolve(dir);
  for (let i = 0; i < 128; i++) {
    if (existsSync(join(d, '.git'))) return true;
    const up = dirname(d);
    if (up === d) return false;
    d = up;
  }
  return false;
}

/** Is `file` the user-level config, trusted as it is (in the user's config directory, outside every repository)? */
export function isUserConfig(file: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const dir = guardDirs(env).config;
  return dirname(resolve(file)) === resolve(dir) && !insideRepository(dir);
}

/**
 * The rule pack files a config names (directories expanded as the rule loader does: every .yaml/.yml
 * that is not a .cases file, in name order). A path that does not exist is kept: it cannot be hashed,
 * so it cannot be trusted.
 */
export function packFiles(root: string, rules: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of rules.map((r) => resolve(root, r))) {
    let dir = false;
    try {
      dir = statSync(p).isDirectory();
    } catch {
      // missing: kept as is
    }
    if (!dir) { out.push(p); continue; }
    for (const name of readdirSync(p).sort()) {
      if (/\.ya?ml$/.test(name) && !/\.cases\.ya?ml$/.test(name)) out.push(join(p, name));
    }
  }
  return out;
}

/**
 * The config to run with. `baseline` is the user-level config (or the defaults). Returns the config
 * with untrusted loosening replaced by the baseline's values, and the trust state (absent when
 * nothing in it could loosen).
 */
export async function applyTrust(config: Config, file: string, baseline: Config, env: NodeJS.ProcessEnv = process.env):
  Promise<{ config: Config; trust?: TrustState }> {
  const loosening = configLoosening(config, baseline);
  const dropped = droppedPacks(config, file, baseline);
  if (dropped.length > 0) loosening.push(droppedLoosening(dropped));
  if (loosening.length === 0 && config.rules.length === 0) return { config };
  const files = [file, ...packFiles(dirname(file), config.rules)];
  const state: TrustState = { file, files, ignored: [] };
  if (loosening.length === 0) return { config, trust: state };
  if (await trusted(state, env)) return { config, trust: state };
  state.ignored.push(...loosening.map((l) => l.what));
  const kept = withoutLoosening(config, baseline);
  return { config: dropped.length > 0 ? { ...kept, rules: [...kept.rules, ...dropped] } : kept, trust: state };
}

/** An enclosing config's rule packs (absolute paths, see config-file.ts baselineFor) that this one leaves out. */
export function droppedPacks(config: Config, file: string, baseline: Config): string[] {
  return baseline.rules.filter((r) => isAbsolute(r) && !config.rules.some((x) => resolve(dirname(file), x) === r));
}

export const droppedLoosening = (dropped: readonly string[]) =>
  ({ key: 'rules' as const, what: `rules: leaves out ${dropped.map((r) => JSON.stringify(r)).join(', ')} of the enclosing config` });

/** Has a person trusted this content? Hashes the files the first time it is asked. */
export async function trusted(state: TrustState, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  if (state.trustedNow === undefined) {
    const { isTrusted, readTrust } = await import('./store.js');
    state.trustedNow = isTrusted(readTrust(env), state.file, state.files);
  }
  return state.trustedNow;
}

/** The one note every reason carries while something was ignored; null when nothing was. */
export function trustNote(trust: TrustState | undefined): string | null {
  if (!trust || trust.trustedNow === true || trust.ignored.length === 0) return null;
  return `Note: ${trust.file} tries to loosen the policy, and no person has trusted its content, so this was ignored: `
    + `${trust.ignored.join('; ')}. A person who agrees can run \`gitops-guard trust\` in ${dirname(trust.file)}.`;
}

/**
 * The project's own rules that may take effect: all of them once trusted; otherwise those that
 * loosen (src/trust/rules.ts) are dropped, and the trust state records what was ignored.
 */
export async function screenRules(config: { readonly trust?: TrustState; readonly rewriteMode: string },
  user: readonly Rule[], builtin: readonly Rule[]): Promise<Rule[]> {
  const t = config.trust;
  if (!t || user.length === 0) return [...user];
  const { looseRules } = await import('./rules.js');
  const loose = looseRules(user, builtin, config.rewriteMode);
  if (loose.length === 0 || await trusted(t)) return [...user];
  for (const l of loose) if (!t.ignored.includes(l.what)) t.ignored.push(l.what);
  const dropped = new Set(loose.map((l) => l.rule));
  return user.filter((r) => !dropped.has(r));
}
