// Trust gates: hosts that run a project's hooks only after a person has trusted the project (and, for
// Codex, each hook). Until then the hook `init` wrote is skipped silently and the agent's command
// runs. Each gate is data: the user file that records trust, how to read it, the step a person
// takes, and the project-scoped entry init may add for them when they say yes at a terminal.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { runsOurHook } from '../hooks/common.js';
import { readJsonc, setJsonc } from './jsonc.js';

export interface TrustOffer {
  /** The user file the entry goes into (absolute). */
  readonly file: string;
  /** What it adds, for the question. */
  readonly describe: string;
  /** The file's new text. */
  edit(existing: string | undefined): string;
}

export interface TrustCheck {
  readonly host: string;
  /** What the gate is, in a few words. */
  readonly gate: string;
  /** true: trusted; false: not trusted, so the hook does not run. */
  readonly trusted: boolean;
  /** What was found. */
  readonly detail: string;
  /** What the person does so that the hook runs. */
  readonly step: string;
  /** An entry init can write for this project, with the person's yes. */
  readonly offer?: TrustOffer;
}

export interface TrustContext {
  readonly root: string;
  readonly env: NodeJS.ProcessEnv;
  /** The project's settings file for this host (its text), for gates that trust each hook. */
  readonly hookFile?: string | undefined;
}

const read = (path: string): string | undefined => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};
const home = (env: NodeJS.ProcessEnv): string => env.HOME || homedir();
const inside = (dir: string, parent: string): boolean => dir === parent || dir.startsWith(parent.endsWith(sep) ? parent : parent + sep);
const tomlString = (s: string): string => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** The Codex keys of our hooks in .codex/hooks.json: `<file>:pre_tool_use:<group>:<hook>`. */
export function codexHookKeys(root: string, hooksJson: string | undefined): string[] {
  let settings: Record<string, any>;
  try {
    settings = readJsonc(hooksJson, '.codex/hooks.json');
  } catch {
    return [];
  }
  const file = join(root, '.codex', 'hooks.json');
  const keys: string[] = [];
  for (const [event, groups] of Object.entries(settings.hooks ?? {})) {
    if (!Array.isArray(groups)) continue;
    const slug = event.replace(/(?<!^)([A-Z])/g, '_$1').toLowerCase();
    groups.forEach((group: any, g: number) => {
      (Array.isArray(group?.hooks) ? group.hooks : []).forEach((hook: any, h: number) => {
        if (typeof hook?.command === 'string' && runsOurHook(hook.command, 'codex')) keys.push(`${file}:${slug}:${g}:${h}`);
      });
    });
  }
  return keys;
}

function codex(ctx: TrustContext): TrustCheck {
  const configFile = join(ctx.env.CODEX_HOME || join(home(ctx.env), '.codex'), 'config.toml');
  const text = read(configFile);
  let config: Record<string, any> = {};
  let unreadable: string | undefined;
  try {
    config = text ? parseToml(text) as Record<string, any> : {};
  } catch (e) {
    unreadable = `${configFile} is not valid TOML (${(e as Error).message.split('\n')[0]})`;
  }
  const projectTrusted = config.projects?.[ctx.root]?.trust_level === 'trusted';
  const keys = codexHookKeys(ctx.root, ctx.hookFile);
  const state = config.hooks?.state ?? {};
  const untrustedHooks = keys.filter((k) => typeof state[k]?.trusted_hash !== 'string' || state[k]?.enabled === false);
  const trusted = projectTrusted && keys.length > 0 && untrustedHooks.length === 0;
  const detail = unreadable ?? [
    projectTrusted ? `project trusted in ${configFile}` : `the project is not trusted in ${configFile} ([projects.${tomlString(ctx.root)}] trust_level = "trusted" is missing)`,
    keys.length === 0 ? 'no gitops-guard hook in .codex/hooks.json'
      : untrustedHooks.length === 0 ? `hook trust recorded for ${keys.length} hook(s) under [hooks.state]`
        : `hook not trusted yet (no trusted_hash under [hooks.state] for ${untrustedHooks.join(', ')})`,
  ].join('; ');
  return {
    host: 'codex', gate: 'Codex project trust and hook trust', trusted, detail,
    step: `start codex in ${ctx.root} and trust the project when it asks; then run /hooks in Codex and trust the gitops-guard hook`
      + ' (Codex records a hash of each trusted hook, so a changed hook has to be trusted again)',
    ...(projectTrusted || unreadable ? {} : {
      offer: {
        file: configFile,
        describe: `add [projects.${tomlString(ctx.root)}] trust_level = "trusted" to ${configFile} (the hook itself you still trust in Codex)`,
        edit: (existing) => `${existing ?? ''}${existing && !existing.endsWith('\n') ? '\n' : ''}${existing ? '\n' : ''}`
          + `[projects.${tomlString(ctx.root)}]\ntrust_level = "trusted"\n`,
      },
    }),
  };
}

