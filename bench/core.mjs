// Issue 10's figures for the shell core, in a process of its own:
// - classify p50/p99 in-process with cwd = this repository (npm scripts run node on bundles that
//   mention docker: scripts and scans must come from the per-guard cache), target p99 ≤ 150 µs;
// - every input in bounded time (64 KiB of unbalanced `$(`, a 16,000-stage pipeline into sh,
//   2,000 nested `case`, deep wrapper stacks), target ≤ 100 ms each;
// - the parser-needing commands agents run most, cold, beside bare `node -e 0` (target ≤ 1.4×).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGuard } from '../dist/index.js';
import { coldRuns } from './cold.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).bin['gitops-guard']);
const SEED = { host: 'ainetic.tech', remotePath: '/root/projects/CodeFoundry', composeFiles: ['server/docker-compose.yml'] };
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

// The bench corpus, plus what agents run in a Node project like this one.
const commands = [
  ...readFileSync(join(ROOT, 'bench', 'corpus.txt'), 'utf8').split('\n').filter(Boolean).map((l) => l.replace(/\\n/g, '\n')),
  'npm test', 'npm run build', 'npm run bench', 'node dist/gitops-guard.cjs check "docker ps"', 'npx vitest run test/getopt.test.ts',
  'npm run typecheck 2>&1 | tail -n 20', 'node scripts/bundle.mjs', 'make -n', 'git status && npm test',
];
const guard = await createGuard({ config: SEED, cwd: ROOT });
const run = (rounds) => {
  const s = [];
  for (let r = 0; r < rounds; r++) {
    for (const c of commands) {
      const t = process.hrtime.bigint();
      guard.classify(c);
      s.push(Number(process.hrtime.bigint() - t) / 1000);
    }
  }
  return s.sort((a, b) => a - b);
};
run(40); // warm: V8 compiles hot code and the wasm on background threads first
const s = run(30);
console.log(`core: classify in-process, cwd = this repository, ${commands.length} commands × 30 rounds`);
console.log(`  p50 ${quantile(s, 0.5).toFixed(1)} µs   p99 ${quantile(s, 0.99).toFixed(1)} µs (target ≤ 150 µs)   max ${s[s.length - 1].toFixed(1)} µs`);

const bounded = {
  '64 KiB of unbalanced $(': '$('.repeat(32 * 1024),
  '16,000-stage pipeline into sh': Array.from({ length: 16000 }, () => 'cat').join(' | ') + ' | sh',
  '2,000 nested case': 'case x in x) '.repeat(2000) + 'docker ps' + ' ;; esac'.repeat(2000),
  '1,000 sudo before docker ps': 'sudo '.repeat(1000) + 'docker ps',
  '64 env before docker restart web': 'env '.repeat(64) + 'docker restart web',
  '8 nested sh -c': (() => { let c = 'docker restart web'; for (let i = 0; i < 8; i++) c = `sh -c ${JSON.stringify(c)}`; return c; })(),
  '5,000 commands joined by &&': Array.from({ length: 5000 }, () => 'true').join(' && ') + ' && docker ps',
  '64 KiB of nested $( )': '$('.repeat(8000) + 'docker ps' + ')'.repeat(8000),
  // Found by the attack on the rebuilt layer: 64 KiB of valid substitutions and expansions.
  '64 KiB of `x` words': '`x` '.repeat(16382),
  '64 KiB of echo $(x)': 'echo ' + '$(x) '.repeat(13106),
  '64 KiB of $x;': '$x;'.repeat(16382),
  '64 KiB of x=$(y);': 'x=$(y);'.repeat(9361),
  // Error recovery that costs the parser more per operation: stopped before parsing (parse.ts costlyShape).
  '2,000 << with no word, docker ps': '<<'.repeat(2000) + 'docker ps',
  '20,000 unclosed ${': '${'.repeat(20000),
  // The fifth attack: a respelling scanned to the end from every `$((`, a brace check that backtracked
  // from every `{`, a parse of an unclosed-brace word that costs 0.1 ms per report.
  '10,000 unclosed $((': '$(('.repeat(10000),
  '21,845 unclosed $((': '$(('.repeat(21845),
  '10,000 unclosed $((, ./bin/deploy': '$(('.repeat(10000) + '; ./bin/deploy',
  '20,000 {a, (one word)': '{a,'.repeat(20000),
  "30,000 $' (one word)": "$'".repeat(30000),
  '20,000 "$(': '"$('.repeat(20000),
};
console.log('core: every input in bounded time (target ≤ 100 ms each; the decision shown)');
for (const [name, text] of Object.entries(bounded)) {
  guard.classify(text);
  const t = performance.now();
  const v = guard.classify(text);
  console.log(`  ${name.padEnd(34)} ${(performance.now() - t).toFixed(1).padStart(7)} ms  ${v.decision}${v.findings[0] ? ` [${v.findings[0].ruleId}]` : ''}`);
}

const dir = mkdtempSync(join(tmpdir(), 'gg-bench-core-'));
writeFileSync(join(dir, 'gitops-guard.json'), JSON.stringify(SEED));
// A repository with git's sample hooks only: its git commands run no hook.
execFileSync('git', ['init', '-q'], { cwd: dir });
const env = { ...process.env, XDG_CACHE_HOME: join(dir, '.cache'), XDG_STATE_HOME: join(dir, '.state') };
const input = (command) => JSON.stringify({ session_id: 's', cwd: dir, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command } });
const cases = [
  { name: 'node -e 0', args: ['-e', '0'] },
  { name: 'hook claude "ls -la" (benign)', args: [BIN, 'hook', 'claude'], input: input('ls -la') },
  { name: "hook claude 'npm test 2>&1 | tail -n 20'", args: [BIN, 'hook', 'claude'], input: input('npm test 2>&1 | tail -n 20') },
  { name: "hook claude 'git log | head'", args: [BIN, 'hook', 'claude'], input: input('git log | head') },
  { name: "hook claude 'ls > out.txt'", args: [BIN, 'hook', 'claude'], input: input('ls > out.txt') },
  { name: "hook claude 'cd src && grep -rn TODO . | grep y'", args: [BIN, 'hook', 'claude'], input: input('cd src && grep -rn TODO . | grep y') },
  // git commands that run hooks where a repository has some (commit, status), in one with none.
  { name: "hook claude 'git status' (repo without hooks)", args: [BIN, 'hook', 'claude'], input: input('git status') },
  { name: "hook claude 'git add -A && git commit -m \"fix: x\"' (no hooks)", args: [BIN, 'hook', 'claude'], input: input('git add -A && git commit -m "fix: x"') },
];
const results = coldRuns(cases, 30, { cwd: dir, env });
console.log('core: cold hook, median of 30 interleaved runs (target: benign ≤ 1.15×, the others ≤ 1.4× of node -e 0)');
for (const r of results) console.log(`  ${r.name.padEnd(52)} ${r.ms.toFixed(1).padStart(7)} ms  ${(r.ms / results[0].ms).toFixed(2)}×`);
