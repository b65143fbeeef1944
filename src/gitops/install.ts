// How the reconciler gets onto the server and runs every minute: the files (the script, and a
// systemd user service + timer or a cron line) and the commands that switch it on. `plan` is pure;
// `gitops-guard server install` prints it, and with --apply `apply` writes it over SSH.
//
// Nothing from outside reaches a remote command line: file contents travel on stdin, the paths are
// validated and quoted, and the commands are fixed templates (src/remote/commands.ts).
import type { ResolvedConfig } from '../config.js';
import type { ExecOptions, ExecResult } from '../remote/ssh.js';
import { homePath, templates, UnsafeValue } from '../remote/commands.js';
import { quoteWord } from '../shell/words.js';
import { defaultStateFile, RECONCILER_SCRIPT, reconcilerEnv, stackName } from './reconciler.js';

export type Scheduler = 'systemd' | 'cron';

export interface InstallFile {
  /** Where on the server: `~/…` (the login user's home) or absolute. */
  readonly path: string;
  readonly content: string;
  readonly mode: '0755' | '0644';
}

export interface InstallPlan {
  readonly scheduler: Scheduler;
  readonly files: readonly InstallFile[];
  /** The cron line (cron only). */
  readonly cronLine?: string;
  /** What switches it on once the files are there (shown to the user; --apply runs the same). */
  readonly enable: readonly string[];
  readonly stateFile: string;
  /** This stack's systemd unit name (without .service/.timer) and crontab marker. */
  readonly unit: string;
  readonly marker: string;
  /** What the reconciler drives: compose, or a swarm (then the server must be a manager). */
  readonly engine?: 'compose' | 'swarm';
}

/** The units and the cron marker carry the stack's name: two stacks of one user never collide. */
export const unitName = (stack: string): string => `gitops-guard-reconcile-${stack}`;
/** The closing bracket ends the name, so no stack's marker is a prefix of another's. */
export const cronMarker = (stack: string): string => `# gitops-guard-reconcile[${stack}]`;

/** One systemd word: double-quoted, with \\ and " escaped and % (a specifier) doubled. */
function systemdQuote(s: string): string {
  return `"${s.replace(/[\\"]/g, (c) => `\\${c}`).replace(/%/g, '%%')}"`;
}

/** In a crontab line % ends the command unless escaped. */
const cronEscape = (text: string): string => text.replace(/%/g, '\\%');

/** systemd's spelling: %h is the home directory, and % itself is doubled. */
function unitPath(path: string): string {
  return path.startsWith('~/') ? `%h/${path.slice(2).replace(/%/g, '%%')}` : path.replace(/%/g, '%%');
}

export function plan(config: ResolvedConfig, scheduler: Scheduler): InstallPlan {
  const env = reconcilerEnv(config);
  const script = config.reconcilerPath;
  if (!script.startsWith('~/') && !script.startsWith('/')) {
    throw new UnsafeValue(`reconcilerPath must start with ~/ or /, not ${JSON.stringify(script)}`);
  }
  const files: InstallFile[] = [{ path: script, content: RECONCILER_SCRIPT, mode: '0755' }];
  const stateFile = config.stateFile ?? defaultStateFile(config);
  const stack = stackName(config);
  const UNIT = unitName(stack);
  const marker = cronMarker(stack);
  const engine = config.reconciler.type === 'swarm' ? 'swarm' as const : 'compose' as const;
  if (scheduler === 'cron') {
    const log = `${stateFile.replace(/\/[^/]*$/, '')}/reconcile.log`;
    const logDir = stateFile.replace(/\/[^/]*$/, '');
    const cronLine = `* * * * * mkdir -p ${cronEscape(homePath('path', logDir))} && ${env.map(([k, v]) => `${k}=${cronEscape(quoteWord(v))}`).join(' ')} ${cronEscape(homePath('path', script))} >> ${cronEscape(homePath('path', log))} 2>&1 ${marker}`;
    return { scheduler, files, cronLine, enable: [], stateFile, unit: UNIT, marker, engine };
  }
  files.push({
    path: `~/.config/systemd/user/${UNIT}.service`, mode: '0644',
    content: ['[Unit]', `Description=gitops-guard: apply what git says (${stack})`, '',
      '[Service]', 'Type=oneshot',
      ...env.map(([k, v]) => `Environment=${systemdQuote(`${k}=${v}`)}`),
      `ExecStart=${unitPath(script)}`,
      // Another run holding the lock (exit 2) is not a failure of this one.
      'SuccessExitStatus=2', ''].join('\n'),
  }, {
    path: `~/.config/systemd/user/${UNIT}.timer`, mode: '0644',
    content: ['[Unit]', `Description=gitops-guard: reconcile ${stack} every minute`, '',
      '[Timer]', 'OnBootSec=1min', 'OnUnitActiveSec=1min', 'AccuracySec=5s', '',
      '[Install]', 'WantedBy=timers.target', ''].join('\n'),
  });
  return {
    scheduler, files, stateFile, unit: UNIT, marker, engine,
    enable: [`systemctl --user daemon-reload && systemctl --user enable --now ${UNIT}.timer`,
      'loginctl enable-linger "$USER"   # keep the timer running when nobody is logged in'],
  };
}

