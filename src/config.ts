// Project configuration: `gitops-guard.json` (or .yaml/.yml), found by walking up from the working
// directory. Everything has a default; no config is needed to run.
import { parse as parseYaml } from 'yaml';
// zod's v3 API: a hook loads it in ~13 ms where the v4 API costs ~55 ms (measured), and every
// hook call validates its input.
import { z } from 'zod/v3';
import { zodToJsonSchema } from 'zod-to-json-schema';
import { ConfigError } from './errors.js';
import type { TrustState } from './trust/apply.js';

const hostName = z.string().regex(/^[A-Za-z0-9_.:[\]-]+$/, 'a host name or alias, without spaces or shell characters');

const absolute = z.string().regex(/^\/[^\0\n]*$/, 'an absolute path');
const kubeName = z.string().regex(/^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$/, 'a Kubernetes object name (lower-case letters, digits, - and .)');
/** A path inside the repository: relative, not climbing out with `..`. */
const repoPath = z.string().min(1).regex(/^(?!\/)(?!(.*\/)?\.\.(\/|$))[^\0\n]+$/, 'a path relative to the repository root, without ..');
const PATHS_TEXT = "Files and directories, relative to the repository root, whose changes deploy commits (default: the compose files' directories). "
  + 'Give it where what the engine applies is not compose files (Argo CD, Flux: the manifests, kustomizations, values).';
const kubeContext = z.string().regex(/^[A-Za-z0-9_.:@\/-]+$/, 'a kubeconfig context name, without spaces or shell characters');

/** Where a Kubernetes GitOps engine's object is: its namespace, and the cluster's kubeconfig context. */
function clusterKeys(namespace: string, engine: string, what: string) {
  return {
    namespace: kubeName.default(namespace).describe(what),
    context: kubeContext.optional().describe(`The kubeconfig context of the cluster ${engine} runs in (default: the current one).`),
    kubeconfig: z.string().optional().describe('The kubeconfig file (default: KUBECONFIG, else ~/.kube/config).'),
  };
}

/** Who applies what is pushed: this tool's own reconciler, Docker Swarm, or a Kubernetes GitOps engine. */
export const ReconcilerSchema = z.union([
  z.enum(['gitops-guard', 'swarm']),
  z.object({ type: z.literal('gitops-guard') }).strict(),
  z.object({
    type: z.literal('swarm'),
    withRegistryAuth: z.boolean().default(false)
      .describe("Pass --with-registry-auth to docker stack deploy (sends the server user's registry login to the swarm's nodes)."),
    resolveImage: z.enum(['always', 'changed', 'never']).optional()
      .describe("docker stack deploy --resolve-image (default: docker's, always: pin each tag to the registry's digest)."),
  }).strict(),
  z.object({
    type: z.literal('argocd'),
    app: kubeName.describe('The Argo CD Application.'),
    ...clusterKeys('argocd', 'Argo CD', "The Application's namespace."),
  }).strict(),
  z.object({
    type: z.literal('flux'),
    kustomization: kubeName.describe('The Flux Kustomization.'),
    ...clusterKeys('flux-system', 'Flux', "The Kustomization's namespace."),
  }).strict(),
]);
export type ReconcilerInput = z.input<typeof ReconcilerSchema>;
export type Reconciler =
  | { readonly type: 'gitops-guard' }
  | { readonly type: 'swarm'; readonly withRegistryAuth?: boolean; readonly resolveImage?: 'always' | 'changed' | 'never' }
  | { readonly type: 'argocd'; readonly app: string; readonly namespace: string; readonly context?: string; readonly kubeconfig?: string }
  | { readonly type: 'flux'; readonly kustomization: string; readonly namespace: string; readonly context?: string; readonly kubeconfig?: string };

const envName = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, 'an environment name: a letter, then letters, digits, _ or -');

/** One environment: where it runs and which branch it follows. Keys it leaves out come from the top level. */
export const EnvironmentSchema = z.object({
  host: hostName.optional().describe("This environment's server (an ssh destination or ~/.ssh/config alias)."),
  hosts: z.array(hostName).min(1).optional().describe('Several servers that all run this environment; deploy waits for every one.'),
  user: z.string().regex(/^[a-z_][a-z0-9_.-]*$/i).optional().describe('The ssh user.'),
  port: z.number().int().min(1).max(65535).optional().describe('The ssh port.'),
  remotePath: absolute.optional().describe("The server's checkout of this repository."),
  branch: z.string().min(1).optional().describe('The branch this environment follows (default: the top-level branch).'),
  composeFiles: z.array(z.string().min(1)).optional().describe("This environment's compose files, relative to the repository root."),
  paths: z.array(repoPath).min(1).optional().describe(PATHS_TEXT),
  reconciler: ReconcilerSchema.optional().describe('Who applies what is pushed (default: the top-level reconciler, else gitops-guard).'),
  promoteFrom: envName.optional()
    .describe('The environment whose tested commit this one takes: a direct push to this branch asks, and `gitops-guard promote FROM TO` moves it.'),
  confirmDeploy: z.boolean().optional().describe('Ask the person before the MCP server deploys here.'),
  stack: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'letters, digits, then also _ . -').optional()
    .describe("This environment's deployment name on the server."),
  stateFile: absolute.optional().describe("The reconciler's state file on this environment's servers."),
  reconcile: z.enum(['timer', 'trigger']).optional().describe('timer or trigger, as at the top level.'),
  reconcilerPath: z.string().optional().describe('Where the reconciler script is on these servers (reconcile: trigger).'),
  onDrift: z.enum(['heal', 'refuse']).optional().describe('heal or refuse, as at the top level.'),
  revertOnFailure: z.boolean().optional().describe('Revert a deploy that fails here, as at the top level.'),
  identityFile: z.string().optional().describe('An ssh private key for these servers.'),
}).strict();
export type EnvironmentInput = z.input<typeof EnvironmentSchema>;

