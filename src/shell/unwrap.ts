// Unwrapping: find every command that will really run, whatever wraps it. Wrappers (`sudo`, `env`,
// `timeout`, `xargs`, …) are peeled off; strings that a shell will run (`sh -c`, `eval`, `ssh HOST CMD`,
// heredocs, pipes into a shell, scripts, npm scripts, make recipes, strings inside inline interpreter
// code) are parsed again. Re-parsing goes through an explicit queue, so nesting depth is a counter,
// not recursion.
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { collectCommands, type Redirect, type SimpleCommand, type StdinSource } from './invocations.js';
import { joinContinuations, MAX_INPUT_BYTES, toOriginal, withTree } from './parse.js';
import { plainCommands } from './simple.js';
import {
  COMPOSE_PROGRAMS, CONTAINER_PROGRAMS, hostOf, parseContainer, parseSftp, parseSsh, scanOptions, type Arg,
  type ContainerCommand,
} from './programs.js';
import { basename, type Word } from './words.js';
import type { ScriptFiles } from './files.js';
import { mentionsManaged } from './fastpath.js';

export type Target = { readonly kind: 'local' } | { readonly kind: 'remote'; readonly host: string };
export const LOCAL: Target = { kind: 'local' };

/** Things the shell layer could not see through; the policy decides what each means. */
export type ShellEvent =
  /** The program name is computed at run time (`$d restart web`). */
  | 'dynamic-command'
  /** The text sent to a server is computed locally (`ssh host "$cmd"`). */
  | 'dynamic-remote-command'
  /** A script that exists but cannot be read or parsed, or stdin from a command whose output is unknown. */
  | 'unreadable-script'
  /** Inline interpreter code that mentions a managed tool in a way that cannot be decided. */
  | 'interpreter-code'
  /** Text too large, too deeply nested or unparseable, in which a managed tool could hide. */
  | 'bad-input';

export interface Invocation {
  /** The words of the command after wrappers were removed. */
  readonly argv: readonly Word[];
  /** The program's name (basename of argv[0]); null for events. */
  readonly program: string | null;
  readonly target: Target;
  /** Prefix assignments and variables exported earlier in the same script. */
  readonly env: ReadonlyMap<string, string | null>;
  readonly redirects: readonly Redirect[];
  readonly stdin: StdinSource | null;
  /** [start, end) in the original input: the command itself, or the outermost command it is nested in. */
  readonly start: number;
  readonly end: number;
  /** How it was reached: `sudo`, `bash -c`, `ssh web1`, `./deploy.sh`, … (outermost first). */
  readonly via: readonly string[];
  /** True when replacing [start, end) with a rewrite replaces exactly this command. */
  readonly spliceable: boolean;
  /** The local directory it runs in (absolute), when known. */
  readonly cwd: string | null;
  /** The local directory a rewrite spliced at [start, end) runs in: the outermost command's. */
  readonly rewriteCwd: string | null;
  readonly event?: ShellEvent;
  /** For events: what could not be seen through. */
  readonly detail?: string;
  /** A container CLI's parsed command line (parsed here to find its engine, kept for the policy). */
  readonly container?: ContainerCommand;
}

export interface UnwrapOptions {
  /** Absolute directory the command runs in. */
  readonly cwd: string;
  readonly files: ScriptFiles;
  /** Extra program names that count as managed for the bad-input rule (from user rules). */
  readonly managedNames?: readonly string[];
  /** How many times text may be parsed again inside text (default 12). */
  readonly maxDepth?: number;
  /** How many commands one input may expand to (default 2000). */
  readonly maxCommands?: number;
}

interface Job {
  readonly text: string;
  readonly target: Target;
  readonly depth: number;
  /** Range in the original input for text that is not the input itself. */
  readonly origin: { start: number; end: number } | null;
  /** Whether the origin command consists of exactly this job's text, so it may be replaced whole. */
  readonly spliceable: boolean;
  readonly cwd: string | null;
  readonly stdin: StdinSource | null;
  readonly via: readonly string[];
  /** Where the text came from: parse failures in script files ask; elsewhere they deny. */
  readonly source: 'input' | 'string' | 'script';
  readonly env: ReadonlyMap<string, string | null>;
  /** The directory of the outermost command (where a rewrite of it would run); null: this is the input. */
  readonly rewriteCwd?: string | null;
}

const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'ash', 'mksh', 'yash', 'posh', 'rbash', 'fish']);
const INTERPRETERS: Record<string, readonly string[]> = {
  python: ['-c'], node: ['-e', '--eval', '-p', '--print'], nodejs: ['-e', '--eval', '-p', '--print'],
  ruby: ['-e'], perl: ['-e', '-E'], php: ['-r'], bun: ['-e', '--eval', '-p', '--print'], lua: ['-e'],
  deno: [], Rscript: ['-e'], tclsh: [], pwsh: ['-c', '-Command'], osascript: ['-e'],
};