/** The plan as text to copy by hand. */
export function render(p: InstallPlan, host: string | undefined): string {
  const where = host ? ` (${host})` : '';
  const lines = [`# On the server${where}, as the user that runs docker (the server needs sh, git, flock and docker compose, or a swarm manager, not Node):`, ''];
  for (const f of p.files) {
    if (f.mode === '0755') {
      const dir = f.path.replace(/\/[^/]*$/, '');
      lines.push(`# ${f.path}: the reconciler. From your machine:`,
        `#   gitops-guard reconcile | ssh ${host ? quoteWord(host) : 'HOST'} 'mkdir -p ${dir} && cat > ${f.path} && chmod +x ${f.path}'`);
    } else {
      lines.push(`# ${f.path}`, f.content.trimEnd());
    }
    lines.push('');
  }
  if (p.cronLine) lines.push('# Add this line with `crontab -e` (every minute; a run that finds another running exits at once):', p.cronLine, '');
  if (p.enable.length > 0) lines.push('# Then switch it on:', ...p.enable.map((c) => `#   ${c}`), '');
  lines.push(
    `# The reconciler records each run in ${p.stateFile} (outside the checkout); gitops-guard status reads it.`,
    `# Or let gitops-guard do all of this over SSH: gitops-guard server install${p.scheduler === 'cron' ? ' --cron' : ''} --apply`);
  return lines.join('\n') + '\n';
}

export interface ApplyStep {
  readonly step: string;
  readonly ok: boolean;
  readonly detail?: string;
}

export interface ApplyResult {
  readonly ok: boolean;
  readonly steps: readonly ApplyStep[];
  /** What is left to do by hand when a step failed. */
  readonly next: readonly string[];
}

type Run = (command: string, options?: ExecOptions) => Promise<ExecResult>;

const output = (r: ExecResult): string => (r.stderr.trim() || r.stdout.trim()).split('\n').slice(-5).join('\n');

/**
 * Write the plan's files on the server and switch the schedule on. Checks first that the server has
 * what the reconciler needs (sh, git, flock, docker compose), and that the script runs under its sh.
 * Each step is reported through `progress` as it completes.
 */
