// npm run bench -- install: what `init` installs, timed as an agent host meets it.
//   - the MCP entry init writes (sh → the installed executable → `gitops-guard mcp`): from spawn
//     to the tools/list answer, and, with gitops-guard not installed, to its failure (target: both
//     well under a second, offline; nothing here touches the network);
//   - `gitops-guard doctor` on a project with all seven hosts installed (14 real hook runs).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'dist', 'gitops-guard.cjs');
const PATH = `${dirname(process.execPath)}:/usr/bin:/bin`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const dir = mkdtempSync(join(tmpdir(), 'gitops-guard-bench-install-'));
mkdirSync(join(dir, '.git'));
writeFileSync(join(dir, '.git', 'HEAD'), 'ref: refs/heads/main\n');
mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
symlinkSync(ROOT, join(dir, 'node_modules', 'gitops-guard'));
symlinkSync(BIN, join(dir, 'node_modules', '.bin', 'gitops-guard'));
const home = mkdtempSync(join(tmpdir(), 'gitops-guard-bench-home-'));
const agents = ['claude', 'codex', 'cursor', 'gemini', 'copilot', 'windsurf', 'cline'].flatMap((a) => ['--agent', a]);
const init = spawnSync(process.execPath, [BIN, 'init', '--cwd', dir, '--yes', ...agents], { encoding: 'utf8', input: '', env: { PATH, HOME: home } });
if (init.status !== 0) throw new Error(init.stderr);
const entry = JSON.parse(readFileSync(join(dir, '.mcp.json'), 'utf8')).mcpServers['gitops-guard'];

/** Spawn the entry, send initialize and tools/list, and time the tools/list answer. */
function toolsList() {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(entry.command, entry.args, { cwd: dir, env: { PATH, HOME: home } });
    let buf = '';
    child.stdout.on('data', (d) => {
      buf += d;
      for (const line of buf.split('\n')) {
        if (line.includes('"id":2')) { const ms = performance.now() - started; child.kill(); resolve(ms); return; }
      }
    });
    child.on('error', reject);
    const send = (m) => child.stdin.write(JSON.stringify({ jsonrpc: '2.0', ...m }) + '\n');
    send({ id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '1' } } });
    send({ method: 'notifications/initialized' });
    send({ id: 2, method: 'tools/list' });
  });
}

const bare = [];
const answers = [];
for (let i = 0; i < 10; i++) {
  const t = performance.now();
  spawnSync(process.execPath, ['-e', '0']);
  bare.push(performance.now() - t);
  answers.push(await toolsList());
}
console.log("init's MCP entry (sh → installed gitops-guard mcp), median of 10:");
console.log(`  spawn → tools/list answer        ${median(answers).toFixed(1).padStart(7)} ms   (bare node -e 0: ${median(bare).toFixed(1)} ms; target < 1000 ms)`);

const doctor = [];
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  spawnSync(process.execPath, [BIN, 'doctor', '--cwd', dir, '--json', '--no-server'], { encoding: 'utf8', env: { PATH, HOME: home } });
  doctor.push(performance.now() - t);
}
console.log(`  gitops-guard doctor, 7 hosts     ${median(doctor).toFixed(1).padStart(7)} ms   (median of 5, no server)`);

rmSync(join(dir, 'node_modules'), { recursive: true });
const missing = [];
for (let i = 0; i < 10; i++) {
  const t = performance.now();
  const r = spawnSync(entry.command, entry.args, { cwd: dir, env: { PATH, HOME: home }, input: '' });
  missing.push(performance.now() - t);
  if (r.status !== 127) throw new Error(`expected exit 127 without gitops-guard, got ${r.status}`);
}
console.log(`  not installed → exit 127         ${median(missing).toFixed(1).padStart(7)} ms`);
rmSync(dir, { recursive: true, force: true });
rmSync(home, { recursive: true, force: true });
