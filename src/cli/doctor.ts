// `gitops-guard doctor [--json]`: is everything in place? Each installed hook is run for real with a
// forbidden and a benign probe (src/install/doctor.ts); the config is loaded and validated; the
// server is reached with its host key checked; the reconciler's script, schedule and last run are
// read. Exit status 0 when every hook is live and nothing failed.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { findConfig, findRepoRoot, loadConfig } from '../config-file.js';
import type { ResolvedConfig } from '../config.js';
import { ADAPTERS } from '../hooks/index.js';
import { checkHosts, type HostReport } from '../install/doctor.js';
import { failureOf, EXIT, usageError } from './exit.js';
import { paint, useColour } from './output.js';

export const usage = `Usage: gitops-guard doctor [--json] [--agent NAME]... [--no-server] [--cwd DIR]

Check that gitops-guard really stands in the way of each agent host in this project:
  hooks      for each host whose settings run gitops-guard, run that exact command (through sh,
             in the project, as the host would) with the host's JSON for a forbidden command
             (docker compose up -d) and a benign one (ls), and read the answer as the host reads
             it. Live means: the forbidden one is refused by gitops-guard, the benign one passes,
             the host's trust gate is passed (Codex, Copilot, Gemini) and nothing switches the
             project's hooks off. Each hook that is not live comes with why and the fix.
  config     gitops-guard.json (or .yaml) found and valid.
  server     reachable over SSH with its host key known (skipped without "host", or --no-server).
  reconciler its script and schedule on the server, and its last run.

Options:
  --agent NAME  check this host (repeatable; default: every host whose settings run gitops-guard)
  --no-server   do not connect to the server
  --json        print the report as one JSON object
  --cwd DIR     the project (default: the git work tree around the current directory)
  -h, --help    show this help

Exit status: 0 all well; 8 a hook is not live (or none is installed); 1 the config is invalid;
4 the server cannot be reached or its host key is not known.
`;

interface Section { readonly ok: boolean; readonly detail: string; readonly next?: string }

