// The agent hosts gitops-guard has a pre-execution filter for: `gitops-guard hook <id>`.
import { claude } from './claude.js';
import { cline } from './cline.js';
import { codex } from './codex.js';
import { copilot } from './copilot.js';
import { cursor } from './cursor.js';
import { gemini } from './gemini.js';
import type { HookAdapter } from './types.js';
import { windsurf } from './windsurf.js';

export const ADAPTERS: Readonly<Record<string, HookAdapter>> = { claude, codex, cursor, gemini, copilot, windsurf, cline };

/** The hosts, by the name used on the command line. */
export const HOST_IDS = ['claude', 'codex', 'cursor', 'gemini', 'copilot', 'windsurf', 'cline'] as const;
