// `gitops-guard reconcile`: print the reconciler script that runs on the server (see
// src/gitops/reconciler.ts). `gitops-guard server install`: print how to run it every minute.
import { posix, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config-file.js';
import { RECONCILER_SCRIPT } from '../gitops/reconciler.js';
import { quoteWord } from '../shell/words.js';

export const usage = `Usage: gitops-guard reconcile
       gitops-guard server install [--cron]

reconcile prints the reconciler: a POSIX sh script for the server (it needs sh, git, docker compose
and flock). It fetches, fast-forwards the server's checkout, validates with docker compose config -q,
runs docker compose up -d --remove-orphans, and records the result outside the checkout.

server install prints how to install it: the script path, and a systemd user service + timer
(default) or a cron line (--cron) that runs it every minute, with settings from gitops-guard.json.
`;

export async function run(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) { process.stdout.write(usage); return 0; }
  if (argv.length > 0) { process.stderr.write(`gitops-guard reconcile: takes no arguments\n\n${usage}`); return 1; }
  process.stdout.write(RECONCILER_SCRIPT);
  return 0;
}

export async function runServer(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: { cron: { type: 'boolean' }, config: { type: 'string' }, cwd: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help || positionals[0] !== 'install' || positionals.length !== 1) {
    process[values.help ? 'stdout' : 'stderr'].write(usage);
    return values.help ? 0 : 1;
  }
  const config = await loadConfig({ cwd: resolve(values.cwd ?? process.cwd()), ...(values.config ? { file: values.config } : {}) });
  if (!config.remotePath) {
    process.stderr.write('gitops-guard server install: set remotePath in gitops-guard.json (the server\'s checkout)\n');
    return 1;
  }
  const env: [string, string][] = [
    ['GITOPS_GUARD_REPO', config.remotePath],
    ['GITOPS_GUARD_BRANCH', config.branch],
    ['GITOPS_GUARD_REMOTE', config.remote],
    ['GITOPS_GUARD_COMPOSE_FILES', config.composeFiles.join(' ')],
    ...(config.stateFile ? [['GITOPS_GUARD_STATE', config.stateFile] as [string, string]] : []),
  ];
  const script = '~/.local/bin/gitops-guard-reconcile';
  const lines = [
    `# 1. On the server${config.host ? ` (${config.host})` : ''}, as the user that runs docker, save the reconciler:`,
    `#      mkdir -p ~/.local/bin && gitops-guard reconcile > ${script} && chmod +x ${script}`,
    '#    (or copy the output of `gitops-guard reconcile` there).',
  ];
  if (values.cron) {
    lines.push('# 2. Add this line with `crontab -e` (runs every minute; overlapping runs exit at once):',
      `* * * * * ${env.map(([k, v]) => `${k}=${quoteWord(v)}`).join(' ')} $HOME/.local/bin/gitops-guard-reconcile >> $HOME/.local/state/gitops-guard/reconcile.log 2>&1`);
  } else {
    lines.push('# 2. Save these two units in ~/.config/systemd/user/, then run:',
      '#      systemctl --user daemon-reload && systemctl --user enable --now gitops-guard-reconcile.timer',
      '#      loginctl enable-linger "$USER"   # keep the timer running when nobody is logged in',
      '', '# ~/.config/systemd/user/gitops-guard-reconcile.service',
      '[Unit]', 'Description=gitops-guard: apply what git says', '',
      '[Service]', 'Type=oneshot',
      ...env.map(([k, v]) => `Environment=${k}=${quoteWord(v).replace(/%/g, '%%')}`),
      'ExecStart=%h/.local/bin/gitops-guard-reconcile', 'SuccessExitStatus=2',
      '', '# ~/.config/systemd/user/gitops-guard-reconcile.timer',
      '[Unit]', 'Description=gitops-guard: reconcile every minute', '',
      '[Timer]', 'OnBootSec=1min', 'OnUnitActiveSec=1min', 'AccuracySec=5s', '',
      '[Install]', 'WantedBy=timers.target');
  }
  lines.push('', `# The state file (outside the checkout): ${config.stateFile ?? '~/.local/state/gitops-guard/state.json'}`,
    `# gitops-guard status reads it over SSH; posix path of the compose directory: ${posix.join(config.remotePath, posix.dirname(config.composeFiles[0] ?? '.'))}`);
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
}
