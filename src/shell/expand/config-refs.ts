// What a tool's settings name that it loads or runs (grammars/project-tools.ts ConfigRef): the local
// modules of package.json's `jest.globalSetup`, .babelrc's plugins, mypy.ini's plugins, the code of
// .pylintrc's init-hook, the command lines of a tool's hooks. A module is scanned as the file it is
// (interpreters.ts), with the project modules it imports (a tool's configuration module too: an
// eslint.config.js whose only line is `import './setup.js'`). A file that cannot be parsed is the
// tool's own failure: nothing it names is loaded.
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { ConfigModule, ConfigRef } from '../grammars/project-tools.js';
import type { CodeLanguage } from '../grammars/types.js';
import type { Scope } from './driver.js';
import { scanCode, scanCodeFile } from './interpreters.js';
import { loadsModules, moduleFile, modulesIn } from './modules.js';
import { parseToml, parseYaml } from './task-files.js';
import { optionIs, type Scan } from '../getopt.js';
import { globFiles } from '../files.js';

/** Files a configuration module brings in with it, itself included: past this many, the rest are said (ask). */
const MAX_IMPORTED = 64;

/** Each settings file of the tool's refs found from `start` (the configuration module `config` for `@config`), and what its values name. */
export function configRefs(scope: Scope, name: string, spec: ConfigModule, start: string, config: string | null, scan: Scan): void {
  const sub = scan.operands[0]?.value;
  (spec.refs ?? []).forEach((ref, i) => {
    if (ref.sub !== undefined && (sub !== ref.sub || ref.options && !scan.options.some((o) => optionIs(o, ref.options!)))) return;
    const lang = ref.language ?? spec.language ?? 'node';
    for (const path of refFiles(scope, ref, start, config, scan, spec.subcommands !== undefined)) {
      if (path === null) { scope.raise('unreadable-script', `the file \`${name}\` runs is named at run time`); continue; }
      const read = scope.files.read(path);
      if (read.kind !== 'text') continue;
      if (ref.format === 'self') { scanWithImports(scope, lang, path, `${name} (loads ${relative(start, path)})`); continue; }
      const make = (): string[] => { try { return refValues(ref, read.text); } catch { return []; } };
      // (Worked out once per version of the file: package.json is read by many commands.)
      const values = read.stamp !== undefined && scope.files.memo ? scope.files.memo(`refs:${name}:${i}:${read.stamp}`, make) : make();
      const dir = dirname(path);
      const label = `${name} (${relative(start, path) || path}: ${ref.keys[0]}${ref.keys.length > 1 ? '…' : ''})`;
      for (const v of values) named(scope, ref, lang, v, dir, label);
    }
  });
}

/** The files a ref reads: each name's nearest, the configuration module, the operands, or a glob's matches in the working directory. */
function refFiles(scope: Scope, ref: ConfigRef, start: string, config: string | null, scan: Scan, subs: boolean): (string | null)[] {
  return ref.files.flatMap((f) => {
    if (f === '@config') return config === null ? [] : [config];
    if (f === '@operands') return scan.operands.slice(subs ? 1 : 0).map((o) => o.value === null ? null : resolve(start, o.value));
    if (f.includes('*')) return globFiles(scope.files, start, f) ?? [];
    const found = scope.files.findUp(start, f);
    return found === null ? [] : [found.path];
  });
}

/** One value: the local module it names (a bare Node name is an installed package), its code, or its command line. */
function named(scope: Scope, ref: ConfigRef, lang: CodeLanguage, value: string, dir: string, label: string): void {
  if (ref.value === 'code') { scanCode(scope, lang, value, label); return; }
  if (ref.value === 'command') { scope.nested(value, label, { spliceable: false, cwd: dir }); return; }
  const v = value.replace(/^<rootDir>/, '.').trim();
  // (Outside Node a name with its language's extension is a path too: mypy's `plugins = x.py`, phpunit's `bootstrap="boot.php"`.)
  const path = /^\.{1,2}(?:\/|$)/.test(v) || isAbsolute(v) || /\.(?:py|rb|php|pl|lua)$/.test(v) && lang !== 'node' ? resolve(dir, v) : null;
  const file = path !== null ? moduleFile(scope, lang, path, dir, []) ?? path : ref.value === 'module' || lang !== 'node' ? moduleFile(scope, lang, v, dir, []) : null;
  if (file !== null) scanWithImports(scope, lang, file, `${label} ${value}`);
}

