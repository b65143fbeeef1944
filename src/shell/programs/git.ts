// git's command line as git reads it: its own options (`-C`, `-c`, `--config-env`), configuration
// given for this run (also through GIT_CONFIG_* variables), aliases from that configuration, the
// subcommand, and for `git push` the destinations as git resolves them.
import { getopt, has, optionIs, valueOf, type Arg, type OptionGrammar, type Scan } from '../getopt.js';
import { GIT, GIT_HTTP_PUSH, GIT_PUSH } from '../grammars/managed.js';
import type { GitConfig } from '../git-config.js';

export { parseGitConfigText, type GitConfig } from '../git-config.js';

export interface GitCommand {
  /** The subcommand after alias expansion (`push`, `commit`, …); null when absent or computed. */
  readonly sub: string | null;
  /** The subcommand's own words, after alias expansion. */
  readonly args: readonly Arg[];
  /** Configuration given for this run, in order. */
  readonly config: readonly GitConfig[];
  /**
   * Configuration the files git reads hold (system, global, the repository's, what they include), in
   * order, before `config`: aliases, remotes' push refspecs and mirror, push.default come from both.
   */
  readonly stored: readonly GitConfig[];
  /** The alias that was expanded, when one was (`p` for `-c alias.p='push -f'`). */
  readonly alias?: string;
  /** A shell alias (`alias.x=!cmd`): the command git runs through a shell, with its arguments. */
  readonly shellAlias?: string;
  /** Something computed at run time decides what git runs (a `-c` whose value is computed). */
  readonly dynamic: boolean;
  /** Why, when it is a file this run includes whose content cannot be known (`-c include.path=FILE`). */
  readonly unknown?: string;
  /** `--exec-path=DIR`: where git looks for `git-<sub>` first (null when computed). */
  readonly execPath?: string | null;
  /** `-C DIR` options in order (each relative to the one before; null when computed). */
  readonly chdir: readonly Arg[];
  /** `--git-dir` and `--work-tree` (null when computed). */
  readonly gitDir?: Arg;
  readonly workTree?: Arg;
}

/** Configuration given through the environment: GIT_CONFIG_COUNT/KEY_n/VALUE_n and GIT_CONFIG_PARAMETERS. */
function envConfig(env: ReadonlyMap<string, string | null>): { config: GitConfig[]; dynamic: boolean } {
  const config: GitConfig[] = [];
  let dynamic = false;
  const count = env.get('GIT_CONFIG_COUNT');
  if (count === null) dynamic = true;
  const n = count ? Number.parseInt(count, 10) : 0;
  for (let i = 0; i < Math.min(n, 100); i++) {
    const key = env.get(`GIT_CONFIG_KEY_${i}`);
    const value = env.get(`GIT_CONFIG_VALUE_${i}`);
    if (key === null || key === undefined) { dynamic = true; continue; }
    config.push({ key: key.toLowerCase(), value: value ?? null });
  }
  const params = env.get('GIT_CONFIG_PARAMETERS');
  if (params === null) dynamic = true;
  else if (params) {
    for (const m of params.matchAll(/'([^'=]+)(?:'='|=)([^']*)'/g)) config.push({ key: m[1]!.toLowerCase(), value: m[2]! });
  }
  return { config, dynamic };
}

function configOf(text: Arg, env: ReadonlyMap<string, string | null>, fromEnv: boolean): GitConfig | null {
  if (text === null) return null;
  const eq = text.indexOf('=');
  const written = eq < 0 ? text : text.slice(0, eq);
  const key = written.toLowerCase();
  if (!fromEnv) return { key, written, value: eq < 0 ? 'true' : text.slice(eq + 1) };
  // --config-env=key=ENVVAR: the value is that variable's.
  const v = eq < 0 ? null : env.get(text.slice(eq + 1));
  return { key, written, value: v === undefined ? null : v };
}

