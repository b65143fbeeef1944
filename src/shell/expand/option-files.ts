// A program that reads options from a file before its command line (grammars/option-files.ts): where
// the text wrote that file earlier (or names it, `curl -K FILE`), the command is also read as the
// command line the file makes of it (`~/.curlrc` `unix-socket = /var/run/docker.sock` is `curl
// --unix-socket …`), and a file a project setting runs is judged as run (`yarn-path` by node). Option
// files already on disk are read as well: an agent's earlier command may have written them.
import { dirname, join, resolve } from 'node:path';
import { getopt, optionIs } from '../getopt.js';
import { OPTION_FILES, type OptionFile } from '../grammars/option-files.js';
import { homeDir } from '../invocations.js';
import { argOf, quoteWord, type Word } from '../words.js';
import type { Family, Scope } from './driver.js';

const LABEL = ' (with the options its file gives)';

const word = (value: string): Word => ({ value, tail: null, text: quoteWord(value), start: 0, end: 0 });

export const optionFilesFamily: Family = (scope, name, args) => {
  const spec = OPTION_FILES[name];
  if (!spec || !scope.local || scope.via.some((v) => v.endsWith(LABEL))) return false;
  for (const [path, text] of optionTexts(scope, spec, args)) {
    if (text === null) { scope.raise('unreadable-script', `\`${name}\` reads its options from ${path}, whose content cannot be known before it runs`); continue; }
    const lines = settings(text);
    // A path a setting names is taken from the file's own directory.
    if (spec.syntax === 'runs') {
      for (const [key, values] of lines) if (spec.keys!.includes(key)) for (const v of values) scope.sub([...spec.run!, resolve(dirname(path), v)].map(word), `${name}: ${key} in ${path}${LABEL}`);
      continue;
    }
    const words = lines.flatMap(([key, values]) => optionWords(spec, key, values));
    if (words.length > 0) scope.sub([scope.argv[0]!, ...words.map(word), ...args], `${name} reads ${path}${LABEL}`);
  }
  return false;
};

/** The option files it reads: its own ones the text wrote earlier, and those its options name; text null where not known. */
function optionTexts(scope: Scope, spec: OptionFile, args: readonly Word[]): [string, string | null][] {
  const scan = getopt(args.map(argOf), spec.grammar);
  const written = scope.run0.written;
  const out: [string, string | null][] = [];
  const skipped = spec.skip !== undefined && args[0]?.value !== null && spec.skip.includes(args[0]?.value ?? '');
  const home = homeDir();
  const moved = Object.entries(spec.env ?? {}).flatMap(([k, f]) => { const v = scope.env.get(k); return typeof v === 'string' && v !== '' ? [resolve(scope.cwd ?? '/', v, f)] : []; });
  const own = [...moved, ...(home === null ? [] : spec.home ?? []).map((f) => join(home!, f)), ...(scope.cwd === null ? [] : spec.project ?? []).map((f) => join(scope.cwd!, f))];
  for (const p of skipped ? [] : own) {
    if (written.has(p)) { out.push([p, written.get(p) ?? null]); continue; }
    // On disk, an option file is read too (an earlier command may have written `unix-socket = …docker.sock`
    // into ~/.curlrc); a project setting that runs a file (yarn-path) is the project's own release, not read.
    if (spec.syntax === 'runs') continue;
    const r = scope.files.read(p);
    if (r.kind === 'text') out.push([p, r.text]);
    else if (r.kind === 'unreadable') out.push([p, null]);
  }
  for (const o of scan.options) {
    if (optionIs(o, spec.lineOptions ?? []) && o.value !== undefined) { out.push([`its ${o.name} value (a line of its option file)`, o.value]); continue; }
    if (!optionIs(o, spec.fileOptions ?? []) || o.value === undefined || o.value === null || o.value === '-') continue;
    const p = resolve(scope.cwd ?? '/', o.value.startsWith('~/') && home !== null ? join(home, o.value.slice(2)) : o.value);
    const r = scope.files.read(p);
    if (r.kind === 'text') out.push([p, r.text]);
    else if (r.kind === 'unreadable') out.push([p, null]);
  }
  return out;
}

/** The settings of a file of `name = value`, `name: value` or `name value` lines; a value's quoted strings are its values. */
function settings(text: string): [string, string[]][] {
  const out: [string, string[]][] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(-{0,2}[A-Za-z0-9][A-Za-z0-9_.-]*)\s*(?:[=:]\s*|\s+|$)(.*)$/.exec(line);
    if (!m || line.trim().startsWith('#')) continue;
    const raw = m[2]!.trim();
    const quoted = [...raw.matchAll(/"((?:\\.|[^"\\])*)"|'([^']*)'/g)].map((q) => q[1] !== undefined ? q[1].replace(/\\(.)/g, '$1') : q[2]!);
    out.push([m[1]!, quoted.length > 0 ? quoted : raw === '' ? [] : [raw]]);
  }
  return out;
}

/** The words of the command line one setting stands for. */
function optionWords(spec: OptionFile, key: string, values: readonly string[]): string[] {
  const longs = (spec.grammar.long ?? []).map((l) => /^[^=|]+/.exec(l)![0]);
  let name: string | undefined;
  if (spec.syntax === 'options') name = key.startsWith('-') ? key : `--${key}`;
  else {
    const flat = key.replace(/[-_]/g, '').toLowerCase();
    const long = spec.commandNames?.[flat] ?? longs.find((l) => l.replace(/-/g, '').toLowerCase() === flat);
    name = long === undefined ? undefined : `--${long}`;
    if (name !== undefined && values.length === 1 && /^(?:on|yes|1)$/i.test(values[0]!)) return [name];
    if (name !== undefined && values.length === 1 && /^(?:off|no|0)$/i.test(values[0]!)) return [];
  }
  return name === undefined ? [] : [name, ...values.slice(0, 1)];
}
