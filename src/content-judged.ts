// Files judged by what is written into them, not only by their name. Claude Code loads a skill, slash
// command or subagent (the project's, the user's, or an installed plugin's) and runs its !`cmd` lines
// before the text reaches the model; husky runs `.husky/NAME` as the git hook NAME and sources its
// startup files before every hook. (A gitops-guard config is not among them: what it loosens waits
// for a person's `gitops-guard trust`, whoever writes it; docs/trust.md. A plugin's hooks and
// manifests are guarded files outright: src/policy/guarded.ts.)
// Shared by the shell layer (a write from the shell) and the edit hook (an edit tool's write, which
// src/hooks/host-files.ts turns into the same shell write for the classifier).
import { homedir } from 'node:os';
import { existsSync } from 'node:fs';
import { basename, delimiter, dirname, isAbsolute, join } from 'node:path';
import { DATA_PROGRAMS } from './shell/grammars/known.js';
import { components, GlobIndex, globMatches, globPrefixMatches, lower, parts } from './policy/path-glob.js';

/**
 * How a file's content is judged: `host-markdown`, each !`cmd` line as a command and a `hooks:`
 * frontmatter as hooks; `script`, the whole text as shell that runs later by itself; `python`,
 * `ruby`, `perl`, `r`, `code` (no language in particular), `powershell`, `ghci`, the whole text as
 * code of that language that runs later by itself; `pth`, the lines of a .pth file that site runs
 * (those starting with `import`) as Python; `ssh-config`, the commands an ssh config makes ssh run
 * here (ProxyCommand, LocalCommand, KnownHostsCommand, `Match exec`); `hgrc` and `jj-config`, the commands
 * a Mercurial/Sapling or Jujutsu config makes them run (hooks, shell aliases, ui.ssh, pagers, editors);
 * `gh-aliases` and `glab-aliases`, the aliases a later `gh NAME` / `glab NAME` runs (expand/cli-aliases.ts);
 * `aws-config`, the credential_process commands an AWS CLI or SDK runs (expand/credential-commands.ts);
 * `compiled`, code that cannot be read (asks);
 * `crontab`, `system-crontab`, `systemd-unit`, `desktop-entry`, `vscode-tasks`, the command lines such
 * a file holds for cron, systemd, a desktop launcher or VS Code to run (src/shell/expand/command-files.ts);
 * `vim`, `lua`, `sqlite`, Vim's Ex commands, Lua and sqlite3's input (dot-commands and SQL), read as on a command line;
 * `program`, a file in a directory on PATH, which runs as the command of its name (as its `#!` line says: shell without one).
 */
export type JudgedKind = 'host-markdown' | 'script' | 'python' | 'pth' | 'ruby' | 'perl' | 'r' | 'code' | 'powershell' | 'ghci' | 'ssh-config' | 'hgrc' | 'jj-config' | 'gh-aliases' | 'glab-aliases' | 'aws-config' | 'compiled'
  | 'crontab' | 'system-crontab' | 'systemd-unit' | 'desktop-entry' | 'vscode-tasks' | 'vim' | 'lua' | 'sqlite' | 'program';

interface JudgedFiles {
  /** Path components as in guarded.ts: `*` one component (a wildcard inside a name), `**` any number. */
  readonly pattern: string;
  /**
   * `anywhere`: at any depth; `home` / `xdg`: under the home directory, $XDG_CONFIG_HOME (~/.config); `root`: from `/`;
   * `path`: each directory on PATH, and the usual ones (PATH_DIRS).
   */
  readonly anchor: 'anywhere' | 'home' | 'xdg' | 'root' | 'path';
  readonly kind: JudgedKind;
}

/** The runtime directories Vim and Neovim source files of at start or on demand (`:help runtimepath`, `:help packages`). */
const VIM_RUNTIME_DIRS = ['plugin', 'after/plugin', 'ftplugin', 'after/ftplugin', 'ftdetect', 'autoload', 'indent', 'syntax', 'colors', 'compiler'];

