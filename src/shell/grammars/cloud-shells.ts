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
  /**
   * Options whose value is a shell command run on the instance. Given twice, the last one counts
   * (argparse's `store`, as gcloud and the aws and az CLIs parse flags).
   */
  readonly command?: readonly string[];
  /** Options whose value is a script the text cannot show (a URL, a blob): what it runs there is unknown. */
  readonly unreadable?: readonly string[];
  /**
   * Operands after the instance: more of ssh's command line (`ssh`: its options, then the remote
   * command; `dashDash`: only those after `--`), or more scripts to run (`scripts`).
   */
  readonly rest?: 'ssh' | 'dashDash' | 'scripts';
  /** Options whose value is more of ssh's own command line (`--ssh-flag="-L 2375:localhost:2375"`). */
  readonly sshFlags?: readonly string[];
  /** The operands after the path are scp's (`[USER@]INSTANCE:PATH`): a copy, judged as scp judges it. */
  readonly copy?: true;
  /**
   * Options with which nothing runs there (a dry run prints the ssh command line); `--opt=value`
   * holds when the last value given is that one.
   */
  readonly nothing?: readonly string[];
  /**
   * Options that set keys on the instance, some of them a script it runs there (at boot, at shutdown,
   * or by an extension): judged as that script run over ssh. With none of those keys nothing runs.
   */
  readonly keyed?: KeyedScripts;
  /** The command is in an SSM parameter value (`commands=[…]`, JSON, or `file://…`), for these documents. */
  readonly parameters?: {
    readonly option: string;
    readonly document: string;
    /** The documents that run the parameter `key` (default `commands`) as shell commands. */
    readonly shells: readonly string[];
    readonly key?: string;
    /** Any other document (or none): a session there (`session`), or a change the text does not show (default). */
    readonly otherwise?: 'session';
  };
}

