// The MCP server as an agent sees it: the SDK's own Client over stdio spawns the built server,
// which works against a real git remote and a real sshd whose sessions talk to a real Docker Engine
// (support/docker.ts): the gateway is busybox httpd on 127.0.0.1, on free ports. A second client, the
// MCP Inspector's CLI (a devDependency), checks that nothing depends on the SDK's client.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ElicitRequestSchema, LoggingMessageNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECONCILER_SCRIPT } from '../src/gitops/reconciler.js';
import { COMPOSE, gatewayCompose as compose, git, makeRepos } from './support/repos.js';
import { freePort, freePorts, startSshd, type Sshd } from './support/sshd.js';
import { httpGet, startEngine, type Engine } from './support/docker.js';
import { BIN } from './helpers.js';

let engine: Engine;
let sshd: Sshd;
let P: number[];
let work: string;
let bare: string;
let dev: string;
let checkout: string;
let baseConfig: Record<string, unknown>;
const clients: Client[] = [];
const asked: string[] = [];

beforeAll(async () => {
  [engine, P] = await Promise.all([startEngine(), freePorts(4)]);
  sshd = await startSshd({ engine });
  work = mkdtempSync(join(tmpdir(), 'gitops-guard-mcp-'));
  checkout = join(work, 'srv', 'app');
  const kh = join(work, 'known_hosts');
  writeFileSync(kh, sshd.knownHostsLine + '\n');
  writeFileSync(join(work, 'reconcile.sh'), RECONCILER_SCRIPT, { mode: 0o755 });
  baseConfig = {
    host: '127.0.0.1', port: sshd.port, user: 'root', remotePath: checkout, composeFiles: [COMPOSE], stateFile: join(work, 'state.json'),
    sshConfig: null, knownHosts: [kh], identityFile: sshd.clientKey, reconcile: 'trigger', reconcilerPath: join(work, 'reconcile.sh'),
  };
  // Which program deploy runs on the server is the person's to say (a project's config naming one
  // needs their trust): the user-level config, in this test's HOME, names it.
  mkdirSync(join(work, '.config', 'gitops-guard'), { recursive: true });
  writeFileSync(join(work, '.config', 'gitops-guard', 'gitops-guard.json'), JSON.stringify({ reconcilerPath: join(work, 'reconcile.sh') }));
  ({ bare, dev } = makeRepos(work, { checkout: 'srv/app', message: 'deploy: gateway on 18789',
    files: { [COMPOSE]: compose(P[0]!), 'gitops-guard.json': JSON.stringify(baseConfig) } }));
  // The gateway as first deployed: the reconciler run once, as the server's timer would.
  execFileSync('sh', [join(work, 'reconcile.sh')], { env: { ...process.env, ...engine.env, GITOPS_GUARD_REPO: checkout,
    GITOPS_GUARD_COMPOSE_FILES: COMPOSE, GITOPS_GUARD_STATE: join(work, 'state.json') }, stdio: 'pipe' });
}, 120_000);

afterAll(async () => {
  for (const c of clients) await c.close().catch(() => undefined);
  await sshd?.stop();
  await engine?.stop();
}, 60_000);

async function connect(args: string[] = [], cwd = dev, answer?: boolean): Promise<Client> {
  const transport = new StdioClientTransport({
    command: process.execPath, args: [BIN, 'mcp', ...args], cwd, stderr: 'pipe',
    env: { PATH: process.env.PATH ?? '', HOME: work },
  });
  const client = new Client({ name: 'gitops-guard-test', version: '1.0.0' }, answer === undefined ? {} : { capabilities: { elicitation: {} } });
  if (answer !== undefined) {
    client.setRequestHandler(ElicitRequestSchema, async (req) => {
      asked.push(req.params.message);
      return answer ? { action: 'accept', content: { confirm: true } } : { action: 'decline' };
    });
  }
  await client.connect(transport);
  clients.push(client);
  return client;
}

type ToolResult = { isError?: boolean; structuredContent?: any; content: { type: string; text: string }[] };
/** Another developer clone of the remote, with its own gitops-guard.json kept out of git. */
function clone(prefix: string, overrides: Record<string, unknown>): string {
  const dir = mkdtempSync(join(work, prefix));
  execFileSync('git', ['clone', '-q', bare, dir]);
  git(dir, 'config', 'user.name', 'Dev');
  git(dir, 'config', 'user.email', 'dev@example.com');
  writeFileSync(join(dir, '.git', 'info', 'exclude'), 'gitops-guard.json\n');
  writeFileSync(join(dir, 'gitops-guard.json'), JSON.stringify({ ...baseConfig, ...overrides }));
  return dir;
}

