// The interpreters (their code is scanned for the commands it starts) and tools with command
// hooks (tar, zip, find, sort …): rows of the runner table, as data (see types.ts).
import type { OptionGrammar } from '../getopt.js';
import { READERS } from './readers.js';
import type { Runner } from './types.js';

const python: OptionGrammar = { short: 'bBdEhiIOPqsSuvVRxc:m:W:X:', long: ['help', 'version', 'check-hash-based-pycs='] };

// node's -p takes the code like -e, but also joins with it: `-pe CODE` is print + eval.
const node: OptionGrammar = {
  short: 'hvicpr:e:',
  long: ['eval=|e', 'print|p', 'require=|r', 'import=', 'check|c', 'interactive|i', 'input-type=', 'loader=',
    'experimental-loader=', 'conditions=', 'env-file=', 'inspect=?', 'inspect-brk=?', 'title=', 'stack-size=',
    'max-old-space-size=', 'watch', 'test', 'help|h', 'version|v', 'run='],
};

// ------------------------------------------------------------------ interpreters (their code is scanned)
export const INTERPRETERS: readonly Runner[] = [
  {
    names: ['python', 'python2', 'python3', 'pypy', 'pypy3'],
    options: python,
    runs: [
      { when: ['-c'], code: 'python', codeOption: ['-c'] },
      { when: ['-m'], nothing: true },
      { whenOperand: { index: 0, is: ['-'] }, code: 'python', codeStdin: true },
      { minOperands: 1, code: 'python', codeFile: 0 },
      { code: 'python', codeStdin: true },
    ],
  },
  {
    names: ['node', 'nodejs'],
    options: node,
    runs: [
      // Modules preloaded with --import/--require run first.
      { when: ['--import', '-r', '--loader', '--experimental-loader'], code: 'node', codeFileOption: ['--import', '-r', '--loader', '--experimental-loader'], also: true },
      { when: ['-e'], code: 'node', codeOption: ['-e'] },
      { when: ['-p'], code: 'node', codeOperand: 0 },
      { when: ['--check', '--help', '--version'], nothing: true },
      { whenOperand: { index: 0, is: ['-'] }, code: 'node', codeStdin: true },
      { minOperands: 1, code: 'node', codeFile: 0 },
      { code: 'node', codeStdin: true },
    ],
  },
  {
    names: ['bun'],
    options: { short: 'e:p:', long: ['eval=|e', 'print=|p', 'cwd=', 'env-file=', 'hot', 'watch', 'smol', 'bun'] },
    runs: [{ when: ['-e', '-p'], code: 'node', codeOption: ['-e', '-p'] }],
    subcommands: {
      x: { runs: [{ argv: 0 }] },
      exec: { runs: [{ shellOperands: 0 }] },
    },
  },
  {
    names: ['deno'],
    subcommands: {
      eval: { options: { short: 'p', long: ['print|p', 'ext=', 'check'] }, runs: [{ code: 'node', codeOperand: 0 }] },
      run: { options: { short: 'A', long: ['allow-all|A', 'allow-run=?', 'allow-read=?', 'allow-write=?', 'allow-net=?', 'allow-env=?', 'config=', 'import-map=', 'watch', 'unstable'] }, runs: [{ minOperands: 1, code: 'node', codeFile: 0 }] },
    },
    runs: [{ nothing: true }],
  },
  {
    names: ['ruby', 'jruby', 'truffleruby'],
    options: { short: 'acdhlnpsSvwy0::C:e:E:F:i::I:r:W::x::K:T::', long: ['help', 'version', 'disable=', 'enable=', 'encoding=', 'jit', 'yjit', 'verbose', 'copyright'] },
    runs: [
      { when: ['-e'], code: 'ruby', codeOption: ['-e'] },
      { minOperands: 1, code: 'ruby', codeFile: 0 },
      { code: 'ruby', codeStdin: true },
    ],
  },
  {
    names: ['perl', 'perl5'],
    // -l and -0 take octal digits, read as letters here: no perl program starts with digits.
    options: { short: 'aflnpsStTuUvwWXcCd::D::e:E:F:i::I:m:M:V::x::', long: ['help', 'version'] },
    runs: [
      { when: ['-e', '-E'], code: 'perl', codeOption: ['-e', '-E'] },
      { minOperands: 1, code: 'perl', codeFile: 0 },
      { code: 'perl', codeStdin: true },
    ],
  },
  {
    names: ['php'],
    options: { short: 'aCehHilmnqsvwB:c:d:E:f:F:r:R:t:z:S:', long: ['help', 'version', 'ini', 'info'] },
    runs: [
      { when: ['-r', '-B', '-R', '-E'], code: 'php', codeOption: ['-r', '-B', '-R', '-E'] },
      { when: ['-f', '-F'], code: 'php', codeFileOption: ['-f', '-F'] },
      { minOperands: 1, code: 'php', codeFile: 0 },
      { code: 'php', codeStdin: true },
    ],
  },
  { names: ['lua', 'luajit'], options: { short: 'ivEWe:l:' }, runs: [{ when: ['-e'], code: 'lua', codeOption: ['-e'] }, { minOperands: 1, code: 'lua', codeFile: 0 }, { code: 'lua', codeStdin: true }] },
  { names: ['Rscript'], options: { short: 'e:', long: ['verbose', 'default-packages=', 'vanilla'] }, runs: [{ when: ['-e'], code: 'r', codeOption: ['-e'] }, { minOperands: 1, code: 'r', codeFile: 0 }] },
  { names: ['R'], options: { short: 'qse:f:', long: ['vanilla', 'no-save', 'slave', 'quiet|q', 'file=|f', 'args'] }, runs: [{ when: ['-e'], code: 'r', codeOption: ['-e'] }, { when: ['-f'], code: 'r', codeFileOption: ['-f'] }, { code: 'r', codeStdin: true }] },
  { names: ['osascript'], options: { short: 'ile:s:' }, runs: [{ when: ['-e'], code: 'applescript', codeOption: ['-e'] }, { minOperands: 1, code: 'applescript', codeFile: 0 }, { code: 'applescript', codeStdin: true }] },
  {
    names: ['pwsh', 'powershell', 'pwsh-preview', 'powershell.exe', 'pwsh.exe'],
    // PowerShell's parameters are case-insensitive and may be shortened to any unique prefix.
    options: { long: ['command=|c', 'file=|f', 'encodedcommand=|e', 'ec=', 'noprofile', 'nologo', 'noninteractive', 'noexit', 'executionpolicy=', 'workingdirectory=|w', 'inputformat=', 'outputformat=|o', 'version=|v', 'login|l', 'mta', 'sta', 'windowstyle='], singleDashLong: true, abbreviate: true, caseInsensitive: true },
    runs: [
      { when: ['--command'], code: 'powershell', codeOption: ['--command'] },
      { when: ['--encodedcommand', '--ec'], interpreterEvent: 'runs a base64-encoded command' },
      { when: ['--file'], code: 'powershell', codeFileOption: ['--file'] },
      { minOperands: 1, code: 'powershell', codeOperand: 0 },
    ],
  },
  {
    names: ['less', 'more', 'most'],
    options: { short: 'abBcCdeEfFgGiIjJkKLmMnNqQrRsSuUVwWXz#:o:O:p:t:T:x:y:h:P:D:', long: ['log-file=|o', 'LOG-FILE=|O', 'pattern=|p', 'tag=|t', 'lesskey-file='], permute: true },
    runs: [
      { envShell: ['LESSOPEN', 'LESSCLOSE', 'LESS'], also: true, self: true },
      { code: 'less', codePlusOperands: true },
    ],
  },
  { names: ['man'], options: { short: 'adfhikKlrtwWZM:P:C:S:H::E:L:m:p:', long: ['pager=|P', 'config-file=|C', 'manpath=|M', 'sections=|S', 'html=?|H', 'encoding=|E', 'locale=|L', 'preprocessor=|p'], permute: true }, runs: [{ when: ['-P', '-H'], shellOption: ['-P', '-H'], also: true, self: true }, { envShell: ['MANPAGER', 'PAGER', 'BROWSER'], self: true }] },
  { names: ['rg', 'ripgrep'], options: READERS.rg!, runs: [{ when: ['--pre'], scriptOrCommandOption: ['--pre'], self: true }, { nothing: true }] },
  {
    names: ['gh'],
    subcommands: {
      alias: { options: { long: ['shell|s', 'clobber'], short: 's', permute: true }, runs: [{ whenOperand: { index: 0, is: ['set'] }, ghAlias: true }] },
    },
    runs: [],
  },
  { names: ['ed', 'red'], options: { short: 'EGlrsp:' }, runs: [{ code: 'ed', codeStdin: true, self: true }] },
  { names: ['tclsh', 'wish'], runs: [{ minOperands: 1, code: 'tcl', codeFile: 0 }, { code: 'tcl', codeStdin: true }] },
  {
    names: ['awk', 'gawk', 'mawk', 'nawk', 'busybox-awk'],
    options: { short: 'bcCdDghiLMnNOpPrsStVyF:f:v:e:E:l:o::', long: ['file=|f', 'source=|e', 'field-separator=|F', 'assign=|v', 'exec=|E', 'include=|i', 'load=|l', 'sandbox|S', 'posix|P', 'traditional|c', 'version|V', 'help|h'], permute: true },
    runs: [
      { when: ['-f', '-E'], code: 'awk', codeFileOption: ['-f', '-E'], also: true },
      { when: ['-e'], code: 'awk', codeOption: ['-e'] },
      { when: ['-f', '-E'], nothing: true },
      { minOperands: 1, code: 'awk', codeOperand: 0, dataOptions: ['-v'], dataOperands: 1 },
    ],
  },
  {
    names: ['sed', 'gsed'],
    options: { short: 'nrEsuzl:e:f:i::', long: ['quiet|n', 'silent', 'expression=|e', 'file=|f', 'in-place=?|i', 'line-length=|l', 'null-data|z', 'zero-terminated', 'regexp-extended|r', 'separate|s', 'sandbox', 'unbuffered|u', 'debug', 'posix', 'follow-symlinks', 'help', 'version'], permute: true, abbreviate: true },
    runs: [
      { when: ['-e'], code: 'sed', codeOption: ['-e'], self: true, also: true },
      { when: ['-f'], code: 'sed', codeFileOption: ['-f'], self: true },
      { when: ['-e'], nothing: true },
      { minOperands: 1, code: 'sed', codeOperand: 0, self: true },
      { nothing: true },
    ],
  },
  {
    names: ['vim', 'vi', 'nvim', 'ex', 'view', 'vimdiff', 'gvim', 'rvim'],
    options: { short: 'AbCdDeEhHlLmMnNoOpqrRsvVyZc:S:t:T:u:U:w:W:i:', long: ['cmd=', 'clean', 'noplugin', 'headless', 'help', 'version', 'startuptime=', 'not-a-term', 'ttyfail', 'listen=', 'remote=', 'remote-send=', 'remote-expr=', 'embed'], permute: true },
    runs: [
      { code: 'vim', codePlusOperands: true, self: true, also: true },
      { when: ['-c', '--cmd'], code: 'vim', codeOption: ['-c', '--cmd'], also: true },
      { when: ['-S'], code: 'vim', codeFileOption: ['-S'], also: true },
      { when: ['--remote-send'], code: 'vim', codeOption: ['--remote-send'], also: true },
      { when: ['-e', '-E', '-s'], code: 'vim', codeStdin: true },
    ],
  },
  {
    names: ['emacs', 'emacsclient'],
    options: { short: 'nqQl:f:e:', long: ['batch', 'script=', 'eval=', 'load=|l', 'funcall=|f', 'execute=', 'quick|Q', 'no-init-file|q', 'no-site-file', 'no-splash', 'nw', 'help', 'version'], singleDashLong: true, permute: true },
    runs: [
      { when: ['--eval', '--execute', '-e'], code: 'lisp', codeOption: ['--eval', '--execute', '-e'], self: true, also: true },
      { when: ['--script', '-l', '--load'], code: 'lisp', codeFileOption: ['--script', '-l', '--load'], self: true },
      { nothing: true },
    ],
  },
];