export interface KeyedScripts {
  /** `dict`: gcloud's KEY=VALUE,… (`^:^KEY=VALUE:…` picks another separator); `json`: az's JSON text or `@FILE`. */
  readonly format: 'dict' | 'json';
  readonly options: readonly string[];
  /** gcloud's `KEY=FILE` options: the value of each key is that local file's text. */
  readonly fromFile?: readonly string[];
  /** Keys whose value is a shell script run on the instance. */
  readonly scripts: readonly string[];
  /** Keys whose value is such a script in base64 (gzipped or not). */
  readonly encoded?: readonly string[];
  /** Keys naming a script elsewhere (a URL, a bucket, a blob): what runs is not in the text. */
  readonly remote?: readonly string[];
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
// `gcloud compute connect-to-serial-port VM`: a login console on the instance, an interactive session.
const GCLOUD_SERIAL: OptionGrammar = {
  long: [...GCLOUD_GLOBAL, 'zone=', 'port=', 'extra-args=', 'ssh-key-file=', 'strict-host-key-checking=', 'location=',
    'ssh-key-expire-after=', 'force-key-file-overwrite', 'dry-run'],
  permute: true,
};
const GCLOUD: CloudShell = { path: ['compute', 'ssh'], options: GCLOUD_SSH, command: ['--command'], rest: 'dashDash', sshFlags: ['--ssh-flag'], nothing: ['--dry-run'] };

/**
 * gcloud compute metadata (cloud.google.com "About startup scripts", "Running shutdown scripts"): the
 * guest agent runs `startup-script` at every boot and `shutdown-script` at every stop; the `-url`
 * keys fetch the script from Cloud Storage. Set on an instance, a template or the whole project.
 */
const GCLOUD_METADATA: KeyedScripts = {
  format: 'dict', options: ['--metadata'], fromFile: ['--metadata-from-file'],
  scripts: ['startup-script', 'shutdown-script'], remote: ['startup-script-url', 'shutdown-script-url'],
};
const GCLOUD_METADATA_OPTIONS: OptionGrammar = {
  long: [...GCLOUD_GLOBAL, 'metadata=', 'metadata-from-file=', 'zone=', 'region=', 'machine-type=', 'image=', 'image-family=',
    'image-project=', 'tags=', 'labels=', 'network=', 'subnet=', 'network-interface=', 'boot-disk-size=', 'boot-disk-type=',
    'scopes=', 'service-account=', 'source-instance-template=', 'instance-template=', 'count=', 'name-pattern=',
    'predefined-names=', 'container-image=', 'container-command=', 'container-arg=', 'create-disk=', 'disk=', 'min-cpu-platform=',
    'accelerator=', 'maintenance-policy=', 'provisioning-model=', 'async', 'no-address', 'preemptible', 'shielded-secure-boot'],
  permute: true,
};
const GCLOUD_METADATA_PATHS = ['compute instances add-metadata', 'compute instances create', 'compute instances bulk create',
  'compute instances create-with-container', 'compute instance-templates create', 'compute instance-templates create-with-container',
  'compute project-info add-metadata'];
const GCLOUD_KEYED: readonly CloudShell[] = ['', 'alpha ', 'beta '].flatMap((track) => GCLOUD_METADATA_PATHS.map((p): CloudShell => ({
  path: `${track}${p}`.split(' '), options: GCLOUD_METADATA_OPTIONS, keyed: GCLOUD_METADATA,
  // project-wide metadata reaches every instance of the project; bulk create names its instances by pattern
  ...(p.startsWith('compute project-info') || p.includes('bulk') ? { instance: [] } : {}),
})));

const SSM_RUN = ['AWS-RunShellScript', 'AWS-RunPowerShellScript'];
const AWS_GLOBAL = ['region=', 'profile=', 'output=', 'endpoint-url=', 'query=', 'cli-input-json=', 'cli-input-yaml=',
  'color=', 'ca-bundle=', 'cli-read-timeout=', 'cli-connect-timeout=', 'cli-binary-format=', 'debug', 'no-verify-ssl',
  'no-paginate', 'no-sign-request', 'no-cli-pager', 'cli-auto-prompt', 'no-cli-auto-prompt'];

const AZ_GLOBAL = ['subscription=', 'output=|o', 'query=', 'debug', 'verbose', 'only-show-errors', 'help|h'];
const AZ_INVOKE: CloudShell = {
  path: ['vm', 'run-command', 'invoke'],
  options: { long: [...AZ_GLOBAL, 'resource-group=|g', 'name=|n', 'command-id=', 'scripts=', 'parameters=', 'ids=',
    'instance-id=', 'no-wait'], permute: true },
  instance: ['--name', '--ids'],
  command: ['--scripts'],
  rest: 'scripts',
};
// Managed run commands: `--script` runs there; `--script-uri` names a script in a blob the text does not show.
const AZ_CREATE: CloudShell = {
  path: ['vm', 'run-command', 'create'],
  options: { long: [...AZ_GLOBAL, 'resource-group=|g', 'vm-name=', 'vmss-name=', 'instance-id=', 'run-command-name=', 'name=|n',
    'script=', 'script-uri=', 'command-id=', 'parameters=', 'protected-parameters=', 'run-as-user=', 'run-as-password=',
    'timeout-in-seconds=', 'output-blob-uri=', 'error-blob-uri=', 'location=|l', 'tags=', 'ids=', 'async-execution',
    'no-wait'], permute: true },
  instance: ['--vm-name', '--ids'],
  command: ['--script'],
  unreadable: ['--script-uri'],
};
/**
 * VM extensions (learn.microsoft.com "Custom Script Extension for Linux/Windows"): the extension runs
 * the settings' `commandToExecute` (public or protected) on the VM, or `script` (base64, maybe gzipped);
 * `fileUris` are files it downloads first. Any extension's settings are read: only these keys run.
 */
const AZ_EXTENSION: CloudShell = {
  path: ['vm', 'extension', 'set'],
  options: { long: [...AZ_GLOBAL, 'resource-group=|g', 'vm-name=', 'vmss-name=', 'name=|n', 'publisher=', 'version=', 'settings=',
    'protected-settings=', 'extension-instance-name=', 'ids=', 'enable-auto-upgrade=', 'force-update', 'no-auto-upgrade',
    'no-auto-upgrade-minor-version', 'no-wait'], permute: true },
  instance: ['--vm-name', '--ids'],
  keyed: { format: 'json', options: ['--settings', '--protected-settings'], scripts: ['commandToExecute'], encoded: ['script'], remote: ['fileUris'] },
};

const AZ_SSH_OPTIONS = [...AZ_GLOBAL, 'resource-group=|g', 'name=|n', 'ip=', 'local-user=', 'port=', 'private-key-file=',
  'public-key-file=', 'prefer-private-ip'];
const AZ_SSH: CloudShell = { path: ['ssh', 'vm'], options: { long: AZ_SSH_OPTIONS, permute: true }, instance: ['--name', '--ip'], rest: 'dashDash' };

export const CLOUD_SHELLS: Readonly<Record<string, readonly CloudShell[]>> = {
  gcloud: [
    GCLOUD,
    ...GCLOUD_KEYED,
    { ...GCLOUD, path: ['alpha', 'compute', 'ssh'] },
    { ...GCLOUD, path: ['beta', 'compute', 'ssh'] },
    { ...GCLOUD, path: ['compute', 'tpus', 'tpu-vm', 'ssh'] },
    { ...GCLOUD, path: ['cloud-shell', 'ssh'], instance: [] },
    { path: ['compute', 'connect-to-serial-port'], options: GCLOUD_SERIAL, nothing: ['--dry-run'] },
    // gcloud compute scp [[USER@]INSTANCE:]SRC … [[USER@]INSTANCE:]DEST: scp to the instance.
    ...['compute', 'alpha compute', 'beta compute'].map((p): CloudShell => ({
      path: [...p.split(' '), 'scp'], copy: true, nothing: ['--dry-run'],
      options: { long: [...GCLOUD_GLOBAL, 'zone=', 'port=', 'scp-flag=', 'ssh-key-file=', 'strict-host-key-checking=', 'recurse',
        'compress', 'dry-run', 'force-key-file-overwrite', 'plain', 'tunnel-through-iap', 'internal-ip', 'ssh-key-expire-after='], permute: true },
    })),
    { path: ['alpha', 'compute', 'connect-to-serial-port'], options: GCLOUD_SERIAL, nothing: ['--dry-run'] },
    { path: ['beta', 'compute', 'connect-to-serial-port'], options: GCLOUD_SERIAL, nothing: ['--dry-run'] },
  ],
  aws: [
    {
      path: ['ssm', 'send-command'],
      options: { long: [...AWS_GLOBAL, 'instance-ids=', 'targets=', 'document-name=', 'document-version=', 'document-hash=',
        'document-hash-type=', 'timeout-seconds=', 'comment=', 'parameters=', 'output-s3-region=', 'output-s3-bucket-name=',
        'output-s3-key-prefix=', 'max-concurrency=', 'max-errors=', 'service-role-arn=', 'notification-config=',
        'cloud-watch-output-config=', 'alarm-configuration='], permute: true },
      instance: ['--instance-ids', '--targets'],
      parameters: { option: '--parameters', document: '--document-name', shells: SSM_RUN },
    },
    {
      // State Manager runs the association's document on its targets, now and on its schedule.
      path: ['ssm', 'create-association'],
      options: { long: [...AWS_GLOBAL, 'name=', 'document-version=', 'instance-id=', 'targets=', 'parameters=',
        'schedule-expression=', 'schedule-offset=', 'output-location=', 'association-name=', 'automation-target-parameter-name=',
        'max-errors=', 'max-concurrency=', 'compliance-severity=', 'sync-compliance=', 'calendar-names=', 'target-locations=',
        'duration=', 'target-maps=', 'alarm-configuration=', 'tags=', 'apply-only-at-cron-interval', 'no-apply-only-at-cron-interval'], permute: true },
      instance: ['--instance-id', '--targets'],
      parameters: { option: '--parameters', document: '--name', shells: SSM_RUN },
    },
    {
      // Without --name the association keeps a document the text does not show.
      path: ['ssm', 'update-association'],
      options: { long: [...AWS_GLOBAL, 'association-id=', 'name=', 'document-version=', 'targets=', 'parameters=',
        'schedule-expression=', 'schedule-offset=', 'output-location=', 'association-name=', 'association-version=',
        'automation-target-parameter-name=', 'max-errors=', 'max-concurrency=', 'compliance-severity=', 'sync-compliance=',
        'calendar-names=', 'target-locations=', 'duration=', 'target-maps=', 'alarm-configuration=',
        'apply-only-at-cron-interval', 'no-apply-only-at-cron-interval'], permute: true },
      instance: ['--targets', '--association-id'],
      parameters: { option: '--parameters', document: '--name', shells: SSM_RUN },
    },
    {
      // AWS CLI v2 opens ssh to the instance (an interactive session; it takes no command).
      // ECS Exec: the command runs in the task's container (aws ecs execute-command --task T --command CMD).
      path: ['ecs', 'execute-command'],
      options: { long: [...AWS_GLOBAL, 'cluster=', 'container=', 'task=', 'command=', 'interactive', 'non-interactive'], permute: true },
      instance: ['--task'],
      command: ['--command'],
    },
    {
      path: ['ec2-instance-connect', 'ssh'],
      options: { long: [...AWS_GLOBAL, 'instance-id=', 'os-user=', 'ssh-port=', 'private-key-file=', 'connection-type=',
        'eice-options=', 'instance-ip=', 'local-forwarding='], permute: true },
      instance: ['--instance-id', '--instance-ip'],
    },
    {
      // A session is a shell there, unless it is one of the port-forwarding documents.
      path: ['ssm', 'start-session'],
      options: { long: [...AWS_GLOBAL, 'target=', 'document-name=', 'reason=', 'parameters='], permute: true },
      instance: ['--target'],
      nothing: ['--document-name=AWS-StartPortForwardingSession', '--document-name=AWS-StartPortForwardingSessionToRemoteHost'],
      // AWS-StartInteractiveCommand runs its `command` parameter there; without a document it is a shell.
      parameters: { option: '--parameters', document: '--document-name', shells: ['AWS-StartInteractiveCommand'], key: 'command', otherwise: 'session' },
    },
  ],
  az: [
    AZ_INVOKE,
    AZ_EXTENSION,
    { ...AZ_EXTENSION, path: ['vmss', 'extension', 'set'], instance: ['--vmss-name'] },
    // the same per scale-set instance
    { ...AZ_INVOKE, path: ['vmss', 'run-command', 'invoke'] },
    AZ_CREATE,
    { ...AZ_CREATE, path: ['vm', 'run-command', 'update'] },
    { ...AZ_CREATE, path: ['vmss', 'run-command', 'create'], instance: ['--vmss-name', '--instance-id'] },
    { ...AZ_CREATE, path: ['vmss', 'run-command', 'update'], instance: ['--vmss-name', '--instance-id'] },
    AZ_SSH,
    // ssh to an Azure Arc server (after `--`, ssh's own arguments and the command)
    { ...AZ_SSH, path: ['ssh', 'arc'], options: { long: [...AZ_SSH_OPTIONS, 'resource-type=', 'cert-file=', 'rdp', 'ssh-proxy-folder=', 'ssh-client-folder=', 'delete-private-key', 'yes-without-prompt'], permute: true }, instance: ['--name'] },
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
