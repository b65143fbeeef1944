// Config: found by walking up, validated by zod with actionable errors, JSON Schema generated from
// the same schema; user rule packs come first, rules switch off by id, remoteAllow extends the
// server's read-only list. Rule packs are validated with errors naming file and line.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, configJsonSchema, ConfigSchema, createGuard, loadConfig, RuleError } from '../src/index.js';
import { DEFAULTS } from '../src/config-file.js';
import type { ResolvedConfig } from '../src/config.js';
import { selectEnvironment } from '../src/environments.js';
import { trust } from '../src/trust/store.js';
import { project } from './helpers.js';

describe('config discovery and validation', () => {
  it('needs no config: defaults', async () => {
    const c = await loadConfig({ cwd: project() });
    expect(c.file).toBeNull();
    expect(c.branch).toBe('main');
    expect(c.protectedBranches).toEqual(['main']);
    expect(c.composeFiles).toEqual([]);
  });

  it('keeps the zod-free defaults in step with the schema', () => {
    expect(ConfigSchema.parse({})).toEqual(DEFAULTS);
  });

  it('finds gitops-guard.json by walking up, with paths relative to it', async () => {
    const dir = project({
      'gitops-guard.json': JSON.stringify({ host: 'ainetic.tech', composeFiles: ['server/docker-compose.yml'] }),
      'server/deep/x': '',
    });
    const c = await loadConfig({ cwd: join(dir, 'server/deep') });
    expect(c.file).toBe(join(dir, 'gitops-guard.json'));
    expect(c.root).toBe(dir);
    expect(c.host).toBe('ainetic.tech');
  });

  it('reads YAML configs too', async () => {
    const dir = project({ 'gitops-guard.yaml': 'host: web1\nbranch: prod\n' });
    const c = await loadConfig({ cwd: dir });
    expect(c.host).toBe('web1');
    // Moving the deploy branch leaves the default's (main) unprotected: that part waits for a
    // person's trust, so main stays protected too (test/trust.test.ts).
    expect(c.protectedBranches).toEqual(['prod', 'main']);
  });

  it('detects a compose file at the project root', async () => {
    const dir = project({ 'compose.yaml': 'services: {}\n', 'gitops-guard.json': '{}' });
    expect((await loadConfig({ cwd: dir })).composeFiles).toEqual(['compose.yaml']);
  });

  it('rejects invalid configs with the file, the key and what is wrong', async () => {
    const dir = project({ 'gitops-guard.json': JSON.stringify({ host: 'a b; rm -rf /', port: 'x', nope: 1 }) });
    const err = await loadConfig({ cwd: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    const msg = (err as Error).message;
    expect(msg).toContain(join(dir, 'gitops-guard.json'));
    expect(msg).toContain('host');
    expect(msg).toContain('port');
    expect(msg).toContain('nope');
  });

  it('rejects files that are not JSON', async () => {
    const dir = project({ 'gitops-guard.json': '{ host: ' });
    await expect(loadConfig({ cwd: dir })).rejects.toThrow(/not valid JSON/);
  });

  it('validates a config given as an object', async () => {
    await expect(loadConfig({ cwd: project(), config: { remotePath: 'relative' } as never })).rejects.toThrow(/remotePath/);
  });

  it('takes paths inside the repository only, at the top level and per environment', async () => {
    const ok = await loadConfig({ cwd: project(), config: { paths: ['k8s/', './charts', 'kustomization.yaml'],
      environments: { prod: { paths: ['k8s/prod'] }, staging: {} } } as never });
    // prod (the first, so the default) has its own; staging inherits the top level's.
    expect(ok.paths).toEqual(['k8s/prod']);
    expect((selectEnvironment(ok, 'staging') as ResolvedConfig).paths).toEqual(['k8s/', './charts', 'kustomization.yaml']);
    for (const bad of ['../elsewhere', '/etc', 'k8s/../../x', '..']) {
      await expect(loadConfig({ cwd: project(), config: { paths: [bad] } as never })).rejects.toThrow(/paths\.0: a path relative to the repository root, without \.\./);
    }
    await expect(loadConfig({ cwd: project(), config: { environments: { prod: { paths: ['/srv'] } } } as never }))
      .rejects.toThrow(/environments\.prod\.paths\.0: a path relative to the repository root/);
    await expect(loadConfig({ cwd: project(), config: { paths: [] } as never })).rejects.toThrow(/paths/);
  });

  it('reuses a validation only for the same file contents', async () => {
    const cache = project();
    const dir = project({ 'gitops-guard.json': JSON.stringify({ host: 'one' }) });
    const env = process.env.XDG_CACHE_HOME;
    process.env.XDG_CACHE_HOME = cache;
    try {
      expect((await loadConfig({ cwd: dir })).host).toBe('one');
      writeFileSync(join(dir, 'gitops-guard.json'), JSON.stringify({ host: 'two' }));
      expect((await loadConfig({ cwd: dir })).host).toBe('two');
      writeFileSync(join(dir, 'gitops-guard.json'), JSON.stringify({ host: 'bad host' }));
      await expect(loadConfig({ cwd: dir })).rejects.toThrow(ConfigError);
    } finally {
      if (env === undefined) delete process.env.XDG_CACHE_HOME;
      else process.env.XDG_CACHE_HOME = env;
    }
  });

  it('ships the JSON Schema generated from the zod schema', () => {
    const shipped = JSON.parse(readFileSync(new URL('../schema/gitops-guard.schema.json', import.meta.url), 'utf8'));
    expect(shipped).toEqual(configJsonSchema());
    expect(shipped.properties.host.description).toMatch(/server/);
    expect(shipped.additionalProperties).toBe(false);
  });
});

describe('rules from config', () => {
  const userPack = `rules:
  - id: no-kubectl-apply
    description: kubectl apply by hand
    decision: deny
    match:
      program: [kubectl]
      path: [apply]
    message: Apply manifests through git.
    examples:
      match:
        - kubectl apply -f x.yaml
      not_match:
        - kubectl get pods
  - id: allow-local-compose-ps
    description: this team allows compose ps locally
    decision: allow
    match:
      program: [docker]
      path: ["compose ps"]
      target: local
    message: allowed here
    examples:
      match:
        - command: docker compose ps
          decision: allow
`;

  it('loads user packs before the built-in ones', async () => {
    const dir = project({ 'guard/team.yaml': userPack, 'gitops-guard.json': JSON.stringify({ rules: ['guard'] }) });
    // The pack allows what a built-in rule denies: that rule waits for a person's trust.
    const saved = process.env.XDG_CONFIG_HOME;
    process.env.XDG_CONFIG_HOME = join(dir, '.user-config');
    let g;
    try {
      const untrusted = await createGuard({ cwd: dir });
      expect(untrusted.classify('docker compose ps').decision).toBe('deny');
      expect(untrusted.classify('docker compose ps').reason).toContain('allow-local-compose-ps');
      trust(join(dir, 'gitops-guard.json'), [join(dir, 'gitops-guard.json'), join(dir, 'guard', 'team.yaml')], []);
      g = await createGuard({ cwd: dir });
    } finally {
      if (saved === undefined) delete process.env.XDG_CONFIG_HOME;
      else process.env.XDG_CONFIG_HOME = saved;
    }
    expect(g.classify('kubectl apply -f x.yaml').decision).toBe('deny');
    expect(g.classify('kubectl get pods').decision).toBe('allow');
    expect(g.classify('docker compose ps').decision).toBe('allow');
    expect(g.classify('docker compose up -d').decision).toBe('deny');
    // A managed name from a user rule counts for bad input too.
    expect(g.classify('kubectl apply "').decision).toBe('deny');
  });

  it('switches rules off by id, and names unknown ids', async () => {
    const cwd = project();
    const g = await createGuard({ cwd, config: { disabledRules: ['container-look-local'] } });
    expect(g.classify('docker ps').findings[0]!.ruleId).toBe('container-other');
    await expect(createGuard({ cwd, config: { disabledRules: ['no-such-rule'] } })).rejects.toThrow(/no-such-rule/);
  });

  it('extends the read-only list on the server with remoteAllow', async () => {
    const cwd = project();
    const g = await createGuard({ cwd, config: { remoteAllow: ['kubectl get', 'redis-cli ping'] } });
    expect(g.classify('ssh web1 kubectl get pods').decision).toBe('allow');
    expect(g.classify('ssh web1 kubectl delete pod x').decision).toBe('deny');
    expect(g.classify('ssh web1 redis-cli ping').decision).toBe('allow');
    expect(g.classify('ssh web1 redis-cli flushall').decision).toBe('deny');
  });

  it('can run without the built-in packs', async () => {
    const g = await createGuard({ cwd: project(), config: { builtinRules: false } });
    expect(g.rules).toHaveLength(0);
    expect(g.classify('docker restart web').decision).toBe('allow');
  });
});

describe('rule pack errors name the file and the line', () => {
  async function error(pack: string): Promise<string> {
    const dir = project({ 'bad.yaml': pack, 'gitops-guard.json': JSON.stringify({ rules: ['bad.yaml'] }) });
    const e = await createGuard({ cwd: dir }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(RuleError);
    return (e as Error).message;
  }
  it('a schema error', async () => {
    const msg = await error('rules:\n  - id: x\n    description: d\n    decision: maybe\n    match: {}\n    message: m\n    examples: { match: [ls] }\n');
    expect(msg).toMatch(/bad\.yaml:4: .*(allow|deny|ask)/);
  });
  it('a YAML syntax error', async () => {
    expect(await error('rules:\n  - id: [\n')).toMatch(/bad\.yaml:\d+:\d+:/);
  });
  it('an unknown fact or key', async () => {
    const msg = await error('rules:\n  - id: x\n    description: d\n    decision: deny\n    match:\n      facts: [flying]\n    message: m\n    examples: { match: [ls] }\n');
    expect(msg).toMatch(/bad\.yaml:6:/);
  });
  it('a duplicate id', async () => {
    const rule = '  - id: container-restart\n    description: d\n    decision: deny\n    match: {}\n    message: m\n    examples: { match: [ls] }\n';
    expect(await error(`rules:\n${rule}`)).toMatch(/already defined/);
  });
  it('an unknown placeholder in a rewrite', async () => {
    const msg = await error('rules:\n  - id: x\n    description: d\n    decision: deny\n    match: {}\n    message: m\n    equivalent: { rewrite: "ssh {hots}" }\n    examples: { match: [ls] }\n');
    expect(msg).toMatch(/unknown placeholder \{hots\}/);
  });
  it('a rule without examples', async () => {
    const msg = await error('rules:\n  - id: x\n    description: d\n    decision: deny\n    match: {}\n    message: m\n');
    expect(msg).toMatch(/bad\.yaml:2: .*examples/);
  });
});