export const ConfigSchema = z.object({
  $schema: z.string().optional().describe('The JSON Schema of this file, for editors.'),
  host: hostName.optional().describe('The server that reconciles the deployment (an ssh destination or ~/.ssh/config alias).'),
  user: z.string().regex(/^[a-z_][a-z0-9_.-]*$/i).optional().describe('The ssh user, when not in ~/.ssh/config.'),
  port: z.number().int().min(1).max(65535).optional().describe('The ssh port, when not 22 or in ~/.ssh/config.'),
  remotePath: z.string().regex(/^\/[^\0\n]*$/, 'an absolute path').optional()
    .describe("The server's checkout of this repository (e.g. /root/projects/CodeFoundry)."),
  branch: z.string().min(1).default('main').describe('The deploy branch.'),
  remote: z.string().min(1).default('origin').describe('The git remote that the server pulls from.'),
  composeFiles: z.array(z.string().min(1)).optional()
    .describe('Compose files, relative to the repository root. Default: compose.yaml / docker-compose.yml found there.'),
  paths: z.array(repoPath).min(1).optional().describe(PATHS_TEXT),
  protectedBranches: z.array(z.string().min(1)).optional()
    .describe('Branches that must never be force-pushed or deleted. Default: the deploy branch.'),
  commitPrefix: z.string().min(1).default('deploy: ').describe('The prefix of deploy commit messages.'),
  rules: z.array(z.string().min(1)).default([])
    .describe('Extra rule packs (files or directories, relative to this file); they are checked before the built-in ones.'),
  disabledRules: z.array(z.string().min(1)).default([]).describe('Rule ids to switch off.'),
  builtinRules: z.boolean().default(true).describe('Load the built-in rule packs.'),
  remoteAllow: z.array(z.string().min(1)).default([])
    .describe('Extra read-only commands allowed on the server, as program and subcommand words ("kubectl get").'),
  hostKeyPolicy: z.enum(['strict', 'accept-new']).default('strict')
    .describe('Unknown server host keys: strict refuses (with the line to add); accept-new records them on first use.'),
  sshConfig: z.string().nullable().optional().describe('The OpenSSH client config to read (default ~/.ssh/config; null for none).'),
  knownHosts: z.array(z.string()).optional().describe('known_hosts files (default ~/.ssh/known_hosts and the system files).'),
  identityFile: z.string().optional().describe('An ssh private key to try besides ssh-agent and ~/.ssh/config.'),
  connectTimeout: z.number().positive().max(600).default(10).describe('Seconds to wait for the server to answer.'),
  stateFile: z.string().regex(/^\/[^\0\n]*$/, 'an absolute path').optional()
    .describe("The reconciler's state file on the server (default ~/.local/state/gitops-guard/<stack>/state.json of the ssh user)."),
  reconcile: z.enum(['timer', 'trigger']).default('timer')
    .describe('timer: the server runs the reconciler itself (systemd/cron); trigger: deploy runs it over SSH right after the push.'),
  reconcilerPath: z.string().default('~/.local/bin/gitops-guard-reconcile')
    .describe('Where the reconciler script is on the server (for reconcile: trigger).'),
  // The server side (the reconciler): see docs/reconciler.md.
  stack: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'letters, digits, then also _ . -').optional()
    .describe("This deployment's name on the server: in unit names, the cron marker and the state directory (default: the last part of remotePath)."),
  onDrift: z.enum(['heal', 'refuse']).optional()
    .describe('heal (the default): the reconciler saves hand edits and local commits on the server, moves the checkout to git and brings stopped or changed containers back; refuse: it stops and reports.'),
  revertOnFailure: z.boolean().optional()
    .describe('true: deploy commits and pushes "deploy: revert <sha> (<why>)" when its commit fails to apply or comes up unhealthy.'),
  notify: z.object({
    url: z.string().regex(/^https?:\/\/[^\s'"\\]+$/, 'an http(s) URL without spaces or quotes'),
    header: z.string().regex(/^[A-Za-z0-9-]+$/, 'a header name').optional(),
    tokenEnv: z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'an environment variable name').optional(),
  }).strict().optional()
    .describe('A webhook the reconciler POSTs a JSON event to for applied, failed and healed runs; the token (header value) is read on the server from the environment variable tokenEnv.'),
  mcpReadOnly: z.boolean().default(false).describe('The MCP server offers no deploy or rollback tool.'),
  confirmDeploy: z.boolean().default(false)
    .describe('The MCP server asks the person (MCP elicitation) before pushing a deploy or rollback, and refuses where it cannot ask.'),
  rewriteMode: z.enum(['suggest', 'ask', 'apply']).default('suggest')
    .describe('Hooks: suggest (deny with the rewrite in the reason), ask (offer the rewrite), apply (run read-only rewrites).'),
  reconciler: ReconcilerSchema.optional()
    .describe('Who applies what is pushed: gitops-guard (this tool, the default), swarm, argocd or flux.'),
  environments: z.record(envName, EnvironmentSchema).optional()
    .describe('Named environments (staging, prod, …); each inherits the top-level keys it leaves out. Without it, the top level is the one environment.'),
  defaultEnvironment: envName.optional().describe('The environment commands use without --env (default: the first one).'),
}).strict().superRefine(checkEnvironments);

