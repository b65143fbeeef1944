// What the Kubernetes tools run besides talking to a cluster: programs named by their options
// (`helm --post-renderer`, `kustomize --helm-command`, `kubectl config set-credentials
// --exec-command`), programs named by the environment (`KUBECTL_EXTERNAL_DIFF` for `kubectl diff`),
// and programs named in project files they read (a kubeconfig's users[].exec, a helm plugin's hooks,
// helmfile's `exec` template function and hooks, skaffold's custom builds and hooks). Data only;
// expand/kube.ts reads it. From each tool's documentation: kubectl(1) `diff`, client-go's exec
// credential plugins, `helm install --post-renderer`, `helm plugin install`, kustomize's
// `--enable-helm --helm-command`, helmfile's template functions and hooks, skaffold.yaml's
// `custom` builder and lifecycle hooks.

/** An option whose value is a program the tool runs, with other options' values as its arguments. */
export interface ProgramOption {
  /** The subcommand path it belongs to (leading operands); any when absent. */
  readonly path?: readonly string[];
  /** Only when one of these options is also given (kustomize runs helm only with `--enable-helm`). */
  readonly when?: readonly string[];
  readonly options: readonly string[];
  /** Each value of these options is one more argument. */
  readonly args?: readonly string[];
  readonly label: string;
}

/** A variable whose value is a command line the tool runs (with arguments appended). */
export interface ProgramEnv {
  /** The subcommand path it is read for; any when absent. */
  readonly path?: readonly string[];
  readonly name: string;
  /** What the tool appends (shown in the text that is judged). */
  readonly appends: readonly string[];
  /** Run by `sh -c` (kubectl's editor when it holds a space); else split on spaces. */
  readonly shell?: true;
}

export interface KubeTool {
  readonly programs?: readonly ProgramOption[];
  readonly env?: readonly ProgramEnv[];
  /** Options and the variable naming kubeconfig files, whose users' exec plugins run. */
  readonly kubeconfig?: { readonly options: readonly string[]; readonly env?: string };
  /** A project file whose contents name what runs (expand/kube-files.ts reads each kind). */
  readonly files?: 'helm-plugin' | 'helmfile' | 'skaffold';
  /** Subcommands that never run what the project files name. */
  readonly filesSkip?: readonly string[];
  /**
   * A subcommand that is not the tool's own runs a plugin: `kubectl foo bar` runs `kubectl-foo-bar`
   * (else `kubectl-foo`) found on PATH; `helm foo` the command of the plugin named foo in $HELM_PLUGINS.
   */
  readonly plugins?: 'path' | 'helm';
  /**
   * The tool's own subcommands: `-h`/`--help` is read by the tool itself (cobra prints the help and
   * exits) only with no subcommand or one of these; any other word runs a plugin, which gets the flag.
   */
  readonly subcommands?: ReadonlySet<string>;
  /** Schemes the tool fetches itself: a URL operand (or --repo) of another scheme runs a downloader plugin (helm). */
  readonly schemes?: readonly string[];
  /** KRM functions it runs (in containers, or as programs) where these subcommands and options are given. */
  readonly functions?: readonly FunctionRun[];
}

/**
 * Configuration functions (KRM functions) a tool runs: `kustomize build --enable-alpha-plugins` runs
 * the functions its kustomization's generators, transformers and validators name (annotation
 * config.kubernetes.io/function: `container: {image}` by `docker run`, `exec: {path}` as a program);
 * `kpt fn render` the Kptfile's pipeline; `kpt fn eval --image IMAGE` / `--exec PROGRAM` the one named.
 */
export interface FunctionRun {
  readonly path: readonly string[];
  /** Only when one of these options is given. */
  readonly when?: readonly string[];
  /** Options whose value is an image run in a container, and options whose value is a program run. */
  readonly image?: readonly string[];
  readonly exec?: readonly string[];
  /** The file that names the functions, read in the directory operand (else `.`). */
  readonly reads?: 'kustomization' | 'kptfile';
  readonly label: string;
}

/** How a function's container is started (kustomize and kpt both run the image so). */
export const FUNCTION_CONTAINER: readonly string[] = ['docker', 'run', '--rm', '-i'];
/** The annotations that make a generator, transformer or validator a function (kustomize's fnplugin). */
export const FUNCTION_ANNOTATIONS: readonly string[] = ['config.kubernetes.io/function', 'config.k8s.io/function'];
/** A kustomization's file names, in the order kustomize tries them. */
export const KUSTOMIZATION_FILES: readonly string[] = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
/** Kustomization fields that name more kustomizations or function configs (directories are read in turn). */
export const KUSTOMIZATION_FIELDS: readonly string[] = ['resources', 'bases', 'components', 'generators', 'transformers', 'validators'];
export const FUNCTION_FIELDS: readonly string[] = ['generators', 'transformers', 'validators'];

