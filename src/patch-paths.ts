// The files a patch writes, read from its text: a Codex-style envelope (`*** Begin Patch` …, the
// apply_patch tool's and `apply_patch <<EOF`'s), and unified or git diffs (`git apply`, `patch`).
// Shared by the hooks' file-edit path (src/hooks/edits.ts) and the shell layer
// (src/shell/expand/patch-writes.ts), so neither imports the other.

/**
 * The paths in a Codex-style patch envelope (`*** Begin Patch` … `*** End Patch`): every
 * `*** Add File:`, `*** Update File:`, `*** Delete File:` and `*** Move to:` line.
 */
export function patchPaths(patch: string): string[] {
  const out: string[] = [];
  for (const line of patch.split(/\r?\n/)) {
    const m = /^\*\*\* (?:Add File|Update File|Delete File|Move to): (.+)$/.exec(line.trim());
    if (m) out.push(m[1]!.trim());
  }
  return out;
}

/**
 * The lines a Codex-style patch envelope adds to each file it adds or updates (`+` lines under its
 * `*** Add File:` / `*** Update File:` header), by the path as written.
 */
export function patchAdditions(patch: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let at: string[] | null = null;
  for (const line of patch.split(/\r?\n/)) {
    const header = /^\*\*\* (Add File|Update File|Delete File|Move to): (.+)$/.exec(line.trim());
    if (header) {
      at = header[1] === 'Add File' || header[1] === 'Update File' ? (out.get(header[2]!.trim()) ?? []) : null;
      if (at !== null) out.set(header[2]!.trim(), at);
      continue;
    }
    if (line.startsWith('*** ')) { at = null; continue; }
    if (at !== null && line.startsWith('+')) at.push(line.slice(1));
  }
  return out;
}

/**
 * The paths a unified or git diff names (`--- a/x`, `+++ b/x`, `diff --git a/x b/y`, `rename to`,
 * `copy to`), as written: the caller strips prefixes (`-p1`) as the applying program does.
 * `/dev/null` is left out.
 */
export function diffPaths(patch: string): string[] {
  const out = new Set<string>();
  const add = (p: string | undefined) => {
    const v = p?.replace(/\t.*$/, '').trim().replace(/^"(.*)"$/, '$1');
    if (v && v !== '/dev/null') out.add(v);
  };
  for (const line of patch.split(/\r?\n/)) {
    let m = /^(?:\+\+\+|---) (.+)$/.exec(line);
    if (m) { add(m[1]); continue; }
    m = /^diff --git (\S+) (\S+)$/.exec(line);
    if (m) { add(m[1]); add(m[2]); continue; }
    m = /^(?:rename|copy) (?:to|from) (.+)$/.exec(line);
    if (m) add(m[1]);
  }
  return [...out];
}

/** One hunk of a unified diff: the lines it replaces (context and `-`) and the lines it leaves (context and `+`). */
export interface Hunk { readonly old: string[]; readonly new: string[] }

/** The hunks of a unified or git diff, by the path of each file's `+++ PATH` header as written (the caller strips prefixes). */
export function diffHunks(patch: string): Map<string, Hunk[]> {
  const out = new Map<string, Hunk[]>();
  let file: Hunk[] | null = null;
  let hunk: Hunk | null = null;
  for (const line of patch.split(/\r?\n/)) {
    const header = /^\+\+\+ (.+)$/.exec(line);
    if (header) {
      const p = header[1]!.replace(/\t.*$/, '').trim().replace(/^"(.*)"$/, '$1');
      file = p === '/dev/null' ? null : out.get(p) ?? [];
      if (file !== null) out.set(p, file);
      hunk = null;
      continue;
    }
    if (/^(?:--- |diff )/.test(line)) { file = null; hunk = null; continue; }
    if (file === null) continue;
    if (line.startsWith('@@')) { hunk = { old: [], new: [] }; file.push(hunk); continue; }
    if (hunk === null) continue;
    if (line.startsWith('+')) hunk.new.push(line.slice(1));
    else if (line.startsWith('-')) hunk.old.push(line.slice(1));
    else if (line.startsWith(' ') || line === '') { hunk.old.push(line.slice(1)); hunk.new.push(line.slice(1)); }
  }
  return out;
}

/**
 * `text` with the hunks applied in order, each where its old lines next match exactly (no fuzz, no
 * offsets beyond a search forward); null when one does not match (what patch then does is not followed).
 */
export function applyHunks(text: string, hunks: readonly Hunk[]): string | null {
  const lines = text.split('\n');
  let from = 0;
  for (const h of hunks) {
    let at = -1;
    for (let i = from; i + h.old.length <= lines.length && at < 0; i++) if (h.old.every((l, k) => lines[i + k] === l)) at = i;
    if (at < 0) return null;
    lines.splice(at, h.old.length, ...h.new);
    from = at + h.new.length;
  }
  return lines.join('\n');
}

/** Every path a patch text may write, in either form, with and without its first component (`b/x` and `x`). */
export function patchTargets(text: string): string[] {
  const out = new Set(patchPaths(text));
  for (const p of diffPaths(text)) {
    out.add(p);
    const slash = p.indexOf('/');
    if (slash > 0) out.add(p.slice(slash + 1));
  }
  return [...out];
}
