// The guard: config + rules + parser, ready to classify commands synchronously.
import { isAbsolute, resolve } from 'node:path';
import type { ConfigInput, ResolvedConfig } from './config.js';
import { loadConfig } from './config-file.js';
import { RuleError } from './errors.js';
import { builtinRules } from './policy/builtin.js';
import { judge, type Judge, type Verdict } from './policy/classify.js';
import { RuleIndex } from './policy/match.js';
import { KNOWN_PLACEHOLDERS, placeholders } from './policy/rewrite.js';
import type { Rule } from './policy/rules.js';
import { diskFiles, type ScriptFiles } from './shell/files.js';
import { cannotHideManaged, MANAGED_NAMES } from './shell/fastpath.js';
import { loadParser, ParserNeeded } from './shell/parse.js';
import { unwrap } from './shell/unwrap.js';
import { screenRules, trustNote } from './trust/apply.js';

export interface GuardOptions {
  /** Config object (validated); when absent, the nearest config file from `cwd`, else defaults. */
  readonly config?: ConfigInput;
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
   * Do not load the shell parser up front (for one-shot processes): `classify` then throws
   * `ParserNeeded` for a command that needs it; `await loadParser()` and classify again.
   */
  readonly deferParser?: boolean;
}

export interface Guard {
  readonly config: ResolvedConfig;
  readonly rules: readonly Rule[];
  /** Decide one command. Synchronous; never throws: an internal failure is a deny. */
  classify(command: string, options?: { cwd?: string }): Verdict;
}

/** Rules in the order they are tried: config's remoteAllow, the user's packs, then the built-in packs. */
export async function rulesFor(config: ResolvedConfig): Promise<Rule[]> {
  const packs = config.rules.length > 0
    ? (await import('./policy/rules.js')).loadPacks(config.rules.map((p) => resolve(config.root, p)))
    : [];
  const builtinAll = packs.length > 0 || config.builtinRules ? await builtinRules() : [];
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

function remoteAllowRules(config: ResolvedConfig): Rule[] {
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

export function judgeFor(config: ResolvedConfig, rules: readonly Rule[], files: ScriptFiles = diskFiles()): Judge {
  return {
    index: new RuleIndex(rules),
    match: {
      protectedBranches: config.protectedBranches,
      readText: (path, cwd) => {
        const full = isAbsolute(path) ? path : cwd === null ? null : resolve(cwd, path);
        const r = full === null ? null : files.read(full);
        return r?.kind === 'text' ? r.text : null;
      },
    },
    values: {
      host: config.host,
      remotePath: config.remotePath,
      branch: config.branch,
      remote: config.remote,
      prefix: config.commitPrefix,
      composeFiles: config.composeFiles,
      root: config.root,
    },
  };
}

/** The verdict for text in which no managed command can hide. */
export const NOTHING_MANAGED: Verdict = Object.freeze({
  decision: 'allow', reason: 'Allowed: no managed command is mutated.', findings: [],
}) as Verdict;

export async function createGuard(options: GuardOptions = {}): Promise<Guard> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const config = await loadConfig({
    cwd,
    ...(options.configFile !== undefined ? { file: options.configFile } : {}),
    ...(options.config !== undefined ? { config: options.config } : {}),
    ...(options.root !== undefined ? { root: options.root } : {}),
  });
  const rules = options.rules ? [...options.rules] : await rulesFor(config);
  if (!options.deferParser) await loadParser();
  const files = options.files ?? diskFiles();
  const j = judgeFor(config, rules, files);
  // A name the fast path already knows needs no listing; git counts there only in some forms, so
  // a longer name containing it (gitops-guard) is listed.
  const extra = j.index.guardedPrograms().filter((p) => !MANAGED_NAMES.some((m) => (m === 'git' ? p === m : p.includes(m))));
  const fast = options.fastPath !== false;
  return withTrustNote(config, {
    config,
    rules,
    classify(command, opts) {
      if (fast && cannotHideManaged(command, extra)) return NOTHING_MANAGED;
      try {
        const invocations = unwrap(command, { cwd: resolve(cwd, opts?.cwd ?? '.'), files, managedNames: extra });
        return judge(command, invocations, j);
      } catch (e) {
        if (e instanceof ParserNeeded) throw e;
        return {
          decision: 'deny',
          reason: `Blocked: gitops-guard failed while reading this command (${(e as Error).message}); failing closed. [internal-error]`,
          findings: [{
            ruleId: 'internal-error', decision: 'deny', message: 'The guard failed; it blocks rather than allows.',
            text: command.slice(0, 200), start: 0, end: command.length, target: 'local', via: [],
            detail: String((e as Error).stack ?? e),
          }],
        };
      }
    },
  });
}

// ---- trust: the one place a verdict's reason is changed for it ----
/** Every verdict's reason says once what an untrusted config tried to loosen (see src/trust/apply.ts). */
function withTrustNote(config: ResolvedConfig, guard: Guard): Guard {
  const note = () => trustNote(config.trust);
  if (note() === null) return guard;
  return {
    config: guard.config,
    rules: guard.rules,
    classify(command, opts) {
      const verdict = guard.classify(command, opts);
      const text = note();
      return text === null || verdict.reason.includes(text) ? verdict : { ...verdict, reason: `${verdict.reason}\n${text}` };
    },
  };
}
// ---- end trust ----
