// The package as a person installs it: `npm pack`, then `npm install` of the tarball into an empty
// project (from the npm cache where it holds what is needed, else the registry: `npm ci` caches tarballs, not the packuments an install resolves with). What is installed must run: a check
// that needs the bash grammar (shipped as wasm in dist/), init and doctor; without the optional
// Kubernetes client, a clear word on what to install.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers.js';

const ROOT = join(import.meta.dirname, '..');

describe('the packed package', () => {
  it('installs without tree-sitter-bash or source maps, and its grammar, init and doctor work', () => {
    const out = tempDir();
    const pack = spawnSync('npm', ['pack', '--ignore-scripts', '--pack-destination', out], { cwd: ROOT, encoding: 'utf8' });
    expect(pack.status, pack.stderr).toBe(0);
    const tarball = join(out, readdirSync(out).find((f) => f.endsWith('.tgz'))!);
    const app = tempDir();
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true }));
    mkdirSync(join(app, '.git'));
    writeFileSync(join(app, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    const install = spawnSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], { cwd: app, encoding: 'utf8' });
    expect(install.status, install.stderr).toBe(0);
    expect(existsSync(join(app, 'node_modules', 'tree-sitter-bash'))).toBe(false);
    const pkg = join(app, 'node_modules', 'gitops-guard');
    expect(existsSync(join(pkg, 'LICENSE'))).toBe(true);
    const maps = spawnSync('find', [pkg, '-name', '*.map'], { encoding: 'utf8' }).stdout.trim();
    expect(maps).toBe('');

    const bin = join(app, 'node_modules', '.bin', 'gitops-guard');
    const env = { PATH: `${dirname(process.execPath)}:/usr/bin:/bin`, HOME: app };
    // A command inside `bash -c '…'` needs the parser: the wasm in dist/ is what parses it.
    const check = spawnSync(bin, ['check', "bash -c 'docker restart web'"], { cwd: app, encoding: 'utf8', env });
    expect(check.status, check.stderr).toBe(2);
    expect(check.stdout).toContain('container-restart');
    const init = spawnSync(bin, ['init', '--yes', '--agent', 'claude'], { cwd: app, encoding: 'utf8', env, input: '' });
    expect(init.status, init.stderr).toBe(0);
    expect(init.stdout).toContain("the hooks run this project's node_modules/.bin/gitops-guard");
    const doctor = spawnSync(bin, ['doctor', '--json'], { cwd: app, encoding: 'utf8', env });
    expect(JSON.parse(doctor.stdout).hosts[0]).toMatchObject({ host: 'claude', live: true });
    expect(doctor.status).toBe(0);

    // @kubernetes/client-node is an optional peer: not installed, an Argo CD environment says what to install.
    expect(existsSync(join(app, 'node_modules', '@kubernetes', 'client-node'))).toBe(false);
    writeFileSync(join(app, 'kubeconfig'), 'apiVersion: v1\nkind: Config\ncurrent-context: prod\nclusters: []\ncontexts: []\nusers: []\n');
    writeFileSync(join(app, 'gitops-guard.json'), JSON.stringify({ reconciler: { type: 'argocd', app: 'web', kubeconfig: 'kubeconfig' } }));
    const status = spawnSync(bin, ['status'], { cwd: app, encoding: 'utf8', env });
    expect(status.stderr + status.stdout).toContain('npm install @kubernetes/client-node@1');
    expect(status.status).toBe(1);
  }, 120_000);
});
