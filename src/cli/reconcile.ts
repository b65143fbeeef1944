// `gitops-guard reconcile`: print the reconciler script that runs on the server (see
// src/gitops/reconciler.ts). `gitops-guard server install`: print, or with --apply install over SSH,
// what runs it every minute (src/gitops/install.ts).
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config-file.js';
import { RECONCILER_SCRIPT } from '../gitops/reconciler.js';
import { apply, plan, render, uninstall, type InstallPlan } from '../gitops/install.js';
import { Server } from '../remote/server.js';
import { CliError, usageError } from './exit.js';

export const usage = `Usage: gitops-guard reconcile

Print the reconciler: a POSIX sh script for the server (it needs sh, git, docker compose and
flock). It fetches, fast-forwards the server's checkout, validates with docker compose config -q,
runs docker compose up -d --remove-orphans, and records the result outside the checkout.
Install it on the server with gitops-guard server install.
`;

export const serverUsage = `Usage: gitops-guard server install [--cron] [--apply] [--config FILE] [--cwd DIR]
       gitops-guard server uninstall [--config FILE] [--cwd DIR]

Print how to install the reconciler (gitops-guard reconcile): the script path, and a systemd user
service + timer (default) or a cron line (--cron) that runs it every minute, with settings from
gitops-guard.json. With --apply it does that over SSH (the configured host, host key checked):
checks the server has git, flock and docker compose, writes the files, and enables the timer or
adds the cron line (replacing an earlier one). It never touches the checkout or the containers.
Units, the cron marker and the state directory carry the stack's name ("stack", default: the last
part of remotePath), so several repositories can be deployed by one server user.

server uninstall removes, over SSH, exactly what install added for this stack: its timer and service
or its cron line, and the reconciler script when no other stack uses it. The state directory (the
run history) stays.
`;

export async function run(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) { process.stdout.write(usage); return 0; }
  if (argv.length > 0) throw usageError('reconcile: takes no arguments');
  process.stdout.write(RECONCILER_SCRIPT);
  return 0;
}

export async function runServer(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: { cron: { type: 'boolean' }, apply: { type: 'boolean' }, config: { type: 'string' }, cwd: { type: 'string' },
      help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) { process.stdout.write(serverUsage); return 0; }
  const action = positionals[0];
  if ((action !== 'install' && action !== 'uninstall') || positionals.length !== 1) throw usageError('server: expected "server install" or "server uninstall"');
  const config = await loadConfig({ cwd: resolve(values.cwd ?? process.cwd()), ...(values.config ? { file: values.config } : {}) });
  let p: InstallPlan;
  try {
    p = plan(config, values.cron ? 'cron' : 'systemd');
  } catch (e) {
    throw new CliError('config', `server install: ${(e as Error).message}`);
  }
  if (!values.apply && action === 'install') {
    process.stdout.write(render(p, config.host));
    return 0;
  }
  if (!config.host) throw new CliError('config', `server ${action}: set "host" in gitops-guard.json (an ssh destination)`);
  const server = new Server(config);
  if (action === 'uninstall') {
    try {
      process.stderr.write(`Removing the reconciler of ${p.unit.replace(/^gitops-guard-reconcile-/, '')} from ${config.host}:\n`);
      const result = await uninstall(p, (c, o) => server.run(c, o), (s) => {
        process.stderr.write(`  ${s.ok ? 'ok  ' : 'FAIL'} ${s.step}${s.detail ? `\n       ${s.detail.replace(/\n/g, '\n       ')}` : ''}\n`);
      });
      for (const n of result.next) process.stderr.write(`Next: ${n}\n`);
      if (result.ok) process.stderr.write(`Done. The run history stays in ${p.stateFile.replace(/\/[^/]*$/, '')}.\n`);
      return result.ok ? 0 : 1;
    } catch (e) {
      process.stderr.write(`gitops-guard server uninstall: ${(e as Error).message}\n`);
      return 1;
    } finally {
      server.close();
    }
  }
  try {
    process.stderr.write(`Installing the reconciler on ${config.host} (${p.scheduler}):\n`);
    const result = await apply(p, (c, o) => server.run(c, o), (s) => {
      process.stderr.write(`  ${s.ok ? 'ok  ' : 'FAIL'} ${s.step}${s.detail ? `\n       ${s.detail.replace(/\n/g, '\n       ')}` : ''}\n`);
    });
    for (const n of result.next) process.stderr.write(`Next: ${n}\n`);
    if (result.ok) process.stderr.write(`Done. The reconciler runs every minute and records each run in ${p.stateFile}; gitops-guard status shows it.\n`);
    return result.ok ? 0 : 1;
  } catch (e) {
    process.stderr.write(`gitops-guard server install --apply: ${(e as Error).message}\n`);
    return 1;
  } finally {
    server.close();
  }
}
