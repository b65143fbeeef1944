// Files that hold command lines another program runs later by itself: cron's tables, systemd's
// unit files, desktop entries (a launcher, dex or an autostart session runs their Exec line) and VS
// Code's tasks.json (a task with `runOn: folderOpen` runs when the folder opens). Each reader returns
// those command lines as shell text; the interpreters family judges them as commands (scanCode), for
// a file written into its place (src/content-judged.ts) or given to the program that runs it.
// A reader may throw on a malformed file; the caller says it cannot be read.
import type { CodeLanguage } from '../grammars/types.js';
import { terraformCommands } from './terraform-files.js';
import { withDeps, type Task } from './task-files.js';

/**
 * crontab(5) lines: five time fields (or `@reboot`, `@daily`, …), then, in the system's tables
 * (/etc/crontab, /etc/cron.d), the user the command runs as, then a shell command.
 */
function cronCommands(text: string, userField: boolean): string[] {
  const out: string[] = [];
  const line = new RegExp(`^(?:@\\w+|(?:\\S+\\s+){4}\\S+)\\s+${userField ? '\\S+\\s+' : ''}(.*)$`);
  for (const raw of text.split('\n')) {
    const t = raw.trim();
    if (t === '' || t.startsWith('#') || /^[A-Za-z_][A-Za-z0-9_]*\s*=/.test(t)) continue;
    const m = line.exec(t);
    if (m) out.push(m[1]!);
  }
  return out;
}

/** systemd.service(5) and systemd.socket(5) settings whose value is a command line systemd runs. */
const UNIT_EXEC = /^\s*Exec(?:Start|StartPre|StartPost|Condition|Reload|Stop|StopPre|StopPost)\s*=\s*(.*)$/;

/**
 * A unit file's (or drop-in's) command lines: continuation lines joined; the prefixes `-@:+!|` cut
 * off, and with `@` the word after the program (its argv[0]) dropped; `;` alone separates commands.
 */
function unitCommands(text: string): string[] {
  const out: string[] = [];
  for (const line of text.replace(/\\\r?\n/g, ' ').split(/\r?\n/)) {
    const m = UNIT_EXEC.exec(line);
    if (!m) continue;
    for (const part of m[1]!.split(/\s+;\s+/)) {
      const prefix = /^[-@:+!|]*/.exec(part)![0];
      const cmd = part.slice(prefix.length).trim();
      out.push(prefix.includes('@') ? cmd.replace(/^(\S+)\s+\S+/, '$1') : cmd);
    }
  }
  return out.filter((c) => c !== '');
}

/**
 * A desktop entry's Exec lines (the main group's and each `[Desktop Action …]`'s), field codes
 * (`%f`, `%U`, …) removed and `%%` read as `%` (Desktop Entry Specification, "The Exec key").
 */
function desktopCommands(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*Exec\s*=\s*(.*?)\s*$/gm)) {
    out.push(m[1]!.replace(/%([fFuUdDnNickvm%])/g, (_s, c: string) => (c === '%' ? '%' : '')).trim());
  }
  return out.filter((c) => c !== '');
}

/** JSON with comments and trailing commas (VS Code's settings files), as JSON. */
function jsonc(text: string): unknown {
  const bare = text.replace(/("(?:[^"\\]|\\.)*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (_m, s: string | undefined) => s ?? '')
    .replace(/("(?:[^"\\]|\\.)*")|,(\s*[\]}])/g, (_m, s: string | undefined, close: string | undefined) => s ?? close!);
  return JSON.parse(bare);
}

/** One tasks.json task's command line: its own, or the Linux one (`linux: { command, args }`); an npm task runs its script. */
function vscodeTaskLine(t: Record<string, unknown>): string[] {
  const linux = (t.linux && typeof t.linux === 'object' ? t.linux : {}) as Record<string, unknown>;
  const value = (v: unknown): string | null => typeof v === 'string' ? v : v && typeof v === 'object' && typeof (v as { value?: unknown }).value === 'string' ? (v as { value: string }).value : null;
  const command = value(linux.command ?? t.command);
  const args = (Array.isArray(linux.args ?? t.args) ? (linux.args ?? t.args) as unknown[] : []).map(value).filter((a): a is string => a !== null);
  if (t.type === 'npm' && typeof t.script === 'string') return [`npm run ${t.script}`];
  return command === null ? [] : [[command, ...args].join(' ')];
}

/**
 * VS Code's tasks.json (the folder's, the user's, or a .code-workspace file's `tasks`): the tasks with `runOptions.runOn` set to
 * `folderOpen` run, with the tasks they depend on (`dependsOn`, by label), when the folder is opened.
 */
