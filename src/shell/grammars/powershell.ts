// PowerShell commands that run a program or code they are given (data; read by expand/powershell.ts),
// and those that only print. Names and parameters are case-insensitive; a parameter may be shortened
// to any unique prefix, as PowerShell reads them.

export interface PsCommand {
  /** Lower-case names, aliases among them; a .NET static method as `[type]::method` (the type without `system.`). */
  readonly names: readonly string[];
  /**
   * `program`: runs the program `what` names with the arguments `args` holds; `code`: runs `what` as PowerShell
   * (a script block `{ … }` is its code); `session`: an interactive session on the `remote` host; `writes`: writes
   * the files `writes` names; `prints`: writes text.
   */
  readonly runs: 'program' | 'code' | 'session' | 'writes' | 'prints';
  /** Parameters that take a value (lower-case full names). */
  readonly params: readonly string[];
  /** Parameters that take none. */
  readonly switches?: readonly string[];
  /** Other names of parameters. */
  readonly aliases?: Readonly<Record<string, string>>;
  /** The parameter that names what runs. */
  readonly what?: string;
  /** The parameter that holds the program's arguments (a .NET call's: one command-line string). */
  readonly args?: string;
  /** The parameters positional arguments bind to, in order (default: `what`, `args`). */
  readonly positions?: readonly string[];
  /** A positional script block binds to this parameter wherever it stands (`Invoke-Command server { … }`). */
  readonly block?: string;
  /** Parameters naming the files the command writes (`writes`). */
  readonly writes?: readonly string[];
  /** With `writes`: the parameter naming the file inside the written path (`New-Item -Path DIR -Name FILE`). */
  readonly writesName?: string;
  /** The code runs on the machine these parameters name, as over ssh (`-HostName`; `-ComputerName`'s WinRM reaches it as surely). */
  readonly remote?: readonly string[];
  /** Parameters naming a place to run that the text cannot show (`-Session $s`, a container, a VM): asks. */
  readonly elsewhere?: readonly string[];
  /** Parameters that are ssh's options for the `remote` host (`-UserName` is `-l`). */
  readonly sshOptions?: Readonly<Record<string, string>>;
  /** Parameters naming a script file that runs (not read: asks). */
  readonly file?: readonly string[];
}

const COMMON_SWITCHES = ['verbose', 'debug', 'whatif', 'confirm'];
const COMMON_PARAMS = ['erroraction', 'warningaction', 'informationaction', 'errorvariable', 'warningvariable', 'informationvariable', 'outvariable', 'outbuffer', 'pipelinevariable'];

// The parameters PowerShell remoting's commands share: the machine (-HostName over ssh, -ComputerName over
// WinRM), the ssh options, and places the text cannot show (a session object, a container, a VM).
const REMOTING_PARAMS = ['computername', 'hostname', 'session', 'connectionuri', 'containerid', 'vmid', 'vmname', 'username', 'port', 'keyfilepath',
  'subsystem', 'credential', 'authentication', 'certificatethumbprint', 'configurationname', 'applicationname', 'sessionoption', 'connectingtimeout',
  'options', ...COMMON_PARAMS];
const REMOTING_SWITCHES = ['enablenetworkaccess', 'runasadministrator', 'usessl', 'allowredirection', 'sshtransport', ...COMMON_SWITCHES];
const REMOTING_ALIASES = { cn: 'computername', cid: 'containerid', vmguid: 'vmid', uri: 'connectionuri', cu: 'connectionuri', identityfilepath: 'keyfilepath' };
const REMOTING = {
  remote: ['hostname', 'computername'], elsewhere: ['session', 'connectionuri', 'containerid', 'vmid', 'vmname'],
  sshOptions: { username: '-l', port: '-p', keyfilepath: '-i' },
} as const;