/** Process-starting calls in common interpreters. */
const SPAWNS = /\b(system|popen|Popen|subprocess|child_process|execSync|execFileSync|spawnSync|spawn|execFile|exec|fork|IO\.popen|Open3|shell_exec|passthru|proc_open|Deno\.Command|Bun\.spawn)\b|`|%x[{(\[]|qx[{(\[/]/;
/** Ways of building a string at run time. */
const BUILDS_STRINGS = /\+|\bf["']|%[sdr]|\.join\(|\$\{|#\{|\.format\(|concat|\.\.|\[::-1\]|chr\(|fromCharCode|\\x|\\u|base64|decode|atob|Buffer\.from|pack\(|reverse|replace/;

function interpreterOf(name: string): string | null {
  if (/^python[0-9.]*$/.test(name)) return 'python';
  if (/^(perl|ruby|php|lua)[0-9.]*$/.test(name)) return name.replace(/[0-9.]+$/, '');
  return name in INTERPRETERS ? name : null;
}

/** Find every invocation in `input`. Never throws for any input; always terminates. */
export function unwrap(input: string, options: UnwrapOptions): Invocation[] {
  const out: Invocation[] = [];
  const maxDepth = options.maxDepth ?? 12;
  const maxCommands = options.maxCommands ?? 2000;
  const queue: Job[] = [{
    text: input, target: LOCAL, depth: 0, origin: null, spliceable: true, cwd: options.cwd, stdin: null,
    via: [], source: 'input', env: new Map(),
  }];
  let commandCount = 0;
  const seenScripts = new Set<string>();
  const extraNames = options.managedNames ?? [];

  const event = (job: Job, ev: ShellEvent, detail: string, range?: { start: number; end: number }): void => {
    const r = job.origin ?? range ?? { start: 0, end: input.length };
    out.push({
      argv: [], program: null, target: job.target, env: job.env, redirects: [], stdin: null, start: r.start,
      end: r.end, via: job.via, spliceable: false, cwd: job.cwd, rewriteCwd: job.rewriteCwd ?? job.cwd, event: ev, detail,
    });
  };

  while (queue.length > 0) {
    const job = queue.shift()!;
    // Text that cannot be read: a script asks; elsewhere it is denied if a managed tool could hide in it.
    const unreadable = (why: string): void => {
      if (job.source === 'script') event(job, 'unreadable-script', `${job.via[job.via.length - 1] ?? 'script'}: ${why}`);
      else if (mentionsManaged(job.text, extraNames)) event(job, 'bad-input', why);
    };
    if (job.depth > maxDepth) {
      unreadable(`nested more than ${maxDepth} levels deep`);
      continue;
    }
    if (job.text.includes('\0')) {
      // No shell can run a NUL byte (bash stops reading a string at it; Node refuses it in argv).
      unreadable('contains NUL bytes');
      continue;
    }
    const plain = plainCommands(job.text);
    const prepared = plain ? { text: job.text, cuts: [] } : joinContinuations(job.text);
    const parsed = plain ? { ok: true as const, commands: plain }
      : withTree(prepared.text, (root) => collectCommands(prepared.text, root));
    if (!('ok' in parsed)) {
      unreadable(parsed.kind === 'too-large' ? `larger than ${MAX_INPUT_BYTES / 1024} KiB`
        : parsed.kind === 'syntax' ? `not valid shell syntax (at offset ${parsed.at})`
          : parsed.kind === 'timeout' ? 'took too long to parse' : 'too deeply nested');
      continue;
    }
    if (!parsed.ok) {
      unreadable('too deeply nested');
      continue;
    }
    const commands = parsed.commands;
    commandCount += commands.length;
    if (commandCount > maxCommands) {
      event(job, 'bad-input', `expands to more than ${maxCommands} commands`);
      break;
    }
    for (const command of commands) {
      const range = job.origin ?? {
        start: toOriginal(prepared, command.start),
        end: toOriginal(prepared, command.end),
      };
      // A `cd` on the server does not move the local directory.
      const cwd = job.target.kind === 'remote' || command.cwd === '.' ? job.cwd
        : command.cwd === null ? null
          : job.cwd === null ? (isAbsolute(command.cwd) ? command.cwd : null)
            : resolve(job.cwd, command.cwd);
      const env = job.env.size === 0 ? command.env : command.env.size === 0 ? job.env
        : new Map([...job.env, ...command.env]);
      const ctx: CommandContext = {
        job, range, cwd, env, rewriteCwd: job.rewriteCwd === undefined ? cwd : job.rewriteCwd,
        spliceable: job.spliceable && !hasInputRedirect(command),
        stdin: command.stdin ?? job.stdin,
      };
      unwrapCommand(command, ctx);
    }
  }
  return out;

  // ------------------------------------------------------------------ one command

  function unwrapCommand(command: SimpleCommand, ctx: CommandContext): void {
    let argv: readonly Word[] = command.words;
    let env = ctx.env;
    let ownEnv = false;
    const assign = (name: string, value: string | null): void => {
      if (!ownEnv) { env = new Map(env); ownEnv = true; }
      (env as Map<string, string | null>).set(name, value);
    };
    for (const a of command.assignments) assign(a.name, a.value);
    const via = [...ctx.job.via];
    let target = ctx.job.target;
    const local = target.kind === 'local';

    const emit = (words: readonly Word[], program: string | null): void => {
      // A container CLI pointed at another engine (`-H ssh://…`, `--context`, `DOCKER_HOST`) runs there.
      const container = program !== null && CONTAINER_CLIS.has(program)
        ? parseContainer(program, words.slice(1).map((w) => w.value), env) : undefined;
      const engine = container?.engineHost;
      out.push({
        argv: words, program, target: engine === undefined ? target : { kind: 'remote', host: engine ?? '?' }, env,
        redirects: command.redirects, stdin: ctx.stdin, start: ctx.range.start, end: ctx.range.end, via,
        spliceable: ctx.spliceable, cwd: ctx.cwd, rewriteCwd: ctx.rewriteCwd, ...(container ? { container } : {}),
      });
    };
    const nested = (text: string, label: string, extra: Partial<Job> = {}): void => {
      queue.push({
        text, target, depth: ctx.job.depth + 1, origin: ctx.range, rewriteCwd: ctx.rewriteCwd, spliceable: ctx.spliceable,
        cwd: ctx.cwd, stdin: null, source: 'string', env, ...extra, via: [...via, label],
      });
    };
    const raise = (ev: ShellEvent, detail: string): void => {
      out.push({
        argv, program: null, target, env, redirects: command.redirects, stdin: null, start: ctx.range.start,
        end: ctx.range.end, via, spliceable: false, cwd: ctx.cwd, rewriteCwd: ctx.rewriteCwd, event: ev, detail,
      });
    };

    for (let guard = 0; guard < 64; guard++) {
      const head = argv[0];
      if (!head) return;
      const value = head.value ?? head.tail;
      if (value === '') return; // an empty command name: the shell reports "command not found"
      if (value === null) {
        raise('dynamic-command', `the command name \`${head.text}\` is computed at run time`);
        return;
      }
      const name = basename(value);
      const args = argv.slice(1);
      const vals: Arg[] = args.map((w) => w.value);

      // ---------------------------------------------------------- shells and strings run as shell
      if (SHELLS.has(name) || (name === 'busybox' && SHELLS.has(vals[0] ?? ''))) {
        const shellArgs = name === 'busybox' ? args.slice(1) : args;
        const shell = name === 'busybox' ? `busybox ${vals[0]}` : name;
        const s = parseShellArgs(shellArgs);
        if (s.command !== undefined) {
          if (s.command === null || s.command.value === null) {
            raise('dynamic-command', `\`${shell} -c\` runs a string computed at run time`);
          } else {
            nested(s.command.value, `${shell} -c`);
          }
          return;
        }
        if (s.script !== undefined && !s.readsStdin) {
          if (!local) { emit(argv, name); return; }
          runScriptFile(s.script, `${shell} ${s.script?.text ?? ''}`.trim(), 'shell');
          return;
        }
        // Reads its script from stdin; on a server, a shell with no script is an interactive session.
        if (!local && ctx.stdin === null) { emit(argv, name); return; }
        runStdin(shell);
        return;
      }
      if (name === 'eval') {
        if (vals.some((v) => v === null)) { raise('dynamic-command', '`eval` runs a string computed at run time'); return; }
        nested(vals.join(' '), 'eval');
        return;
      }
      if (name === 'source' || name === '.') {
        const file = args[0];
        if (!file) return;
        if (!local) { emit(argv, name); return; }
        runScriptFile(file, `${name} ${file.text}`, 'shell');
        return;
      }

      // ---------------------------------------------------------- ssh: the remote command is shell again
      if (name === 'ssh') {
        const ssh = parseSsh(vals);
        emit(argv, 'ssh');
        if (ssh.proxyCommand) nested(ssh.proxyCommand, 'ssh ProxyCommand', { spliceable: false });
        if (ssh.noCommand || ssh.destination === undefined) return;
        const host = ssh.destination === null
          ? (args.find((w) => w.value === null)?.text ?? '?')
          : ssh.host ?? ssh.destination;
        const remote: Target = { kind: 'remote', host };
        const words = ssh.command.length > 0 ? ssh.command
          : ssh.remoteCommandOption !== undefined ? [ssh.remoteCommandOption] : [];
        if (words.some((w) => w === null)) {
          target = remote;
          raise('dynamic-remote-command', `the command sent to ${host} is computed at run time`);
          return;
        }
        const stdin = stdinText(ctx.stdin, `ssh ${host}`);
        if (words.length > 0) {
          // The remote command gets ssh's stdin; a shell there (`bash -s`) runs it as a script.
          queue.push({
            text: words.join(' '), target: remote, depth: ctx.job.depth + 1, origin: ctx.range, rewriteCwd: ctx.rewriteCwd,
            spliceable: ctx.spliceable, cwd: ctx.cwd,
            stdin: stdin.kind === 'text' ? stdin.source : stdin.kind === 'unknown' ? { kind: 'opaque', why: stdin.why } : null,
            source: 'string', env: new Map(), via: [...via, `ssh ${host}`],
          });
          return;
        }
        if (stdin.kind === 'text') {
          queue.push({
            text: stdin.text, target: remote, depth: ctx.job.depth + 1, origin: ctx.range, rewriteCwd: ctx.rewriteCwd, spliceable: false,
            cwd: ctx.cwd, stdin: null, source: 'string', env: new Map(), via: [...via, `ssh ${host} (stdin)`],
          });
        } else if (stdin.kind === 'unknown') {
          target = remote;
          raise('unreadable-script', stdin.why);
        }
        return;
      }

      // ---------------------------------------------------------- wrappers
      const inner = peelWrapper(name, args, assign);
      if (inner !== undefined) {
        if (inner === null) { emit(argv, name); return; }
        if ('shell' in inner) {
          if (inner.shell === null) { raise('dynamic-command', `\`${name}\` runs a string computed at run time`); return; }
          nested(inner.shell, name);
          if (inner.alsoEmit) emit(argv, name);
          return;
        }
        if (inner.alsoEmit) emit(argv, name);
        for (const extra of inner.more ?? []) {
          unwrapWords(extra, name);
        }
        if (inner.words.length === 0) return;
        via.push(name);
        if (name === 'xargs') ctx = { ...ctx, spliceable: false };
        argv = inner.words;
        continue;
      }

      // ---------------------------------------------------------- interpreters and scripts (local only)
      if (local) {
        const interp = interpreterOf(name);
        if (interp) {
          const code = interpreterCode(interp, args);
          if (code === null) { raise('interpreter-code', `\`${name}\` runs code computed at run time`); return; }
          if (code !== undefined) { scanCode(code, `${name} ${INTERPRETERS[interp]?.[0] ?? ''}`.trim()); return; }
          const file = args.find((w) => w.value === null || !w.value.startsWith('-'));
          if (file && file.value !== null && /\.(py|js|mjs|cjs|ts|rb|pl|php|lua)$/.test(file.value)) {
            runScriptFile(file, `${name} ${file.text}`, 'code');
          }
          emit(argv, name);
          return;
        }
        if (name === 'npm' || name === 'pnpm' || name === 'yarn' || name === 'bun') {
          if (runPackageScript(name, vals)) { emit(argv, name); return; }
        }
        if (name === 'make' || name === 'gmake') {
          runMake(vals);
          emit(argv, name);
          return;
        }
        if (value.includes('/')) {
          if (runScriptFile(head, head.text, 'exec', true)) return;
        }
      }
      emit(argv, name);
      return;
    }

    // ---------------------------------------------------------- helpers bound to this command

    /** Commands a wrapper runs with arguments from elsewhere (`find -exec`): never replaced whole. */
    function unwrapWords(words: readonly Word[], wrapper: string): void {
      const sub: SimpleCommand = { ...command, words: [...words] };
      unwrapCommand(sub, { ...ctx, spliceable: false, job: { ...ctx.job, via: [...via, wrapper] } });
    }

    function runStdin(shell: string): void {
      const s = stdinText(ctx.stdin, shell);
      if (s.kind === 'none') return; // an interactive shell
      if (s.kind === 'unknown') { raise('unreadable-script', s.why); return; }
      queue.push({
        text: s.text, target, depth: ctx.job.depth + 1, origin: ctx.range, rewriteCwd: ctx.rewriteCwd, spliceable: false, cwd: ctx.cwd,
        stdin: null, source: 'string', env, via: [...via, `${shell} (stdin)`],
      });
    }

    /** Judge a local script by its contents. Returns false when there is no such file. */
    function runScriptFile(file: Word | null | undefined, label: string, kind: 'shell' | 'code' | 'exec',
      quietIfMissing = false): boolean {
      if (!file) return false;
      if (file.value === null) { raise('unreadable-script', `the script path \`${file.text}\` is computed at run time`); return true; }
      const path = scriptPath(file.value, ctx.cwd);
      if (path === null) {
        raise('unreadable-script', `cannot tell which directory \`${file.text}\` is relative to`);
        return true;
      }
      const read = options.files.read(path);
      if (read.kind === 'missing') {
        if (!quietIfMissing) emit(argv, basename(file.value));
        return false;
      }
      if (read.kind === 'unreadable') { raise('unreadable-script', `${label}: ${read.why}`); return true; }
      if (read.kind === 'binary') { emit(argv, basename(file.value)); return true; }
      if (seenScripts.has(path)) return true;
      seenScripts.add(path);
      const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(read.text);
      let interp: string | null = null;
      if (kind === 'code') interp = 'code';
      else if (kind === 'exec' && shebang) {
        const prog = basename(shebang[1]!) === 'env' ? shebang[2] ?? '' : basename(shebang[1]!);
        interp = SHELLS.has(prog) ? null : prog;
      }
      const scriptVia = `${label}`;
      if (interp !== null) {
        if (read.text.length > MAX_INPUT_BYTES) { emit(argv, basename(file.value)); return true; }
        scanCode(read.text, scriptVia, dirname(path), false);
        emit(argv, basename(file.value));
        return true;
      }
      queue.push({
        text: read.text, target, depth: ctx.job.depth + 1, origin: ctx.range, rewriteCwd: ctx.rewriteCwd, spliceable: false,
        cwd: ctx.cwd, stdin: null, source: 'script', env,
        via: [...via, scriptVia],
      });
      return true;
    }

    function runPackageScript(tool: string, a: readonly Arg[]): boolean {
      const scan = scanOptions(a, '', ['--prefix', '--workspace', '-w', '-C', '--dir', '--filter', '--cwd']);
      const words = scan.operands;
      let script: Arg | undefined;
      const first = words[0];
      if (first === 'run' || first === 'run-script' || first === 'rum' || first === 'urn') script = words[1];
      else if (['start', 'test', 't', 'stop', 'restart'].includes(first ?? '')) script = first === 't' ? 'test' : first;
      else if ((tool === 'yarn' || tool === 'pnpm' || tool === 'bun') && first !== undefined && first !== null
        && !['install', 'add', 'remove', 'exec', 'dlx', 'x', 'create', 'init', 'why', 'list', 'ls', 'info',
          'upgrade', 'up', 'update', 'outdated', 'link', 'unlink', 'publish', 'pack', 'config', 'cache',
          'global', 'i', 'audit', 'build', 'version'].includes(first)) script = first;
      if (script === undefined) return false;
      if (script === null) { raise('dynamic-command', `\`${tool} run\` runs a script named at run time`); return true; }
      const prefix = optionValue(scan.options, '--prefix', '-C', '--dir', '--cwd');
      const start = prefix === undefined ? ctx.cwd : prefix === null || ctx.cwd === null ? null : resolve(ctx.cwd, prefix);
      if (start === null) { raise('unreadable-script', `cannot tell where \`${tool} ${script}\` finds package.json`); return true; }
      const found = options.files.findUp(start, 'package.json');
      if (!found) return false;
      if (found.kind === 'unreadable') { raise('unreadable-script', `package.json: ${found.why}`); return true; }
      let scripts: Record<string, unknown>;
      try {
        const pkg = JSON.parse(found.text) as { scripts?: Record<string, unknown> };
        scripts = pkg.scripts && typeof pkg.scripts === 'object' ? pkg.scripts : {};
      } catch {
        raise('unreadable-script', `${found.path} is not valid JSON`);
        return true;
      }
      const names = [`pre${script}`, script, `post${script}`];
      if (seenScripts.has(`${found.path}#${script}`)) return true;
      seenScripts.add(`${found.path}#${script}`);
      for (const n of names) {
        const text = scripts[n];
        if (typeof text !== 'string') continue;
        queue.push({
          text, target, depth: ctx.job.depth + 1, origin: ctx.range, rewriteCwd: ctx.rewriteCwd, spliceable: false, cwd: dirname(found.path),
          stdin: null, source: 'script', env, via: [...via, `${tool} run ${n}`],
        });
      }
      return true;
    }

    function runMake(a: readonly Arg[]): void {
      const scan = scanOptions(a, 'CfIjlEoW', ['--directory', '--file', '--makefile', '--include-dir', '--jobs'], false);
      const dirOpt = optionValue(scan.options, '-C', '--directory');
      const dir = dirOpt === undefined ? ctx.cwd : dirOpt === null || ctx.cwd === null ? null : resolve(ctx.cwd, dirOpt);
      if (dir === null) { raise('unreadable-script', 'cannot tell which Makefile `make` reads'); return; }
      const fileOpt = optionValue(scan.options, '-f', '--file', '--makefile');
      const candidates = fileOpt ? [fileOpt] : ['GNUmakefile', 'makefile', 'Makefile'];
      for (const c of candidates) {
        if (c === null) { raise('unreadable-script', 'the Makefile is named at run time'); return; }
        const path = resolve(dir, c);
        const read = options.files.read(path);
        if (read.kind === 'missing') continue;
        if (read.kind !== 'text') { raise('unreadable-script', `${c}: ${read.kind === 'unreadable' ? read.why : 'not text'}`); return; }
        const vars = new Map<string, string>();
        const targets: string[] = [];
        for (const op of scan.operands) {
          if (op === null) { raise('dynamic-command', '`make` builds a target named at run time'); return; }
          const eq = op.indexOf('=');
          if (eq > 0) vars.set(op.slice(0, eq), op.slice(eq + 1));
          else targets.push(op);
        }
        for (const recipe of makeRecipes(read.text, targets, vars)) {
          queue.push({
            text: recipe.text, target, depth: ctx.job.depth + 1, origin: ctx.range, rewriteCwd: ctx.rewriteCwd, spliceable: false, cwd: dir,
            stdin: null, source: 'script', env, via: [...via, `make ${recipe.target}`],
          });
        }
        return;
      }
    }

    function scanCode(code: string, label: string, cwd: string | null = ctx.cwd, inline = true): void {
      if (!mentionsManaged(code, extraNames)) {
        // `execSync('dock' + 'er ps')` never spells a name: inline code that starts processes with
        // strings built at run time cannot be read.
        if (inline && SPAWNS.test(code) && BUILDS_STRINGS.test(code)) {
          raise('interpreter-code', `${label} starts processes with command text built at run time`);
        }
        return;
      }
      const pieces = shellStringsInCode(code);
      let found = false;
      for (const piece of pieces) {
        if (!mentionsManaged(piece, extraNames)) continue;
        found = true;
        queue.push({
          text: piece, target, depth: ctx.job.depth + 1, origin: ctx.range, rewriteCwd: ctx.rewriteCwd, spliceable: false, cwd,
          stdin: null, source: 'string', env, via: [...via, label],
        });
      }
      if (!found) raise('interpreter-code', `${label} mentions a managed tool in code that cannot be read as a command`);
    }
  }

  function readLocal(path: string, cwd: string | null): string | null {
    const p = isAbsolute(path) ? path : cwd === null ? null : resolve(cwd, path);
    if (p === null) return null;
    const r = options.files.read(p);
    return r.kind === 'text' ? r.text : null;
  }

  /** Resolve what a command reads on stdin to text, when that can be known statically. */
  function stdinText(src: StdinSource | null, reader: string):
    | { kind: 'text'; text: string; source: StdinSource }
    | { kind: 'unknown'; why: string }
    | { kind: 'none' } {
    if (src === null) return { kind: 'none' };
    if (src.kind === 'text') return { kind: 'text', text: src.text, source: src };
    if (src.kind === 'opaque') return { kind: 'unknown', why: src.why };
    if (src.kind === 'file') {
      if (src.path === null) return { kind: 'unknown', why: `${reader} reads a file named at run time` };
      if (src.path === '/dev/null') return { kind: 'text', text: '', source: { kind: 'text', text: '', expands: false } };
      const text = readLocal(src.path, src.path.startsWith('/') ? '/' : options.cwd);
      if (text === null) return { kind: 'unknown', why: `${reader} reads ${src.path}, which cannot be read` };
      return { kind: 'text', text, source: { kind: 'text', text, expands: false } };
    }
    const produced = staticOutput(src.from, readLocal);
    if (produced === null) {
      const what = src.from.words[0]?.text ?? 'a command';
      return { kind: 'unknown', why: `${reader} runs the output of \`${what}\`, which cannot be known statically` };
    }
    return { kind: 'text', text: produced, source: { kind: 'text', text: produced, expands: false } };
  }
}

