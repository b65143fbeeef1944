// The build-tool family: build tools that run code or commands of the project. `go generate` runs
// the `//go:generate` lines of the packages named, `go run` the Go files; cargo runs build.rs on
// every build and the target runner (.cargo/config.toml, --config, CARGO_TARGET_*_RUNNER) in front
// of what it runs, and its aliases are cargo command lines; `mvn exec:exec` runs exec.executable.
import { isWithin } from './packages.js';
import { homeDir } from '../invocations.js';
import { basename, dirname, join, resolve } from 'node:path';
import { getopt, optionIs, valueOf, valuesOf } from '../getopt.js';
import { argOf, quoteWord, type Word } from '../words.js';
import type { Scope } from './driver.js';
import { scanCodeFile } from './interpreters.js';
import { parseToml } from './task-files.js';
import { goFiles, packageDirs } from './go-packages.js';
import { cargoManifest, cargoPackages, cargoTests } from './cargo-packages.js';
import { externalSubcommand } from './git-programs.js';
import { isKnown } from './known-names.js';
import { GO_MAIN_PACKAGES } from '../grammars/package-runners.js';

/** Every program this family reads, for the fast path (expand/names.ts): always, or beside a word. */
export const BUILD_PROGRAMS: readonly string[] = ['cargo'];
export const BUILD_GUARDED: readonly { program: string; keywords: string[] }[] = [
  { program: 'go', keywords: ['generate', 'run', 'toolexec', 'GOFLAGS', 'GOENV', 'CC=', 'CXX=', 'FC=', 'PKG_CONFIG=', 'AR=', 'GCCGO=', 'extld'] }, { program: 'rustc', keywords: ['linker'] },
  { program: 'mvn', keywords: ['exec:', 'exec-maven-plugin'] }, { program: 'mvnd', keywords: ['exec:', 'exec-maven-plugin'] },
];

export function buildsFamily(scope: Scope, name: string, args: readonly Word[]): boolean {
  if (!scope.local) return false;
  if (name === 'go') return goCommand(scope, args);
  if (name === 'cargo') return cargo(scope, args);
  if (name === 'rustc') return rustc(scope, args);
  if (name === 'mvn' || name === 'mvnd') return mavenExec(scope, name, args);
  return false;
}

// ------------------------------------------------------------------ go

const GO_BUILD_FLAGS = { short: 'nxvaC:o:p:', long: ['run=', 'skip=', 'exec=', 'tags=', 'ldflags=', 'gcflags=', 'mod=', 'modfile=', 'overlay=', 'pgo=', 'race', 'trimpath', 'cover', 'work'], singleDashLong: true, permute: false };

