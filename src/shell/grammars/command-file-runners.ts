// Programs that run a file of command lines they are given (see expand/command-files.ts): systemctl
// links or enables a unit file named by its path, after which `start` runs its Exec lines; dex,
// `gio launch` and kioclient run a desktop entry's Exec line. Data only.
import { READERS } from './readers.js';
import type { Run, Runner } from './types.js';

/** Unit files named by a path (`systemctl link /tmp/x.service`); a bare name is a unit systemd already has. */
const UNIT_FILES: readonly Run[] = [{ code: 'systemd-unit', codeFiles: 0, operandPattern: '^(.*/.*)$' }];

export const COMMAND_FILE_RUNNERS: readonly Runner[] = [
  {
    names: ['systemctl'],
    options: READERS.systemctl!,
    subcommands: Object.fromEntries(['link', 'enable', 'reenable'].map((s) => [s, { options: READERS.systemctl!, runs: UNIT_FILES }])),
    runs: [{ nothing: true }],
  },
  {
    names: ['dex'],
    options: { short: 'hvadwc:t:s:e:', long: ['help|h', 'version', 'autostart|a', 'create=|c', 'target=|t', 'search-paths=|s', 'environment=|e', 'test|d', 'dry-run', 'verbose|v', 'wait|w', 'term=', 'property='] },
    runs: [{ when: ['-d', '--dry-run', '-c', '-h'], nothing: true }, { code: 'desktop-entry', codeFiles: 0 }],
  },
  { names: ['gio'], subcommands: { launch: { runs: [{ minOperands: 1, code: 'desktop-entry', codeFile: 0 }] } }, runs: [{ nothing: true }] },
  { names: ['kioclient', 'kioclient5', 'kioclient6'], subcommands: { exec: { runs: [{ whenOperandMatches: { index: 0, pattern: '\\.desktop$' }, code: 'desktop-entry', codeFile: 0 }, { nothing: true }] } }, runs: [{ nothing: true }] },
];