export const PS_COMMANDS: readonly PsCommand[] = [
  {
    names: ['start-process', 'saps', 'start'],
    runs: 'program', what: 'filepath', args: 'argumentlist', positions: ['filepath', 'argumentlist'],
    params: ['filepath', 'argumentlist', 'workingdirectory', 'verb', 'windowstyle', 'redirectstandardinput', 'redirectstandardoutput',
      'redirectstandarderror', 'credential', 'environment', ...COMMON_PARAMS],
    switches: ['wait', 'nonewwindow', 'passthru', 'usenewenvironment', 'loaduserprofile', ...COMMON_SWITCHES],
    aliases: { path: 'filepath', pspath: 'filepath', args: 'argumentlist', lup: 'loaduserprofile', nnw: 'nonewwindow', rso: 'redirectstandardoutput', rse: 'redirectstandarderror', rsi: 'redirectstandardinput' },
  },
  // An alias names the command a later statement runs under its name (about_Aliases): judged where it is made.
  {
    names: ['set-alias', 'sal', 'new-alias', 'nal'], runs: 'program', what: 'value', positions: ['name', 'value'],
    params: ['name', 'value', 'description', 'option', 'scope', ...COMMON_PARAMS], switches: ['force', 'passthru', ...COMMON_SWITCHES],
  },
  { names: ['invoke-expression', 'iex'], runs: 'code', what: 'command', positions: ['command'], params: ['command', ...COMMON_PARAMS], switches: COMMON_SWITCHES },
  // A script block run here, or on the host of -HostName / -ComputerName (PowerShell remoting).
  {
    names: ['invoke-command', 'icm'],
    runs: 'code', what: 'scriptblock', block: 'scriptblock', positions: ['computername', 'filepath'],
    params: ['scriptblock', 'sshconnection', 'filepath', 'argumentlist', 'inputobject', 'sessionname', 'throttlelimit', 'jobname', ...REMOTING_PARAMS],
    switches: ['asjob', 'hidecomputername', 'indisconnectedsession', 'nonewscope', 'remotedebug', ...REMOTING_SWITCHES],
    aliases: { ...REMOTING_ALIASES, args: 'argumentlist', ps1: 'filepath', path: 'filepath', disconnected: 'indisconnectedsession', hcn: 'hidecomputername' },
    ...REMOTING, elsewhere: ['sshconnection', ...REMOTING.elsewhere], file: ['filepath'],
  },
  {
    names: ['enter-pssession', 'etsn'],
    runs: 'session', positions: ['computername'],
    params: ['id', 'instanceid', 'name', ...REMOTING_PARAMS], switches: REMOTING_SWITCHES, aliases: REMOTING_ALIASES,
    ...REMOTING, elsewhere: ['id', 'instanceid', 'name', ...REMOTING.elsewhere],
  },
  // Process.Start(FILE[, ARGS]): the program and its command line.
  { names: ['[diagnostics.process]::start'], runs: 'program', what: 'file', args: 'arguments', positions: ['file', 'arguments'], params: [] },
  {
    names: ['write-output', 'write', 'echo', 'write-host', 'write-verbose', 'write-warning', 'write-debug', 'write-information', 'write-error', 'out-host'],
    runs: 'prints',
    params: ['inputobject', 'object', 'message', 'messagedata', 'foregroundcolor', 'backgroundcolor', 'separator', 'tags', 'category', ...COMMON_PARAMS],
    switches: ['nonewline', 'noenumerate', ...COMMON_SWITCHES],
  },
  // Cmdlets and .NET calls that write the files they name.
  {
    names: ['out-file'], runs: 'writes', writes: ['filepath', 'literalpath'], positions: ['filepath', 'encoding'],
    params: ['filepath', 'literalpath', 'encoding', 'width', 'inputobject', ...COMMON_PARAMS],
    switches: ['append', 'force', 'noclobber', 'nonewline', ...COMMON_SWITCHES], aliases: { path: 'filepath', pspath: 'literalpath', lp: 'literalpath' },
  },
  {
    names: ['set-content', 'sc', 'add-content', 'ac'], runs: 'writes', writes: ['path', 'literalpath'], positions: ['path', 'value'],
    params: ['path', 'literalpath', 'value', 'encoding', 'filter', 'include', 'exclude', 'credential', 'stream', ...COMMON_PARAMS],
    switches: ['force', 'passthru', 'nonewline', 'asbytestream', 'notransaction', ...COMMON_SWITCHES], aliases: { pspath: 'literalpath', lp: 'literalpath' },
  },
  {
    names: ['tee-object', 'tee'], runs: 'writes', writes: ['filepath', 'literalpath'], positions: ['filepath'],
    params: ['filepath', 'literalpath', 'variable', 'encoding', 'inputobject', ...COMMON_PARAMS], switches: ['append', ...COMMON_SWITCHES],
    aliases: { path: 'filepath', pspath: 'literalpath', lp: 'literalpath' },
  },
  {
    names: ['new-item', 'ni'], runs: 'writes', writes: ['path'], writesName: 'name', positions: ['path'],
    params: ['path', 'name', 'itemtype', 'value', 'credential', ...COMMON_PARAMS], switches: ['force', ...COMMON_SWITCHES], aliases: { type: 'itemtype' },
  },
  {
    names: ['copy-item', 'copy', 'cpi', 'move-item', 'move', 'mi'], runs: 'writes', writes: ['destination'], positions: ['path', 'destination'],
    params: ['path', 'literalpath', 'destination', 'filter', 'include', 'exclude', 'credential', 'tosession', 'fromsession', ...COMMON_PARAMS],
    switches: ['container', 'force', 'recurse', 'passthru', ...COMMON_SWITCHES], aliases: { pspath: 'literalpath', lp: 'literalpath' },
  },
  {
    names: ['[io.file]::writealltext', '[io.file]::writealllines', '[io.file]::writeallbytes', '[io.file]::appendalltext', '[io.file]::appendalllines',
      '[io.file]::create', '[io.file]::delete', '[io.file]::open', '[io.file]::openwrite', '[io.file]::appendtext', '[io.file]::createtext'],
    runs: 'writes', writes: ['path'], positions: ['path', 'contents', 'encoding'], params: [],
  },
  { names: ['[io.file]::copy', '[io.file]::move'], runs: 'writes', writes: ['destination'], positions: ['source', 'destination', 'overwrite'], params: [] },
];

/**
 * A statement that is only a comparison of a variable (or its member) with a literal, as the blocks of
 * `Where-Object { $_.Name -like "*.yml" }` are: an expression, which runs nothing.
 */
export const PS_PLAIN_COMPARISON = /^\$[\w:]+(?:\.\w+)*\s+-[ci]?(?:like|notlike|match|notmatch|eq|ne|gt|ge|lt|le|contains|notcontains|in|notin)\s+(?:'[^']*'|"[^"`$]*"|[\w.*-]+)$/i;
