// Environments: named views of one config. Each inherits the top-level keys it leaves out; an older
// config without `environments` is one implicit environment; errors name the environment; every
// environment's branch is protected; loosening inside an environment waits for a person like the
// same key at the top level.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, type ConfigInput } from '../src/index.js';
import { allEnvironments, environmentOfHost, selectEnvironment } from '../src/environments.js';
import { configLoosening } from '../src/trust/loosening.js';
import { DEFAULTS } from '../src/config-file.js';
import { project, tempDir } from './helpers.js';
import type { ResolvedConfig } from '../src/config.js';
import { deploy } from '../src/gitops/deploy.js';
import { git, makeRepos, type Repos } from './support/repos.js';

const twoEnvs = {
  user: 'deploy', remotePath: '/srv/app', composeFiles: ['compose.yaml'],
  environments: {
    staging: { host: 'staging.example.com', branch: 'staging' },
    prod: { hosts: ['web1.example.com', 'web2.example.com'], branch: 'prod', promoteFrom: 'staging', port: 2222 },
  },
  defaultEnvironment: 'staging',
};

describe('environments', () => {
  it('is one implicit environment without `environments`', async () => {
    const c = await loadConfig({ cwd: project(), config: { host: 'h1' } });
    expect(c.environment).toBe('default');
    expect(c.hosts).toEqual(['h1']);
    expect(c.reconciler).toEqual({ type: 'gitops-guard' });
    expect(allEnvironments(c).map((e) => e.environment)).toEqual(['default']);
  });

  it('lays each environment over the top level; the default environment is the config commands see', async () => {
    const c = await loadConfig({ cwd: project(), config: twoEnvs });
    expect(c.environment).toBe('staging');
    expect(c.host).toBe('staging.example.com');
    expect(c.branch).toBe('staging');
    const prod = selectEnvironment(c, 'prod');
    if ('error' in prod) throw new Error(prod.error);
    expect(prod.hosts).toEqual(['web1.example.com', 'web2.example.com']);
    expect(prod.host).toBe('web1.example.com');
    expect(prod.port).toBe(2222);
    expect(prod.user).toBe('deploy');
    expect(prod.remotePath).toBe('/srv/app');
    expect(prod.promoteFrom).toBe('staging');
    // Every environment's branch is protected, whichever view is asked.
    expect(prod.protectedBranches).toEqual(['main', 'staging', 'prod']);
    expect(c.protectedBranches).toEqual(['main', 'staging', 'prod']);
  });

  it('names what exists when --env names nothing', async () => {
    const c = await loadConfig({ cwd: project(), config: twoEnvs });
    expect(selectEnvironment(c, 'qa')).toEqual({ error: 'no environment "qa" in the config (configured: staging, prod)' });
    const plain = await loadConfig({ cwd: project(), config: {} });
    expect(selectEnvironment(plain, 'prod')).toMatchObject({ error: expect.stringContaining('has no environments') });
  });

  it('finds the environment a host belongs to, however the command spells the destination', async () => {
    const c = await loadConfig({ cwd: project(), config: twoEnvs });
    expect(environmentOfHost(c, 'root@web2.example.com')?.environment).toBe('prod');
    expect(environmentOfHost(c, 'staging.example.com')?.environment).toBe('staging');
    expect(environmentOfHost(c, 'other.example.com')).toBeNull();
  });

  it.each([
    [{ environments: { prod: { host: 'a', hosts: ['b'] } } }, 'environments.prod: environment "prod": give host or hosts, not both'],
    [{ environments: { prod: { promoteFrom: 'stage' } } }, 'environments.prod.promoteFrom: environment "prod": promoteFrom names no environment "stage" (configured: prod)'],
    [{ environments: { a: { promoteFrom: 'b' }, b: { promoteFrom: 'a' } } }, 'promoteFrom makes a loop (a -> b -> a)'],
    [{ environments: { a: {} }, defaultEnvironment: 'b' }, 'defaultEnvironment: no environment "b" (configured: a)'],
    [{ environments: { prod: { reconciler: { type: 'argocd' } } } }, 'environments.prod.reconciler'],
    [{ environments: { prod: { hosts: ['web 1'] } } }, 'environments.prod.hosts.0'],
  ] as [unknown, string][])('refuses %j, naming the environment', async (raw, message) => {
    const config = raw as ConfigInput;
    await expect(loadConfig({ cwd: project(), config })).rejects.toThrow(ConfigError);
    await expect(loadConfig({ cwd: project(), config })).rejects.toThrow(message);
  });

  it('reads every reconciler', async () => {
    const c = await loadConfig({
      cwd: project(), config: {
        environments: {
          a: { reconciler: 'swarm' },
          b: { reconciler: { type: 'argocd', app: 'web', context: 'prod-eu' } },
          c: { reconciler: { type: 'flux', kustomization: 'apps' } },
        },
      },
    });
    expect(allEnvironments(c).map((e) => e.reconciler)).toEqual([
      { type: 'swarm' },
      { type: 'argocd', app: 'web', namespace: 'argocd', context: 'prod-eu' },
      { type: 'flux', kustomization: 'apps', namespace: 'flux-system' },
    ]);
  });

  it('counts an environment that drops confirmation as loosening, and a new environment branch as tightening', () => {
    const baseline = { ...DEFAULTS, confirmDeploy: true };
    const project = { ...DEFAULTS, confirmDeploy: true, environments: { prod: { confirmDeploy: false, branch: 'prod' } } };
    expect(configLoosening(project, baseline).map((l) => l.what)).toEqual(['environments.prod.confirmDeploy: false (the MCP server pushes without asking)']);
    expect(configLoosening({ ...DEFAULTS, environments: { prod: { branch: 'prod' } } }, DEFAULTS)).toEqual([]);
  });
});

