// One GitOps setup for a test file, all real: a private Docker Engine, an sshd whose sessions talk
// to it, a bare remote, a developer clone on main with gitops-guard.json committed, the server's
// checkout, and the reconciler script beside it. The gateway is busybox httpd on free ports.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadConfig, type ConfigInput, type ResolvedConfig } from '../../src/index.js';
import { RECONCILER_SCRIPT } from '../../src/gitops/reconciler.js';
import { Server } from '../../src/remote/server.js';
import { startEngine, type Engine } from './docker.js';
import { COMPOSE, gatewayCompose, git, makeRepos } from './repos.js';
import { freePorts, startSshd, type Sshd } from './sshd.js';

export interface Stack {
  readonly engine: Engine;
  readonly sshd: Sshd;
  readonly work: string;
  readonly bare: string;
  readonly dev: string;
  readonly checkout: string;
  readonly script: string;
  readonly stateFile: string;
  /** Free ports on 127.0.0.1; the first is the gateway's at the start. */
  readonly ports: number[];
  /** The committed config, with overrides, and a Server for it (close it). */
  setup(overrides?: Partial<ConfigInput>, dir?: string): Promise<{ config: ResolvedConfig; server: Server }>;
  /** Run the reconciler on the server (as its timer would); `env` adds settings. */
  reconcile(env?: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }>;
  /** A commit pushed from another clone (someone else deploying). */
  pushFromAnotherClone(file: string, content: string, message: string): string;
  stop(): Promise<void>;
}

export async function startStack(options: { ports?: number; name?: string; config?: Partial<ConfigInput> } = {}): Promise<Stack> {
  const [engine, ports] = await Promise.all([startEngine(), freePorts(options.ports ?? 8)]);
  const sshd = await startSshd({ engine });
  const work = mkdtempSync(join(tmpdir(), `gitops-guard-${options.name ?? 'stack'}-`));
  const { bare, dev, checkout } = makeRepos(work, { checkout: 'srv/CodeFoundry', message: 'deploy: gateway',
    files: { [COMPOSE]: gatewayCompose(ports[0]!), 'README.md': 'the project\n' } });
  // Where server install puts it (the default reconcilerPath): a project config naming another
  // program for trigger would wait for a person's trust.
  const script = join(sshd.home, '.local', 'bin', 'gitops-guard-reconcile');
  mkdirSync(dirname(script), { recursive: true });
  writeFileSync(script, RECONCILER_SCRIPT, { mode: 0o755 });
  const kh = join(work, 'known_hosts');
  writeFileSync(kh, sshd.knownHostsLine + '\n');
  const stateFile = join(work, 'state', 'state.json');
  const base: ConfigInput = { host: '127.0.0.1', port: sshd.port, user: 'root', remotePath: checkout, composeFiles: [COMPOSE],
    stateFile, sshConfig: null, knownHosts: [kh], identityFile: sshd.clientKey,
    reconcile: 'trigger', ...options.config };
  writeFileSync(join(dev, 'gitops-guard.json'), JSON.stringify(base, null, 2));
  git(dev, 'add', 'gitops-guard.json');
  git(dev, 'commit', '-qm', 'add gitops-guard config');
  git(dev, 'push', '-q');
  let n = 0;
  const stack: Stack = {
    engine, sshd, work, bare, dev, checkout, script, stateFile, ports,
    async setup(overrides = {}, dir = dev) {
      const committed = JSON.parse(readFileSync(join(dev, 'gitops-guard.json'), 'utf8')) as ConfigInput;
      const config = await loadConfig({ cwd: dir, root: dir, config: { ...committed, ...overrides } });
      return { config, server: new Server(config, { ssh: { agent: '' } }) };
    },
    async reconcile(env = {}) {
      const { server } = await stack.setup();
      try {
        const settings = { GITOPS_GUARD_REPO: checkout, GITOPS_GUARD_COMPOSE_FILES: COMPOSE, GITOPS_GUARD_STATE: stateFile, ...env };
        const r = await server.run(`${Object.entries(settings).map(([k, v]) => `${k}='${v}'`).join(' ')} sh ${script}`);
        return { code: r.code, stdout: r.stdout, stderr: r.stderr };
      } finally {
        server.close();
      }
    },
    pushFromAnotherClone(file, content, message) {
      const other = join(work, `other-${++n}`);
      execFileSync('git', ['clone', '-q', bare, other]);
      writeFileSync(join(other, file), content);
      git(other, 'add', file);
      git(other, 'commit', '-qm', message);
      git(other, 'push', '-q');
      return git(other, 'rev-parse', 'HEAD');
    },
    async stop() {
      await sshd.stop();
      await engine.stop();
    },
  };
  return stack;
}
