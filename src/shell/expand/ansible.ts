// ansible-playbook: a playbook (written earlier in the text, or on disk) is data whose tasks run on
// the play's hosts (grammars/ansible.ts): shell/command/raw tasks are command lines run there, the
// container modules the docker command they stand for, file modules writes there. What cannot be
// read (a role, an included file, a templated module argument) asks; --check runs only the tasks
// with `check_mode: false`; --syntax-check and the listings run nothing.
import { dirname, isAbsolute, resolve } from 'node:path';
import { getopt, has, valueOf } from '../getopt.js';
import type { Target } from '../invocation.js';
import {
  ANSIBLE_MODULES, ANSIBLE_PLAYBOOK, BLOCK_KEYS, CHECK_MODE, CONTAINER_COLLECTION, LOCAL_HOSTS, MODULE_PREFIX, PLAY_TASK_LISTS,
  PLAYBOOK_RUNS_NOTHING, TASK_KEYWORDS,
} from '../grammars/ansible.js';
import { argOf, quoteWord, type Word } from '../words.js';
import type { Scope } from './driver.js';
import { parseYaml } from './task-files.js';

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec | null => (v !== null && typeof v === 'object' && !Array.isArray(v) ? v as Rec : null);
const MAX_TASKS = 2000;

interface Play { readonly target: Target; readonly check: boolean; readonly label: string; count: number }

/** The target a play's hosts make: this machine for localhost or a local connection, else the (first) server. */
export function ansibleTarget(pattern: string, inventory: string | null | undefined, connection: unknown): Target {
  const listed = typeof inventory === 'string' && inventory.includes(',') ? inventory.split(',').filter((h) => h !== '') : [];
  const hosts = LOCAL_HOSTS.includes(pattern) ? [pattern] : listed.length > 0 ? listed : [pattern];
  if (connection === 'local' || hosts.every((h) => LOCAL_HOSTS.includes(h))) return { kind: 'local' };
  return { kind: 'remote', host: hosts.find((h) => !LOCAL_HOSTS.includes(h)) ?? '?' };
}

export function ansiblePlaybook(scope: Scope, args: readonly Word[]): void {
  const scan = getopt(args.map(argOf), ANSIBLE_PLAYBOOK);
  scope.emit(scope.argv, 'ansible-playbook', { scan });
  if (has(scan, ...PLAYBOOK_RUNS_NOTHING)) return;
  const check = has(scan, ...CHECK_MODE);
  const inventory = valueOf(scan, '-i');
  const connection = valueOf(scan, '-c');
  for (const op of scan.operands) {
    if (op.value === null) { scope.raise('unreadable-script', 'the playbook `ansible-playbook` runs is named at run time'); continue; }
    const plays = readYaml(scope, op.value, scope.cwd);
    if (plays === null) {
      // Check mode without a readable playbook runs only tasks marked check_mode: false; nothing is known of them.
      if (!check) scope.raise('unreadable-script', `\`ansible-playbook\` runs the tasks of ${op.value}, which cannot be read`);
      continue;
    }
    const base = dirname(pathOf(op.value, scope.cwd) ?? '.');
    for (const p of Array.isArray(plays) ? plays : []) {
      const play = rec(p);
      if (!play) continue;
      if (play.import_playbook !== undefined || play.include !== undefined) { scope.raise('unreadable-script', `${op.value} imports another playbook, which gitops-guard does not read`); continue; }
      const hosts = typeof play.hosts === 'string' ? play.hosts : Array.isArray(play.hosts) ? String(play.hosts[0] ?? '?') : '?';
      const target = ansibleTarget(hosts, inventory, play.connection ?? connection);
      const state: Play = { target, check, label: `ansible-playbook ${op.value} (hosts: ${hosts})`, count: 0 };
      if (Array.isArray(play.roles) && play.roles.length > 0) scope.raise('unreadable-script', `${op.value} runs roles, which gitops-guard does not read`);
      for (const key of PLAY_TASK_LISTS) tasks(scope, play[key], state, base, 0);
    }
  }
}

function pathOf(p: string, cwd: string | null): string | null {
  return isAbsolute(p) ? p : cwd === null ? null : resolve(cwd, p);
}

function readYaml(scope: Scope, p: string, cwd: string | null): unknown {
  const full = pathOf(p, cwd);
  if (full === null) return null;
  const r = scope.files.read(full);
  if (r.kind !== 'text') return null;
  try { return parseYaml(r.text, { maxAliasCount: 100 }); } catch { return null; }
}

