// Which operands of a command are files it writes, removes or changes (data; see
// expand/written-paths.ts). Used for the guard's own files: a person changes those.
import { MORE_WRITES } from './more-writes.js';
import { NODE_WRITES } from './node-writes.js';
import { COMPRESSORS } from './compressors.js';
import type { OptionGrammar } from '../getopt.js';
import { AWK, TAR } from './interpreters.js';
import { RCLONE, SCP } from './managed.js';
import { RCLONE_MOVES } from './rclone.js';
import { ARIA2C } from './package-runners.js';
import { READERS } from './readers.js';

export interface WriteSpec {
  readonly options?: OptionGrammar;
  /**
   * Which operands are written: all, all but the first (a mode or owner first), the last (a copy's
   * destination), the first (`crudini --set FILE …`), the second (`uniq IN OUT`, `xxd IN OUT`) or all
   * from the third (`sd FIND REPLACE FILES`).
   */
  readonly operands: 'all' | 'from1' | 'last' | 'first' | 'second' | 'from2' | 'none';
  /** Options whose value is a written path (`cp -t DIR`, `--target-directory`). */
  readonly pathOptions?: readonly string[];
  /**
   * Only when one of these options is given (`sed -i`); `-i=inplace` only when its value loads that
   * name (gawk's `-i inplace`, `-i /usr/share/awk/inplace.awk`; a computed value counts).
   */
  readonly when?: readonly string[];
  /** Not when one of these options is given (`sd -p` only previews). */
  readonly unless?: readonly string[];
  /** Only when the first operand is one of these subcommands (`dasel put`); it is then no file. */
  readonly subcommands?: readonly string[];
  /** Of those subcommands, the ones that write (move or change) every operand, not only `operands` (`rclone move SRC DST`). */
  readonly moves?: readonly string[];
  /**
   * Options whose value is a file it writes whatever `when` and the operands say (`sort -o`,
   * `rsync --log-file`, `strace -o`); with `when`, only beside one of those options (`tar -c -f FILE`);
   * with `subcommands`, only under one of those (`rclone tree -o FILE`, where `-o` is rc's `--opt` elsewhere).
   */
  readonly files?: readonly (string | { readonly option: string; readonly when?: readonly string[]; readonly subcommands?: readonly string[] })[];
  /** `key=value` operands whose value is a written path (`dd of=FILE`). */
  readonly keyValue?: string;
  /** Extracts into the directories these options name, else into the working directory (`tar -x -C DIR`). */
  readonly into?: readonly string[];
  /** A last operand (past the members' start) that ends in `/` is that directory instead (`unrar x A.rar MEMBER DEST/`). */
  readonly slashDest?: true;
  /** The archive it reads (the last of these options' values, else the operand at this index; `stdin`: else its stdin): its members say where it writes too. */
  readonly archive?: { readonly options?: readonly string[]; readonly operand?: number; readonly stdin?: true };
  /**
   * The operands from `from` on are the members it extracts, each written under that directory
   * (`tar -x -f A MEMBER`, `unzip A MEMBER`); `flat`: by its last component (`ar x A MEMBER`); `strip`:
   * the option dropping that many leading components (`--strip-components=N`); `renames`: options
   * that rewrite every name by a sed expression (`--transform`). Without members (or renamed), the
   * files it leaves there have names the text does not show (expand/extracted.ts).
   */
  readonly members?: { readonly from: number; readonly flat?: true; readonly strip?: string; readonly renames?: readonly string[] };
  /** Option values that name files inside them (curl 8.3's `-w '%output{FILE}'`, `%output{>>FILE}`): the pattern's first group. */
  readonly embedded?: { readonly options: readonly string[]; readonly pattern: RegExp };
  /** The operands are input files whose lines name the files it writes (uudecode's `begin MODE NAME`): the pattern's first group; stdin is unknown. */
  readonly namedInside?: RegExp;
  /** The first operand is a perl `s/FROM/TO/` expression each later operand's name is renamed by (perl rename(1)); another expression renames to a name unknown here. */
  readonly perlRename?: true;
  /** With no operand, the file a variable names, else a default (`history -w` writes $HISTFILE, ~/.bash_history). */
  readonly noOperand?: { readonly variable: string; readonly fallback: string };
  /** Without one of these options, the first operand is a script, not a file (`sed 's/a/b/' FILE`). */
  readonly scriptUnless?: readonly string[];
  /**
   * What it does to a directory operand as a whole (expand/replaced-paths.ts): removes it (`rm -r`),
   * moves its sources away and puts them at the destination (`mv`), or puts a link or a copy at the
   * destination (`ln`, `cp`), or into it when the destination is a directory.
   */
  readonly whole?: 'remove' | 'move' | 'link' | 'copy';
  /**
   * Its sources get another name (`ln`; `cp -l`, `cp -s`): a hard link writes the same file under
   * the new name, and a write through a symlink lands on its target, so linking a guarded file counts
   * as writing it. Empty: always; else only with one of these options.
   */
  readonly links?: readonly string[];
  /**
   * Each file operand is also written under a derived name (gzip FILE writes FILE.gz, gunzip FILE.gz
   * writes FILE): without `strip`'s suffix when decompressing (one of `decompress` given, or always
   * when there is no `add`), else with `add` appended.
   */
  readonly derived?: { readonly strip: RegExp; readonly add?: string; readonly decompress?: readonly string[] };
  /**
   * The operand at this index (after the input) is a prefix of the files written, `fallback` when
   * absent (`split FILE PREFIX` writes PREFIXaa, PREFIXab, …): written as the glob PREFIX*.
   */
  readonly prefixOperand?: { readonly index: number; readonly fallback: string };
  /** The value of one of these options is that prefix instead (`csplit -f PREFIX` writes PREFIX00, PREFIX01, …). */
  readonly prefixOption?: { readonly options: readonly string[]; readonly fallback: string };
  /**
   * The values of the `names` options are file names inside the directory the last `dir` option
   * names, the working directory without one (`aria2c -d DIR -o NAME`, `curl --output-dir DIR -o NAME`).
   */
  readonly joined?: { readonly dir: readonly string[]; readonly names: readonly string[] };
  /**
   * The file these options name lists downloads, each with indented `KEY=VALUE` lines of its own
   * options (aria2c's `-i FILE`): a `dir` key there is a directory it writes into, a `names` key a
   * file name in it. One that cannot be read (stdin, a computed name) writes where it says at run time.
   */
  readonly listFile?: { readonly options: readonly string[]; readonly dir: string; readonly names: readonly string[] };
  /**
   * It puts no text of its own into what it writes (removes it, makes it, empties it, changes its
   * mode or owner): a file judged by its content (src/content-judged.ts) stays what it was.
   */
  readonly keepsContent?: true;
  /**
   * The last operand is a directory each other operand (a path or glob) is copied under as written, less
   * the count of leading directories `up` gives, or by its name alone with `flat` (copyfiles -u N, -f).
   */
  readonly underLast?: { readonly up: readonly string[]; readonly flat: readonly string[] };
}

