// `gitops-guard deploy`, `history` and `rollback`: the GitOps loop from the developer's side.
import { parseArgs } from 'node:util';
import type { ResolvedConfig } from '../config.js';
import { deploy } from '../gitops/deploy.js';
import { history, rollback } from '../gitops/rollback.js';
import type { DeployOptions, DeployResult, Progress } from '../gitops/types.js';
import { environmentRef } from '../gitops/branch.js';
import { Fleet } from '../remote/fleet.js';
import type { ReconcilerRun } from '../remote/server.js';
import { ENV_OPTION, envUsage, loadEnvironment } from './env.js';
import { parseDuration } from './logs.js';
import { EXIT, usageError } from './exit.js';
import { paint, table, useColour } from './output.js';

export const usage = `Usage: gitops-guard deploy -m "what changed" [FILE…] [--env NAME] [--restart [SERVICE]] [--revert-on-failure] [--dry-run] [--no-wait] [--timeout 5m] [--json]
       gitops-guard deploy --resume [--env NAME] [--no-wait] [--timeout 5m] [--json]

Check the repository (deploy branch, upstream, no merge in progress), validate the compose files,
stage exactly the IaC files (the FILEs given, or the changed ones under "paths", by default the
compose files' directories; refuses if other changes are staged), commit "deploy: <what changed>", fetch and refuse
when behind or diverged, push (never forced), then wait until the server has applied the commit and
check the services. --restart makes an empty commit "deploy: restart [SERVICE]". --resume finishes
an interrupted deploy: pushes the commits not pushed yet, or waits for the pushed one the server has
not applied; it commits nothing. --revert-on-failure (or "revertOnFailure": true): when the commit
fails to apply or comes up unhealthy, commit "deploy: revert <sha> (<why>)", push it and wait for it.
--env NAME deploys to that environment (its branch, its hosts); with several hosts it waits until
every one applied the commit and is healthy, and names each host that is behind, down or unhealthy.
Every failure leaves your commits and work tree as they were and says what to run next.
See what a deploy would carry first with gitops-guard plan.

Options:
  -m, --message TEXT  what changed (the commit is "deploy: TEXT")
  --restart           an empty commit that makes the server apply again (SERVICE: which one)
  --resume            finish an interrupted deploy (push what is committed, or wait for what is pushed)
  --revert-on-failure revert (commit, push, wait) when the commit fails to apply or is unhealthy
  --dry-run           show what would be committed and pushed; change nothing
  --no-wait           push and return; do not wait for the server
  --timeout TIME      how long to wait for the server (default 5m)
  --json              print the result as one JSON object (also on failure)
${envUsage(22)}
  --config FILE, --cwd DIR, -h/--help

Exit status: 0 live and healthy; 5 refused (nothing changed); 6 the compose files do not validate;
7 pushed but not applied yet; 8 applied but not healthy (docs/cli.md has every code).
`;

export const historyUsage = `Usage: gitops-guard history [--env NAME] [--limit N] [--json] [--config FILE] [--cwd DIR]

List the deploy commits (those starting with the commit prefix, "deploy: "), newest first, with the
one the server last applied marked live (asked over SSH when "host" is set; with several hosts,
the first one).

Options:
  --limit N   how many (default 20)
  --json      print the list as JSON
${envUsage(14)}
  -h, --help  show this help
`;

export const rollbackUsage = `Usage: gitops-guard rollback (SHA | --last) [--env NAME] [--dry-run] [--no-wait] [--timeout 5m] [--json]

Undo a deploy the GitOps way: git revert the deploy commit SHA (or, with --last, the newest deploy
commit) as "deploy: revert …", push (never forced), and verify like a deploy. Never resets, never
rewrites history; refuses with a dirty work tree. --env NAME: that environment's branch, waiting
on every one of its hosts.

Options:
  --last          the newest deploy commit
  --dry-run       show what would be reverted; change nothing
  --no-wait       push and return; do not wait for the server
  --timeout TIME  how long to wait for the server (default 5m)
  --json          print the result as one JSON object (also on failure)
${envUsage(18)}
  -h, --help      show this help
`;