function goCommand(scope: Scope, words: readonly Word[]): boolean {
  // `go -C DIR generate`: -C comes before the subcommand.
  const lead = words[0]?.value === '-C' ? 2 : /^-C=?./.test(words[0]?.value ?? '') ? 1 : 0;
  const args = words.slice(lead);
  const sub = args[0]?.value;
  if (sub && GO_COMPILES.has(sub)) goToolFlags(scope, sub, args.slice(1));
  if (sub === 'env') goEnvWrites(scope, args.slice(1));
  if (sub !== 'generate' && sub !== 'run') return false;
  const scanned = [...words.slice(0, lead), ...args.slice(1)];
  const scan = getopt(scanned.map(argOf), GO_BUILD_FLAGS);
  scope.emit(scope.argv, 'go', { scan });
  const chdir = valueOf(scan, '-C');
  const cwd = chdir === undefined ? scope.cwd : chdir === null || scope.cwd === null ? null : resolve(scope.cwd, chdir);
  if (cwd === null) { scope.raise('unreadable-script', `cannot tell which directory \`go ${sub}\` reads`); return true; }
  if (sub === 'run') {
    // `go run -exec PROG`: PROG runs the built binary.
    for (const v of valuesOf(scan, '--exec')) {
      if (v === null) scope.raise('dynamic-command', '`go run -exec` runs a program computed at run time');
      else scope.nested(v, 'go run -exec', { spliceable: false });
    }
    if (goRunsImported(scope, scanned, scan.operands[0])) return true;
    const ops = scan.operands.map((o) => o.value);
    // The Go files named, or the package's (the first operand); the rest are the program's arguments.
    const files = ops[0] === null ? null : ops.filter((v): v is string => v !== null && v.endsWith('.go'));
    if (files === null) { scope.raise('unreadable-script', '`go run` runs a package named at run time'); return true; }
    const dirs = files.length > 0 ? [] : packageDirs(scope, cwd, [ops[0] ?? '.']);
    if (dirs === undefined) { scope.raise('unreadable-script', '`go run` names more packages than can be read'); return true; }
    const paths = files.length > 0 ? files.map((f) => resolve(cwd, f)) : goFiles(scope, dirs);
    // A limit that runs out says so: the files past it are not read.
    if (paths.length > 200) scope.raise('unreadable-script', `\`go run\` builds ${paths.length} Go files; past 200 they are not read`);
    for (const p of paths.slice(0, 200)) scanCodeFile(scope, 'code', p, `go run ${p}`);
    return true;
  }
  if (scan.options.some((o) => optionIs(o, ['-n']))) return true;
  const operands = scan.operands.map((o) => o.value);
  if (operands.some((v) => v === null)) { scope.raise('unreadable-script', '`go generate` reads packages named at run time'); return true; }
  const named = operands as string[];
  const dirs = named.every((v) => v.endsWith('.go')) && named.length > 0 ? null : packageDirs(scope, cwd, named.length > 0 ? named : ['.']);
  if (dirs === undefined) { scope.raise('unreadable-script', '`go generate` names more packages than can be read'); return true; }
  const files = dirs === null ? named.map((f) => resolve(cwd, f)) : goFiles(scope, dirs);
  const run = valueOf(scan, '--run');
  const skip = valueOf(scan, '--skip');
  for (const file of files) {
    const r = scope.files.read(file);
    if (r.kind !== 'text') continue;
    for (const line of generateLines(r.text, file)) {
      if (run && !safeRegex(run).test(line)) continue;
      if (skip && safeRegex(skip).test(line)) continue;
      scope.script(line, `go generate (${file})`, dirname(file));
    }
  }
  return true;
}

/**
 * `go run IMPORT/PATH[@VERSION] ARGS` (a package outside the working tree's paths): the program it
 * builds runs with ARGS, judged as that program (grammars/package-runners.ts GO_MAIN_PACKAGES).
 */
