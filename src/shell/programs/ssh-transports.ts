// The transfer facts of the programs with their own ssh transport (grammars/ssh-transports.ts):
// which hosts their remote names, and whether the subcommand writes there (anything not known to
// only read it does). A remote named at run time is some server.
import { getopt, optionIs, type Arg } from '../getopt.js';
import { SSH_TRANSPORTS } from '../grammars/ssh-transports.js';
import type { Transfer } from './transfer.js';

export function parseSshTransport(program: string, args: readonly Arg[], env: ReadonlyMap<string, string | null>): Transfer | null {
  const spec = SSH_TRANSPORTS[program];
  if (spec === undefined) return null;
  const scan = getopt(args, spec.options);
  const words: Arg[] = [];
  for (const o of scan.options) if (spec.remoteOptions && optionIs(o, spec.remoteOptions) && o.value !== undefined) words.push(o.value);
  const ops = scan.operands.map((o) => o.value);
  const sub = spec.always ? undefined : ops[0];
  if (spec.operands === 'all') words.push(...ops.slice(spec.always ? 0 : 1));
  if (spec.operands === 'last' && ops.length > 1) words.push(ops[ops.length - 1]!);
  if (words.length === 0 && spec.env) { const v = env.get(spec.env); if (v !== undefined) words.push(v); }
  const hosts = words.map((w) => (w === null ? '?' : spec.hostOf(w))).filter((h): h is string => h !== null);
  const writes = sub !== undefined && sub !== null && spec.reads?.includes(sub) ? false : hosts.length > 0;
  const remote = [...new Set(hosts)].map((host) => ({ host, path: '' }));
  return { writes: writes ? remote : [], reads: writes ? [] : remote, mutatesSource: false, interactive: false, dynamic: sub === null, scan };
}
