// Cold `gitops-guard status --json` beside the same call in a warm process, against the real sshd of
// the tests (test/support/sshd.ts) and real git repositories. The difference is what a new process
// costs: Node's start, loading the modules, reading the config. Run by `npm run bench` (section
// "status") in a process of its own, so that the in-process figure is not taken in a large heap.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSshd } from '../test/support/sshd.ts';
import { makeRepos, COMPOSE, gatewayCompose } from '../test/support/repos.ts';
import { loadConfig } from '../dist/config-file.js';
import { Server } from '../dist/remote/server.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).bin['gitops-guard']);
const RUNS = 20;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmtMs = (ms) => `${ms.toFixed(1)} ms`;

const sshd = await startSshd();
try {
  const work = mkdtempSync(join(tmpdir(), 'gg-bench-status-'));
  const kh = join(work, 'known_hosts');
  writeFileSync(kh, sshd.knownHostsLine + '\n');
  const settings = { host: '127.0.0.1', port: sshd.port, user: 'root', remotePath: join(work, 'srv', 'app'), composeFiles: [COMPOSE],
    sshConfig: null, knownHosts: [kh], identityFile: sshd.clientKey };
  const { dev } = makeRepos(work, { checkout: 'srv/app', message: 'deploy: gateway', files: { [COMPOSE]: gatewayCompose(18789), 'gitops-guard.json': JSON.stringify(settings) } });
  writeFileSync(join(sshd.docker, 'containers.ndjson'), JSON.stringify({ ID: 'a'.repeat(64), Names: 'app-gateway-1', Image: 'ghcr.io/example/gateway:1.4.2', State: 'running', Status: 'Up', Labels: 'com.docker.compose.service=gateway' }) + '\n');
  const env = { ...process.env, HOME: work, XDG_CACHE_HOME: join(work, '.cache'), SSH_AUTH_SOCK: '' };
  const config = await loadConfig({ cwd: dev });
  const cold = [];
  const warm = [];
  const bare = [];
  const once = (args) => {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: dev, env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
  const inProcess = async () => {
    const t = process.hrtime.bigint();
    const server = new Server(config, { ssh: { agent: '' } });
    await server.status();
    server.close();
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
  once([BIN, 'status', '--json']);
  await inProcess();
  for (let i = 0; i < RUNS; i++) {
    bare.push(once(['-e', '0']));
    cold.push(once([BIN, 'status', '--json']));
    warm.push(await inProcess());
  }
  const delta = median(cold) - median(warm);
  console.log(`status against a local sshd (new connection each time), median of ${RUNS} interleaved runs:`);
  console.log(`  in-process: new Server(config).status()              ${fmtMs(median(warm)).padStart(9)}`);
  console.log(`  cold: gitops-guard status --json                     ${fmtMs(median(cold)).padStart(9)}`);
  console.log(`  cold minus in-process                                ${fmtMs(delta).padStart(9)} (target ≤ 150 ms)`);
  console.log(`  bare node -e 0                                       ${fmtMs(median(bare)).padStart(9)}`);
} finally {
  await sshd.stop();
}