/** A Vim runtime root's files: `.vim` files as Ex commands, and (Neovim's roots) `.lua` files as Lua. */
const runtimeFiles = (root: string, anchor: JudgedFiles['anchor'], lua: boolean): JudgedFiles[] =>
  [root, `${root}/pack/*/start/*`, `${root}/pack/*/opt/*`].flatMap((r) => VIM_RUNTIME_DIRS.flatMap((d): JudgedFiles[] => [
    { pattern: `${r}/${d}/**/*.vim`, anchor, kind: 'vim' },
    ...(lua ? [{ pattern: `${r}/${d}/**/*.lua`, anchor, kind: 'lua' as const }] : []),
  ]));

/**
 * Editors' and database shells' startup files: Vim's vimrc, gvimrc and .exrc (`:help startup`), the
 * plugins under its runtime directories and packages, Neovim's init.vim / init.lua, its Lua modules
 * (what init.lua `require`s) and runtime directories (`:help base-directories`), the system-wide
 * vimrc and sysinit; sqlite3's ~/.sqliterc (and $XDG_CONFIG_HOME/sqlite3/sqliterc since 3.44), read
 * as its input at every start unless `-init` names another file.
 */
const EDITOR_STARTUP: readonly JudgedFiles[] = [
  ...['.vimrc', '_vimrc', '.vim/vimrc', '.gvimrc', '.vim/gvimrc', '.exrc'].map((pattern) => ({ pattern, anchor: 'home' as const, kind: 'vim' as const })),
  ...runtimeFiles('.vim', 'home', false),
  ...['nvim/init.vim', 'nvim/ginit.vim'].map((pattern) => ({ pattern, anchor: 'xdg' as const, kind: 'vim' as const })),
  { pattern: 'nvim/init.lua', anchor: 'xdg', kind: 'lua' },
  { pattern: 'nvim/lua/**/*.lua', anchor: 'xdg', kind: 'lua' },
  ...runtimeFiles('nvim', 'xdg', true),
  ...runtimeFiles('.local/share/nvim/site', 'home', true),
  ...['etc/vim/vimrc', 'etc/vim/vimrc.local', 'etc/vim/gvimrc', 'etc/vimrc', 'etc/gvimrc', 'etc/xdg/nvim/sysinit.vim', 'usr/share/nvim/sysinit.vim']
    .map((pattern) => ({ pattern, anchor: 'root' as const, kind: 'vim' as const })),
  { pattern: 'etc/xdg/nvim/sysinit.lua', anchor: 'root', kind: 'lua' },
  { pattern: '.sqliterc', anchor: 'home', kind: 'sqlite' },
  { pattern: 'sqlite3/sqliterc', anchor: 'xdg', kind: 'sqlite' },
];

/**
 * Startup files a shell or an interpreter reads by itself at every start, under any directory (a
 * dotfile), the home directory, $XDG_CONFIG_HOME or `/`: what is written into one runs later.
 * bash(1) INVOCATION and Debian's skeleton ~/.bashrc (~/.bash_aliases), zsh(1) STARTUP/SHUTDOWN
 * FILES, fish's config(5) (conf.d, vendor_conf.d, autoloaded functions and completions), dash/ksh/
 * yash/csh/tcsh's, systemd's environment.d(5), nushell's and elvish's rc files (command lines too);
 * Python's site (sitecustomize, usercustomize, the `import` lines of site-packages' .pth files),
 * IPython's startup directory, irb's and pry's rc files and ghci's .ghci (also read from the
 * working directory), PowerShell's profiles.
 */
