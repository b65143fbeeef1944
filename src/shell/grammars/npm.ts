import type { OptionGrammar } from '../getopt.js';

// npm's commands as npm itself resolves them (lib/utils/cmd-list.js of npm 11: the command list, the
// aliases, camelCase and unique abbreviations), and the scripts of the root package each command runs
// (npm docs, "scripts": Life Cycle Scripts and Life Cycle Operation Order). Data only; expand/packages.ts reads it.

const COMMANDS = ['access', 'adduser', 'approve-scripts', 'audit', 'bugs', 'cache', 'ci', 'completion', 'config', 'dedupe',
  'deny-scripts', 'deprecate', 'diff', 'dist-tag', 'docs', 'doctor', 'edit', 'exec', 'explain', 'explore', 'find-dupes',
  'fund', 'get', 'help', 'help-search', 'hook', 'init', 'install', 'install-ci-test', 'install-scripts', 'install-test',
  'link', 'll', 'login', 'logout', 'ls', 'org', 'outdated', 'owner', 'pack', 'ping', 'pkg', 'prefix', 'profile', 'prune',
  'publish', 'query', 'rebuild', 'repo', 'restart', 'root', 'run', 'sbom', 'search', 'set', 'shrinkwrap', 'stage', 'star',
  'stars', 'start', 'stop', 'team', 'test', 'token', 'trust', 'undeprecate', 'uninstall', 'unpublish', 'unstar', 'update',
  'version', 'view', 'whoami'];

const ALIASES: Readonly<Record<string, string>> = {
  author: 'owner', home: 'docs', issues: 'bugs', info: 'view', show: 'view', find: 'search', add: 'install',
  unlink: 'uninstall', remove: 'uninstall', rm: 'uninstall', r: 'uninstall', un: 'uninstall', rb: 'rebuild', list: 'ls',
  ln: 'link', create: 'init', i: 'install', it: 'install-test', cit: 'install-ci-test', u: 'update', up: 'update',
  c: 'config', s: 'search', se: 'search', tst: 'test', t: 'test', ddp: 'dedupe', v: 'view', 'run-script': 'run',
  'clean-install': 'ci', 'clean-install-test': 'install-ci-test', x: 'exec', why: 'explain', la: 'll', verison: 'version',
  ic: 'ci', innit: 'init', in: 'install', ins: 'install', inst: 'install', insta: 'install', instal: 'install',
  isnt: 'install', isnta: 'install', isntal: 'install', isntall: 'install', 'install-clean': 'ci', 'isntall-clean': 'ci',
  hlep: 'help', 'dist-tags': 'dist-tag', upgrade: 'update', udpate: 'update', rum: 'run', sit: 'install-ci-test',
  urn: 'run', ogr: 'org', 'add-user': 'adduser',
};

const NAMES = [...COMMANDS, ...Object.keys(ALIASES)];

/** The npm command a word names (`rest` is restart, `run-s` run, `installTest` install-test); undefined: npm knows none. */
export function npmCommand(word: string): string | undefined {
  const c = /[A-Z]/.test(word) ? word.replace(/([A-Z])/g, (m) => `-${m.toLowerCase()}`) : word;
  if (COMMANDS.includes(c)) return c;
  if (ALIASES[c] !== undefined) return ALIASES[c];
  const matches = c === '' ? [] : NAMES.filter((n) => n.startsWith(c));
  if (matches.length !== 1) return undefined;
  let a = matches[0]!;
  for (let i = 0; ALIASES[a] !== undefined && i < 4; i++) a = ALIASES[a]!;
  return a;
}

/** The root package's install scripts (npm install, ci, rebuild, link). */
export const INSTALL_LIFECYCLE = ['preinstall', 'install', 'postinstall', 'preprepare', 'prepare', 'postprepare'];
/** Run after any change to node_modules (npm >= 8). */
const DEPENDENCIES = ['dependencies'];

/** The root scripts an npm command runs: with no operand (`bare`), and with package operands (`withArgs`). */
export const NPM_LIFECYCLE: Readonly<Record<string, { bare?: readonly string[]; withArgs?: readonly string[] }>> = {
  install: { bare: [...INSTALL_LIFECYCLE, ...DEPENDENCIES], withArgs: DEPENDENCIES },
  ci: { bare: [...INSTALL_LIFECYCLE, ...DEPENDENCIES] },
  'install-test': { bare: [...INSTALL_LIFECYCLE, ...DEPENDENCIES, 'pretest', 'test', 'posttest'], withArgs: DEPENDENCIES },
  'install-ci-test': { bare: [...INSTALL_LIFECYCLE, ...DEPENDENCIES, 'pretest', 'test', 'posttest'] },
  rebuild: { bare: INSTALL_LIFECYCLE },
  link: { bare: [...INSTALL_LIFECYCLE, ...DEPENDENCIES], withArgs: DEPENDENCIES },
  uninstall: { withArgs: DEPENDENCIES },
  update: { bare: DEPENDENCIES, withArgs: DEPENDENCIES },
  dedupe: { bare: DEPENDENCIES },
  prune: { bare: DEPENDENCIES, withArgs: DEPENDENCIES },
  pack: { bare: ['prepack', 'prepare', 'postpack'], withArgs: ['prepack', 'prepare', 'postpack'] },
  publish: { bare: ['prepublishOnly', 'prepack', 'prepare', 'postpack', 'publish', 'postpublish'], withArgs: ['prepublishOnly', 'prepack', 'prepare', 'postpack', 'publish', 'postpublish'] },
  version: { bare: ['preversion', 'version', 'postversion'], withArgs: ['preversion', 'version', 'postversion'] },
};

