// `gitops-guard logs SERVICE [--tail N] [--since 10m] [--follow 30s] [--grep TEXT] [--json]`
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config-file.js';
import { LOGS_DEFAULT_TAIL, LOGS_MAX_TAIL } from '../remote/commands.js';
import { Server } from '../remote/server.js';
import { usageError } from './exit.js';
import { paint, useColour } from './output.js';

export const usage = `Usage: gitops-guard logs SERVICE [--tail N] [--since 10m] [--follow 30s] [--grep TEXT] [--json]

Show a service's logs from the server, stdout and stderr kept apart.
  --tail N        lines from the end (default ${LOGS_DEFAULT_TAIL}, at most ${LOGS_MAX_TAIL})
  --since WHEN    only newer lines: a duration (10m, 2h) or a timestamp
  --follow TIME   keep reading new lines for this long (30s, 5m; at most 10m)
  --grep TEXT     only lines containing TEXT
  --json          print the result as JSON
`;

/** `30s`, `5m`, `1h`, or seconds. */
export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (!m) throw usageError(`"${text}" is not a duration (30s, 5m, 1h)`);
  const n = Number(m[1]);
  const unit = m[2] ?? 's';
  return n * (unit === 'ms' ? 1 : unit === 's' ? 1000 : unit === 'm' ? 60_000 : 3_600_000);
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: {
      tail: { type: 'string' }, since: { type: 'string' }, follow: { type: 'string' }, grep: { type: 'string' },
      json: { type: 'boolean' }, config: { type: 'string' }, cwd: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) { process.stdout.write(usage); return 0; }
  if (positionals.length !== 1) throw usageError('logs: name one service');
  const tail = values.tail === undefined ? undefined : Number(values.tail);
  const followMs = values.follow === undefined ? undefined : parseDuration(values.follow);
  if (followMs !== undefined && (followMs <= 0 || followMs > 600_000)) throw usageError('logs: --follow takes a time limit up to 10m');
  const cwd = resolve(values.cwd ?? process.cwd());
  const config = await loadConfig({ cwd, ...(values.config ? { file: values.config } : {}) });
  const server = new Server(config);
  try {
    const result = await server.logs(positionals[0]!, {
      ...(tail !== undefined ? { tail } : {}), ...(values.since ? { since: values.since } : {}),
      ...(values.grep !== undefined ? { grep: values.grep } : {}), ...(followMs !== undefined ? { followMs } : {}),
    });
    if (values.json) {
      process.stdout.write(JSON.stringify(result, null, 2) + '\n');
      return 0;
    }
    const p = paint(useColour(process.stdout));
    process.stdout.write(`${p.dim(`== ${result.service} (${result.container}) stdout ==`)}\n${result.stdout}${result.stdout.endsWith('\n') || !result.stdout ? '' : '\n'}`);
    process.stdout.write(`${p.dim(`== ${result.service} (${result.container}) stderr ==`)}\n${result.stderr}${result.stderr.endsWith('\n') || !result.stderr ? '' : '\n'}`);
    if (result.note) process.stdout.write(`${p.yellow('note:')} ${result.note}\n`);
    return 0;
  } finally {
    server.close();
  }
}
