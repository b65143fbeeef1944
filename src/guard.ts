// The guard: config + rules + parser, ready to classify commands synchronously.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ConfigInput, ResolvedConfig } from './config.js';
import { loadConfig } from './config-file.js';
import { allEnvironments, environmentOfHost } from './environments.js';
import { judge, type Judge, type Verdict } from './policy/classify.js';
import type { RewriteValues } from './policy/rewrite.js';
import { RuleIndex } from './policy/match.js';
import type { Rule } from './policy/rules.js';
import { globGuarded, guardedPath } from './policy/guarded.js';
import { NOTHING_MANAGED } from './decide.js';
import { expand } from './shell/expand/index.js';
import { diskFiles, recording, writeStamp, type ScriptFiles } from './shell/files.js';
import { namesLink } from './shell/fast-links.js';
import { cannotHideManaged, mentionsManaged, mentionsRunner, startsManaged, type ManagedNames } from './shell/fastpath.js';
import { loadParser, parserLoaded } from './shell/parse.js';
import { rulesFor } from './policy/ruleset.js';
import { trustNote } from './trust/apply.js';

export { rulesFor };

export interface GuardOptions {
  /** Config object (validated); when absent, the nearest config file from `cwd`, else defaults. */
  readonly config?: ConfigInput;
  /** A config already loaded and resolved (the one entry, src/decide.ts, has read it): nothing is read again. */
  readonly resolved?: ResolvedConfig;
  /** A config file to read instead of searching. */
  readonly configFile?: string;
  /** Directory commands run in (default: process.cwd()). */
  readonly cwd?: string;
  /** The project's top directory, for a config given as an object (default: the git work tree's top). */
  readonly root?: string;
  /** Rules to use instead of the built-in packs and config's packs (for testing rule sets). */
  readonly rules?: readonly Rule[];
  /** Script file access (default: the real file system). */
  readonly files?: ScriptFiles;
  /**
   * Skip the parser for text that cannot name a managed command (default true). The result is the
   * same either way; turning it off is for testing that claim.
   */
  readonly fastPath?: boolean;
  /**
   * Do not load the shell parser up front (for one-shot processes): `decide` loads it when a
   * command needs it; `classify` then needs it loaded already.
   */
  readonly deferParser?: boolean;
  /** Called once, just before the parser loads lazily (a one-shot process tunes V8 there). */
  readonly beforeParserLoad?: () => void;
}

export interface Guard {
  readonly config: ResolvedConfig;
  readonly rules: readonly Rule[];
  /** Decide one command. Synchronous (the parser must be loaded); never throws: a failure is a deny. */
  classify(command: string, options?: { cwd?: string }): Verdict;
  /** Decide one command, loading the shell parser first if the command needs it. Never rejects. */
  decide(command: string, options?: { cwd?: string }): Promise<Verdict>;
}

/** The values rewrites take from one environment's view. */
function rewriteValues(config: ResolvedConfig): RewriteValues {
  return {
    // With environments, the push names the environment's branch: the branch checked out may be another.
    pushTo: config.topLevel.environments ? [config.remote, `HEAD:${config.branch}`] : [],
    host: config.host,
    remotePath: config.remotePath,
    branch: config.branch,
    remote: config.remote,
    prefix: config.commitPrefix,
    composeFiles: config.composeFiles,
    root: config.root,
  };
}

/** Branches that take commits by promotion, with the environments a promotion moves between. */
function promotionsOf(envs: readonly ResolvedConfig[]): Map<string, { from: string; to: string }> {
  const out = new Map<string, { from: string; to: string }>();
  for (const e of envs) if (e.promoteFrom !== undefined) out.set(e.branch, { from: e.promoteFrom, to: e.environment });
  return out;
}

/**
 * `onPath`: told of every path the rules look up on disk (where a write target leads, whether a path
 * exists), so that a guard keeping the decision can tell when that answer may change. (A glob is
 * judged by its text alone.)
 */
export function judgeFor(config: ResolvedConfig, rules: readonly Rule[], onPath?: (path: string, how: 'write' | 'exists') => void): Judge {
  const index = new RuleIndex(rules);
  const names = index.names();
  const envs = config.topLevel.environments ? allEnvironments(config) : [config];
  const promotions = promotionsOf(envs);
  const forHost = (host: string): RewriteValues =>
    ({ ...rewriteValues(environmentOfHost(config, host, envs) ?? config), host, promotions });
  return {
    index,
    match: {
      // Text that cannot be read (too large, nested too deep) could hide what a runner runs, too.
      protectedBranches: config.protectedBranches, mentions: (text) => mentionsManaged(text, names) || mentionsRunner(text),
      guarded: (path, whole) => { onPath?.(path, 'write'); return guardedPath(path, config.root, undefined, whole)?.reason ?? null; },
      guardedGlob: (path) => globGuarded(path, config.root)?.reason ?? null,
      exists: (path) => { onPath?.(path, 'exists'); return existsSync(path); },
      promotedBranches: [...promotions.keys()],
      engineFor: (host) => (host === null ? config : environmentOfHost(config, host, envs) ?? config).reconciler.type,
      kubeContexts: envs.flatMap((e) => ('context' in e.reconciler && e.reconciler.context ? [e.reconciler.context] : [])),
      checkouts: envs.flatMap((e) => (e.remotePath === undefined ? [] : e.hosts.map((h) => ({ host: h.replace(/^[^@]*@/, ''), path: e.remotePath! })))),
    },
    values: { ...rewriteValues(config), forHost, promotions },
  };
}

