// A container CLI's command line (docker, podman, nerdctl and their compose tools) read as their
// pflag parsers read it: global options, the subcommand path, the subcommand's options, operands,
// and where the engine is.
import { VALUE_TEXT } from '../cwd.js';
import { compile, getopt, optionIs, type Arg, type Option, type OptionGrammar } from '../getopt.js';
import {
  COMPOSE_GLOBAL, COMPOSE_PROGRAMS, CONTAINER_GLOBAL, CONTAINER_MANAGEMENT, CONTAINER_NO_INTERSPERSE, CONTAINER_PLUGINS, CONTAINER_PROGRAMS,
  CONTAINER_SUB, CONTAINER_SUB_DEFAULT,
} from '../grammars/managed.js';

export interface ContainerCommand {
  /** The program as invoked (`docker`, `podman`, `docker-compose`, …). */
  readonly program: string;
  /** Subcommand path, `compose` first for compose invocations: `['compose','restart']`, `['container','ls']`. */
  readonly path: readonly string[];
  /** Options given to the CLI itself and to the subcommand (not those of a command run inside). */
  readonly options: readonly Option[];
  /** Operands after the subcommand path (service or container names, images, a command run inside). */
  readonly operands: readonly Arg[];
  /** The CLI or the subcommand was asked for help or its version, before any operand that runs something. */
  readonly helpOrVersion: boolean;
  /** Where the engine is: set by `-H`, `--host`, `--context`, `--url`, `--connection`, `DOCKER_HOST`, … */
  readonly engineHost: string | null | undefined;
  /** Compose files named with `-f`. */
  readonly composeFiles: readonly Arg[];
}

export const CONTAINER_CLIS: ReadonlySet<string> = new Set<string>([...CONTAINER_PROGRAMS, ...COMPOSE_PROGRAMS, ...Object.keys(CONTAINER_PLUGINS)]);

function subGrammar(path: readonly string[]): OptionGrammar {
  const key = path.filter((p) => p !== 'compose' && p !== 'container').join(' ');
  const base = CONTAINER_SUB[path[path.length - 1] ?? ''] ?? CONTAINER_SUB[key] ?? CONTAINER_SUB_DEFAULT;
  return CONTAINER_NO_INTERSPERSE.has(path.join(' ')) ? { ...base, permute: false } : { ...base, permute: true };
}

const subCache = new Map<string, OptionGrammar>();

/** Parse a container CLI command line. `env` supplies DOCKER_HOST / DOCKER_CONTEXT / CONTAINER_HOST. */
export function parseContainer(program: string, args: readonly Arg[], env: ReadonlyMap<string, string | null>): ContainerCommand {
  const isCompose = (COMPOSE_PROGRAMS as readonly string[]).includes(program);
  const plugin = CONTAINER_PLUGINS[program];
  const path: string[] = isCompose ? ['compose'] : plugin !== undefined ? [plugin] : [];
  const options: Option[] = [];
  let rest = plugin !== undefined && args[0] === plugin ? args.slice(1) : args;
  // The path: global options, then words while the path is still open (`compose`, management commands).
  for (let guard = 0; guard < 4; guard++) {
    const grammar = path.length === 0 ? CONTAINER_GLOBAL : path.length === 1 && path[0] === 'compose' ? COMPOSE_GLOBAL : null;
    const open = path.length === 0 || (path.length === 1 && (path[0] === 'compose' || CONTAINER_MANAGEMENT.has(path[0]!)));
    if (!open) break;
    const scan = getopt(rest, grammar ?? { ...subGrammar(path), permute: false });
    options.push(...scan.options);
    const first = scan.operands[0];
    if (!first || first.value === null || scan.endOfOptions >= 0 && first.index >= scan.endOfOptions) {
      rest = scan.operands.map((o) => o.value);
      break;
    }
    path.push(first.value);
    rest = rest.slice(first.index + 1);
  }
  const key = path.join(' ');
  let grammar = subCache.get(key);
  if (!grammar) { grammar = subGrammar(path); subCache.set(key, grammar); }
  compile(grammar);
  const scan = getopt(rest, grammar);
  // Options the subcommand reads are those before its operands when it does not intersperse.
  options.push(...scan.options);
  const operands = scan.operands.map((o) => o.value);
  // `-h` is help unless the subcommand reads it as an option with a value (`docker run -h HOSTNAME`).
  const helpOrVersion = options.some((o) => optionIs(o, ['--help']) || (o.name === '-h' && o.value === undefined))
    || ((path.length === 0 || (path.length === 1 && path[0] === 'compose')) && options.some((o) => optionIs(o, ['--version', '-v'])))
    || path[0] === 'help' || path[path.length - 1] === 'help' || path[0] === 'version'
    || (path.length === 2 && (path[1] === 'version' || path[1] === 'help') && operands.length === 0);
  return { program, path, options, operands, helpOrVersion, engineHost: engineOf(program, path, options, env), composeFiles: isCompose || path[0] === 'compose' ? options.filter((o) => o.name === '-f' || o.name === '--file').map((o) => o.value ?? null) : [] };
}

function last(options: readonly Option[], names: readonly string[]): Option | undefined {
  let found: Option | undefined;
  for (const o of options) if (optionIs(o, names)) found = o;
  return found;
}

function engineOf(program: string, path: readonly string[], options: readonly Option[], env: ReadonlyMap<string, string | null>):
  string | null | undefined {
  const hostFlag = last(options, ['-H', '--host', '--url']);
  const contextFlag = last(options, ['--context']);
  const connection = last(options, ['--connection']);
  if (hostFlag) return engineHostOf(hostFlag.value);
  if (contextFlag) return contextFlag.value === 'default' ? undefined : contextFlag.value ?? null;
  if (connection) return connection.value ?? null;
  // podman --remote / podman-remote talk to CONTAINER_HOST, by default the local podman service.
  void path;
  const hostVar = env.has('DOCKER_HOST') ? 'DOCKER_HOST' : 'CONTAINER_HOST';
  const dh = env.get(hostVar);
  const dc = env.get('DOCKER_CONTEXT');
  // `DOCKER_HOST=unix://$PWD/s`: computed, but a unix socket is on this machine whatever its path.
  if (dh === null && /^["']?(?:unix|npipe|fd):\/\//.test(writtenValue(env, hostVar))) return undefined;
  if (dh !== undefined) return engineHostOf(dh);
  if (dc !== undefined) return dc === 'default' ? undefined : dc;
  return undefined;
}

/** The text a computed variable was assigned (cwd.ts VALUE_TEXT), '' when none is kept. */
function writtenValue(env: ReadonlyMap<string, string | null>, name: string): string {
  const stored = env.get(VALUE_TEXT + name);
  return typeof stored === 'string' ? stored.slice(stored.indexOf('\u0000') + 1) : '';
}

/** `ssh://user@host:22` → `host`; `unix://…` → undefined (local); unknown → null. */
export function engineHostOf(value: Arg | undefined): string | null | undefined {
  if (value === null || value === undefined) return null;
  if (value === '' || value.startsWith('unix://') || value.startsWith('npipe://') || value.startsWith('fd://')) return undefined;
  const m = /^[a-z]+:\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^:/]+)/.exec(value);
  if (m) {
    const host = m[1]!.replace(/^\[|\]$/g, '');
    return host === 'localhost' || host === '127.0.0.1' || host === '::1' ? undefined : host;
  }
  return value;
}