/**
 * A module the tool loads and the project modules it imports, each scanned as code of its language
 * (relative specifiers for Node, the file's own directory for Python).
 */
export function scanWithImports(scope: Scope, lang: CodeLanguage, path: string, label: string): void {
  const queue = [path];
  for (let i = 0; i < queue.length; i++) {
    const file = queue[i]!;
    scanCodeFile(scope, lang, file, i === 0 ? label : `${label} (imports ${relative(dirname(path), file)})`);
    if (!loadsModules(lang) || !scope.local) continue;
    const read = scope.files.read(file);
    if (read.kind !== 'text') continue;
    for (const n of modulesIn(scope, lang, read.text, read.stamp)) {
      const found = moduleFile(scope, lang, n, dirname(file), []);
      if (found === null || queue.includes(found)) continue;
      if (queue.length >= MAX_IMPORTED) { scope.raise('unreadable-script', `${label}: imports more than ${MAX_IMPORTED} project modules; the rest are not read`); return; }
      queue.push(found);
    }
  }
}

/** The values at the ref's keys, as text (a list's items each; a `[name, options]` pair's name). */
export function refValues(ref: ConfigRef, text: string): string[] {
  const out: string[] = [];
  const words = (v: readonly unknown[]): void => {
    if (v.every((w) => typeof w === 'string')) out.push((v as string[]).map((w) => /^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`).join(' '));
  };
  const add = (v: unknown): void => {
    if (typeof v === 'string') out.push(...(ref.value === 'code' || ref.value === 'command' || ref.value === 'glob' ? [v] : v.split(/[\n,]/).map((s) => s.trim()).filter(Boolean)));
    else if (ref.argv && v !== null && typeof v === 'object') {
      if (Array.isArray(v)) { for (const e of v) add(e); return; }
      const o = v as Record<string, unknown>;
      words([o[ref.argv[0]], ...(Array.isArray(o[ref.argv[1]]) ? o[ref.argv[1]] as unknown[] : [])]);
    } else if (Array.isArray(v) && ref.words) words(v);
    else if (Array.isArray(v)) for (const e of v) add(Array.isArray(e) ? e[0] : e);
  };
  if (ref.format === 'notebook') out.push(...notebookCode(text));
  else if (ref.format === 'args') for (const v of optionValues(text, ref.keys)) add(v);
  else if (ref.format === 'xml') for (const k of ref.keys) for (const m of text.matchAll(new RegExp(`\\b${k}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'g'))) add(m[1] ?? m[2]);
  else if (ref.format === 'code') for (const k of ref.keys) for (const v of moduleKeyValues(text, k.replace(/^.*\./, ''))) add(v);
  else {
    const data = ref.format === 'toml' ? parseToml(text) : ref.format === 'ini' ? iniData(text) : dataOf(text);
    for (const k of ref.keys) for (const v of at(data, ref.format === 'ini' ? iniPath(k) : k.split('.'))) add(v);
  }
  const pattern = ref.pattern === undefined ? null : new RegExp(ref.pattern);
  return pattern === null ? out : out.flatMap((v) => { const m = pattern.exec(v); return m?.[1] !== undefined ? [m[1]] : []; });
}

