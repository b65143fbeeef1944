// `gitops-guard logs SERVICE [--env NAME] [--tail N] [--since 10m] [--follow 30s] [--grep TEXT] [--json]`
import { parseArgs } from 'node:util';
import { LOGS_DEFAULT_TAIL, LOGS_MAX_TAIL } from '../remote/commands.js';
import { Fleet } from '../remote/fleet.js';
import type { LogsResult, Server } from '../remote/server.js';
import { ENV_OPTION, envUsage, loadEnvironment } from './env.js';
import { exitOf, failureOf, noHost, usageError } from './exit.js';
import { paint, useColour } from './output.js';

export const usage = `Usage: gitops-guard logs SERVICE [--env NAME] [--tail N] [--since 10m] [--follow 30s] [--grep TEXT] [--json]

Show a service's logs from the server, stdout and stderr kept apart (an environment of several
hosts: each host's, headed by its name).
${envUsage(18)}
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
      json: { type: 'boolean' }, config: { type: 'string' }, cwd: { type: 'string' }, help: { type: 'boolean', short: 'h' }, ...ENV_OPTION,
    },
  });
  if (values.help) { process.stdout.write(usage); return 0; }
  if (positionals.length !== 1) throw usageError('logs: name one service');
  const tail = values.tail === undefined ? undefined : Number(values.tail);
  const followMs = values.follow === undefined ? undefined : parseDuration(values.follow);
  if (followMs !== undefined && (followMs <= 0 || followMs > 600_000)) throw usageError('logs: --follow takes a time limit up to 10m');
  const config = await loadEnvironment(values);
  const fleet = new Fleet(config);
  if (fleet.servers.length === 0) throw noHost(config.environment);
  const ask = (server: Server) => server.logs(positionals[0]!, {
    ...(tail !== undefined ? { tail } : {}), ...(values.since ? { since: values.since } : {}),
    ...(values.grep !== undefined ? { grep: values.grep } : {}), ...(followMs !== undefined ? { followMs } : {}),
  });
  try {
    if (fleet.servers.length === 1) {
      const result = await ask(fleet.servers[0]!);
      if (values.json) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
      else print(result);
      return 0;
    }
    // Several hosts: each one's logs, headed by its name; a host that cannot be reached is named.
    const answers = await fleet.each(ask);
    if (values.json) {
      process.stdout.write(JSON.stringify({ environment: config.environment, hosts: answers.map((a) => (a.ok ? { host: a.host, ...a.value }
        : { host: a.host, error: { code: failureOf(a.error).code, message: a.error.message } })) }, null, 2) + '\n');
    } else {
      for (const a of answers) {
        if (a.ok) print(a.value, `${a.host}: `);
        else process.stdout.write(`== ${a.host}: cannot read the logs: ${a.error.message} ==\n`);
      }
    }
    const failed = answers.filter((a) => !a.ok);
    return failed.length === 0 ? 0 : Math.max(...failed.map((a) => exitOf(failureOf(a.error).code)));
  } finally {
    fleet.close();
  }
}

function print(result: LogsResult, where = ''): void {
  const p = paint(useColour(process.stdout));
  process.stdout.write(`${p.dim(`== ${where}${result.service} (${result.container}) stdout ==`)}\n${result.stdout}${result.stdout.endsWith('\n') || !result.stdout ? '' : '\n'}`);
  process.stdout.write(`${p.dim(`== ${where}${result.service} (${result.container}) stderr ==`)}\n${result.stderr}${result.stderr.endsWith('\n') || !result.stderr ? '' : '\n'}`);
  if (result.note) process.stdout.write(`${p.yellow('note:')} ${result.note}\n`);
}