const STARTUP_FILES: readonly JudgedFiles[] = [
  ...['.bashrc', '.bash_profile', '.bash_login', '.profile', '.bash_logout', '.bash_aliases', '.zshrc', '.zprofile', '.zshenv', '.zlogin', '.kshrc', '.mkshrc', '.zlogout', '.shrc', '.yashrc', '.yash_profile', '.cshrc', '.tcshrc', '.login', '.logout', '.xprofile', '.xsessionrc', '.xinitrc']
    .map((pattern) => ({ pattern, anchor: 'anywhere' as const, kind: 'script' as const })),
  ...['fish/config.fish', 'fish/conf.d/*.fish', 'fish/functions/*.fish', 'fish/completions/*.fish', 'environment.d/*.conf',
    'nushell/config.nu', 'nushell/env.nu', 'nushell/login.nu', 'nushell/autoload/*.nu', 'elvish/rc.elv', 'zsh/.zshenv', 'zsh/.zshrc', 'zsh/.zprofile', 'zsh/.zlogin']
    .map((pattern) => ({ pattern, anchor: 'xdg' as const, kind: 'script' as const })),
  ...['.local/share/fish/vendor_conf.d/*.fish', '.local/share/fish/vendor_functions.d/*.fish', '.config/elvish/rc.elv', '.elvish/rc.elv']
    .map((pattern) => ({ pattern, anchor: 'home' as const, kind: 'script' as const })),
  ...['etc/profile', 'etc/profile.d/*', 'etc/bash.bashrc', 'etc/bashrc', 'etc/bash.bash_logout', 'etc/environment', 'etc/zshenv', 'etc/zprofile', 'etc/zshrc',
    'etc/zlogin', 'etc/zlogout', 'etc/zsh/*', 'etc/fish/config.fish', 'etc/fish/conf.d/*.fish', 'etc/fish/functions/*.fish', 'usr/share/fish/vendor_conf.d/*.fish',
    'usr/local/share/fish/vendor_conf.d/*.fish', 'usr/share/fish/vendor_functions.d/*.fish', 'etc/csh.cshrc', 'etc/csh.login', 'etc/csh.logout', 'etc/mkshrc', 'etc/ksh.kshrc']
    .map((pattern) => ({ pattern, anchor: 'root' as const, kind: 'script' as const })),
  ...['sitecustomize', 'usercustomize'].flatMap((name): JudgedFiles[] => [
    { pattern: `${name}.py`, anchor: 'anywhere', kind: 'python' },
    { pattern: `${name}/__init__.py`, anchor: 'anywhere', kind: 'python' },
    // A sourceless .pyc or an extension module of that name is imported as well.
    { pattern: `${name}.pyc`, anchor: 'anywhere', kind: 'compiled' },
    { pattern: `${name}.*.so`, anchor: 'anywhere', kind: 'compiled' },
    { pattern: `${name}.so`, anchor: 'anywhere', kind: 'compiled' },
  ]),
  { pattern: 'site-packages/*.pth', anchor: 'anywhere', kind: 'pth' },
  { pattern: 'dist-packages/*.pth', anchor: 'anywhere', kind: 'pth' },
  { pattern: '.ipython/profile_*/startup/*', anchor: 'anywhere', kind: 'python' },
  { pattern: '.irbrc', anchor: 'anywhere', kind: 'ruby' },
  { pattern: 'irb/irbrc', anchor: 'xdg', kind: 'ruby' },
  { pattern: '.pryrc', anchor: 'anywhere', kind: 'ruby' },
  { pattern: 'powershell/*profile.ps1', anchor: 'xdg', kind: 'powershell' },
  // perl -d reads ./.perldb or ~/.perldb (perl5db.pl); R reads ./.Rprofile or ~/.Rprofile and
  // Rprofile.site; julia ~/.julia/config/startup.jl.
  { pattern: '.perldb', anchor: 'anywhere', kind: 'perl' },
  { pattern: '.Rprofile', anchor: 'anywhere', kind: 'r' },
  { pattern: 'Rprofile.site', anchor: 'anywhere', kind: 'r' },
  { pattern: '.julia/config/startup.jl', anchor: 'home', kind: 'code' },
  // ghci reads ./.ghci and ~/.ghci (and $XDG_CONFIG_HOME/ghc/ghci.conf) at start.
  { pattern: '.ghci', anchor: 'anywhere', kind: 'ghci' },
  { pattern: 'ghc/ghci.conf', anchor: 'xdg', kind: 'ghci' },
  // ssh_config(5): the user's and the system's config (and what their usual Include names) are read
  // by every later ssh, scp, sftp, rsync and git over ssh, which run the commands they name here.
  { pattern: '.ssh/config', anchor: 'home', kind: 'ssh-config' },
  { pattern: '.ssh/config.d/*', anchor: 'home', kind: 'ssh-config' },
  { pattern: 'etc/ssh/ssh_config', anchor: 'root', kind: 'ssh-config' },
  { pattern: 'etc/ssh/ssh_config.d/*', anchor: 'root', kind: 'ssh-config' },
  // hgrc(5) FILES: the repository's .hg/hgrc, the user's ~/.hgrc and $XDG_CONFIG_HOME/hg/hgrc, the
  // system's; Sapling's repository config .sl/config and user config. jj's (docs/config.md): the user's
  // ~/.config/jj/config.toml and conf.d/, ~/.jjconfig.toml, a repository's and a workspace's. Read by
  // every later hg, sl or jj there, which runs the hooks, aliases and tools they name.
  ...['.hg/hgrc', '.sl/config'].map((pattern) => ({ pattern, anchor: 'anywhere' as const, kind: 'hgrc' as const })),
  ...['.hgrc', '.sapling/sapling.conf'].map((pattern) => ({ pattern, anchor: 'home' as const, kind: 'hgrc' as const })),
  ...['hg/hgrc', 'sapling/sapling.conf'].map((pattern) => ({ pattern, anchor: 'xdg' as const, kind: 'hgrc' as const })),
  ...['etc/mercurial/hgrc', 'etc/mercurial/hgrc.d/*.rc'].map((pattern) => ({ pattern, anchor: 'root' as const, kind: 'hgrc' as const })),
  ...['jj/config.toml', 'jj/conf.d/*.toml', 'jj/repos/*/config.toml', 'jj/workspaces/*/config.toml']
    .map((pattern) => ({ pattern, anchor: 'xdg' as const, kind: 'jj-config' as const })),
  { pattern: '.jjconfig.toml', anchor: 'home', kind: 'jj-config' },
  // gh's config ($GH_CONFIG_DIR, else $XDG_CONFIG_HOME/gh) holds its aliases; glab's aliases.yml is its own file.
  { pattern: 'gh/config.yml', anchor: 'xdg', kind: 'gh-aliases' },
  { pattern: 'glab-cli/aliases.yml', anchor: 'xdg', kind: 'glab-aliases' },
  // Every later aws (and AWS SDK) call runs the credential_process its profile names.
  ...['.aws/config', '.aws/credentials'].map((pattern) => ({ pattern, anchor: 'home' as const, kind: 'aws-config' as const })),
  ...['.jj/repo/config.toml', '.jj/workspace-config.toml'].map((pattern) => ({ pattern, anchor: 'anywhere' as const, kind: 'jj-config' as const })),
  ...EDITOR_STARTUP,
];

