// Rule packs: YAML files of rules, each carrying its own examples. Validated with zod on load; an
// error names the file, the line and what is wrong.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
// zod's v3 API: a hook loads it in ~13 ms where the v4 API costs ~55 ms (measured), and every
// hook call validates its input.
import { z } from 'zod/v3';
import { RuleError } from '../errors.js';

export const DECISIONS = ['allow', 'deny', 'ask'] as const;
export type Decision = (typeof DECISIONS)[number];

export const EVENTS = ['dynamic-command', 'dynamic-remote-command', 'unreadable-script', 'interpreter-code', 'embedded-command', 'bad-input', 'limit', 'guard-package', 'host-hook', 'host-unguarded'] as const;

/** Facts about an invocation that code computes from the program's own argument grammar. */
export const FACTS = [
  /** scp/rsync/sftp/sshfs write to a path on a server. */
  'writes-remote',
  /** rsync --remove-source-files from a server. */
  'removes-remote-source',
  /** Paths or hosts of a transfer are computed at run time. */
  'transfer-dynamic',
  /** An ssh or sftp session with no command and no script: anything can be typed in it. */
  'interactive',
  /** `git push` that may rewrite or delete a protected branch. */
  'force-push-protected',
  /** Output redirected to a file (not /dev/null, /dev/stdout, /dev/stderr, or another descriptor). */
  'writes-file',
  /** A container CLI asked only for help or its version. */
  'help-or-version',
  /** kubectl, helm, flux or argocd asked for help where the CLI itself reads `-h`/`--help` (policy/kube-cli.ts). */
  'kube-help',
  /** A cluster TUI started with its read-only switch on and not overridden (`k9s --readonly`, not `--readonly=false`). */
  'read-only-session',
  /** An event's text names a program the rules are about (so something managed could hide in it). */
  'mentions-managed',
  /** A request to a container engine's API (its socket or TCP port) without the engine's CLI. */
  'engine-api',
  /** A request to the Kubernetes API (a server's /api or /apis, or a kubectl proxy). */
  'kube-api',
  /** `kubectl … --local` and `flux create … --export`: the manifest is printed, no cluster is touched. */
  'prints-manifests',
  /** A request to Argo CD's API that changes an Application (not a sync to git's revision). */
  'argocd-api-change',
  /** `trap` sets, replaces or removes the DEBUG trap, in any spelling bash takes (policy/shell-traps.ts). */
  'traps-debug',
  /** kubectl/helm/argocd/flux asked only for a dry run (`--dry-run=client|server`; `none` applies). */
  'dry-run',
  /** A Kubernetes command pointed at a context named like a local development cluster (`kind-*`, `minikube`, …). */
  'kube-local',
  /** `kubectl config` makes a name taken for a local cluster point at another cluster or user (policy/kube-target.ts). */
  'kube-config-retarget',
  /** A Docker Engine API request for the swarm's join tokens or unlock key (`GET /swarm`, `/swarm/unlockkey`). */
  'engine-swarm-credentials',
  /** `flux create … --export`: prints the manifest instead of applying it. */
  'export-only',
  /** `date` or `hostname` given something to set (an operand other than a `+FORMAT`, `-s`, `--file`, `--boot`). */
  'sets-system',
  /** curl writes a file: an output, header dump, cookie jar, trace or `-w %output{…}` other than stdout or /dev/null. */
  'writes-output',
  /** A forge's API (gh, glab, hub, curl to the GitHub/GitLab API) updates or deletes a protected branch, or forces a ref. */
  'forge-ref-update',
  /** `gh repo delete` or the forge API's DELETE of the repository: every branch goes, the protected ones too. */
  'forge-repo-delete',
  /** A push (git, a subtree push, a forge merge) to a branch that an environment takes by promotion only (`promoteFrom`). */
  'push-promoted',
  /** The command writes, removes or changes one of the guard's own files (see policy/guarded.ts). */
  'writes-guarded',
  /** It writes a glob the shell may expand to one of the guard's own files (`cp x .cl?ude/settings.json`). */
  'writes-guarded-glob',
  /** It writes a gitops-guard.json (or .yaml): a nearer one replaces the project's config where commands run. */
  'writes-guard-config',
  /** Variables set for the command make it run other code or write a file (grammars/readers.ts SERVER_ENV_RUNS). */
  'env-runs-code',
  /** `kubectl annotate` setting only the Argo CD refresh or the Flux reconcile request (policy/kube-target.ts). */
  'reconcile-nudge',
  /** A git push into a server's checkout of the repository (`git push host:/remotePath …`), not to the origin it pulls from. */
  'pushes-to-checkout',
  /** A git push to a repository named at run time while a remote the files or the text name is a server's checkout. */
  'pushes-to-run-time-remote',
  /** A package manager adds, removes, replaces or relinks the gitops-guard package (see policy/guard-package.ts). */
  'changes-guard-package',
  /** Its standard output goes to the terminal or only through programs that read and print it (`| head`, `| less`): what it prints is neither kept nor run. */
  'stdout-to-readers',
  /** An HTTP request that may change something: a method other than GET/HEAD, or a body (or unknown, for raw sockets). */
  'http-mutation',
] as const;
export type Fact = (typeof FACTS)[number];

