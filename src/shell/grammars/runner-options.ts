// The global options of package and environment runners (the options before the subcommand, from
// each tool's CLI reference), so that an option's value is not read as the subcommand
// (`pnpm --reporter silent exec …`, `nix --option sandbox false develop …`). Data only; the rows
// are in package-runners.ts (npm's, from its config definitions, in npm.ts).
import type { OptionGrammar } from '../getopt.js';

/** pnpm's options (pnpm.io/pnpm-cli, /filtering, /cli/recursive, /npmrc): those given before the command. */
export const PNPM_OPTIONS: OptionGrammar = {
  short: 'crC:wF:sgPD',
  long: ['shell-mode|c', 'recursive|r', 'dir=|C', 'workspace-root|w', 'filter=|F', 'filter-prod=', 'test-pattern=', 'changed-files-ignore-pattern=',
    'reporter=', 'loglevel=', 'workspace-concurrency=', 'resume-from=', 'report-summary', 'fail-if-no-match', 'stream', 'aggregate-output',
    'parallel', 'sort', 'no-sort', 'reverse', 'color', 'no-color', 'silent|s', 'use-stderr', 'include-workspace-root', 'bail', 'no-bail',
    'store-dir=', 'virtual-store-dir=', 'cache-dir=', 'state-dir=', 'global-dir=', 'lockfile-dir=', 'modules-dir=', 'registry=', 'npm-path=',
    'node-linker=', 'package-import-method=', 'network-concurrency=', 'child-concurrency=', 'offline', 'prefer-offline', 'ignore-scripts',
    'global|g', 'prod|P', 'dev|D', 'frozen-lockfile', 'help|h', 'version|v'],
};

/**
 * yarn's global options (classic 1.x `yarn --help`, commander: `<value>` takes the next word; an
 * optional `[value]` is read here as taking none, so the next word stays the command; berry's `--cwd`).
 */
export const YARN_OPTIONS: OptionGrammar = {
  short: 'shv',
  long: ['cwd=', 'modules-folder=', 'cache-folder=', 'preferred-cache-folder=', 'mutex=', 'network-timeout=', 'registry=', 'link-folder=',
    'global-folder=', 'https-proxy=', 'proxy=', 'network-concurrency=', 'otp=', 'use-yarnrc=', 'emoji=?', 'production=?', 'prod=?',
    'scripts-prepend-node-path=?', 'silent|s', 'verbose', 'offline', 'prefer-offline', 'json', 'ignore-scripts', 'har', 'ignore-platform',
    'ignore-engines', 'ignore-optional', 'force', 'skip-integrity-check', 'check-files', 'no-bin-links', 'flat', 'no-lockfile', 'pure-lockfile',
    'frozen-lockfile', 'update-checksums', 'link-duplicates', 'no-default-rc', 'enable-pnp', 'pnp', 'disable-pnp', 'strict-semver',
    'non-interactive', 'no-node-version-check', 'no-progress', 'focus', 'help|h', 'version|v'],
};

/** mise's global flags (mise.jdx.dev/cli/global-flags; clap: `--flag value` or `--flag=value`). */
const MISE_GLOBAL = ['cd=|C', 'env=|E', 'profile=|P', 'jobs=|j', 'output=', 'log-level=', 'quiet|q', 'silent', 'verbose|v', 'yes|y', 'raw', 'locked',
  'no-config', 'no-env', 'no-hooks', 'debug', 'trace', 'timings', 'no-timings', 'help|h', 'version|V'];
export const MISE_OPTIONS: OptionGrammar = { short: 'C:E:P:j:qvyhV', long: MISE_GLOBAL };
/** `mise exec [FLAGS] [TOOL@VERSION]… [-- COMMAND]…` (mise.jdx.dev/cli/exec): `-c CMD` is a command string. */
export const MISE_EXEC: OptionGrammar = {
  short: 'c:C:E:P:j:qvyhV',
  long: [...MISE_GLOBAL, 'command=|c', 'fresh-env', 'no-prepare', 'allow-env=', 'allow-net=', 'allow-read=', 'allow-write=', 'deny-env=', 'deny-net=',
    'deny-read=', 'deny-write=', 'deny-all'],
  permute: true,
};

/** uv's global options (docs.astral.sh/uv/reference/cli: "Global options", accepted before or after the command). */
const UV_GLOBAL = ['directory=', 'project=', 'config-file=', 'cache-dir=', 'color=', 'python-preference=', 'allow-insecure-host=', 'preview-features=',
  'native-tls', 'system-certs', 'offline', 'no-progress', 'no-cache|n', 'no-config', 'no-python-downloads', 'managed-python', 'no-managed-python',
  'preview', 'no-preview', 'quiet|q', 'verbose|v', 'help|h', 'version|V'];
