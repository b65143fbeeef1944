// `gitops-guard validate [FILE…]`: check the compose files before a deploy.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config-file.js';
import { formatProblem, validateFiles } from '../compose/validate.js';
import { EXIT, usageError } from './exit.js';

export const usage = `Usage: gitops-guard validate [--json] [FILE…]

Check the compose files (default: composeFiles from gitops-guard.json): YAML syntax, the Compose
Specification schema, depends_on targets, duplicate host ports, untagged images, \${VAR} without a
default; and \`docker compose config -q\` where docker is installed. Prints each problem as
file:line:col. Exit status 6 when there is an error, 1 on a usage or config error.
`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: { json: { type: 'boolean' }, config: { type: 'string' }, cwd: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) { process.stdout.write(usage); return 0; }
  const cwd = resolve(values.cwd ?? process.cwd());
  const config = await loadConfig({ cwd, ...(values.config ? { file: values.config } : {}) });
  const files = positionals.length > 0 ? positionals.map((f) => resolve(cwd, f)).map((f) => f.slice(config.root.length + 1)) : config.composeFiles;
  if (files.length === 0) throw usageError('validate: no compose files: name them, or set composeFiles in gitops-guard.json');
  const result = await validateFiles(config.root, files);
  if (values.json) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  else {
    for (const p of result.problems) process.stdout.write(formatProblem(p) + '\n');
    const errors = result.problems.filter((p) => p.severity === 'error').length;
    process.stdout.write(`${files.length} file(s), ${errors} error(s), ${result.problems.length - errors} warning(s)`
      + `${result.secondOpinion === 'unavailable' ? '' : `; docker compose config ${result.secondOpinion}`}\n`);
  }
  return result.ok ? 0 : EXIT.invalid;
}