// ------------------------------------------------------------------ tools with command hooks
export const HOOKED_TOOLS: readonly Runner[] = [
  { names: ['find', 'gfind', 'bfs'], options: READERS.find!, runs: [{ embedded: { from: ['-exec', '-execdir', '-ok', '-okdir'], to: [';', '+'] }, self: true }] },
  {
    names: ['tar', 'gtar', 'bsdtar'],
    options: {
      short: 'AcdrtuxzjJZaBhiklmnopPsSUvwWb:C:f:F:g:H:I:K:L:N:T:V:X:',
      long: ['to-command=', 'checkpoint-action=', 'use-compress-program=|I', 'info-script=|F', 'new-volume-script=', 'rsh-command=',
        'file=|f', 'directory=|C', 'files-from=|T', 'force-local', 'multi-volume|M', 'rmt-command=', 'exclude-from=|X', 'exclude=', 'transform=', 'xform=', 'checkpoint=?',
        'create|c', 'extract|x', 'get', 'list|t', 'append|r', 'update|u', 'gzip|z', 'bzip2|j', 'xz|J', 'zstd', 'verbose|v',
        'owner=', 'group=', 'mode=', 'mtime=', 'format=|H', 'label=|V', 'blocking-factor=|b', 'strip-components=',
        'wildcards', 'overwrite', 'keep-old-files|k', 'auto-compress|a', 'to-stdout|O', 'force-local', 'one-file-system'],
      permute: true, abbreviate: true,
    },
    runs: [
      { when: ['--to-command'], shellOption: ['--to-command'], self: true, also: true, label: 'tar --to-command' },
      { when: ['--checkpoint-action'], shellOption: ['--checkpoint-action'], valuePrefix: 'exec=', self: true, also: true, label: 'tar --checkpoint-action' },
      { when: ['-I'], shellOption: ['-I'], self: true, also: true, label: 'tar --use-compress-program' },
      { when: ['-F', '--new-volume-script'], shellOption: ['-F', '--new-volume-script'], self: true, also: true, label: 'tar --info-script' },
      { when: ['--rsh-command'], shellOption: ['--rsh-command'], self: true, also: true },
      { nothing: true },
    ],
  },
  {
    names: ['zip'],
    options: { short: 'AcdDeFfgjJklLmoqrRSTuvwXyz0123456789b:n:P:t:x:i:', long: ['TT=', 'unzip-command=', 'test', 'recurse-paths', 'quiet', 'password='], singleDashLong: true, permute: true },
    runs: [{ when: ['-TT', '--TT', '--unzip-command'], shellOption: ['-TT', '--TT', '--unzip-command'], self: true, also: true, label: 'zip -TT' }, { nothing: true }],
  },
];