const word = z.string().min(1);

export const MatchSchema = z.object({
  /** Program names (basenames). Omit to match any program. */
  program: z.array(word).min(1).optional(),
  /**
   * Subcommand paths, words separated by spaces; `*` matches any one word; a path ending in `$` must
   * be the whole path (`remote$`). Container CLIs: `compose restart`, `container ls`; others: leading
   * operands (`status` in `systemctl status x`).
   */
  path: z.array(word).min(1).optional(),
  /** Flags of which at least one must be present (`-f`, `--force`; one letter matches inside `-xf`). */
  flags: z.array(word).min(1).optional(),
  /** Flags of which none may be present. */
  not_flags: z.array(word).min(1).optional(),
  /** Where the command runs. */
  target: z.enum(['local', 'remote', 'any']).default('any'),
  /** Who reconciles the environment the command is about (its server's, else the default one's). */
  engine: z.array(z.enum(['gitops-guard', 'swarm', 'argocd', 'flux'])).min(1).optional(),
  /** Shell events: what the parser could not see through. */
  event: z.array(z.enum(EVENTS)).min(1).optional(),
  /** Facts that must all hold. */
  facts: z.array(z.enum(FACTS)).min(1).optional(),
  /** Facts of which none may hold. */
  not_facts: z.array(z.enum(FACTS)).min(1).optional(),
  /**
   * Words of which the command's text contains one wherever the rule can match (besides a program
   * name, when the rule names programs). Not a condition of the match: the fast path derives from
   * them which text it must read. Give them for a rule that names no program, or whose programs
   * matter only with them (`git` with `push`).
   */
  keywords: z.array(word).min(1).optional(),
}).strict();
export type Match = z.infer<typeof MatchSchema>;

const ExampleSchema = z.union([
  word.transform((command) => ({ command } as ExampleMatch)),
  z.object({
    command: word,
    /** The verdict's decision (default: the rule's). */
    decision: z.enum(DECISIONS).optional(),
    /** The verdict's runnable rewrite; null: there must be none. Omit to not check it. */
    rewrite: z.string().nullable().optional(),
    /** Text that the reason must contain. */
    reason: z.string().optional(),
    /** Config for this example, over the pack's `example_config`. */
    config: z.record(z.string(), z.unknown()).optional(),
    /** Directory to run in, relative to the pack file. */
    cwd: z.string().optional(),
  }).strict(),
]);
export interface ExampleMatch {
  command: string;
  decision?: Decision;
  rewrite?: string | null;
  reason?: string;
  config?: Record<string, unknown>;
  cwd?: string;
}

