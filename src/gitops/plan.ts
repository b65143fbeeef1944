// What a deploy would carry now (the CLI's `plan` and the MCP server's plan tool): commits not pushed, pushed but not applied on the server, and IaC
// files changed but not committed. Read-only (git, and the reconciler's state when a server is given).
import { simpleGit } from 'simple-git';
import type { ResolvedConfig } from '../config.js';
import { IMPLICIT_ENVIRONMENT } from '../environments.js';
import type { ReconcilerState } from '../remote/server.js';
import { iacFilter } from './iac-paths.js';

export interface Commit { readonly sha: string; readonly message: string }

export interface DeployPlan {
  readonly branch: string;
  readonly upstream: string | null;
  /** The commit the server last applied, when known. */
  readonly live: string | null;
  readonly unpushed: Commit[];
  /** null: what the server applied is unknown (no host, or no reconciler state). */
  readonly notApplied: Commit[] | null;
  readonly uncommitted: string[];
  readonly summary: string;
}

export async function deployPlan(config: ResolvedConfig, reconcilerState?: () => Promise<ReconcilerState | null>): Promise<DeployPlan> {
  const git = simpleGit({ baseDir: config.root });
  const current = (await git.revparse(['--abbrev-ref', 'HEAD'])).trim();
  // On the environment's branch: HEAD and its upstream, as ever. Elsewhere (plan --env prod from
  // staging): the environment's branch, local if there is one, against its remote-tracking branch.
  const onIt = current === config.branch || config.environment === IMPLICIT_ENVIRONMENT;
  const branch = onIt ? current : config.branch;
  const exists = (ref: string): Promise<boolean> => git.raw(['rev-parse', '-q', '--verify', `${ref}^{commit}`]).then((sha) => sha.trim() !== '', () => false);
  const upstream = onIt ? await git.revparse(['--abbrev-ref', '@{u}']).then((u) => u.trim(), () => null)
    : await exists(`refs/remotes/${config.remote}/${config.branch}`) ? `${config.remote}/${config.branch}` : null;
  const local = onIt ? 'HEAD' : await exists(`refs/heads/${config.branch}`) ? `refs/heads/${config.branch}` : null;
  const commits = async (range: string): Promise<Commit[]> => (await git.raw(['log', '--format=%H%x09%s', range])).trim().split('\n')
    .filter(Boolean).map((l) => { const [sha, ...m] = l.split('\t'); return { sha: sha!, message: m.join('\t') }; });
  const unpushed = upstream && local ? await commits(`${upstream}..${local}`) : [];
  const status = await git.status();
  const uncommitted = status.files.map((f) => f.path).filter(iacFilter(config));
  let live: string | null = null;
  let notApplied: Commit[] | null = null;
  if (reconcilerState && upstream) {
    const state = await reconcilerState().catch(() => null);
    live = state?.applied ?? null;
    if (live) notApplied = await commits(`${live}..${upstream}`).catch(() => null);
  }
  const summary = [`${unpushed.length} commit(s) not pushed`,
    notApplied !== null ? `${notApplied.length} pushed but not applied (live: ${live!.slice(0, 7)})`
      : config.host ? 'what the server applied is unknown' : 'no server configured, so what it applied is unknown',
    `${uncommitted.length} IaC file(s) changed but not committed`].join('; ');
  return { branch, upstream, live, unpushed, notApplied, uncommitted, summary };
}
