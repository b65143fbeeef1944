// The one way in for a single command, shared by `check`, every hook and the MCP check_command:
// the config, the fast path (text in which nothing managed can hide needs no classifier), and only
// then the classifier with its lazily loaded parser. Light on purpose: a hook that the fast path
// settles never loads the classifier bundle.
import { loadConfig } from './config-file.js';
import type { ResolvedConfig } from './config.js';
import type { Verdict } from './policy/classify.js';
import { namesLink } from './shell/fast-links.js';
import { cannotHideManaged } from './shell/fastpath.js';
import { hooksCannotRun, probeFiles } from './shell/git-repo.js';

/** The verdict for text in which no managed command can hide. */
export const NOTHING_MANAGED: Verdict = Object.freeze({
  decision: 'allow', reason: 'Allowed: no managed command is mutated.', findings: [],
}) as Verdict;

export interface Decided {
  readonly verdict: Verdict;
  readonly config: ResolvedConfig;
}

/**
 * How the classifier is reached (injectable for tests of the adapters). `fastPathTried`: the fast
 * path has already found that the text may hide a managed command, so the classifier need not ask again.
 */
export type Classify = (command: string, cwd: string, config: ResolvedConfig, fastPathTried: boolean) => Promise<Verdict>;

const classifier: Classify = async (...args) => (await import('./cli/classify-once.js')).classifyOnce(...args);

/** Decide one command run in `cwd`. The config is found from `cwd` unless a file is named. */
export async function decideCommand(command: string, cwd: string, options: { configFile?: string; classify?: Classify } = {}): Promise<Decided> {
  const config = await loadConfig({ cwd, ...(options.configFile !== undefined ? { file: options.configFile } : {}) });
  // User rule packs can name programs the built-in names do not: then the classifier reads everything.
  const fast = config.rules.length === 0;
  // A git command that may run hooks stays fast where the repository has none (one look at it); a
  // word that names a symlink or a hard-linked file may write a guarded file under another name.
  if (fast && cannotHideManaged(command, undefined, () => hooksCannotRun(probeFiles(), cwd)) && !namesLink(command, cwd)) return { verdict: NOTHING_MANAGED, config };
  const verdict = await (options.classify ?? classifier)(command, cwd, config, fast);
  return { verdict, config };
}