function copilot(ctx: TrustContext): TrustCheck {
  const configFile = join(ctx.env.COPILOT_HOME || join(home(ctx.env), '.copilot'), 'config.json');
  let folders: unknown[] = [];
  let unreadable: string | undefined;
  try {
    const v = readJsonc(read(configFile), configFile).trusted_folders;
    folders = Array.isArray(v) ? v : [];
  } catch (e) {
    unreadable = (e as Error).message;
  }
  const by = folders.find((f): f is string => typeof f === 'string' && inside(ctx.root, f.replace(/[/\\]+$/, '') || '/'));
  return {
    host: 'copilot', gate: 'Copilot CLI folder trust', trusted: by !== undefined,
    detail: unreadable ?? (by !== undefined ? `trusted through "${by}" in trusted_folders of ${configFile}` : `${ctx.root} is not in trusted_folders of ${configFile}`),
    step: `start copilot in ${ctx.root} and choose to trust the folder and remember it (saved in trusted_folders of ${configFile})`,
    ...(by !== undefined || unreadable ? {} : {
      offer: {
        file: configFile,
        describe: `add "${ctx.root}" to trusted_folders in ${configFile}`,
        edit: (existing) => {
          const list = readJsonc(existing, configFile).trusted_folders;
          return Array.isArray(list)
            ? setJsonc(existing!, ['trusted_folders', list.length], ctx.root, { insertAt: list.length })
            : setJsonc(existing ?? '', ['trusted_folders'], [ctx.root]);
        },
      },
    }),
  };
}

function gemini(ctx: TrustContext): TrustCheck {
  const dir = join(home(ctx.env), '.gemini');
  const foldersFile = join(dir, 'trustedFolders.json');
  const step = `start gemini in ${ctx.root} and choose "Trust folder" (saved in ${foldersFile})`;
  const base = { host: 'gemini', gate: 'Gemini CLI folder trust', step };
  if (ctx.env.GEMINI_CLI_TRUST_WORKSPACE === 'true') {
    return { ...base, trusted: true, detail: 'GEMINI_CLI_TRUST_WORKSPACE=true trusts every folder, in this environment only' };
  }
  try {
    if (readJsonc(read(join(dir, 'settings.json')), join(dir, 'settings.json')).security?.folderTrust?.enabled === false) {
      return { ...base, trusted: true, detail: `folder trust is switched off in ${join(dir, 'settings.json')}` };
    }
  } catch {
    // An unreadable user settings file: Gemini's own problem; the folder list decides here.
  }
  let rules: Record<string, unknown> = {};
  try {
    rules = readJsonc(read(foldersFile), foldersFile);
  } catch (e) {
    return { ...base, trusted: false, detail: (e as Error).message };
  }
  const entries = Object.entries(rules);
  const denied = entries.find(([p, v]) => v === 'DO_NOT_TRUST' && p === ctx.root);
  const by = entries.find(([p, v]) => (v === 'TRUST_FOLDER' && inside(ctx.root, p)) || (v === 'TRUST_PARENT' && inside(ctx.root, dirname(p))));
  const trusted = !denied && by !== undefined;
  return {
    ...base, trusted,
    detail: denied ? `${ctx.root} is marked DO_NOT_TRUST in ${foldersFile}`
      : by ? `trusted through "${by[0]}": ${String(by[1])} in ${foldersFile}` : `${ctx.root} is not trusted in ${foldersFile}`,
    ...(trusted ? {} : {
      offer: {
        file: foldersFile,
        describe: `mark "${ctx.root}" TRUST_FOLDER in ${foldersFile}`,
        edit: (existing) => setJsonc(existing ?? '', [ctx.root], 'TRUST_FOLDER'),
      },
    }),
  };
}

const GATES: Readonly<Record<string, (ctx: TrustContext) => TrustCheck>> = { codex, copilot, gemini };

/** The trust gate of a host and whether this project passes it; undefined for hosts without one. */
export function trustGate(host: string, ctx: TrustContext): TrustCheck | undefined {
  return GATES[host]?.(ctx);
}