const VIM: OptionGrammar = { short: 'AbCdDeEhHlLmMnNoOpqrRsvVyZc:S:t:T:u:U:w:W:i:', long: ['cmd='], permute: true };
/** tar's modes that write the archive `-f` names. */
const TAR_FILES = ['--index-file', { option: '-f', when: ['-c', '-r', '-u', '-A', '--delete', '--catenate', '--concatenate'] }] as const;
/** tar's member operands, with GNU tar's options that change the names it extracts (bsdtar's `-s` is GNU's `--same-order`). */
const TAR_MEMBERS = { from: 0, strip: '--strip-components', renames: ['--transform', '--xform'] } as const;
/** HTTPie's and xh's options (argparse and clap: anywhere; argparse takes unique prefixes). */
const HTTPIE: OptionGrammar = {
  short: 'jfxIhbmdcSvqFo:a:A:p:P:s:',
  long: ['output=|o', 'download|d', 'continue|c', 'session=', 'session-read-only=', 'auth=|a', 'auth-type=|A', 'print=|p',
    'history-print=|P', 'style=|s', 'pretty=', 'format-options=', 'verify=', 'cert=', 'cert-key=', 'cert-key-pass=', 'ssl=', 'ciphers=',
    'proxy=', 'timeout=', 'max-redirects=', 'max-headers=', 'boundary=', 'raw=', 'response-charset=', 'response-mime=', 'default-scheme=',
    'unsorted', 'sorted', 'path-as-is', 'chunked', 'multipart', 'json|j', 'form|f', 'offline', 'verbose|v', 'all', 'stream|S', 'quiet|q',
    'headers|h', 'body|b', 'meta|m', 'follow|F', 'check-status', 'ignore-stdin|I', 'compress|x', 'help', 'version', 'debug', 'traceback',
    'ignore-netrc', 'interface=', 'local-port=', 'https', 'http-version=?', 'bearer=', 'method=', 'curl'],
  permute: true, abbreviate: true,
};
const CP: OptionGrammar = { short: 'abdfHiLlnPprRsTuvxZS:t:', long: ['target-directory=|t', 'suffix=|S', 'backup=?', 'no-target-directory|T', 'recursive|r', 'force|f', 'symbolic-link|s', 'link|l'], permute: true, abbreviate: true };

