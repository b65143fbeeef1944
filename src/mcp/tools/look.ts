// Read-only tools: check_command, status, logs, history, plan.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { history } from '../../gitops/rollback.js';
import { environmentRef } from '../../gitops/branch.js';
import { deployPlan } from '../../gitops/plan.js';
import { LOGS_DEFAULT_TAIL, LOGS_MAX_TAIL } from '../../remote/commands.js';
import type { Status } from '../../remote/server.js';
import { ENV_ARG, failure, needsHost, result, serverNext, type ToolContext } from '../context.js';

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
      + 'Read-only: runs fixed docker and git commands over SSH. With several hosts in the environment, the fields are the first reachable '
      + "host's and hosts lists every host (one that cannot be reached says why).",
    inputSchema: { env: ENV_ARG },
    outputSchema: {
      environment: z.string(),
      hosts: z.array(z.object({ host: z.string(), reachable: z.boolean(), summary: z.string(), live: z.string().nullable(),
        pending: z.number().nullable(), problems: z.array(z.string()) })).describe("Every host of the environment, each with what it runs."),
      host: z.string(), summary: z.string(), live: z.string().nullable(), upstream: z.string().nullable(), pending: z.number().nullable(),
      lastRun: z.object({ commit: z.string(), ok: z.boolean(), output: z.string().optional() }).nullable(),
      services: z.array(z.object({ service: z.string().nullable(), name: z.string(), image: z.string(), state: z.string(),
        health: z.string().nullable(), restarts: z.number().nullable(), ports: z.array(z.string()), status: z.string() })),
      problems: z.array(z.string()),
      healed: z.array(z.string()).describe("What the reconciler's last run healed: drift undone, and where the old state was saved."),
    },
    annotations: REMOTE,
  }, async ({ env }) => {
    try {
      const noHost = needsHost(ctx, env);
      if (noHost) return noHost;
      const answers = await ctx.fleet(env).each((server) => server.status());
      const reached = answers.find((a) => a.ok);
      if (!reached) { const first = answers[0]; throw first && !first.ok ? first.error : new Error('no host answered'); }
      const liveOf = (st: Status): string | null => st.server.applied?.applied || (st.server.applied?.ok ? st.server.applied.commit : null) || st.server.checkout;
      const hosts = answers.map((a) => (a.ok ? { host: a.host, reachable: true, summary: a.value.summary, live: liveOf(a.value), pending: a.value.pending, problems: a.value.problems }
        : { host: a.host, reachable: false, summary: `cannot be reached: ${a.error.message}`, live: null, pending: null, problems: [a.error.message] }));
      const s = reached.value;
      const live = liveOf(s);
      const services = s.containers.map((c) => ({ service: c.service, name: c.name, image: c.image, state: c.state, health: c.health,
        restarts: c.restarts, ports: c.ports, status: c.status }));
      const lastRun = s.server.applied ? { commit: s.server.applied.commit, ok: s.server.applied.ok,
        ...(s.server.applied.output ? { output: s.server.applied.output } : {}) } : null;
      const lines = [`${s.host}: ${s.summary}`, ...services.map((c) => `- ${c.service ?? c.name}: ${c.state}${c.health ? ` (${c.health})` : ''}, ${c.image}`), ...s.healed.map((h) => `healed: ${h}`), ...s.problems.map((p) => `note: ${p}`),
        ...hosts.filter((h) => h.host !== s.host).map((h) => `${h.host}: ${h.summary}`)];
      const environment = ctx.view(env).environment;
      return result({ environment, hosts, host: s.host, summary: s.summary, live, upstream: s.local.upstream, pending: s.pending, lastRun, services, problems: s.problems, healed: s.healed }, lines.join('\n'));
    } catch (e) {
      return failure(e, serverNext(e, ctx, env));
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
      env: ENV_ARG,
      host: z.string().regex(/^[A-Za-z0-9_.:[\]-]+$/).optional().describe("With several hosts in the environment: which one's logs (default: the first)."),
    },
    outputSchema: { host: z.string(), service: z.string(), container: z.string(), stdout: z.string(), stderr: z.string(), truncated: z.boolean(), note: z.string().optional() },
    annotations: REMOTE,
  }, async ({ service, tail, since, grep, env, host }) => {
    try {
      const noHost = needsHost(ctx, env);
      if (noHost) return noHost;
      const fleet = ctx.fleet(env);
      const server = host === undefined ? fleet.servers[0]! : fleet.servers.find((s) => s.host === host);
      if (!server) return failure(new Error(`no host "${host}" in environment ${fleet.config.environment} (its hosts: ${fleet.hosts.join(', ')})`));
      const r = await server.logs(service, { tail, ...(since ? { since } : {}), ...(grep !== undefined ? { grep } : {}) });
      return result({ host: server.host, ...r }, `== stdout ==\n${r.stdout}\n== stderr ==\n${r.stderr}${r.note ? `\nnote: ${r.note}` : ''}`);
    } catch (e) {
      return failure(e);
    }
  });

  server.registerTool('history', {
    title: 'Deploy history',
    description: 'List the deploy commits on the deploy branch, newest first, with the one live on the server marked. Use it to pick '
      + 'a commit for rollback. Read-only.',
    inputSchema: { limit: z.number().int().min(1).max(200).default(20), env: ENV_ARG },
    outputSchema: {
      entries: z.array(z.object({ sha: z.string(), date: z.string(), author: z.string(), message: z.string(), live: z.boolean(),
        applied: z.string().nullable().describe('What the server did last at this commit: applied, healed or failed, and when.') })),
      runs: z.array(z.object({ time: z.string(), commit: z.string(), event: z.string(), ok: z.boolean(), exit: z.number(),
        healed: z.array(z.string()), durationMs: z.number() })).describe("The server's reconciler runs, newest first."),
    },
    annotations: LOCAL,
  }, async ({ limit, env }) => {
    try {
      const view = ctx.view(env);
      let live: string | null = null;
      let runs: Awaited<ReturnType<ReturnType<typeof ctx.remote>['runs']>> = [];
      if (view.host) {
        [live, runs] = await Promise.all([ctx.remote(env).reconcilerState().then((s) => s?.applied ?? null, () => null),
          ctx.remote(env).runs(limit).catch(() => [])]);
      }
      const ref = await environmentRef(view);
      const all = await history(view, { limit, live, runs, ...(ref ? { ref } : {}) });
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
    inputSchema: { env: ENV_ARG },
    outputSchema: {
      branch: z.string(), upstream: z.string().nullable(), live: z.string().nullable(),
      unpushed: z.array(z.object({ sha: z.string(), message: z.string() })),
      notApplied: z.array(z.object({ sha: z.string(), message: z.string() })).nullable(),
      uncommitted: z.array(z.string()),
      summary: z.string(),
    },
    annotations: LOCAL,
  }, async ({ env }) => {
    try {
      const view = ctx.view(env);
      const plan = await deployPlan(view, view.host ? () => ctx.remote(env).reconcilerState() : undefined);
      return result({ ...plan }, plan.summary);
    } catch (e) {
      return failure(e);
    }
  });
}
