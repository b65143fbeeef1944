// The environments tools: environments (read-only: each environment's branch head and each host's
// live commit, lag and health) and promote (destructive: move TO's branch to the commit FROM runs
// healthy, by a fast-forward push; confirmed like deploy, with TO's confirmDeploy).
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { environmentsOverview } from '../../gitops/overview.js';
import { promote } from '../../gitops/promote.js';
import { failure, result, type ToolContext } from '../context.js';
import { confirm, describe, MAX_WAIT_SECONDS, outcome, progressFor, type Extra } from './change.js';
import { kubeReconciler } from '../../kube/engine.js';

const envName = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, 'an environment name');

const host = z.object({
  host: z.string(), reachable: z.boolean(), live: z.string().nullable(), behind: z.number().nullable(), atHead: z.boolean(),
  healthy: z.boolean().nullable(), services: z.object({ running: z.number(), total: z.number() }), problems: z.array(z.string()),
});

export function registerEnvironmentsTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool('environments', {
    title: 'Every environment and what its hosts run',
    description: 'List the configured environments (staging, prod, …): each one\'s branch and its head on the remote (fetched first), '
      + 'and for each host the commit it applied, how many commits of the branch it has not applied, and whether it is healthy. '
      + 'A host that cannot be reached is listed with why. Use it before promote, and to see which host is behind. Read-only.',
    inputSchema: {},
    outputSchema: {
      environments: z.array(z.object({
        name: z.string(), default: z.boolean(), branch: z.string(), reconciler: z.string(), promoteFrom: z.string().nullable(),
        head: z.string().nullable(), hosts: z.array(host), ok: z.boolean().nullable(), summary: z.string(),
      })),
      problems: z.array(z.string()),
    },
    annotations: { readOnlyHint: true, openWorldHint: true },
  }, async () => {
    try {
      const o = await environmentsOverview(ctx.config);
      const text = [...o.environments.map((e) => `${e.name} (${e.branch} at ${e.head?.slice(0, 7) ?? 'none'}): ${e.ok === true ? 'ok' : e.ok === false ? 'NOT OK' : 'unknown'}: ${e.summary}`),
        ...o.problems.map((p) => `note: ${p}`)].join('\n');
      return result({ ...o }, text);
    } catch (e) {
      return failure(e);
    }
  });
}

export function registerPromoteTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool('promote', {
    title: 'Promote one environment\'s commit to another',
    description: 'Give environment to the commit environment from runs (branch per environment): refused, with nothing pushed, unless every '
      + 'host of from applied from\'s branch head and is healthy, and unless to\'s branch has nothing from lacks. Then moves to\'s branch '
      + 'to that commit by a fast-forward push (never forced) and waits until every host of to applied it and is healthy. '
      + 'Use it instead of pushing to a promoted branch by hand. Returns deployed, pending, failed or dry-run, as deploy does.',
    inputSchema: {
      from: envName.describe('The environment whose tested commit moves on, e.g. staging.'),
      to: envName.describe('The environment that takes it, e.g. prod.'),
      dry_run: z.boolean().default(false).describe('Check everything and say what would be pushed; change nothing.'),
      wait: z.boolean().default(true).describe('Wait (up to wait_seconds) until to\'s hosts run it.'),
      wait_seconds: z.number().int().min(1).max(MAX_WAIT_SECONDS).default(MAX_WAIT_SECONDS),
    },
    outputSchema: outcome,
    annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
  }, async (args, extra) => {
    const progress = progressFor(extra as Extra, ctx);
    try {
      const from = ctx.view(args.from);
      const to = ctx.view(args.to);
      const refused = args.dry_run ? null : await confirm(server, to, `Promote ${from.environment} -> ${to.environment}: ${to.branch} takes the commit ${from.environment} runs`);
      if (refused) return failure(new Error(refused));
      const fleet = ctx.fleet(args.to);
      const wait = args.wait && (fleet.servers.length > 0 || kubeReconciler(to) !== null);
      const r = await promote(from, to, {
        dryRun: args.dry_run, wait, ...(wait ? { server: fleet.servers[0]!, servers: fleet.servers } : {}),
        waitTimeoutMs: args.wait_seconds * 1000, progress, signal: extra.signal,
      });
      const d = describe(r, fleet.servers.length > 0);
      return { ...result(d.structured, d.text), ...(d.structured.status === 'failed' ? { isError: true } : {}) };
    } catch (e) {
      return failure(e);
    } finally {
      progress.stop();
    }
  });
}