export const WRITES: Readonly<Record<string, WriteSpec>> = {
  ...COMPRESSORS,
  ...MORE_WRITES,
  ...NODE_WRITES,
  // shuf(1) -o FILE; split(1) writes PREFIX followed by a suffix (PREFIX `x` when none is given).
  shuf: { options: { short: 'ezrhi:n:o:', long: ['echo|e', 'input-range=|i', 'head-count=|n', 'output=|o', 'random-source=', 'repeat|r', 'zero-terminated|z', 'help', 'version'], permute: true, abbreviate: true }, operands: 'none', files: ['-o'] },
  // csplit(1) writes PREFIX00, PREFIX01, … (`xx` when -f is not given).
  csplit: { options: { short: 'kszqb:f:n:', long: ['suffix-format=|b', 'prefix=|f', 'digits=|n', 'keep-files|k', 'suppress-matched', 'silent|s', 'quiet|s', 'elide-empty-files|z', 'help', 'version'], permute: true, abbreviate: true }, operands: 'none', prefixOption: { options: ['-f'], fallback: 'xx' } },
  split: { options: { short: 'dexua:b:C:l:n:t:', long: ['suffix-length=|a', 'additional-suffix=', 'bytes=|b', 'line-bytes=|C', 'lines=|l', 'number=|n', 'separator=|t', 'numeric-suffixes=?|d', 'hex-suffixes=?|x', 'elide-empty-files|e', 'unbuffered|u', 'filter=', 'verbose', 'help', 'version'], permute: true, abbreviate: true }, operands: 'none', unless: ['--filter'], prefixOperand: { index: 1, fallback: 'x' } },
  // 7-Zip: `7z x|e ARCHIVE -oDIR` extracts into DIR (switches are attached: -oDIR, -pPASS, -so, -aoa).
  ...Object.fromEntries(['7z', '7za', '7zz', '7zr'].map((n) => [n, { options: { short: 'o::a:b:i:m:p::r::s:t:u:v:w:x:y', permute: true }, operands: 'none', subcommands: ['x', 'e'], into: ['-o'], members: { from: 2 } } satisfies WriteSpec])),
  // Copies from a server write their local destination (the last operand; a remote one is no local path).
  scp: { options: SCP, operands: 'last' },
  // rclone's files here whatever the subcommand (rclone docs per command): the log, check's reports,
  // hashsum's --output-file, tree's -o/--output and selfupdate's --output, `test info --write-json`,
  // profiles, and the directories it moves backups, caches and bisync's listings into.
  // move, moveto and bisync change their sources too (grammars/rclone.ts RCLONE_MOVES).
  rclone: {
    options: RCLONE, operands: 'last', moves: [...RCLONE_MOVES],
    subcommands: ['copy', 'copyto', 'sync', 'move', 'moveto', 'copyurl', 'rcat', 'touch', 'mkdir', 'delete', 'deletefile', 'purge', 'rmdir', 'rmdirs', 'bisync', 'dedupe'],
    files: ['--log-file', '--combined', '--missing-on-src', '--missing-on-dst', '--match', '--differ', '--error', '--output-file',
      '--output', { option: '--opt', subcommands: ['tree'] }, '--write-json', '--cpuprofile', '--memprofile', '--backup-dir',
      '--backup-dir1', '--backup-dir2', '--workdir', '--cache-dir', '--temp-dir', '--nfs-cache-dir'],
  },
  // `python -m json.tool INFILE OUTFILE` (the module's own name, expand/modules.ts moduleProgram).
  'python -m json.tool': { options: { long: ['sort-keys', 'no-ensure-ascii', 'json-lines', 'indent=', 'tab', 'no-indent', 'compact', 'help'], permute: true, abbreviate: true }, operands: 'second' },
  // bash's history -w/-a write the history list (any line history -s put there) into FILE, or $HISTFILE.
  history: { options: { short: 'cd:anrwps' }, operands: 'all', when: ['-w', '-a'], noOperand: { variable: 'HISTFILE', fallback: '~/.bash_history' } },
  // zsh/system's `sysopen -w|-a -u FD FILE` opens FILE for writing (zshmodules(1)); syswrite fills it.
  sysopen: { options: { short: 'rwau:o:m:' }, operands: 'all', when: ['-w', '-a'] },
  tee: { options: { short: 'aip', long: ['append|a', 'ignore-interrupts|i', 'output-error=?'], permute: true }, operands: 'all' },
  // moreutils sponge(1): soaks up standard input, then writes it to FILE (`-a` appends); it runs nothing.
  sponge: { options: { short: 'a' }, operands: 'all' },
  cp: { options: CP, operands: 'last', pathOptions: ['-t'], whole: 'copy', links: ['-l', '-s'] },
  install: { options: { short: 'bCcDdpsvg:m:o:S:t:', long: ['target-directory=|t', 'mode=|m', 'owner=|o', 'group=|g', 'suffix=|S', 'directory|d'], permute: true, abbreviate: true }, operands: 'last', pathOptions: ['-t'], whole: 'copy' },
  ln: { options: CP, operands: 'last', pathOptions: ['-t'], whole: 'link', links: [] },
  // link(1): `link FILE1 FILE2` makes FILE2 a hard link of FILE1.
  link: { operands: 'all' },
  mv: { options: CP, operands: 'all', pathOptions: ['-t'], whole: 'move' },
  // rsync --log-file and the batch files are written here whatever the destination.
  rsync: { options: { short: 'avrlptgoDzhPnuce:f:T:B:M:', long: ['delete', 'archive|a', 'recursive|r', 'rsh=|e', 'rsync-path=', 'filter=|f', 'exclude=', 'include=', 'exclude-from=', 'include-from=', 'files-from=', 'temp-dir=|T', 'partial-dir=', 'backup-dir=', 'suffix=', 'chmod=', 'chown=', 'port=', 'password-file=', 'bwlimit=', 'log-file=', 'log-file-format=', 'out-format=', 'write-batch=', 'only-write-batch=', 'read-batch=', 'block-size=|B', 'remote-option=|M', 'compare-dest=', 'copy-dest=', 'link-dest=', 'timeout=', 'info=', 'debug='], permute: true }, operands: 'last', whole: 'copy', files: ['--log-file', '--write-batch', '--only-write-batch'] },
  rm: { options: { short: 'dfiIrRv', long: ['force|f', 'recursive|r', 'dir|d', 'interactive=?', 'one-file-system', 'no-preserve-root', 'preserve-root=?', 'verbose|v'], permute: true, abbreviate: true }, operands: 'all', whole: 'remove', keepsContent: true },
  rmdir: { options: { short: 'pv', long: ['parents|p', 'ignore-fail-on-non-empty'], permute: true }, operands: 'all', whole: 'remove', keepsContent: true },
  // Downloads: the files their output options name (`curl -o FILE`, `wget -O FILE`, header dumps, cookie jars, traces).
  curl: { options: READERS.curl!, operands: 'none', pathOptions: ['-o', '-D', '-c', '--trace', '--trace-ascii', '--stderr', '--libcurl', '--etag-save', '--hsts', '--alt-svc', '--ssl-sessions'], embedded: { options: ['-w', '--write-out'], pattern: /%output\{(?:>>)?([^}]*)\}/g }, joined: { dir: ['--output-dir'], names: ['-o'] } },
  // aria2c(1): "-o: the file name of the downloaded file. It is always relative to the directory given in -d",
  // the log, the session and DHT files; -i FILE lists URIs with `dir=`/`out=` lines of their own.
  aria2c: { options: ARIA2C, operands: 'none', into: ['-d'], joined: { dir: ['-d'], names: ['-o'] }, files: ['-l', '--save-session', '--save-cookies', '--dht-file-path', '--dht-file-path6', '--server-stat-of'], listFile: { options: ['-i'], dir: 'dir', names: ['out'] } },
  // HTTPie (http, https) and xh (xh, xhs): -o FILE writes the body there, with --download or without;
  // --session=PATH saves the session there (a plain name goes to the config directory: read as a path, no harm).
  ...Object.fromEntries(['http', 'https', 'xh', 'xhs'].map((n) => [n, { options: HTTPIE, operands: 'none', files: ['-o', '--session'] } satisfies WriteSpec])),
  wget: { options: { short: 'bqvdcNSrkKmpEHLnhVO:o:a:P:i:t:T:w:Q:U:e:l:A:R:D:B:', long: ['output-document=|O', 'output-file=|o', 'append-output=|a', 'directory-prefix=|P', 'input-file=|i', 'execute=|e', 'tries=|t', 'timeout=|T', 'user-agent=|U', 'quiet|q', 'continue|c', 'recursive|r', 'mirror|m', 'no-verbose', 'save-cookies=', 'load-cookies=', 'keep-session-cookies'], permute: true, abbreviate: true }, operands: 'none', pathOptions: ['-O', '-o', '-a', '--save-cookies'], into: ['-P'] },
  unlink: { operands: 'all', keepsContent: true },
  shred: { options: { short: 'fuvxzn:s:', long: ['remove=?|u', 'iterations=|n', 'size=|s'], permute: true }, operands: 'all', keepsContent: true },
  touch: { options: { short: 'acfhmd:r:t:', long: ['date=|d', 'reference=|r', 'time='], permute: true }, operands: 'all', keepsContent: true },
  truncate: { options: { short: 'coIs:r:', long: ['size=|s', 'reference=|r', 'no-create|c', 'io-blocks|o'], permute: true }, operands: 'all', keepsContent: true },
  mkdir: { options: { short: 'pvm:', long: ['parents|p', 'mode=|m'], permute: true }, operands: 'all', keepsContent: true },
  chmod: { options: { short: 'cfvR', long: ['recursive|R', 'reference='], permute: true }, operands: 'from1', keepsContent: true },
  chown: { options: { short: 'cfhvRHLP', long: ['recursive|R', 'reference=', 'from='], permute: true }, operands: 'from1', keepsContent: true },
  chgrp: { options: { short: 'cfhvRHLP', long: ['recursive|R', 'reference='], permute: true }, operands: 'from1', keepsContent: true },
  chattr: { options: { short: 'RVfv:p:' }, operands: 'from1', keepsContent: true },
  setfacl: { options: { short: 'bkndRLPm:M:x:X:', long: ['modify=|m', 'remove=|x', 'set=', 'recursive|R'], permute: true }, operands: 'all', keepsContent: true },
  sed: { options: { short: 'nrEsuzl:e:f:i::', long: ['in-place=?|i', 'expression=|e', 'file=|f', 'quiet|n'], permute: true, abbreviate: true }, operands: 'all', when: ['-i'], scriptUnless: ['-e', '-f'] },
  perl: { options: { short: 'aflnpsStTuUvwWXcCd::D::e:E:F:i::I:m:M:V::x::' }, operands: 'all', when: ['-i'], scriptUnless: ['-e', '-E'] },
  ruby: { options: { short: 'acdhlnpsSvwy0::C:e:E:F:i::I:r:W::x::K:T::' }, operands: 'all', when: ['-i'], scriptUnless: ['-e'] },
  // An archive extracted into a directory writes there (what it holds is not known).
  tar: { options: TAR, operands: 'none', when: ['-x', '--get'], unless: ['-O', '--to-command'], into: ['-C'], members: TAR_MEMBERS, files: TAR_FILES, archive: { options: ['-f'], stdin: true } },
  gtar: { options: TAR, operands: 'none', when: ['-x', '--get'], unless: ['-O', '--to-command'], into: ['-C'], members: TAR_MEMBERS, files: TAR_FILES, archive: { options: ['-f'], stdin: true } },
  bsdtar: { options: TAR, operands: 'none', when: ['-x', '--get'], unless: ['-O', '--to-command'], into: ['-C'], members: TAR_MEMBERS, files: TAR_FILES, archive: { options: ['-f'], stdin: true } },
  // unzip's operands after the archive are members; `-l`, `-v`, `-t`, `-z`, `-Z` list, `-p` and `-c` print.
  unzip: { options: { short: 'cflptTuvzbjnoqsUVWXaCKLMNZd:x:P:I:O:', permute: true }, operands: 'none', unless: ['-l', '-v', '-t', '-z', '-Z', '-p', '-c'], into: ['-d'], members: { from: 1 }, archive: { operand: 0 } },
  // zip(1): `zip [OPTIONS] ZIPFILE FILES…` writes (creates or updates) ZIPFILE, or -O's file; -sf only lists; --lf writes a log.
  zip: {
    options: { short: 'rRqvjJDdufmTlkyzgSXAcFe@0123456789b:n:t:O:P:x:i:', long: ['output-file=|O', 'out=', 'temp-path=|b', 'exclude=|x', 'include=|i', 'password=|P', 'recurse-paths|r', 'sf', 'lf=', 'la', 'li', 'help|h', 'version', 'tt=', 'ds=', 'FS', 'MM', 'nw', 'ws', 'db', 'dc', 'dd', 'dg', 'du', 'dv', 'sc', 'sd', 'so', 'su', 'sv'], singleDashLong: true, permute: true },
    operands: 'first', unless: ['--sf', '--help', '--so', '--sc'], files: ['-O', '--out', '--lf'],
  },
  // ar(1): `ar x ARCHIVE [MEMBER…]` (the key also as `-x`, `xv`) writes each member, by its last component, into the working directory.
  ar: { options: { short: 'dmpqrstxabcDfilNoPTuUvVS', oldStyle: true }, operands: 'none', when: ['-x'], into: [], members: { from: 1, flat: true } },
  cpio: { options: { short: 'oipabcdfmnrtuvBLSVH:F:E:I:O:R:M:C:D:', long: ['create|o', 'extract|i', 'pass-through|p', 'file=|F', 'directory=|D', 'format=|H', 'make-directories|d', 'force-local', 'rsh-command='], permute: true }, operands: 'none', when: ['-i'], into: ['-D'], members: { from: 0 } },
  dd: { operands: 'none', keyValue: 'of' },
  // `--install LINK NAME PATH PRIORITY` makes LINK; `--set NAME PATH` changes where it leads.
  'update-alternatives': { options: { long: ['install==', 'set=', 'remove=', 'auto=', 'config=', 'display=', 'query=', 'list=', 'altdir=', 'admindir=', 'slave==', 'force', 'verbose', 'quiet'], abbreviate: true }, operands: 'none', pathOptions: ['--install'] },
  // `patch -d DIR` changes into DIR first: what the patch names is written there (expand/patch-writes.ts).
  patch: { options: { short: 'bcefgElnNRsStuvZp:i:o:r:B:d:D:F:V:Y:z:', long: ['input=|i', 'output=|o', 'directory=|d', 'reject-file=|r', 'strip=|p'], permute: true }, operands: 'all', pathOptions: ['-o', '-d'] },
  // Editors: what they open they may write (vim -es, ex -s and the names vim is installed under).
  ...Object.fromEntries(['vim', 'vi', 'nvim', 'ex', 'view', 'vimdiff', 'gvim', 'evim', 'rvim', 'nex', 'vim.basic', 'vim.tiny', 'vim.nox', 'vim.gtk3', 'nvi']
    .map((n) => [n, { operands: 'all', options: VIM } satisfies WriteSpec])),
  nano: { operands: 'all', options: { short: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', permute: true } },
  emacs: { operands: 'all', options: { long: ['batch', 'eval=', 'load='], singleDashLong: true, permute: true } },
  ed: { operands: 'all', options: { short: 'EGlrsp:' } },
  red: { operands: 'all', options: { short: 'EGlrsp:' } },
  // Edits in place of JSON, YAML and INI files: yq -i (mikefarah's and the Python yq), dasel put/delete
  // (-f FILE, or -o OUT), crudini --set/--del/--merge FILE, sd FIND REPLACE FILES (in place unless -p).
  yq: { options: { short: 'CMNPehijnrvVSo:p:I:s:d:', long: ['inplace|i', 'in-place|i', 'output-format=|o', 'input-format=|p', 'indent=|I', 'split-exp=|s', 'from-file=', 'expression=', 'front-matter=', 'null-input|n', 'exit-status|e', 'unwrap-scalar', 'xml-attribute-prefix=', 'yaml-output|y', 'toml-output|t', 'arg==', 'argjson==', 'rawfile==', 'slurpfile==', 'jsonargs', 'args'], permute: true }, operands: 'all', when: ['-i'], scriptUnless: ['--from-file', '--expression'] },
  dasel: { options: { short: 'f:o:r:w:t:v:s:mnc', long: ['file=|f', 'out=|o', 'read=|r', 'write=|w', 'type=|t', 'value=|v', 'selector=|s', 'multiple|m', 'null|n', 'compact|c', 'pretty', 'colour', 'escape-html', 'plain', 'length', 'merge-input-documents'], permute: true }, operands: 'none', subcommands: ['put', 'delete'], pathOptions: ['-f', '-o'] },
  crudini: { options: { long: ['set', 'get', 'del', 'merge', 'format=', 'existing=?', 'inplace', 'output=', 'list', 'list-sep=', 'ini-options=', 'verbose', 'help', 'version'], permute: true, abbreviate: true }, operands: 'first', when: ['--set', '--del', '--merge'], files: ['--output'] },
  sd: { options: { short: 'pFsfn:', long: ['preview|p', 'fixed-strings|F', 'string-mode|s', 'flags=|f', 'max-replacements=|n'], permute: true }, operands: 'from2', unless: ['-p'] },
  // gawk's inplace extension writes every file operand; -o/-p/-d write the program, profile, variables.
  ...Object.fromEntries(['gawk', 'awk'].map((n) => [n, { options: AWK, operands: 'all', when: ['-i=inplace', '--include=inplace'], scriptUnless: ['-f', '-e', '-E'], files: ['-o', '-p', '-d'] } satisfies WriteSpec])),
  // dos2unix converts in place (sponge is above).
  dos2unix: { options: { short: 'abcfhikLlmnoqsvVFRuOe', permute: true }, operands: 'all' },
  unix2dos: { options: { short: 'abcfhikLlmnoqsvVFRuOe', permute: true }, operands: 'all' },
  // Output operands and options: sort -o FILE, uniq IN OUT, xxd [-r] IN OUT, iconv -o, openssl -out, gpg -o,
  // the tracers' -o (strace and ltrace stop at the command they run), GNU time -o, script(1)'s typescript.
  sort: { options: { long: ['compress-program=', 'buffer-size=|S', 'temporary-directory=|T', 'output=|o', 'key=|k', 'field-separator=|t', 'parallel=', 'files0-from=', 'random-source=', 'sort=', 'batch-size=', 'check=?'], short: 'bcCdfghiMmnrRsuVzS:T:o:k:t:', permute: true, abbreviate: true }, operands: 'none', files: ['-o'] },
  uniq: { options: { short: 'cdDiuzf:s:w:', long: ['count|c', 'repeated|d', 'all-repeated=?', 'group=?', 'skip-fields=|f', 'skip-chars=|s', 'check-chars=|w', 'ignore-case|i', 'unique|u', 'zero-terminated|z'], permute: true, abbreviate: true }, operands: 'second' },
  xxd: { options: { short: 'abCdEehipruvc:g:l:n:o:s:R:', long: ['autoskip', 'bits', 'capitalize', 'cols=', 'EBCDIC', 'groupsize=', 'help', 'include', 'len=', 'name=', 'postscript', 'ps', 'plain', 'revert', 'seek=', 'version'], singleDashLong: true }, operands: 'second' },
  iconv: { options: { short: 'cslf:t:o:', long: ['from-code=|f', 'to-code=|t', 'output=|o', 'list|l', 'silent|s', 'verbose'], permute: true, abbreviate: true }, operands: 'none', files: ['-o'] },
  openssl: { options: { long: ['out=', 'keyout=', 'writerand=', 'sess_out=', 'keylogfile=', 'outdir=', 'in=', 'inkey=', 'key=', 'passin=', 'passout=', 'config=', 'subj=', 'days=', 'CAfile=', 'CApath=', 'rand='], singleDashLong: true, permute: true }, operands: 'none', files: ['-out', '-keyout', '-writerand', '-sess_out', '-keylogfile', '-outdir'] },
  gpg: { options: { short: 'abcdeknqsvu:r:o:', long: ['output=|o', 'recipient=|r', 'local-user=|u', 'homedir=', 'armor|a', 'batch', 'yes', 'decrypt|d', 'encrypt|e', 'sign|s', 'symmetric|c', 'passphrase=', 'passphrase-file=', 'pinentry-mode=', 'status-file=', 'logger-file=', 'log-file=', 'attribute-file='], permute: true, abbreviate: true }, operands: 'none', files: ['-o', '--status-file', '--logger-file', '--log-file', '--attribute-file'] },
  gpg2: { options: { short: 'abcdeknqsvu:r:o:', long: ['output=|o', 'recipient=|r', 'local-user=|u', 'homedir=', 'armor|a', 'batch', 'yes', 'decrypt|d', 'encrypt|e', 'sign|s', 'symmetric|c', 'passphrase=', 'passphrase-file=', 'pinentry-mode=', 'status-file=', 'logger-file=', 'log-file=', 'attribute-file='], permute: true, abbreviate: true }, operands: 'none', files: ['-o', '--status-file', '--logger-file', '--log-file', '--attribute-file'] },
  strace: { options: { short: 'AcCdDfFhiknqrtTvVwxyzZa:b:e:E:I:o:O:p:P:s:S:u:U:X:', long: ['output=|o', 'attach=|p', 'trace=', 'signal=', 'status=', 'env=|E', 'user=|u', 'follow-forks|f', 'summary-only|c', 'help|h', 'version|V'], abbreviate: true }, operands: 'none', files: ['-o'] },
  ltrace: { options: { short: 'bcCfhiLrStTVa:A:D:e:F:l:n:o:p:s:u:w:x:', long: ['output=|o', 'help|h', 'version|V'] }, operands: 'none', files: ['-o'] },
  less: { options: READERS.less!, operands: 'none', files: ['-o', '-O'] },
  time: { options: { short: 'apqvVf:o:', long: ['format=|f', 'output=|o', 'append|a', 'portability|p', 'quiet|q', 'verbose|v', 'help', 'version'] }, operands: 'none', files: ['-o'] },
  script: { options: { short: 'aefqhVtc:E:I:O:B:T:m:o:', long: ['append|a', 'command=|c', 'echo=|E', 'return|e', 'flush|f', 'force', 'log-in=|I', 'log-out=|O', 'log-io=|B', 'log-timing=|T', 'logging-format=|m', 'output-limit=|o', 'quiet|q', 'timing=?|t', 'help|h', 'version|V'], permute: true, abbreviate: true }, operands: 'all', files: ['-I', '-O', '-B', '-T', '--timing'] },
};

/**
 * Programs that install git hooks, or point git at theirs: what they write in the repository's .git
 * (`hooks`: its hooks directory; `config`: core.hooksPath in its config). A git hook runs on commit
 * or push, outside the agent's view: a person installs one (see docs/trust.md).
 */
export interface HookWriterSpec {
  readonly options?: OptionGrammar;
  /** Subcommands (the first operand) that write; `*` is every invocation, with or without one. */
  readonly subcommands?: readonly string[];
  /** Options that make it write, whatever the operands (`overcommit --install`). */
  readonly when?: readonly string[];
  readonly writes: readonly ('hooks' | 'config')[];
}

/** Options with which an installer only prints. */
export const HOOK_WRITER_HELP = ['--help', '-h', '--version', '-V'];
const PRE_COMMIT: HookWriterSpec = {
  options: { short: 'fhVt:c:', long: ['hook-type=|t', 'config=|c', 'overwrite|f', 'install-hooks', 'allow-missing-config', 'color=', 'help|h', 'version|V'], permute: true },
  subcommands: ['install', 'uninstall'], writes: ['hooks'],
};

const GIT_LFS: HookWriterSpec = {
  options: { short: 'hlfsmw', long: ['force|f', 'local|l', 'worktree|w', 'system', 'skip-smudge|s', 'skip-repo', 'manual|m', 'file=', 'help|h', 'version'], permute: true },
  subcommands: ['install', 'uninstall', 'update'], writes: ['hooks', 'config'],
};
const GIT_SECRETS: HookWriterSpec = {
  options: { short: 'farl', long: ['install', 'scan', 'scan-history', 'list', 'add', 'add-provider', 'register-aws', 'aws-provider', 'force|f', 'global', 'literal|l', 'allowed|a', 'cached', 'no-index', 'untracked', 'recursive|r'], permute: true },
  when: ['--install'], writes: ['hooks'],
};
const GIT_ANNEX: HookWriterSpec = {
  options: { short: 'qvdc:J:', long: ['force', 'fast', 'json', 'quiet|q', 'verbose|v', 'debug|d', 'jobs=|J', 'version=', 'autoenable', 'no-autoenable', 'help'], permute: true },
  subcommands: ['init', 'reinit', 'uninit', 'upgrade'], writes: ['hooks', 'config'],
};

export const HOOK_WRITERS: Readonly<Record<string, HookWriterSpec>> = {
  // pre-commit (and prek, its rewrite): `install` writes .git/hooks/<type> (`install-hooks` only the environments).
  'pre-commit': PRE_COMMIT,
  prek: PRE_COMMIT,
  lefthook: {
    options: { short: 'fvhVad', long: ['force|f', 'verbose|v', 'help|h', 'version|V', 'aggressive|a', 'dirs|d', 'colors=', 'no-colors', 'reset-hooks-path'], permute: true },
    subcommands: ['install', 'uninstall', 'add'], writes: ['hooks'],
  },
  // husky 9: `husky [DIR]` and `husky init` set core.hooksPath (to .husky/_); husky 8's install,
  // uninstall, add and set write it or the hook files it points at.
  husky: { options: { short: 'hV', long: ['help|h', 'version|V'] }, subcommands: ['*'], writes: ['config'] },
  'simple-git-hooks': { options: { short: 'hV', long: ['help|h', 'version|V'] }, subcommands: ['*'], writes: ['hooks'] },
  // git-lfs: `install` writes pre-push, post-checkout, post-commit and post-merge into .git/hooks and
  // filter.lfs.* (commands git runs) into the config; `update` rewrites those hooks, `uninstall` removes them.
  'git lfs': GIT_LFS, 'git-lfs': GIT_LFS,
  // awslabs git-secrets: `--install` writes pre-commit, commit-msg and prepare-commit-msg.
  'git secrets': GIT_SECRETS, 'git-secrets': GIT_SECRETS,
  // git-annex: `init` (and reinit, uninit, upgrade) install its hooks (pre-commit, post-receive) and write .git/config.
  'git annex': GIT_ANNEX, 'git-annex': GIT_ANNEX,
  overcommit: { options: { short: 'iurfhvl', long: ['install|i', 'uninstall|u', 'force|f', 'run|r', 'sign', 'help|h', 'version|v', 'list-hooks|l', 'diff='], permute: true }, when: ['-i', '-u'], writes: ['hooks'] },
};

/**
 * Package managers' subcommands that add, remove, replace or relink a named package (npm's own
 * abbreviations and misspellings included), and `npm pkg set|delete`, which rewrites package.json.
 * Naming gitops-guard in one changes the guard itself (rules/05-guard-self.yaml: a person decides).
 */
export const PACKAGE_CHANGES: Readonly<Record<string, readonly string[]>> = {
  npm: ['install', 'i', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal', 'isntall', 'add', 'install-test', 'it',
    'uninstall', 'unlink', 'un', 'remove', 'rm', 'r', 'update', 'up', 'upgrade', 'udpate', 'link', 'ln', 'pkg'],
  pnpm: ['add', 'install', 'i', 'remove', 'rm', 'uninstall', 'un', 'update', 'up', 'upgrade', 'link', 'ln', 'unlink', 'pkg'],
  yarn: ['add', 'remove', 'upgrade', 'up', 'upgrade-interactive', 'link', 'unlink', 'install', 'set'],
  bun: ['add', 'a', 'install', 'i', 'remove', 'rm', 'update', 'link', 'unlink', 'pm'],
};

/** A kind of dependency an install leaves out: package.json's devDependencies, optionalDependencies, peerDependencies. */
export type DependencyKind = 'dev' | 'optional' | 'peer';

/**
 * How an option or a setting leaves a kind out: always that kind (`--production`), the kind its value
 * names (`--omit=dev`), or by a table of values (`--only=prod` leaves dev out). `false` turns it off.
 */
export type OmitRule = DependencyKind | 'value' | Readonly<Record<string, DependencyKind>>;

/**
 * Installs that leave a kind of dependency out and take it out of node_modules when it is there
 * (npm-install(1) --omit, "If NODE_ENV is set to production, then dev will be omitted"; npm-prune(1);
 * pnpm install --prod; yarn install --production; bun install --production). gitops-guard as a
 * devDependency is then removed, and the hooks run whatever gitops-guard PATH has.
 */
export interface OmitSpec {
  readonly options: OptionGrammar;
  /** Subcommands (the first operand, as the tool resolves it) that lay node_modules out again; '' is none (`yarn --production`). */
  readonly subcommands: readonly string[];
  readonly omit: Readonly<Record<string, OmitRule>>;
  /** Options that put a kind back (`--include=dev`). */
  readonly include?: Readonly<Record<string, OmitRule>>;
  /** Environment variables read as settings (`NODE_ENV=production`; npm's `npm_config_omit`, any case). */
  readonly env: Readonly<Record<string, OmitRule>>;
}

const PRODUCTION = { production: 'dev' } as const;
const NPM_OPTIONS: OptionGrammar = { short: 'gC:w:', long: ['omit=', 'include=', 'production=?', 'only=', 'also=', 'dev=?', 'prefix=|C', 'workspace=|w', 'global|g', 'save-dev', 'save', 'ignore-scripts', 'registry=', 'loglevel=', 'userconfig=', 'cache='], permute: true };

export const OMITS: Readonly<Record<string, OmitSpec>> = {
  npm: {
    options: NPM_OPTIONS, subcommands: ['install', 'ci', 'install-test', 'install-ci-test', 'prune', 'update', 'dedupe', 'uninstall'],
    omit: { '--omit': 'value', '--production': 'dev', '--only': { prod: 'dev', production: 'dev' } },
    include: { '--include': 'value', '--also': { dev: 'dev', development: 'dev' }, '--dev': 'dev' },
    env: { NODE_ENV: PRODUCTION, npm_config_omit: 'value', npm_config_production: 'dev', npm_config_only: { prod: 'dev', production: 'dev' } },
  },
  pnpm: {
    options: { short: 'PDrC:F:', long: ['prod|P', 'production', 'dev|D', 'no-optional', 'dir=|C', 'filter=|F', 'recursive|r', 'frozen-lockfile', 'ignore-scripts', 'offline', 'prefer-offline'], permute: true },
    subcommands: ['install', 'i', 'prune'], omit: { '--prod': 'dev', '--production': 'dev', '--no-optional': 'optional' }, env: { NODE_ENV: PRODUCTION },
  },
  yarn: {
    options: { long: ['production=?', 'prod=?', 'ignore-optional', 'frozen-lockfile', 'immutable', 'pure-lockfile', 'ignore-scripts', 'cwd=', 'modules-folder='], permute: true },
    subcommands: ['install', 'workspaces', ''], omit: { '--production': 'dev', '--prod': 'dev', '--ignore-optional': 'optional' }, env: { NODE_ENV: PRODUCTION },
  },
  bun: {
    options: { short: 'pgfyd', long: ['production|p', 'omit=', 'frozen-lockfile', 'global|g', 'force|f', 'yarn|y', 'dev|d', 'cwd=', 'ignore-scripts'], permute: true },
    subcommands: ['install', 'i'], omit: { '--production': 'dev', '--omit': 'value' }, env: { NODE_ENV: PRODUCTION },
  },
};

/** An operand that names the gitops-guard package (`gitops-guard@1`, `alias@npm:gitops-guard`, `../gitops-guard`, `devDependencies.gitops-guard=…`). */
export const GUARD_PACKAGE = /(?:^|[/:@.])gitops-guard(?:$|[@#/=]|-\d)/;

/**
 * Compilers, as far as where they write the program they build (expand/compiled.ts): which options
 * take a separate value, which names the output, which operands are sources, and the output's
 * default name (`a.out`, or the first source's name without its extension). javac writes a class
 * file per source; `java File.java` runs a source file in one step (JEP 330).
 */
export interface CompilerSpec {
  readonly valued: readonly string[];
  readonly output: string;
  readonly sources: RegExp;
  readonly default: 'a.out' | 'stem' | 'class';
  /** A subcommand that builds (`go build`). */
  readonly sub?: string;
}

const CC: CompilerSpec = {
  valued: ['-I', '-L', '-D', '-U', '-x', '-include', '-imacros', '-isystem', '-idirafter', '-iquote', '-MF', '-MT', '-MQ', '-Xlinker', '-Xassembler', '-Xpreprocessor', '-aux-info', '-T', '-z', '-l'],
  output: '-o', sources: /\.(?:c|cc|cp|cxx|cpp|CPP|c\+\+|C|m|mm|s|S|sx|i|ii)$/, default: 'a.out',
};

export const COMPILERS: Readonly<Record<string, CompilerSpec>> = {
  cc: CC, gcc: CC, 'g++': CC, 'c++': CC, clang: CC, 'clang++': CC, tcc: CC, 'musl-gcc': CC, zig: { ...CC, sub: 'cc' },
  rustc: { valued: ['-L', '-l', '--crate-type', '--crate-name', '--edition', '--emit', '--out-dir', '--target', '-C', '--cfg', '--extern', '--cap-lints', '-W', '-A', '-D', '-F'], output: '-o', sources: /\.rs$/, default: 'stem' },
  go: { valued: ['-p', '-C', '-asmflags', '-buildmode', '-buildvcs', '-compiler', '-gccgoflags', '-gcflags', '-installsuffix', '-ldflags', '-mod', '-modfile', '-overlay', '-pgo', '-pkgdir', '-tags', '-toolexec'], output: '-o', sources: /\.go$/, default: 'stem', sub: 'build' },
  javac: { valued: ['-d', '-cp', '-classpath', '--class-path', '-sourcepath', '--source-path', '-encoding', '-source', '--source', '-target', '--target', '--release', '-processorpath', '-s', '-h', '--module-path', '-p'], output: '-d', sources: /\.java$/, default: 'class' },
};

/** Options of `java` that take a separate value (its first operand is the class, jar or source file). */
export const JAVA_VALUED: readonly string[] = ['-cp', '-classpath', '--class-path', '-p', '--module-path', '--add-modules', '--source', '-m', '--module', '--add-opens', '--add-exports', '--enable-native-access'];