function progressTo(json: boolean): Progress {
  const p = paint(useColour(process.stderr));
  return (step, message) => { if (!json) process.stderr.write(`${p.dim(`[${step}]`)} ${message}\n`); };
}

/** Print a deploy's (rollback's, promote's) result; `header` replaces the first line. The exit code. */
export function report(result: DeployResult, json: boolean, header?: string): number {
  if (json) {
    process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  } else {
    const p = paint(useColour(process.stdout));
    if (header !== undefined) process.stdout.write(`${header}\n`);
    else if (result.dryRun) process.stdout.write(`dry run: ${result.message} (${result.files.join(', ') || 'empty commit'}); nothing was committed\n`);
    else process.stdout.write(`${p.bold(result.commit!.slice(0, 7))} ${result.message} pushed at ${result.pushedAt}\n`);
    const v = result.verify;
    if (v) {
      if (v.ok) process.stdout.write(`${p.green('live and healthy')}: ${v.commit.slice(0, 7)} applied at ${v.appliedAt}; ${v.engine ? `${v.engine.object} (context ${v.engine.context})`
        : `${v.services.length} service(s) running`}${v.recreated?.length ? `; recreated: ${v.recreated.join(', ')}` : ''}\n`);
      else {
        process.stdout.write(`${p.red(v.pending ? 'not applied yet' : 'not healthy')}:\n`);
        for (const problem of v.problems) process.stdout.write(`  ${problem}\n`);
      }
    } else if (!result.dryRun) {
      process.stdout.write('not verified (no wait, or no host configured): check with gitops-guard status\n');
    }
    const back = result.revert;
    if (back) {
      process.stdout.write(`${p.yellow('reverted')}: ${p.bold(back.commit!.slice(0, 7))} ${back.message} pushed at ${back.pushedAt}\n`);
      if (back.verify?.ok) process.stdout.write(`${p.green('live and healthy')}: ${back.commit!.slice(0, 7)} (the state before ${result.commit!.slice(0, 7)})\n`);
      else for (const problem of back.verify?.problems ?? []) process.stdout.write(`  ${problem}\n`);
    }
  }
  return result.verify && !result.verify.ok ? (result.verify.pending ? EXIT.pending : EXIT.failed) : 0;
}

export type LoopOptions = Pick<DeployOptions, 'dryRun' | 'wait' | 'waitTimeoutMs' | 'server' | 'servers' | 'progress' | 'revertOnFailure'>;

export const common = {
  'dry-run': { type: 'boolean' }, 'no-wait': { type: 'boolean' }, timeout: { type: 'string' }, json: { type: 'boolean' },
  config: { type: 'string' }, cwd: { type: 'string' }, help: { type: 'boolean', short: 'h' }, ...ENV_OPTION,
} as const;

export type LoopValues = { config?: string; cwd?: string; env?: string; 'dry-run'?: boolean; 'no-wait'?: boolean; timeout?: string; json?: boolean; 'revert-on-failure'?: boolean };

/** The options a loop step waits with: every host of `config` (none with --no-wait). The fleet is the caller's to close. */
export function loopOptions(config: ResolvedConfig, values: LoopValues): { fleet: Fleet | undefined; options: LoopOptions } {
  const fleet = config.host && !values['no-wait'] ? new Fleet(config) : undefined;
  const servers = fleet?.servers ?? [];
  return {
    fleet,
    options: {
      dryRun: Boolean(values['dry-run']), wait: !values['no-wait'],
      ...(values.timeout ? { waitTimeoutMs: parseDuration(values.timeout) } : {}),
      ...(servers[0] ? { server: servers[0], servers } : {}), progress: progressTo(Boolean(values.json)),
      ...(values['revert-on-failure'] ? { revertOnFailure: true } : {}),
    },
  };
}