interface CommandContext {
  readonly job: Job;
  readonly range: { start: number; end: number };
  readonly cwd: string | null;
  /** Shared until a command or wrapper assigns a variable; then copied (see `assign`). */
  readonly env: ReadonlyMap<string, string | null>;
  readonly spliceable: boolean;
  readonly stdin: StdinSource | null;
  readonly rewriteCwd: string | null;
}

const CONTAINER_CLIS = new Set<string>([...CONTAINER_PROGRAMS, ...COMPOSE_PROGRAMS]);

function hasInputRedirect(command: SimpleCommand): boolean {
  return command.redirects.some((r) => r.op.startsWith('<<'));
}

function optionValue(opts: readonly { name: string; value: Arg }[], ...names: string[]): Arg | undefined {
  let v: Arg | undefined;
  for (const o of opts) if (names.includes(o.name)) v = o.value;
  return v;
}

function scriptPath(value: string, cwd: string | null): string | null {
  if (isAbsolute(value)) return value;
  if (value.startsWith('~/')) return join(process.env.HOME ?? '/', value.slice(2));
  return cwd === null ? null : resolve(cwd, value);
}

/** How a shell was asked to run: `-c STRING`, a script file, or its stdin. */
function parseShellArgs(args: readonly Word[]): { command?: Word | null; script?: Word; readsStdin: boolean } {
  let wantsCommand = false;
  let readsStdin = false;
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    const v = w.value;
    if (v === null) {
      if (wantsCommand) return { command: w, readsStdin };
      return { script: w, readsStdin };
    }
    if (v === '--' || v === '-') {
      const next = args[i + 1];
      if (wantsCommand) return { command: next ?? null, readsStdin };
      if (v === '-') readsStdin = true;
      return next && !readsStdin ? { script: next, readsStdin } : { readsStdin: true };
    }
    if (v.startsWith('--')) {
      if (v === '--rcfile' || v === '--init-file') i++;
      continue;
    }
    if (v.startsWith('-') || v.startsWith('+')) {
      const letters = v.slice(1);
      if (letters.includes('c')) wantsCommand = true;
      if (letters.includes('s')) readsStdin = true;
      if (/[oO]$/.test(letters)) i++;
      continue;
    }
    if (wantsCommand) return { command: w, readsStdin };
    if (readsStdin) return { readsStdin: true };
    return { script: w, readsStdin };
  }
  if (wantsCommand) return { command: null, readsStdin };
  return { readsStdin: true };
}

