// `gitops-guard test [PATH…]`: run every example of every loaded rule, plus case files.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config-file.js';
import { rulesFor } from '../guard.js';
import { classifyPaths, emptyResult, runCaseFile, runExamples } from '../policy/harness.js';
import { loadPacks } from '../policy/rules.js';
import { EXIT, usageError } from './exit.js';
import { paint, useColour } from './output.js';
import { junit, tap } from './report.js';

export const usage = `Usage: gitops-guard test [--reporter text|junit|tap] [--config FILE] [--cwd DIR] [PATH…]

Run the examples of every loaded rule (the built-in packs, the packs in your config, and the packs
named here) and every case file (*.cases.yaml) named here or found in a named directory. Prints each
failure with what was expected and what came out, and ends with "N passed, N failed".

Options:
  --reporter R   text (default), junit (JUnit XML) or tap (TAP 13): each example and case is one test
  --config FILE  use this config file instead of the nearest gitops-guard.json
  --cwd DIR      where to look for the config (default: the current directory)
  -h, --help     show this help

Exit status: 0 when everything passed, 6 when something failed, 1 on a usage, config or rule file error.
`;

export async function run(argv: string[]): Promise<number> {
  const parsed = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { config: { type: 'string' }, cwd: { type: 'string' }, reporter: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (parsed.values.help) {
    process.stdout.write(usage);
    return 0;
  }
  const reporter = parsed.values.reporter ?? 'text';
  if (!['text', 'junit', 'tap'].includes(reporter)) throw usageError(`test: --reporter is text, junit or tap, not "${reporter}"`);
  const cwd = resolve(parsed.values.cwd ?? process.cwd());
  const config = await loadConfig({ cwd, ...(parsed.values.config !== undefined ? { file: parsed.values.config } : {}) });
  const { packs, cases } = classifyPaths(parsed.positionals);
  // Packs named here are tried first, like the packs in the config.
  const rules = [...loadPacks(packs), ...(await rulesFor(config, { examples: true }))];
  const result = { ...emptyResult(), ...(reporter === 'text' ? {} : { cases: [] }) };
  await runExamples(rules, result);
  for (const file of cases) await runCaseFile(file, rules, result);

  if (reporter !== 'text') {
    process.stdout.write(reporter === 'junit' ? junit(result) : tap(result));
    return result.failed === 0 ? 0 : EXIT.invalid;
  }
  const p = paint(useColour(process.stdout));
  for (const f of result.failures) {
    process.stdout.write(`${p.red('FAIL')} ${f.where}\n  command:  ${f.command}\n  expected: ${f.expected}\n  got:      ${f.got}\n`);
  }
  process.stdout.write(`${result.passed} passed, ${result.failed} failed\n`);
  return result.failed === 0 ? 0 : EXIT.invalid;
}
