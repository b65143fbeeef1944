// Environments: named views of one config (staging, prod, …). Each environment's keys overlay the
// top-level ones; a config without `environments` is one implicit environment, `default`, made of the
// top-level keys, so every older config means what it meant. A view is a whole ResolvedConfig, so the
// plumbing (deploy, status, logs, the reconciler's install) takes one and needs to know nothing more.
// Type-only imports: this runs on the hook's cold path, where zod is not loaded.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Config, EnvironmentInput, Reconciler, ReconcilerInput, ResolvedConfig } from './config.js';

export const IMPLICIT_ENVIRONMENT = 'default';

const COMPOSE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];

/** The names of the configured environments, in the order the file gives them. */
export function environmentNames(c: Config): string[] {
  return c.environments ? Object.keys(c.environments) : [IMPLICIT_ENVIRONMENT];
}

/** The environment commands use without `--env`. */
export function defaultEnvironmentName(c: Config): string {
  return c.defaultEnvironment ?? environmentNames(c)[0]!;
}

export function normalizeReconciler(r: ReconcilerInput | undefined): Reconciler {
  if (r === undefined) return { type: 'gitops-guard' };
  if (typeof r === 'string') return { type: r };
  if (r.type === 'argocd') return { ...r, namespace: r.namespace ?? 'argocd' };
  if (r.type === 'flux') return { ...r, namespace: r.namespace ?? 'flux-system' };
  if (r.type === 'swarm') return { ...r, withRegistryAuth: r.withRegistryAuth ?? false };
  return { type: r.type };
}

/** Every branch some environment follows, and the ones named protected: none may be force-pushed or deleted. */
export function protectedBranchesOf(c: Config): string[] {
  const envBranches = Object.values(c.environments ?? {}).map((e) => e.branch ?? c.branch);
  const named = c.protectedBranches ?? [c.branch];
  return [...new Set([...named, ...envBranches])];
}

/** The ssh destinations of one environment's servers (none when it has no host yet). */
function hostsOf(top: Config, env: EnvironmentInput | undefined): string[] {
  if (env?.hosts) return [...env.hosts];
  const host = env?.host ?? top.host;
  return host === undefined ? [] : [host];
}

/** Which environment's view a name selects: an error message (naming what exists) when none. */
export function environmentError(top: Config, name: string): string | null {
  const names = environmentNames(top);
  if (names.includes(name)) return null;
  return top.environments
    ? `no environment "${name}" in the config (configured: ${names.join(', ')})`
    : `no environment "${name}": this config has no environments, only the top-level one ("${IMPLICIT_ENVIRONMENT}")`;
}

/**
 * One environment's view of the config: the top level with the environment's keys laid over it.
 * `name` must be one of environmentNames(top) (check with environmentError first).
 */
export function environmentView(top: Config, name: string, file: string | null, root: string): ResolvedConfig {
  const env = top.environments?.[name];
  const merged: Record<string, unknown> = { ...top };
  for (const [k, v] of Object.entries(env ?? {})) if (v !== undefined && k !== 'hosts') merged[k] = v;
  const hosts = hostsOf(top, env);
  const composeFiles = (env?.composeFiles ?? top.composeFiles)
    ?? COMPOSE_NAMES.filter((n) => existsSync(join(root, n))).slice(0, 1);
  const view = {
    ...(merged as Config),
    file,
    root,
    composeFiles,
    protectedBranches: protectedBranchesOf(top),
    reconciler: normalizeReconciler(env?.reconciler ?? top.reconciler),
    environment: name,
    hosts,
    topLevel: top,
  } as ResolvedConfig;
  if (hosts[0] !== undefined) (view as { host?: string }).host = hosts[0];
  else delete (view as { host?: string }).host;
  if (env?.promoteFrom === undefined) delete (view as { promoteFrom?: string }).promoteFrom;
  return view;
}

/** Every environment's view. */
export function allEnvironments(config: ResolvedConfig): ResolvedConfig[] {
  return environmentNames(config.topLevel).map((n) => environmentView(config.topLevel, n, config.file, config.root));
}

/** The view of environment `name` (or the default one), or an error message naming what exists. */
export function selectEnvironment(config: ResolvedConfig, name?: string): ResolvedConfig | { error: string } {
  const want = name ?? defaultEnvironmentName(config.topLevel);
  if (want === config.environment) return config;
  const error = environmentError(config.topLevel, want);
  if (error) return { error };
  const view = environmentView(config.topLevel, want, config.file, config.root);
  return config.trust ? { ...view, trust: config.trust } : view;
}

/** The environment whose servers include `host` (an ssh destination as the command names it), if any. */
export function environmentOfHost(config: ResolvedConfig, host: string,
  views: readonly ResolvedConfig[] = allEnvironments(config)): ResolvedConfig | null {
  const bare = host.replace(/^[^@]*@/, '').replace(/^\[(.*)\](:\d+)?$/, '$1');
  for (const view of views) {
    if (view.hosts.some((h) => h === host || h === bare || h.replace(/^[^@]*@/, '') === bare)) return view;
  }
  return null;
}