function tasks(scope: Scope, list: unknown, play: Play, base: string, depth: number): void {
  if (!Array.isArray(list)) return;
  for (const t of list) {
    const task = rec(t);
    if (!task) continue;
    if (++play.count > MAX_TASKS || depth > 8) { scope.raise('limit', `${play.label}: more than ${MAX_TASKS} tasks`, scope.run0.input); return; }
    const isBlock = BLOCK_KEYS.some((k) => k in task);
    if (isBlock) { for (const k of BLOCK_KEYS) tasks(scope, task[k], { ...play, check: play.check && task.check_mode !== false }, base, depth + 1); continue; }
    if (play.check && task.check_mode !== false && task.check_mode !== 'no') continue;
    oneTask(scope, task, play);
  }
}

/** The module a task runs, its arguments, and the target (delegate_to, local_action). */
function oneTask(scope: Scope, task: Rec, play: Play): void {
  let target = play.target;
  const delegate = task.delegate_to;
  if (typeof delegate === 'string') target = LOCAL_HOSTS.includes(delegate) ? { kind: 'local' } : { kind: 'remote', host: delegate.includes('{{') ? '?' : delegate };
  const action = task.local_action ?? task.action;
  if (task.local_action !== undefined) target = { kind: 'local' };
  const found: [string, unknown][] = action !== undefined ? [actionModule(action)] : Object.entries(task).filter(([k]) => !TASK_KEYWORDS.has(k));
  for (const [name, value] of found) judgeModule(scope, name, value, rec(task.args) ?? {}, target, play.label);
}

function actionModule(action: unknown): [string, unknown] {
  if (typeof action === 'string') { const m = /^\s*(\S+)\s*([\s\S]*)$/.exec(action); return [m?.[1] ?? '?', m?.[2] ?? '']; }
  const r = rec(action) ?? {};
  const { module, ...rest } = r;
  return [typeof module === 'string' ? module : '?', rest];
}

/** `{{ … }}` is filled in at run time: a variable the text never sets stands for it. */
function templated(text: string): string {
  return text.replace(/\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g, '"$ANSIBLE_TEMPLATE_VALUE"');
}

function judgeModule(scope: Scope, name: string, value: unknown, args: Rec, target: Target, label: string): void {
  const short = name.replace(MODULE_PREFIX, '');
  const row = ANSIBLE_MODULES[short] ?? (CONTAINER_COLLECTION.pattern.test(name) ? { stands: CONTAINER_COLLECTION.stands } : undefined);
  const params: Rec = { ...args, ...(rec(value) ?? {}) };
  const on = `${label}: ${name}`;
  const run = (text: string): void => scope.nested(templated(text), on, { target, env: new Map(), spliceable: false });
  if (row === 'look') return;
  if (row === 'shell') {
    const argv = Array.isArray(params.argv) ? params.argv.map((a) => quoteWord(String(a))).join(' ') : undefined;
    const cmd = typeof value === 'string' ? value : typeof params.cmd === 'string' ? params.cmd : typeof params.command === 'string' ? params.command : argv;
    if (cmd === undefined) { scope.target = target; scope.raise('unreadable-script', `${on} runs a command gitops-guard cannot find in the task`); return; }
    run(cmd);
    return;
  }
  if (row === 'script' || row === 'include') { scope.target = target; scope.raise('unreadable-script', `${on} runs ${row === 'script' ? 'a script' : 'tasks from another file'}, which gitops-guard does not read`); return; }
  if (row === 'write') {
    const dest = params.dest ?? params.path ?? params.name;
    run(`cat "$ANSIBLE_MODULE_CONTENT" > ${typeof dest === 'string' ? dest : '"$ANSIBLE_DEST"'}`);
    return;
  }
  if (row !== undefined) { run(params.state === 'absent' && row.absent ? row.absent : row.stands); return; }
  // Any other module changes something on that host (service, apt, user, …): on a server that is not a look.
  if (target.kind === 'remote') { scope.emit([{ value: `ansible-module:${name}`, tail: null, text: name, start: 0, end: 0 }], `ansible-module:${name}`, { target }); return; }
  scope.raise('unreadable-script', `${on} runs a module gitops-guard does not know on this machine`);
}
