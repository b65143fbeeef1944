// MCP startup: from spawning `gitops-guard mcp` to the answer to tools/list (initialize, initialized
// and tools/list sent at once, as agent hosts do), beside bare `node -e 0`; and the first tools/call
// after it, which waits for the SDK server to load. Run by `npm run bench` (section "mcp").
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).bin['gitops-guard']);
const RUNS = 20;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmtMs = (ms) => `${ms.toFixed(1)} ms`;
const send = (p, m) => p.stdin.write(JSON.stringify({ jsonrpc: '2.0', ...m }) + '\n');

/** ms from spawn to the answers with the given ids. */
function session(cwd, env) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const p = spawn(process.execPath, [BIN, 'mcp'], { cwd, env, stdio: ['pipe', 'pipe', 'ignore'] });
    const at = {};
    let buf = '';
    p.on('error', reject);
    p.stdout.on('data', (d) => {
      buf += d;
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const m = JSON.parse(buf.slice(0, nl));
        buf = buf.slice(nl + 1);
        at[m.id] = Number(process.hrtime.bigint() - t0) / 1e6;
        if (m.id === 2) send(p, { id: 3, method: 'tools/call', params: { name: 'check_command', arguments: { command: 'ls' } } });
        if (m.id === 3) { p.stdin.end(); resolve(at); }
      }
    });
    send(p, { id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '1' } } });
    send(p, { method: 'notifications/initialized' });
    send(p, { id: 2, method: 'tools/list' });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'gg-bench-mcp-'));
spawnSync('git', ['init', '-q', dir]);
writeFileSync(join(dir, 'gitops-guard.json'), JSON.stringify({ host: 'example.invalid', composeFiles: ['compose.yaml'] }));
const env = { ...process.env, XDG_CACHE_HOME: join(dir, '.cache') };
const list = [];
const call = [];
const bare = [];
await session(dir, env);
for (let i = 0; i < RUNS; i++) {
  const t = process.hrtime.bigint();
  spawnSync(process.execPath, ['-e', '0']);
  bare.push(Number(process.hrtime.bigint() - t) / 1e6);
  const at = await session(dir, env);
  list.push(at[2]);
  call.push(at[3]);
}
console.log(`mcp startup, median of ${RUNS} interleaved runs:`);
console.log(`  spawn → tools/list answered                          ${fmtMs(median(list)).padStart(9)} (target ≤ 120 ms)`);
console.log(`  spawn → first tools/call answered (SDK loaded)       ${fmtMs(median(call)).padStart(9)}`);
console.log(`  bare node -e 0                                       ${fmtMs(median(bare)).padStart(9)}`);
