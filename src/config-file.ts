// Finding and loading the config file without paying for the schema library on every call: a config
// is validated by zod (config.ts) the first time its exact contents are seen, and the validated result
// is cached under the user's cache directory beside the text it was validated from; it is reused only
// while the file still holds exactly that text. Hooks run once per agent command, so this keeps their
// cold start small.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Config, ConfigInput, ResolvedConfig } from './config.js';
import { defaultEnvironmentName, environmentView } from './environments.js';

export const CONFIG_NAMES = ['gitops-guard.json', 'gitops-guard.yaml', 'gitops-guard.yml'] as const;
const CACHE_VERSION = 1;

/** The nearest config file in `cwd` or a parent directory. */
export function findConfig(cwd: string): string | null {
  let dir = resolve(cwd);
  for (let i = 0; i < 128; i++) {
    for (const name of CONFIG_NAMES) {
      const p = join(dir, name);
      if (existsSync(p)) return p;
    }
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
  return null;
}

export function findRepoRoot(cwd: string): string | null {
  let dir = resolve(cwd);
  for (let i = 0; i < 128; i++) {
    if (existsSync(join(dir, '.git'))) return dir;
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
  return null;
}

/** Defaults of every key, as the schema gives them (kept in step with config.ts by a test). */
export const DEFAULTS: Config = {
  branch: 'main',
  remote: 'origin',
  commitPrefix: 'deploy: ',
  rules: [],
  disabledRules: [],
  builtinRules: true,
  remoteAllow: [],
  hostKeyPolicy: 'strict',
  connectTimeout: 10,
  reconcile: 'timer',
  reconcilerPath: '~/.local/bin/gitops-guard-reconcile',
  mcpReadOnly: false,
  confirmDeploy: false,
  rewriteMode: 'suggest',
};

/** Fill in the defaults that depend on where the project is: the default environment's view. */
export function resolveConfig(config: Config, file: string | null, cwd: string, rootDir?: string): ResolvedConfig {
  const root = rootDir ?? (file ? dirname(file) : findRepoRoot(cwd) ?? resolve(cwd));
  return environmentView(config, defaultEnvironmentName(config), file, root);
}

function cacheDir(): string | null {
  const base = process.env.XDG_CACHE_HOME || (homedir() ? join(homedir(), '.cache') : '');
  return base ? join(base, 'gitops-guard') : null;
}

/** Validate a config file, reusing an earlier validation of the same bytes. */
export async function loadConfigFile(file: string): Promise<Config> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const { ConfigError } = await import('./config.js');
    throw new ConfigError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  const dir = cacheDir();
  const cached = dir ? join(dir, `config-${encodeURIComponent(file).replace(/%/g, '_')}.json`) : null;
  const source = `${CACHE_VERSION}\0${text}`;
  if (cached) {
    try {
      const hit = JSON.parse(readFileSync(cached, 'utf8')) as { source: string; config: Config };
      if (hit.source === source) return hit.config;
    } catch {
      // not cached yet
    }
  }
  const { parseConfigText } = await import('./config.js');
  const config = parseConfigText(text, file);
  if (cached && dir) {
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const tmp = `${cached}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify({ source, config }), { mode: 0o600 });
      renameSync(tmp, cached);
    } catch {
      // a read-only home is fine: validate again next time
    }
  }
  return config;
}

/** Load the config for `cwd`: an object (validated), an explicit file, the nearest file, or defaults. */
export async function loadConfig(options: { cwd: string; file?: string; config?: ConfigInput; root?: string }):
  Promise<ResolvedConfig> {
  if (options.config !== undefined) {
    const { parseConfig } = await import('./config.js');
    return resolveConfig(parseConfig(options.config, 'config'), null, options.cwd, options.root);
  }
  const { userConfigFile } = await import('./trust/apply.js');
  const file = options.file ? resolve(options.cwd, options.file) : findConfig(options.cwd) ?? userConfigFile();
  if (!file) return resolveConfig(DEFAULTS, null, options.cwd);
  return withTrust(await loadConfigFile(file), file, options.cwd);
}

/**
 * A config file's content as it may take effect: what it loosens only once a person has trusted it
 * (src/trust/); the user-level config as it is, and as the baseline others are compared with.
 */
async function withTrust(config: Config, file: string, cwd: string): Promise<ResolvedConfig> {
  const { applyTrust, isUserConfig } = await import('./trust/apply.js');
  if (isUserConfig(file)) return resolveConfig(config, file, cwd);
  const { config: effective, trust } = await applyTrust(config, file, await baselineFor(file));
  return { ...resolveConfig(effective, file, cwd), ...(trust ? { trust } : {}) };
}

/**
 * The config in force around `file`'s directory (what a nearer config replaces), for the directory
 * that holds a project config inside the same repository: a gitops-guard.json in `sub/` loosens what
 * it drops of the repository's own (its protected branches, its rule packs, as absolute paths).
 * Null at the repository's root, outside every repository, and where no config encloses it.
 */
export function enclosingConfig(file: string): string | null {
  const dir = dirname(resolve(file));
  const repo = findRepoRoot(dir);
  if (repo === null || dir === repo) return null;
  const found = findConfig(dirname(dir));
  return found !== null && (dirname(found) === repo || dirname(found).startsWith(repo + '/')) ? found : null;
}

/** How many configs inside one another the trust check follows (a config below the repository root is measured against the one around it). */
const MAX_NESTED_CONFIGS = 32;

/** What a project config's loosening is measured against: the enclosing config as it takes effect, else the user-level config, else the defaults. */
export async function baselineFor(file: string, depth = 0): Promise<Config> {
  const { applyTrust, isUserConfig, userConfigFile } = await import('./trust/apply.js');
  const outer = enclosingConfig(file);
  // Past this many configs inside one another the chain is not followed: that would measure the last
  // one read against the defaults, so what it drops of the config around it would take effect.
  if (outer !== null && depth >= MAX_NESTED_CONFIGS) {
    const { ConfigError } = await import('./config.js');
    throw new ConfigError(`${file}: more than ${MAX_NESTED_CONFIGS} gitops-guard configs inside one another in this repository; remove the ones that are not needed`);
  }
  if (outer !== null) {
    const { config } = await applyTrust(await loadConfigFile(outer), outer, await baselineFor(outer, depth + 1));
    return { ...config, rules: config.rules.map((r) => resolve(dirname(outer), r)) };
  }
  const user = userConfigFile();
  return user !== null && isUserConfig(user) ? await loadConfigFile(user) : DEFAULTS;
}
