// `gitops-guard trust [--yes] | --revoke | --list`: a person approves what a project's config
// loosens. Shows what it loosens, asks on a terminal, and records the sha256 of every file involved
// in the trust file (src/trust/store.ts). The guard asks a person before an agent may run this.
import { resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { appendAudit } from '../audit/log.js';
import { baselineFor, findConfig, loadConfigFile } from '../config-file.js';
import { builtinRules } from '../policy/builtin.js';
import { loadPacks } from '../policy/rules.js';
import { droppedLoosening, droppedPacks, isUserConfig, packFiles } from '../trust/apply.js';
import { configLoosening } from '../trust/loosening.js';
import { looseRules } from '../trust/rules.js';
import { hashFiles, isTrusted, readTrust, revoke, trust, trustFile } from '../trust/store.js';

export const usage = `Usage: gitops-guard trust [--yes] [--cwd DIR] [--config FILE]
       gitops-guard trust --revoke [--cwd DIR] [--config FILE]
       gitops-guard trust --list

A project's gitops-guard.json may tighten the policy freely; what it loosens (built-in rules off,
disabledRules, remoteAllow, rules that allow what a built-in rule denies, rewriteMode apply,
accepting new host keys, …) is ignored until a person trusts the exact content of the config and
of every rule pack it names. This shows what the config loosens, asks, and records the sha256 of
each file in ${'$'}XDG_CONFIG_HOME/gitops-guard/trusted.json. Changing one byte of any of them
untrusts it again.

Options:
  -y, --yes      trust without asking (for a person's own scripts; an agent's run is asked about)
  --revoke       remove the trust in this config
  --list         list the trusted configs and whether they are unchanged
  --cwd DIR      the project (default: the current directory)
  --config FILE  this config file instead of the nearest gitops-guard.json
  -h, --help     show this help
`;

interface Review {
  readonly file: string;
  readonly files: string[];
  readonly hashes: Record<string, string | null>;
  readonly loosens: string[];
}

/** Everything the config (and its packs) loosens, with the hashes of the content that was read. */
async function review(file: string): Promise<Review> {
  const files = [file];
  const config = await loadConfigFile(file);
  files.push(...packFiles(resolve(file, '..'), config.rules));
  const hashes = hashFiles(files);
  // Measured as the hooks measure it: against the enclosing config in the same repository, else the user's.
  const baseline = await baselineFor(file);
  const dropped = droppedPacks(config, file, baseline);
  const loosens = [...configLoosening(config, baseline), ...(dropped.length > 0 ? [droppedLoosening(dropped)] : [])].map((l) => l.what);
  if (config.rules.length > 0) {
    const packs = loadPacks(config.rules.map((r) => resolve(file, '..', r)));
    loosens.push(...looseRules(packs, await builtinRules(), config.rewriteMode).map((l) => l.what));
  }
  return { file, files, hashes, loosens };
}

async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await rl.question(question);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

function list(): number {
  const store = readTrust();
  const entries = Object.entries(store.entries);
  if (entries.length === 0) {
    process.stdout.write(`No trusted configs (${trustFile()}).\n`);
    return 0;
  }
  for (const [config, entry] of entries) {
    const files = Object.keys(entry.files);
    const state = isTrusted(store, config, files) ? 'trusted' : 'CHANGED since trusted: ignored until trusted again';
    process.stdout.write(`${config}\n  ${state} (trusted ${entry.trustedAt})\n`);
    for (const l of entry.loosens) process.stdout.write(`  loosens: ${l}\n`);
  }
  return 0;
}

function record(decision: 'trust' | 'revoke', file: string, loosens: readonly string[]): void {
  appendAudit({ time: new Date().toISOString(), host: 'cli', cwd: process.cwd(), file, decision, rules: [], reason: loosens.join('; ') });
}

export async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        yes: { type: 'boolean', short: 'y' },
        revoke: { type: 'boolean' },
        list: { type: 'boolean' },
        cwd: { type: 'string' },
        config: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    process.stderr.write(`gitops-guard trust: ${(e as Error).message}\n\n${usage}`);
    return 1;
  }
  const { values } = parsed;
  if (values.help) {
    process.stdout.write(usage);
    return 0;
  }
  if (values.list) return list();
  const cwd = resolve(values.cwd ?? process.cwd());
  const file = values.config !== undefined ? resolve(cwd, values.config) : findConfig(cwd);
  if (!file) {
    process.stderr.write(`gitops-guard trust: no gitops-guard.json (or .yaml) in ${cwd} or above it; nothing to trust.\n`);
    return 1;
  }
  if (values.revoke) {
    const removed = revoke(file);
    process.stdout.write(removed ? `No longer trusted: ${file}\n` : `${file} was not trusted.\n`);
    if (removed) record('revoke', file, []);
    return 0;
  }
  if (isUserConfig(file)) {
    process.stdout.write(`${file} is the user-level config: it is trusted as it is.\n`);
    return 0;
  }
  const r = await review(file);
  process.stdout.write(`${file}\n`);
  for (const f of r.files) process.stdout.write(`  ${r.hashes[f] === null ? '(cannot read)' : r.hashes[f]!.slice(0, 16)}  ${f}\n`);
  if (r.loosens.length === 0) {
    process.stdout.write('It loosens nothing: it takes effect as it is, and there is nothing to trust.\n');
    return 0;
  }
  process.stdout.write('It loosens the policy:\n');
  for (const l of r.loosens) process.stdout.write(`  - ${l}\n`);
  if (isTrusted(readTrust(), file, r.files)) {
    process.stdout.write('This exact content is already trusted.\n');
    return 0;
  }
  const unreadable = r.files.filter((f) => r.hashes[f] === null);
  if (unreadable.length > 0) {
    process.stderr.write(`gitops-guard trust: cannot read ${unreadable.join(', ')}; fix the config first.\n`);
    return 1;
  }
  if (!values.yes) {
    if (!process.stdin.isTTY) {
      process.stderr.write('gitops-guard trust: not on a terminal, so nobody can be asked; run it on a terminal, or pass --yes.\n');
      return 1;
    }
    if (!(await confirm('Trust this content, and let it loosen the policy? [y/N] '))) {
      process.stdout.write('Not trusted.\n');
      return 1;
    }
  }
  // What is recorded must be what was shown: refuse if a file changed while the person decided.
  const now = hashFiles(r.files);
  if (r.files.some((f) => now[f] !== r.hashes[f])) {
    process.stderr.write('gitops-guard trust: a file changed while you were deciding; run it again to see the new content.\n');
    return 1;
  }
  trust(file, r.files, r.loosens);
  record('trust', file, r.loosens);
  process.stdout.write(`Trusted (recorded in ${trustFile()}).\n`);
  return 0;
}
