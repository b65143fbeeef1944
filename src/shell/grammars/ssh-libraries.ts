// SSH client libraries in interpreter code (data; read by expand/ssh-calls.ts): the calls that run a
// command on the host the code connects to, and where the code names that host. Such a command is
// judged as `ssh HOST COMMAND` would be, so a look there is a look over SSH.

/** paramiko's `SSHClient.exec_command(cmd)`, node-ssh's `execCommand(cmd)`. */
export const REMOTE_EXEC_CALLS: ReadonlySet<string> = new Set(['exec_command', 'execCommand']);

/**
 * The host a connection names: paramiko's `connect("h")` / `connect(hostname="h")`, node-ssh's and
 * ssh2's `connect({ host: "h" })`. The host is the second group.
 */
export const HOST_NAMINGS: readonly RegExp[] = [
  /\.connect\(\s*(?:hostname\s*=\s*)?(["'])([^"'\n]*)\1/g,
  /\.connect\(\s*\{[^}]*?\bhost\s*:\s*(["'])([^"'\n]*)\1/g,
];
