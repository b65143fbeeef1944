// npm run bench:reconcile: the reconciler on a real Docker Engine (a private dockerd, as the tests
// start it), one busybox httpd stack, a bare remote on this disk. Measures the run with nothing to
// do (already applied, containers as left), the fetch alone beside it, and a run that heals a
// stopped container. Median of 30 no-op runs.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RECONCILER_SCRIPT } from '../src/gitops/reconciler.ts';
import { startEngine } from '../test/support/docker.ts';
import { COMPOSE, gatewayCompose, makeRepos } from '../test/support/repos.ts';
import { freePort } from '../test/support/sshd.ts';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (f) => { const t = process.hrtime.bigint(); f(); return Number(process.hrtime.bigint() - t) / 1e6; };

const engine = await startEngine();
try {
  const work = mkdtempSync(join(tmpdir(), 'gitops-guard-bench-'));
  const { checkout } = makeRepos(work, { checkout: 'srv/app', message: 'deploy: gateway', files: { [COMPOSE]: gatewayCompose(await freePort()) } });
  const script = join(work, 'reconcile.sh');
  writeFileSync(script, RECONCILER_SCRIPT);
  const env = { ...process.env, ...engine.env, GITOPS_GUARD_REPO: checkout, GITOPS_GUARD_COMPOSE_FILES: COMPOSE, GITOPS_GUARD_STATE: join(work, 'state', 'state.json') };
  const run = () => { const r = spawnSync('sh', [script], { env, encoding: 'utf8' }); if (r.status !== 0) throw new Error(r.stderr); };
  run();
  const noop = Array.from({ length: 30 }, () => time(run));
  const fetch = Array.from({ length: 30 }, () => time(() => execFileSync('git', ['-C', checkout, 'fetch', '--quiet', 'origin', 'main'])));
  const heal = Array.from({ length: 5 }, () => {
    engine.docker('stop', '-t', '1', engine.containers()[0].id);
    return time(run);
  });
  console.log('reconciler (sh, real engine, local bare remote)');
  console.log(`  no-op run (applied, containers as left): median ${median(noop).toFixed(1)} ms`);
  console.log(`  git fetch alone:                         median ${median(fetch).toFixed(1)} ms`);
  console.log(`  no-op minus fetch:                       ${(median(noop) - median(fetch)).toFixed(1)} ms`);
  console.log(`  heal a stopped container (up):           median ${median(heal).toFixed(1)} ms of 5`);
} finally {
  await engine.stop();
}
