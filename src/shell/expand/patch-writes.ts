// The files a patch program writes, from the patch it reads (`apply_patch <<EOF`, Codex's shell form
// of its patch tool; `git apply`; `patch`): the target paths in the patch text (src/patch-paths.ts),
// for the policy's guarded-file check. A patch that cannot be read writes files not known (null).
import { isAbsolute, resolve } from 'node:path';
import { applyHunks, diffHunks, patchAdditions, patchTargets } from '../../patch-paths.js';
import { getopt, optionIs } from '../getopt.js';
import type { ProgramFacts } from '../invocation.js';
import { argOf, type Word } from '../words.js';
import type { Scope } from './driver.js';
import { stdinText } from './output.js';

const GIT_APPLY = { short: 'p:C:vqR3', long: ['stat', 'numstat', 'summary', 'check', 'index', 'cached', 'intent-to-add|N', '3way|3', 'build-fake-ancestor=', 'reverse|R', 'reject', 'unidiff-zero', 'apply', 'no-add', 'allow-binary-replacement', 'binary', 'exclude=', 'include=', 'ignore-space-change', 'ignore-whitespace', 'whitespace=', 'inaccurate-eof', 'verbose|v', 'quiet|q', 'recount', 'directory=', 'unsafe-paths', 'allow-empty'], permute: true };
const PATCH = { short: 'bcefgElnNRsStuvZp:i:o:r:B:d:D:F:V:Y:z:', long: ['input=|i', 'output=|o', 'directory=|d', 'reject-file=|r', 'strip=|p', 'dry-run'], permute: true };

/** The paths this command's patch writes (absolute; null for a patch that cannot be read). */
export function patchWrites(scope: Scope, program: string, words: readonly Word[], facts: ProgramFacts | undefined): (string | null)[] {
  const texts = patchTexts(scope, program, words, facts);
  if (texts === undefined) return [];
  const base = patchDir(scope, program, words);
  const out: (string | null)[] = [];
  for (const t of texts) {
    if (t === null) { out.push(null); continue; }
    for (const p of patchTargets(t)) out.push(isAbsolute(p) ? resolve(p) : base === null ? null : resolve(base, p));
  }
  return out;
}

/** What a patch leaves in a file: its whole text where the patch applies to a file known here, else the lines it adds. */
export interface PatchEdit { readonly text: string | null; readonly added: string[] }

/**
 * What this command's patch does to each file it changes (absolute paths): a diff's path is taken
 * with and without its first component (`-p1` or not), the ones there (or written earlier) when any
 * is, else both. Empty when it is no patch program or its text cannot be read.
 */
export function patchEdits(scope: Scope, program: string, words: readonly Word[], facts: ProgramFacts | undefined): Map<string, PatchEdit> {
  const out = new Map<string, PatchEdit>();
  const base = patchDir(scope, program, words);
  if (base === null) return out;
  const add = (f: string, e: PatchEdit): void => { const b = out.get(f); out.set(f, b ? { text: null, added: [...b.added, ...e.added] } : e); };
  for (const t of patchTexts(scope, program, words, facts) ?? []) {
    if (t === null) continue;
    for (const [p, lines] of patchAdditions(t)) add(resolve(base, p), { text: null, added: lines });
    for (const [p, hunks] of diffHunks(t)) {
      const slash = p.indexOf('/');
      const forms = [p, ...(slash > 0 ? [p.slice(slash + 1)] : [])].map((f) => resolve(base, f));
      const reads = forms.map((f) => scope.files.read(f));
      const there = forms.filter((_, i) => reads[i]!.kind !== 'missing');
      const added = hunks.flatMap((h) => h.new.filter((l) => !h.old.includes(l)));
      for (const f of there.length > 0 ? there : forms) {
        const r = reads[forms.indexOf(f)]!;
        add(f, { text: r.kind === 'text' && there.length === 1 ? applyHunks(r.text, hunks) : null, added });
      }
    }
  }
  return out;
}

/** Where the patch's paths are taken from: `patch -d DIR` changes into DIR first (null: not known). */
function patchDir(scope: Scope, program: string, words: readonly Word[]): string | null {
  if (program !== 'patch' || scope.cwd === null) return scope.cwd;
  const dir = getopt(words.slice(1).map(argOf), PATCH).options.filter((o) => optionIs(o, ['-d'])).pop();
  return dir === undefined ? scope.cwd : dir.value === null || dir.value === undefined ? null : resolve(scope.cwd, dir.value);
}

/**
 * The lines `apply_patch`'s envelope adds to each file it adds or updates (absolute paths), when its
 * text is known; null otherwise (another patch program, or a patch that cannot be read).
 */
export function envelopeAdditions(scope: Scope, program: string, words: readonly Word[]): Map<string, string[]> | null {
  if (program !== 'apply_patch' || scope.cwd === null) return null;
  const text = patchTexts(scope, program, words, undefined)?.[0];
  if (text === null || text === undefined) return null;
  const out = new Map<string, string[]>();
  for (const [p, lines] of patchAdditions(text)) out.set(resolve(scope.cwd, p), [...out.get(resolve(scope.cwd, p)) ?? [], ...lines]);
  return out;
}

/** The patch texts it reads: undefined when it is not a patch program (or only checks), null for one that cannot be read. */
function patchTexts(scope: Scope, program: string, words: readonly Word[], facts: ProgramFacts | undefined): (string | null)[] | undefined {
  const stdin = (): string | null => { const s = stdinText(scope, scope.stdin, program); return s.kind === 'text' ? s.text : null; };
  const file = (p: string | null): string | null => {
    if (p === null) return null;
    if (p === '-') return stdin();
    const r = scope.files.read(isAbsolute(p) ? p : resolve(scope.cwd ?? scope.run0.options.cwd, p));
    return r.kind === 'text' ? r.text : r.kind === 'missing' ? '' : null;
  };
  if (program === 'apply_patch') {
    const first = words[1]?.value;
    return [first === undefined ? stdin() : first];
  }
  if (facts?.kind === 'git' && facts.git.sub === 'apply') {
    const scan = getopt(facts.git.args, GIT_APPLY);
    if (scan.options.some((o) => optionIs(o, ['--stat', '--numstat', '--summary', '--check', '--cached'])) && !scan.options.some((o) => optionIs(o, ['--apply']))) return undefined;
    return scan.operands.length === 0 ? [stdin()] : scan.operands.map((o) => file(o.value));
  }
  if (program === 'patch') {
    const scan = getopt(words.slice(1).map(argOf), PATCH);
    if (scan.options.some((o) => optionIs(o, ['--dry-run']))) return undefined;
    const input = scan.options.find((o) => optionIs(o, ['-i']));
    return [input !== undefined ? file(input.value ?? null) : scan.operands.length >= 2 ? file(scan.operands[1]!.value) : stdin()];
  }
  return undefined;
}
