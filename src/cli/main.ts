#!/usr/bin/env node
// gitops-guard's command line, as ES modules. The installed executable (bin.ts, bundled) runs
// `hook` and `check` itself and hands every other command here; this entry also runs them all on
// its own. Subcommands are loaded on demand. Any unexpected failure blocks: exit 2, the code that
// every agent host treats as "no".
import { readFileSync } from 'node:fs';
import { PACKAGE_ROOT } from '../paths.js';
import { COMMANDS } from './commands.js';
import { usageError } from './exit.js';
import { asksVersion, finish, withUsage } from './process.js';

function version(): string {
  return (JSON.parse(readFileSync(`${PACKAGE_ROOT}/package.json`, 'utf8')) as { version: string }).version;
}

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `Usage: gitops-guard <command> [options]

Keeps coding agents inside a GitOps deployment workflow: git is the single source of truth.

Commands:
${lines.join('\n')}

Options:
  -h, --help     show help (also after a command)
  -V, --version  show the version

Run "gitops-guard <command> --help" for a command's options.
`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    process.stdout.write(help());
    return name === undefined ? 1 : 0;
  }
  if (name === '-V' || name === '--version' || name === 'version') {
    process.stdout.write(`gitops-guard ${version()}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) throw Object.assign(usageError(`unknown command "${name}"`), { usage: help() });
  if (asksVersion(rest)) {
    process.stdout.write(`gitops-guard ${version()}\n`);
    return 0;
  }
  const loaded = await command.load();
  return withUsage((a) => loaded.run(a), loaded.usage, rest);
}

finish(main(process.argv.slice(2)));
