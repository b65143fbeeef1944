// node's script and process runners and the monorepo task runners (each program's --help and docs): they
// run package.json scripts by name, as `npm run` does, or the program or script they are given. Data only,
// in the runner table's form (runners.ts).
import type { OptionGrammar } from '../getopt.js';
import type { Run, Runner } from './types.js';

/** pm2's and forever's options that take a value (pm2 start --help, forever --help). */
const PROCESS_MANAGER: OptionGrammar = {
  short: 'fxsawhvi:n:o:e:l:p:c:m:',
  long: ['name=|n', 'instances=|i', 'watch=?', 'interpreter=', 'interpreter-args=', 'cwd=', 'env=', 'log=|l', 'output=|o', 'error=|e', 'pid=|p',
    'node-args=', 'max-memory-restart=', 'cron=', 'namespace=', 'only=', 'no-autorestart', 'time', 'merge-logs', 'update-env', 'command=|c',
    'max=|m', 'sourceDir=', 'workingDir=', 'minUptime=', 'spinSleepTime=', 'pidFile=', 'uid=', 'append|a', 'silent|s', 'help|h', 'version|v'],
  permute: true,
};
const PROCESS_MANAGER_RUNS: readonly Run[] = [{ whenOperandMatches: { index: 0, pattern: '\\.(?:[cm]?js|json|ya?ml)$' }, code: 'node', codeFile: 0 }, { argv: 0, chdirOption: ['--cwd', '--workingDir'] }];
// pm2 start 'CMD ARGS': an operand that is no file but a command line is started through bash (pm2's "Start any
// application": `pm2 start "npm run dev"`).
const PM2_RUNS: readonly Run[] = [{ whenOperandMatches: { index: 0, pattern: '\\s' }, shellOperand: 0 }, ...PROCESS_MANAGER_RUNS];
const NX: OptionGrammar = { short: 't:p:c:', long: ['targets=|t', 'target=', 'projects=|p', 'configuration=|c', 'exclude=', 'parallel=?', 'base=', 'head=', 'skip-nx-cache', 'verbose', 'output-style='], permute: true };
const NX_MANY: readonly Run[] = [{ when: ['-t', '--target'], shellOption: ['-t', '--target'], scriptNames: 'npm run --workspaces' }, { nothing: true }];

export const NODE_RUNNERS: readonly Runner[] = [
  // npm-run-all [options] NAME… (run-s sequential, run-p parallel): each operand names package.json scripts, as npm run does.
  { names: ['npm-run-all', 'run-s', 'run-p'], options: { short: 'psclnrhv', long: ['parallel|p', 'sequential|s', 'serial', 'continue-on-error|c', 'print-label|l', 'print-name|n', 'race|r', 'max-parallel=', 'npm-path=', 'silent', 'aggregate-output', 'help|h', 'version|v'], permute: true },
    runs: [{ when: ['-h', '-v'], nothing: true }, { shellEach: 0, scriptNames: 'npm run' }] },
  // onchange GLOB… -- CMD (its -o/--outpipe is a shell command too); reflex [options] [--] CMD.
  { names: ['onchange'], options: { short: 'ikvpa:d:e:f:j:o:', long: ['initial|i', 'kill|k', 'verbose|v', 'poll=?|p', 'add|a', 'delay=|d', 'exclude=|e', 'filter=|f', 'jobs=|j', 'outpipe=|o', 'cwd=', 'exclude-path=', 'await-write-finish=?', 'no-exclude'], permute: true },
    runs: [{ when: ['-o'], shellOption: ['-o'], also: true }, { shellOperands: 0, onlyAfterDashDash: true, chdirOption: ['--cwd'] }] },
  { names: ['reflex'], options: { short: 'c:r:R:g:G:d:sevhB', long: ['config=|c', 'regex=|r', 'inverse-regex=|R', 'glob=|g', 'inverse-glob=|G', 'decoration=|d', 'start-service|s', 'only-files', 'only-dirs', 'all', 'verbose|v', 'sequential|e', 'help|h', 'substitute='] }, runs: [{ when: ['-h'], nothing: true }, { argv: 0 }] },
  // Process managers: pm2 start and forever start run the script or program (a .js file with node), pm2's ecosystem file is code.
  { names: ['pm2'], options: PROCESS_MANAGER, subcommands: { start: { options: PROCESS_MANAGER, runs: PM2_RUNS } }, runs: [{ nothing: true }] },
  { names: ['forever'], options: PROCESS_MANAGER, subcommands: { start: { options: PROCESS_MANAGER, runs: PROCESS_MANAGER_RUNS } }, runs: [{ when: ['-h', '--help', '-v', '--version'], nothing: true }, ...PROCESS_MANAGER_RUNS] },
  // node-gyp configure and rebuild read binding.gyp, running its `<!(CMD)` command expansions (gyp's input format).
  { names: ['node-gyp'], options: { short: 'jC:', long: ['directory=|C', 'nodedir=', 'target=', 'arch=', 'python=', 'jobs=|j', 'debug', 'release', 'silent', 'verbose', 'loglevel=', 'thin=', 'ensure', 'devdir='], permute: true },
    runs: [{ whenOperand: { index: 0, is: ['configure', 'rebuild'] }, scriptUp: { file: 'binding.gyp' }, code: 'gyp' }, { nothing: true }] },
  // Nx: nx run PROJECT:TARGET and nx run-many/affected -t TARGETS run the workspaces' package.json scripts of that name
  // (as npm run --workspaces does); nx exec -- CMD runs CMD (turbo is in package-runners.ts).
  {
    names: ['nx'], options: NX,
    subcommands: { run: { options: NX, runs: [{ shellEach: 0, operandPattern: '^[^:\\s]*:([^:\\s]+)', scriptNames: 'npm run --workspaces' }] },
      'run-many': { options: NX, runs: NX_MANY }, affected: { options: NX, runs: NX_MANY },
      exec: { options: { long: ['projects=', 'exclude=', 'all', 'parallel=?', 'verbose'] }, runs: [{ argv: 0 }] } },
    runs: [{ nothing: true }],
  },
];
