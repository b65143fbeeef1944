// What in a project config loosens the policy, key by key, compared with the baseline (the
// user-level config, else the defaults). Tightening needs no one's approval; loosening takes effect
// only once a person has trusted the config's exact content. Each key's test and what "ignoring" it
// means (the baseline's value, or the union with it) is data in LOOSENING_KEYS.
import type { Config } from '../config.js';
import { protectedBranchesOf } from '../environments.js';

export interface Loosening {
  /** The config key. */
  readonly key: keyof Config | 'rules';
  /** What it tries to loosen, for a person: `builtinRules: false (turns every built-in rule off)`. */
  readonly what: string;
}

type Value<K extends keyof Config> = Config[K];

interface KeyRule<K extends keyof Config = keyof Config> {
  readonly key: K;
  /** The loosening, if the project's value is looser than the baseline's. */
  readonly looser: (project: Value<K>, baseline: Value<K>, p: Config, b: Config) => string | null;
  /** The value to use while the loosening is not trusted. */
  readonly tighten: (project: Value<K>, baseline: Value<K>) => Value<K>;
}

const added = (project: readonly string[], baseline: readonly string[]) => project.filter((x) => !baseline.includes(x));
const list = (xs: readonly string[]) => xs.map((x) => JSON.stringify(x)).join(', ');

/** The deploy branch and protectedBranches as the guard uses them (defaults: [branch]). */
export const protectedOf = (c: Config): string[] => protectedBranchesOf(c);

function keyRule<K extends keyof Config>(r: KeyRule<K>): KeyRule {
  return r as unknown as KeyRule;
}

// Not loosening: host, user, port, remotePath, composeFiles, paths, commitPrefix, stateFile, identityFile,
// knownHosts, sshConfig, connectTimeout. They say where and how to reach the server and what to
// deploy; none lets an agent run more than it could already (the server is still only sent the
// fixed read-only templates, and what changes it is still a pushed commit). knownHosts and sshConfig
// choose which host keys are believed, like `host` chooses the host: an agent that can set them can
// set `host` too, and gains nothing it could not run itself.
export const LOOSENING_KEYS: readonly KeyRule[] = [
  keyRule({
    key: 'builtinRules',
    looser: (p, b) => (p === false && b !== false ? 'builtinRules: false (turns every built-in rule off)' : null),
    tighten: (_p, b) => b,
  }),
  keyRule({
    key: 'disabledRules',
    looser: (p, b) => {
      const more = added(p, b);
      return more.length > 0 ? `disabledRules: ${list(more)} (switches rules off)` : null;
    },
    tighten: (p, b) => p.filter((id) => b.includes(id)),
  }),
  keyRule({
    key: 'remoteAllow',
    looser: (p, b) => {
      const more = added(p, b);
      return more.length > 0 ? `remoteAllow: ${list(more)} (allows more on the server)` : null;
    },
    tighten: (p, b) => p.filter((x) => b.includes(x)),
  }),
  keyRule({
    key: 'rewriteMode',
    looser: (p, b) => (p === 'apply' && b !== 'apply' ? 'rewriteMode: "apply" (hooks run rewrites in place of the command)' : null),
    tighten: (_p, b) => b,
  }),
  keyRule({
    key: 'hostKeyPolicy',
    looser: (p, b) => (p === 'accept-new' && b !== 'accept-new' ? 'hostKeyPolicy: "accept-new" (accepts unknown server host keys)' : null),
    tighten: (_p, b) => b,
  }),
  keyRule({
    key: 'mcpReadOnly',
    looser: (p, b) => (p === false && b === true ? 'mcpReadOnly: false (the MCP server offers deploy and rollback)' : null),
    tighten: (_p, b) => b,
  }),
  keyRule({
    key: 'confirmDeploy',
    looser: (p, b) => (p === false && b === true ? 'confirmDeploy: false (the MCP server pushes without asking)' : null),
    tighten: (_p, b) => b,
  }),
  keyRule({
    key: 'reconcilerPath',
    looser: (p, b, pc) => (pc.reconcile === 'trigger' && p !== b
      ? `reconcilerPath: ${JSON.stringify(p)} (deploy runs this program on the server)` : null),
    tighten: (_p, b) => b,
  }),
];

/** The protected branches that the project's config leaves unprotected, compared with the baseline. */
function unprotected(project: Config, baseline: Config): string[] {
  const now = protectedOf(project);
  return protectedOf(baseline).filter((b) => !now.includes(b));
}

/** Every loosening in `project` compared with `baseline`. */
export function configLoosening(project: Config, baseline: Config): Loosening[] {
  const out: Loosening[] = [];
  for (const r of LOOSENING_KEYS) {
    const what = r.looser(project[r.key] as never, baseline[r.key] as never, project, baseline);
    if (what) out.push({ key: r.key, what });
  }
  for (const [name, env] of Object.entries(project.environments ?? {})) {
    for (const what of environmentLoosening(name, env, project, baseline)) out.push({ key: 'environments', what });
  }
  const open = unprotected(project, baseline);
  if (open.length > 0) {
    out.push({ key: 'protectedBranches', what: `protectedBranches/branch leave ${list(open)} unprotected (force-push and delete)` });
  }
  return out;
}

type Env = NonNullable<Config['environments']>[string];

/** An environment's own keys that loosen what the baseline's top level says. */
function environmentLoosening(name: string, env: Env, project: Config, baseline: Config): string[] {
  const out: string[] = [];
  if (env.confirmDeploy === false && baseline.confirmDeploy === true) {
    out.push(`environments.${name}.confirmDeploy: false (the MCP server pushes without asking)`);
  }
  if ((env.reconcile ?? project.reconcile) === 'trigger' && env.reconcilerPath !== undefined && env.reconcilerPath !== baseline.reconcilerPath) {
    out.push(`environments.${name}.reconcilerPath: ${JSON.stringify(env.reconcilerPath)} (deploy runs this program on the server)`);
  }
  return out;
}

/** `project` with every loosening replaced by the baseline's value (tightening kept). */
export function withoutLoosening(project: Config, baseline: Config): Config {
  const out: Record<string, unknown> = { ...project };
  for (const r of LOOSENING_KEYS) {
    if (r.looser(project[r.key] as never, baseline[r.key] as never, project, baseline) === null) continue;
    const v = r.tighten(project[r.key] as never, baseline[r.key] as never);
    if (v === undefined) delete out[r.key];
    else out[r.key] = v;
  }
  if (project.environments) {
    const envs: Record<string, Env> = {};
    for (const [name, env] of Object.entries(project.environments)) {
      const kept: Record<string, unknown> = { ...env };
      if (env.confirmDeploy === false && baseline.confirmDeploy === true) delete kept.confirmDeploy;
      if (environmentLoosening(name, env, project, baseline).some((w) => w.includes('.reconcilerPath'))) delete kept.reconcilerPath;
      envs[name] = kept as Env;
    }
    out.environments = envs;
  }
  const open = unprotected(project, baseline);
  if (open.length > 0) out.protectedBranches = [...protectedOf(project), ...open];
  return out as Config;
}