/** Deploy and rollback alike: load the environment, open its servers to verify on, run, report, close. */
async function runLoop(values: LoopValues, step: (config: ResolvedConfig, options: LoopOptions) => Promise<DeployResult>): Promise<number> {
  const config = await loadEnvironment(values);
  const { fleet, options } = loopOptions(config, values);
  try {
    return report(await step(config, options), Boolean(values.json));
  } finally {
    fleet?.close();
  }
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: { ...common, message: { type: 'string', short: 'm' }, restart: { type: 'boolean' }, resume: { type: 'boolean' }, 'revert-on-failure': { type: 'boolean' } },
  });
  if (values.help) { process.stdout.write(usage); return 0; }
  if (values.resume) {
    if (values.message || values.restart || positionals.length > 0) throw usageError('deploy --resume: takes no message, files or --restart');
    return runLoop(values, (config, options) => deploy(config, { resume: true, ...options }));
  }
  if (!values.message && !values.restart) throw usageError('deploy: say what changed with -m');
  const service = values.restart ? positionals[0] : undefined;
  return runLoop(values, (config, options) => deploy(config, {
    ...(values.message ? { message: values.message } : {}),
    files: values.restart ? [] : positionals,
    restart: Boolean(values.restart), ...(service ? { service } : {}), ...options,
  }));
}

export async function runHistory(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { limit: { type: 'string' }, json: { type: 'boolean' }, config: { type: 'string' }, cwd: { type: 'string' }, help: { type: 'boolean', short: 'h' }, ...ENV_OPTION } });
  if (values.help) { process.stdout.write(historyUsage); return 0; }
  const config = await loadEnvironment(values);
  let live: string | null = null;
  let runs: ReconcilerRun[] | undefined;
  let unknown: string | null = null;
  if (config.host) {
    const fleet = new Fleet(config);
    const server = fleet.servers[0]!;
    try {
      const [state, r] = await Promise.all([server.reconcilerState(), server.runs(100)]);
      live = state?.applied ?? null;
      runs = r;
    } catch (e) {
      unknown = `${server.host}: ${(e as Error).message}`;
    } finally {
      fleet.close();
    }
  }
  const ref = await environmentRef(config);
  const entries = await history(config, { limit: values.limit ? Number(values.limit) : 20, live, ...(runs ? { runs } : {}), ...(ref ? { ref } : {}) });
  if (values.json) { process.stdout.write(JSON.stringify(entries, null, 2) + '\n'); return 0; }
  const p = paint(useColour(process.stdout));
  const applied = (e: (typeof entries)[number]): string => {
    const last = e.runs?.[0];
    if (!last) return '';
    return last.ok ? `${last.event} ${last.time}` : p.red(`failed ${last.time} (exit ${last.exit})`);
  };
  process.stdout.write(table(['', 'SHA', 'DATE', 'AUTHOR', 'MESSAGE', 'SERVER'], entries.map((e) => [e.live ? p.green('live') : '', e.sha.slice(0, 7), e.date, e.author, e.message, applied(e)])) + '\n');
  if (runs && runs.length > 0) {
    process.stdout.write(`\n${p.bold('Server runs')} (newest first):\n`);
    process.stdout.write(table(['TIME', 'EVENT', 'COMMIT', 'EXIT', 'MS', 'HEALED'], runs.slice(0, values.limit ? Number(values.limit) : 20)
      .map((r) => [r.time, r.ok ? r.event : p.red(r.event), r.commit.slice(0, 7), String(r.exit), String(r.durationMs), r.healed.join('; ') || '-'])) + '\n');
  }
  if (unknown) process.stdout.write(`${p.yellow('note:')} the server's runs are unknown: ${unknown}\n`);
  return 0;
}

export async function runRollback(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { ...common, last: { type: 'boolean' } } });
  if (values.help) { process.stdout.write(rollbackUsage); return 0; }
  if (!values.last && positionals.length !== 1) throw usageError('rollback: name a deploy commit, or --last');
  return runLoop(values, (config, options) => rollback(config, values.last ? { last: true } : { sha: positionals[0]! }, options));
}
