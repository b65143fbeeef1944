// `gitops-guard mcp [--read-only]`: the MCP server on stdio.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config-file.js';
import { serveStdio } from '../mcp/front.js';
import { PACKAGE_ROOT } from '../paths.js';

export const usage = `Usage: gitops-guard mcp [--read-only] [--config FILE] [--cwd DIR]

Serve the GitOps loop to coding agents over MCP (stdio): check_command, status, logs, history, plan,
environments, and (unless --read-only or "mcpReadOnly": true) deploy, rollback and promote.
`;

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { 'read-only': { type: 'boolean' }, config: { type: 'string' }, cwd: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) { process.stdout.write(usage); return 0; }
  const cwd = resolve(values.cwd ?? process.cwd());
  const config = await loadConfig({ cwd, ...(values.config ? { file: values.config } : {}) });
  const version = (JSON.parse(readFileSync(`${PACKAGE_ROOT}/package.json`, 'utf8')) as { version: string }).version;
  await serveStdio(config, cwd, { readOnly: Boolean(values['read-only']), version });
  return 0;
}
