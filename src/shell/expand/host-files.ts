// Files judged by what is written into them (src/content-judged.ts), written from the shell. A
// Claude Code skill, slash command or subagent runs its !`cmd` lines when it loads (before its text
// reaches the model) and may carry a `hooks:` frontmatter of its own (a PreToolUse hook there can
// answer allow for the host); husky's hooks and startup files run later by themselves. What such a
// file says is judged when it is written: each !`cmd` as a command, a hooks frontmatter as a hook
// file (rules/05-guard-self.yaml host-hook-file), a script as the shell it is, content that cannot
// be known as unreadable.
import { judgedKind, unknownContentAsks, type JudgedKind } from '../../content-judged.js';
import type { Scope } from './driver.js';
import { scanCode } from './interpreters.js';
import { sshConfigCommands } from './ssh-local.js';
import { cliAliasCommands } from './cli-aliases.js';
import { awsConfigCommands } from './credential-commands.js';
import { hgrcCommands, jjConfigCommands } from './vcs-config.js';

/** The YAML frontmatter of a markdown file, when it has one. */
const frontmatter = (text: string): string | null => /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(text)?.[1] ?? null;

/** Judge what was written to `path` when it is a file judged by its content (also where a symbolic link on the way leads: `cfg/commands/x.md`, cfg being .claude). */
export function hostFileWritten(scope: Scope, written: string, text: string | null): void {
  let path = written;
  let kind = judgedKind(path);
  if (kind === null && scope.local) {
    path = scope.files.real?.(written) ?? written;
    kind = path === written ? null : judgedKind(path);
  }
  if (kind === null) return;
  if (text === null) {
    if (!unknownContentAsks(path)) return;
    const what = kind === 'host-markdown' ? 'a file Claude Code loads and may run commands from' : 'which runs later by itself';
    scope.raise('unreadable-script', `writes ${path}, ${what}, with content that cannot be known`);
    return;
  }
  if (kind !== 'host-markdown') { judgeStartup(scope, kind, text, `written to ${path} (runs later)`); return; }
  const front = frontmatter(text);
  if (front !== null && /^hooks\s*:/m.test(front)) {
    scope.raise('host-hook', `writes ${path} with a hooks: frontmatter, hooks the agent host runs itself`);
  }
  hostCommandLines(scope, path, text);
}

/** Judge each !`cmd` line of text that is (or goes into) the host-run markdown `path`. */
export function hostCommandLines(scope: Scope, path: string, text: string): void {
  for (const m of text.matchAll(/!`([^`\n]+)`/g)) scope.nested(m[1]!, `a !\`command\` line of ${path} (runs when it loads)`, { spliceable: false });
}

/** Text that is (or goes into) a file that runs later by itself, judged as its language: shell, or code. */
export function judgeStartup(scope: Scope, kind: Exclude<JudgedKind, 'host-markdown'>, text: string, label: string): void {
  if (kind === 'program') { judgeStartup(scope, programKind(text), text, label); return; }
  if (kind === 'script') { scope.nested(text, label, { spliceable: false }); return; }
  if (kind === 'ssh-config') { sshConfigCommands(scope, text, label); return; }
  if (kind === 'hgrc') { hgrcCommands(scope, text, label); return; }
  if (kind === 'jj-config') { jjConfigCommands(scope, text, label); return; }
  if (kind === 'aws-config') { awsConfigCommands(scope, text, label); return; }
  if (kind === 'gh-aliases' || kind === 'glab-aliases') { cliAliasCommands(scope, kind === 'gh-aliases' ? 'gh' : 'glab', text, label); return; }
  if (kind === 'compiled') { scope.raise('unreadable-script', `${label}: compiled code that runs later by itself cannot be read`); return; }
  // site runs each line of a .pth file that starts with `import` (and a space or tab) as Python.
  const code = kind === 'pth' ? text.split('\n').filter((l) => /^import[ \t]/.test(l)).join('\n') : text;
  // Read as code on a command line is (every literal that may be a command, the modules it loads,
  // the files it writes): it runs at every start of its program, with whatever is here then.
  if (code.trim() !== '') scanCode(scope, kind === 'pth' ? 'python' : kind, code, label, true);
}

/** What runs a program file, by its `#!` line: a shell (also without one: the shell runs a file exec cannot), or an interpreter. */
function programKind(text: string): Exclude<JudgedKind, 'host-markdown' | 'program'> {
  const line = /^#!\s*(\S+)(?:\s+(?:-\S+\s+)*(\S+))?/.exec(text);
  if (!line) return 'script';
  const name = (line[1]!.endsWith('/env') ? line[2] ?? '' : line[1]!).split('/').pop()!;
  if (/^(?:ba|da|z|k|a|mk|yash|fi)?sh$/.test(name)) return 'script';
  if (/^python[\d.]*$/.test(name)) return 'python';
  if (/^(?:node|nodejs|deno|bun)$/.test(name)) return 'code';
  if (/^perl[\d.]*$/.test(name)) return 'perl';
  if (/^ruby[\d.]*$/.test(name)) return 'ruby';
  if (/^R(?:script)?$/.test(name)) return 'r';
  if (/^(?:pwsh|powershell)$/.test(name)) return 'powershell';
  return 'code';
}
