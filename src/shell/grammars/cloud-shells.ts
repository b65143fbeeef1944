// Cloud CLIs that run a command on a server they reach through their own API or ssh: where the
// instance is named, where the command is, and the options that take a value. Data; the remote family
// reads it (expand/cloud-shells.ts) and judges the command as if it came over ssh to that instance.
import type { OptionGrammar } from '../getopt.js';

export interface CloudShell {
  /** The operands after the program that name this command, in order (`compute ssh`). */
  readonly path: readonly string[];
  readonly options: OptionGrammar;
  /** Options whose value names the instance; by default it is the first operand after the path. */
  readonly instance?: readonly string[];
  /** Options whose value is a shell command run on the instance. */
  readonly command?: readonly string[];
  /**
   * Operands after the instance: more of ssh's command line (`ssh`: its options, then the remote
   * command; `dashDash`: only those after `--`), or more scripts to run (`scripts`).
   */
  readonly rest?: 'ssh' | 'dashDash' | 'scripts';
  /** Options whose value is more of ssh's own command line (`--ssh-flag="-L 2375:localhost:2375"`). */
  readonly sshFlags?: readonly string[];
  /** Options with which nothing runs there (a dry run prints the ssh command line). */
  readonly nothing?: readonly string[];
  /** The command is in an SSM parameter value (`commands=[…]`, JSON, or `file://…`), for these documents. */
  readonly parameters?: { readonly option: string; readonly document: string; readonly shells: readonly string[] };
}

const GCLOUD_GLOBAL = ['project=', 'account=', 'configuration=', 'flags-file=', 'flatten=', 'format=', 'verbosity=',
  'impersonate-service-account=', 'billing-project=', 'access-token-file=', 'trace-token=', 'quiet|q', 'help', 'log-http',
  'user-output-enabled', 'no-user-output-enabled'];
const GCLOUD_SSH: OptionGrammar = {
  long: [...GCLOUD_GLOBAL, 'command=', 'zone=', 'ssh-flag=', 'ssh-key-file=', 'strict-host-key-checking=', 'container=',
    'worker=', 'ssh-key-expiration=', 'ssh-key-expire-after=', 'tunnel-through-iap', 'internal-ip', 'dry-run', 'plain',
    'troubleshoot', 'force-key-file-overwrite', 'ssh-key-expire-after=', 'authorize-session', 'region=', 'force'],
  permute: true,
};
const GCLOUD: CloudShell = { path: ['compute', 'ssh'], options: GCLOUD_SSH, command: ['--command'], rest: 'dashDash', sshFlags: ['--ssh-flag'], nothing: ['--dry-run'] };

const AWS_GLOBAL = ['region=', 'profile=', 'output=', 'endpoint-url=', 'query=', 'cli-input-json=', 'cli-input-yaml=',
  'color=', 'ca-bundle=', 'cli-read-timeout=', 'cli-connect-timeout=', 'cli-binary-format=', 'debug', 'no-verify-ssl',
  'no-paginate', 'no-sign-request', 'no-cli-pager', 'cli-auto-prompt', 'no-cli-auto-prompt'];

export const CLOUD_SHELLS: Readonly<Record<string, readonly CloudShell[]>> = {
  gcloud: [
    GCLOUD,
    { ...GCLOUD, path: ['alpha', 'compute', 'ssh'] },
    { ...GCLOUD, path: ['beta', 'compute', 'ssh'] },
    { ...GCLOUD, path: ['compute', 'tpus', 'tpu-vm', 'ssh'] },
    { ...GCLOUD, path: ['cloud-shell', 'ssh'], instance: [] },
  ],
  aws: [
    {
      path: ['ssm', 'send-command'],
      options: { long: [...AWS_GLOBAL, 'instance-ids=', 'targets=', 'document-name=', 'document-version=', 'document-hash=',
        'document-hash-type=', 'timeout-seconds=', 'comment=', 'parameters=', 'output-s3-region=', 'output-s3-bucket-name=',
        'output-s3-key-prefix=', 'max-concurrency=', 'max-errors=', 'service-role-arn=', 'notification-config=',
        'cloud-watch-output-config=', 'alarm-configuration='], permute: true },
      instance: ['--instance-ids', '--targets'],
      parameters: { option: '--parameters', document: '--document-name', shells: ['AWS-RunShellScript', 'AWS-RunPowerShellScript'] },
    },
    {
      // A session is a shell there, unless it is one of the port-forwarding documents.
      path: ['ssm', 'start-session'],
      options: { long: [...AWS_GLOBAL, 'target=', 'document-name=', 'reason=', 'parameters='], permute: true },
      instance: ['--target'],
      nothing: ['--document-name=AWS-StartPortForwardingSession', '--document-name=AWS-StartPortForwardingSessionToRemoteHost'],
    },
  ],
  az: [
    {
      path: ['vm', 'run-command', 'invoke'],
      options: { long: ['resource-group=|g', 'name=|n', 'command-id=', 'scripts=', 'parameters=', 'ids=', 'subscription=',
        'output=|o', 'query=', 'debug', 'verbose', 'only-show-errors', 'no-wait'], permute: true },
      instance: ['--name', '--ids'],
      command: ['--scripts'],
      rest: 'scripts',
    },
    {
      path: ['ssh', 'vm'],
      options: { long: ['resource-group=|g', 'name=|n', 'ip=', 'local-user=', 'port=', 'private-key-file=', 'public-key-file=',
        'subscription=', 'output=|o', 'debug', 'verbose', 'prefer-private-ip'], permute: true },
      instance: ['--name', '--ip'],
      rest: 'dashDash',
    },
  ],
  doctl: [{
    path: ['compute', 'ssh'],
    options: { long: ['ssh-command=', 'ssh-key-path=', 'ssh-user=', 'ssh-port=', 'ssh-agent-forwarding', 'ssh-private-ip',
      'context=', 'access-token=|t', 'config=|c', 'output=|o', 'api-url=|u', 'trace', 'verbose|v'], permute: true },
    command: ['--ssh-command'],
  }],
  hcloud: [{
    path: ['server', 'ssh'],
    options: { long: ['ipv6', 'user=|u', 'port=|p', 'context=', 'config=', 'endpoint=', 'debug', 'debug-file=', 'poll-interval='] },
    rest: 'ssh',
  }],
};
