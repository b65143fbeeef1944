// Writes test/cases/adversarial-status.md: per class of issue 10 section 2, how many cases of
// test/cases/adversarial.cases.yaml pass against the current build, and the failing commands.
// Run after `npm run build`: node test/support/adversarial-status.mjs
// It reads the harness's own output (`gitops-guard test FILE`), so it counts exactly what the harness checks.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument } from 'yaml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const caseFile = resolve(root, 'test/cases/adversarial.cases.yaml');
const outFile = resolve(root, 'test/cases/adversarial-status.md');
const NAMES = {
  '2.1': 'Every limit fails closed', '2.2': 'Nested substitutions', '2.3': 'Help and version',
  '2.4': 'Options as the program reads them', '2.5': 'Read-only programs that can still run or write',
  '2.6': 'Force pushes as git resolves them', '2.7': 'Runners', '2.8': 'Unknown programs',
  '2.9': 'Engines without the docker CLI', '2.10': 'Interpreters', '2.11': 'Binaries are not scripts',
  '2.12': 'False blocks from public corpora', '2.13': 'Reasons an agent can act on',
};

/** line of a failing case → what the harness got */
function harnessFailures() {
  const run = spawnSync(process.execPath, [resolve(root, 'dist/gitops-guard.cjs'), 'test', caseFile],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const lines = run.stdout.split('\n');
  const fails = new Map();
  for (let i = 0; i < lines.length; i++) {
    const m = /^FAIL .*adversarial\.cases\.yaml:(\d+)/.exec(lines[i]);
    if (m) fails.set(Number(m[1]), (lines[i + 3] ?? '').replace(/^\s*got:\s*/, ''));
  }
  return fails;
}

function show(command) {
  let t = command.replace(/\n/g, ' ⏎ ');
  if (t.length > 180) t = `${t.slice(0, 120)} … (${command.length} characters)`;
  const ticks = t.includes('``') ? '```' : t.includes('`') ? '``' : '`';
  return `${ticks} ${t} ${ticks}`;
}

const lc = new LineCounter();
const doc = parseDocument(readFileSync(caseFile, 'utf8'), { lineCounter: lc });
const items = doc.get('cases', true).items;
const cases = doc.toJS().cases;
const fails = harnessFailures();
const classes = new Map();
cases.forEach((c, i) => {
  const line = lc.linePos(items[i].range[0]).line;
  if (!classes.has(c.class)) classes.set(c.class, { total: 0, deny: 0, ask: 0, allow: 0, pass: 0, fail: 0, failing: [] });
  const e = classes.get(c.class);
  e.total++;
  e[c.decision]++;
  const got = fails.get(line);
  if (got === undefined) e.pass++;
  else { e.fail++; e.failing.push({ line, c, got }); }
});
const order = [...classes.keys()].sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]));
const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim();
let md = '# adversarial.cases.yaml against the current build\n\n'
  + 'Not a test file: a report, written by `node test/support/adversarial-status.mjs` from the output of\n'
  + `\`node dist/gitops-guard.cjs test test/cases/adversarial.cases.yaml\` at commit ${head}.\n`
  + 'A failing case is the target of the rebuild (issue 10), not a wrong case. Decisions, the reasoning where\n'
  + 'POLICY.md is silent, and the most worrying holes: [docs/adversarial-cases.md](../../docs/adversarial-cases.md).\n\n'
  + '| class | what | cases | deny | ask | allow | pass today | fail today |\n|---|---|---:|---:|---:|---:|---:|---:|\n';
const tot = { total: 0, deny: 0, ask: 0, allow: 0, pass: 0, fail: 0 };
for (const k of order) {
  const e = classes.get(k);
  for (const f of Object.keys(tot)) tot[f] += e[f];
  md += `| ${k} | ${NAMES[k] ?? ''} | ${e.total} | ${e.deny} | ${e.ask} | ${e.allow} | ${e.pass} | ${e.fail} |\n`;
}
md += `| all | | ${tot.total} | ${tot.deny} | ${tot.ask} | ${tot.allow} | ${tot.pass} | ${tot.fail} |\n\n`
  + 'An expected deny/ask that is allowed today is a hole; an expected allow that is blocked is a false block.\n\n';
for (const k of order) {
  const e = classes.get(k);
  md += `## ${k} ${NAMES[k] ?? ''}: ${e.fail} of ${e.total} fail\n\n`;
  for (const { line, c, got } of e.failing) {
    const verdict = got.replace(/ \(findings:.*\)$/, '').replace(/, no rewrite$/, '');
    md += `- line ${line}: ${show(c.command)}${c.cwd ? ` (cwd \`${c.cwd}\`)` : ''} — expected ${c.decision}, got ${verdict}\n`;
  }
  md += '\n';
}
writeFileSync(outFile, md);
console.log(`${tot.total} cases: ${tot.pass} pass, ${tot.fail} fail → ${outFile}`);
