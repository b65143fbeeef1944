// Which operands of a command are files it writes, removes or changes (data; see
// expand/written-paths.ts). Used for the guard's own files: a person changes those.
import type { OptionGrammar } from '../getopt.js';
import { TAR } from './interpreters.js';
import { READERS } from './readers.js';

export interface WriteSpec {
  readonly options?: OptionGrammar;
  /** Which operands are written: all, all but the first (a mode or owner first), or the last (a copy's destination). */
  readonly operands: 'all' | 'from1' | 'last' | 'none';
  /** Options whose value is a written path (`cp -t DIR`, `--target-directory`). */
  readonly pathOptions?: readonly string[];
  /** Only when one of these options is given (`sed -i`). */
  readonly when?: readonly string[];
  /** `key=value` operands whose value is a written path (`dd of=FILE`). */
  readonly keyValue?: string;
  /** Extracts into the directories these options name, else into the working directory (`tar -x -C DIR`). */
  readonly into?: readonly string[];
  /** Without one of these options, the first operand is a script, not a file (`sed 's/a/b/' FILE`). */
  readonly scriptUnless?: readonly string[];
  /**
   * What it does to a directory operand as a whole (expand/replaced-paths.ts): removes it (`rm -r`),
   * moves its sources away and puts them at the destination (`mv`), or puts a link or a copy at the
   * destination (`ln`, `cp`), or into it when the destination is a directory.
   */
  readonly whole?: 'remove' | 'move' | 'link' | 'copy';
}

const CP: OptionGrammar = { short: 'abdfHiLlnPprRsTuvxZS:t:', long: ['target-directory=|t', 'suffix=|S', 'backup=?', 'no-target-directory|T', 'recursive|r', 'force|f', 'symbolic-link|s', 'link|l'], permute: true, abbreviate: true };