export async function apply(p: InstallPlan, run: Run, progress: (s: ApplyStep) => void = () => undefined): Promise<ApplyResult> {
  const steps: ApplyStep[] = [];
  const note = (s: ApplyStep): ApplyStep => { steps.push(s); progress(s); return s; };
  const r0 = await run(templates.missingTools(['git', 'flock', 'docker'], p.engine));
  const missing = r0.stdout.split('\n').map((s) => s.trim()).filter(Boolean);
  if (r0.code !== 0 || missing.length > 0) {
    note({ step: 'check the server has git, flock and docker', ok: false,
      detail: missing.length ? `missing on the server: ${missing.join(', ')}` : output(r0) });
    return { ok: false, steps, next: ['install the missing tools on the server, then run gitops-guard server install --apply again'] };
  }
  note({ step: 'check the server has git, flock and docker', ok: true });
  for (const f of p.files) {
    const r = await run(templates.writeFile(f.path, f.mode), { stdin: f.content, timeoutMs: 30_000 });
    if (r.code !== 0) {
      note({ step: `write ${f.path}`, ok: false, detail: output(r) });
      return { ok: false, steps, next: [`check that ${f.path} can be written by this user, then run gitops-guard server install --apply again`] };
    }
    note({ step: `write ${f.path}`, ok: true });
  }
  const check = await run(templates.syntaxCheck(p.files[0]!.path));
  if (check.code !== 0) {
    note({ step: 'check the reconciler parses under the server\'s sh', ok: false, detail: output(check) });
    return { ok: false, steps, next: ['report this: the reconciler script does not parse under this server\'s /bin/sh'] };
  }
  note({ step: 'check the reconciler parses under the server\'s sh', ok: true });
  if (p.scheduler === 'cron') {
    const r = await run(templates.installCronLine(p.marker), { stdin: `${p.cronLine}\n`, timeoutMs: 30_000 });
    if (r.code !== 0) {
      note({ step: 'add the cron line', ok: false, detail: output(r) });
      return { ok: false, steps, next: ['add the cron line above with crontab -e on the server'] };
    }
    note({ step: 'add the cron line (replacing an earlier one)', ok: true });
    return { ok: true, steps, next: [] };
  }
  const r = await run(templates.enableUserTimer(`${p.unit}.timer`), { timeoutMs: 60_000 });
  if (r.code !== 0) {
    note({ step: `enable ${p.unit}.timer`, ok: false, detail: output(r) });
    return { ok: false, steps, next: [
      `the files are in place; switch the timer on by hand on the server: ${p.enable[0]}`,
      'or, on a server without systemd, use cron instead: gitops-guard server install --cron --apply',
    ] };
  }
  note({ step: `enable ${p.unit}.timer`, ok: true });
  const linger = await run(templates.enableLinger());
  note(linger.code === 0 ? { step: 'keep the timer running when nobody is logged in (loginctl enable-linger)', ok: true }
    : { step: 'keep the timer running when nobody is logged in (loginctl enable-linger)', ok: false, detail: output(linger) });
  // Lingering is needed for the timer to run after logout; without it the rest still stands.
  return { ok: true, steps, next: linger.code === 0 ? [] : ['ask an administrator to run: loginctl enable-linger <this user>'] };
}

/**
 * Remove exactly what install added for this stack: its units (disabled first) or its cron line,
 * and the reconciler script when no other stack's unit or cron line is left. The state directory
 * (the run history) stays; the checkout and the containers are not touched.
 */
export async function uninstall(p: InstallPlan, run: Run, progress: (s: ApplyStep) => void = () => undefined): Promise<ApplyResult> {
  const steps: ApplyStep[] = [];
  const note = (s: ApplyStep): ApplyStep => { steps.push(s); progress(s); return s; };
  const cron = await run(templates.removeCronLine(p.marker), { timeoutMs: 30_000 });
  note(cron.code === 0 ? { step: `remove the cron line ${p.marker} (if there was one)`, ok: true } : { step: 'remove the cron line', ok: false, detail: output(cron) });
  const units = [`~/.config/systemd/user/${p.unit}.service`, `~/.config/systemd/user/${p.unit}.timer`];
  const off = await run(templates.disableUserUnits(p.unit, units), { timeoutMs: 60_000 });
  note(off.code === 0 ? { step: `disable and remove ${p.unit}.timer and .service (if there were any)`, ok: true }
    : { step: `disable and remove ${p.unit}`, ok: false, detail: output(off) });
  const script = p.files[0]!.path;
  const left = await run(templates.removeScriptIfUnused(script), { timeoutMs: 30_000 });
  note(left.code === 0 ? { step: left.stdout.includes('kept') ? `keep ${script}: another stack still uses it` : `remove ${script}`, ok: true }
    : { step: `remove ${script}`, ok: false, detail: output(left) });
  const ok = steps.every((s) => s.ok);
  return { ok, steps, next: ok ? [] : ['remove what is left by hand on the server (the steps above say what)'] };
}
