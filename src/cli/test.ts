// `gitops-guard test [PATH…]`: run every example of every loaded rule, plus case files.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config-file.js';
import { rulesFor } from '../guard.js';
import { classifyPaths, emptyResult, runCaseFile, runExamples } from '../policy/harness.js';
import { loadPacks } from '../policy/rules.js';
import { EXIT, paint, useColour } from './output.js';

export const usage = `Usage: gitops-guard test [--config FILE] [--cwd DIR] [PATH…]

Run the examples of every loaded rule (the built-in packs, the packs in your config, and the packs
named here) and every case file (*.cases.yaml) named here or found in a named directory. Prints each
failure with what was expected and what came out, and ends with "N passed, N failed".

Options:
  --config FILE  use this config file instead of the nearest gitops-guard.json
  --cwd DIR      where to look for the config (default: the current directory)
  -h, --help     show this help

Exit status: 0 when everything passed, 1 otherwise.
`;

export async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { config: { type: 'string' }, cwd: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (e) {
    process.stderr.write(`gitops-guard test: ${(e as Error).message}\n\n${usage}`);
    return EXIT.usage;
  }
  if (parsed.values.help) {
    process.stdout.write(usage);
    return 0;
  }
  const cwd = resolve(parsed.values.cwd ?? process.cwd());
  const config = await loadConfig({ cwd, ...(parsed.values.config !== undefined ? { file: parsed.values.config } : {}) });
  const { packs, cases } = classifyPaths(parsed.positionals);
  // Packs named here are tried first, like the packs in the config.
  const rules = [...loadPacks(packs), ...(await rulesFor(config))];
  const result = emptyResult();
  await runExamples(rules, result);
  for (const file of cases) await runCaseFile(file, rules, result);

  const p = paint(useColour(process.stdout));
  for (const f of result.failures) {
    process.stdout.write(`${p.red('FAIL')} ${f.where}\n  command:  ${f.command}\n  expected: ${f.expected}\n  got:      ${f.got}\n`);
  }
  process.stdout.write(`${result.passed} passed, ${result.failed} failed\n`);
  return result.failed === 0 ? 0 : 1;
}
