// Build tools whose project files run commands (grammars/project-builds.ts): a command line of a
// managed program written anywhere in those files (`execute_process(COMMAND docker compose up -d)`,
// `<Exec Command="docker …"/>`, a genrule's `cmd`) is judged as run, from the managed name to the end
// of its quoted or bracketed part. What the files run through a script or a computed name is not
// followed (docs/design.md, known limits).
import { basename, dirname, resolve } from 'node:path';
import { getopt, valueOf, type OptionGrammar } from '../getopt.js';
import { PROJECT_BUILDS } from '../grammars/project-builds.js';
import { argOf, type Word } from '../words.js';
import type { Scope } from './driver.js';
import { MAX_DIRS, MAX_FILES, walk } from './tests.js';

export const PROJECT_BUILD_PROGRAMS: readonly string[] = Object.keys(PROJECT_BUILDS);

/** Directories no build tool reads its project files from: dependencies, VCS data, caches. */
const SKIP = /^(?:node_modules|\..*|target|bazel-.*|_build|deps)$/;

const nameTest = (pattern: string): RegExp => new RegExp(`^${pattern.replace(/[.+^$()|\\[\]{}?]/g, '\\$&').replace(/\*/g, '.*')}$`);

export function projectBuildsFamily(scope: Scope, name: string, args: readonly Word[]): boolean {
  const spec = PROJECT_BUILDS[name];
  if (!spec || !scope.local) return false;
  const first = args.find((a) => a.value === null || !a.value.startsWith('-'));
  const lead = args[0]?.value;
  if (lead !== undefined && lead !== null && (spec.inert ?? []).includes(lead)) return false;
  if (args.some((a) => a.value !== null && (spec.scriptOptions ?? []).some((o) => a.value!.startsWith(o)))) return false;
  if (spec.subcommands && (first?.value === undefined || first.value === null || !spec.subcommands.includes(first.value))) return false;
  const grammar: OptionGrammar = { short: (spec.dirOptions ?? []).map((o) => `${o.slice(1)}:`).join(''), permute: true };
  const dirValue = spec.dirOptions ? valueOf(getopt(args.map(argOf), grammar), spec.dirOptions[0]!) : undefined;
  if (dirValue === null || scope.cwd === null) { scope.raise('unreadable-script', `cannot tell which source tree \`${name}\` reads`); return false; }
  const wanted = spec.files.map(nameTest);
  const want = (n: string): boolean => wanted.some((re) => re.test(n));
  const named = dirValue === undefined ? scope.cwd : resolve(scope.cwd, dirValue);
  const root = want(basename(named)) ? dirname(named) : named;
  // Without a project file at its top the tool stops with an error, running nothing of the tree.
  const top = scope.files.list?.(root) ?? [];
  if (!top.some(want)) return false;
  const files = spec.tree ? walk(scope, [root], { want, skip: SKIP }) : top.filter(want).map((n) => resolve(root, n));
  if (files === undefined) { scope.raise('unreadable-script', `\`${name}\` reads more than ${MAX_FILES} project files or ${MAX_DIRS} directories; past them they are not read`); return false; }
  for (const f of files) commandsIn(scope, f, `${name} runs what ${f} names`);
  return false;
}

/** Each managed command line written in the file, judged as run. */
function commandsIn(scope: Scope, path: string, label: string): void {
  const read = scope.files.read(path);
  if (read.kind === 'missing' || read.kind === 'binary') return;
  if (read.kind === 'unreadable') { scope.raise('unreadable-script', `${label}: ${read.why}`); return; }
  const starts = scope.run0.options.startsCommand;
  const mentions = scope.run0.options.mentions;
  if (!starts || !mentions(read.text)) return;
  for (const line of read.text.split('\n')) {
    if (!mentions(line)) continue;
    for (const m of line.matchAll(/(?:^|[^\w.-])(?=[\w./-])/g)) {
      // The command ends where its string, tag or bracket does.
      const command = line.slice(m.index + m[0].length).split(/["'`<>)\]}]/)[0]!.trim();
      if (command === '' || !starts(command)) continue;
      scope.nested(command, label, { spliceable: false });
      break;
    }
  }
}