function vscodeFolderOpenTasks(text: string): string[] {
  const top = jsonc(text) as { tasks?: unknown } | null;
  // A .code-workspace file keeps its tasks.json under `tasks`.
  const doc = top?.tasks && !Array.isArray(top.tasks) && typeof top.tasks === 'object' ? top.tasks as { tasks?: unknown } : top;
  const tasks = new Map<string, Task>();
  const opened: string[] = [];
  for (const [i, raw] of (Array.isArray(doc?.tasks) ? doc.tasks as unknown[] : []).entries()) {
    if (!raw || typeof raw !== 'object') continue;
    const t = raw as Record<string, unknown>;
    const label = typeof t.label === 'string' ? t.label : typeof t.taskName === 'string' ? t.taskName : `#${i}`;
    const deps = (Array.isArray(t.dependsOn) ? t.dependsOn : [t.dependsOn]).filter((d): d is string => typeof d === 'string');
    tasks.set(label, { deps, body: vscodeTaskLine(t) });
    if ((t.runOptions as { runOn?: unknown } | undefined)?.runOn === 'folderOpen') opened.push(label);
  }
  return opened.flatMap((label) => withDeps(tasks, label));
}

const XML_ENTITIES: Readonly<Record<string, string>> = { quot: '"', apos: "'", lt: '<', gt: '>', amp: '&' };
function xmlText(s: string): string {
  return s.replace(/&(quot|apos|lt|gt|amp|#\d+|#x[0-9a-f]+);/gi, (_m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : XML_ENTITIES[e.toLowerCase()]!);
}
function xmlAttr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(tag);
  return m ? xmlText(m[1] ?? m[2]!) : undefined;
}
/** One word as shell text; an Ant property in it (`${cmd}`) stays a value the shell computes. */
function shq(s: string): string {
  if (s.includes('${')) return `"${s.replace(/["\\`]/g, '\\$&').replace(/\$\{[^}]*\}/g, '${ANT_PROPERTY}')}"`;
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * An Ant build file's commands: each <exec>/<apply> as its executable and <arg> children (`value`,
 * `file`, `path` one word each, `line` as written), <exec command=…> and <sshexec command=…> as written.
 * Script tasks (code of another language) and imported build files cannot be read here: it throws.
 */
function antCommands(text: string): string[] {
  const body = text.replace(/<!--[\s\S]*?-->/g, '');
  const other = /<(script|scriptdef|groovy|import|include|jython|beanshell)\b/i.exec(body);
  if (other) throw new Error(`its <${other[1]}> runs what the guard cannot read here`);
  const out: string[] = [];
  for (const m of body.matchAll(/<(exec|apply|sshexec)\b([^>]*?)(\/?)>/gi)) {
    const tag = m[2]!;
    const command = xmlAttr(tag, 'command');
    if (command !== undefined) { out.push(command.replace(/\$\{[^}]*\}/g, '${ANT_PROPERTY}')); continue; }
    const exe = xmlAttr(tag, 'executable');
    if (exe === undefined) continue;
    const close = body.indexOf(`</${m[1]}`, m.index!);
    const inner = m[3] === '/' ? '' : body.slice(m.index! + m[0].length, close < 0 ? undefined : close);
    const args = [...inner.matchAll(/<arg\b([^>]*)>/gi)].map((a) => {
      const line = xmlAttr(a[1]!, 'line');
      const one = xmlAttr(a[1]!, 'value') ?? xmlAttr(a[1]!, 'file') ?? xmlAttr(a[1]!, 'path');
      return line?.replace(/\$\{[^}]*\}/g, '${ANT_PROPERTY}') ?? (one === undefined ? '' : shq(one));
    });
    out.push([shq(exe), ...args].join(' ').trim());
  }
  return out;
}

/**
 * A bats file as the shell text it runs: each `@test "…" {` (and setup/teardown) block's body runs,
 * and `run CMD` runs CMD.
 */
function batsScript(text: string): string[] {
  return [text
    .replace(/^\s*@test\s.*\{\s*$/gm, '{')
    .replace(/^\s*(?:function\s+)?(?:setup|teardown|setup_file|teardown_file|setup_suite|teardown_suite)\s*(?:\(\s*\))?\s*\{\s*$/gm, '{')
    .replace(/^(\s*)run\s+(?:-\d+\s+|-N\s+|--separate-stderr\s+|--keep-empty-lines\s+|!\s+)*/gm, '$1')];
}

/** Languages whose text is command lines another program runs, with the reader of each. */
export const COMMAND_FILES: Partial<Record<CodeLanguage, (text: string) => string[]>> = {
  crontab: (text) => cronCommands(text, false),
  'system-crontab': (text) => cronCommands(text, true),
  'systemd-unit': unitCommands,
  'desktop-entry': desktopCommands,
  'vscode-tasks': vscodeFolderOpenTasks,
  'ant-build': antCommands,
  bats: batsScript,
  terraform: terraformCommands,
};
