// Load one host's adapter, so that a hook call does not load the other six.
import type { HookAdapter } from './types.js';

const LOADERS: Readonly<Record<string, () => Promise<HookAdapter>>> = {
  claude: async () => (await import('./claude.js')).claude,
  codex: async () => (await import('./codex.js')).codex,
  cursor: async () => (await import('./cursor.js')).cursor,
  gemini: async () => (await import('./gemini.js')).gemini,
  copilot: async () => (await import('./copilot.js')).copilot,
  windsurf: async () => (await import('./windsurf.js')).windsurf,
  cline: async () => (await import('./cline.js')).cline,
};

export const HOSTS = Object.keys(LOADERS);

export function loadAdapter(host: string): Promise<HookAdapter> | undefined {
  return Object.hasOwn(LOADERS, host) ? LOADERS[host]!() : undefined;
}
