// Tools that change what runs: deploy and rollback (both by commit and push; never by hand).
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { deploy } from '../../gitops/deploy.js';
import { rollback } from '../../gitops/rollback.js';
import type { DeployResult } from '../../gitops/types.js';
import type { ResolvedConfig } from '../../config.js';
import { ENV_ARG, failure, NO_HOST, result, type ToolContext } from '../context.js';
import { progressReporter, type ProgressNotification } from '../progress.js';
import { kubeReconciler } from '../../kube/engine.js';

/** Stay well inside a client's ~60 s request timeout; a longer wait returns "pending". */
export const MAX_WAIT_SECONDS = 45;

export const outcome = {
  status: z.enum(['deployed', 'pending', 'failed', 'dry-run', 'pushed']),
  commit: z.string().nullable(),
  message: z.string(),
  files: z.array(z.string()),
  pushedAt: z.string().nullable(),
  problems: z.array(z.string()),
  next: z.string(),
  revert: z.object({ commit: z.string().nullable(), message: z.string(), live: z.boolean(), problems: z.array(z.string()) }).optional()
    .describe('With revert_on_failure: the revert committed and pushed after the deploy failed, and whether it is live and healthy.'),
};

export type Extra = {
  signal: AbortSignal;
  _meta?: { progressToken?: string | number } | undefined;
  sendNotification: (n: ProgressNotification) => Promise<void>;
};

export function progressFor(extra: Extra, ctx: ToolContext) {
  return progressReporter({ token: extra._meta?.progressToken, send: (n) => extra.sendNotification(n), log: (m) => ctx.log('info', m) });
}

export function describe(r: DeployResult, hasHost: boolean): { structured: z.infer<z.ZodObject<typeof outcome>>; text: string } {
  const v = r.verify;
  const status: z.infer<typeof outcome.status> = r.dryRun ? 'dry-run' : !v ? 'pushed' : v.ok ? 'deployed' : v.pending ? 'pending' : 'failed';
  const next = status === 'deployed' ? 'nothing: the commit is live and the services are healthy'
    : status === 'pending' ? `call status until it shows live: ${r.commit?.slice(0, 7)}`
      : status === 'failed' ? `look at the logs of the failing service; to undo, call rollback with sha ${r.commit?.slice(0, 7)}`
        : status === 'dry-run' ? 'call again without dry_run to commit and push'
          : hasHost ? 'call status to see when the server applies it'
            : `nothing to verify here: ${NO_HOST.message}; the push is done, and the server applies it if its reconciler follows ${r.commit?.slice(0, 7) ?? 'the branch'}`;
  const back = r.revert;
  const revert = back ? { commit: back.commit, message: back.message, live: Boolean(back.verify?.ok), problems: back.verify?.problems ?? [] } : undefined;
  const structured = { status, commit: r.commit, message: r.message, files: r.files, pushedAt: r.pushedAt, problems: v?.problems ?? [],
    next: revert ? (revert.live ? `nothing to undo: the revert ${revert.commit?.slice(0, 7)} is live; fix the change and deploy again` : next) : next,
    ...(revert ? { revert } : {}) };
  const text = [`${status}: ${r.message}${r.commit ? ` (${r.commit.slice(0, 7)})` : ''}`, ...(v?.problems ?? []),
    ...(revert ? [`reverted: ${revert.message}${revert.commit ? ` (${revert.commit.slice(0, 7)})` : ''}${revert.live ? ', live and healthy' : ''}`, ...revert.problems] : []),
    `next: ${structured.next}`].join('\n');
  return { structured, text };
}

/** With the environment's confirmDeploy: ask the person (MCP elicitation); null when it may go ahead, else why not. */
export async function confirm(server: McpServer, view: ResolvedConfig, what: string): Promise<string | null> {
  if (!view.confirmDeploy) return null;
  if (!server.server.getClientCapabilities()?.elicitation) {
    return `confirmDeploy is on${view.environment === 'default' ? '' : ` for ${view.environment}`} and this client cannot ask the person `
      + '(no MCP elicitation): run gitops-guard deploy (or promote) in a terminal instead';
  }
  const answer = await server.server.elicitInput({
    message: `${what}\nPush this to ${view.remote}/${view.branch}${view.environment === 'default' ? '' : ` (environment ${view.environment})`}? The server will apply it.`,
    requestedSchema: { type: 'object', properties: { confirm: { type: 'boolean', title: 'Push and deploy' } }, required: ['confirm'] },
  });
  return answer.action === 'accept' && answer.content?.confirm === true ? null : 'the person did not confirm; nothing was pushed';
}