/** Split an alias value into words, as git does (quotes group, backslash escapes). */
function aliasWords(value: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: string | null = null;
  let any = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (quote) { if (c === quote) quote = null; else cur += c; continue; }
    if (c === '"' || c === "'") { quote = c; any = true; continue; }
    if (c === '\\' && i + 1 < value.length) { cur += value[++i]; any = true; continue; }
    if (/\s/.test(c)) { if (any || cur) out.push(cur); cur = ''; any = false; continue; }
    cur += c; any = true;
  }
  if (any || cur) out.push(cur);
  return out;
}

/** Where git runs, as its own options say: what the caller needs to find the config files git reads. */
export interface GitHead {
  readonly chdir: readonly Arg[];
  readonly gitDir?: Arg;
  readonly workTree?: Arg;
}

/** The config files' entries for a git run at `head`, and why what they include cannot be known (then git runs something unknown). */
export interface StoredEntries {
  readonly entries: readonly GitConfig[];
  readonly unknown?: string;
}

/** The config files' entries for a git run at `head` (none where they cannot be read: the caller says so). */
export type StoredConfig = (head: GitHead) => StoredEntries;

/**
 * The entries of the file a config entry of this run includes (`-c include.path=FILE`,
 * `includeIf.<cond>.path`), in order with what it includes; a string says why they cannot be known.
 */
export type IncludedConfig = (head: GitHead, entry: GitConfig) => readonly GitConfig[] | string;

const INCLUDE = /^(?:include\.path|includeif\..*\.path)$/;

/** This run's entries with the files their includes name spliced in after them (git-config(1) "Includes"). */
function withIncludes(given: readonly GitConfig[], head: GitHead, included: IncludedConfig | undefined): { config: GitConfig[]; unknown?: string } {
  const config: GitConfig[] = [];
  let unknown: string | undefined;
  for (const c of given) {
    config.push(c);
    if (included === undefined || !INCLUDE.test(c.key)) continue;
    const r = included(head, c);
    if (typeof r === 'string') unknown ??= r;
    else config.push(...r);
  }
  return { config, ...(unknown !== undefined ? { unknown } : {}) };
}

/** Alias expansions followed before the rest counts as computed (git itself follows any chain without a loop). */
const MAX_ALIAS_STEPS = 64;

export function parseGit(args: readonly Arg[], env: ReadonlyMap<string, string | null> = new Map(), storedConfig?: StoredConfig, included?: IncludedConfig): GitCommand {
  const scan = getopt(args, GIT);
  const execPath = valueOf(scan, '--exec-path');
  const gitDir = valueOf(scan, '--git-dir');
  const workTree = valueOf(scan, '--work-tree');
  const head: GitHead = {
    chdir: scan.options.filter((o) => o.name === '-C').map((o) => o.value ?? null),
    ...(gitDir !== undefined ? { gitDir } : {}), ...(workTree !== undefined ? { workTree } : {}),
  };
  const fromFiles = storedConfig?.(head);
  const stored = fromFiles?.entries ?? [];
  const fromEnv = envConfig(env);
  const config: GitConfig[] = [...fromEnv.config];
  let dynamic = fromEnv.dynamic;
  for (const o of scan.options) {
    if (o.name !== '-c' && o.name !== '--config-env') continue;
    const c = configOf(o.value ?? null, env, o.name === '--config-env');
    if (c === null || c.value === null) dynamic = true;
    if (c) config.push(c);
  }
  const spliced = withIncludes(config, head, included);
  config.splice(0, config.length, ...spliced.config);
  let unknown = fromFiles?.unknown ?? spliced.unknown;
  let words = scan.operands.map((o) => o.value);
  let sub = words[0] ?? null;
  let alias: string | undefined;
  let shellAlias: string | undefined;
  // Aliases expand until a real command, as deep as the chain goes (git refuses a loop). A chain longer
  // than MAX_ALIAS_STEPS, or a loop, is read as computed: the policy blocks it.
  const seen = new Set<string>();
  for (let step = 0; sub !== null; step++) {
    const def = [...stored, ...config].reverse().find((c) => c.key === `alias.${sub!.toLowerCase()}`);
    if (!def) break;
    if (step >= MAX_ALIAS_STEPS || seen.has(def.key)) { dynamic = true; break; }
    seen.add(def.key);
    if (def.value === null) { dynamic = true; break; }
    alias ??= sub;
    if (def.value.startsWith('!')) {
      shellAlias = [def.value.slice(1), ...words.slice(1).map((w) => w ?? '"$computed"')].join(' ');
      break;
    }
    // An alias may begin with git's own options (`-c core.pager=… log`): read them again.
    const expanded = getopt([...aliasWords(def.value), ...words.slice(1)], GIT);
    for (const o of expanded.options) {
      if (o.name !== '-c' && o.name !== '--config-env') continue;
      const c = configOf(o.value ?? null, env, o.name === '--config-env');
      if (c === null || c.value === null) dynamic = true;
      if (!c) continue;
      const more = withIncludes([c], head, included);
      config.push(...more.config);
      unknown ??= more.unknown;
    }
    words = expanded.operands.map((o) => o.value);
    sub = words[0] ?? null;
  }
  if (unknown !== undefined) dynamic = true;
  return {
    sub, args: words.slice(1), config, stored, dynamic, ...(unknown !== undefined ? { unknown } : {}), ...(execPath !== undefined ? { execPath } : {}), ...head,
    ...(alias !== undefined ? { alias } : {}), ...(shellAlias !== undefined ? { shellAlias } : {}),
  };
}