type Peeled =
  | { words: readonly Word[]; alsoEmit?: boolean; more?: (readonly Word[])[] }
  | { shell: string | null; alsoEmit?: boolean }
  | null;

/**
 * Wrappers that run another command. Returns the inner words, a string a shell will run, null when
 * the wrapper runs nothing here (`command -v docker`, `sudo -l`), or undefined for non-wrappers.
 */
function peelWrapper(name: string, args: readonly Word[], assign: (name: string, value: string | null) => void):
  Peeled | undefined {
  const v = (i: number): Arg => args[i]?.value ?? null;
  /** Skip getopt options; return the index of the first operand. */
  const skip = (valued: string, longValued: readonly string[] = [], from = 0): number => {
    let i = from;
    for (; i < args.length; i++) {
      const a = v(i);
      if (a === null) return i;
      if (a === '--') return i + 1;
      if (!a.startsWith('-') || a === '-') return i;
      if (a.startsWith('--')) {
        if (!a.includes('=') && longValued.includes(a)) i++;
        continue;
      }
      for (let j = 1; j < a.length; j++) {
        if (valued.includes(a[j]!)) {
          if (j === a.length - 1) i++;
          break;
        }
      }
    }
    return i;
  };
  const rest = (i: number): { words: readonly Word[] } => ({ words: args.slice(i) });

  switch (name) {
    case 'sudo': case 'doas': {
      const i = skip(name === 'sudo' ? 'ughpCDRTUrt' : 'uC', ['--user', '--group', '--host', '--prompt',
        '--close-from', '--chdir', '--chroot', '--role', '--type', '--other-user', '--command-timeout']);
      const flags = args.slice(0, i).map((w) => w.value ?? '');
      const letters = flags.filter((f) => f.startsWith('-') && !f.startsWith('--')).join('');
      if (/[lvkKV]/.test(letters) && i >= args.length) return null;
      if (letters.includes('e') || flags.includes('--edit')) return { words: [...args.slice(i)].length ? [{ ...args[i]!, value: 'sudoedit', tail: 'sudoedit' }, ...args.slice(i)] : [] };
      let j = i;
      while (j < args.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(v(j) ?? '')) {
        const a = v(j)!;
        assign(a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1));
        j++;
      }
      if ((/[is]/.test(letters) || flags.includes('--login') || flags.includes('--shell')) && j < args.length) {
        const words = args.slice(j).map((w) => w.value);
        return { shell: words.some((w) => w === null) ? null : words.join(' ') };
      }
      return rest(j);
    }
    case 'env': {
      let i = 0;
      for (; i < args.length; i++) {
        const a = v(i);
        if (a === null) break;
        if (a === '--') { i++; break; }
        if (a === '-S' || a === '--split-string') {
          const s = v(i + 1);
          return { shell: s === null ? null : [s, ...args.slice(i + 2).map((w) => w.value ?? '')].join(' ') };
        }
        if (a.startsWith('--split-string=')) return { shell: a.slice('--split-string='.length) };
        if (a.startsWith('-S') && a.length > 2) return { shell: a.slice(2) };
        if (['-u', '--unset', '-C', '--chdir', '-P'].includes(a)) { i++; continue; }
        if (a.startsWith('-') && a !== '-') continue;
        const eq = a.indexOf('=');
        if (eq > 0) { assign(a.slice(0, eq), a.slice(eq + 1)); continue; }
        break;
      }
      return rest(i);
    }
    case 'command': {
      const i = skip('');
      const flags = args.slice(0, i).map((w) => w.value ?? '').join('');
      if (/[vV]/.test(flags)) return null;
      return rest(i);
    }
    case 'builtin': return rest(0);
    case 'exec': return rest(skip('a'));
    case 'nohup': case 'setsid': case 'unbuffer': case 'caffeinate': return rest(skip(''));
    case 'nice': {
      let i = 0;
      while (i < args.length && /^-(n$|-adjustment|\d+$|-\d+$)/.test(v(i) ?? '')) i += v(i) === '-n' ? 2 : 1;
      return rest(skip('n', [], i));
    }
    case 'ionice': {
      const i = skip('cnp', ['--class', '--classdata', '--pid', '--pgid', '--uid']);
      if (args.slice(0, i).some((w) => /^-(p|P|u)$|^--(pid|pgid|uid)/.test(w.value ?? ''))) return null;
      return rest(i);
    }
    case 'time': return rest(skip('fo', ['--format', '--output']));
    case 'timeout': {
      const i = skip('sk', ['--signal', '--kill-after']);
      return rest(i + 1);
    }
    case 'stdbuf': return rest(skip('ioe', ['--input', '--output', '--error']));
    case 'chrt': {
      const i = skip('TPD', ['--sched-runtime', '--sched-period', '--sched-deadline']);
      if (args.slice(0, i).some((w) => /^-[a-zA-Z]*p/.test(w.value ?? '') || w.value === '--pid')) return null;
      return rest(i + 1);
    }
    case 'taskset': {
      const i = skip('');
      if (args.slice(0, i).some((w) => /^-[a-zA-Z]*p/.test(w.value ?? '') || w.value === '--pid')) return null;
      return rest(i + 1);
    }
    case 'flock': {
      const i = skip('wEc', ['--timeout', '--conflict-exit-code', '--command']);
      const c = args.slice(0, i + 2).findIndex((w) => w.value === '-c' || w.value === '--command');
      if (c >= 0) return { shell: v(c + 1) };
      if (i + 1 < args.length && (v(i + 1) === '-c' || v(i + 1) === '--command')) return { shell: v(i + 2) };
      return rest(i + 1);
    }
    case 'watch': {
      const i = skip('ndqs', ['--interval', '--differences', '--chgexit', '--equexit']);
      const exec = args.slice(0, i).some((w) => w.value === '-x' || w.value === '--exec');
      if (exec) return rest(i);
      const words = args.slice(i).map((w) => w.value);
      return { shell: words.some((w) => w === null) ? null : words.join(' ') };
    }
    case 'xargs': {
      const i = skip('adEeIiLlnPs', ['--arg-file', '--delimiter', '--eof', '--replace', '--max-lines',
        '--max-args', '--max-procs', '--max-chars', '--process-slot-var']);
      return rest(i);
    }
    case 'parallel': case 'sem': {
      const i = skip('jNnLIdaS', ['--jobs', '--colsep', '--delimiter', '--arg-file', '--sshlogin', '--results',
        '--joblog', '--delay', '--timeout', '--retries', '--tag-string', '--workdir', '--env']);
      const end = args.findIndex((w, k) => k >= i && (w.value === ':::' || w.value === '::::' || w.value === ':::+'));
      const words = args.slice(i, end < 0 ? undefined : end).map((w) => w.value);
      if (words.length === 0) return { words: [] };
      return { shell: words.some((w) => w === null) ? null : words.join(' ') };
    }
    case 'su': case 'runuser': {
      for (let i = 0; i < args.length; i++) {
        const a = v(i);
        if (a === '-c' || a === '--command' || a === '--session-command') return { shell: v(i + 1) };
        if (a?.startsWith('--command=')) return { shell: a.slice('--command='.length) };
        if (name === 'runuser' && (a === '-u' || a === '--user')) {
          const k = skip('', [], i + 2);
          return rest(k);
        }
      }
      return null;
    }
    case 'chroot': return rest(skip('', ['--userspec', '--groups']) + 1);
    case 'git': {
      // `git -c alias.x='!cmd' x` runs cmd through a shell.
      for (let i = 0; i + 1 < args.length; i++) {
        if (v(i) !== '-c') continue;
        const m = /^alias\.([^=]+)=!(.*)$/s.exec(v(i + 1) ?? '');
        if (m && args.some((w, k) => k > i + 1 && w.value === m[1])) return { shell: m[2]!, alsoEmit: true };
        if (v(i + 1) === null) return { shell: null };
      }
      return undefined;
    }
    case 'find': {
      const found: (readonly Word[])[] = [];
      for (let i = 0; i < args.length; i++) {
        const a = v(i);
        if (a === '-exec' || a === '-execdir' || a === '-ok' || a === '-okdir') {
          let j = i + 1;
          while (j < args.length && v(j) !== ';' && v(j) !== '+') j++;
          found.push(args.slice(i + 1, j));
          i = j;
        }
      }
      if (found.length === 0) return undefined;
      return { words: [], alsoEmit: true, more: found };
    }
    default:
      return undefined;
  }
}

