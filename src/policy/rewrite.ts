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
}

export interface Rendered {
  /** The command, with `<name>` where a value is missing. */
  readonly text: string;
  /** True when every placeholder had a value. */
  readonly runnable: boolean;
}

const OPERATORS = new Set(['&&', '||', ';', '|']);

/** Template words: white space separates, quotes group (and are removed), operators stand alone. */
function templateWords(template: string): { word: string; operator: boolean }[] {
  const out: { word: string; operator: boolean }[] = [];
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
  return out;
}

/** Values a template may use, for one invocation. */
export function templateValues(values: RewriteValues, view: View): Map<string, string | string[] | undefined> {
  const vars = new Map<string, string | string[] | undefined>();
  vars.set('host', values.host);
  vars.set('remotePath', values.remotePath);
  vars.set('branch', values.branch);
  vars.set('remote', values.remote);
  vars.set('prefix', values.prefix.trimEnd());
  // Paths for `git add` are written relative to where the rewrite runs (after a `cd`); where that
  // is unknown, git's `:/` pathspec makes them relative to the top of the work tree.
  const cwd = view.inv.rewriteCwd;
  const files = values.composeFiles.map((f) => {
    if (isAbsolute(f)) return f;
    if (cwd === null) return `:/${f}`;
    const rel = relative(cwd, join(values.root, f));
    return rel === '' ? f : rel;
  });
  vars.set('composeFiles', files.length > 0 ? files : undefined);
  const firstCompose = values.composeFiles[0];
  if (values.remotePath !== undefined && firstCompose !== undefined) {
    const dir = posix.dirname(firstCompose);
    vars.set('remoteComposeDir', dir === '.' ? values.remotePath : posix.join(values.remotePath, dir));
  } else {
    vars.set('remoteComposeDir', undefined);
  }
  vars.set('services', view.operands());
  const argv = view.inv.argv.map((w) => w.value);
  vars.set('command', argv.some((w) => w === null) ? undefined : quoteWords(argv as string[]));
  return vars;
}

/** Render a template. Unknown placeholder names are an error in the rule, reported by the harness. */
export function render(template: string, vars: ReadonlyMap<string, string | string[] | undefined>): Rendered {
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
export function renderText(text: string, vars: ReadonlyMap<string, string | string[] | undefined>): string {
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
  'remoteComposeDir', 'services', 'command'];