/** Cross-key checks of environments; each message names the environment. */
function checkEnvironments(c: {
  environments?: Record<string, EnvironmentInput> | undefined; defaultEnvironment?: string | undefined;
}, ctx: z.RefinementCtx): void {
  const envs = c.environments ?? {};
  const names = Object.keys(envs);
  if (c.defaultEnvironment !== undefined && !names.includes(c.defaultEnvironment)) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom, path: ['defaultEnvironment'],
      message: names.length === 0 ? `"${c.defaultEnvironment}" names an environment, and no environments are configured`
        : `no environment "${c.defaultEnvironment}" (configured: ${names.join(', ')})`,
    });
  }
  for (const [name, env] of Object.entries(envs)) {
    if (env.host !== undefined && env.hosts !== undefined) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['environments', name], message: `environment "${name}": give host or hosts, not both` });
    }
    if (env.promoteFrom === undefined) continue;
    if (!names.includes(env.promoteFrom)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom, path: ['environments', name, 'promoteFrom'],
        message: `environment "${name}": promoteFrom names no environment "${env.promoteFrom}" (configured: ${names.join(', ')})`,
      });
      continue;
    }
    // A promotion chain must end: staging -> prod, never back round to itself.
    const seen = new Set([name]);
    for (let at: string | undefined = env.promoteFrom; at !== undefined; at = envs[at]?.promoteFrom) {
      if (seen.has(at)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom, path: ['environments', name, 'promoteFrom'],
          message: `environment "${name}": promoteFrom makes a loop (${[...seen, at].join(' -> ')})`,
        });
        break;
      }
      seen.add(at);
    }
  }
}

export type ConfigInput = z.input<typeof ConfigSchema>;
export type Config = z.infer<typeof ConfigSchema>;

/** A loaded config with the defaults that depend on the file system filled in. */
export interface ResolvedConfig extends Omit<Config, 'reconciler'> {
  /** The environment this view is (`default` when the config has no environments). */
  readonly environment: string;
  /** This environment's servers: `hosts`, else `[host]`, else none. `host` is the first. */
  readonly hosts: readonly string[];
  readonly reconciler: Reconciler;
  /** The environment this one is promoted from, if any. */
  readonly promoteFrom?: string;
  /** The config as written, before an environment's keys were laid over it (environments.ts). */
  readonly topLevel: Config;
  /** The file it came from, or null for built-in defaults. */
  readonly file: string | null;
  /** The directory paths in the config are relative to: the config's, else the repository root or cwd. */
  readonly root: string;
  readonly composeFiles: string[];
  readonly protectedBranches: string[];
  /** For a project config that could loosen the policy: whether a person trusted it, and what was ignored. */
  readonly trust?: TrustState;
}

export { ConfigError };

/** Validate config data; `where` names its source in errors. */
export function parseConfig(data: unknown, where: string): Config {
  const result = ConfigSchema.safeParse(data ?? {});
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.length ? i.path.join('.') : '(top level)'}: ${i.message}`);
    throw new ConfigError(`${where}: invalid config\n${lines.join('\n')}`);
  }
  return result.data;
}

/** Parse a config file's text (JSON, or YAML for .yaml/.yml) and validate it. */
export function parseConfigText(text: string, file: string): Config {
  let data: unknown;
  try {
    data = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new ConfigError(`${file}: not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${(e as Error).message}`);
  }
  return parseConfig(data, file);
}

/** The JSON Schema of the config file, generated from the zod schema. */
export function configJsonSchema(): unknown {
  return {
    ...zodToJsonSchema(ConfigSchema, { target: 'jsonSchema7', $refStrategy: 'none', effectStrategy: 'input' }),
    title: 'gitops-guard configuration',
  };
}
