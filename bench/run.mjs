// npm run bench: speed figures, all measured in one run on this machine.
//   1. classify latency in-process, p50/p99 over bench/corpus.txt (one command a line, \n escapes)
//   2. cold-process wall time of `gitops-guard check` (benign and docker) beside bare `node -e 0`
// Further sections are added by the modules they measure (hooks, ssh, deploy, mcp, status).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGuard } from '../dist/index.js';
import { coldRuns, COLD_RUNS } from './cold.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The executable the package installs (package.json "bin"), as agent hosts run it. */
const BIN = join(ROOT, JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).bin['gitops-guard']);
const SEED = { host: 'ainetic.tech', remotePath: '/root/projects/CodeFoundry', composeFiles: ['server/docker-compose.yml'] };

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const median = (xs) => quantile([...xs].sort((a, b) => a - b), 0.5);
const fmtUs = (ns) => `${(Number(ns) / 1000).toFixed(1)} µs`;
const fmtMs = (ms) => `${ms.toFixed(1)} ms`;

export function corpus() {
  return readFileSync(join(ROOT, 'bench', 'corpus.txt'), 'utf8').split('\n').filter(Boolean)
    .map((line) => line.replace(/\\n/g, '\n'));
}

function latencies(guard, commands, rounds) {
  const samples = [];
  for (let r = 0; r < rounds; r++) {
    for (const c of commands) {
      const t = process.hrtime.bigint();
      guard.classify(c);
      samples.push(Number(process.hrtime.bigint() - t));
    }
  }
  return samples.sort((a, b) => a - b);
}

async function inProcess() {
  const commands = corpus();
  const guard = await createGuard({ config: SEED, cwd: mkdtempSync(join(tmpdir(), 'gg-bench-')) });
  // V8 compiles hot code (and tree-sitter's wasm) on background threads during the first thousands
  // of calls; on 2 cores that preempts the main thread. Report that phase, then the steady state.
  const warming = latencies(guard, commands, 3);
  latencies(guard, commands, 40);
  const rounds = 30;
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const samples = latencies(guard, commands, rounds);
  global.gc?.();
  const p50 = quantile(samples, 0.5);
  const p99 = quantile(samples, 0.99);
  console.log(`classify in-process: ${commands.length} commands, steady state (after ${43 * commands.length} calls), ${rounds} rounds`);
  console.log(`  p50 ${fmtUs(p50)} (target ≤ 50 µs)   p99 ${fmtUs(p99)} (target ≤ 500 µs)   max ${fmtUs(samples[samples.length - 1])}`);
  console.log(`  first ${3 * commands.length} calls of a fresh process: p50 ${fmtUs(quantile(warming, 0.5))}   p99 ${fmtUs(quantile(warming, 0.99))}`);
  const grew = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  const retained = global.gc ? `${grew >= 0 ? '+' : ''}${grew.toFixed(2)} MiB` : 'not measured (run with --expose-gc)';
  console.log(`  JS heap retained across ${rounds * commands.length} calls (after GC): ${retained}`);
  return { p50, p99 };
}

function coldCheck() {
  const dir = mkdtempSync(join(tmpdir(), 'gg-bench-cold-'));
  writeFileSync(join(dir, 'gitops-guard.json'), JSON.stringify(SEED));
  const env = { ...process.env, XDG_CACHE_HOME: join(dir, '.cache') };
  const results = coldRuns([
    { name: 'node -e 0', args: ['-e', '0'], expectCode: 0 },
    { name: 'check "ls -la" (benign)', args: [BIN, 'check', 'ls -la'], expectCode: 0 },
    { name: 'check "docker compose restart gateway"', args: [BIN, 'check', 'docker compose restart gateway'], expectCode: 2 },
    { name: `check 'ssh ainetic.tech "docker compose up -d"'`, args: [BIN, 'check', 'ssh ainetic.tech "docker compose up -d"'], expectCode: 2 },
    { name: `check 'cd server && docker compose up -d'`, args: [BIN, 'check', 'cd server && docker compose up -d'], expectCode: 2 },
    // A redirection and a pipe need the real parser: this one loads tree-sitter.
    { name: `check 'docker compose up -d 2>&1 | tail -5' (parser)`, args: [BIN, 'check', 'docker compose up -d 2>&1 | tail -5'], expectCode: 2 },
  ], COLD_RUNS, { cwd: dir, env });
  return printCold(`cold process, median of ${COLD_RUNS} interleaved runs:`, results);
}

/** Cold-process medians beside bare node, as ratios with their targets. */
function printCold(title, results) {
  const base = results[0].ms;
  console.log(title);
  for (const r of results) {
    const ratio = r.ms / base;
    const target = r.name.includes('benign') ? ' (target ≤ 1.3×)' : r.name.includes('docker') ? ' (target ≤ 2×)' : '';
    console.log(`  ${r.name.padEnd(62)} ${fmtMs(r.ms).padStart(9)}  ${ratio.toFixed(2)}×${target}`);
  }
  return results;
}

