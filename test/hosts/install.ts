// The agent hosts the suite runs, pinned, and their installation from npm into a cache directory
// outside the repository that later runs reuse ($GITOPS_GUARD_HOSTS_CACHE, else
// $XDG_CACHE_HOME/gitops-guard-hosts, else ~/.cache/gitops-guard-hosts).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export type HostId = 'claude' | 'codex' | 'gemini' | 'copilot';

export interface Pin {
  readonly id: HostId;
  readonly name: string;
  readonly pkg: string;
  /** The exact version proven by this suite (docs/hosts.md). */
  readonly version: string;
  readonly bin: string;
  /**
   * The package's own install script, run by hand when npm did not run it (npm 12 blocks
   * unreviewed install scripts): Claude Code's copies its native binary over a placeholder.
   */
  readonly installScript?: string;
}

export const PINS: Readonly<Record<HostId, Pin>> = {
  claude: { id: 'claude', name: 'Claude Code', pkg: '@anthropic-ai/claude-code', version: '2.1.332', bin: 'claude', installScript: 'install.cjs' },
  codex: { id: 'codex', name: 'Codex CLI', pkg: '@openai/codex', version: '0.171.0', bin: 'codex' },
  gemini: { id: 'gemini', name: 'Gemini CLI', pkg: '@google/gemini-cli', version: '0.61.0', bin: 'gemini' },
  copilot: { id: 'copilot', name: 'GitHub Copilot CLI', pkg: '@github/copilot', version: '1.0.102', bin: 'copilot' },
};

export function cacheRoot(): string {
  if (process.env.GITOPS_GUARD_HOSTS_CACHE) return process.env.GITOPS_GUARD_HOSTS_CACHE;
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'gitops-guard-hosts');
}

export function hostDir(pin: Pin): string {
  return join(cacheRoot(), `${pin.id}-${pin.version}`);
}

export function hostBin(pin: Pin): string {
  return join(hostDir(pin), 'node_modules', '.bin', pin.bin);
}

/** The version line the installed host prints, or undefined when it does not run. */
function installedVersion(pin: Pin): string | undefined {
  if (!existsSync(hostBin(pin))) return undefined;
  const home = join(hostDir(pin), 'version-home');
  mkdirSync(home, { recursive: true });
  const r = spawnSync(hostBin(pin), ['--version'], { encoding: 'utf8', timeout: 60_000, cwd: home,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, CODEX_HOME: join(home, '.codex') } });
  return r.status === 0 ? `${r.stdout}`.trim() : undefined;
}

/** Install the pinned host unless the cache already holds it; returns how it went. */
export function ensureHost(pin: Pin): { installed: boolean; versionLine: string } {
  const before = installedVersion(pin);
  if (before?.includes(pin.version)) return { installed: false, versionLine: before };
  const dir = hostDir(pin);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true, description: `gitops-guard host suite: ${pin.pkg}@${pin.version}` }) + '\n');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--loglevel=error', `${pin.pkg}@${pin.version}`],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], timeout: 600_000 });
  let after = installedVersion(pin);
  if (!after?.includes(pin.version) && pin.installScript) {
    execFileSync(process.execPath, [pin.installScript], { cwd: join(dir, 'node_modules', pin.pkg), stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 });
    after = installedVersion(pin);
  }
  if (!after?.includes(pin.version)) {
    throw new Error(`${pin.pkg}@${pin.version} installed in ${dir} but \`${pin.bin} --version\` printed ${JSON.stringify(after)}`);
  }
  return { installed: true, versionLine: after };
}