/** The code string given to an interpreter with -c / -e; undefined when it runs a file or nothing. */
function interpreterCode(interp: string, args: readonly Word[]): string | null | undefined {
  const flags = INTERPRETERS[interp] ?? [];
  if (interp === 'deno' && args[0]?.value === 'eval') return args[1]?.value ?? null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!.value;
    if (a === null) return undefined;
    for (const f of flags) {
      if (a === f) return args[i + 1]?.value ?? null;
      if (f.length === 2 && a.startsWith(f) && a.length > 2 && !a.startsWith('--')) return a.slice(2);
      if (f.startsWith('--') && a.startsWith(f + '=')) return a.slice(f.length + 1);
    }
    if (!a.startsWith('-')) return undefined;
  }
  return undefined;
}

/**
 * Strings in interpreter code that may be shell commands: every string literal, and every list of
 * string literals joined with spaces (`["docker", "restart", "web"]`).
 */
export function shellStringsInCode(code: string): string[] {
  const literals: { text: string; start: number; end: number }[] = [];
  for (let i = 0; i < code.length && literals.length < 10_000; i++) {
    const c = code[i]!;
    if (c === '#' && (i === 0 || code[i - 1] === '\n' || code[i - 1] === ' ')) {
      // Comments in Python, Ruby, Perl and shell: skip to the end of the line.
      const nl = code.indexOf('\n', i);
      i = nl < 0 ? code.length : nl;
      continue;
    }
    if (c !== '"' && c !== "'" && c !== '`') continue;
    const triple = code.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
    let j = i + triple.length;
    let text = '';
    while (j < code.length && !code.startsWith(triple, j)) {
      if (code[j] === '\\' && j + 1 < code.length) {
        const n = code[j + 1]!;
        text += n === 'n' ? '\n' : n === 't' ? '\t' : n;
        j += 2;
        continue;
      }
      text += code[j];
      j++;
    }
    literals.push({ text, start: i, end: j + triple.length });
    i = j + triple.length - 1;
  }
  const out = literals.map((l) => l.text);
  // Adjacent literals separated only by commas and white space form an argv list.
  let run: string[] = [];
  for (let k = 0; k < literals.length; k++) {
    const cur = literals[k]!;
    const prev = literals[k - 1];
    if (prev && /^\s*,\s*$/.test(code.slice(prev.end, cur.start))) run.push(cur.text);
    else {
      if (run.length > 1) out.push(run.map(quoteForScan).join(' '));
      run = [cur.text];
    }
  }
  if (run.length > 1) out.push(run.map(quoteForScan).join(' '));
  return out;
}