async function checkServer(config: ResolvedConfig): Promise<{ server: Section; reconciler: Section & { lastRun?: unknown } }> {
  const { Server } = await import('../remote/server.js');
  const { homePath } = await import('../remote/commands.js');
  const { unitName, cronMarker } = await import('../gitops/install.js');
  const { stackName } = await import('../gitops/reconciler.js');
  const { quoteWord } = await import('../shell/words.js');
  const unit = unitName(stackName(config));
  const server = new Server(config);
  try {
    const started = performance.now();
    let probe;
    try {
      probe = await server.run(`test -f ${homePath('reconciler', config.reconcilerPath)} && echo script; `
        + `systemctl --user is-enabled ${unit}.timer 2>/dev/null | grep -qx enabled && echo timer; `
        + `crontab -l 2>/dev/null | grep -qF -- ${quoteWord(cronMarker(stackName(config)))} && echo cron; true`);
    } catch (e) {
      const f = failureOf(e);
      return {
        server: { ok: false, detail: `${config.host}: ${f.message}`, next: f.next },
        reconciler: { ok: false, detail: 'not checked: the server cannot be reached' },
      };
    }
    const ms = Math.round(performance.now() - started);
    const found = probe.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
    const problems: string[] = [];
    const state = await server.reconcilerState(problems).catch((e: unknown) => { problems.push((e as Error).message); return null; });
    const schedule = found.includes('timer') ? 'systemd timer enabled' : found.includes('cron') ? 'cron line installed' : undefined;
    const parts = [found.includes('script') ? `script at ${config.reconcilerPath}` : `no script at ${config.reconcilerPath}`,
      schedule ?? (config.reconcile === 'trigger' ? 'run by deploy (reconcile: trigger)' : 'no timer or cron line'),
      state ? `last run ${state.time} on ${state.commit.slice(0, 7)}: ${state.ok ? 'ok' : `failed (exit ${state.exit ?? '?'})`}` : problems.join('; ') || 'no run recorded'];
    const installed = found.includes('script') && (schedule !== undefined || config.reconcile === 'trigger');
    return {
      server: { ok: true, detail: `${config.host} reachable, host key known (${ms} ms)` },
      reconciler: {
        ok: installed && state !== null && state.ok, detail: parts.join('; '),
        ...(installed ? (state && !state.ok ? { next: 'gitops-guard status shows the failed run; fix the commit and push' } : {}) : { next: 'gitops-guard server install --apply' }),
        ...(state ? { lastRun: state } : {}),
      },
    };
  } finally {
    server.close();
  }
}

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      json: { type: 'boolean' }, agent: { type: 'string', multiple: true }, 'no-server': { type: 'boolean' },
      cwd: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) { process.stdout.write(usage); return 0; }
  const unknown = (values.agent ?? []).filter((a) => !(a in ADAPTERS));
  if (unknown.length > 0) throw usageError(`unknown agent ${unknown.map((a) => `"${a}"`).join(', ')}; known: ${Object.keys(ADAPTERS).join(', ')}`);
  const started = performance.now();
  const cwd = resolve(values.cwd ?? process.cwd());
  const root = findRepoRoot(cwd) ?? cwd;

  const hostsP = checkHosts({ root, ...(values.agent?.length ? { agents: values.agent } : {}) });
  let config: Section & { file?: string | null } ;
  let loaded: ResolvedConfig | undefined;
  try {
    loaded = await loadConfig({ cwd: root });
    config = { ok: true, detail: loaded.file ? `${loaded.file} is valid` : 'no gitops-guard.json: the built-in defaults apply (no host)', file: loaded.file };
  } catch (e) {
    const f = failureOf(e);
    config = { ok: false, detail: f.message, next: f.next, file: findConfig(root) };
  }
  const remote = loaded?.host && !values['no-server'] ? checkServer(loaded) : undefined;
  const [hosts, far] = await Promise.all([hostsP, remote]);
  const server: Section | null = far?.server ?? null;
  const reconciler: Section | null = far?.reconciler ?? null;
  const live = hosts.length > 0 && hosts.every((h) => h.live);
  const exit = !live ? EXIT.failed : !config.ok ? EXIT.config : server && !server.ok ? EXIT.unreachable : EXIT.ok;
  const ms = Math.round(performance.now() - started);

  if (values.json) {
    process.stdout.write(JSON.stringify({ ok: exit === 0, root, hosts, config, server, reconciler, ms }, null, 2) + '\n');
    return exit;
  }
  const p = paint(useColour(process.stdout));
  const mark = (ok: boolean): string => (ok ? p.green('ok  ') : p.red('FAIL'));
  const out = (s: string): void => { process.stdout.write(s + '\n'); };
  out(`gitops-guard doctor in ${root}`);
  if (hosts.length === 0) out(`${mark(false)} hooks: none installed: run gitops-guard init`);
  for (const h of hosts as HostReport[]) {
    out(`${h.live ? p.green('live') : p.red('NOT LIVE')}  ${h.name} (${h.file})`);
    for (const k of h.hooks) {
      if (k.skipped) out(`        ${k.field}: ${k.skipped}`);
      else out(`        ${k.field}: "${k.forbidden!.command}" ${k.forbidden!.blocked ? 'refused' : 'let through'}, "${k.benign!.command}" ${k.benign!.blocked ? 'refused' : 'passed'} (${Math.max(k.forbidden!.ms, k.benign!.ms)} ms)`);
    }
    for (const w of h.why) out(`        ${p.yellow('why:')} ${w}`);
    if (h.mcp) out(`        MCP (${h.mcp.file}): ${h.mcp.ok ? 'registered' : p.yellow(h.mcp.detail)}`);
  }
  out(`${mark(config.ok)} config: ${config.detail}${config.next ? `\n        next: ${config.next}` : ''}`);
  if (server) out(`${mark(server.ok)} server: ${server.detail}${server.next ? `\n        next: ${server.next}` : ''}`);
  else out(`${p.dim('--  ')} server: ${values['no-server'] ? 'not checked (--no-server)' : 'no "host" in the config'}`);
  if (reconciler) out(`${mark(reconciler.ok)} reconciler: ${reconciler.detail}${reconciler.next ? `\n        next: ${reconciler.next}` : ''}`);
  out(`${ms} ms`);
  return exit;
}
