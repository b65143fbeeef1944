// PowerShell commands that run a program or code they are given (data; read by expand/powershell.ts),
// and those that only print. Names and parameters are case-insensitive; a parameter may be shortened
// to any unique prefix, as PowerShell reads them.

export interface PsCommand {
  /** Lower-case names, aliases among them. */
  readonly names: readonly string[];
  /** `program`: runs the program `what` names with the arguments `args` holds; `code`: runs `what` as PowerShell; `prints`: writes text. */
  readonly runs: 'program' | 'code' | 'prints';
  /** Parameters that take a value (lower-case full names). */
  readonly params: readonly string[];
  /** Parameters that take none. */
  readonly switches?: readonly string[];
  /** Other names of parameters. */
  readonly aliases?: Readonly<Record<string, string>>;
  /** The parameter (and first positional) that names what runs. */
  readonly what?: string;
  /** The parameter (and second positional) that holds the program's arguments. */
  readonly args?: string;
}

const COMMON_SWITCHES = ['verbose', 'debug', 'whatif', 'confirm'];
const COMMON_PARAMS = ['erroraction', 'warningaction', 'informationaction', 'errorvariable', 'warningvariable', 'informationvariable', 'outvariable', 'outbuffer', 'pipelinevariable'];

export const PS_COMMANDS: readonly PsCommand[] = [
  {
    names: ['start-process', 'saps', 'start'],
    runs: 'program', what: 'filepath', args: 'argumentlist',
    params: ['filepath', 'argumentlist', 'workingdirectory', 'verb', 'windowstyle', 'redirectstandardinput', 'redirectstandardoutput',
      'redirectstandarderror', 'credential', 'environment', ...COMMON_PARAMS],
    switches: ['wait', 'nonewwindow', 'passthru', 'usenewenvironment', 'loaduserprofile', ...COMMON_SWITCHES],
    aliases: { path: 'filepath', pspath: 'filepath', args: 'argumentlist', lup: 'loaduserprofile', nnw: 'nonewwindow', rso: 'redirectstandardoutput', rse: 'redirectstandarderror', rsi: 'redirectstandardinput' },
  },
  { names: ['invoke-expression', 'iex'], runs: 'code', what: 'command', params: ['command', ...COMMON_PARAMS], switches: COMMON_SWITCHES },
  {
    names: ['write-output', 'write', 'echo', 'write-host', 'write-verbose', 'write-warning', 'write-debug', 'write-information', 'write-error', 'out-host'],
    runs: 'prints',
    params: ['inputobject', 'object', 'message', 'messagedata', 'foregroundcolor', 'backgroundcolor', 'separator', 'tags', 'category', ...COMMON_PARAMS],
    switches: ['nonewline', 'noenumerate', ...COMMON_SWITCHES],
  },
];
