// What one command writes, for its invocation: the files (written-paths.ts, a patch's targets, each
// also through a link the text made) and the directories it removes or replaces as a whole. Paths
// spelled by a variable the text set, or by a glob, are taken as written (known-vars.ts). A write
// into a file judged by its content that does not say what it puts there is judged here too
// (judged-writes.ts).
import type { Redirect } from '../invocations.js';
import type { ProgramFacts } from '../invocation.js';
import type { Word } from '../words.js';
import type { Scope } from './driver.js';
import { asComputedTail, asGlob, filledEnv, withKnownVars } from './known-vars.js';
import { TRACE_VARS } from './git-writes.js';
import { patchWrites } from './patch-writes.js';
import { pipedArchiveWrites } from './piped-archives.js';
import { movesGuardPackage } from './package-omit.js';
import { WRITES } from '../grammars/writes.js';
import { replacedPaths, type WholeWrite } from './replaced-paths.js';
import { throughLinks } from './writes.js';
import { redirectWrites, writtenPaths } from './written-paths.js';
import { judgeUnfollowedWrites } from './judged-writes.js';
import { noteUnknownContent } from './unknown-content.js';

export function commandWrites(scope: Scope, program: string, words: readonly Word[], redirects: readonly Redirect[],
  facts: ProgramFacts | undefined, extra: readonly (string | null)[]): { writes: (string | null)[]; replaces: WholeWrite[] } {
  if (scope.target.kind !== 'local') return { writes: [], replaces: [] };
  const known = (w: Word): Word => asComputedTail(asGlob(withKnownVars(scope, w)));
  const pathWords = words.map(known);
  const pathRedirects = redirects.map((r) => (r.target === null ? r : { ...r, target: known(r.target) }));
  const stdinFile = pathRedirects.filter((r) => r.op === '<' && (r.fd === null || r.fd === 0)).pop()?.target?.value;
  const env = facts?.kind === 'git' ? filledEnv(scope, TRACE_VARS) : scope.env;
  const own = writtenPaths(program, pathWords, [], scope.cwd, facts, { env, via: scope.via, files: scope.files, ...(stdinFile !== undefined ? { stdinFile } : {}) });
  const replaces = replacedPaths(program, pathWords, scope.cwd, (p) => (scope.run0.files.list?.(p) ?? null) !== null);
  if (WRITES[program]?.whole === 'move') movesGuardPackage(scope, replaces.filter((r) => r.how === 'remove').map((r) => r.path));
  const links = scope.run0.links;
  // An archive's member may be a directory: what it puts there replaces it as a whole (`cp -r`'s way).
  const piped = pipedArchiveWrites(scope, program, pathWords);
  for (const path of piped) if (path !== null) replaces.push({ path, how: 'replace' });
  const writes = throughLinks(links, [...own, ...extra, ...patchWrites(scope, program, words, facts), ...piped]);
  // Redirections are followed with what they write (writes.ts); the program's own writes may not be.
  judgeUnfollowedWrites(scope, program, words, writes);
  noteUnknownContent(scope, program, pathWords, facts, own);
  return { writes: [...throughLinks(links, redirectWrites(pathRedirects, scope.cwd)), ...writes], replaces };
}
