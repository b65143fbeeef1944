// Reading the OpenSSH client configuration as ssh(1) reads it (ssh_config(5)) for one destination:
// Host and Match blocks, the first value of an option wins (IdentityFile and CertificateFile add
// up), Include with globs, `~` and paths relative to ~/.ssh (or /etc/ssh for the system file),
// `${VAR}` and %-tokens in the options that take them. `Match exec` never runs a command here: such
// a block does not apply.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir, hostname, userInfo } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';

/** Raised for a configuration that cannot be read or used; the message names the file and line. */
export class SshConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SshConfigError';
  }
}

/** Options that may be given more than once, every value kept (ssh_config(5)). */
const ADDITIVE = new Set(['identityfile', 'certificatefile', 'localforward', 'remoteforward', 'dynamicforward', 'sendenv', 'setenv']);

/** Options whose value is the rest of the line, as written (a command for the shell). */
const RAW = new Set(['proxycommand', 'localcommand', 'remotecommand', 'knownhostscommand']);

/** OpenSSH's limit on nested Include. */
const MAX_DEPTH = 16;

export interface ConfigQuery {
  /** The destination as given (an alias, or a host name). */
  readonly host: string;
  /** The user given with the destination, if any. */
  readonly user?: string | undefined;
}

/** What the configuration says for one destination: lowercase keyword → its arguments (additive: all of them). */
export type SshOptions = ReadonlyMap<string, readonly string[]>;

/** Split an option line's arguments as OpenSSH does: whitespace, "double" and 'single' quotes, an unquoted # ends the line. */
export function splitArgs(text: string, where: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (i >= text.length || text[i] === '#') break;
    let word = '';
    while (i < text.length && !/\s/.test(text[i]!)) {
      const c = text[i]!;
      if (c === '"' || c === "'") {
        const end = text.indexOf(c, i + 1);
        if (end < 0) throw new SshConfigError(`${where}: unbalanced quotes`);
        word += text.slice(i + 1, end);
        i = end + 1;
      } else if (c === '\\' && (text[i + 1] === '"' || text[i + 1] === "'" || text[i + 1] === '\\')) {
        word += text[i + 1];
        i += 2;
      } else {
        word += c;
        i++;
      }
    }
    out.push(word);
  }
  return out;
}

/** OpenSSH pattern: * and ? wildcards, case-insensitive. */
function wildcard(pattern: string, name: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
  return re.test(name);
}

/** A pattern list (Host's arguments, or Match's comma list): some pattern matches and no negated one does. */
export function matchPatternList(patterns: readonly string[], name: string): boolean {
  let matched = false;
  for (const p of patterns) {
    if (p.startsWith('!')) {
      if (wildcard(p.slice(1), name)) return false;
    } else if (wildcard(p, name)) {
      matched = true;
    }
  }
  return matched;
}

const home = (): string => homedir();

/** `~` and `~/…` at the start, and `${VAR}` anywhere (an unset variable is an error, as in OpenSSH). */
export function expandPath(value: string, where: string): string {
  const withEnv = value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
    const v = process.env[name];
    if (v === undefined) throw new SshConfigError(`${where}: environment variable ${name} is not set`);
    return v;
  });
  return withEnv === '~' ? home() : withEnv.startsWith('~/') ? join(home(), withEnv.slice(2)) : withEnv;
}

/** The values the %-tokens stand for, for one destination. */
export interface TokenValues {
  readonly host: string;
  readonly alias: string;
  readonly port: number;
  readonly user: string;
}

/**
 * Expand %-tokens, allowing only `allowed` (each option takes its own set in ssh_config(5)). An
 * unknown token is an error, as in OpenSSH.
 */
export function expandTokens(value: string, t: TokenValues, allowed: string, where: string): string {
  return value.replace(/%(.)/g, (_, c: string) => {
    if (!allowed.includes(c)) throw new SshConfigError(`${where}: the token %${c} is not allowed here (allowed: ${[...allowed].map((x) => `%${x}`).join(' ')})`);
    switch (c) {
      case '%': return '%';
      case 'h': return t.host;
      case 'n': return t.alias;
      case 'p': return String(t.port);
      case 'r': return t.user;
      case 'u': return userInfo().username;
      case 'd': return home();
      case 'i': return String(userInfo().uid);
      case 'L': return hostname().split('.')[0]!;
      case 'l': return hostname();
      case 'C': return createHash('sha1').update(`${hostname()}${t.host}${t.port}${t.user}`).digest('hex'); // %l%h%p%r
      default: throw new SshConfigError(`${where}: the token %${c} is not supported`);
    }
  });
}

/** Tokens each option accepts (ssh_config(5), TOKENS). */
export const TOKENS = {
  file: '%CdhilLnpru',
  proxyCommand: '%hnpr',
  hostName: '%h',
} as const;

