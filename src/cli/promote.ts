// `gitops-guard promote FROM TO`: move TO's branch to the commit FROM runs (healthy on every host),
// by a fast-forward push, never forced; then wait for TO like deploy (src/gitops/promote.ts).
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { loadConfig } from '../config-file.js';
import { promote } from '../gitops/promote.js';
import { common, loopOptions, report } from './deploy.js';
import { pickEnvironment } from './env.js';
import { usageError } from './exit.js';

export const usage = `Usage: gitops-guard promote FROM TO [--dry-run] [--no-wait] [--timeout 5m] [--json]

Branch per environment: give TO the commit FROM runs. Fetches both branches, then refuses (exit 5,
nothing pushed) unless every host of FROM applied FROM's branch head and is healthy, and unless
TO's branch is an ancestor of that commit (TO has nothing FROM lacks). Then moves TO's branch to it
with a plain push (git push REMOTE SHA:refs/heads/TO-BRANCH: a fast-forward, never forced) and
waits until every host of TO applied it and is healthy, like deploy. A failure after the push
loses nothing: the commit stays on TO's branch, and the message says which host is behind and how
to finish (gitops-guard deploy --env TO --resume).

Options:
  --dry-run       check and show what would be pushed; change nothing
  --no-wait       push and return; do not wait for TO's hosts
  --timeout TIME  how long to wait for TO (default 5m)
  --json          print the result as one JSON object (also on failure)
  --config FILE, --cwd DIR, -h/--help

Exit status: 0 TO live and healthy; 5 refused; 7 pushed but not applied yet; 8 applied but not healthy.
`;

export async function run(argv: string[]): Promise<number> {
  const { env: _env, ...options } = common;
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options });
  if (values.help) { process.stdout.write(usage); return 0; }
  if (positionals.length !== 2) throw usageError('promote: name two environments, FROM and TO (gitops-guard environments lists them)');
  const config = await loadConfig({ cwd: resolve(values.cwd ?? process.cwd()), ...(values.config ? { file: values.config } : {}) });
  const from = pickEnvironment(config, positionals[0]);
  const to = pickEnvironment(config, positionals[1]);
  const { fleet, options: wait } = loopOptions(to, values);
  try {
    const r = await promote(from, to, wait);
    const move = `${to.remote}/${to.branch} ${r.previous ? r.previous.slice(0, 7) : '(new)'} -> ${r.head.slice(0, 7)}`;
    const header = r.dryRun ? `dry run: ${r.message}; would move ${move} (${r.commits} commit(s)); nothing was pushed`
      : r.commits === 0 ? `${r.message}: ${to.remote}/${to.branch} was there already; nothing to push`
        : `${r.message}: moved ${move} (${r.commits} commit(s)) at ${r.pushedAt}`;
    return report(r, Boolean(values.json), header);
  } finally {
    fleet?.close();
  }
}
