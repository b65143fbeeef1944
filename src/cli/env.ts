// `--env NAME` for the commands that reach an environment (status, logs, deploy, history, rollback,
// plan, promote): load the config and take that environment's view (environments.ts). A name the
// config does not have is a usage error with selectEnvironment's message, which lists what exists.
import { resolve } from 'node:path';
import { loadConfig } from '../config-file.js';
import type { ResolvedConfig } from '../config.js';
import { selectEnvironment } from '../environments.js';
import { CliError } from './exit.js';

/** The parseArgs option, and its line in the usage texts. */
export const ENV_OPTION = { env: { type: 'string' } } as const;
export const envUsage = (width = 15): string =>
  `${'  --env NAME'.padEnd(width)}the environment (default: defaultEnvironment; gitops-guard environments lists them)`;

/** One environment's view of `config`, or a usage error naming the configured environments. */
export function pickEnvironment(config: ResolvedConfig, name: string | undefined): ResolvedConfig {
  const view = selectEnvironment(config, name);
  if ('error' in view) throw new CliError('usage', view.error, 'gitops-guard environments lists the configured environments');
  return view;
}

/** The config from --config/--cwd, as the environment --env names (or the default one) sees it. */
export async function loadEnvironment(values: { config?: string | undefined; cwd?: string | undefined; env?: string | undefined }): Promise<ResolvedConfig> {
  const config = await loadConfig({ cwd: resolve(values.cwd ?? process.cwd()), ...(values.config ? { file: values.config } : {}) });
  return pickEnvironment(config, values.env);
}