/** A kept decision's stamp of a write target (where the write lands), told apart from a file's. */
const WRITE = '\0write:';
/**
 * What a decision is kept on: the files it read, and where each write target leads. null (not kept)
 * when a target leads through a link, or to a file with other names.
 */
function keptOn(read: [string, string][], targets: readonly string[]): [string, string][] | null {
  const out = read;
  for (const t of new Set(targets)) {
    const st = writeStamp(t);
    if (st === null) return null;
    out.push([WRITE + t, st]);
  }
  return out;
}

function failed(command: string, e: unknown): Verdict {
  return {
    decision: 'deny',
    reason: `Blocked: gitops-guard failed while reading this command (${(e as Error)?.message ?? String(e)}); failing closed. [internal-error]`,
    findings: [{
      ruleId: 'internal-error', decision: 'deny', message: 'The guard failed; it blocks rather than allows.',
      text: command.slice(0, 200), start: 0, end: command.length, target: 'local', via: [],
      detail: String((e as Error)?.stack ?? e),
    }],
  };
}


export async function createGuard(options: GuardOptions = {}): Promise<Guard> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const config = options.resolved ?? await loadConfig({
    cwd,
    ...(options.configFile !== undefined ? { file: options.configFile } : {}),
    ...(options.config !== undefined ? { config: options.config } : {}),
    ...(options.root !== undefined ? { root: options.root } : {}),
  });
  const rules = options.rules ? [...options.rules] : await rulesFor(config);
  if (!options.deferParser) await loadParser();
  const files = options.files ?? diskFiles();
  // The paths the rules looked up for the command being decided.
  let targets: string[] = [];
  let looked: string[] = [];
  const j = judgeFor(config, rules, (path, how) => { (how === 'write' ? targets : looked).push(resolve(config.root, path)); });
  const names: ManagedNames = j.index.names();
  const fast = options.fastPath !== false;
  const mentions = (text: string): boolean => mentionsManaged(text, names);
  // Decisions already made, kept while no file they were read from changes (keyed on command and cwd).
  const decided = new Map<string, { verdict: Verdict; stamps: [string, string][] }>();
  const stillHolds = (e: { stamps: [string, string][] }): boolean =>
    e.stamps.every(([p, st]) => (p.startsWith(WRITE) ? writeStamp(p.slice(WRITE.length)) : files.stamp!(p)) === st);
  // Commands the fast path answered once: seen again, they are read in full and the decision kept, which
  // a repeat then costs a map lookup and the stamps of what it read (the fast path's text scans cost more).
  const fastOnce = new Set<string>();
  const keep = (key: string, verdict: Verdict, stamps: [string, string][]): void => {
    if (decided.size >= 2048) decided.delete(decided.keys().next().value!);
    decided.set(key, { verdict, stamps });
  };
  /** One attempt: a verdict, or null when the parser is needed first. */
  const attempt = (command: string, opts?: { cwd?: string }): Verdict | null => {
    const at = resolve(cwd, opts?.cwd ?? '.');
    // A decision already made comes first: it came from reading the command in full, and it holds
    // while the files it read are unchanged (the fast path's text test would fail again anyway).
    const key = `${at}\0${command}`;
    const hit = files.stamp ? decided.get(key) : undefined;
    if (hit && stillHolds(hit)) return hit.verdict;
    const seenOnce = files.stamp !== undefined && fastOnce.has(key) && parserLoaded();
    if (fast && !seenOnce && cannotHideManaged(command, names) && !namesLink(command, at)) {
      if (files.stamp && command.length <= 4096) {
        if (fastOnce.size >= 2048) fastOnce.clear();
        fastOnce.add(key);
      }
      return NOTHING_MANAGED;
    }
    try {
      const rec = recording(files);
      const result = expand(command, { cwd: at, files: rec.files, mentions, startsCommand: (t) => startsManaged(t, names), names });
      if (result.kind === 'needs-parser') return null;
      targets = [];
      looked = [];
      const verdict = judge(command, result.invocations, j);
      const stamps = files.stamp && command.length <= 4096 ? keptOn([...rec.stamps(), ...looked.map((p): [string, string] => [p, files.stamp!(p)])], targets) : null;
      if (stamps) keep(key, verdict, stamps);
      return verdict;
    } catch (e) {
      return failed(command, e);
    }
  };
  let beforeLoad = options.beforeParserLoad;
  return withTrustNote(config, {
    config,
    rules,
    classify(command, opts) {
      return attempt(command, opts) ?? failed(command, new Error('the shell parser is not loaded; use decide()'));
    },
    async decide(command, opts) {
      const first = attempt(command, opts);
      if (first) return first;
      try {
        beforeLoad?.();
        beforeLoad = undefined;
        await loadParser();
      } catch (e) {
        return failed(command, e);
      }
      return attempt(command, opts) ?? failed(command, new Error('the shell parser did not load'));
    },
  });
}

// ---- trust: the one place a verdict's reason is changed for it ----
/** Every verdict's reason says once what an untrusted config tried to loosen (see src/trust/apply.ts). */
function withTrustNote(config: ResolvedConfig, guard: Guard): Guard {
  const text = trustNote(config.trust);
  if (text === null) return guard;
  const noted = (verdict: Verdict): Verdict =>
    (verdict.reason.includes(text) ? verdict : { ...verdict, reason: `${verdict.reason}\n${text}` });
  return {
    config: guard.config,
    rules: guard.rules,
    classify: (command, opts) => noted(guard.classify(command, opts)),
    decide: async (command, opts) => noted(await guard.decide(command, opts)),
  };
}
// ---- end trust ----

export { NOTHING_MANAGED };