/** kubectl's own subcommands (anything else is a plugin on PATH). */
export const KUBECTL_SUBCOMMANDS: ReadonlySet<string> = new Set(['create', 'expose', 'run', 'set', 'explain', 'get', 'edit',
  'delete', 'rollout', 'scale', 'autoscale', 'certificate', 'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint',
  'describe', 'logs', 'attach', 'exec', 'port-forward', 'proxy', 'cp', 'auth', 'debug', 'events', 'diff', 'apply', 'patch',
  'replace', 'wait', 'kustomize', 'label', 'annotate', 'completion', 'alpha', 'api-resources', 'api-versions', 'config',
  'plugin', 'version', 'options', 'help']);

/** helm's own subcommands (anything else is a plugin). */
export const HELM_SUBCOMMANDS: ReadonlySet<string> = new Set(['completion', 'create', 'dependency', 'dep', 'dependencies', 'env',
  'get', 'help', 'history', 'hist', 'install', 'lint', 'list', 'ls', 'package', 'plugin', 'pull', 'fetch', 'push', 'registry',
  'repo', 'rollback', 'search', 'show', 'inspect', 'status', 'template', 'test', 'uninstall', 'un', 'delete', 'del', 'upgrade',
  'verify', 'version']);

/** flux's own subcommands. */
export const FLUX_SUBCOMMANDS: ReadonlySet<string> = new Set(['bootstrap', 'build', 'check', 'completion', 'create', 'debug', 'delete',
  'diff', 'envsubst', 'events', 'export', 'get', 'help', 'install', 'list', 'logs', 'migrate', 'pull', 'push', 'reconcile',
  'resume', 'stats', 'suspend', 'tag', 'trace', 'tree', 'uninstall', 'version']);

/** argocd's own subcommands (anything else runs an `argocd-NAME` plugin from PATH). */
export const ARGOCD_SUBCOMMANDS: ReadonlySet<string> = new Set(['account', 'admin', 'app', 'appset', 'cert', 'cluster', 'completion',
  'configure', 'context', 'ctx', 'gpg', 'help', 'login', 'logout', 'proj', 'relogin', 'repo', 'repocreds', 'version']);

/** Schemes helm fetches itself; a chart or repository URL of any other scheme is fetched by a downloader plugin. */
export const HELM_SCHEMES: readonly string[] = ['http', 'https', 'oci', 'file'];

const KUSTOMIZE_FUNCTIONS = (path: readonly string[], label: string): FunctionRun =>
  ({ path, when: ['--enable-alpha-plugins'], reads: 'kustomization', label });

const KUBECTL: KubeTool = {
  programs: [
    { path: ['config', 'set-credentials'], options: ['--exec-command'], args: ['--exec-arg'], label: 'kubectl exec credential plugin (runs when the user is used)' },
    { path: ['kustomize'], when: ['--enable-helm'], options: ['--helm-command'], label: 'kubectl kustomize --helm-command' },
  ],
  env: [
    { path: ['diff'], name: 'KUBECTL_EXTERNAL_DIFF', appends: ['LIVE_DIR', 'MERGED_DIR'] },
    // `kubectl edit`, `create --edit`, `apply edit-last-applied` … open KUBE_EDITOR, else EDITOR.
    { name: 'KUBE_EDITOR', appends: ['FILE'], shell: true },
    { name: 'EDITOR', appends: ['FILE'], shell: true },
  ],
  kubeconfig: { options: ['--kubeconfig'], env: 'KUBECONFIG' },
  plugins: 'path',
  subcommands: KUBECTL_SUBCOMMANDS,
  functions: [KUSTOMIZE_FUNCTIONS(['kustomize'], 'kubectl kustomize --enable-alpha-plugins')],
};

