// Recognizing a hook manager's file by its lines (grammars/hook-shims.ts) and saying what it
// stands for, as shell text the driver then reads like any other. A file with any line of its own
// is not recognized: it is read as the script it is.
import { dirname, join } from 'node:path';
import type { ScriptFiles } from '../files.js';
import { HOOK_SHIMS, type HookShim } from '../grammars/hook-shims.js';
import { quoteWord } from '../words.js';

export interface ShimContext {
  readonly files: ScriptFiles;
  /** The hook's name (`pre-commit`). */
  readonly hook: string;
  /** What the command line sets a shim's `binEnv` to: undefined when it does not, null when computed. */
  readonly env: (name: string) => string | null | undefined;
  readonly home: string | null;
  readonly xdg: string | null;
}

export type Shim =
  | { readonly kind: 'shim'; readonly tool: string; readonly text: string }
  | { readonly kind: 'dynamic'; readonly why: string };

/** A value as a shell word: bare when it needs no quotes (so the plain lexer takes the text), else quoted. */
export function shellWord(v: string): string {
  return /^[A-Za-z0-9_./-]+$/.test(v) ? v : quoteWord(v);
}

/** The lines that count: no `#!`, comments or blank lines, each trimmed. */
function meaningful(text: string): string[] {
  return text.split('\n').map((l) => l.trim()).filter((l, i) => l !== '' && !l.startsWith('#') && !(i === 0 && l.startsWith('#!')));
}

/** `runs` with its placeholders filled in; a line naming something unknown (no home directory) is dropped. */
function fill(runs: string, groups: readonly string[], dir: string, ctx: ShimContext): string {
  const values: Record<string, string | null> = { hook: ctx.hook, dir, home: ctx.home, xdg: ctx.xdg };
  return runs.split('\n').flatMap((line) => {
    let unknown = false;
    const out = line
      .replace(/\{(hook|dir|home|xdg)\}/g, (_m, k: string) => { const v = values[k]; if (v === null || v === undefined) unknown = true; return shellWord(v ?? ''); })
      .replace(/\$([1-9])/g, (_m, d: string) => shellWord(groups[Number(d) - 1] ?? ''));
    return unknown || out.trim() === '' ? [] : [out];
  }).join('\n');
}

/** Is `text` (the file at `path`) one of `tools`' files? What it stands for, or null. */
function recognize(text: string, path: string, ctx: ShimContext, tools: readonly HookShim[], depth: number): Shim | null {
  const lines = meaningful(text);
  for (const shim of tools) {
    const at = shim.rest ? (lines.length > 0 ? 0 : -1) : lines.findIndex((l) => shim.marker.test(l));
    const m = at < 0 ? null : shim.marker.exec(lines[at]!);
    if (!m) continue;
    const groups = m.slice(1).filter((g): g is string => g !== undefined);
    const parts: string[] = [];
    let own = false;
    if (!shim.rest) {
      for (let i = 0; i < lines.length && !own; i++) {
        if (i === at) continue;
        const line = shim.lines.find((l) => l.re.test(lines[i]!));
        if (!line) own = true;
        else if (line.runs) parts.push(fill(line.runs, line.re.exec(lines[i]!)!.slice(1), dirname(path), ctx));
      }
    }
    if (own) return null;
    const dir = dirname(path);
    for (const c of shim.companions ?? []) {
      const file = join(dir, c.path);
      const r = ctx.files.read(file);
      const inner = r.kind === 'text' && depth < 2 ? recognize(r.text, file, ctx, HOOK_SHIMS.filter((s) => s.tool === c.tool), depth + 1) : null;
      // (husky 9.0 leaves an empty husky.sh; a missing one makes the shell stop at `.`.)
      if (inner === null && !(r.kind === 'missing' || (r.kind === 'text' && r.text.trim() === ''))) return null;
      if (inner?.kind === 'dynamic') return inner;
      if (inner) parts.push(inner.text);
    }
    parts.push(fill(shim.runs, groups, dir, ctx));
    if (shim.binEnv) {
      const bin = ctx.env(shim.binEnv);
      if (bin === null) return { kind: 'dynamic', why: `${shim.binEnv} is computed at run time` };
      if (bin) parts.push(fill(shim.runs, groups, dir, ctx).replace(/^\S+/, shellWord(bin)));
    }
    if (shim.rest) parts.push(restAfter(text, lines[0]!));
    return { kind: 'shim', tool: shim.tool, text: parts.filter((p) => p.trim() !== '').join('\n') };
  }
  return null;
}

/** The text after the line that holds `marker` (the hook's own script, after husky's first lines). */
function restAfter(text: string, marker: string): string {
  const at = text.indexOf(marker);
  const nl = text.indexOf('\n', at);
  return nl < 0 ? '' : text.slice(nl + 1);
}

/** What a hook file stands for when a hook manager wrote it; null when it is a script of its own. */
export function hookShim(text: string, path: string, ctx: ShimContext): Shim | null {
  return recognize(text, path, ctx, HOOK_SHIMS.filter((s) => !s.companionOnly), 0);
}