export const RuleSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case words joined by dashes'),
  description: z.string().min(1),
  decision: z.enum(DECISIONS),
  match: MatchSchema,
  /** What the agent is told: the principle it breaks, in one or two sentences. */
  message: z.string().min(1),
  /** The GitOps equivalent: a rewrite template and/or steps. */
  equivalent: z.strictObject({
    /** A command template; `{var}` placeholders come from config and the command (see rewrite.ts). */
    rewrite: z.string().min(1).optional(),
    /** What to do, when no single command does it. */
    steps: z.array(z.string().min(1)).min(1).optional(),
    /** The rewrite only looks (changes nothing), so a hook in apply mode may run it in place. */
    read_only: z.boolean().optional(),
  }).optional(),
  examples: z.strictObject({
    match: z.array(ExampleSchema).min(1),
    not_match: z.array(ExampleSchema).default([]),
  }),
}).strict();
export type RuleInput = z.input<typeof RuleSchema>;

export const PackSchema = z.object({
  /** Config that this pack's examples run with. */
  example_config: z.record(z.string(), z.unknown()).optional(),
  rules: z.array(RuleSchema),
}).strict();

export interface Rule extends Omit<z.infer<typeof RuleSchema>, 'examples'> {
  readonly examples: { match: ExampleMatch[]; not_match: ExampleMatch[] };
  /** Where the rule was defined: `file:line`. */
  readonly source: string;
  /** The file's directory, for example `cwd`s. */
  readonly dir: string;
  readonly exampleConfig: Record<string, unknown>;
}

export { RuleError };

/** Parse and validate one pack's text. Throws RuleError naming `file:line`. */
export function parsePack(text: string, file: string, dir: string): Rule[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const pos = lines.linePos(e.pos[0]);
    throw new RuleError(`${file}:${pos.line}:${pos.col}: ${e.message.split('\n')[0]}`);
  }
  const data = doc.toJS({ maxAliasCount: 1000 }) as unknown;
  // Top-level `x-…` keys hold YAML anchors shared by rules (as in compose files); they are not rules.
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    for (const key of Object.keys(data)) if (key.startsWith('x-')) delete (data as Record<string, unknown>)[key];
  }
  const result = PackSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const line = lineOf(doc, lines, issue.path);
    const where = issue.path.length > 0 ? ` (at ${issue.path.join('.')})` : '';
    throw new RuleError(`${file}:${line}: ${issue.message}${where}`);
  }
  const rules: Rule[] = [];
  const ids = new Set<string>();
  for (const [i, rule] of result.data.rules.entries()) {
    const line = lineOf(doc, lines, ['rules', i, 'id']);
    if (ids.has(rule.id)) throw new RuleError(`${file}:${line}: duplicate rule id "${rule.id}"`);
    ids.add(rule.id);
    rules.push({
      ...rule,
      examples: rule.examples as { match: ExampleMatch[]; not_match: ExampleMatch[] },
      source: `${file}:${line}`,
      dir,
      exampleConfig: result.data.example_config ?? {},
    });
  }
  return rules;
}

function lineOf(doc: Document, lines: LineCounter, path: readonly PropertyKey[]): number {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as unknown[], true);
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return 1;
}

/** Load packs from files and directories (every `*.yaml`/`*.yml` in a directory, in name order). */
export function loadPacks(paths: readonly string[]): Rule[] {
  const rules: Rule[] = [];
  for (const file of expandPaths(paths)) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new RuleError(`${file}: cannot read rule pack (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    }
    rules.push(...parsePack(text, file, resolve(file, '..')));
  }
  const seen = new Map<string, string>();
  for (const r of rules) {
    const other = seen.get(r.id);
    if (other) throw new RuleError(`${r.source}: rule id "${r.id}" is already defined at ${other}`);
    seen.set(r.id, r.source);
  }
  return rules;
}

export function expandPaths(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch (e) {
      throw new RuleError(`${p}: no such rule file or directory`);
    }
    if (!isDir) { files.push(p); continue; }
    for (const name of readdirSync(p).sort()) {
      if (/\.ya?ml$/.test(name) && !/\.cases\.ya?ml$/.test(name)) files.push(join(p, name));
    }
  }
  return files;
}
