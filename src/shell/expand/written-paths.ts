// The files a command writes, removes or changes, as absolute paths: output redirections, and the
// operands the program's write spec names (grammars/writes.ts), plus git's own config and index.
import { isAbsolute, join, resolve } from 'node:path';
import { getopt, optionIs } from '../getopt.js';
import { GIT_COMMAND_KEYS } from '../grammars/git.js';
import { WRITES } from '../grammars/writes.js';

/** git config keys that change what a push does or where configuration comes from. */
const GUARDING_KEYS = /^(?:remote\..+\.(?:push|mirror|pushurl|url|receivepack)|url\..+|push\..+|include(?:if)?\..+|core\.(?:hookspath|sshcommand|fsmonitor|worktree|bare)|protocol\..+)$/;
import { homeDir, type Redirect } from '../invocations.js';
import type { ProgramFacts } from '../invocation.js';
import { argOf, type Word } from '../words.js';

/** A path as written, made absolute from `cwd` (`~/` is the home directory); null when that is unknown. */
export function abs(value: string, cwd: string | null): string | null {
  if (value.startsWith('~/') || value === '~') { const h = homeDir(); return h === null ? null : join(h, value.slice(2)); }
  if (isAbsolute(value)) return resolve(value);
  return cwd === null ? null : resolve(cwd, value);
}

/** Absolute paths written by this command; `null` in the list stands for a path computed at run time. */
export function writtenPaths(program: string, words: readonly Word[], redirects: readonly Redirect[], cwd: string | null,
  facts: ProgramFacts | undefined): (string | null)[] {
  const out: (string | null)[] = [];
  for (const r of redirects) {
    if (!r.op.includes('>') || r.op === '>&' && /^\d+$|^-$/.test(r.target?.value ?? '')) continue;
    const v = r.target?.value;
    if (v === null || v === undefined) { out.push(null); continue; }
    if (v.startsWith('/dev/')) continue;
    out.push(abs(v, cwd));
  }
  if (facts?.kind === 'git') {
    const sub = facts.git.sub;
    const args = facts.git.args;
    // `git config KEY VALUE` (not --global/--system/--file/--get…) writes the repository's config.
    if (sub === 'config') {
      const scan = getopt(args, { long: ['global', 'system', 'local', 'worktree', 'file=|f', 'blob=', 'get', 'get-all', 'get-regexp', 'get-urlmatch', 'list|l', 'show-origin', 'show-scope', 'name-only', 'null|z', 'type=', 'default=', 'includes', 'no-includes', 'add', 'replace-all', 'unset', 'unset-all', 'rename-section', 'remove-section', 'edit|e'], short: 'lzef:', permute: true });
      const reads = scan.options.some((o) => optionIs(o, ['--get', '--get-all', '--get-regexp', '--get-urlmatch', '--list', '--show-origin']));
      const ops = scan.operands.map((o) => o.value);
      const writes = scan.options.some((o) => optionIs(o, ['--unset', '--unset-all', '--rename-section', '--remove-section', '--edit', '--add', '--replace-all']))
        || (ops[0] === 'set' || ops[0] === 'unset') || (!reads && ops.length >= 2 && ops[0] !== 'get' && ops[0] !== 'list');
      const file = scan.options.find((o) => optionIs(o, ['--file']))?.value;
      const global = scan.options.some((o) => optionIs(o, ['--global', '--system']));
      // Only keys that run programs, move hooks, or change what a push does guard the config.
      const key = (ops[0] === 'set' || ops[0] === 'unset' ? ops[1] : ops[0]) ?? null;
      const matters = key === null || scan.options.some((o) => optionIs(o, ['--edit', '--rename-section', '--remove-section']))
        || GIT_COMMAND_KEYS.some((k) => k.test(key.toLowerCase())) || GUARDING_KEYS.test(key.toLowerCase());
      if (writes && matters) out.push(file !== undefined ? (file === null ? null : abs(file, cwd)) : global ? abs('~/.gitconfig', cwd) : gitDir(cwd, 'config'));
    }
    // `git update-index --assume-unchanged|--skip-worktree|--chmod FILE` changes how git sees FILE.
    if (sub === 'update-index') {
      const scan = getopt(args, { long: ['chmod=', 'cacheinfo=', 'index-info', 'add', 'remove', 'force-remove', 'refresh', 'really-refresh', 'assume-unchanged', 'no-assume-unchanged', 'skip-worktree', 'no-skip-worktree', 'info-only', 'stdin', 'verbose', 'z'], short: 'qz', permute: true });
      for (const o of scan.operands) out.push(o.value === null ? null : abs(o.value, cwd));
    }
  }
  const spec = WRITES[program];
  if (!spec) return out;
  const scan = getopt(words.slice(1).map(argOf), spec.options ?? {});
  if (spec.when && !scan.options.some((o) => optionIs(o, spec.when!))) return out;
  let ops = scan.operands;
  // `chmod -x FILE`: a mode that looks like an option is still the mode; every operand is a file.
  if (program === 'chmod' && words.slice(1).some((w) => /^-[ugoa]*[rwxXst]+$/.test(w.value ?? ''))) ops = [{ value: '', index: -1 }, ...ops];
  if (spec.scriptUnless && !scan.options.some((o) => optionIs(o, spec.scriptUnless!))) ops = ops.slice(1);
  const chosen = spec.operands === 'all' ? ops : spec.operands === 'from1' ? ops.slice(1)
    : spec.operands === 'last' ? (scan.options.some((o) => optionIs(o, spec.pathOptions ?? [])) ? [] : ops.slice(-1)) : [];
  for (const o of chosen) out.push(o.value === null ? null : abs(o.value, cwd));
  for (const o of scan.options) if (spec.pathOptions && optionIs(o, spec.pathOptions) && o.value !== undefined) out.push(o.value === null ? null : abs(o.value, cwd));
  if (spec.into) {
    const dirs = scan.options.filter((o) => optionIs(o, spec.into!));
    if (dirs.length === 0) out.push(cwd);
    for (const o of dirs) out.push(typeof o.value === 'string' ? abs(o.value, cwd) : null);
  }
  if (spec.keyValue) {
    for (const o of scan.operands) {
      const m = o.value === null ? null : new RegExp(`^${spec.keyValue}=(.*)$`).exec(o.value);
      if (m) out.push(abs(m[1]!, cwd));
    }
  }
  return out;
}

/** A file in the repository's .git (from cwd; the policy resolves symlinks). */
function gitDir(cwd: string | null, name: string): string | null {
  return cwd === null ? null : join(cwd, '.git', name);
}

/** Does this redirection write a file (not `2>&1`, not `>&-`)? */
export function writesFile(r: Redirect): boolean {
  if (!r.op.includes('>')) return false;
  if (r.op.endsWith('&')) return r.target !== null && r.target.value !== null && !/^\d+-?$|^-$/.test(r.target.value);
  return true;
}