export const UV_OPTIONS: OptionGrammar = { short: 'nqvhV', long: UV_GLOBAL };
/** `uv run [OPTIONS] [COMMAND]`: its options end at the command. */
export const UV_RUN: OptionGrammar = {
  short: 'nqvhVp:smi:f:C:P:U',
  long: [...UV_GLOBAL, 'with=', 'with-editable=', 'with-requirements=', 'python=|p', 'package=', 'extra=', 'no-extra=', 'all-extras', 'group=', 'no-group=',
    'only-group=', 'all-groups', 'dev', 'no-dev', 'only-dev', 'env-file=', 'no-env-file', 'frozen', 'locked', 'no-project', 'isolated', 'no-sync',
    'script|s', 'module|m', 'gui-script', 'all-packages', 'active', 'no-active', 'exact', 'inexact', 'no-editable', 'index=', 'default-index=',
    'index-url=|i', 'extra-index-url=', 'find-links=|f', 'index-strategy=', 'keyring-provider=', 'resolution=', 'prerelease=', 'exclude-newer=',
    'link-mode=', 'compile-bytecode', 'refresh', 'refresh-package=', 'reinstall', 'reinstall-package=', 'upgrade|U', 'upgrade-package=|P',
    'no-build', 'no-binary', 'no-build-package=', 'no-binary-package=', 'config-setting=|C', 'python-platform='],
};

/** `uv tool run [OPTIONS] [COMMAND]` (and `uvx`). */
export const UV_TOOL_RUN: OptionGrammar = {
  short: 'nqvhVp:i:f:C:P:Ub:c:w:',
  long: [...UV_GLOBAL, 'from=', 'with=|w', 'with-editable=', 'with-requirements=', 'python=|p', 'isolated', 'env-file=', 'no-env-file', 'index=',
    'default-index=', 'index-url=|i', 'extra-index-url=', 'find-links=|f', 'index-strategy=', 'keyring-provider=', 'resolution=', 'prerelease=',
    'exclude-newer=', 'link-mode=', 'compile-bytecode', 'refresh', 'refresh-package=', 'reinstall', 'reinstall-package=', 'upgrade|U',
    'upgrade-package=|P', 'no-build', 'no-binary', 'config-setting=|C', 'python-platform=', 'build-constraints=|b', 'constraints=|c', 'overrides='],
};

/** poetry's global options (python-poetry.org/docs/cli, "Global options"). */
export const POETRY_OPTIONS: OptionGrammar = {
  short: 'C:P:hqVnv',
  long: ['directory=|C', 'project=|P', 'help|h', 'quiet|q', 'version|V', 'ansi', 'no-ansi', 'no-interaction|n', 'no-plugins', 'no-cache', 'verbose|v'],
};

/** hatch's root options (hatch.pypa.io/latest/cli/reference). */
export const HATCH_OPTIONS: OptionGrammar = {
  short: 'e:p:vqh',
  long: ['env=|e', 'project=|p', 'verbose|v', 'quiet|q', 'color', 'no-color', 'interactive', 'no-interactive', 'data-dir=', 'cache-dir=', 'config=',
    'version', 'help|h'],
};

/**
 * nix's common options and the settings given as options (nix3 manual, "Common options" and
 * nix.conf: every setting is `--NAME VALUE`, `--extra-NAME VALUE`, a boolean one `--NAME`/`--no-NAME`);
 * `--option NAME VALUE`, `--arg NAME EXPR`, `--argstr`, `--override-input` take two words.
 */
export const NIX_OPTIONS: OptionGrammar = {
  short: 'vLkKj:f:I:',
  long: ['option==', 'arg==', 'argstr==', 'arg-from-file==', 'override-input==', 'override-flake==', 'arg-from-stdin=', 'file=|f', 'expr=', 'include=|I',
    'inputs-from=', 'update-input=', 'reference-lock-file=', 'output-lock-file=', 'log-format=', 'store=', 'eval-store=', 'max-jobs=|j', 'cores=',
    'builders=', 'substituters=', 'extra-substituters=', 'trusted-substituters=', 'trusted-public-keys=', 'extra-trusted-public-keys=',
    'experimental-features=', 'extra-experimental-features=', 'system=', 'extra-platforms=', 'nix-path=', 'extra-nix-path=', 'access-tokens=',
    'netrc-file=', 'timeout=', 'max-silent-time=', 'connect-timeout=', 'download-attempts=', 'http-connections=', 'log-lines=', 'min-free=',
    'max-free=', 'post-build-hook=', 'pre-build-hook=', 'diff-hook=', 'build-hook=', 'sandbox-paths=', 'extra-sandbox-paths=', 'secret-key-files=',
    'stalled-download-timeout=', 'tarball-ttl=', 'allowed-uris=', 'build-dir=', 'flake-registry=', 'plugin-files=', 'system-features=',
    'extra-system-features=', 'hashed-mirrors=', 'ssl-cert-file=', 'build-users-group=', 'allowed-users=', 'trusted-users=', 'max-build-log-size=',
    'max-call-depth=', 'narinfo-cache-negative-ttl=', 'narinfo-cache-positive-ttl=', 'build-poll-interval=', 'gc-reserved-space=', 'user-agent-suffix=',
    'bash-prompt=', 'bash-prompt-prefix=', 'bash-prompt-suffix=', 'commit-lock-file-summary=', 'profile=', 'eval-system=', 'upgrade-nix-store-path-url=',
    'help', 'version', 'offline', 'refresh', 'repair', 'quiet', 'verbose|v', 'debug', 'print-build-logs|L', 'impure', 'keep-going|k', 'keep-failed|K',
    'fallback', 'dry-run', 'json', 'pretty', 'no-pretty', 'derivation', 'recreate-lock-file', 'no-update-lock-file', 'no-write-lock-file',
    'no-registries', 'commit-lock-file', 'accept-flake-config', 'read-only', 'sandbox', 'no-sandbox', 'show-trace', 'no-eval-cache', 'stdin', 'raw'],
};