/** The last value of a config key given for this run (keys compared lower-cased). */
export function configValue(git: GitCommand, key: string): string | null | undefined {
  let v: string | null | undefined;
  for (const c of git.config) if (c.key === key) v = c.value;
  return v;
}

/** Every value of a config key git sees, the files' first, then this run's. */
export function configValues(git: GitCommand, key: string): (string | null)[] {
  return [...git.stored, ...git.config].filter((c) => c.key === key).map((c) => c.value);
}

/** The last value of a config key git sees (files, then this run's). */
export function effectiveValue(git: GitCommand, key: string): string | null | undefined {
  return configValues(git, key).pop();
}

export interface GitPush {
  readonly scan: Scan;
  /** Options that rewrite or delete remote history, as given (`--force`, `-f`, `--mirror`, …). */
  readonly forceFlags: readonly string[];
  /** Refspecs that force (`+src:dst`) or delete (`:dst`). */
  readonly forcedRefs: readonly string[];
  /** Destination branches, when all are known; null when git decides (no refspec, HEAD, `--all`). */
  readonly destinations: readonly string[] | null;
  /** Every branch is pushed (`--all`, `--branches`, `--mirror`, a mirror remote, `push.default=matching`, the `:` refspec). */
  readonly every: boolean;
  /** The current branch is a destination (`HEAD`, `@`, or no refspec where push.default pushes the current branch). */
  readonly current: boolean;
  /**
   * With `current`: the other destinations, when all are known (`[]` for `git push origin HEAD` or a
   * push.default that pushes the current branch); null when git decides more than the current branch.
   */
  readonly besidesCurrent: readonly string[] | null;
  /** push.default=upstream with no refspec: the current branch's upstream is the destination, whatever its name. */
  readonly upstream: boolean;
  /**
   * Branches the forge merges into by itself once the push lands: GitLab's push options
   * `merge_request.target=B` with `merge_request.merge_when_pipeline_succeeds` or `auto_merge`.
   */
  readonly merges: readonly string[];
  readonly remote: Arg | undefined;
  /**
   * With `current`: the branch the repository's HEAD names where the push runs, as the files are when the
   * text reaches it (`ref: refs/heads/NAME`); null where HEAD names none (detached, unreadable, no
   * repository found); absent where it was not read (on the server).
   */
  readonly headOnDisk?: string | null;
}

