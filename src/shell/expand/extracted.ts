// What an archive program extracts, read from its write spec (grammars/writes.ts `into`, `members`):
// the members it names, each under the directory it extracts into, and the directories where it
// leaves files whose names the text does not show (no member named, a name computed at run time, a
// rename such as tar's `--transform`). A rename's replacement that starts with a directory
// (`s,^,.git/hooks/,`) puts every member under that directory, so that directory is written too.
import { basename, join } from 'node:path';
import { optionIs, type Scan } from '../getopt.js';
import type { WriteSpec } from '../grammars/writes.js';

export interface Extracted {
  /** The files it writes by name (null: a name computed at run time). */
  readonly files: (string | null)[];
  /** Directories it writes into, as paths relative to its directory or absolute (null: computed). */
  readonly dirs: (string | null)[];
  /** Of those, the ones where the names of what it leaves are not known. */
  readonly unnamed: (string | null)[];
}

/**
 * What `spec` extracts for this scan, paths as given (made absolute by the caller); null when it extracts nothing.
 * `listed`: the members its archive holds, read from it (expand/archive-members.ts), when no member is named.
 */
export function extracted(spec: WriteSpec, scan: Scan, listed: readonly string[] | null = null): Extracted | null {
  if (!spec.into) return null;
  const given = scan.options.filter((o) => optionIs(o, spec.into!));
  const m = spec.members;
  const last = scan.operands.length > (m?.from ?? 0) ? scan.operands.at(-1)!.value : null;
  const dest = spec.slashDest && last !== null && /[/\\]$/.test(last) ? last : undefined;
  const dirs = dest !== undefined ? [dest] : given.length === 0 ? ['.'] : given.map((o) => (typeof o.value === 'string' ? o.value : null));
  const names = m ? scan.operands.slice(m.from, dest === undefined ? undefined : -1).map((o) => o.value) : [];
  const strip = m?.strip === undefined ? 0 : stripCount(scan, m.strip);
  const renames = m?.renames ? scan.options.filter((o) => optionIs(o, m.renames!)).map((o) => (typeof o.value === 'string' ? o.value : null)) : [];
  const files: (string | null)[] = [];
  const unnamed: (string | null)[] = [];
  for (const dir of dirs) {
    if (dir === null) { files.push(null); unnamed.push(null); continue; }
    if (names.length === 0 || names.includes(null) || strip === null || renames.length > 0) unnamed.push(dir);
    for (const name of names) {
      const kept = name === null || strip === null ? null : name.split('/').filter((p) => p !== '').slice(strip).join('/');
      if (kept !== null && kept !== '') files.push(join(dir, m?.flat ? basename(kept) : kept));
    }
    for (const r of renames) unnamed.push(r === null ? null : renamedInto(dir, r));
    // The directories the archive's own members land in are written too (its members under .claude/: there).
    if (listed && names.length === 0 && strip !== null && renames.length === 0) {
      for (const d of memberDirs(listed, strip)) if (!unnamed.includes(join(dir, d))) unnamed.push(join(dir, d));
    }
  }
  return { files, dirs: [...dirs, ...unnamed.filter((d) => !dirs.includes(d))], unnamed };
}

/** The directories members land in (a directory member itself), after `strip` leading components. */
function memberDirs(members: readonly string[], strip: number): Set<string> {
  const out = new Set<string>();
  for (const m of members) {
    const parts = m.split('/').filter((p) => p !== '' && p !== '.').slice(strip);
    if (parts.length === 0) continue;
    out.add(m.endsWith('/') ? parts.join('/') : parts.slice(0, -1).join('/') || '.');
  }
  return out;
}

/** The components `--strip-components=N` drops (the last one given counts); null when computed. */
function stripCount(scan: Scan, option: string): number | null {
  const v = scan.options.filter((o) => optionIs(o, [option])).pop()?.value;
  if (v === undefined) return 0;
  return v !== null && /^\d+$/.test(v) ? Number(v) : null;
}

/**
 * The directory a sed-style rename (`s/RE/REPL/FLAGS`, several joined by `;`) puts names under: the
 * directory part of the literal text its replacements begin with, joined to `dir`.
 */
function renamedInto(dir: string, expr: string): string | null {
  let at = dir;
  for (const part of expr.split(';')) {
    const m = /^\s*s(.)((?:\\.|(?!\1).)*)\1((?:\\.|(?!\1).)*)\1[a-zA-Z]*\s*$/s.exec(part);
    if (!m) return part.trim() === '' ? at : null;
    const head = /^[^&\\]*/.exec(m[3]!)![0];
    const slash = head.lastIndexOf('/');
    if (slash >= 0) at = join(at, head.slice(0, slash));
  }
  return at;
}
