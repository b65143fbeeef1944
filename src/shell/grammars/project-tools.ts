// Build and CI tools that reach the local container engine themselves, or run code and commands from
// the project's files. Data only; expand/project-tools.ts reads it.
import type { OptionGrammar } from '../getopt.js';

/**
 * A tool that drives the local Docker engine without the docker CLI: what it does is judged as the
 * docker command it stands for, except with an option or subcommand that only reads or prints.
 */
export interface EngineTool {
  readonly options: OptionGrammar;
  /** Options with which nothing reaches the engine (list, print, validate only). */
  readonly looks: readonly string[];
  /** Subcommands that reach nothing, and the docker command each other one stands for; `*`: any other. */
  readonly subcommands?: Readonly<Record<string, string | null>>;
  /** The docker command the tool stands for when it has no subcommands. */
  readonly stands?: string;
  /** Image references whose transport is an engine's store (EngineTransport), and what each use of one stands for. */
  readonly transports?: Readonly<Record<string, EngineTransport>>;
  readonly why: string;
}

/**
 * An image transport that reaches an engine's image store (skopeo's `docker-daemon:` is the Docker
 * engine's API, `containers-storage:` podman's and buildah's store): the reference written stands for
 * `PROGRAM pull` (the image put into the engine), one removed for `rmi`, one read for `image inspect`; with the engine named by an option.
 */
export interface EngineTransport {
  readonly program: string;
  /** The options naming the engine for the reference written, and for one read. */
  readonly writeHost?: readonly string[];
  readonly readHost?: readonly string[];
}

/** What a reference of an engine transport stands for, by what the subcommand does with it. */
export const TRANSPORT_USE = { write: 'pull', remove: 'rmi', read: 'image inspect' } as const;
/** Subcommands that write their last reference (`copy SRC DEST`) and that remove theirs (`delete REF`); others read. */
export const TRANSPORT_WRITES: Readonly<Record<string, 'last' | 'all'>> = { copy: 'last', delete: 'all' };

export const ENGINE_TOOLS: Readonly<Record<string, EngineTool>> = {
  // nektos/act runs a GitHub workflow's jobs in containers of the local engine (and mounts its socket into them).
  act: {
    options: { short: 'lgnvqjbrWs:e:P:C:a:W:', long: ['list|l', 'graph|g', 'dryrun|n', 'version', 'help|h', 'bug-report', 'man-page', 'list-options', 'job=|j', 'workflows=|W', 'eventpath=|e', 'platform=|P', 'directory=|C', 'actor=|a', 'secret=|s', 'var=', 'env=', 'input=', 'container-architecture=', 'container-daemon-socket=', 'bind|b', 'reuse|r', 'verbose|v', 'quiet|q'], permute: true },
    looks: ['--list', '--graph', '--dryrun', '--version', '--help', '--bug-report', '--man-page', '--list-options'],
    stands: 'docker run',
    why: 'act runs the workflow\'s jobs in containers of the local engine',
  },
  // skopeo(1): copies, inspects and deletes images between transports; docker-daemon: is the local (or
  // --*-daemon-host) engine, containers-storage: podman's store. Registry to registry (docker://) and files
  // (oci:, dir:, docker-archive:) are no engine: a pushed image still deploys only by a compose change.
  skopeo: {
    options: {
      short: 'hvaqnf:',
      long: ['help|h', 'version|v', 'debug', 'insecure-policy', 'command-timeout=', 'override-arch=', 'override-os=', 'override-variant=',
        'policy=', 'registries.d=', 'registries-conf=', 'tmpdir=', 'src-daemon-host=', 'dest-daemon-host=', 'daemon-host=', 'src-creds=',
        'dest-creds=', 'creds=', 'authfile=', 'src-authfile=', 'dest-authfile=', 'format=|f', 'additional-tag=', 'dest-compress-format=',
        'dest-compress-level=', 'dest-shared-blob-dir=', 'dest-cert-dir=', 'dest-registry-token=', 'dest-username=', 'dest-password=',
        'src-shared-blob-dir=', 'src-cert-dir=', 'src-registry-token=', 'src-username=', 'src-password=', 'cert-dir=', 'registry-token=',
        'username=', 'password=', 'shared-blob-dir=', 'digestfile=', 'encrypt-layer=', 'encryption-key=', 'decryption-key=',
        'image-parallel-copies=', 'multi-arch=', 'retry-times=', 'retry-delay=', 'sign-by=', 'sign-by-sigstore=',
        'sign-by-sigstore-private-key=', 'sign-by-sq-fingerprint=', 'sign-passphrase-file=', 'sign-identity=', 'config=', 'src=', 'dest=',
        'append-suffix=', 'tls-verify=?', 'src-tls-verify=?', 'dest-tls-verify=?', 'all|a', 'quiet|q', 'remove-signatures',
        'preserve-digests', 'dest-compress', 'dest-decompress', 'dest-oci-accept-uncompressed-layers', 'dest-precompute-digests',
        'src-no-creds', 'dest-no-creds', 'no-creds', 'raw', 'no-tags|n', 'dry-run', 'keep-going', 'scoped'],
      permute: true,
    },
    looks: ['--help', '--version'],
    transports: {
      'docker-daemon:': { program: 'docker', writeHost: ['--dest-daemon-host'], readHost: ['--src-daemon-host', '--daemon-host'] },
      'containers-storage:': { program: 'podman' },
    },
    why: 'skopeo reaches the engine\'s images through its transport',
  },
  // The Dev Containers CLI: up creates and starts the container (and runs its lifecycle commands in it).
  devcontainer: {
    options: { long: ['workspace-folder=', 'config=', 'docker-path=', 'docker-compose-path=', 'id-label=', 'log-level=', 'log-format=', 'remote-env=', 'mount=', 'help|h', 'version'], permute: true },
    looks: ['--help', '--version'],
    subcommands: {
      'read-configuration': null, outdated: null, upgrade: null, templates: null, features: null,
      up: 'docker run', build: 'docker build', exec: 'docker exec', 'run-user-commands': 'docker exec', 'set-up': 'docker exec',
      '*': 'docker run',
    },
    why: 'devcontainer creates and runs containers on the local engine',
  },
};

