// reconciler: swarm, end to end and all real: the test's private Docker Engine made a single-node
// swarm (`docker swarm init --advertise-addr 127.0.0.1`), a real sshd whose sessions talk to it,
// real git remotes and the real reconciler script (support/stack.ts). deploy pushes, runs the
// reconciler over ssh (reconcile: trigger), which runs `docker stack deploy --prune`, and waits
// for the swarm: every service's update state and its tasks up to date and running. The services
// are busybox httpd on the engine's `host` network (an external network in the stack file: a
// swarm ignores network_mode), on free ports of 127.0.0.1.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploy } from '../src/gitops/deploy.js';
import { rollback } from '../src/gitops/rollback.js';
import { reconcilerEnv } from '../src/gitops/reconciler.js';
import { templates } from '../src/remote/commands.js';
import type { SwarmService } from '../src/remote/swarm.js';
import { httpGet, httpdService } from './support/docker.js';
import { COMPOSE, git } from './support/repos.js';
import { startStack, type Stack } from './support/stack.js';
import { freePort } from './support/sshd.js';
import { BIN } from './helpers.js';

const STACK = 'CodeFoundry';
let s: Stack;

/** One swarm service: busybox httpd on 127.0.0.1:port, rolled back by the swarm when an update fails. */
function swarmService(name: string, port: number, options: { healthy?: boolean; failureAction?: string } = {}): string {
  let text = httpdService(name, port, ['    networks: [hostnet]', '    deploy:', '      replicas: 1', '      update_config:',
    `        failure_action: ${options.failureAction ?? 'rollback'}`, '        monitor: 2s'])
    .replace('    network_mode: host\n', '');
  if (options.healthy === false) text = text.replace(/test: \[.*\]/, 'test: ["CMD", "false"]').replace('retries: 3', 'retries: 1');
  return text;
}
const stackFile = (...services: string[]): string =>
  `services:\n${services.join('')}networks:\n  hostnet:\n    external: true\n    name: host\n`;

/** The engine's own view of a service (not gitops-guard's reading of it). */
const inspect = (service: string, format: string): string => s.engine.docker('service', 'inspect', '--format', format, `${STACK}_${service}`);
const rows = (v: { services: unknown[] } | undefined): SwarmService[] => (v?.services ?? []) as SwarmService[];

async function until(what: string, check: () => Promise<boolean> | boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  s = await startStack({ name: 'swarm', ports: 6, config: { reconciler: { type: 'swarm', resolveImage: 'never' } } });
  // The swarm's API on a free port of 127.0.0.1, not 0.0.0.0:2377, where another test's swarm may be.
  const port = await freePort();
  expect(s.engine.docker('swarm', 'init', '--advertise-addr', `127.0.0.1:${port}`, '--listen-addr', `127.0.0.1:${port}`))
    .toContain('Swarm initialized');
}, 120_000);

afterAll(async () => {
  try {
    s?.engine.docker('stack', 'rm', STACK);
    s?.engine.docker('swarm', 'leave', '--force');
  } catch { /* the engine is stopped next anyway */ }
  await s?.stop();
}, 60_000);

