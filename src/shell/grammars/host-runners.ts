// Runners that reach the host or a cluster from inside a sandbox, a container or a distribution's
// bundle (see runners.ts): data only. distrobox-host-exec(1) and flatpak-spawn(1) run their operands on the
// host; `microk8s kubectl|helm|ctr …` is microk8s.kubectl and the rest spelled with a space; k3s's
// multicall binary runs its bundled `kubectl`, `crictl` and `ctr` (containerd's) as those programs.
import type { Runner } from './types.js';

export const HOST_RUNNERS: readonly Runner[] = [
  { names: ['distrobox-host-exec'], options: { short: 'hVv', long: ['help|h', 'version|V', 'verbose|v'] }, runs: [{ argv: 0 }] },
  {
    names: ['flatpak-spawn'],
    options: { long: ['host', 'sandbox', 'watch-bus', 'expose-pids', 'share-pids', 'latest-version', 'no-network', 'clear-env', 'env=', 'unset-env=', 'directory=', 'forward-fd=', 'app-path=', 'usr-path=', 'sandbox-expose=', 'sandbox-expose-ro=', 'sandbox-flag='] },
    runs: [{ argv: 0 }],
  },
  // snap(8) `run NAME.APP`: the app of a snap (Ubuntu's docker snap has docker and docker.compose), run as `NAME APP`.
  {
    names: ['snap'],
    subcommands: { run: { options: { long: ['shell', 'strace=?', 'gdb', 'gdbserver', 'experimental-gdbserver=?', 'timer=?', 'trace-exec', 'debug-log', 'command=', 'hook=', 'revision=|r'] }, runs: [{ when: ['--hook'], nothing: true }, { argv: 0, snapApp: true }] } },
    runs: [{ nothing: true }],
  },
  // k3s: the bundled clients are the programs; `--version`, `--help`, `check-config`, `completion` print; its
  // other commands (server, agent, etcd-snapshot, secrets-encrypt, token, certificate) run or change a cluster: unknown.
  {
    names: ['k3s'],
    options: { short: 'hv', long: ['help|h', 'version|v', 'debug', 'data-dir=|d'] },
    runs: [{ whenOperand: { index: 0, is: ['kubectl', 'crictl', 'ctr'] }, argv: 0 }, { when: ['--help', '--version'], nothing: true },
      { whenOperand: { index: 0, is: ['check-config', 'completion', 'help'] }, nothing: true }],
  },
  { names: ['microk8s'], runs: [{ whenOperand: { index: 0, is: ['kubectl', 'helm', 'helm3', 'ctr'] }, argv: 0 }, { nothing: true }] },
];
