// Where a PowerShell command of grammars/powershell.ts runs its code: here, or on the machines its
// `remote` parameters name (`Invoke-Command -HostName H { … }`, `Enter-PSSession H`), each read as
// the ssh command line that reaches it, so ssh's own judgement applies there (an interactive
// session, a command that is not read-only); or somewhere the text cannot show (a session held in a
// variable, a container, a VM).
import type { PsCommand } from '../grammars/powershell.js';
import { quoteForScan } from './code-literals.js';
import type { Token } from './powershell-words.js';

export type Place =
  | { readonly kind: 'here' }
  /** The ssh command lines (without a remote command) that reach each host. */
  | { readonly kind: 'ssh'; readonly lines: readonly string[] }
  | { readonly kind: 'unknown'; readonly why: string };

const plain = (v: readonly Token[] | undefined): v is Token[] => v !== undefined && v.every((t) => t.literal && !t.block);

/** The place the command's bound parameters name. */
export function placeOf(cmd: PsCommand, bound: ReadonlyMap<string, Token[]>): Place {
  const elsewhere = cmd.elsewhere?.find((p) => bound.has(p));
  if (elsewhere !== undefined) return { kind: 'unknown', why: `runs in the place \`-${elsewhere}\` names, which the text does not show` };
  const given = (cmd.remote ?? []).filter((p) => bound.has(p));
  if (given.length === 0) return { kind: 'here' };
  const options: string[] = [];
  for (const [param, flag] of Object.entries(cmd.sshOptions ?? {})) {
    const v = bound.get(param);
    if (v === undefined) continue;
    if (!plain(v) || v.length !== 1) return { kind: 'unknown', why: `is given its -${param} at run time` };
    options.push(flag, quoteForScan(v[0]!.value));
  }
  const lines: string[] = [];
  for (const param of given) {
    const hosts = bound.get(param)!;
    if (!plain(hosts)) return { kind: 'unknown', why: `runs on a machine its -${param} computes at run time` };
    for (const h of hosts) {
      // `[user@]host[:port]`, as PowerShell's -HostName takes it.
      const m = /^(.*?)(?::(\d+))?$/.exec(h.value)!;
      lines.push(['ssh', ...options, ...(m[2] !== undefined ? ['-p', m[2]] : []), quoteForScan(m[1]!)].join(' '));
    }
  }
  return { kind: 'ssh', lines };
}

/** The ssh command line that runs this PowerShell code on the host `line` reaches. */
export function remoteCode(line: string, code: string): string {
  return `${line} ${quoteForScan(`pwsh -NoProfile -Command ${quoteForScan(code.trim())}`)}`;
}