/** A notebook's code cells (.ipynb JSON), or a Quarto document's executable chunks (```{python} … ```), as one text. */
function notebookCode(text: string): string[] {
  if (/^\s*\{/.test(text)) {
    const nb = JSON.parse(text) as { cells?: { cell_type?: unknown; source?: unknown }[] };
    return [(nb.cells ?? []).filter((c) => c.cell_type === 'code').map((c) => Array.isArray(c.source) ? c.source.join('') : String(c.source ?? '')).join('\n')];
  }
  return [[...text.matchAll(/^```\{(?:python|ipython)[^}]*\}[^\n]*\n([\s\S]*?)^```/gm)].map((m) => m[1]!).join('\n')];
}

/** JSON (comments and trailing commas allowed), else YAML. */
function dataOf(text: string): unknown {
  try {
    return JSON.parse(text.replace(/("(?:[^"\\]|\\.)*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (_m, s: string | undefined) => s ?? '').replace(/("(?:[^"\\]|\\.)*")|,(\s*[\]}])/g, (_m, s: string | undefined, c: string | undefined) => s ?? c!));
  } catch {
    if (/^\s*[{[]/.test(text)) return null;
    return parseYaml(text, { maxAliasCount: 100 });
  }
}

/** The values under a dotted path; `*` is any key; a list on the way is each of its items. */
function at(v: unknown, path: readonly string[]): unknown[] {
  if (path.length === 0) return [v];
  if (Array.isArray(v)) return v.flatMap((x) => at(x, path));
  if (v === null || typeof v !== 'object') return [];
  const [k, ...rest] = path;
  const o = v as Record<string, unknown>;
  if (k === '*') return Object.values(o).flatMap((x) => at(x, rest));
  return Object.prototype.hasOwnProperty.call(o, k!) ? at(o[k!], rest) : [];
}

/** An INI key `section.key` (the section may hold dots: setup.cfg's `[pylint.main]`), sections in lower case. */
const iniPath = (k: string): string[] => { const dot = k.lastIndexOf('.'); return [k.slice(0, dot).toLowerCase(), k.slice(dot + 1)]; };

/** INI sections of `key = value` (or `key: value`) lines; indented lines continue a value. */
function iniData(text: string): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  let section: Record<string, string> | null = null;
  let key: string | null = null;
  for (const line of text.split('\n')) {
    if (/^\s*[#;]/.test(line) || line.trim() === '') continue;
    const head = /^\[([^\]]+)\]/.exec(line);
    if (head) { section = out[head[1]!.trim().toLowerCase()] ??= {}; key = null; continue; }
    if (/^\s/.test(line) && section && key !== null) { section[key] += `\n${line.trim()}`; continue; }
    const kv = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(line);
    if (kv && section) { key = kv[1]!.trim(); section[key] = kv[2]!.trim(); }
  }
  return out;
}

/** An options file's values of these options (`--require ./boot`, `-r=x`), quotes taken off. */
function optionValues(text: string, options: readonly string[]): string[] {
  const words = [...text.replace(/^\s*#.*$/gm, '').matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
  const out: string[] = [];
  words.forEach((w, i) => {
    for (const o of options) {
      if (w === o && words[i + 1] !== undefined) out.push(words[i + 1]!);
      else if (w.startsWith(`${o}=`)) out.push(w.slice(o.length + 1));
    }
  });
  return out;
}

/** The string literals a module's text gives a key (`globalSetup: './gs.ts'`, `setupFiles: ['./a.ts']`). */
function moduleKeyValues(text: string, key: string): string[] {
  if (!text.includes(key)) return [];
  const out: string[] = [];
  const re = new RegExp(`["']?\\b${key}["']?\\s*:\\s*(\\[[^\\]]*\\]|'[^']*'|"[^"]*"|\`[^\`$]*\`)`, 'g');
  for (const m of text.matchAll(re)) for (const l of m[1]!.matchAll(/'([^']*)'|"([^"]*)"|`([^`$]*)`/g)) out.push(l[1] ?? l[2] ?? l[3]!);
  return out;
}
