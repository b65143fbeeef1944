// Rewrites: a rule's equivalent is a small template in shell-like words. Placeholders `{name}` take
// values from config and from the offending command; every word is quoted on the way out, so a value
// can never become shell syntax. A missing value leaves a visible `<name>` and makes the result a
// suggestion rather than a runnable rewrite.
import { isAbsolute, join, posix, relative } from 'node:path';
import { quoteWord, quoteWords } from '../shell/words.js';
import type { View } from './match.js';

export interface RewriteValues {
  readonly host?: string | undefined;
  readonly remotePath?: string | undefined;
  readonly branch: string;
  readonly remote: string;
  readonly prefix: string;
  readonly composeFiles: readonly string[];
  /** The directory compose file paths are relative to. */
  readonly root: string;
  /** The values for a command run on `host`: its environment's paths and branch, and that host. */
  readonly forHost?: (host: string) => RewriteValues;
  /** Words after `git push` in a rewrite: none for the one implicit environment, else `REMOTE HEAD:BRANCH`. */
  readonly pushTo?: readonly string[];
  /** Branches that take commits by promotion: branch -> the environments (from, to). */
  readonly promotions?: ReadonlyMap<string, { readonly from: string; readonly to: string }>;
}

export interface Rendered {
  /** The command, with `<name>` where a value is missing. */
  readonly text: string;
  /** True when every placeholder had a value. */
  readonly runnable: boolean;
}

const OPERATORS = new Set(['&&', '||', ';', '|']);

type TemplateWord = { word: string; operator: boolean };
const compiled = new Map<string, TemplateWord[]>();

/** Template words: white space separates, quotes group (and are removed), operators stand alone. */
function templateWords(template: string): TemplateWord[] {
  const cached = compiled.get(template);
  if (cached) return cached;
  const out: TemplateWord[] = [];
  let cur = '';
  let quote: string | null = null;
  let any = false;
  for (const c of template) {
    if (quote) {
      if (c === quote) quote = null;
      else cur += c;
      continue;
    }
    if (c === '"' || c === "'") { quote = c; any = true; continue; }
    if (/\s/.test(c)) {
      if (any || cur !== '') out.push({ word: cur, operator: !any && OPERATORS.has(cur) });
      cur = '';
      any = false;
      continue;
    }
    cur += c;
  }
  if (any || cur !== '') out.push({ word: cur, operator: !any && OPERATORS.has(cur) });
  compiled.set(template, out);
  return out;
}

export type Value = string | string[] | undefined;
export interface Values {
  get(name: string): Value;
}

/** Values a template may use, for one invocation; each is computed when a template asks for it. */
export function templateValues(base: RewriteValues, view: View): Values {
  // A suggestion for a command on a server names that server and its environment, never another.
  const server = serverOf(view);
  // A server computed at run time is not named at all: `<host>` shows the gap.
  const values = server === undefined ? { ...base, host: undefined }
    : server !== null && base.forHost ? base.forHost(server) : base;
  const cache = new Map<string, Value>();
  const promotion = (): { from: string; to: string } | undefined => {
    for (const d of view.promotedUpdates()) {
      const p = values.promotions?.get(d);
      if (p) return p;
    }
    return undefined;
  };
  const compute = (name: string): Value => {
    switch (name) {
      case 'host': return values.host;
      case 'remotePath': return values.remotePath;
      case 'branch': return values.branch;
      case 'remote': return values.remote;
      case 'prefix': return values.prefix.trimEnd();
      case 'composeFiles': {
        // Paths for `git add` are written relative to where the rewrite runs (after a `cd`); where
        // that is unknown, git's `:/` pathspec makes them relative to the top of the work tree.
        const cwd = view.inv.rewriteCwd;
        const files = values.composeFiles.map((f) => {
          if (isAbsolute(f)) return f;
          if (cwd === null) return `:/${f}`;
          const rel = relative(cwd, join(values.root, f));
          return rel === '' ? f : rel;
        });
        return files.length > 0 ? files : undefined;
      }
      case 'remoteComposeDir': {
        const first = values.composeFiles[0];
        if (values.remotePath === undefined || first === undefined) return undefined;
        const dir = posix.dirname(first);
        return dir === '.' ? values.remotePath : posix.join(values.remotePath, dir);
      }
      // An empty list renders as no words at all.
      case 'pushTo': return [...(values.pushTo ?? [])];
      case 'promoteFrom': return promotion()?.from;
      case 'promoteTo': return promotion()?.to;
      case 'services': return view.operands();
      case 'command': {
        const argv = view.inv.argv.map((w) => w.value);
        return argv.some((w) => w === null) ? undefined : quoteWords(argv as string[]);
      }
      default: return undefined;
    }
  };
  return {
    get(name) {
      if (!cache.has(name)) cache.set(name, compute(name));
      return cache.get(name);
    },
  };
}

/** The server a command runs on or talks to (as written, `user@host`): null if none, undefined if computed. */
function serverOf(view: View): string | null | undefined {
  const inv = view.inv;
  if (inv.target.kind === 'remote') return inv.target.host;
  const f = inv.facts;
  if (f?.kind === 'ssh') return f.ssh.destination === null ? undefined : f.ssh.destination ?? null;
  if (f?.kind === 'transfer') {
    const t = f.transfer;
    const remote = t.writes[0] ?? t.reads[0];
    if (remote) return remote.host;
    // sftp HOST: an interactive session names its server as the only operand.
    const first = t.scan.operands[0]?.value;
    return t.interactive && first ? first.replace(/:.*$/, '') : null;
  }
  return null;
}

/** Render a template. Unknown placeholder names are an error in the rule, reported by the harness. */
export function render(template: string, vars: Values): Rendered {
  let runnable = true;
  const parts: string[] = [];
  for (const { word, operator } of templateWords(template)) {
    if (operator) { parts.push(word); continue; }
    const whole = /^\{([A-Za-z]+)(\|q)?\}$/.exec(word);
    if (whole && Array.isArray(vars.get(whole[1]!))) {
      const list = vars.get(whole[1]!) as string[];
      parts.push(...list.map(quoteWord));
      continue;
    }
    let missing = false;
    const text = word.replace(/\{([A-Za-z]+)(\|q)?\}/g, (_m, name: string, q?: string) => {
      const v = vars.get(name);
      if (v === undefined) {
        missing = true;
        return `<${name}>`;
      }
      const list = Array.isArray(v) ? v : [v];
      return q ? list.map(quoteWord).join(' ') : list.join(' ');
    });
    if (missing) {
      runnable = false;
      parts.push(text);
      continue;
    }
    parts.push(quoteWord(text.replace(/\s+/g, ' ').trim()));
  }
  return { text: parts.join(' '), runnable };
}

/** Substitute placeholders in prose (steps): no quoting; a missing value shows as `<name>`. */
export function renderText(text: string, vars: Values): string {
  return text.replace(/\{([A-Za-z]+)(\|q)?\}/g, (_m, name: string) => {
    const v = vars.get(name);
    return v === undefined ? `<${name}>` : Array.isArray(v) ? v.join(' ') : v;
  });
}

/** Placeholder names a template uses (for checking rules on load). */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{([A-Za-z]+)(\|q)?\}/g)].map((m) => m[1]!);
}

export const KNOWN_PLACEHOLDERS = ['host', 'remotePath', 'branch', 'remote', 'prefix', 'composeFiles',
  'remoteComposeDir', 'services', 'command', 'promoteFrom', 'promoteTo', 'pushTo'];