/** A fixed pure-JS workload: this VM's speed drifts over time, and this shows by how much. */
function reference() {
  let x = 0;
  const work = () => { let a = 0; for (let i = 0; i < 60000; i++) a += (i * i) % 7; return a; };
  for (let i = 0; i < 200; i++) x += work();
  const s = [];
  for (let i = 0; i < 2000; i++) { const t = process.hrtime.bigint(); x += work(); s.push(Number(process.hrtime.bigint() - t)); }
  s.sort((a, b) => a - b);
  console.log(`machine reference (fixed work, ~80 µs on a quiet run here): p50 ${fmtUs(quantile(s, 0.5))}${x < 0 ? '' : ''}`);
}

function coldHook() {
  const dir = mkdtempSync(join(tmpdir(), 'gg-bench-hook-'));
  writeFileSync(join(dir, 'gitops-guard.json'), JSON.stringify(SEED));
  const env = { ...process.env, XDG_CACHE_HOME: join(dir, '.cache') };
  const input = (command) => JSON.stringify({
    session_id: 's', cwd: dir, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command },
  });
  const results = coldRuns([
    { name: 'node -e 0', args: ['-e', '0'], expectCode: 0 },
    { name: 'hook claude "ls -la" (benign)', args: [BIN, 'hook', 'claude'], input: input('ls -la'), expectCode: 0 },
    { name: 'hook claude "docker compose restart gateway"', args: [BIN, 'hook', 'claude'], input: input('docker compose restart gateway'), expectCode: 0 },
    { name: `hook claude 'ssh ainetic.tech "docker compose up -d"'`, args: [BIN, 'hook', 'claude'], input: input('ssh ainetic.tech "docker compose up -d"'), expectCode: 0 },
    { name: `hook claude 'cd server && docker compose up -d'`, args: [BIN, 'hook', 'claude'], input: input('cd server && docker compose up -d'), expectCode: 0 },
    { name: `hook claude 'docker compose up -d 2>&1 | tail -5' (parser)`, args: [BIN, 'hook', 'claude'], input: input('docker compose up -d 2>&1 | tail -5'), expectCode: 0 },
  ], COLD_RUNS, { cwd: dir, env });
  return printCold(`cold hook process (Claude Code protocol), median of ${COLD_RUNS} interleaved runs:`, results);
}

/**
 * Trust, guarded files and the audit log (issue 11): the hook's cold cost with a config whose
 * loosening is untrusted or trusted (both hash the config on every call), a file edit, and one
 * audit record in-process, written and failing.
 */
async function trustHook() {
  const { appendAudit } = await import('../dist/audit/log.js');
  const make = (config) => {
    const dir = mkdtempSync(join(tmpdir(), 'gg-bench-trust-'));
    writeFileSync(join(dir, 'gitops-guard.json'), JSON.stringify({ ...SEED, ...config }));
    return dir;
  };
  const user = mkdtempSync(join(tmpdir(), 'gg-bench-user-'));
  const env = { ...process.env, XDG_CACHE_HOME: join(user, 'cache'), XDG_CONFIG_HOME: join(user, 'config'), XDG_STATE_HOME: join(user, 'state') };
  const plain = make({});
  const loose = { builtinRules: false, remoteAllow: ['docker compose'] };
  const untrusted = make(loose);
  const trusted = make(loose);
  const t = spawnSync(process.execPath, [BIN, 'trust', '--yes'], { cwd: trusted, env, stdio: 'ignore' });
  if (t.status !== 0) throw new Error('trust --yes failed');
  const bash = (dir, command) => JSON.stringify({ session_id: 's', cwd: dir, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command } });
  const write = (dir, file) => JSON.stringify({ session_id: 's', cwd: dir, hook_event_name: 'PreToolUse', tool_name: 'Write', tool_input: { file_path: join(dir, file), content: '' } });
  const hook = [BIN, 'hook', 'claude'];
  const results = coldRuns([
    { name: 'node -e 0', args: ['-e', '0'], expectCode: 0 },
    { name: 'hook "ls -la", config that loosens nothing', args: hook, input: bash(plain, 'ls -la') },
    { name: 'hook "ls -la", untrusted loosening config', args: hook, input: bash(untrusted, 'ls -la') },
    { name: 'hook "ls -la", trusted loosening config', args: hook, input: bash(trusted, 'ls -la') },
    { name: 'hook "docker compose restart gateway", plain (deny + audit)', args: hook, input: bash(plain, 'docker compose restart gateway') },
    { name: 'hook "docker compose restart gateway", untrusted (deny + note + audit)', args: hook, input: bash(untrusted, 'docker compose restart gateway') },
    { name: 'hook Write src/app.ts (allowed edit)', args: hook, input: write(plain, 'src/app.ts') },
    { name: 'hook Write .claude/settings.json (deny + audit)', args: hook, input: write(plain, '.claude/settings.json') },
  ].map((c) => ({ ...c, expectCode: 0 })), COLD_RUNS, { env });
  printCold(`trust and guarded files, cold hook process, median of ${COLD_RUNS} interleaved runs:`, results);
  const record = { time: new Date().toISOString(), host: 'claude', session: 's', cwd: plain, command: 'docker compose restart gateway', decision: 'deny', rules: ['container-restart'], reason: 'Blocked: …' };
  const time = (n, f) => {
    const s = [];
    for (let i = 0; i < n; i++) { const t0 = process.hrtime.bigint(); f(); s.push(Number(process.hrtime.bigint() - t0)); }
    return median(s);
  };
  const ok = time(2000, () => appendAudit(record, env));
  const blocked = { ...env, XDG_STATE_HOME: join(plain, 'gitops-guard.json') };
  const failing = time(2000, () => appendAudit(record, blocked, true));
  console.log(`audit record in-process, median of 2000: written ${fmtUs(ok)}   state directory unwritable ${fmtUs(failing)}`);
}

