// Environments: named views of one config. Each inherits the top-level keys it leaves out; an older
// config without `environments` is one implicit environment; errors name the environment; every
// environment's branch is protected; loosening inside an environment waits for a person like the
// same key at the top level.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/index.js';
import { allEnvironments, environmentOfHost, selectEnvironment } from '../src/environments.js';
import { configLoosening } from '../src/trust/loosening.js';
import { DEFAULTS } from '../src/config-file.js';
import { project } from './helpers.js';

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
  ])('refuses %j, naming the environment', async (config, message) => {
    await expect(loadConfig({ cwd: project(), config: config as never })).rejects.toThrow(ConfigError);
    await expect(loadConfig({ cwd: project(), config: config as never })).rejects.toThrow(message);
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
