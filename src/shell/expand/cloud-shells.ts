// The cloud shells (grammars/cloud-shells.ts): `gcloud compute ssh VM --command …`, `aws ssm
// send-command`, `az vm run-command invoke`, … run a command on a server as ssh would. Each is read
// as the ssh command line it amounts to, so the command is judged as a remote one on that instance.
import { getopt, optionIs, valueOf, type Option, type Scan } from '../getopt.js';
import { CLOUD_SHELLS, type CloudShell } from '../grammars/cloud-shells.js';
import { argOf, type Word } from '../words.js';
import type { Scope } from './driver.js';
import type { Target } from '../invocation.js';
import { readLocal } from './output.js';
import { sshSession } from './remote.js';
import { keyedScripts } from './cloud-scripts.js';

export const CLOUD_SHELL_PROGRAMS: readonly string[] = Object.keys(CLOUD_SHELLS);

const word = (value: string | null): Word => ({ value, tail: null, text: value ?? '$computed', start: 0, end: 0 });

export function cloudShellsFamily(scope: Scope, name: string, args: readonly Word[]): boolean {
  const specs = CLOUD_SHELLS[name];
  if (!specs) return false;
  for (const spec of specs) {
    const scan = getopt(args.map(argOf), spec.options);
    const ops = scan.operands.map((o) => o.value);
    if (!spec.path.every((p, i) => ops[i] === p)) continue;
    scope.emit(scope.argv, name, { scan });
    if (spec.nothing?.some((n) => given(scan.options, n))) return true;
    const label = `${name} ${spec.path.join(' ')}`;
    if (spec.copy) {
      // Judged as the scp it is (its recursion is scp's -r); the instance name stands for the host.
      const recurse = scan.options.some((o) => optionIs(o, ['--recurse'])) ? [word('-r')] : [];
      scope.sub([word('scp'), ...recurse, ...ops.slice(spec.path.length).map(word)], label);
      return true;
    }
    const instance = instanceOf(spec, scan, ops.slice(spec.path.length));
    const remote = { kind: 'remote' as const, host: instance ?? '?' };
    const hidden = spec.unreadable?.find((n) => valueOf(scan, n) !== undefined);
    if (hidden !== undefined) {
      scope.target = remote;
      scope.raise('unreadable-script', `${label} ${hidden} runs a script on the instance that the text does not show`);
      return true;
    }
    if (spec.keyed) {
      const k = keyedScripts(scope, scan, spec.keyed);
      const hidden = k.kind === 'computed' ? k.why : k.hidden;
      if (hidden !== undefined) {
        const at = scope.target;
        scope.target = remote;
        scope.raise(k.kind === 'computed' ? 'dynamic-remote-command' : 'unreadable-script', `${label}: ${hidden}`);
        scope.target = at;
      }
      // Each script is judged as run over ssh there; with none, nothing runs.
      for (const script of k.kind === 'scripts' ? k.scripts : []) sshSession(scope, [word(instance), word(script)], `${label} (script on the instance)`);
      return true;
    }
    const commands = spec.parameters ? ssmCommands(scope, scan, spec.parameters, remote, label) : [];
    if (commands === null) return true;
    sshSession(scope, [...sshFlags(spec, scan), word(instance), ...restWords(spec, scan, ops), ...commandWords(spec, scan), ...commands], label);
    return true;
  }
  return false;
}

/** Is this option given (`--name`, or `--name=value` where the last value given is that one)? */
function given(options: readonly Option[], spec: string): boolean {
  const eq = spec.indexOf('=');
  if (eq < 0) return options.some((o) => optionIs(o, [spec]));
  const last = options.filter((o) => optionIs(o, [spec.slice(0, eq)])).pop();
  return last !== undefined && last.value === spec.slice(eq + 1);
}

