// The member names an archive on disk holds (tar: ustar, pax and GNU headers, gzip-compressed too; zip: its
// central directory), for an
// extractor whose write spec says where its archive is (grammars/writes.ts `archive`): the directories
// those members land in are written by it (expand/extracted.ts), so an archive whose members are under
// .claude/ or .git/hooks/ is judged as extracting there. Only headers are read, each bounded; anything
// else (another format, a computed or unreadable name, a limit reached) is null: not known here.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { optionIs, type Scan } from '../getopt.js';
import type { WriteSpec } from '../grammars/writes.js';
import { abs } from './written-paths.js';
import type { ScriptFiles } from '../files.js';

const BLOCK = 512;
/** Headers read before giving up (an archive of more members is not listed here). */
const MAX_MEMBERS = 10000;
/** A compressed archive is read whole, up to this size, and unpacked up to MAX_UNPACKED. */
const MAX_COMPRESSED = 16 << 20;
const MAX_UNPACKED = 64 << 20;

type ReadAt = (offset: number, length: number) => Buffer;

/** The members of the archive `spec` says the scan reads, as named inside it; null when they cannot be read. */
export function archiveMembers(spec: WriteSpec, scan: Scan, cwd: string | null, stdinFile?: string | null, files?: ScriptFiles): string[] | null {
  const where = spec.archive;
  if (!where) return null;
  const given = scan.options.filter((o) => optionIs(o, where.options ?? [])).pop()?.value;
  const named = given !== undefined ? given : where.operand !== undefined ? scan.operands[where.operand]?.value : undefined;
  // Without a name (or `-`), the archive is stdin: the file a `<` redirection gives it.
  const name = named === '-' || (named === undefined && where.stdin) ? stdinFile : named;
  if (typeof name !== 'string' || name === '-' || /^[^/]*:/.test(name)) return null;
  const path = abs(name, cwd);
  if (path === null) return null;
  // Through the scope's files first, so a decision kept for later sees the archive change. (One written or
  // maybe replaced earlier in the text is still read as it is now: its directories are only added to.)
  if (files?.read(path).kind === 'missing') return null;
  let fd: number;
  try { fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK); } catch { return null; }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return null;
    // The same archive unchanged is read once (a command is judged more than once: its writes, what it leaves).
    const key = `${path}\0${st.ino}\0${st.size}\0${st.mtimeMs}`;
    if (READ.has(key)) return READ.get(key)!;
    const got = membersOf(fd, st.size);
    if (READ.size >= 32) READ.delete(READ.keys().next().value!);
    READ.set(key, got);
    return got;
  } catch { return null; } finally { closeSync(fd); }
}

/** Archives read before, by path and version. */
const READ = new Map<string, string[] | null>();

/** What the open archive holds: a gzip-compressed or plain tar stream, or a zip. */
function membersOf(fd: number, size: number): string[] | null {
  try {
    const readAt: ReadAt = (offset, length) => { const b = Buffer.alloc(length); const n = readSync(fd, b, 0, length, offset); return b.subarray(0, n); };
    const head = readAt(0, 2);
    if (head[0] === 0x1f && head[1] === 0x8b) {
      if (size > MAX_COMPRESSED) return null;
      const { gunzipSync } = createRequire(import.meta.url)('node:zlib') as typeof import('node:zlib');
      const body = gunzipSync(readAt(0, size), { maxOutputLength: MAX_UNPACKED });
      return tarMembers((offset, length) => body.subarray(offset, offset + length));
    }
    if (head[0] === 0x50 && head[1] === 0x4b) return zipMembers(readAt, size);
    return tarMembers(readAt);
  } catch { return null; }
}

/** The names of a tar stream's members, header by header; null when it is not a tar archive or runs past the limits. */
function tarMembers(readAt: ReadAt): string[] | null {
  const out: string[] = [];
  let longName: string | undefined;
  let paxPath: string | undefined;
  for (let offset = 0, n = 0; n < MAX_MEMBERS; n++) {
    const h = readAt(offset, BLOCK);
    if (h.length < BLOCK || h.every((b) => b === 0)) return out;
    if (!checksumHolds(h)) return null;
    const size = sizeOf(h);
    if (size === null) return null;
    const type = String.fromCharCode(h[156]!);
    const data = (): string => readAt(offset + BLOCK, Math.min(size, 1 << 16)).toString('utf8');
    if (type === 'L') longName = data().replace(/\0.*$/s, '');
    else if (type === 'x') paxPath = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(data())?.[1] ?? paxPath;
    // A global header that renames is not followed.
    else if (type === 'g') { if (/(?:^|\n)\d+ path=/.test(data())) return null; }
    else if (type !== 'K') {
      const ustar = h.toString('latin1', 257, 263) === 'ustar\0';
      const prefix = ustar ? text(h, 345, 155) : '';
      out.push(paxPath ?? longName ?? (prefix !== '' ? `${prefix}/${text(h, 0, 100)}` : text(h, 0, 100)));
      longName = undefined; paxPath = undefined;
    }
    offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  }
  return null;
}

/** The names in a zip archive's central directory, found from its end record; null past the limits (zip64 among them). */
function zipMembers(readAt: ReadAt, size: number): string[] | null {
  const tailAt = Math.max(0, size - 22 - 0xffff);
  const tail = readAt(tailAt, size - tailAt);
  const end = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > tail.length) return null;
  const count = tail.readUInt16LE(end + 10);
  const cdSize = tail.readUInt32LE(end + 12);
  const cdAt = tail.readUInt32LE(end + 16);
  if (count === 0xffff || cdAt === 0xffffffff || count > MAX_MEMBERS || cdSize > MAX_COMPRESSED || cdAt + cdSize > size) return null;
  const cd = readAt(cdAt, cdSize);
  const out: string[] = [];
  for (let at = 0; out.length < count; ) {
    if (at + 46 > cd.length || cd.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLength = cd.readUInt16LE(at + 28);
    out.push(cd.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + cd.readUInt16LE(at + 30) + cd.readUInt16LE(at + 32);
  }
  return out;
}

const text = (h: Buffer, at: number, length: number): string => h.toString('utf8', at, at + length).replace(/\0.*$/s, '');

/** The header's checksum: its bytes summed with the checksum field read as spaces. */
function checksumHolds(h: Buffer): boolean {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : h[i]!;
  const stored = parseInt(h.toString('latin1', 148, 156).replace(/[\0 ]+$/g, '').trim(), 8);
  return stored === sum;
}

/** The member's size: octal digits, or GNU's base-256 form (the first byte's high bit set). */
function sizeOf(h: Buffer): number | null {
  if ((h[124]! & 0x80) !== 0) {
    let v = 0;
    for (let i = 125; i < 136; i++) v = v * 256 + h[i]!;
    return Number.isSafeInteger(v) ? v : null;
  }
  const digits = h.toString('latin1', 124, 136).replace(/[\0 ]+$/g, '').trim();
  if (digits === '') return 0;
  return /^[0-7]+$/.test(digits) ? parseInt(digits, 8) : null;
}
