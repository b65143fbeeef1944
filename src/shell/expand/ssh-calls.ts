// A command an SSH client library runs on the host the code connects to (grammars/ssh-libraries.ts),
// read as the `ssh HOST COMMAND` it amounts to: the host the code names when it names exactly one,
// otherwise a host computed at run time.
import { HOST_NAMINGS, REMOTE_EXEC_CALLS } from '../grammars/ssh-libraries.js';
import { quoteForScan } from './code-literals.js';

/** A host name as ssh takes one (no option, no spaces, no shell syntax). */
const HOST = /^(?:[\w.-]+@)?(?:[A-Za-z0-9][\w.-]*|\[[0-9A-Fa-f:.]+\])$/;

function connectedHost(code: string): string | null {
  const hosts = new Set<string>();
  for (const re of HOST_NAMINGS) for (const m of code.matchAll(re)) hosts.add(m[2]!);
  const [only] = hosts;
  return hosts.size === 1 && HOST.test(only!) ? only! : null;
}

/** The command line a process-starting call's `piece` amounts to: over ssh for a library's remote exec. */
export function remotePiece(code: string, call: string, piece: string): string {
  if (!REMOTE_EXEC_CALLS.has(call)) return piece;
  const host = connectedHost(code);
  return `ssh ${host === null ? '"$HOST"' : quoteForScan(host)} ${quoteForScan(piece)}`;
}
