// Read-only tools: check_command, status, logs, history, plan.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { history } from '../../gitops/deploy.js';
import { deployPlan } from '../../gitops/plan.js';
import { LOGS_DEFAULT_TAIL, LOGS_MAX_TAIL } from '../../remote/commands.js';
import { failure, needsHost, result, serverNext, type ToolContext } from '../context.js';

// destructiveHint and idempotentHint mean something only for a tool that changes things, so read-only
// tools carry neither. openWorldHint: true where the answer is what the server says, false where it
// comes from this checkout (history and plan ask the server only to mark the live commit).
const LOCAL = { readOnlyHint: true, openWorldHint: false } as const;
const REMOTE = { readOnlyHint: true, openWorldHint: true } as const;

export function registerLookTools(server: McpServer, ctx: ToolContext): void {
  server.registerTool('check_command', {
    title: 'Check a shell command against the GitOps policy',
    description: 'Before running a shell command that touches docker, docker compose, ssh, scp/rsync or git push, ask whether '
      + 'the GitOps policy allows it. Returns allow, deny or ask, the reason, and the GitOps equivalent to run instead '
      + '(rewrite) when there is one. If the answer is deny, run the rewrite (or use the deploy tool) instead.',
    inputSchema: { command: z.string().min(1).max(65_536).describe('The shell command exactly as it would run.') },
    outputSchema: {
      decision: z.enum(['allow', 'deny', 'ask']),
      reason: z.string(),
      rewrite: z.string().optional(),
      findings: z.array(z.object({ ruleId: z.string(), decision: z.string(), text: z.string(), target: z.string(), suggestion: z.string().optional() })),
    },
    annotations: LOCAL,
  }, async ({ command }) => {
    try {
      const v = (await ctx.classifier()).classify(command);
      const findings = v.findings.map((f) => ({ ruleId: f.ruleId, decision: f.decision, text: f.text, target: f.target,
        ...(f.suggestion ? { suggestion: f.suggestion } : {}) }));
      return result({ decision: v.decision, reason: v.reason, ...(v.rewrite ? { rewrite: v.rewrite } : {}), findings },
        `${v.decision.toUpperCase()}: ${v.reason}`);
    } catch (e) {
      return failure(e);
    }
  });

  server.registerTool('status', {
    title: 'What runs on the server',
    description: 'Show each service on the server (state, health, restarts, ports) and which commit is live there compared with the '
      + 'upstream branch ("2 commits not yet applied"). Use it to verify a deploy, or to confirm a deploy that came back pending. '
      + 'Read-only: runs fixed docker and git commands over SSH.',
    inputSchema: {},
    outputSchema: {
      host: z.string(), summary: z.string(), live: z.string().nullable(), upstream: z.string().nullable(), pending: z.number().nullable(),
      lastRun: z.object({ commit: z.string(), ok: z.boolean(), output: z.string().optional() }).nullable(),
      services: z.array(z.object({ service: z.string().nullable(), name: z.string(), image: z.string(), state: z.string(),
        health: z.string().nullable(), restarts: z.number().nullable(), ports: z.array(z.string()), status: z.string() })),
      problems: z.array(z.string()),
      healed: z.array(z.string()).describe("What the reconciler's last run healed: drift undone, and where the old state was saved."),
    },
    annotations: REMOTE,
  }, async () => {
    const noHost = needsHost(ctx);
    if (noHost) return noHost;
    try {
      const s = await ctx.remote().status();
      const live = s.server.applied?.applied || (s.server.applied?.ok ? s.server.applied.commit : null) || s.server.checkout;
      const services = s.containers.map((c) => ({ service: c.service, name: c.name, image: c.image, state: c.state, health: c.health,
        restarts: c.restarts, ports: c.ports, status: c.status }));
      const lastRun = s.server.applied ? { commit: s.server.applied.commit, ok: s.server.applied.ok,
        ...(s.server.applied.output ? { output: s.server.applied.output } : {}) } : null;
      const lines = [`${s.host}: ${s.summary}`, ...services.map((c) => `- ${c.service ?? c.name}: ${c.state}${c.health ? ` (${c.health})` : ''}, ${c.image}`), ...s.healed.map((h) => `healed: ${h}`), ...s.problems.map((p) => `note: ${p}`)];
      return result({ host: s.host, summary: s.summary, live, upstream: s.local.upstream, pending: s.pending, lastRun, services, problems: s.problems, healed: s.healed }, lines.join('\n'));
    } catch (e) {
      return failure(e, serverNext(e, ctx));
    }
  });

  server.registerTool('logs', {
    title: "A service's logs from the server",
    description: "Read a service's recent logs on the server, stdout and stderr kept apart. Use tail, since and grep to narrow "
      + 'them down; output is capped and says so when it is cut. Read-only.',
    inputSchema: {
      service: z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'a compose service or container name').describe('The compose service.'),
      tail: z.number().int().min(0).max(LOGS_MAX_TAIL).default(LOGS_DEFAULT_TAIL).describe('Lines from the end.'),
      since: z.string().optional().describe('Only newer lines: a duration (10m, 2h) or a timestamp.'),
      grep: z.string().optional().describe('Only lines containing this text.'),
    },
    outputSchema: { service: z.string(), container: z.string(), stdout: z.string(), stderr: z.string(), truncated: z.boolean(), note: z.string().optional() },
    annotations: REMOTE,
  }, async ({ service, tail, since, grep }) => {
    const noHost = needsHost(ctx);
    if (noHost) return noHost;
    try {
      const r = await ctx.remote().logs(service, { tail, ...(since ? { since } : {}), ...(grep !== undefined ? { grep } : {}) });
      return result({ ...r }, `== stdout ==\n${r.stdout}\n== stderr ==\n${r.stderr}${r.note ? `\nnote: ${r.note}` : ''}`);
    } catch (e) {
      return failure(e);
    }
  });

  server.registerTool('history', {
    title: 'Deploy history',
    description: 'List the deploy commits on the deploy branch, newest first, with the one live on the server marked. Use it to pick '
      + 'a commit for rollback. Read-only.',
    inputSchema: { limit: z.number().int().min(1).max(200).default(20) },
    outputSchema: {
      entries: z.array(z.object({ sha: z.string(), date: z.string(), author: z.string(), message: z.string(), live: z.boolean(),
        applied: z.string().nullable().describe('What the server did last at this commit: applied, healed or failed, and when.') })),
      runs: z.array(z.object({ time: z.string(), commit: z.string(), event: z.string(), ok: z.boolean(), exit: z.number(),
        healed: z.array(z.string()), durationMs: z.number() })).describe("The server's reconciler runs, newest first."),
    },
    annotations: LOCAL,
  }, async ({ limit }) => {
    try {
      let live: string | null = null;
      let runs: Awaited<ReturnType<ReturnType<typeof ctx.remote>['runs']>> = [];
      if (ctx.config.host) {
        [live, runs] = await Promise.all([ctx.remote().reconcilerState().then((s) => s?.applied ?? null, () => null),
          ctx.remote().runs(limit).catch(() => [])]);
      }
      const all = await history(ctx.config, { limit, live, runs });
      const entries = all.map((e) => {
        const last = e.runs?.[0];
        return { sha: e.sha, date: e.date, author: e.author, message: e.message, live: e.live,
          applied: last ? `${last.event} ${last.time}${last.ok ? '' : ` (exit ${last.exit})`}` : null };
      });
      const serverRuns = runs.map((r) => ({ time: r.time, commit: r.commit, event: r.event, ok: r.ok, exit: r.exit, healed: r.healed, durationMs: r.durationMs }));
      const text = [...entries.map((e) => `${e.live ? '* ' : '  '}${e.sha.slice(0, 7)} ${e.date} ${e.author}: ${e.message}${e.applied ? ` [${e.applied}]` : ''}`),
        ...serverRuns.slice(0, 10).map((r) => `run ${r.time} ${r.event} ${r.commit.slice(0, 7)}${r.healed.length ? `: ${r.healed.join('; ')}` : ''}`)];
      return result({ entries, runs: serverRuns }, text.join('\n') || 'no deploy commits');
    } catch (e) {
      return failure(e);
    }
  });

  server.registerTool('plan', {
    title: 'What is between this checkout and the server',
    description: 'Show what is committed but not pushed, pushed but not yet applied on the server, and changed but not committed '
      + 'among the IaC (compose) files. Use it before deploy to see what a deploy would carry. Read-only.',
    inputSchema: {},
    outputSchema: {
      branch: z.string(), upstream: z.string().nullable(), live: z.string().nullable(),
      unpushed: z.array(z.object({ sha: z.string(), message: z.string() })),
      notApplied: z.array(z.object({ sha: z.string(), message: z.string() })).nullable(),
      uncommitted: z.array(z.string()),
      summary: z.string(),
    },
    annotations: LOCAL,
  }, async () => {
    try {
      const plan = await deployPlan(ctx.config, ctx.config.host ? () => ctx.remote().reconcilerState() : undefined);
      return result({ ...plan }, plan.summary);
    } catch (e) {
      return failure(e);
    }
  });
}
