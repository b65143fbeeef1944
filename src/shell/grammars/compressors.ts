// Compressors and their decompressing names as writers (grammars/writes.ts has the format): each file
// operand is written under the derived name (gzip FILE writes FILE.gz, gunzip FILE.gz writes FILE).
import type { OptionGrammar } from '../getopt.js';
import type { WriteSpec } from './writes.js';

/**
 * Compressors and their decompressing names: gzip(1) "Each file is replaced by one with the extension
 * .gz"; zstd(1) keeps the source (`--rm` removes it) and writes `-o FILE`.
 */
const GZIP: OptionGrammar = { short: 'cdfhklLnNqrtvV123456789S:', long: ['stdout|c', 'to-stdout|c', 'decompress|d', 'uncompress|d', 'force|f', 'keep|k', 'list|l', 'name|n', 'no-name|N', 'quiet|q', 'recursive|r', 'suffix=|S', 'test|t', 'verbose|v', 'fast|1', 'best|9', 'rsyncable', 'synchronous', 'help|h', 'version|V'], permute: true, abbreviate: true };
const XZ: OptionGrammar = { short: 'zdtlkfcqvhHV0123456789eF:C:T:M:S:', long: ['compress|z', 'decompress|d', 'uncompress|d', 'test|t', 'list|l', 'keep|k', 'force|f', 'stdout|c', 'to-stdout|c', 'suffix=|S', 'format=|F', 'check=|C', 'threads=|T', 'memlimit=|M', 'files=?', 'files0=?', 'quiet|q', 'verbose|v', 'help|h', 'version|V'], permute: true, abbreviate: true };
const BZIP2: OptionGrammar = { short: 'dzkfctqvsL123456789V', long: ['decompress|d', 'compress|z', 'keep|k', 'force|f', 'stdout|c', 'test|t', 'quiet|q', 'verbose|v', 'small|s', 'fast|1', 'best|9', 'help', 'version|V'], permute: true, abbreviate: true };
const ZSTD: OptionGrammar = { short: 'dzDcfklqrtvVhHo:T:M:B:0123456789', long: ['decompress|d', 'uncompress|d', 'compress|z', 'stdout|c', 'force|f', 'keep|k', 'list|l', 'quiet|q', 'test|t', 'verbose|v', 'output=|o', 'rm', 'ultra', 'long=?', 'fast=?', 'threads=|T', 'memory=?', 'format=', 'output-dir-flat=', 'output-dir-mirror=', 'filelist=', 'no-progress', 'help|h', 'version|V'], permute: true };
const COMPRESSED = (suffix: string, grammar: OptionGrammar, always: boolean, keeps = false): WriteSpec => ({
  options: grammar, operands: keeps ? 'none' : 'all', unless: ['-c', '-l', '-t'],
  derived: always ? { strip: new RegExp(`\\.(?:${suffix})$`) } : { strip: new RegExp(`\\.(?:${suffix})$`), add: `.${suffix.split('|')[0]}`, decompress: ['-d'] },
  ...(keeps ? { files: ['-o', '--output-dir-flat', '--output-dir-mirror'] } : {}),
});

export const COMPRESSORS: Readonly<Record<string, WriteSpec>> = {
  gzip: COMPRESSED('gz|z|tgz', GZIP, false), gunzip: COMPRESSED('gz|z|tgz', GZIP, true),
  xz: COMPRESSED('xz|lzma|txz', XZ, false), unxz: COMPRESSED('xz|lzma|txz', XZ, true),
  bzip2: COMPRESSED('bz2|tbz2|tbz', BZIP2, false), bunzip2: COMPRESSED('bz2|tbz2|tbz', BZIP2, true),
  zstd: COMPRESSED('zst|tzst', ZSTD, false, true), unzstd: COMPRESSED('zst|tzst', ZSTD, true, true),
  // More compressors with gzip's -d/-c and naming (pigz(1), lzip(1), lzop(1), brotli(1): NAME.EXT ⇄ NAME; lzop and brotli keep the source).
  pigz: COMPRESSED('gz|zz|z', GZIP, false), unpigz: COMPRESSED('gz|zz|z', GZIP, true),
  lzip: COMPRESSED('lz|tlz', XZ, false), plzip: COMPRESSED('lz|tlz', XZ, false),
  lzop: COMPRESSED('lzo|tzo', { ...GZIP, long: [...GZIP.long!, 'output=|o'], short: `${GZIP.short}o:` }, false, true),
  brotli: COMPRESSED('br', { short: 'cdfjkno:s:S:vwZ0123456789', long: ['stdout|c', 'decompress|d', 'force|f', 'rm|j', 'keep|k', 'no-copy-stat|n', 'output=|o', 'suffix=|S', 'test|t', 'verbose|v', 'best|Z', 'large_window=', 'quality=|q', 'lgwin=|w'], permute: true }, false, true),
};