describe('reconciler: swarm', () => {
  it('deploys the stack file with docker stack deploy through the reconciler, and verify waits until every service runs', async () => {
    const [gw, api] = s.ports as [number, number];
    writeFileSync(join(s.dev, COMPOSE), stackFile(swarmService('gateway', gw), swarmService('api', api)));
    const { config, server } = await s.setup();
    try {
      expect(reconcilerEnv(config)).toEqual(expect.arrayContaining([['GITOPS_GUARD_ENGINE', 'swarm'],
        ['GITOPS_GUARD_STACK_ARGS', '--prune --resolve-image never'], ['GITOPS_GUARD_STACK', STACK]]));
      const r = await deploy(config, { message: 'gateway and api as a swarm stack', server, pollMs: 200, waitTimeoutMs: 60_000 });
      expect(r.verify?.problems).toEqual([]);
      expect(r.verify).toMatchObject({ ok: true, pending: false });
      expect(rows(r.verify).map((v) => [v.service, v.state, v.replicas])).toEqual([
        ['api', 'running', { running: 1, desired: 1 }], ['gateway', 'running', { running: 1, desired: 1 }]]);
      // The engine agrees: the stack's services exist, labelled with the stack, and serve.
      expect(s.engine.docker('stack', 'services', STACK, '--format', '{{.Name}} {{.Replicas}}').split('\n').sort())
        .toEqual([`${STACK}_api 1/1`, `${STACK}_gateway 1/1`]);
      expect(await httpGet(gw)).toBe(200);
      expect(await httpGet(api)).toBe(200);
      const status = await server.status();
      expect(status.summary).toContain('2/2 services running as specified');
      expect(status.server.applied).toMatchObject({ ok: true, applied: r.commit });
    } finally {
      server.close();
    }
  });

  it('waits for a rolling update (new spec, replaced task) and reports the engine\'s completed update', async () => {
    const [gw, api, gw2] = s.ports as [number, number, number];
    const before = inspect('gateway', '{{json .UpdateStatus}}');
    writeFileSync(join(s.dev, COMPOSE), stackFile(swarmService('gateway', gw2), swarmService('api', api)));
    const { config, server } = await s.setup();
    try {
      const r = await deploy(config, { message: 'gateway on another port', server, pollMs: 200, waitTimeoutMs: 60_000 });
      expect(r.verify?.problems).toEqual([]);
      expect(r.verify?.ok).toBe(true);
      const gateway = rows(r.verify).find((v) => v.service === 'gateway')!;
      expect(gateway.update).toMatchObject({ state: 'completed', message: 'update completed' });
      expect(r.verify?.recreated).toContain('gateway');
      expect(before).toBe('null');
      expect(inspect('gateway', '{{.UpdateStatus.State}}')).toBe('completed');
      expect(await httpGet(gw2)).toBe(200);
      expect(await httpGet(gw)).toBeNull();
      // api's spec did not change: the swarm left it alone.
      expect(inspect('api', '{{json .UpdateStatus}}')).toBe('null');
    } finally {
      server.close();
    }
  });

  it('status (CLI) lists the services with replicas and update state', () => {
    const r = spawnSync(process.execPath, [BIN, 'status'],
      { cwd: s.dev, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: join(s.work, 'home'), NO_COLOR: '1' } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('2/2 services running as specified');
    expect(r.stdout).toMatch(/gateway\s+CodeFoundry_gateway\s+local\/busybox:1\s+running\s+-\s+-\s+-\s+replicas 1\/1; update completed: update completed/);
    expect(r.stdout).toMatch(/api\s+CodeFoundry_api\s+local\/busybox:1\s+running\s+-\s+-\s+-\s+replicas 1\/1\n/);
    // logs of a swarm service: docker service logs, each line prefixed with its task.
    const logs = spawnSync(process.execPath, [BIN, 'logs', 'gateway', '--tail', '20'],
      { cwd: s.dev, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: join(s.work, 'home'), NO_COLOR: '1' } });
    expect(logs.status, logs.stderr).toBe(0);
    expect(logs.stdout).toContain(`== gateway (${STACK}_gateway) stdout ==\n`);
    // Every task's lines, the replaced one's too (docker service logs keeps them).
    expect(logs.stdout).toMatch(new RegExp(`^${STACK}_gateway\\.1\\.\\w+@\\S+\\s+\\| listening on 127\\.0\\.0\\.1:${s.ports[2]}$`, 'm'));
    expect(logs.stdout).toMatch(/stderr ==\n\S+\s+\| warn: no TLS configured/);
  });

  it('deploys the stack again when a service was scaled by hand (drift), and says so', async () => {
    s.engine.docker('service', 'scale', '--detach', `${STACK}_api=0`);
    const r = await s.reconcile({ GITOPS_GUARD_ENGINE: 'swarm', GITOPS_GUARD_STACK_ARGS: '--prune --resolve-image never' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`the stack's services differed from git (scaled, updated, rolled back or removed by hand: ${STACK}_api); deployed the stack again`);
    expect(inspect('api', '{{.Spec.Mode.Replicated.Replicas}}')).toBe('1');
    await until('api to serve again', async () => (await httpGet(s.ports[1]!)) === 200);
    // Nothing differs any more: the next run does nothing.
    const again = await s.reconcile({ GITOPS_GUARD_ENGINE: 'swarm' });
    expect(again).toMatchObject({ code: 0, stderr: '' });
  });

  it('reports a failed update with the engine\'s own words, keeps the old task serving, and does not deploy it again', async () => {
    const [, api, gw2] = s.ports as [number, number, number];
    writeFileSync(join(s.dev, COMPOSE), stackFile(swarmService('gateway', gw2, { healthy: false }), swarmService('api', api)));
    const { config, server } = await s.setup();
    try {
      const r = await deploy(config, { message: 'a gateway whose check always fails', server, pollMs: 200, waitTimeoutMs: 90_000 });
      expect(r.verify).toMatchObject({ ok: false, pending: false });
      const text = r.verify!.problems.join('\n');
      expect(text).toMatch(/gateway: the swarm's update is rollback_(started|completed): (update rolled back|rollback completed)/);
      expect(text).toContain('unhealthy container');
      expect(text).toContain(`gitops-guard rollback ${r.commit!.slice(0, 7)}`);
      await until('the rollback to complete', () => inspect('gateway', '{{.UpdateStatus.State}}') === 'rollback_completed');
      // The swarm starts the old task again once its rollback completed.
      await until('the old gateway to serve again', async () => (await httpGet(gw2)) === 200);
      // The timer's next run sees the rolled-back spec and reports it instead of repeating the update.
      const run = await s.reconcile({ GITOPS_GUARD_ENGINE: 'swarm', GITOPS_GUARD_STACK_ARGS: '--prune --resolve-image never' });
      expect(run.code).toBe(6);
      expect(run.stderr).toMatch(new RegExp(`the swarm rolled back ${r.commit} after a failed update: ${STACK}_gateway rollback_completed`));
      expect(inspect('gateway', '{{.UpdateStatus.State}}')).toBe('rollback_completed');

      // git revert: the stack file is what runs again; the earlier rollback state is not this deploy's failure.
      const back = await rollback(config, { last: true }, { server, pollMs: 200, waitTimeoutMs: 60_000 });
      expect(back.verify?.problems).toEqual([]);
      expect(back.verify?.ok).toBe(true);
      expect(await httpGet(gw2)).toBe(200);
    } finally {
      server.close();
    }
  });

  it('ends the wait on a paused update (the swarm\'s default failure action) with its message', async () => {
    const [, api, gw2, api2] = s.ports as [number, number, number, number];
    writeFileSync(join(s.dev, COMPOSE), stackFile(swarmService('gateway', gw2),
      swarmService('api', api2, { healthy: false, failureAction: 'pause' })));
    const { config, server } = await s.setup();
    try {
      const r = await deploy(config, { message: 'an api whose check always fails', server, pollMs: 200, waitTimeoutMs: 90_000 });
      expect(r.verify).toMatchObject({ ok: false, pending: false });
      expect(r.verify!.problems.join('\n')).toMatch(/api: the swarm's update is paused: update paused due to failure or early termination of task/);
      expect(inspect('api', '{{.UpdateStatus.State}}')).toBe('paused');
      expect(await httpGet(api)).toBeNull();
      expect(git(s.bare, 'rev-parse', 'main')).toBe(r.commit);
    } finally {
      server.close();
    }
  });

  it('ends the wait when a new service\'s tasks keep failing, with the task\'s error', async () => {
    const [, , gw2, api2, worker] = s.ports as [number, number, number, number, number];
    const crashing = swarmService('worker', worker).replace(/command: \[.*\]/, 'command: ["sh", "-c", "echo no database >&2; exit 3"]')
      .replace('        monitor: 2s\n', '        monitor: 2s\n      restart_policy:\n        delay: 1s\n');
    writeFileSync(join(s.dev, COMPOSE), stackFile(swarmService('gateway', gw2), swarmService('api', api2, { failureAction: 'pause' }), crashing));
    const { config, server } = await s.setup();
    try {
      const r = await deploy(config, { message: 'a worker that exits at once', server, pollMs: 200, waitTimeoutMs: 120_000 });
      expect(r.verify).toMatchObject({ ok: false, pending: false });
      expect(r.verify!.problems.join('\n')).toMatch(/worker: 0\/1 replicas up to date and running, \d+ of its tasks failed \(last task error: "?task: non-zero exit \(3\)/);
      expect(inspect('worker', '{{json .UpdateStatus}}')).toBe('null');
    } finally {
      server.close();
    }
  });

  it('when docker stack deploy itself fails (exit 6), the advice names docker stack deploy, not compose up', async () => {
    const [, , gw2, api2] = s.ports as [number, number, number, number];
    const good = stackFile(swarmService('gateway', gw2), swarmService('api', api2, { failureAction: 'pause' }));
    // An external network no swarm has: docker stack config renders it, docker stack deploy refuses it.
    const missingNet = good.replace('    networks: [hostnet]\n', '    networks: [hostnet, nowhere]\n')
      .replace('networks:\n  hostnet:', 'networks:\n  nowhere:\n    external: true\n    name: gitops-guard-no-such-network\n  hostnet:');
    writeFileSync(join(s.dev, COMPOSE), missingNet);
    const { config, server } = await s.setup();
    try {
      const r = await deploy(config, { message: 'a network that is not there', server, pollMs: 200, waitTimeoutMs: 60_000 });
      expect(r.verify).toMatchObject({ ok: false, pending: false });
      const text = r.verify!.problems.join('\n');
      expect(text).toMatch(/failed \(exit 6\)[\s\S]*gitops-guard-no-such-network/);
      expect(text).toContain(`docker stack deploy failed for ${r.commit!.slice(0, 7)}; look at gitops-guard logs <service>`);
      expect(text).not.toContain('docker compose up');
    } finally {
      server.close();
    }
    writeFileSync(join(s.dev, COMPOSE), good);
    git(s.dev, 'commit', '-qam', 'deploy: the stack without the missing network');
    git(s.dev, 'push', '-q');
  });

  it('a server that is not a swarm manager: install and the reconciler say so', async () => {
    const { server } = await s.setup();
    try {
      const manager = await server.run(templates.missingTools(['git', 'flock', 'docker'], 'swarm'));
      expect(manager.stdout).toBe('');
      s.engine.docker('stack', 'rm', STACK);
      s.engine.docker('swarm', 'leave', '--force');
      const missing = await server.run(templates.missingTools(['git', 'flock', 'docker'], 'swarm'));
      expect(missing.stdout.trim()).toBe('a swarm manager (this docker is not one: docker swarm init, or install on a manager)');
      const r = await s.reconcile({ GITOPS_GUARD_ENGINE: 'swarm' });
      expect(r.code).toBe(6);
      expect(r.stderr).toMatch(/docker (service ls|stack deploy) failed.*[\s\S]*not a swarm manager/);
      await expect(server.status()).rejects.toThrow(/listing the swarm services of stack CodeFoundry on 127\.0\.0\.1 failed \(exit 1\): .*not a swarm manager/);
    } finally {
      server.close();
    }
  });
});