/** status over one kept connection, against a fresh `ssh HOST docker ps` with the system client. */
async function sshStatus() {
  // The same real sshd the tests use (test/support/sshd.ts, loaded through tsx).
  const { startSshd } = await import('../test/support/sshd.ts');
  const { loadConfig } = await import('../dist/index.js');
  const { Server } = await import('../dist/remote/server.js');
  const sshd = await startSshd();
  try {
    writeFileSync(join(sshd.docker, 'containers.ndjson'), JSON.stringify({ ID: 'a'.repeat(64), Names: 'web', Image: 'nginx:1.27', State: 'running', Status: 'Up', Labels: 'com.docker.compose.service=web' }) + '\n');
    const kh = join(sshd.dir, 'known_hosts');
    writeFileSync(kh, sshd.knownHostsLine + '\n');
    const config = await loadConfig({ cwd: sshd.dir, config: { host: '127.0.0.1', port: sshd.port, user: 'root', sshConfig: null, knownHosts: [kh], identityFile: sshd.clientKey } });
    const time = async (f) => { const t = process.hrtime.bigint(); await f(); return Number(process.hrtime.bigint() - t) / 1e6; };
    const firsts = [];
    const repeats = [];
    for (let i = 0; i < 10; i++) {
      const server = new Server(config, { ssh: { agent: '' } });
      firsts.push(await time(() => server.containers()));
      for (let j = 0; j < 5; j++) repeats.push(await time(() => server.containers()));
      server.close();
    }
    const system = [];
    for (let i = 0; i < 10; i++) {
      system.push(await time(async () => {
        const r = spawnSync('ssh', ['-F', '/dev/null', '-i', sshd.clientKey, '-o', `UserKnownHostsFile=${kh}`, '-o', 'StrictHostKeyChecking=yes',
          '-o', 'BatchMode=yes', '-p', String(sshd.port), 'root@127.0.0.1', "docker ps -a --no-trunc --format '{{json .}}'"], { stdio: 'ignore' });
        if (r.status !== 0) throw new Error('system ssh failed');
      }));
    }
    console.log('status over SSH to a local sshd (container list), median of 10 / 50 / 10:');
    console.log(`  first call (connect + handshake + command)          ${fmtMs(median(firsts)).padStart(9)}`);
    console.log(`  repeated call on the kept connection                ${fmtMs(median(repeats)).padStart(9)}`);
    console.log(`  system OpenSSH: ssh HOST docker ps (new connection)  ${fmtMs(median(system)).padStart(9)}`);
  } finally {
    await sshd.stop();
  }
}

/**
 * deploy beside plain git, in a process of its own (bench/deploy.mjs): every git command is a fork
 * of this process, and after the other sections this one is several times larger than a
 * `gitops-guard deploy` process, which makes each fork slower.
 */
function deployOverhead() {
  const r = spawnSync(process.execPath, [join(ROOT, 'bench', 'deploy.mjs')], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`bench/deploy.mjs exited ${r.status}`);
}

/** A bench of its own process (bench/NAME.mjs), through tsx when it loads the tests' support code. */
const own = (name, tsx = false) => () => {
  const r = spawnSync(process.execPath, [...(tsx ? ['--import', 'tsx'] : []), join(ROOT, 'bench', `${name}.mjs`)], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`bench/${name}.mjs exited ${r.status}`);
};

const sections = { reference, classify: inProcess, cold: coldCheck, hook: coldHook, trust: trustHook, ssh: sshStatus, deploy: deployOverhead,
  mcp: own('mcp'), status: own('status', true), install: own('install'), core: own('core') };
const only = process.argv.slice(2);
console.log(`gitops-guard bench — node ${process.version}, ${new Date().toISOString()}`);
for (const [name, run] of Object.entries(sections)) {
  if (only.length > 0 && !only.includes(name)) continue;
  await run();
}
