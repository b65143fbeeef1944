// Expansion: input text → every invocation that will really run. The families are tried in this
// order for each command; the first that reads it wins.
import { Expansion, type ExpandOptions, type ExpandResult, type Family } from './driver.js';
import { managedFamily } from './managed.js';
import { remoteFamily } from './remote.js';
import { systemdRemote } from './remote-runners.js';
import { movedConfigFamily } from './moved-config.js';
import { cloudShellsFamily } from './cloud-shells.js';
import { runnersFamily } from './runners.js';
import { nodeRun, packageScripts } from './packages.js';
import { pipLocalInstall } from './pip-installs.js';
import { pathScripts } from './scripts.js';
import { makeRecipesFamily } from './make.js';
import { tasksFamily } from './tasks.js';
import { buildsFamily } from './builds.js';
import { projectToolsFamily } from './project-tools.js';
import { kubeFamily } from './kube.js';
import { javaFamily } from './compiled.js';
import { vcsFrontsFamily } from './vcs-fronts.js';
import { optionFilesFamily } from './option-files.js';
import { projectBuildsFamily } from './project-builds.js';
import { configCommandsFamily } from './config-commands.js';
import { hostSessionsFamily } from './host-sessions.js';
import { pythonBuildsFamily } from './python-builds.js';

// systemd's clients with -H act on another machine: read before the runner table reads systemd-run's command as local.
const FAMILIES: readonly Family[] = [hostSessionsFamily, pythonBuildsFamily, systemdRemote, movedConfigFamily, optionFilesFamily, pathScripts, javaFamily, configCommandsFamily, tasksFamily, buildsFamily, projectBuildsFamily, projectToolsFamily, vcsFrontsFamily, nodeRun, kubeFamily, runnersFamily, remoteFamily, cloudShellsFamily, managedFamily, packageScripts, pipLocalInstall, makeRecipesFamily];

/** Find every invocation in `input`. Never throws for any input; always terminates. */
export function expand(input: string, options: ExpandOptions): ExpandResult {
  return new Expansion(input, options, FAMILIES).run();
}

export type { ExpandOptions, ExpandResult } from './driver.js';
export { runnerNames } from './runners.js';