function goRunsImported(scope: Scope, scanned: readonly Word[], pkg: { value: string | null; index: number } | undefined): boolean {
  const value = pkg?.value;
  if (pkg === undefined || value == null || value.endsWith('.go') || /^\.{1,2}(?:\/|$)|^\//.test(value) || !/^[\w.-]+\.[\w-]+\//.test(value)) return false;
  const path = value.replace(/@[^@/]*$/, '');
  const program = GO_MAIN_PACKAGES.find((p) => p.path.test(path))?.program ?? path.split('/').filter((e, i, all) => !(i === all.length - 1 && i > 0 && /^v\d+$/.test(e))).pop()!;
  scope.continueWith([{ ...scanned[pkg.index]!, value: program, tail: program }, ...scanned.slice(pkg.index + 1)], `go run ${value}`);
  return true;
}

/** The go commands that compile (and so run -toolexec in front of each tool); run and test also take -exec. */
const GO_COMPILES = new Set(['build', 'install', 'run', 'test', 'vet', 'list']);

/**
 * `go build -toolexec=CMD` runs CMD in front of every compiler and linker run; `-exec` (run, test)
 * in front of the built binary. Both also come from GOFLAGS, "a space-separated list of -flag=value
 * settings" (go help environment). The command line's -exec of run and test is read where they are.
 */
function goToolFlags(scope: Scope, sub: string, rest: readonly Word[]): void {
  const fileEnv = goEnvFile(scope);
  if (fileEnv === null) return;
  const envOf = (name: string): string | null | undefined => (scope.env.has(name) ? scope.env.get(name) : fileEnv.get(name));
  const goflags = envOf('GOFLAGS');
  if (goflags === null) { scope.raise('dynamic-command', 'GOFLAGS is computed at run time'); return; }
  const fromEnv = (goflags ?? '').split(/\s+/).filter(Boolean);
  const scan = getopt([...fromEnv, ...rest.map(argOf)], { ...GO_BUILD_FLAGS, long: [...GO_BUILD_FLAGS.long, 'toolexec='], permute: true });
  const env = (o: { index: number }): boolean => o.index < fromEnv.length;
  for (const o of scan.options) {
    const exec = optionIs(o, ['--exec']) && env(o) && (sub === 'run' || sub === 'test');
    if (!optionIs(o, ['--toolexec']) && !exec) continue;
    if (o.value === null || o.value === undefined) { scope.raise('dynamic-command', `\`go ${sub}\` runs a tool through a command computed at run time`); continue; }
    scope.nested(o.value, `go ${sub} ${o.name}`, { spliceable: false });
  }
  // A value computed at run time (`-X main.version=$(git describe)`) can name a linker only where its text says -extld.
  const mentions = rest.some((w) => w.text.includes('extld'));
  for (const v of valuesOf(scan, '--ldflags')) if (v !== null || mentions) extLinker(scope, v, `go ${sub} -ldflags`);
  // go help environment: CC and CXX are the C and C++ compilers a cgo package's build runs.
  for (const name of GO_COMPILERS) {
    const cc = envOf(name);
    if (cc === null) scope.raise('dynamic-command', `\`go ${sub}\` runs the compiler ${name} names, computed at run time`);
    else if (cc !== undefined && cc !== '') scope.nested(cc, `go ${sub} (${name})`, { spliceable: false });
  }
}

/** The variables naming programs go runs for cgo (go help environment: the C, C++ and Fortran compilers, pkg-config, gccgo's archiver and gccgo). */
const GO_COMPILERS = ['CC', 'CXX', 'FC', 'PKG_CONFIG', 'AR', 'GCCGO'];

/** The settings of the go env file GOENV names on the command line (`KEY=VALUE` lines, as `go env -w` writes them); null when it cannot be read (said why). */
function goEnvFile(scope: Scope): Map<string, string> | null {
  const out = new Map<string, string>();
  const name = scope.env.get('GOENV');
  if (name === undefined || name === 'off' || name === '') return out;
  if (name === null || scope.cwd === null) { scope.raise('unreadable-script', 'GOENV names a file computed at run time'); return null; }
  const r = scope.files.read(resolve(scope.cwd, name));
  if (r.kind === 'missing') return out;
  if (r.kind !== 'text') { scope.raise('unreadable-script', `GOENV ${name}: ${r.kind === 'unreadable' ? r.why : 'not text'}`); return null; }
  for (const m of r.text.matchAll(/^\s*([A-Z_][A-Z0-9_]*)=(.*)$/gm)) out.set(m[1]!, m[2]!.trim());
  return out;
}

/** `-ldflags='-linkmode=external -extld=PROG'` (cmd/link): the external linker go's linker runs. */
function extLinker(scope: Scope, flags: string | null, label: string): void {
  if (flags === null) { if (scope.local) scope.raise('dynamic-command', `\`${label}\` is computed at run time`); return; }
  for (const m of flags.matchAll(/(?:^|[\s=])--?extld(?:=|\s+)(["']?)([^\s"']+)\1/g)) scope.nested(m[2]!, `${label} -extld`, { spliceable: false });
}

/**
 * `go env -w GOFLAGS=-toolexec=CMD` stores the flags in go's env file, where every later build reads
 * them: the tools they name are judged as run now.
 */
function goEnvWrites(scope: Scope, rest: readonly Word[]): void {
  if (!rest.some((w) => w.value === '-w')) return;
  for (const w of rest) {
    const cc = new RegExp(`^(${GO_COMPILERS.join('|')})=(.+)$`, 's').exec(w.value ?? '');
    if (cc) scope.nested(cc[2]!, `go env -w ${cc[1]!} (the next cgo build runs it)`, { spliceable: false });
    const m = /^GOFLAGS=(.*)$/s.exec(w.value ?? '');
    if (m === null) continue;
    const scan = getopt(m[1]!.split(/\s+/).filter(Boolean), { ...GO_BUILD_FLAGS, long: [...GO_BUILD_FLAGS.long, 'toolexec='], permute: true });
    for (const v of valuesOf(scan, '--toolexec', '--exec')) {
      if (v === null) scope.raise('dynamic-command', '`go env -w GOFLAGS` names a tool computed at run time');
      else scope.nested(v, 'go env -w GOFLAGS (the next build runs it)', { spliceable: false });
    }
    for (const v of valuesOf(scan, '--ldflags')) extLinker(scope, v, 'go env -w GOFLAGS -ldflags');
  }
}

function safeRegex(source: string): RegExp {
  try { return new RegExp(source); } catch { return /(?:)/; }
}

/** The commands of a Go file's `//go:generate` lines, with `-command` aliases and go's variables put in. */
export function generateLines(text: string, file: string): string[] {
  const aliases = new Map<string, string>();
  const out: string[] = [];
  const pkg = /^package\s+(\w+)/m.exec(text)?.[1] ?? 'main';
  for (const m of text.matchAll(/^\/\/go:generate[ \t]+(.*?)\s*$/gm)) {
    const line = m[1]!.replace(/\$(?:GOFILE|\{GOFILE\})/g, quoteWord(file.replace(/^.*\//, ''))).replace(/\$(?:GOPACKAGE|\{GOPACKAGE\})/g, pkg)
      .replace(/\$(?:DOLLAR|\{DOLLAR\})/g, '\\$');
    const alias = /^-command\s+(\S+)\s+(.*)$/.exec(line);
    if (alias) { aliases.set(alias[1]!, alias[2]!); continue; }
    const head = /^\S+/.exec(line)?.[0] ?? '';
    out.push(aliases.has(head) ? aliases.get(head)! + line.slice(head.length) : line);
  }
  return out;
}

// ------------------------------------------------------------------ cargo

/** cargo's options; `+TOOLCHAIN` (rustup's proxy) is read as an option, so the subcommand after it is seen. */
const CARGO = { short: 'vqZ:C:', long: ['config=', 'manifest-path=', 'package=|p', 'bin=', 'example=', 'target=', 'release|r', 'features=|F', 'profile=', 'jobs=|j', 'verbose|v', 'quiet|q', 'locked', 'offline', 'frozen', 'all-features', 'no-default-features', 'workspace', 'color=', 'path=', 'target-dir=', 'message-format=', 'list', 'version|V', 'help|h'], permute: true, plus: true };
/** Subcommands that build the package (and so run its build script), and those that then run what was built. */
const CARGO_BUILDS = new Set(['build', 'b', 'check', 'c', 'run', 'r', 'test', 't', 'bench', 'doc', 'd', 'clippy', 'rustc', 'fix', 'install', 'nextest', 'llvm-cov', 'miri']);
const CARGO_RUNS = new Set(['run', 'r', 'test', 't', 'bench', 'nextest']);

function cargo(scope: Scope, args: readonly Word[]): boolean {
  const scan = getopt(args.map(argOf), CARGO);
  const sub = scan.operands[0]?.value;
  if (sub === undefined) return false;
  scope.emit(scope.argv, 'cargo', { scan });
  const cwd = scope.cwd;
  if (cwd === null) return true;
  if (sub === null) { scope.raise('dynamic-command', '`cargo` runs a subcommand named at run time'); return true; }
  // `cargo -Zscript FILE.rs` (and a `#!/usr/bin/env -S cargo -Zscript` file): a single-file package run as a script.
  if (sub.endsWith('.rs')) { scanCodeFile(scope, 'code', resolve(cwd, sub), `cargo ${sub} (a cargo script)`); return true; }
  const config = cargoConfig(scope, cwd, valuesOf(scan, '--config'));
  if (config === null) return true;
  const alias = config.aliases.get(sub);
  if (alias !== undefined && !CARGO_BUILDS.has(sub)) {
    const key = `cargo-alias:${sub}`;
    if (!scope.run0.seen.has(key)) { scope.run0.seen.add(key); scope.nested(`cargo ${alias} ${args.slice(scan.operands[0]!.index + 1).map((w) => w.text).join(' ')}`, `cargo alias ${sub}`, { spliceable: false }); }
    return true;
  }
  // `cargo watch …` runs the program cargo-watch, a runner of its own (grammars/runners.ts).
  if (!CARGO_BUILDS.has(sub)) {
    if (isKnown(`cargo-${sub}`)) scope.continueWith([{ ...args[scan.operands[0]!.index]!, value: `cargo-${sub}`, tail: `cargo-${sub}` }, ...args.slice(scan.operands[0]!.index + 1)], `cargo ${sub}`);
    // Any other command cargo does not have runs the program cargo-SUB from PATH (git-programs.ts).
    else externalSubcommand(scope, 'cargo', sub);
    return true;
  }
  for (const w of config.wrappers) scope.nested(w, 'cargo (a compiler, wrapper or linker it runs)', { spliceable: false });
  const manifest = cargoManifest(scope, cwd, valueOf(scan, '--manifest-path'));
  if (manifest) {
    const root = dirname(manifest.path);
    const pkgs = cargoPackages(scope, root, manifest.text);
    for (const b of pkgs.compileTime) scanCodeFile(scope, 'code', b, `cargo ${sub} (build script or proc macro ${b})`);
    if (CARGO_RUNS.has(sub) && (sub === 'run' || sub === 'r')) {
      const bin = valueOf(scan, '--bin');
      scanCodeFile(scope, 'code', join(root, bin ? `src/bin/${bin}.rs` : 'src/main.rs'), `cargo ${sub} (the program)`);
    }
    // The tests (unit tests in src/, tests/, benches/) of the package and the workspace's members run.
    if (CARGO_RUNS.has(sub) && sub !== 'run' && sub !== 'r') cargoTests(scope, pkgs.members, `cargo ${sub}`);
  }
  if (CARGO_RUNS.has(sub)) for (const r of config.runners) scope.nested(`${r} target/debug/program`, `cargo ${sub} (target runner)`, { spliceable: false });
  return true;
}

/**
 * Variables naming programs cargo runs: target runners, rustc wrappers, rustc itself (RUSTC), target
 * linkers, and the rustc flags whose `-C linker=` names the linker rustc runs.
 */
const CARGO_TOOL_ENV = /^CARGO_TARGET_.+_(?:RUNNER|LINKER)$|^RUSTC(?:_(?:WORKSPACE_)?WRAPPER)?$|^CARGO_BUILD_RUSTC(?:_(?:WORKSPACE_)?WRAPPER)?$|^(?:CARGO_ENCODED_|CARGO_BUILD_)?RUSTFLAGS$/;

/** The linkers rustc flags name (`-C linker=X`, `-Clinker=X`), given as one string or a list of words. */
function rustcLinkers(flags: unknown): string[] {
  const words = typeof flags === 'string' ? flags.split(/\s+/) : Array.isArray(flags) ? flags.filter((x): x is string => typeof x === 'string') : [];
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const c = words[i] === '-C' || words[i] === '--codegen' ? words[++i] : /^-C(.+)$/.exec(words[i]!)?.[1] ?? /^--codegen=(.+)$/.exec(words[i]!)?.[1];
    const m = c === undefined ? null : /^linker=(.+)$/.exec(c);
    if (m) out.push(m[1]!);
  }
  return out;
}

/** `rustc -C linker=X`: rustc runs X to link what it compiled. */
function rustc(scope: Scope, args: readonly Word[]): boolean {
  const linkers = rustcLinkers(args.map((w) => w.value ?? ''));
  if (args.some((w) => w.value === null && /linker/.test(w.text))) scope.raise('dynamic-command', '`rustc` runs a linker named at run time');
  for (const l of linkers) scope.nested(l, 'rustc -C linker', { spliceable: false });
  return false;
}

/** cargo's home: CARGO_HOME as the text sets it, else ~/.cargo; null when computed (said) or unknown. */
function cargoHomeOf(scope: Scope, cwd: string): string | null {
  const v = scope.env.get('CARGO_HOME');
  if (v === null) { scope.raise('dynamic-command', 'CARGO_HOME (where cargo reads its config.toml) is computed at run time'); return null; }
  if (v !== undefined && v !== '') return resolve(cwd, v);
  const home = homeDir();
  return home === null ? null : join(home, '.cargo');
}


/**
 * What cargo's configuration says runs: target runners, rustc wrappers and aliases, from --config
 * (`KEY=VALUE` or a file), the environment, and .cargo/config.toml here and in every parent.
 * Null when it cannot be read (and said why).
 */
function cargoConfig(scope: Scope, cwd: string, cli: readonly (string | null)[]): { runners: string[]; wrappers: string[]; aliases: Map<string, string> } | null {
  const out = { runners: [] as string[], wrappers: [] as string[], aliases: new Map<string, string>() };
  const line = (v: unknown): string | null => typeof v === 'string' ? v : Array.isArray(v) && v.every((x) => typeof x === 'string') ? v.map((x) => quoteWord(x as string)).join(' ') : null;
  const take = (doc: Record<string, unknown>): void => {
    for (const t of Object.values((doc.target ?? {}) as Record<string, Record<string, unknown>>)) {
      const r = line(t?.runner); if (r) out.runners.push(r);
      const l = line(t?.linker); if (l) out.wrappers.push(l);
      out.wrappers.push(...rustcLinkers(t?.rustflags));
    }
    const build = (doc.build ?? {}) as Record<string, unknown>;
    out.wrappers.push(...rustcLinkers(build.rustflags));
    for (const k of ['rustc-wrapper', 'rustc-workspace-wrapper', 'rustc']) { const w = line(build[k]); if (w) out.wrappers.push(w); }
    for (const [k, v] of Object.entries((doc.alias ?? {}) as Record<string, unknown>)) { const a = line(v); if (a && !out.aliases.has(k)) out.aliases.set(k, a); }
  };
  try {
    for (const v of cli) {
      if (v === null) { scope.raise('dynamic-command', '`cargo --config` is computed at run time'); return null; }
      const file = !/=/.test(v) ? scope.files.read(resolve(cwd, v)) : null;
      take(parseToml(file === null ? v : file.kind === 'text' ? file.text : ''));
    }
    for (let dir = cwd, i = 0; i < 64; i++) {
      for (const n of ['.cargo/config.toml', '.cargo/config']) {
        const r = scope.files.read(join(dir, n));
        if (r.kind === 'text') take(parseToml(r.text));
      }
      if (dirname(dir) === dir) break;
      dir = dirname(dir);
    }
    // Then $CARGO_HOME/config.toml (~/.cargo by default), unless the walk read it already.
    const cargoHome = cargoHomeOf(scope, cwd);
    if (cargoHome !== null && !(basename(cargoHome) === '.cargo' && isWithin(cwd, dirname(cargoHome)))) {
      for (const n of ['config.toml', 'config']) {
        const r = scope.files.read(join(cargoHome, n));
        if (r.kind === 'text') take(parseToml(r.text));
      }
    }
  } catch (e) {
    scope.raise('unreadable-script', `cargo configuration: ${(e as Error).message.split('\n')[0]}`);
    return null;
  }
  for (const [k, v] of scope.env) {
    if (!CARGO_TOOL_ENV.test(k)) continue;
    if (v === null) { scope.raise('dynamic-command', `${k} is computed at run time`); continue; }
    if (/RUSTFLAGS$/.test(k)) out.wrappers.push(...rustcLinkers(k.startsWith('CARGO_ENCODED') ? v.split('\x1f') : v));
    else if (v !== '') (k.endsWith('_RUNNER') ? out.runners : out.wrappers).push(v);
  }
  return out;
}

// ------------------------------------------------------------------ maven

/** `mvn exec:exec`: runs exec.executable with exec.args (from -D, or the exec plugin's configuration in pom.xml). */
function mavenExec(scope: Scope, name: string, args: readonly Word[]): boolean {
  const scan = getopt(args.map(argOf), { short: 'qeXBUoNfD:f:P:pl:s:T:', long: ['define=|D', 'file=|f', 'activate-profiles=|P', 'settings=|s', 'threads=|T', 'batch-mode|B', 'quiet|q', 'offline|o'], permute: true });
  const goals = scan.operands.map((o) => o.value);
  if (!goals.some((g) => g === null || /(?:^|:)exec:exec$|exec-maven-plugin:.*:exec$|^exec:exec@/.test(g))) return false;
  scope.emit(scope.argv, name, { scan });
  const defs = new Map<string, string | null>();
  for (const v of valuesOf(scan, '-D')) {
    if (v === null) { scope.raise('dynamic-command', `\`${name} -D\` sets a property computed at run time`); return true; }
    const eq = v.indexOf('=');
    defs.set(eq < 0 ? v : v.slice(0, eq), eq < 0 ? 'true' : v.slice(eq + 1));
  }
  const pomPath = resolve(scope.cwd ?? '/', valueOf(scan, '-f') ?? 'pom.xml');
  const pom = scope.files.read(pomPath.endsWith('.xml') ? pomPath : join(pomPath, 'pom.xml'));
  const xml = pom.kind === 'text' ? pom.text : '';
  const tag = (t: string): string | undefined => new RegExp(`<${t}>\\s*([^<]*?)\\s*</${t}>`).exec(xml)?.[1];
  const exe = defs.get('exec.executable') ?? tag('executable');
  if (exe === undefined) return true;
  const listed = [...xml.matchAll(/<argument>\s*([^<]*?)\s*<\/argument>/g)].map((m) => quoteWord(m[1]!)).join(' ');
  const rest = defs.get('exec.args') ?? tag('commandlineArgs') ?? listed;
  if (exe === null || rest === null) { scope.raise('dynamic-command', `\`${name} exec:exec\` runs a command computed at run time`); return true; }
  scope.nested(`${quoteWord(exe)} ${rest}`, `${name} exec:exec`, { spliceable: false });
  return true;
}