/**
 * Files whose command lines another program runs later by itself: cron's tables (crontab(5): the
 * system's, with a user field, and the users' spool) and the scripts cron's run-parts runs; systemd's
 * unit files and drop-ins (systemd.unit(5) "Unit File Load Path", the system's and the user's), which
 * `systemctl start` (or a timer, a socket, a boot) runs; desktop entries a launcher runs by name
 * (`gtk-launch NAME`) and the autostart ones a session runs at login (XDG Autostart); VS Code's tasks
 * (the folder's, the user's, a workspace file's), whose `runOn: folderOpen` tasks run when the folder opens.
 */
const COMMAND_FILES: readonly JudgedFiles[] = [
  { pattern: 'etc/crontab', anchor: 'root', kind: 'system-crontab' },
  { pattern: 'etc/cron.d/*', anchor: 'root', kind: 'system-crontab' },
  { pattern: 'var/spool/cron/crontabs/*', anchor: 'root', kind: 'crontab' },
  { pattern: 'var/spool/cron/*', anchor: 'root', kind: 'crontab' },
  ...['hourly', 'daily', 'weekly', 'monthly'].map((p) => ({ pattern: `etc/cron.${p}/*`, anchor: 'root' as const, kind: 'script' as const })),
  ...['etc/systemd/system', 'etc/systemd/user', 'run/systemd/system', 'run/systemd/user', 'usr/lib/systemd/system', 'usr/lib/systemd/user',
    'lib/systemd/system', 'usr/local/lib/systemd/system'].flatMap((d) => [`${d}/*`, `${d}/*/*`])
    .map((pattern) => ({ pattern, anchor: 'root' as const, kind: 'systemd-unit' as const })),
  ...['systemd/user/*', 'systemd/user/*/*'].map((pattern) => ({ pattern, anchor: 'xdg' as const, kind: 'systemd-unit' as const })),
  ...['.local/share/systemd/user/*', '.local/share/systemd/user/*/*'].map((pattern) => ({ pattern, anchor: 'home' as const, kind: 'systemd-unit' as const })),
  { pattern: '.local/share/applications/**/*.desktop', anchor: 'home', kind: 'desktop-entry' },
  { pattern: 'autostart/*.desktop', anchor: 'xdg', kind: 'desktop-entry' },
  ...['etc/xdg/autostart/*.desktop', 'usr/share/applications/**/*.desktop', 'usr/local/share/applications/**/*.desktop']
    .map((pattern) => ({ pattern, anchor: 'root' as const, kind: 'desktop-entry' as const })),
  { pattern: '.vscode/tasks.json', anchor: 'anywhere', kind: 'vscode-tasks' },
  { pattern: '*.code-workspace', anchor: 'anywhere', kind: 'vscode-tasks' },
  ...['Code/User/tasks.json', 'VSCodium/User/tasks.json', 'Cursor/User/tasks.json'].map((pattern) => ({ pattern, anchor: 'xdg' as const, kind: 'vscode-tasks' as const })),
];