function quoteForScan(s: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** What a simple producer writes to stdout, when it is static: echo, printf, cat of a heredoc or file. */
export function staticOutput(cmd: SimpleCommand, read: (path: string, cwd: string | null) => string | null): string | null {
  const [head, ...rest] = cmd.words;
  const name = head?.value ? basename(head.value) : null;
  const vals = rest.map((w) => w.value);
  if (vals.some((v) => v === null)) return null;
  const args = vals as string[];
  if (name === 'echo') {
    let i = 0;
    let newline = true;
    while (i < args.length && /^-[neE]+$/.test(args[i]!)) { if (args[i]!.includes('n')) newline = false; i++; }
    return args.slice(i).join(' ') + (newline ? '\n' : '');
  }
  if (name === 'printf') {
    const [fmt, ...fargs] = args;
    if (fmt === undefined) return null;
    let k = 0;
    const body = fmt.replace(/%[sbdq%]|\\n|\\t|\\\\/g, (m) => {
      if (m === '%%') return '%';
      if (m === '\\n') return '\n';
      if (m === '\\t') return '\t';
      if (m === '\\\\') return '\\';
      return fargs[k++] ?? '';
    });
    return body;
  }
  if (name === 'cat') {
    const files = args.filter((a) => !a.startsWith('-') || a === '-');
    if (files.length === 0 || (files.length === 1 && files[0] === '-')) {
      return cmd.stdin?.kind === 'text' ? cmd.stdin.text : null;
    }
    let text = '';
    for (const f of files) {
      const t = read(f, cmd.cwd);
      if (t === null) return null;
      text += t;
    }
    return text;
  }
  return null;
}

/** Recipes to run for `make TARGETS`, with make variables expanded where they are known. */
export function makeRecipes(text: string, targets: readonly string[], cliVars: ReadonlyMap<string, string>):
  { target: string; text: string }[] {
  const lines = text.replace(/\\\n/g, ' ').split('\n');
  const vars = new Map<string, string>();
  const rules = new Map<string, { prereqs: string[]; recipe: string[] }>();
  let current: { prereqs: string[]; recipe: string[] }[] = [];
  let first: string | undefined;
  for (const line of lines) {
    if (line.startsWith('\t')) {
      for (const r of current) r.recipe.push(line.slice(1));
      continue;
    }
    const trimmed = line.replace(/#.*$/, '').trim();
    if (trimmed === '') continue;
    const assign = /^(?:export\s+|override\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*(?::{1,3}=|\?=|\+=|=|!=)\s*(.*)$/.exec(trimmed);
    if (assign) {
      if (!vars.has(assign[1]!) || !trimmed.includes('?=')) vars.set(assign[1]!, assign[2]!);
      current = [];
      continue;
    }
    const rule = /^([^:=]+?)\s*::?\s*([^=]*)$/.exec(trimmed);
    if (rule) {
      const [prereqPart, inline] = rule[2]!.split(';', 2) as [string, string | undefined];
      current = [];
      for (const t of rule[1]!.split(/\s+/)) {
        if (t === '') continue;
        const r = rules.get(t) ?? { prereqs: [], recipe: [] };
        r.prereqs.push(...prereqPart.split(/\s+/).filter(Boolean));
        if (inline) r.recipe.push(inline);
        rules.set(t, r);
        current.push(r);
        if (first === undefined && !t.startsWith('.') && !t.includes('%')) first = t;
      }
      continue;
    }
    current = [];
  }
  for (const [k, val] of cliVars) vars.set(k, val);
  const wanted = targets.length > 0 ? [...targets] : first ? [first] : [];
  const out: { target: string; text: string }[] = [];
  const done = new Set<string>();
  const stack = wanted.reverse().map((t) => ({ t, expanded: false }));
  while (stack.length > 0 && done.size < 500) {
    const top = stack.pop()!;
    if (done.has(top.t)) continue;
    const r = rules.get(top.t);
    if (!r) { done.add(top.t); continue; }
    if (!top.expanded) {
      stack.push({ t: top.t, expanded: true });
      for (const p of [...r.prereqs].reverse()) if (!done.has(p)) stack.push({ t: p, expanded: false });
      continue;
    }
    done.add(top.t);
    for (const line of r.recipe) {
      const cmd = expandMake(line.replace(/^[\s@+-]+/, ''), vars, top.t);
      if (cmd.trim() !== '') out.push({ target: top.t, text: cmd });
    }
  }
  return out;
}

function expandMake(line: string, vars: ReadonlyMap<string, string>, target: string, depth = 0): string {
  return line.replace(/\$(\$|\(([^()]*)\)|\{([^{}]*)\}|[@<^*?%+|])/g, (_m, what: string, paren?: string, brace?: string) => {
    if (what === '$') return '$';
    const name = paren ?? brace;
    if (name === undefined) return what === '@' ? target : '__make_auto__';
    if (/\s/.test(name)) return '"$__make_function"';
    const value = vars.get(name);
    if (value === undefined || depth > 8) return `"$__make_${name.replace(/[^A-Za-z0-9_]/g, '_')}"`;
    return expandMake(value, vars, target, depth + 1);
  });
}

export function hostLabel(destination: string): string {
  return hostOf(destination) ?? destination;
}

export { parseSftp };
