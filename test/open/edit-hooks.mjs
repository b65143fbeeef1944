// Runs the open file-edit hook findings (test/open/edit-hooks.json) through the built CLI's
// `hook HOST` and prints OPEN for each payload that still gets through (no deny), HOLDS otherwise;
// an entry with "expect": "allow" is a false block, OPEN while the hook blocks it.
// Not part of npm test: like test/open/attack.cases.yaml, every entry gets through today.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
const cli = `${root}/dist/gitops-guard.cjs`;
const { cases } = JSON.parse(readFileSync(new URL('./edit-hooks.json', import.meta.url), 'utf8'));
const fill = (v) => JSON.parse(JSON.stringify(v).replaceAll('${ROOT}', root).replaceAll('${HOME}', homedir()));
const base = { hook_event_name: 'PreToolUse', cwd: root, session_id: 'attack3', transcript_path: '/tmp/attack3' };
let open = 0;
for (const c of cases) {
  const input = c.host === 'cline' ? fill(c.stdin) : { ...base, ...fill(c.stdin) };
  const r = spawnSync(process.execPath, [cli, 'hook', c.host], { input: JSON.stringify(input), cwd: root, encoding: 'utf8' });
  const out = r.stdout ?? '';
  const blocked = r.status === 2 || /"(permissionDecision|decision|permission)"\s*:\s*"deny"|"cancel"\s*:\s*true/.test(out);
  // An entry with "expect": "allow" is a false block: open while the hook blocks it.
  const holds = c.expect === 'allow' ? !blocked : blocked;
  if (!holds) open++;
  console.log(`${holds ? 'HOLDS' : 'OPEN '} ${c.host} ${c.why}`);
}
console.log(`${open} of ${cases.length} open`);
