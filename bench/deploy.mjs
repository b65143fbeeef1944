// deploy overhead: validate + checks + fetch + commit + push (verify excluded), beside the same plain
// `git add && git commit && git push` and beside that with the fetch deploy must do, to local bare
// remotes, runs interleaved. Run by `npm run bench` (section "deploy") in a process of its own.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../dist/config-file.js';
import { deploy } from '../dist/gitops/deploy.js';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmtMs = (ms) => `${ms.toFixed(1)} ms`;
const RUNS = 40;

async function deployOverhead() {
  const work = mkdtempSync(join(tmpdir(), 'gg-bench-deploy-'));
  const git = (cwd, ...args) => execFileSync('git', ['-c', 'user.name=b', '-c', 'user.email=b@example.com', ...args], { cwd, stdio: 'pipe' });
  const repo = (name) => {
    const bare = join(work, `${name}.git`);
    const dev = join(work, name);
    execFileSync('git', ['init', '-q', '--bare', '-b', 'main', bare]);
    execFileSync('git', ['clone', '-q', bare, dev], { stdio: 'pipe' });
    git(dev, 'checkout', '-q', '-b', 'main');
    git(dev, 'config', 'user.name', 'b');
    git(dev, 'config', 'user.email', 'b@example.com');
    mkdirSync(join(dev, 'server'));
    writeFileSync(join(dev, 'server', 'docker-compose.yml'), 'services:\n  web:\n    image: nginx:1.27\n    ports: ["8000:80"]\n');
    git(dev, 'add', '.');
    git(dev, 'commit', '-qm', 'deploy: start');
    git(dev, 'push', '-q', '-u', 'origin', 'main');
    return dev;
  };
  const plainDir = repo('plain');
  const deployDir = repo('deploy');
  const config = await loadConfig({ cwd: deployDir, root: deployDir, config: { composeFiles: ['server/docker-compose.yml'] } });
  const change = (dir, i) => writeFileSync(join(dir, 'server', 'docker-compose.yml'), `services:\n  web:\n    image: nginx:1.27\n    ports: ["${8001 + i}:80"]\n`);
  const fetchDir = repo('fetch');
  const plain = [];
  const fetching = [];
  const ours = [];
  for (let i = 0; i < RUNS; i++) {
    change(plainDir, i);
    let t = process.hrtime.bigint();
    execFileSync('sh', ['-c', `git add server/docker-compose.yml && git commit -qm "deploy: port ${i}" && git push -q`], { cwd: plainDir, stdio: 'pipe' });
    plain.push(Number(process.hrtime.bigint() - t) / 1e6);
    change(fetchDir, i);
    t = process.hrtime.bigint();
    execFileSync('sh', ['-c', `git fetch -q && git add server/docker-compose.yml && git commit -qm "deploy: port ${i}" && git push -q`], { cwd: fetchDir, stdio: 'pipe' });
    fetching.push(Number(process.hrtime.bigint() - t) / 1e6);
    change(deployDir, i);
    t = process.hrtime.bigint();
    await deploy(config, { message: `port ${i}`, wait: false });
    ours.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  const p = median(plain);
  const o = median(ours);
  console.log(`deploy overhead to a local bare remote, median of ${RUNS} interleaved runs (verify excluded):`);
  console.log(`  git add && git commit && git push                    ${fmtMs(p).padStart(9)}  1.00×`);
  const f = median(fetching);
  console.log(`  git fetch && git add && git commit && git push        ${fmtMs(f).padStart(9)}  ${(f / p).toFixed(2)}× (the fetch deploy must do, by hand)`);
  console.log(`  gitops-guard deploy (checks, validate, fetch, commit, push) ${fmtMs(o).padStart(9)}  ${(o / p).toFixed(2)}× (target ≤ 1.5×)`);
}

await deployOverhead();