export const WRITES: Readonly<Record<string, WriteSpec>> = {
  tee: { options: { short: 'aip', long: ['append|a', 'ignore-interrupts|i', 'output-error=?'], permute: true }, operands: 'all' },
  // moreutils sponge(1): soaks up standard input, then writes it to FILE (`-a` appends); it runs nothing.
  sponge: { options: { short: 'a' }, operands: 'all' },
  cp: { options: CP, operands: 'last', pathOptions: ['-t'], whole: 'copy' },
  install: { options: { short: 'bCcDdpsvg:m:o:S:t:', long: ['target-directory=|t', 'mode=|m', 'owner=|o', 'group=|g', 'suffix=|S', 'directory|d'], permute: true, abbreviate: true }, operands: 'last', pathOptions: ['-t'], whole: 'copy' },
  ln: { options: CP, operands: 'last', pathOptions: ['-t'], whole: 'link' },
  mv: { options: CP, operands: 'all', pathOptions: ['-t'], whole: 'move' },
  rsync: { options: { short: 'avrlptgoDzhPnu', long: ['delete', 'archive|a', 'recursive|r'], permute: true }, operands: 'last', whole: 'copy' },
  rm: { options: { short: 'dfiIrRv', long: ['force|f', 'recursive|r', 'dir|d', 'interactive=?', 'one-file-system', 'no-preserve-root', 'preserve-root=?', 'verbose|v'], permute: true, abbreviate: true }, operands: 'all', whole: 'remove' },
  rmdir: { options: { short: 'pv', long: ['parents|p', 'ignore-fail-on-non-empty'], permute: true }, operands: 'all', whole: 'remove' },
  // Downloads: the files their output options name (`curl -o FILE`, `wget -O FILE`, header dumps, cookie jars, traces).
  curl: { options: READERS.curl!, operands: 'none', pathOptions: ['-o', '-D', '-c', '--trace', '--trace-ascii', '--stderr', '--libcurl', '--etag-save', '--hsts', '--alt-svc'] },
  wget: { options: { short: 'bqvdcNSrkKmpEHLnhVO:o:a:P:i:t:T:w:Q:U:e:l:A:R:D:B:', long: ['output-document=|O', 'output-file=|o', 'append-output=|a', 'directory-prefix=|P', 'input-file=|i', 'execute=|e', 'tries=|t', 'timeout=|T', 'user-agent=|U', 'quiet|q', 'continue|c', 'recursive|r', 'mirror|m', 'no-verbose'], permute: true, abbreviate: true }, operands: 'none', pathOptions: ['-O', '-o', '-a'], into: ['-P'] },
  unlink: { operands: 'all' },
  shred: { options: { short: 'fuvxzn:s:', long: ['remove=?|u', 'iterations=|n', 'size=|s'], permute: true }, operands: 'all' },
  touch: { options: { short: 'acfhmd:r:t:', long: ['date=|d', 'reference=|r', 'time='], permute: true }, operands: 'all' },
  truncate: { options: { short: 'coIs:r:', long: ['size=|s', 'reference=|r', 'no-create|c', 'io-blocks|o'], permute: true }, operands: 'all' },
  mkdir: { options: { short: 'pvm:', long: ['parents|p', 'mode=|m'], permute: true }, operands: 'all' },
  chmod: { options: { short: 'cfvR', long: ['recursive|R', 'reference='], permute: true }, operands: 'from1' },
  chown: { options: { short: 'cfhvRHLP', long: ['recursive|R', 'reference=', 'from='], permute: true }, operands: 'from1' },
  chgrp: { options: { short: 'cfhvRHLP', long: ['recursive|R', 'reference='], permute: true }, operands: 'from1' },
  chattr: { options: { short: 'RVfv:p:' }, operands: 'from1' },
  setfacl: { options: { short: 'bkndRLPm:M:x:X:', long: ['modify=|m', 'remove=|x', 'set=', 'recursive|R'], permute: true }, operands: 'all' },
  sed: { options: { short: 'nrEsuzl:e:f:i::', long: ['in-place=?|i', 'expression=|e', 'file=|f', 'quiet|n'], permute: true, abbreviate: true }, operands: 'all', when: ['-i'], scriptUnless: ['-e', '-f'] },
  perl: { options: { short: 'aflnpsStTuUvwWXcCd::D::e:E:F:i::I:m:M:V::x::' }, operands: 'all', when: ['-i'], scriptUnless: ['-e', '-E'] },
  ruby: { options: { short: 'acdhlnpsSvwy0::C:e:E:F:i::I:r:W::x::K:T::' }, operands: 'all', when: ['-i'], scriptUnless: ['-e'] },
  // An archive extracted into a directory writes there (what it holds is not known).
  tar: { options: TAR, operands: 'none', when: ['-x', '--get'], into: ['-C'] },
  gtar: { options: TAR, operands: 'none', when: ['-x', '--get'], into: ['-C'] },
  bsdtar: { options: TAR, operands: 'none', when: ['-x', '--get'], into: ['-C'] },
  unzip: { options: { short: 'cflptTuvzbjnoqsUVWXaCKLMNd:x:P:I:O:', permute: true }, operands: 'none', into: ['-d'] },
  cpio: { options: { short: 'oipabcdfmnrtuvBLSVH:F:E:I:O:R:M:C:D:', long: ['create|o', 'extract|i', 'pass-through|p', 'file=|F', 'directory=|D', 'format=|H', 'make-directories|d', 'force-local', 'rsh-command='], permute: true }, operands: 'none', when: ['-i'], into: ['-D'] },
  dd: { operands: 'none', keyValue: 'of' },
  // `--install LINK NAME PATH PRIORITY` makes LINK; `--set NAME PATH` changes where it leads.
  'update-alternatives': { options: { long: ['install==', 'set=', 'remove=', 'auto=', 'config=', 'display=', 'query=', 'list=', 'altdir=', 'admindir=', 'slave==', 'force', 'verbose', 'quiet'], abbreviate: true }, operands: 'none', pathOptions: ['--install'] },
  patch: { options: { short: 'bcefgElnNRsStuvZp:i:o:r:B:d:D:F:V:Y:z:', long: ['input=|i', 'output=|o', 'directory=|d', 'reject-file=|r', 'strip=|p'], permute: true }, operands: 'all', pathOptions: ['-o'] },
  vim: { operands: 'all', options: { short: 'AbCdDeEhHlLmMnNoOpqrRsvVyZc:S:t:T:u:U:w:W:i:', long: ['cmd='], permute: true } },
  vi: { operands: 'all', options: { short: 'AbCdDeEhHlLmMnNoOpqrRsvVyZc:S:t:T:u:U:w:W:i:', long: ['cmd='], permute: true } },
  nvim: { operands: 'all', options: { short: 'AbCdDeEhHlLmMnNoOpqrRsvVyZc:S:t:T:u:U:w:W:i:', long: ['cmd='], permute: true } },
  nano: { operands: 'all', options: { short: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', permute: true } },
  emacs: { operands: 'all', options: { long: ['batch', 'eval=', 'load='], singleDashLong: true, permute: true } },
  ed: { operands: 'all', options: { short: 'EGlrsp:' } },
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