/** Files a tool loads as code of the project's language (its configuration is a module that runs). */
export interface ConfigModule {
  readonly options: OptionGrammar;
  /** Looked for in the working directory and its parents, first found wins. */
  readonly files: readonly string[];
  /** The option naming another file, and options after which none is loaded. */
  readonly fileOption: readonly string[];
  readonly noFile: readonly string[];
  /** The environment variable naming the file (BUNDLE_GEMFILE). */
  readonly fileEnv?: string;
  /** Only with one of these subcommands (first operand); any when absent. */
  readonly subcommands?: readonly string[];
  readonly language: 'node' | 'ruby';
}

export const CONFIG_MODULES: Readonly<Record<string, ConfigModule>> = {
  // eslint(1) loads its flat config (or an .eslintrc.js) as a module: every lint runs it.
  eslint: {
    options: { short: 'hvc:f:o:', long: ['config=|c', 'format=|f', 'output-file=|o', 'no-config-lookup', 'no-eslintrc', 'version|v', 'help|h', 'env-info', 'init', 'fix', 'cache', 'ext=', 'rule=', 'plugin=', 'parser=', 'ignore-pattern=', 'max-warnings=', 'resolve-plugins-relative-to=', 'rulesdir='], permute: true },
    files: ['eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs', 'eslint.config.ts', 'eslint.config.mts', 'eslint.config.cts', '.eslintrc.js', '.eslintrc.cjs'],
    fileOption: ['-c'], noFile: ['--version', '--help', '--env-info', '--no-config-lookup', '--no-eslintrc'],
    language: 'node',
  },
  // Bundler evaluates the Gemfile as Ruby for every command that resolves the bundle.
  bundle: {
    options: { short: 'hvVr', long: ['gemfile=', 'version|v', 'help|h', 'verbose|V', 'retry=|r', 'no-color', 'jobs=', 'path=', 'without=', 'with=', 'deployment', 'frozen', 'local', 'quiet'], permute: true },
    files: ['Gemfile', 'gems.rb'], fileOption: ['--gemfile'], noFile: ['--version', '--help'], fileEnv: 'BUNDLE_GEMFILE',
    subcommands: ['install', 'i', 'update', 'exec', 'e', 'check', 'list', 'ls', 'lock', 'outdated', 'show', 'info', 'binstubs', 'cache', 'package', 'pack', 'clean', 'console', 'open', 'platform', 'viz', 'doctor', 'pristine', 'add', 'remove', 'install'],
    language: 'ruby',
  },
  // pnpm loads .pnpmfile.cjs (its hooks) whenever it resolves dependencies.
  pnpm: {
    options: { short: 'rwC:F:', long: ['pnpmfile=', 'global-pnpmfile=', 'ignore-pnpmfile', 'dir=|C', 'filter=|F', 'recursive|r', 'workspace-root|w', 'version', 'help'], permute: true },
    files: ['.pnpmfile.cjs'], fileOption: ['--pnpmfile'], noFile: ['--ignore-pnpmfile', '--version', '--help'],
    subcommands: ['install', 'i', 'add', 'update', 'up', 'upgrade', 'remove', 'rm', 'uninstall', 'un', 'dedupe', 'import', 'fetch', 'link', 'ln', 'unlink', 'prune', 'rebuild', 'rb', 'install-test', 'it', 'outdated', 'why', 'list', 'ls'],
    language: 'node',
  },
};
