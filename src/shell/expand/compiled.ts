// Programs built from source written earlier in the same text (`printf … > x.c && cc -o x x.c &&
// ./x`): what they run is in the source, not in text the shell reads, so the program built is a file
// of unknown content (asked about when it runs). `java X.java` compiles and runs a source file in one
// step, and `java X` runs the class javac wrote. A source already on disk is project code, judged
// by name as before (docs/design.md: a compiled binary is not seen through).
import { basename, dirname, join, resolve } from 'node:path';
import { COMPILERS, JAVA_VALUED, type CompilerSpec } from '../grammars/writes.js';
import type { Word } from '../words.js';
import type { Scope } from './driver.js';

/** Operand values and the value of the output option, by a compiler's spec. */
function scan(values: readonly (string | null)[], spec: CompilerSpec): { operands: (string | null)[]; output: string | null | undefined } {
  const operands: (string | null)[] = [];
  let output: string | null | undefined;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v === spec.output) { output = values[++i] ?? null; continue; }
    if (v !== null && v.startsWith(spec.output) && spec.output.length === 2) { output = v.slice(2); continue; }
    if (v !== null && spec.valued.includes(v)) { i++; continue; }
    if (v === null || !v.startsWith('-')) operands.push(v);
  }
  return { operands, output };
}

/** What a compiler run writes from a source the text wrote: `[path, null]` for each program built. */
export function compiledOutputs(scope: Scope, name: string, args: readonly Word[]): string[] {
  const spec = COMPILERS[name];
  if (!spec || scope.cwd === null) return [];
  let values = args.map((w) => w.value);
  if (spec.sub !== undefined) { if (values[0] !== spec.sub) return []; values = values.slice(1); }
  const { operands, output } = scan(values, spec);
  const sources = operands.filter((v): v is string => v !== null && spec.sources.test(v)).map((v) => resolve(scope.cwd!, v));
  if (!sources.some((p) => scope.run0.written.has(p))) return [];
  if (output === null) return [];
  const stem = (p: string): string => basename(p).replace(/\.[^.]+$/, '');
  if (spec.default === 'class') return sources.map((p) => join(output === undefined ? dirname(p) : resolve(scope.cwd!, output), `${stem(p)}.class`));
  if (output !== undefined) return [resolve(scope.cwd, output)];
  return [resolve(scope.cwd, spec.default === 'a.out' ? 'a.out' : stem(sources[0]!))];
}

/** `java X.java` or `java X` (a class javac wrote): Java written in this text runs. */
export function javaFamily(scope: Scope, name: string, args: readonly Word[]): boolean {
  if (name !== 'java' || !scope.local || scope.cwd === null) return false;
  const values = args.map((w) => w.value);
  let target: string | null | undefined;
  for (let i = 0; i < values.length && target === undefined; i++) {
    const v = values[i]!;
    if (v !== null && JAVA_VALUED.includes(v)) i++;
    else if (v === '-jar') target = null;
    else if (v === null || !v.startsWith('-')) target = v;
  }
  if (typeof target !== 'string') return false;
  const file = resolve(scope.cwd, target.endsWith('.java') ? target : `${target.replace(/\./g, '/')}.class`);
  if (!scope.run0.written.has(file)) return false;
  scope.raise('unreadable-script', `\`java ${target}\` runs Java written earlier in this command, which gitops-guard does not read`);
  scope.emit(scope.argv, name);
  return true;
}