/**
 * A program put into a directory on PATH under a name that runs now runs when that name is run next
 * (`/usr/local/bin/git`, a shim before the real one): what is written there is judged as the command it runs. The usual
 * directories count whatever PATH the guard runs with (a later shell's PATH has them).
 */
const PATH_DIRS = ['/usr/local/bin', '/usr/local/sbin', '/usr/bin', '/usr/sbin', '/bin', '/sbin'];
const HOME_PATH_DIRS = ['.local/bin', 'bin'];

/** Every file judged by its content. Compared without regard to case, as the guarded paths are. */
const JUDGED: readonly JudgedFiles[] = [
  { pattern: '*', anchor: 'path', kind: 'program' },
  { pattern: '.claude/commands/**/*.md', anchor: 'anywhere', kind: 'host-markdown' },
  { pattern: '.claude/agents/**/*.md', anchor: 'anywhere', kind: 'host-markdown' },
  { pattern: '.claude/skills/*/**/SKILL.md', anchor: 'anywhere', kind: 'host-markdown' },
  // A plugin's commands, agents and skills, at the places its manifest may name (any markdown of it).
  { pattern: '.claude/plugins/**/*.md', anchor: 'anywhere', kind: 'host-markdown' },
  // husky's hooks (`.husky/pre-commit`, husky 9's `_/` shims that core.hooksPath points at) and the
  // startup files its runner sources before every hook (husky 9: init.sh; ~/.huskyrc before it).
  { pattern: '.husky/*', anchor: 'anywhere', kind: 'script' },
  { pattern: '.husky/_/*', anchor: 'anywhere', kind: 'script' },
  { pattern: 'husky/init.sh', anchor: 'xdg', kind: 'script' },
  { pattern: '.huskyrc', anchor: 'home', kind: 'script' },
  { pattern: '.huskyrc.sh', anchor: 'home', kind: 'script' },
  ...STARTUP_FILES,
  ...COMMAND_FILES,
];

/** One judged pattern as full component lists: its anchor's directory, then its own components. */
interface Compiled { readonly kind: JudgedKind; readonly anchor: readonly string[]; readonly own: readonly string[]; readonly full: readonly string[] }

/** The patterns for the home directory, $XDG_CONFIG_HOME and PATH the guard runs with, made once per set. */
let compiled: { key: string; list: GlobIndex<Compiled>; all: readonly Compiled[]; onPath: readonly string[] } | undefined;
function patterns(): NonNullable<typeof compiled> {
  const home = process.env.HOME || homedir();
  const xdg = process.env.XDG_CONFIG_HOME;
  const path = process.env.PATH ?? '';
  const key = `${home}\0${xdg ?? ''}\0${path}`;
  if (compiled?.key === key) return compiled;
  const onPath = [...new Set([...PATH_DIRS, ...HOME_PATH_DIRS.map((d) => join(home, d)), ...path.split(delimiter).filter((d) => isAbsolute(d))])];
  const anchors: Record<JudgedFiles['anchor'], string[][]> = {
    anywhere: [['**']], home: [components(home)], root: [[]], path: onPath.map(components),
    xdg: [components(join(home, '.config')), ...(xdg && isAbsolute(xdg) ? [components(xdg)] : [])],
  };
  const all = JUDGED.flatMap((j) => anchors[j.anchor].map((a): Compiled => {
    const own = components(j.pattern);
    return { kind: j.kind, anchor: a, own, full: [...a, ...own] };
  }));
  compiled = { key, list: new GlobIndex(all.map((c) => ({ pattern: c.full, value: c }))), all, onPath };
  return compiled;
}