/**
 * npm's options as its option parser (nopt) reads them: every config key of npm 11 (@npmcli/config
 * definitions; a key whose type is Boolean, or Boolean or null, takes no value, any other the next
 * word), its shorthands (`-C` prefix, `-w` workspace, `-L` location, `-c` call, `-m` message, `-s`
 * loglevel silent, `--reg`, `--ws`, `--iwr`, …), unique abbreviations (`--pref` is --prefix; an
 * ambiguous one is no known option and takes no value), one dash or two alike, and `true`/`false`
 * after an option taking no value read as its value (`--json false`). Shorthand and option names are
 * one list here, where nopt tries the options' abbreviations before the shorthands'.
 */
export const NPM_OPTIONS: OptionGrammar = {
  short: 'dqsnafglpSBDEOPHhvy?c:L:m:C:w:',
  long: [
  '_auth=', 'access=', 'all', 'allow-same-version', 'allow-directory=', 'allow-file=', 'allow-git=', 'allow-remote=',
  'allow-scripts=', 'also=', 'audit', 'audit-level=', 'auth-type=', 'before=', 'bin-links', 'browser=', 'bypass-2fa', 'ca=',
  'cache=', 'cache-max=', 'cache-min=', 'cafile=', 'cert=', 'cidr=', 'color', 'commit-hooks', 'cpu=',
  'dangerously-allow-all-scripts', 'depth=', 'description', 'dev', 'diff=', 'diff-ignore-all-space', 'diff-name-only',
  'diff-no-prefix', 'diff-dst-prefix=', 'diff-src-prefix=', 'diff-text', 'diff-unified=', 'dry-run', 'editor=', 'engine-strict',
  'expect-result-count=', 'expect-results', 'expires=', 'fetch-retries=', 'fetch-retry-factor=', 'fetch-retry-maxtimeout=',
  'fetch-retry-mintimeout=', 'fetch-timeout=', 'force', 'foreground-scripts', 'format-package-lock', 'fund', 'git=',
  'git-tag-version', 'global', 'globalconfig=', 'global-style', 'heading=', 'https-proxy=', 'if-present', 'ignore-scripts',
  'include=', 'include-staged', 'include-workspace-root', 'include-attestations', 'init-author-email=', 'init-author-name=',
  'init-author-url=', 'init-license=', 'init-module=', 'init-type=', 'init-version=', 'init-private', 'init.author.email=',
  'init.author.name=', 'init.author.url=', 'init.license=', 'init.module=', 'init.version=', 'install-links',
  'install-strategy=', 'json', 'key=', 'legacy-bundling', 'legacy-peer-deps', 'libc=', 'link', 'local-address=', 
  'lockfile-version=', 'loglevel=', 'logs-dir=', 'logs-max=', 'long', 'name=', 'maxsockets=', 'min-release-age=',
  'min-release-age-exclude=', 'node-gyp=', 'node-options=', 'noproxy=', 'offline', 'omit=', 'omit-lockfile-registry-resolved',
  'only=', 'orgs=', 'optional', 'os=', 'otp=', 'package=', 'package-lock', 'package-lock-only', 'pack-destination=', 'packages=',
  'parseable', 'allow-scripts-pending', 'allow-scripts-pin', 'prefer-dedupe', 'prefer-offline', 'prefer-online', 
  'preid=', 'production', 'progress', 'provenance', 'provenance-file=', 'proxy=', 'read-only', 'rebuild-bundle', 'registry=',
  'replace-registry-host=', 'save', 'save-bundle', 'save-dev', 'save-exact', 'save-optional', 'save-peer', 'save-prefix=',
  'save-prod', 'sbom-format=', 'sbom-type=', 'scope=', 'scopes=', 'packages-all', 'packages-and-scopes-permission=',
  'orgs-permission=', 'password=', 'token-description=', 'script-shell=', 'searchexclude=', 'searchlimit=', 'searchopts=',
  'searchstaleness=', 'shell=', 'shrinkwrap', 'sign-git-commit', 'sign-git-tag', 'strict-peer-deps', 'strict-allow-scripts',
  'strict-ssl', 'tag=', 'tag-version-prefix=', 'timing', 'umask=', 'unicode', 'update-notifier', 'usage', 'user-agent=',
  'userconfig=', 'version', 'versions', 'viewer=', 'which=', 'workspaces', 'workspaces-update', 'yes',
    'call=|c', 'location=|L', 'message=|m', 'prefix=|C', 'workspace=|w',
    'reg=', 'enjoy-by=', 'dd', 'ddd', 'quiet', 'silent', 'verbose', 'desc', 'help', 'local', 'no', 'porcelain', 'readonly', 'iwr', 'ws'],
  abbreviate: true, ambiguousUnknown: true, singleDashLong: true, boolValues: ['true', 'false', 'null', 'always'],
};