const call = async (client: Client, name: string, args: Record<string, unknown> = {}, onprogress?: (p: unknown) => void): Promise<ToolResult> =>
  (await client.callTool({ name, arguments: args }, undefined, { ...(onprogress ? { onprogress } : {}), timeout: 60_000 })) as ToolResult;

describe('tools/list', () => {
  it('lists the tools with schemas, titles, descriptions and annotations', async () => {
    const client = await connect();
    const { tools } = await client.listTools();
    const byName = Object.fromEntries(tools.map((t) => [t.name, t]));
    expect(Object.keys(byName).sort()).toEqual(['check_command', 'deploy', 'environments', 'history', 'logs', 'plan', 'promote', 'rollback', 'status']);
    for (const t of tools) {
      expect(t.title, t.name).toBeTruthy();
      expect(t.description!.length, t.name).toBeGreaterThan(60);
      expect(t.outputSchema, t.name).toBeDefined();
    }
    // destructiveHint and idempotentHint only where a tool changes something; openWorldHint said
    // everywhere (its default, true, is wrong for the local tools).
    const annotations = Object.fromEntries(tools.map((t) => [t.name, t.annotations]));
    expect(annotations).toEqual({
      check_command: { readOnlyHint: true, openWorldHint: false },
      history: { readOnlyHint: true, openWorldHint: false },
      plan: { readOnlyHint: true, openWorldHint: false },
      status: { readOnlyHint: true, openWorldHint: true },
      logs: { readOnlyHint: true, openWorldHint: true },
      deploy: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
      rollback: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
      environments: { readOnlyHint: true, openWorldHint: true },
      promote: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
    });
    expect(byName.rollback!.inputSchema).toMatchObject({ oneOf: [{ required: ['sha'] }, { required: ['last'] }] });
    // The list never changes, so no list_changed notifications are offered.
    expect(client.getServerCapabilities()).toEqual({ logging: {}, tools: {} });
    expect(Object.keys(byName.deploy!.inputSchema.properties ?? {}).sort()).toEqual(['dry_run', 'env', 'files', 'message', 'restart', 'resume', 'revert_on_failure', 'service', 'wait', 'wait_seconds']);
    expect(byName.logs!.inputSchema.required).toEqual(['service']);
  });

  it('answers initialize and tools/list before the SDK loads, exactly as the SDK server answers them after', async () => {
    const client = await connect();
    const early = await client.listTools();
    expect((await call(client, 'check_command', { command: 'ls' })).structuredContent.decision).toBe('allow');
    // By now the SDK server has the connection (a tools/call is never answered from the manifest).
    expect(await client.listTools()).toEqual(early);
    expect(client.getServerVersion()).toEqual({ name: 'gitops-guard', version: JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')).version });
    expect(client.getInstructions()).toMatch(/^Deploy only through git/);
  });

  it('a read-only server does not list deploy, rollback or promote', async () => {
    const client = await connect(['--read-only']);
    const names = (await client.listTools()).tools.map((t) => t.name).sort();
    expect(names).toEqual(['check_command', 'environments', 'history', 'logs', 'plan', 'status']);
  });
});

describe('read-only tools', () => {
  it('check_command gives the verdict and the GitOps equivalent', async () => {
    const r = await call(await connect(), 'check_command', { command: 'docker compose restart gateway' });
    expect(r.structuredContent).toMatchObject({ decision: 'deny', rewrite: 'git commit --allow-empty -m "deploy: restart gateway" && git push' });
    expect(r.content[0]!.text).toMatch(/^DENY: /);
  });

  it('status, logs and plan', async () => {
    const client = await connect();
    const status = await call(client, 'status');
    expect(status.isError).toBeFalsy();
    expect(status.structuredContent.services).toEqual([expect.objectContaining({ service: 'gateway', state: 'running' })]);
    const logs = await call(client, 'logs', { service: 'gateway', tail: 50 });
    expect(logs.structuredContent).toMatchObject({ stdout: `listening on 127.0.0.1:${P[0]}\n`, stderr: 'warn: no TLS configured\n' });
    writeFileSync(join(dev, COMPOSE), compose(P[1]!));
    const plan = await call(client, 'plan');
    expect(plan.structuredContent).toMatchObject({ branch: 'main', upstream: 'origin/main', unpushed: [], uncommitted: [COMPOSE] });
    git(dev, 'checkout', '--', COMPOSE);
  });
});

describe('deploy and rollback', () => {
  it('deploys with progress notifications, then rolls back', async () => {
    const client = await connect();
    writeFileSync(join(dev, COMPOSE), compose(P[1]!));
    const progress: unknown[] = [];
    const r = await call(client, 'deploy', { message: 'update gateway port to 18790' }, (p) => progress.push(p));
    expect(r.isError, r.content[0]?.text).toBeFalsy();
    expect(r.structuredContent).toMatchObject({ status: 'deployed', message: 'deploy: update gateway port to 18790', files: [COMPOSE] });
    expect(progress.length).toBeGreaterThanOrEqual(5);
    expect(git(checkout, 'rev-parse', 'HEAD')).toBe(r.structuredContent.commit);
    expect(await httpGet(P[1]!)).toBe(200);
    const history = await call(client, 'history');
    expect(history.structuredContent.entries[0]).toMatchObject({ message: 'deploy: update gateway port to 18790', live: true });
    const back = await call(client, 'rollback', { last: true });
    expect(back.structuredContent).toMatchObject({ status: 'deployed' });
    expect(back.structuredContent.message).toMatch(/^deploy: revert [0-9a-f]{7} \(update gateway port to 18790\)$/);
    expect(readFileSync(join(checkout, COMPOSE), 'utf8')).toContain(`127.0.0.1:${P[0]}`);
    expect(await httpGet(P[0]!)).toBe(200);
    expect(await httpGet(P[1]!)).toBeNull();
  });

  it('returns pending with the commit when the server has not applied it within the wait', async () => {
    writeFileSync(join(dev, 'gitops-guard.json'), JSON.stringify({ ...baseConfig, reconcile: 'timer' }));
    git(dev, 'commit', '-qam', 'config: reconcile by timer');
    git(dev, 'push', '-q');
    try {
      const client = await connect();
      writeFileSync(join(dev, COMPOSE), compose(P[2]!));
      const r = await call(client, 'deploy', { message: 'gateway on 18791', wait_seconds: 1 });
      expect(r.structuredContent).toMatchObject({ status: 'pending' });
      expect(r.structuredContent.next).toContain('call status');
    } finally {
      writeFileSync(join(dev, 'gitops-guard.json'), JSON.stringify(baseConfig));
      git(dev, 'commit', '-qam', 'config: reconcile by trigger');
      git(dev, 'push', '-q');
    }
  });
});

describe('interrupted deploys and the server\'s runs', () => {
  it('deploy refuses to bury an unpushed commit and says resume; resume pushes and waits; history shows the server\'s runs', async () => {
    const client = await connect();
    git(dev, 'pull', '-q', '--rebase');
    writeFileSync(join(dev, COMPOSE), compose(P[3]!));
    git(dev, 'commit', '-qam', 'deploy: gateway on P3 (push interrupted)');
    const refused = await call(client, 'deploy', { message: 'something else' });
    expect(refused.isError).toBe(true);
    expect(refused.content[0]!.text).toMatch(/not pushed yet[\s\S]*deploy --resume/);
    const r = await call(client, 'deploy', { resume: true });
    expect(r.isError, r.content[0]?.text).toBeFalsy();
    expect(r.structuredContent).toMatchObject({ status: 'deployed', message: 'deploy: gateway on P3 (push interrupted)' });
    expect(await httpGet(P[3]!)).toBe(200);
    const history = await call(client, 'history');
    expect(history.structuredContent.entries[0]).toMatchObject({ message: 'deploy: gateway on P3 (push interrupted)', live: true });
    expect(history.structuredContent.entries[0].applied).toMatch(/^applied \d{4}-/);
    expect(history.structuredContent.runs[0]).toMatchObject({ commit: r.structuredContent.commit, event: 'applied', ok: true });
    // A container stopped by hand: the next run heals it, and status and history say so.
    engine.docker('stop', '-t', '1', engine.containers()[0]!.id);
    execFileSync('sh', [join(work, 'reconcile.sh')], { env: { ...process.env, ...engine.env, GITOPS_GUARD_REPO: checkout,
      GITOPS_GUARD_COMPOSE_FILES: COMPOSE, GITOPS_GUARD_STATE: join(work, 'state.json') }, stdio: 'pipe' });
    const status = await call(client, 'status');
    expect(status.structuredContent.healed.join(' ')).toContain('brought back with up');
    expect((await call(client, 'history')).structuredContent.runs[0]).toMatchObject({ event: 'healed' });
  });
});

describe('progress', () => {
  it('one notification a step, and a heartbeat at most 10 s apart while the server has not applied the commit', async () => {
    const dir = clone('beat-', { reconcile: 'timer' });
    const client = await connect([], dir);
    const seen: { at: number; progress: number; message: string }[] = [];
    const started = Date.now();
    const r = await call(client, 'deploy', { restart: true, service: 'gateway', wait_seconds: 15 },
      (p) => seen.push({ at: Date.now(), ...(p as { progress: number; message: string }) }));
    const ended = Date.now();
    expect(r.structuredContent).toMatchObject({ status: 'pending' });
    const steps = seen.filter((p) => !p.message.includes('still running')).map((p) => p.message.split(':')[0]);
    expect(new Set(steps).size).toBe(steps.length);
    expect(steps).toEqual(expect.arrayContaining(['check', 'validate', 'fetch', 'commit', 'push', 'wait']));
    const beats = seen.filter((p) => p.message.includes('still running'));
    expect(beats.length).toBeGreaterThanOrEqual(2);
    expect(beats.every((b) => b.message.startsWith('wait: '))).toBe(true);
    const times = [started, ...seen.map((p) => p.at), ended];
    expect(Math.max(...times.slice(1).map((t, i) => t - times[i]!))).toBeLessThanOrEqual(10_000);
    expect(seen.map((p) => p.progress)).toEqual(seen.map((_, i) => i + 1));
    git(dev, 'pull', '-q', '--rebase');
  }, 30_000);
});

describe('input', () => {
  it('rollback takes exactly one of sha and last', async () => {
    const client = await connect();
    for (const args of [{}, { sha: 'abcdef1', last: true }]) {
      const r = await client.callTool({ name: 'rollback', arguments: args }).catch((e: Error) => ({ isError: true, content: [{ type: 'text', text: e.message }] })) as ToolResult;
      expect(r.isError, JSON.stringify(args)).toBe(true);
      expect(r.content[0]!.text).toContain('exactly one of sha');
    }
    expect(git(bare, 'log', '-1', '--format=%s', 'main')).not.toMatch(/revert/);
  });
});

describe('no server configured', () => {
  it('says so, and what to do, instead of "try again when the server is reachable"', async () => {
    const dir = clone('nohost-', { host: undefined, port: undefined, user: undefined });
    const client = await connect([], dir);
    for (const [tool, args] of [['status', {}], ['logs', { service: 'gateway' }]] as const) {
      const r = await call(client, tool, args);
      expect(r.isError, tool).toBe(true);
      expect(r.content[0]!.text, tool).toMatch(/^no server is configured for this project: gitops-guard\.json has no "host"\nNext: set "host"/);
    }
    const pushed = await call(client, 'deploy', { restart: true });
    expect(pushed.structuredContent).toMatchObject({ status: 'pushed' });
    expect(pushed.structuredContent.next).toMatch(/^nothing to verify here: no server is configured/);
    expect((await call(client, 'plan')).structuredContent.summary).toContain('no server configured');
    git(dev, 'pull', '-q', '--rebase');
  });
});

describe('a client that is not the SDK\'s: the MCP Inspector CLI', () => {
  const inspector = (...args: string[]) => spawnSync(join(import.meta.dirname, '..', 'node_modules', '.bin', 'inspector'),
    ['--cli', ...args, '--', process.execPath, BIN, 'mcp'], { cwd: dev, encoding: 'utf8', env: { ...process.env, HOME: work }, timeout: 60_000 });
  it('lists the tools and calls one', () => {
    const list = inspector('--method', 'tools/list');
    expect(list.status, list.stderr).toBe(0);
    const tools = (JSON.parse(list.stdout) as { tools: { name: string; annotations: unknown }[] }).tools;
    expect(tools.map((t) => t.name).sort()).toEqual(['check_command', 'deploy', 'environments', 'history', 'logs', 'plan', 'promote', 'rollback', 'status']);
    expect(list.stderr).toContain('0 errors');
    const check = inspector('--method', 'tools/call', '--tool-name', 'check_command', '--tool-arg', 'command=docker compose restart gateway');
    expect(check.status, check.stderr).toBe(0);
    expect(JSON.parse(check.stdout).structuredContent).toMatchObject({ decision: 'deny' });
  });
});

describe('failures are results, not crashes', () => {
  it('invalid compose, an unsafe service name, and bad arguments', async () => {
    const client = await connect();
    writeFileSync(join(dev, COMPOSE), 'services:\n  gateway:\n    image: ghcr.io/example/gateway\n');
    const bad = await call(client, 'deploy', { message: 'broken' });
    expect(bad.isError).toBe(true);
    expect(bad.content[0]!.text).toContain('not valid; nothing was committed');
    git(dev, 'checkout', '--', COMPOSE);
    const unsafe = await client.callTool({ name: 'logs', arguments: { service: 'web;reboot' } }).catch((e: Error) => ({ isError: true, content: [{ type: 'text', text: e.message }] }));
    expect(unsafe.isError).toBe(true);
    expect(JSON.stringify(unsafe.content)).toMatch(/service|name/);
    const wrongType = await client.callTool({ name: 'logs', arguments: { service: 'gateway', tail: 'lots' } }).catch((e: Error) => ({ isError: true, content: [{ type: 'text', text: e.message }] }));
    expect(wrongType.isError).toBe(true);
    expect(JSON.stringify(wrongType.content)).toContain('tail');
    // The server is still serving after all of that.
    expect((await call(client, 'check_command', { command: 'ls' })).structuredContent.decision).toBe('allow');
  });

  it('a server that is down', async () => {
    const dir = mkdtempSync(join(work, 'down-'));
    execFileSync('git', ['init', '-q', dir]);
    writeFileSync(join(dir, 'gitops-guard.json'), JSON.stringify({ ...baseConfig, port: await freePort() }));
    const r = await call(await connect([], dir), 'status');
    expect(r.isError).toBe(true);
    expect(r.content[0]!.text).toMatch(/cannot reach|refused/);
    expect(r.content[0]!.text).toContain('Next:');
  });

  it('refuses to deploy when confirmDeploy is on and the client cannot ask the person', async () => {
    const dir = clone('confirm-', { confirmDeploy: true });
    const head = git(dir, 'rev-parse', 'HEAD');
    const r = await call(await connect([], dir), 'deploy', { restart: true });
    expect(r.isError).toBe(true);
    expect(r.content[0]!.text).toContain('cannot ask the person');
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);
  });
});

describe('cancellation', () => {
  it('stops waiting when the client cancels; the pushed commit stands and the server keeps serving', async () => {
    const dir = clone('cancel-', { reconcile: 'timer' });
    const pushedBefore = git(bare, 'rev-parse', 'main');
    const client = await connect([], dir);
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 1500);
    const started = Date.now();
    const outcome = await client.callTool({ name: 'deploy', arguments: { restart: true, wait_seconds: 40 } }, undefined, { signal: abort.signal })
      .then(() => 'finished', (e: Error) => e.message);
    expect(outcome).toMatch(/abort|cancel/i);
    expect(Date.now() - started).toBeLessThan(10_000);
    // Cancelling stops the wait, not the deploy: on a busy machine the push may land only now.
    for (let i = 0; i < 300 && git(bare, 'rev-parse', 'main') === pushedBefore; i++) await new Promise((r) => setTimeout(r, 100));
    expect(git(bare, 'log', '-1', '--format=%s', 'main')).toBe('deploy: restart');
    expect((await call(client, 'check_command', { command: 'ls' })).structuredContent.decision).toBe('allow');
    git(dev, 'pull', '-q', '--rebase');
  });
});

describe('confirmDeploy asks the person through elicitation', () => {
  it('pushes only after the person accepts', async () => {
    const dir = clone('ask-', { confirmDeploy: true });
    const head = git(dir, 'rev-parse', 'HEAD');
    const declined = await call(await connect([], dir, false), 'deploy', { restart: true, service: 'gateway' });
    expect(declined.isError).toBe(true);
    expect(declined.content[0]!.text).toContain('did not confirm');
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);
    const client = await connect([], dir, true);
    const logged: string[] = [];
    client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => { logged.push(String(n.params.data)); });
    const accepted = await call(client, 'deploy', { restart: true, service: 'gateway' });
    expect(accepted.structuredContent, accepted.content[0]?.text).toMatchObject({ status: 'deployed', message: 'deploy: restart gateway' });
    expect(asked.at(-1)).toContain('Deploy: restart gateway');
    expect(logged.some((m) => m.startsWith('push:'))).toBe(true);
    git(dev, 'pull', '-q', '--rebase');
  });
});