/** The branch a push's GitLab push options make the forge merge into (git-push(1) -o; GitLab push options). */
function pushOptionMerges(scan: Scan): string[] {
  const opts = scan.options.filter((o) => optionIs(o, ['--push-option'])).map((o) => o.value);
  const auto = opts.some((v) => v === null || /^merge_request\.(?:merge_when_pipeline_succeeds|auto_merge)(?:=(?:true|1)?)?$/.test(v ?? ''));
  if (!auto) return [];
  const out: string[] = [];
  for (const v of opts) {
    if (v === null || v === undefined) { out.push('*'); continue; }
    const target = /^merge_request\.target=(.+)$/.exec(v)?.[1];
    if (target !== undefined) out.push(target);
  }
  // Without a target the request goes to the project's default branch, which is on the forge.
  return out.length > 0 ? out : ['*'];
}

const FORCE_OPTIONS = ['--force', '--force-with-lease', '--mirror', '--delete', '--force-delete', '--prune'];
/** git config files named for this run (environment) or included from its configuration. */
export const GIT_CONFIG_FILE_ENV = ['GIT_CONFIG_GLOBAL', 'GIT_CONFIG_SYSTEM', 'GIT_CONFIG'];

/** A push destination as a branch name: `refs/heads/main`, `heads/main`, `main` → `main`; null: not a branch name we can know. */
export function branchOf(ref: string): string | null {
  if (ref === 'HEAD' || ref === '@' || ref.includes('*') || ref === '') return null;
  return ref.replace(/^refs\/heads\//, '').replace(/^heads\//, '');
}

/** Subcommands that update a remote's refs, and their options: `push`, `send-pack`, `http-push`. */
export const PUSHES: Readonly<Record<string, OptionGrammar>> = { 'push': GIT_PUSH, 'send-pack': GIT_PUSH, 'http-push': GIT_HTTP_PUSH };

/** git's boolean config values that mean true. */
function isTrue(v: string): boolean {
  return /^(?:true|yes|on|1)$/i.test(v.trim());
}

/**
 * The remotes a push may go to: the one named; without one, git picks branch.<current>.pushRemote,
 * remote.pushDefault, branch.<current>.remote or origin, and the current branch is not known here: all of them.
 */
function pushRemotes(git: GitCommand, remote: Arg | undefined): string[] {
  if (remote) return [remote];
  const entries = [...git.stored, ...git.config];
  // A computed remote may be any remote the config names.
  const named = remote === null
    ? entries.map((c) => /^remote\.(.+)\.[^.]+$/.exec(c.key)?.[1]).filter((v): v is string => v !== undefined)
    : entries.filter((c) => c.key === 'remote.pushdefault' || /^branch\..+\.(?:pushremote|remote)$/.test(c.key))
      .map((c) => c.value).filter((v): v is string => v !== null);
  return [...new Set(['origin', ...named])];
}

/**
 * The destination of a refspec whose source is computed and whose `:dst` is written (`"$SRC":main`,
 * `$(git rev-parse x):prod`): dst; null when the destination is not static text.
 */
export function computedSourceDestination(text: string | undefined): string | null {
  if (text === undefined) return null;
  const colon = text.lastIndexOf(':');
  if (colon <= 0) return null;
  const dst = text.slice(colon + 1);
  if (!/^["']?[A-Za-z0-9._/@-]+["']?$/.test(dst)) return null;
  return dst.replace(/["']/g, '');
}

/** A `git push`'s facts; `textOf` gives the written text of git.args[i] (where a computed word is read). */
export function parseGitPush(git: GitCommand, textOf?: (index: number) => string | undefined): GitPush {
  const scan = getopt(git.args, PUSHES[git.sub ?? ''] ?? GIT_PUSH);
  const forceFlags: string[] = [];
  for (const o of scan.options) {
    // `--no-force` undoes a force given before it.
    if (o.name === '--no-force' || o.name === '--no-force-with-lease') { forceFlags.length = 0; continue; }
    const name = FORCE_OPTIONS.find((f) => o.name === f || o.alias === f || o.ambiguous?.includes(f.slice(2)));
    if (name) forceFlags.push(o.name === '-f' || o.name === '-d' ? o.name : name);
  }
  // A dry run sends nothing.
  if (has(scan, '--dry-run')) forceFlags.length = 0;
  // `--repo=R` is the repository argument when none is given (git-push(1) --repo).
  const remote = scan.operands.length > 0 ? scan.operands[0]!.value : valueOf(scan, '--repo');
  // Configuration can make a plain push force or mirror (remote.<name>.mirror, its push refspecs).
  const remotes = pushRemotes(git, remote);
  const mirror = remotes.map((r) => effectiveValue(git, `remote.${r.toLowerCase()}.mirror`)).filter((v) => v !== undefined);
  if (!has(scan, '--dry-run') && mirror.some((v) => v === null || isTrue(v))) forceFlags.push('remote.mirror');
  let every = has(scan, '--all', '--branches', '--mirror') || mirror.some((v) => v !== null && isTrue(v));
  let current = false;
  let upstream = false;
  let specs = scan.operands.slice(1).map((o) => o.value);
  let texts = scan.operands.slice(1).map((o) => textOf?.(o.index));
  const deleting = has(scan, '--delete', '--force-delete');
  if (specs.length === 0) {
    // No refspec on the command line: every remote.<name>.push refspec is used (git-push(1) <refspec>).
    const pushSpecs = remotes.flatMap((r) => configValues(git, `remote.${r.toLowerCase()}.push`));
    texts = [];
    if (pushSpecs.length > 0) specs = pushSpecs;
    else if (!every) {
      // No refspec: push.default decides (simple, current, upstream: the current branch; matching: every branch).
      const mode = effectiveValue(git, 'push.default');
      if (mode === null || mode === 'matching') every = true;
      else if (mode === 'upstream' || mode === 'tracking') upstream = true;
      else if (mode !== 'nothing') current = true;
    }
  }
  const forcedRefs: string[] = [];
  let destinations: string[] | null = every || specs.length === 0 ? null : [];
  let besidesCurrent: string[] | null = every ? null : [];
  for (const [i, spec] of specs.entries()) {
    // A computed refspec pushes where it says; only the force options or a `+` make it a force. A
    // computed source before a written `:dst` may be empty, which deletes dst (git-push(1)).
    if (spec === null) {
      const dst = computedSourceDestination(texts[i]);
      if (dst === null) { destinations = besidesCurrent = null; continue; }
      forcedRefs.push(texts[i]!);
      const branch = branchOf(dst);
      if (branch === null) destinations = besidesCurrent = null;
      else { destinations?.push(branch); besidesCurrent?.push(branch); }
      continue;
    }
    let s = spec;
    if (s.startsWith('+')) { forcedRefs.push(spec); s = s.slice(1); }
    // `:` alone pushes the matching branches.
    if (s === ':') every = true;
    const colon = s.indexOf(':');
    const src = colon >= 0 ? s.slice(0, colon) : s;
    const dst = colon >= 0 ? s.slice(colon + 1) : s;
    if ((colon === 0 && s !== ':') || (deleting && colon < 0)) forcedRefs.push(spec);
    const to = dst === '' ? src : dst;
    const branch = branchOf(to);
    if (to === 'HEAD' || to === '@') current = true;
    else if (branch === null) besidesCurrent = null;
    else besidesCurrent?.push(branch);
    if (branch === null) destinations = null;
    else if (destinations) destinations.push(branch);
  }
  const merges = has(scan, '--dry-run') ? [] : pushOptionMerges(scan);
  return { scan, forceFlags, forcedRefs: has(scan, '--dry-run') ? [] : forcedRefs, destinations, every, current, besidesCurrent: every || upstream ? null : besidesCurrent, upstream, merges, remote };
}

export { remoteUrlSet, remoteRename, configSet, clonedFrom } from './git-remote.js';