describe('deploy on another environment\'s branch (real git: a bare remote and a clone)', () => {
  // dev -> staging -> prod, each promoted from the one before; nothing is committed or pushed by a refusal.
  async function chain(): Promise<{ repos: Repos; pick: (name: string) => ResolvedConfig }> {
    const repos = makeRepos(tempDir('gitops-guard-envbranch-'), { checkout: 'unused', message: 'deploy: first', files: {
      'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n',
      'gitops-guard.json': JSON.stringify({ environments: {
        dev: { branch: 'main' }, staging: { branch: 'staging', promoteFrom: 'dev' }, prod: { branch: 'prod', promoteFrom: 'staging' } } }),
    } });
    for (const b of ['staging', 'prod']) git(repos.dev, 'push', '-q', 'origin', `main:${b}`);
    git(repos.dev, 'fetch', '-q');
    const config = await loadConfig({ cwd: repos.dev });
    const pick = (name: string): ResolvedConfig => { const v = selectEnvironment(config, name); if ('error' in v) throw new Error(v.error); return v; };
    return { repos, pick };
  }
  const refusal = (p: Promise<unknown>): Promise<string> => p.then(() => 'no refusal', (e: unknown) => (e as Error).message);

  it('on the branch an environment is promoted from, points to gitops-guard promote FROM TO', async () => {
    const { repos, pick } = await chain();
    git(repos.dev, 'switch', '-q', '-c', 'staging', '--track', 'origin/staging');
    writeFileSync(join(repos.dev, 'compose.yaml'), 'services:\n  web:\n    image: nginx:1.28\n');
    const head = git(repos.dev, 'rev-parse', 'HEAD');
    expect(await refusal(deploy(pick('prod'), { message: 'nginx 1.28', wait: false }))).toBe('you are on "staging", the branch of environment staging, '
      + 'and prod takes its commits from it by promotion: gitops-guard promote staging prod moves prod (branch prod) to what staging runs, '
      + 'once it is applied and healthy there');
    expect(git(repos.dev, 'rev-parse', 'HEAD')).toBe(head);
    expect(git(repos.dev, 'status', '--porcelain')).toBe('M compose.yaml');
  });

  it('on the branch of an environment that is promoted into, says to deploy on the deploy branch and promote', async () => {
    const { repos, pick } = await chain();
    git(repos.dev, 'switch', '-q', '-c', 'prod', '--track', 'origin/prod');
    expect(await refusal(deploy(pick('dev'), { message: 'x', wait: false }))).toBe('you are on "prod", the branch of environment prod, which takes its '
      + 'commits by promotion from staging: deploy your change on main (git switch main), then: gitops-guard promote staging prod');
    // A branch no environment follows: merge, as before.
    git(repos.dev, 'switch', '-q', '-c', 'feature');
    expect(await refusal(deploy(pick('dev'), { message: 'x', wait: false })))
      .toBe('you are on "feature", not the deploy branch "main": merge your change into main first');
  });
});