/** Paths an Include names: `~`, `${VAR}`, relative to `base`, with glob(7) wildcards in the file name and folders. */
function includeFiles(pattern: string, base: string, where: string): string[] {
  const expanded = expandPath(pattern, where);
  const full = isAbsolute(expanded) ? expanded : join(base, expanded);
  const parts = full.split('/').filter((p, i) => p !== '' || i === 0);
  let paths = ['/'];
  for (const part of parts.slice(1)) {
    const next: string[] = [];
    for (const dir of paths) {
      if (!/[*?[]/.test(part)) {
        next.push(join(dir, part));
        continue;
      }
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        continue;
      }
      const re = new RegExp(`^${part.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}$`);
      for (const n of names.sort()) if (!n.startsWith('.') || part.startsWith('.')) { if (re.test(n)) next.push(join(dir, n)); }
    }
    paths = next;
  }
  return paths.filter((p) => { try { return statSync(p).isFile(); } catch { return false; } });
}

interface State {
  readonly query: ConfigQuery;
  readonly options: Map<string, string[]>;
  /** Where relative Include paths start (~/.ssh for the user's file, /etc/ssh for the system's). */
  readonly base: string;
}

function matchApplies(args: readonly string[], state: State, where: string): boolean {
  const { query, options } = state;
  if (args.length === 0) throw new SshConfigError(`${where}: Match needs criteria`);
  let i = 0;
  let result = true;
  while (i < args.length) {
    let criterion = args[i++]!.toLowerCase();
    const negate = criterion.startsWith('!');
    if (negate) criterion = criterion.slice(1);
    let ok: boolean;
    if (criterion === 'all') ok = true;
    else if (criterion === 'canonical') ok = false; // no host name canonicalisation here
    else if (criterion === 'final') ok = true; // one pass, and it is the last one
    else {
      const arg = args[i++];
      if (arg === undefined) throw new SshConfigError(`${where}: Match ${criterion} needs an argument`);
      const list = arg.split(',');
      switch (criterion) {
        case 'host': ok = matchPatternList(list, options.get('hostname')?.[0] ?? query.host); break;
        case 'originalhost': ok = matchPatternList(list, query.host); break;
        case 'user': ok = matchPatternList(list, query.user ?? options.get('user')?.[0] ?? userInfo().username); break;
        case 'localuser': ok = matchPatternList(list, userInfo().username); break;
        case 'exec': ok = false; break; // never run a command to read the configuration
        // localnetwork, tagged, and criteria newer than this reader: the block does not apply.
        default: ok = false; break;
      }
    }
    if (negate) ok = !ok;
    if (!ok) result = false;
  }
  return result;
}

function readFile(file: string, state: State, depth: number): void {
  if (depth > MAX_DEPTH) throw new SshConfigError(`${file}: Include nested more than ${MAX_DEPTH} deep`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new SshConfigError(`${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  let active = true;
  text.split('\n').forEach((raw, n) => {
    const where = `${file}:${n + 1}`;
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const m = /^([^\s=]+)(?:\s*=\s*|\s+)?(.*)$/.exec(line);
    if (!m) return;
    const keyword = m[1]!.toLowerCase();
    const args = RAW.has(keyword) ? (m[2]?.trim() ? [m[2].trim()] : []) : splitArgs(m[2] ?? '', where);
    if (keyword === 'host') {
      active = matchPatternList(args, state.query.host);
      return;
    }
    if (keyword === 'match') {
      active = matchApplies(args, state, where);
      return;
    }
    if (!active) return;
    if (keyword === 'include') {
      for (const pattern of args) for (const f of includeFiles(pattern, state.base, where)) readFile(f, state, depth + 1);
      return;
    }
    if (args.length === 0) throw new SshConfigError(`${where}: ${m[1]} has no value`);
    if (ADDITIVE.has(keyword)) state.options.set(keyword, [...(state.options.get(keyword) ?? []), ...args]);
    else if (!state.options.has(keyword)) state.options.set(keyword, args);
  });
}

/**
 * The options for a destination from the user's file and then the system's (either may be null or
 * missing), as ssh(1) without -F reads them.
 */
export function readSshOptions(query: ConfigQuery, files: { user: string | null; system?: string | null }): SshOptions {
  const options = new Map<string, string[]>();
  // Relative Include paths are in ~/.ssh from the user's file (wherever it is), /etc/ssh from the system's.
  if (files.user && existsSync(files.user)) readFile(files.user, { query, options, base: join(home(), '.ssh') }, 0);
  if (files.system && existsSync(files.system)) readFile(files.system, { query, options, base: dirname(files.system) }, 0);
  return options;
}

/** The first value of an option. */
export function first(options: SshOptions, keyword: string): string | undefined {
  return options.get(keyword)?.[0];
}
