// What the fast path (shell/fastpath.ts) needs of the shell layer, derived from the runner table and
// from the programs each family reads: every name that may run text the command line does not show,
// programs that do so only beside certain words, and every runner. The build stores it in
// dist/fastpath.json, so that a cold hook reads a few names, not the tables.
import { GIT_COMMANDS, GIT_RUNS_KEYWORDS } from '../grammars/git.js';
import { NO_HOOKS } from '../grammars/git-hooks.js';
import { HOOK_WRITERS, WRITES } from '../grammars/writes.js';
import { OPTION_FILES } from '../grammars/option-files.js';
import { MOVED_CONFIG } from '../grammars/moved-config.js';
import { allRunnerNames, fileRunnerNames } from '../grammars/runner-names.js';
import { PACKAGE_PROGRAMS } from './packages.js';
import { REMOTE_CLIENTS } from './remote.js';
import { SYSTEMD_HOST_KEYWORDS, SYSTEMD_REMOTE } from '../grammars/remote-runners.js';
import { CLOUD_SHELL_PROGRAMS } from './cloud-shells.js';
import { MAKE_PROGRAMS } from './make.js';
import { TASK_RUNNERS } from './tasks.js';
import { BUILD_GUARDED, BUILD_PROGRAMS } from './builds.js';
import { PROJECT_BUILD_PROGRAMS } from './project-builds.js';
import { PROJECT_TOOLS } from './project-tools.js';
import { CONFIG_COMMAND_PROGRAMS } from './config-commands.js';
import { VCS_FRONTS } from './vcs-fronts.js';
import { HOST_SESSION_PROGRAMS } from './host-sessions.js';
import { PYTHON_BUILD_PROGRAMS } from './python-builds.js';

export interface ShellNames {
  readonly runners: readonly string[];
  readonly guarded: readonly { readonly program: string; readonly keywords: readonly string[] }[];
  readonly wrappers: readonly string[];
  /** git subcommands that run no hook (grammars/git-hooks.ts): any other may run the repository's hooks. */
  readonly gitNoHooks: readonly string[];
  /** git's own commands (grammars/git.ts): any other subcommand may be an alias from a config file. */
  readonly gitCommands: readonly string[];
  /** Variables whose assignment moves a file a program reads by itself (its config, options or startup files). */
  readonly variables: readonly string[];
}

export function shellNames(): ShellNames {
  const files = fileRunnerNames();
  const runners = [...new Set([...files.names, ...PACKAGE_PROGRAMS, ...MAKE_PROGRAMS, ...TASK_RUNNERS, ...BUILD_PROGRAMS, ...PROJECT_BUILD_PROGRAMS, ...PROJECT_TOOLS, ...CONFIG_COMMAND_PROGRAMS, ...VCS_FRONTS, ...HOST_SESSION_PROGRAMS, ...PYTHON_BUILD_PROGRAMS, ...REMOTE_CLIENTS, ...CLOUD_SHELL_PROGRAMS,
    // eval runs its arguments; xargs and parallel may take their commands from a file or stdin.
    'eval', 'xargs', 'parallel',
    // hook installers write git's hooks without naming them
    ...Object.keys(HOOK_WRITERS),
    // programs that take what they write or run from a file (aria2c -i LIST, uudecode's begin line, an archive's members, an option file)
    ...Object.entries(WRITES).filter(([, spec]) => spec.listFile !== undefined || spec.namedInside !== undefined || spec.archive !== undefined).map(([n]) => n), ...Object.keys(OPTION_FILES)])]
    .filter((n) => n !== '.');
  return {
    runners,
    // `gh alias import FILE` stores the aliases a file (or stdin) holds, shell ones among them.
    guarded: [{ program: 'git', keywords: [...GIT_RUNS_KEYWORDS] }, { program: 'gh', keywords: ['import'] },
      ...Object.keys(SYSTEMD_REMOTE).map((program) => ({ program, keywords: SYSTEMD_HOST_KEYWORDS })), ...BUILD_GUARDED, ...files.guarded],
    wrappers: [...new Set(allRunnerNames().filter((n) => n !== '.' && n !== '-'))],
    gitNoHooks: [...new Set(NO_HOOKS)],
    gitCommands: [...GIT_COMMANDS],
    variables: [...new Set([...Object.keys(MOVED_CONFIG), ...Object.values(OPTION_FILES).flatMap((f) => Object.keys(f.env ?? {}))])],
  };
}
