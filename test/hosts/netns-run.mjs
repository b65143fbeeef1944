// Runs one agent host inside its network namespace (the caller starts this under `unshare -n`):
// brings loopback up, listens on 127.0.0.1 ports that forward to unix sockets outside (the
// scripted model, the test sshd), then runs the host with the same stdio and exits as it did.
// A unix socket on the filesystem is reachable from any network namespace; nothing else is.
//
// Usage: node netns-run.mjs [--lo] --forward PORT=SOCKET ... -- COMMAND ARGS...
import { execFileSync, spawn } from 'node:child_process';
import { connect, createServer } from 'node:net';

const argv = process.argv.slice(2);
const split = argv.indexOf('--');
if (split < 0) {
  process.stderr.write('netns-run: missing -- COMMAND\n');
  process.exit(64);
}
const own = argv.slice(0, split);
const command = argv.slice(split + 1);
const forwards = [];
let lo = false;
for (let i = 0; i < own.length; i++) {
  if (own[i] === '--lo') lo = true;
  else if (own[i] === '--forward') {
    const [port, socket] = own[++i].split('=');
    forwards.push({ port: Number(port), socket });
  }
}
if (lo) execFileSync('ip', ['link', 'set', 'lo', 'up']);

const servers = await Promise.all(forwards.map(({ port, socket }) => new Promise((resolve, reject) => {
  const server = createServer((client) => {
    const upstream = connect(socket);
    client.pipe(upstream).pipe(client);
    const end = () => { client.destroy(); upstream.destroy(); };
    client.on('error', end);
    upstream.on('error', end);
    client.on('close', end);
    upstream.on('close', end);
  });
  server.once('error', reject);
  server.listen(port, '127.0.0.1', () => resolve(server));
})));

const child = spawn(command[0], command.slice(1), { stdio: 'inherit' });
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => child.kill(signal));
child.on('error', (e) => {
  process.stderr.write(`netns-run: cannot start ${command[0]}: ${e.message}\n`);
  process.exit(127);
});
child.on('exit', (code, signal) => {
  for (const s of servers) s.close();
  process.exit(code ?? (signal ? 128 + 1 : 1));
});
