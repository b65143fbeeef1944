// Runner rows whose payload is another program's command line (grammars/types.ts `Run`): `program`
// (`byobu …` is `tmux …`), `programOption` (`start-stop-daemon --exec PATH -- ARGS`), and
// `sshSession` (`et HOST -c CMD`, judged as `ssh HOST CMD`).
import { join, resolve } from 'node:path';
import { optionIs, valueOf } from '../getopt.js';
import type { Word } from '../words.js';
import type { Row } from './payloads.js';
import type { Run } from '../grammars/types.js';
import { runScriptFile } from './scripts.js';
import { scanCodeFile } from './interpreters.js';

const word = (v: string | null): Word => ({ value: v, tail: v, text: v ?? '$computed', start: 0, end: 0 });

/**
 * Go on with these words as the command, in the directory the row's `chdirOption` names when one is
 * given (`env -C DIR CMD`: CMD is looked up and reads its files there; unknown when computed).
 */
export function continueIn(r: Row, words: readonly Word[], label = r.label): void {
  const dir = movedTo(r);
  if (dir === undefined) r.scope.continueWith(words, label);
  else r.scope.sub(words, label, dir);
}

/** The directory the row's `chdirOption` moves the command to: undefined without one, null when it cannot be told. */
export function movedTo(r: Row): string | null | undefined {
  const { scope, run, scan } = r;
  const o = run.chdirOption ? scan.options.filter((x) => optionIs(x, run.chdirOption!)).at(-1) : undefined;
  if (o === undefined) return undefined;
  return typeof o.value === 'string' && scope.cwd !== null ? resolve(scope.cwd, o.value) : null;
}

/** `program` alone: every word after the subcommand is that program's. */
export function wholeLine(r: Row): boolean {
  const { scope, run, words, base, label } = r;
  scope.continueWith([word(run.program!), ...words.slice(base)], label);
  return true;
}

/** `programOption` with `argv`: the option's value is the program, the operands from `argv` its arguments. */
export function programOption(r: Row): boolean {
  const { scope, run, scan, words, base, label } = r;
  const given = run.programOption!.map((n) => valueOf(scan, n)).find((v) => v !== undefined);
  if (given === undefined) { scope.emit(scope.argv, r.name, { scan }); return true; }
  if (given === null) { scope.raise('dynamic-command', `\`${label}\` runs a program named at run time`); return true; }
  const args = scan.operands.slice(run.argv ?? 0).map((o) => words[base + o.index]!);
  continueIn(r, [{ ...word(given), text: given }, ...args]);
  return true;
}

/** `sshSession`: the host, the command and the options that stand for ssh's, as the ssh command line they amount to. */
export function sshSession(r: Row): boolean {
  const { scope, run, scan, label } = r;
  const spec = run.sshSession!;
  const fromOption = spec.hostOption ? valueOf(scan, ...spec.hostOption) : undefined;
  const host = fromOption !== undefined ? fromOption : scan.operands[spec.host]?.value;
  if (host === undefined) { scope.emit(scope.argv, r.name, { scan }); return true; }
  const out: Word[] = [word('ssh')];
  for (const o of scan.options) {
    const to = Object.entries(spec.options ?? {}).find(([from]) => optionIs(o, [from]))?.[1];
    if (to !== undefined) out.push(word(to), ...(o.value !== undefined ? [word(o.value)] : []));
  }
  // `host:2022` names the program's own port, not ssh's (an IPv6 address has more than one colon).
  out.push(word(host !== null && host.split(':').length === 2 ? host.replace(/:\d*$/, '') : host));
  const command = valueOf(scan, ...spec.command);
  if (command !== undefined) out.push(word(command));
  scope.continueWith(out, label);
  return true;
}

/** `scriptUp`: the nearest such file from the directory named (or the working directory) up runs as a shell script. */
export function scriptUp(r: Row): boolean {
  const { scope, run, scan, label } = r;
  const spec = run.scriptUp!;
  const named = spec.dir === undefined ? '.' : scan.operands[spec.dir]?.value;
  if (named === undefined) return true;
  if (!scope.local) { scope.emit(scope.argv, r.name, { scan }); return true; }
  if (named === null || scope.cwd === null) { scope.raise('unreadable-script', `cannot tell which ${spec.file} \`${label}\` runs`); return true; }
  const found = spec.here ? hereFile(r, resolve(scope.cwd, named, spec.file)) : scope.files.findUp(resolve(scope.cwd, named), spec.file);
  if (found === null) return true;
  if (found.kind === 'unreadable') { scope.raise('unreadable-script', `${found.path}: ${found.why}`); return true; }
  if (run.code) scanCodeFile(scope, run.code, found.path, `${label} ${found.path}`);
  else runScriptFile(scope, { ...word(found.path), text: found.path }, `${label} ${found.path}`, 'shell');
  return true;
}

/** `scriptNames`: each payload's script names (its first word, split at commas) as that npm command line, quoted. */
export function asScripts(run: Run, texts: readonly string[]): string[] {
  if (run.scriptNames === undefined) return [...texts];
  return texts.flatMap((t) => (t.trim().split(/\s+/)[0] ?? '').split(',').filter(Boolean).map((n) => `${run.scriptNames} '${n.replace(/'/g, '')}'`));
}

/** `scriptUp` with `here`: the file in that directory only (autoconf's configure.ac), as findUp reports it. */
function hereFile(r: Row, path: string): ReturnType<Row['scope']['files']['findUp']> {
  const read = r.scope.files.read(path);
  return read.kind === 'missing' ? null : read.kind === 'unreadable' ? { kind: 'unreadable', path, why: read.why }
    : read.kind === 'binary' ? { kind: 'unreadable', path, why: 'is a binary' } : { kind: 'text', path, text: read.text };
}

/** `programsIn`: the programs of those names in each directory (or after each prefix) the options or variables name, each judged as run. */
export function programsIn(r: Row): boolean {
  const { scope, run, scan, label } = r;
  const spec = run.programsIn!;
  if (!scope.local) return true;
  for (const o of scan.options.filter((x) => optionIs(x, spec.options))) if (o.value !== undefined) programsFrom(r, o.value, `${label} ${o.name}`);
  for (const v of spec.variables ?? []) {
    const value = scope.env.get(v);
    if (value === undefined) continue;
    for (const part of value === null ? [null] : value.split(':').filter((p) => p !== '')) programsFrom(r, part, `${v} (${label})`);
  }
  return true;
}

function programsFrom(r: Row, value: string | null, label: string): void {
  const { scope } = r;
  const spec = r.run.programsIn!;
  if (value === null || scope.cwd === null) { scope.raise('unreadable-script', `cannot tell which directory \`${label}\` takes the programs it runs from`); return; }
  const at = resolve(scope.cwd, value);
  if (spec.trusted.some((t) => at === t || at.startsWith(t.endsWith('/') ? t : `${t}/`))) return;
  // A directory's programs are inside it; any other value is a prefix of their names (gcc(1) -B).
  const dir = value.endsWith('/') || (scope.files.list?.(at) ?? null) !== null;
  for (const name of spec.names) {
    const path = dir ? join(at, name) : at + name;
    const read = scope.files.read(path);
    if (read.kind === 'missing') continue;
    if (read.kind === 'binary') { scope.raise('unreadable-script', `\`${label}\` runs ${path}, a compiled program that cannot be read`); continue; }
    runScriptFile(scope, { ...word(path), text: path }, `${label} (runs ${path})`, 'exec', path);
  }
}
