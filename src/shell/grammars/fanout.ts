// Tools that run one command on many hosts over ssh (data; expand/fanout.ts reads it): where the
// hosts are, where the command is, and the options that hand ssh options or copy files.
import type { OptionGrammar } from '../getopt.js';

export interface FanOut {
  readonly options: OptionGrammar;
  /** Options whose value lists the hosts (comma-separated). */
  readonly hosts: readonly string[];
  /** Options whose value is the command (mussh -c); without them the operands are the command. */
  readonly command?: readonly string[];
  /** Options whose value names a script file sent as the command (mussh -C). */
  readonly script?: readonly string[];
  /** Options whose value is more of ssh's command line, one string (pssh -x, clush -o). */
  readonly sshArgs?: readonly string[];
  /** Options whose value is one ssh `-o` option (pssh -O). */
  readonly sshOption?: readonly string[];
  /**
   * Options that make the operands files copied to the hosts (clush -c; 'always': pdcp), with the
   * option naming the destination there (the last operand without one): a write there, not a command.
   */
  readonly copy?: readonly string[] | 'always';
  readonly dest?: string;
  /** Options that make the operands files copied from the hosts into `dest` here (clush --rcopy): nothing runs there. */
  readonly fetch?: readonly string[];
  /** Options after which nothing runs. */
  readonly prints?: readonly string[];
}

const PDSH: FanOut = { options: { short: 'SbdhqvNw:x:g:X:l:t:u:f:R:M:' }, hosts: ['-w'] };
const PSSH: FanOut = {
  options: {
    short: 'AiIPvh:H:l:p:o:e:t:x:X:O:',
    long: ['hosts=|h', 'host=|H', 'user=|l', 'par=|p', 'outdir=|o', 'errdir=|e', 'timeout=|t', 'extra-args=|x', 'extra-arg=|X', 'option=|O',
      'askpass|A', 'inline|i', 'inline-stdout', 'send-input|I', 'print|P', 'verbose|v'],
  },
  hosts: ['-H'], sshArgs: ['-x', '-X'], sshOption: ['-O'],
};

export const FANOUT: Readonly<Record<string, FanOut>> = {
  pdsh: PDSH, pdcp: { ...PDSH, copy: 'always' }, pssh: PSSH, 'parallel-ssh': PSSH,
  // ClusterShell's clush(1): `clush -w NODES CMD`; `-c FILES --dest DIR` copies to the nodes, `--rcopy` from them.
  clush: {
    options: {
      short: 'abBdhLnNPqrSvVcpEw:x:g:X:s:f:l:o:t:u:R:m:O:',
      long: ['nodes=|w', 'exclude=|x', 'group=|g', 'groupsource=|s', 'fanout=|f', 'user=|l', 'options=|o', 'connect_timeout=|t',
        'command_timeout=|u', 'worker=|R', 'mode=|m', 'option=|O', 'all|a', 'dshbak|b', 'regroup|r', 'nostdin|n', 'copy|c', 'rcopy',
        'dest=', 'preserve|p', 'progress|P', 'quiet|q', 'verbose|v', 'debug|d', 'label', 'diff', 'color=', 'pick=', 'hostfile=',
        'topology=', 'remote=', 'conf=', 'groupsconf=', 'sudo', 'version', 'help|h'],
      permute: true, abbreviate: true,
    },
    hosts: ['-w'], sshArgs: ['-o'], copy: ['-c'], dest: '--dest', fetch: ['--rcopy'], prints: ['--version', '--help'],
  },
  // mussh(1): `mussh -h HOST… -c CMD` (each -c adds a line; -C FILE sends a script); the hosts after -h are operands.
  mussh: {
    options: { short: 'aAbBdmnPqtuUvVh:H:c:C:i:o:l:L:s:t:m:p:W:J:', permute: true },
    hosts: ['-h'], command: ['-c'], script: ['-C'], sshOption: ['-o'], prints: ['-V'],
  },
};
