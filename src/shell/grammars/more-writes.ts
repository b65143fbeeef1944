// More programs that write files (grammars/writes.ts has the format): uudecode (its begin line names the file), age -o, sdiff -o, rcs merge, perl rename, and extractors
// whose members only the archive shows (pax -r, cabextract). Spread into WRITES.
import type { WriteSpec } from './writes.js';

export const MORE_WRITES: Readonly<Record<string, WriteSpec>> = {
  // uudecode(1) writes the file its input's `begin MODE NAME` line names (or -o FILE): a name only the input shows.
  uudecode: { options: { short: 'o:ci', long: ['output-file=|o'], permute: true }, operands: 'none', files: ['-o'], unless: ['-o', '-c'], namedInside: /^begin(?:-base64)?[ \t]+[0-7]+[ \t]+(.+?)\s*$/gm },
  // sdiff(1) -o FILE writes the merge; rcs merge(1) writes its first operand (unless -p); rename(1) (perl's) moves what its expression renames.
  // age(1) -o FILE writes its output there.
  age: { options: { short: 'edpaR:i:r:o:', long: ['encrypt|e', 'decrypt|d', 'passphrase|p', 'armor|a', 'recipient=|r', 'recipients-file=|R', 'identity=|i', 'output=|o'], permute: true }, operands: 'none', files: ['-o'] },
  sdiff: { options: { short: 'abBdEHiIlstvWw:o:', long: ['output=|o', 'width=|w'], permute: true }, operands: 'none', files: ['-o'] },
  merge: { options: { short: 'AeEpqL:', permute: true }, operands: 'first', unless: ['-p'] },
  rename: { options: { short: 'vnfhmVe:E:', permute: true }, operands: 'from1', unless: ['-n'], whole: 'move', perlRename: true },
  'file-rename': { options: { short: 'vnfhmVe:E:', permute: true }, operands: 'from1', unless: ['-n'], whole: 'move', perlRename: true },
  'prename': { options: { short: 'vnfhmVe:E:', permute: true }, operands: 'from1', unless: ['-n'], whole: 'move', perlRename: true },
  // Archive extractors whose members only the archive shows (pax -r, cabextract): into the directory named.
  pax: { options: { short: 'rwadiklnPtuvXHLOf:s:x:o:p:b:', permute: true }, operands: 'none', when: ['-r'], unless: ['-w'], into: [], members: { from: 0, renames: ['-s'] }, archive: { options: ['-f'], stdin: true } },
  // unrar/rar x|e ARCHIVE [MEMBER…] [DEST/]: a last operand ending in a slash is the directory it extracts into (unrar(1) path_to_extract);
  // unar -o DIR ARCHIVE [MEMBER…].
  ...Object.fromEntries(['unrar', 'rar'].map((n) => [n, { options: { short: '', permute: true }, operands: 'none', subcommands: ['x', 'e'], into: [], slashDest: true, members: { from: 2 } } satisfies WriteSpec])),
  unar: { options: { short: 'o:fsrdDqk:e:p:t', long: ['output-directory=|o', 'force-overwrite|f', 'force-skip|s', 'force-rename|r', 'force-directory|d', 'no-directory|D', 'quiet|q', 'password=|p', 'encoding=|e', 'forks=|k', 'indexes|i', 'no-recursion|nr', 'copy-time|t'], permute: true }, operands: 'none', into: ['-o'], members: { from: 1 } },
  // flux pull artifact -o DIR extracts the artifact's files there (names only the artifact shows).
  flux: { options: { short: 'o:n:', long: ['output=|o', 'namespace=|n', 'context=', 'kubeconfig=', 'creds=', 'provider=', 'timeout=', 'verbose', 'insecure-registry'], permute: true }, operands: 'none', subcommands: ['pull'], into: ['--output'], members: { from: 99 } },
  cabextract: { options: { short: 'd:F:e:Lpqlt', long: ['directory=|d', 'filter=|F', 'encoding=|e', 'lowercase|L', 'pipe|p', 'quiet|q', 'list|l', 'test|t'], permute: true }, operands: 'none', unless: ['-l', '-t', '-p'], into: ['-d'], members: { from: 99 } },
};
