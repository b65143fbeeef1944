// The code a runner row's `codeOption` gives (grammars/types.ts `Run`): the options' values joined by
// newlines, read from stdin when a value is the row's `stdinValue` (`pwsh -Command -`), decoded when
// the row says the values are base64 (`pwsh -EncodedCommand`, UTF-16LE text); and the base64
// decoder the cloud scripts share.
import { createRequire } from 'node:module';
import { optionIs, type Scan } from '../getopt.js';
import type { Run } from '../grammars/types.js';

/** The code the row's options give; `stdin` when it is read from stdin; null when it cannot be read (computed, or not base64). */
export function optionCode(run: Run, scan: Scan): string | 'stdin' | null {
  const values = scan.options.filter((o) => optionIs(o, run.codeOption!)).map((o) => o.value);
  if (values.some((v) => v === null)) return null;
  const given = values.filter((v): v is string => v !== undefined);
  if (run.stdinValue !== undefined && given.includes(run.stdinValue)) return 'stdin';
  if (run.codeEncoded === undefined) return given.join('\n');
  const texts = given.map((v) => decoded(v, run.codeEncoded));
  return texts.some((t) => t === null) ? null : texts.join('\n');
}

/** A base64 text in this encoding, gunzipped when it is gzip; null when it is not base64 text. */
export function decoded(value: string, encoding: BufferEncoding = 'utf8'): string | null {
  if (!/^[A-Za-z0-9+/=\s]*$/.test(value)) return null;
  const bytes = Buffer.from(value, 'base64');
  if (encoding === 'utf16le' && bytes.length % 2 !== 0) return null;
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes.toString(encoding);
  // zlib loads only for gzip: a cold process that never meets one does not pay for the module.
  const { gunzipSync } = createRequire(import.meta.url)('node:zlib') as typeof import('node:zlib');
  try { return gunzipSync(bytes, { maxOutputLength: 1 << 20 }).toString(encoding); } catch { return null; }
}
