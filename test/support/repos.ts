// The git side of the GitOps tests, all real: a bare repository as the remote, a developer clone
// on main, and the server's checkout cloned from the remote after the first push.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { httpdService } from './docker.js';

export const COMPOSE = 'server/docker-compose.yml';

/** git with a fixed identity; returns trimmed stdout. */
export const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=Dev', '-c', 'user.email=dev@example.com', ...args], { cwd, encoding: 'utf8' }).trim();

/** The seed's gateway service, serving on 127.0.0.1:`port` (busybox httpd on the test engine). */
export const gatewayCompose = (port: number): string => `services:\n${httpdService('gateway', port)}`;

export interface Repos {
  readonly bare: string;
  readonly dev: string;
  readonly checkout: string;
}

/**
 * Under `work`: origin.git (bare) and dev, a clone whose first commit, `message`, holds `files` and
 * is pushed to main.
 */
export function makeOrigin(work: string, options: { files: Record<string, string>; message: string }): { bare: string; dev: string } {
  const bare = join(work, 'origin.git');
  const dev = join(work, 'dev');
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', bare]);
  execFileSync('git', ['clone', '-q', bare, dev], { stdio: 'pipe' });
  git(dev, 'checkout', '-q', '-b', 'main');
  // simple-git commits without -c, so the clone carries the identity itself.
  git(dev, 'config', 'user.name', 'Dev');
  git(dev, 'config', 'user.email', 'dev@example.com');
  for (const [path, content] of Object.entries(options.files)) {
    mkdirSync(dirname(join(dev, path)), { recursive: true });
    writeFileSync(join(dev, path), content);
  }
  git(dev, 'add', '.');
  git(dev, 'commit', '-qm', options.message);
  git(dev, 'push', '-q', '-u', 'origin', 'main');
  return { bare, dev };
}

/** makeOrigin, and the server checkout at `checkout` (relative to `work`). */
export function makeRepos(work: string, options: { checkout: string; files: Record<string, string>; message: string }): Repos {
  const { bare, dev } = makeOrigin(work, options);
  const checkout = join(work, options.checkout);
  execFileSync('git', ['clone', '-q', bare, checkout], { stdio: 'pipe' });
  return { bare, dev, checkout };
}
