// `check --prompt`: a command typed at a guarded prompt that starts an interactive shell without the
// guard (`bash --norc`, `zsh -f`, `fish --no-config`, `env -i bash`, `sh`, `exec dash`) would leave the
// person's terminal unguarded for everything typed after it. The classifier allows such a command
// (nothing managed runs); at a prompt a person decides (ask). Agent hooks never get here: an agent's
// shell without a command reads no terminal.
import { basename } from 'node:path';
import { GUARDED_SHELLS, SHELL_WRAPPERS, STARTUP_VARIABLES, UNGUARDED_SHELLS } from '../shell/grammars/guardless-shells.js';

/** Why this text starts an interactive shell without the prompt guard; null when it does not. */
export function guardlessShell(text: string): string | null {
  // Simple commands, split at list and pipe operators; one that reads a pipe or a redirection is not interactive.
  const parts = text.split(/(\|\||&&|;|&|\n|\|)/);
  for (let i = 0; i < parts.length; i += 2) {
    if (parts[i - 1] === '|' || /</.test(parts[i]!)) continue;
    const why = startsGuardless(parts[i]!.trim().split(/\s+/).filter(Boolean));
    if (why !== null) return why;
  }
  return null;
}

function startsGuardless(words: string[]): string | null {
  let i = 0;
  let moved = false;
  for (let k = 0; k < 16 && i < words.length; k++) {
    const w = words[i]!;
    const assign = /^([A-Za-z_]\w*)=/.exec(w);
    if (assign) { moved ||= STARTUP_VARIABLES.has(assign[1]!); i++; continue; }
    const valued = SHELL_WRAPPERS[w];
    if (valued === undefined) break;
    i++;
    while (i < words.length && words[i]!.startsWith('-')) {
      const o = words[i]!;
      if (w === 'env' && (o === '-' || /^-[a-z]*i/.test(o) || o === '--ignore-environment' || o === '-u' && STARTUP_VARIABLES.has(words[i + 1] ?? ''))) moved = true;
      i += valued.includes(o) ? 2 : 1;
    }
  }
  const name = basename(words[i] ?? '');
  if (name === '') return null;
  const args = words.slice(i + 1);
  if (UNGUARDED_SHELLS.has(name)) return interactive(args, 'c', []) ? `\`${name}\` starts an interactive shell that gitops-guard's shell guard is not loaded in` : null;
  const shell = GUARDED_SHELLS[name];
  if (!shell) return null;
  const skips = skipsStartup(args, shell.skips, shell.skipLetters, shell.valued);
  if (!interactive(args, shell.commandLetters, shell.valued)) return null;
  if (skips || moved) return `\`${name}\` starts an interactive shell without the startup file that loads gitops-guard's shell guard`;
  return null;
}

/** No command string and no script: the shell reads the terminal. */
function interactive(args: readonly string[], commandLetters: string, valued: readonly string[]): boolean {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--' || !/^[-+]/.test(a)) return false;
    if (a === '--command' || a.startsWith('--command=')) return false;
    if (/^[-+][A-Za-z]+$/.test(a) && [...commandLetters].some((c) => a.includes(c))) return false;
    if (valued.includes(a)) i++;
  }
  return true;
}

function skipsStartup(args: readonly string[], skips: readonly string[], letters: string, valued: readonly string[]): boolean {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (skips.includes(a.replace(/=.*$/, ''))) return true;
    if (/^-[A-Za-z]+$/.test(a) && [...letters].some((c) => a.includes(c))) return true;
    // zsh -o no_rcs / bash -o posix
    if ((a === '-o' || a === '+o') && /^(?:no_?rcs|posix)$/i.test(args[i + 1] ?? '')) return true;
    if (valued.includes(a)) i++;
  }
  return false;
}
