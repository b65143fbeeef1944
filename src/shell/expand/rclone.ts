// rclone (programs/rclone.ts): the commands its options run, here (`--password-command`, the sftp
// backend's `ssh`) or on the server (`server_command`, `md5sum_command`), are judged where they run;
// the remotes a command defines (`rclone config create NAME sftp host H`) are known to the next ones.
import type { ProgramFacts } from '../invocation.js';
import { parseRclone } from '../programs/rclone.js';
import type { Arg } from '../getopt.js';
import type { Scope } from './driver.js';
import { SFTP_SERVER } from '../grammars/managed.js';

/** The remotes each text has defined so far, by the expansion that reads it. */
const defined = new WeakMap<object, Map<string, Map<string, string>>>();

export function rcloneFacts(scope: Scope, values: readonly Arg[]): ProgramFacts {
  let remotes = defined.get(scope.run0);
  if (remotes === undefined) { remotes = new Map(); defined.set(scope.run0, remotes); }
  const r = parseRclone(values, scope.env, remotes);
  if (r.defines) remotes.set(r.defines.name, new Map([...(remotes.get(r.defines.name) ?? []), ...r.defines.keys]));
  for (const run of r.runs) {
    const server = run.where === 'server';
    if (run.command === null) {
      if (server) scope.target = { kind: 'remote', host: run.host };
      scope.raise(server ? 'dynamic-remote-command' : 'dynamic-command', `\`${run.label}\` runs a command computed at run time`);
    } else if (run.sftpServer && SFTP_SERVER.test(run.command)) {
      continue; // the sftp server the transfer itself talks to: what it writes is judged as the transfer
    } else if (server) {
      scope.nested(run.command, `${run.label} on ${run.host}`, { target: { kind: 'remote', host: run.host }, env: new Map(), spliceable: false });
    } else {
      scope.nested(run.command, run.label, { spliceable: false });
    }
  }
  return { kind: 'transfer', transfer: r.transfer };
}