export function registerChangeTools(server: McpServer, ctx: ToolContext): void {
  server.registerTool('deploy', {
    title: 'Deploy through git',
    description: 'The sanctioned way to change what runs on the server: validates the compose files, commits the changed IaC files as '
      + '"deploy: <message>", pushes (never forced), then waits until the server has applied that commit and checks the services. '
      + 'Use it instead of docker compose up/restart or editing files on the server. For a restart with no file change, set '
      + 'restart (and service). Returns deployed, pending (still applying: confirm with status), failed (with what to look at), '
      + 'or dry-run. Errors say what to fix; nothing committed is ever lost.',
    inputSchema: {
      message: z.string().min(1).max(500).optional().describe('What changed, e.g. "update gateway port to 18790". Required unless restart.'),
      files: z.array(z.string().min(1)).optional().describe('IaC files to commit; default: the changed ones under the config\'s paths (by default the compose files\' directories).'),
      restart: z.boolean().default(false).describe('Make an empty "deploy: restart [service]" commit so the server re-applies.'),
      revert_on_failure: z.boolean().optional().describe('When the pushed commit fails to apply or comes up unhealthy, commit and push its '
        + 'git revert ("deploy: revert <sha> (<why>)") and wait for it. Default: revertOnFailure in gitops-guard.json.'),
      resume: z.boolean().default(false).describe('Finish an interrupted deploy: push the deploy commits not pushed yet, or wait for the pushed one '
        + 'the server has not applied. Commits nothing; use it when deploy says a commit is not pushed or not applied yet.'),
      service: z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/).optional().describe('With restart: the service named in the message.'),
      dry_run: z.boolean().default(false).describe('Report what would be committed and pushed; change nothing.'),
      wait: z.boolean().default(true).describe('Wait (up to wait_seconds) until the server has applied the commit.'),
      wait_seconds: z.number().int().min(1).max(MAX_WAIT_SECONDS).default(MAX_WAIT_SECONDS),
      env: ENV_ARG,
    },
    outputSchema: outcome,
    annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
  }, async (args, extra) => {
    const progress = progressFor(extra as Extra, ctx);
    try {
      if (!args.message && !args.restart && !args.resume) return failure(new Error('say what changed in message (or set restart, or resume)'));
      const view = ctx.view(args.env);
      const fleet = ctx.fleet(args.env);
      const refused = args.dry_run ? null : await confirm(server, view, args.resume ? 'Finish the interrupted deploy (push what is committed)'
        : `Deploy: ${args.message ?? `restart ${args.service ?? ''}`}`);
      if (refused) return failure(new Error(refused));
      const r = await deploy(view, {
        ...(args.message ? { message: args.message } : {}), ...(args.files ? { files: args.files } : {}),
        restart: args.restart, resume: args.resume, ...(args.revert_on_failure !== undefined ? { revertOnFailure: args.revert_on_failure } : {}), ...(args.service ? { service: args.service } : {}), dryRun: args.dry_run,
        wait: args.wait && (Boolean(view.host) || kubeReconciler(view) !== null), ...(view.host && args.wait ? { server: fleet.servers[0]!, servers: fleet.servers } : {}),
        waitTimeoutMs: args.wait_seconds * 1000, progress, signal: extra.signal,
      });
      const d = describe(r, Boolean(view.host));
      if (d.structured.status !== 'deployed' && d.structured.status !== 'dry-run') ctx.log('warning', d.text);
      return { ...result(d.structured, d.text), ...(d.structured.status === 'failed' ? { isError: true } : {}) };
    } catch (e) {
      ctx.log('error', `deploy: ${(e as Error).message}`);
      return failure(e);
    } finally {
      progress.stop();
    }
  });

  server.registerTool('rollback', {
    title: 'Roll back a deploy',
    description: 'Undo a deploy the GitOps way: git revert the deploy commit (sha, or last for the newest deploy commit) as '
      + '"deploy: revert …", push, and verify like deploy. Never resets or force-pushes. Use history to find the sha.',
    // Exactly one of sha / last: the JSON Schema says so (oneOf), and the refinement enforces it.
    inputSchema: z.object({
      sha: z.string().regex(/^[0-9a-fA-F]{4,64}$/).optional().describe('The deploy commit to revert. Give this or last, not both.'),
      last: z.literal(true).optional().describe('true: revert the newest deploy commit. Give this or sha, not both.'),
      dry_run: z.boolean().default(false),
      wait_seconds: z.number().int().min(1).max(MAX_WAIT_SECONDS).default(MAX_WAIT_SECONDS),
      env: ENV_ARG,
    }).refine((a) => (a.sha !== undefined) !== (a.last === true), { message: 'give exactly one of sha (the deploy commit) or last: true' })
      .meta({ oneOf: [{ required: ['sha'] }, { required: ['last'] }] }),
    outputSchema: outcome,
    annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
  }, async (args, extra) => {
    const progress = progressFor(extra as Extra, ctx);
    try {
      const view = ctx.view(args.env);
      const fleet = ctx.fleet(args.env);
      const refused = args.dry_run ? null : await confirm(server, view, `Roll back ${args.sha ?? 'the last deploy'}`);
      if (refused) return failure(new Error(refused));
      const r = await rollback(view, args.last ? { last: true } : { sha: args.sha! }, {
        dryRun: args.dry_run, wait: Boolean(view.host) || kubeReconciler(view) !== null, ...(view.host ? { server: fleet.servers[0]!, servers: fleet.servers } : {}),
        waitTimeoutMs: args.wait_seconds * 1000, progress, signal: extra.signal,
      });
      const d = describe(r, Boolean(view.host));
      return { ...result(d.structured, d.text), ...(d.structured.status === 'failed' ? { isError: true } : {}) };
    } catch (e) {
      return failure(e);
    } finally {
      progress.stop();
    }
  });
}