function instanceOf(spec: CloudShell, scan: Scan, operands: readonly (string | null)[]): string | null {
  if (spec.instance === undefined) return operands[0] ?? 'instance';
  const v = spec.instance.map((n) => valueOf(scan, n)).find((x) => x !== undefined);
  // No instance named: the service itself (`cloud-shell`), or every instance of the project (`project-info`).
  if (v === undefined) return spec.instance.length === 0 ? spec.path.find((p) => p !== 'alpha' && p !== 'beta')! : 'instance';
  // `--instance-ids i-1 i-2`, `--targets Key=tag:Name,Values=web`: the first one names the host.
  return v === null ? null : v.replace(/^Key=[^,]*,Values=/, '').split(/[\s,]+/)[0] || 'instance';
}

/** ssh's own options given through the CLI (`--ssh-flag="-L 2375:localhost:2375"`), as ssh words. */
function sshFlags(spec: CloudShell, scan: Scan): Word[] {
  const out: Word[] = [];
  for (const o of scan.options) {
    if (!spec.sshFlags?.some((n) => optionIs(o, [n]))) continue;
    if (o.value === null || o.value === undefined) out.push(word(null));
    else for (const w of o.value.trim().split(/\s+/)) out.push(word(w));
  }
  return out;
}

/** Operands after the instance that are more of ssh's command line, or more scripts. */
function restWords(spec: CloudShell, scan: Scan, ops: readonly (string | null)[]): Word[] {
  const afterInstance = spec.instance === undefined ? spec.path.length + 1 : spec.path.length;
  if (spec.rest === 'ssh' || spec.rest === 'scripts') return ops.slice(afterInstance).map(word);
  if (spec.rest === 'dashDash' && scan.endOfOptions >= 0) {
    return scan.operands.filter((o) => o.index >= scan.endOfOptions).map((o) => word(o.value));
  }
  return [];
}

/** The command option's value (`--command 'docker ps'`); given twice, the last one runs (argparse `store`). */
function commandWords(spec: CloudShell, scan: Scan): Word[] {
  const last = scan.options.filter((o) => spec.command?.some((n) => optionIs(o, [n]))).pop();
  return last === undefined ? [] : [word(last.value ?? null)];
}

/**
 * The shell commands an SSM document runs: `commands=["a","b"]`, `commands=a,b`, JSON
 * `{"commands":[…]}` or `file://params.json`. Another document changes the server in ways the text
 * does not show (null after raising); a computed parameter is a computed remote command.
 */
function ssmCommands(scope: Scope, scan: Scan, p: NonNullable<CloudShell['parameters']>, remote: Target, label: string): Word[] | null {
  const doc = valueOf(scan, p.document);
  if (typeof doc !== 'string' || !p.shells.includes(doc)) {
    if (p.otherwise === 'session' && doc !== null) return [];
    scope.target = remote;
    scope.raise('unreadable-script', `this runs the SSM document ${doc ?? '(computed)'} on the instances, which gitops-guard does not read`);
    return null;
  }
  const raw = valueOf(scan, p.option);
  const text = typeof raw === 'string' && raw.startsWith('file://') ? readLocal(scope, raw.slice(7), scope.cwd) : raw;
  const commands = typeof text === 'string' ? parseSsmCommands(text, p.key ?? 'commands') : null;
  if (commands === null) {
    scope.target = remote;
    scope.raise('dynamic-remote-command', `the commands sent by ${label} are computed or cannot be read`);
    return null;
  }
  // Each command is one line of the script the document runs.
  return [word(commands.join('\n'))];
}

function parseSsmCommands(text: string, key: string): string[] | null {
  const t = text.trim();
  const list = (v: unknown): string[] | null => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : typeof v === 'string' ? [v] : null);
  if (t.startsWith('{')) {
    try { return list((JSON.parse(t) as Record<string, unknown>)[key]); } catch { return null; }
  }
  const m = t.startsWith(`${key}=`) ? [t, t.slice(key.length + 1)] : null;
  if (!m) return null;
  const v = m[1]!.trim();
  if (v.startsWith('[')) {
    try { return list(JSON.parse(v)); } catch { return [v.replace(/^\[|\]$/g, '')]; }
  }
  return v.split(',');
}