/**
 * Does a program put at `path` (in a directory on PATH) take the name of one that runs now: an
 * ordinary program's (DATA_PROGRAMS: git, ls …), or one in another directory on PATH? Then the next
 * `git status` runs it, and the guard sees only `git`. (A new name, `shipit`, is read where it is run.)
 */
const taken = new Map<string, boolean>();
let dataPrograms: ReadonlySet<string> | undefined;
function takesName(path: string): boolean {
  const name = basename(path);
  dataPrograms ??= new Set(DATA_PROGRAMS);
  if (dataPrograms.has(name)) return true;
  const key = `${dirname(path)}\0${name}`;
  let hit = taken.get(key);
  if (hit === undefined) {
    if (taken.size > 256) taken.clear();
    hit = (compiled?.onPath ?? []).some((d) => d !== dirname(path) && existsSync(join(d, name)));
    taken.set(key, hit);
  }
  return hit;
}

/** The kind of content judgment `path` (absolute) gets, or null when it is judged by name alone. */
export function judgedKind(path: string): JudgedKind | null {
  const p = lower(parts(path));
  return patterns().list.candidates(p).find((c) => globMatches(c.full, p) && (c.kind !== 'program' || takesName(path)))?.kind ?? null;
}

/**
 * Kinds whose file runs only when something starts it (a unit: `systemctl start`, a timer or a boot
 * of a unit that is enabled; a program on PATH, when its name is run), as the units systemd (and the programs
 * PATH) already has do: what the text shows of one is judged, content it does not show (`sudo cp
 * build/app.service /etc/systemd/system/`, `sudo install kubectl /usr/local/bin/`) is not asked about.
 */
const STARTED_ONLY: ReadonlySet<JudgedKind> = new Set(['systemd-unit', 'program']);

/** Is content that cannot be known, written to `path`, something to ask about (it runs by itself)? */
export const unknownContentAsks = (path: string): boolean => { const k = judgedKind(path); return k !== null && !STARTED_ONLY.has(k); };

/** Is this absolute path a file the agent host loads and may run commands from? */
export const isHostMarkdown = (path: string): boolean => judgedKind(path) === 'host-markdown';

/** Is this absolute path one whose write is judged by its content (the shell layer's own judgment)? */
export const judgedByContent = (path: string): boolean => judgedKind(path) !== null;

/**
 * May a file put somewhere under the directory `dir` (an archive unpacked there, a directory copied
 * or checked out there) be judged by its content? When `dir` is, or is inside, a directory the
 * patterns name by at least one of their own components (`.claude`, `.claude/commands/x`,
 * `~/.config/husky`): the anchor alone (any directory, the home directory) does not count, as for
 * the guarded paths' holders. `onlyAsking`: only files whose unknown content asks (unknownContentAsks).
 */
export function mayHoldJudged(dir: string, onlyAsking = false): boolean {
  const p = lower(parts(dir));
  const names = new Set(p);
  // A pattern's first own component, when a plain name, is one of the directory's (a cheap test first).
  return patterns().all.some((c) => c.own.length > 1 && (!onlyAsking || !STARTED_ONLY.has(c.kind))
    && (c.own[0]!.includes('*') || names.has(c.own[0]!)) && globPrefixMatches(c.full, c.anchor.length + 1, c.full.length - 1, p));
}

/**
 * The files judged by their content that a program finds under `base` when a variable moves its home
 * or config directory there (`HOME=h bash -l` reads h/.bash_profile, `XDG_CONFIG_HOME=x gh` reads
 * x/gh/config.yml): the plain names of that anchor (patterns with a wildcard are left out).
 */
export function filesUnder(anchor: 'home' | 'xdg', base: string): { path: string; kind: JudgedKind }[] {
  // A moved home holds the dotfiles found anywhere (~/.bashrc) too.
  return JUDGED.filter((j) => (j.anchor === anchor || (anchor === 'home' && j.anchor === 'anywhere' && j.pattern.startsWith('.'))) && !/[*?[]/.test(j.pattern))
    .map((j) => ({ path: join(base, j.pattern), kind: j.kind }));
}