export const KUBE_TOOLS: Readonly<Record<string, KubeTool>> = {
  kubectl: KUBECTL,
  oc: KUBECTL,
  'kubectl.exe': KUBECTL,
  kubecolor: KUBECTL,
  'kubectl-argo-rollouts': { kubeconfig: { options: ['--kubeconfig'], env: 'KUBECONFIG' } },
  helm: {
    programs: [{ options: ['--post-renderer'], args: ['--post-renderer-args'], label: 'helm --post-renderer' }],
    kubeconfig: { options: ['--kubeconfig'], env: 'KUBECONFIG' },
    files: 'helm-plugin',
    plugins: 'helm',
    subcommands: HELM_SUBCOMMANDS,
    schemes: HELM_SCHEMES,
  },
  kustomize: {
    programs: [{ path: ['build'], when: ['--enable-helm'], options: ['--helm-command'], label: 'kustomize --helm-command' }],
    functions: [KUSTOMIZE_FUNCTIONS(['build'], 'kustomize build --enable-alpha-plugins')],
  },
  // kpt fn doc --image prints the function's doc by running its image.
  kpt: {
    kubeconfig: { options: ['--kubeconfig'], env: 'KUBECONFIG' },
    functions: [
      { path: ['fn', 'render'], reads: 'kptfile', label: 'kpt fn render (the Kptfile pipeline)' },
      { path: ['fn', 'eval'], image: ['--image', '-i'], exec: ['--exec'], label: 'kpt fn eval' },
      { path: ['fn', 'doc'], image: ['--image'], label: 'kpt fn doc' },
    ],
  },
  helmfile: {
    programs: [{ options: ['--helm-binary', '--kustomize-binary'], label: 'helmfile --helm-binary' }],
    kubeconfig: { options: [], env: 'KUBECONFIG' },
    files: 'helmfile',
    filesSkip: ['version', 'help', 'init', 'completion'],
  },
  skaffold: {
    kubeconfig: { options: ['--kubeconfig'], env: 'KUBECONFIG' },
    files: 'skaffold',
    filesSkip: ['version', 'schema', 'help', 'completion', 'config', 'diagnose', 'fix', 'init', 'inspect', 'survey', 'credits', 'options', 'delete', 'lint'],
  },
  flux: { kubeconfig: { options: ['--kubeconfig'], env: 'KUBECONFIG' }, subcommands: FLUX_SUBCOMMANDS },
  argocd: {
    // argocd app diff (and sync --preview-changes) shows the diff with $KUBECTL_EXTERNAL_DIFF, split into words.
    env: [
      { path: ['app', 'diff'], name: 'KUBECTL_EXTERNAL_DIFF', appends: ['LIVE_FILE', 'TARGET_FILE'] },
      { path: ['app', 'sync'], name: 'KUBECTL_EXTERNAL_DIFF', appends: ['LIVE_FILE', 'TARGET_FILE'] },
    ],
    kubeconfig: { options: [], env: 'KUBECONFIG' },
    subcommands: ARGOCD_SUBCOMMANDS,
  },
};

/** Programs that read kubectl's options (readers.ts has kubectl's grammar). */
export const GRAMMAR_OF: Readonly<Record<string, string>> = { oc: 'kubectl', 'kubectl.exe': 'kubectl', kubecolor: 'kubectl', 'kubectl-argo-rollouts': 'kubectl' };

/**
 * kubectl plugins the rules know, by the words that name them (krew's names): `kubectl argo rollouts …`
 * runs kubectl-argo-rollouts (Argo Rollouts' own CLI), `kubectl ctx`/`kubectl ns` are kubectx and
 * kubens installed as plugins (the same programs). When none is found on PATH, the known one runs
 * (judged by its own rules), not a `kubectl-argo` nobody installed.
 */
export const KNOWN_KUBECTL_PLUGINS: Readonly<Record<string, string>> = {
  'argo rollouts': 'kubectl-argo-rollouts',
  ctx: 'kubectx',
  ns: 'kubens',
};

/**
 * Variables that name the context when no option does (helm(1): HELM_KUBECONTEXT is --kube-context;
 * skaffold reads every flag from SKAFFOLD_<FLAG>).
 */
export const CONTEXT_ENV: Readonly<Record<string, string>> = { helm: 'HELM_KUBECONTEXT', skaffold: 'SKAFFOLD_KUBE_CONTEXT' };

/** Options of kustomize (and `kubectl kustomize`) that run programs the kustomization names, which are not read: asked. */
export const KUSTOMIZE_EXEC_OPTIONS: readonly string[] = ['--enable-exec'];

/**
 * Cluster TUIs whose session is read-only by a switch (k9s: `--readonly`, a pflag bool, so
 * `--readonly=false` is off; `--write` overrides it, whatever the order). Without the switch on, the
 * session writes.
 */
export const READ_ONLY_SWITCHES: Readonly<Record<string, { readonly on: string; readonly off: readonly string[] }>> = {
  k9s: { on: '--readonly', off: ['--write'] },
};

/** helmfile looks for these when no -f is given (helmfile.d/ holds more). */
export const HELMFILE_DEFAULTS: readonly string[] = ['helmfile.yaml', 'helmfile.yaml.gotmpl', 'helmfile.d'];
export const SKAFFOLD_DEFAULT = 'skaffold.yaml';

/** URLs and registry references of `helm plugin install`, whose hooks cannot be read here (as a package from a registry). */
export const REMOTE_PLUGIN = /^(?:[a-z][a-z0-9+.-]*:\/\/|git@|oci:)/i;
