// The expansion driver: find every command that will really run. Text goes through a job queue
// (so nesting is a counter, not recursion); each simple command is handed to the runner families
// in turn until one of them has read it. Every limit that runs out (depth, wrappers, commands,
// time, size) becomes a `limit` event: the policy blocks where something managed could hide.
import type { ScriptFiles } from '../files.js';
import { COMMAND_ENV, OPTIONS_ENV } from '../grammars/env.js';
import { embeddedLine } from './unknown.js';
import { optionsLine } from './env-payloads.js';
import { parseCommands } from '../glob-spelling.js';
import { respelled } from '../respell.js';
import { type Redirect, type SimpleCommand, type StdinSource } from '../invocations.js';
import { LOCAL, type Invocation, type ProgramFacts, type ShellEvent, type Target } from '../invocation.js';
import { commandStarts, costlyShape, joinContinuations, MAX_INPUT_BYTES, parserLoaded, toOriginal } from '../parse.js';
import { plainCommands } from '../plain.js';
import { argOf, basename, type Word } from '../words.js';
import { getopt, type Scan } from '../getopt.js';
import { overlay, recordWrites, type UnnamedDir, type Written } from './writes.js';
import { writesFile } from './written-paths.js';
import { commandWrites } from './command-writes.js';
import { canonicalName, isKnown } from './known-names.js';
import { knownHead, pathOf } from './path-lookup.js';
import { globCommand } from './glob-names.js';
import { readVars } from './read-vars.js';
import { definitions, records } from './definitions.js';
import { FROM_FILE } from '../set-vars.js';
import { VALUE_TEXT, valueText } from '../cwd.js';
import { commandCwds } from './cd-states.js';
import { scriptNames, withoutScriptNames, type ScriptNames } from './script-name.js';
import { hasNamerefs } from '../namerefs.js';
import { runsUnnamed } from '../fastpath.js';
import { DEFAULT_VERBS, READERS } from '../grammars/readers.js';
import { budget } from '../clock.js';
import { loopTurns } from './loop-turns.js';
import { stdoutGoes } from './stdout.js';
import { MAX_WRAPPERS, type ExpandOptions, type ExpandResult, type Job } from './job.js';

export type { ExpandOptions, ExpandResult, Job } from './job.js';
export { MAX_WRAPPERS } from './job.js';

/** A command name that is only the function's arguments: `"$@"`, `$1`, `${*}`. */
const POSITIONAL = /^"?\$(?:[@*]|\d+|\{(?:[@*]|\d+)\})"?$/;

/** How a turn of a loop is reached (loop-turns.ts): its words hold that turn's values, so it is not split again. */
const LOOP_TURN = 'one turn of its loop';
const CWD_TURN = 'one directory it may run in';

/** One family of runners: returns true when it has read the command (emitted, queued or raised). */
export type Family = (scope: Scope, name: string, args: readonly Word[]) => boolean;

export class Expansion {
  readonly out: Invocation[] = [];
  readonly queue: Job[] = [];
  readonly seen = new Set<string>();
  /** Files written earlier in the text (see writes.ts), and copies of binaries under another name. */
  readonly written: Written = new Map();
  readonly renamed = new Map<string, string>();
  /** Writes earlier in the text to a path it does not fix (`> "$(g)"`, `cp x "$d"`), with what they write (null: not known): each may make any file. */
  readonly unplacedWrites: { readonly target: string; readonly text: string | null }[] = [];
  /** Directories earlier commands put files into whose names the text does not show (an archive extracted there), with what did it. */
  readonly unnamedDirs = new Map<string, UnnamedDir>();
  /** What a command's writes leave, recorded once what the command itself runs has been read (unknown-content.ts). */
  readonly afterCommand: (() => void)[] = [];
  /** Links made earlier in the text: the link's path, and the path it leads to (a write through one writes both). */
  readonly links = new Map<string, string>();
  /** Fifos made earlier in the text, and readers waiting for what later commands write to one (or to a coprocess). */
  readonly fifos = new Set<string>();
  readonly feeds = new Map<string, (text: string | null) => void>();
  /** Aliases and functions defined earlier in the text. */
  readonly aliases = new Map<string, string>();
  readonly functions = new Map<string, string>();
  readonly files: ScriptFiles;
  readonly maxDepth: number;
  private readonly maxCommands: number;
  private readonly outOfTime: () => boolean;
  private commandCount = 0;
  private needsParser = false;

  constructor(readonly input: string, readonly options: ExpandOptions, readonly families: readonly Family[]) {
    this.files = overlay(options.files, this.written, this.unnamedDirs);
    this.maxDepth = options.maxDepth ?? 12;
    this.maxCommands = options.maxCommands ?? 2000;
    this.outOfTime = budget(options.budgetMs ?? 1500);
    this.queue.push({
      text: input, target: LOCAL, depth: 0, origin: null, spliceable: true, cwd: options.cwd, stdin: null,
      via: [], source: 'input', env: new Map(),
    });
  }

  run(): ExpandResult {
    while (this.queue.length > 0) {
      const job = this.queue.shift()!;
      if (this.outOfTime()) {
        this.limitReached(job, 'took too long to read');
        break;
      }
      const goOn = this.job(job);
      if (this.needsParser) return { kind: 'needs-parser' };
      if (!goOn) break;
    }
    return { kind: 'done', invocations: this.out };
  }

  /** An event for text of `job` that could not be seen through. */
  event(job: Job, ev: ShellEvent, detail: string, text: string, range?: { start: number; end: number }): void {
    const r = job.origin ?? range ?? { start: 0, end: this.input.length };
    this.out.push({
      argv: [], program: null, target: job.target, env: job.env, redirects: [], stdin: null, start: r.start,
      end: r.end, via: job.via, spliceable: false, cwd: job.cwd, rewriteCwd: job.rewriteCwd ?? job.cwd, event: ev, detail, text,
    });
  }

  /**
   * A limit ran out while reading `job`. What is left unread may be reached from anywhere in the
   * input (a function called from the top, an alias defined lines earlier), so the whole input is
   * what bad-input searches for a managed name, a runner or a computed part.
   */
  private limitReached(job: Job, why: string): void {
    this.event(job, 'limit', why, this.input);
  }

  /** Text that cannot be read: a script asks; elsewhere it is bad input. */
  private unreadable(job: Job, why: string): void {
    if (job.source === 'code') return;
    if (job.source === 'script') this.event(job, 'unreadable-script', `${job.via[job.via.length - 1] ?? 'script'}: ${why}`, job.text);
    else this.event(job, 'bad-input', why, job.text);
  }

  /** Read the jobs queued from `mark` on now, in order (the nesting depth still bounds how deep this goes). */
  private drain(mark: number): boolean {
    for (const next of this.queue.splice(mark)) {
      if (this.outOfTime()) { this.limitReached(next, 'took too long to read'); return false; }
      if (!this.job(next)) return false;
    }
    return true;
  }

  /** Read one job; false when a limit ended the whole expansion. */
  private job(job: Job): boolean {
    if (job.depth > this.maxDepth) { this.limitReached(job, `nested more than ${this.maxDepth} levels deep`); return true; }
    // No shell can run a NUL byte (bash stops reading a string at it; Node refuses it in argv).
    if (job.text.includes('\0')) { this.unreadable(job, 'contains NUL bytes'); return true; }
    // Namerefs of the text around it (namerefs.ts) are the parser's walk's to follow.
    const refs = hasNamerefs(job.env);
    const plain = refs ? null : plainCommands(job.text);
    if (!plain && !parserLoaded() && job.text.length <= MAX_INPUT_BYTES) { this.needsParser = true; return false; }
    // Text dense with command starts costs the parser more than the budget: see commandStarts.
    if (!plain && commandStarts(job.text, 4 * this.maxCommands) > 4 * this.maxCommands) {
      this.limitReached(job, `holds more than ${4 * this.maxCommands} command separators and substitutions`);
      return false;
    }
    const costly = plain ? null : costlyShape(job.text);
    if (costly !== null) { this.limitReached(job, costly); return false; }
    const prepared = plain ? { text: job.text, cuts: [] } : joinContinuations(job.text);
    const parsed = plain ? { ok: true as const, commands: plain }
      : parseCommands(prepared.text, refs ? job.env : undefined);
    if (!('ok' in parsed)) {
      // Shell text in a form tree-sitter cannot parse is read as the same commands spelled again; where
      // that runs a path or a computed name, the guard's reading is not the parser's: a limit too.
      const spelled = parsed.kind === 'syntax' && !job.respelled && job.source !== 'code' ? respelled(job.text) : null;
      if (spelled !== null && runsUnnamed(spelled, undefined, true)) this.event(job, 'limit', 'not valid shell syntax to the parser (read as spelled again)', spelled);
      if (spelled !== null) return this.job({ ...job, text: spelled, respelled: true, spliceable: false, origin: job.origin ?? { start: 0, end: job.text.length } });
      if (parsed.kind === 'syntax') this.unreadable(job, `not valid shell syntax (at offset ${parsed.at})`);
      else if (job.source === 'script') this.unreadable(job, parsed.kind === 'too-large' ? `larger than ${MAX_INPUT_BYTES / 1024} KiB` : 'too deeply nested to read');
      else this.limitReached(job, parsed.kind === 'too-large' ? `larger than ${MAX_INPUT_BYTES / 1024} KiB`
        : parsed.kind === 'timeout' ? 'took too long to parse' : 'too deeply nested');
      return true;
    }
    if (!parsed.ok && parsed.reason === 'syntax') { this.unreadable(job, `not valid shell syntax (at offset ${toOriginal(prepared, parsed.at)})`); return true; }
    if (!parsed.ok) { this.limitReached(job, 'too deeply nested'); return true; }
    this.commandCount += parsed.commands.length;
    if (this.commandCount > this.maxCommands) {
      this.limitReached(job, `expands to more than ${this.maxCommands} commands`);
      return false;
    }
    for (const [name, body] of ('functions' in parsed ? parsed.functions ?? [] : [])) {
      this.functions.set(name, body);
      // A definition is judged where it is made: bash runs command_not_found_handle for any command it
      // cannot find, and the agent's own shell may keep its state between an agent host's calls
      // (Copilot, Cline, a terminal) and run the function on a later call this text does not show. That
      // holds for definitions made through eval, source or another function too; one made on a server
      // (over ssh) is in a shell that exits with the command.
      if (name !== 'command_not_found_handle' && job.target.kind !== 'local') continue;
      const at = prepared.text.indexOf(body);
      const origin = job.origin ?? (at < 0 ? null : { start: toOriginal(prepared, at), end: toOriginal(prepared, at + body.length) });
      this.queue.push({ ...job, text: body, origin, depth: job.depth + 1, spliceable: false, via: [...job.via, `${name} (defined here)`], definition: name });
    }
    for (let i = 0; i < parsed.commands.length; i++) {
      // One job can hold thousands of commands: the budget bounds the whole input, not only between jobs.
      if (this.outOfTime()) { this.limitReached(job, 'took too long to read'); return false; }
      const command = parsed.commands[i]!;
      const range = job.origin ?? { start: toOriginal(prepared, command.start), end: toOriginal(prepared, command.end) };
      const mark = this.queue.length;
      const scope = new Scope(this, job, command, range);
      scope.run();
      recordWrites(scope);
      // Text this command runs (a script, a string) may write what a later command runs (`bash s.sh;
      // bash t.sh`, s.sh writing t.sh): it is read before the commands after it, and before its writes count.
      const after = this.afterCommand.splice(0);
      if ((i < parsed.commands.length - 1 || after.length > 0) && this.queue.length > mark && !this.drain(mark)) return false;
      for (const f of after) f();
    }
    // A variable set again under a condition may keep its earlier value: the text is read once more
    // without those assignments (at the same offsets, so what both readings find is reported once).
    const unsure = 'unsure' in parsed ? parsed.unsure ?? [] : [];
    if (unsure.length > 0) {
      const ranges = unsure.map(([s, e]) => [toOriginal(prepared, s), toOriginal(prepared, e)] as const);
      this.queue.push({ ...job, text: withoutAssignments(job.text, ranges), depth: job.depth + 1 });
    }
    for (const r of parsed.reparse ?? []) {
      this.queue.push({
        ...job, text: r.text, depth: job.depth + 1, spliceable: false,
        origin: job.origin ?? { start: toOriginal(prepared, r.start), end: toOriginal(prepared, r.end) },
        rewriteCwd: job.rewriteCwd ?? job.cwd,
      });
    }
    return true;
  }
}

/** `text` with each range (an assignment) made the no-op `_=`, every other offset kept. */
function withoutAssignments(text: string, ranges: readonly (readonly [number, number])[]): string {
  let out = '';
  let at = 0;
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (start < at) continue;
    out += text.slice(at, start) + '_=' + text.slice(start + 2, end).replace(/[^\n]/g, ' ');
    at = end;
  }
  return out + text.slice(at);
}

/** One simple command being read: its words shrink as wrappers are peeled off. */
export class Scope {
  argv: readonly Word[];
  env: ReadonlyMap<string, string | null>;
  target: Target;
  readonly via: string[];
  spliceable: boolean;
  readonly cwd: string | null;
  /** Where the command may run in more than one directory (a `cd` that may not run): each of them. */
  private readonly cwds?: readonly (string | null)[];
  readonly rewriteCwd: string | null;
  readonly stdin: StdinSource | null;
  /** Arguments are appended from stdin at run time (under `xargs`, `parallel`). */
  argsFromStdin = false;
  /** Without a replace string: what is read is appended after the command's own words (xargs(1)). */
  argsAppended = false;
  private ownEnv = false;

  /**
   * `recorded`: recordWrites follows what this command writes once it is read (not so for a command
   * read through another one, `find -exec cp …`).
   */
  constructor(readonly run0: Expansion, readonly job: Job, readonly command: SimpleCommand, readonly range: { start: number; end: number },
    readonly recorded = true) {
    this.argv = command.words;
    this.target = job.target;
    this.via = [...job.via];
    this.cwd = null;
    this.env = job.env.size === 0 ? command.env : command.env.size === 0 ? job.env : new Map([...job.env, ...command.env]);
    if ([...this.env.values()].some((v) => v?.startsWith(FROM_FILE))) this.env = readVars(this.env, run0.files, job.cwd);
    for (const a of command.assignments) this.assign(a.name, a.value, a.text);
    // Every directory the `cd`s before it may leave the shell in (cd-states.ts): judged in each.
    const cwds = commandCwds(this);
    this.cwd = cwds[0]!;
    if (cwds.length > 1) this.cwds = cwds;
    this.rewriteCwd = job.rewriteCwd === undefined ? this.cwd : job.rewriteCwd;
    this.spliceable = job.spliceable && !command.redirects.some((r) => r.op.startsWith('<<'));
    this.stdin = command.stdin ?? job.stdin;
  }

  get local(): boolean {
    return this.target.kind === 'local';
  }

  get files(): ScriptFiles {
    return this.run0.files;
  }

  /** Set a variable for this command; a computed value keeps its written text (cwd.ts VALUE_TEXT), as a statement's does. */
  assign(name: string, value: string | null, text?: string): void {
    if (value && (COMMAND_ENV.has(name) || name in OPTIONS_ENV)) this.commandEnv.push([name, value]);
    if (!this.ownEnv) { this.env = new Map(this.env); this.ownEnv = true; }
    (this.env as Map<string, string | null>).set(name, value);
    if (value === null && text !== undefined) (this.env as Map<string, string | null>).set(VALUE_TEXT + name, valueText(this.cwd, text));
    else (this.env as Map<string, string | null>).delete(VALUE_TEXT + name);
  }

  /** Did an invocation of this scope carry the command's redirections? */
  private carried = false;
  /** Variables set for this command that hand some program a command (grammars/env.ts). */
  private readonly commandEnv: [string, string][] = [];

  run(): void {
    const turns = this.via.at(-1) === LOOP_TURN || this.cwds ? null : loopTurns(this, this.argv);
    if (this.cwds) { for (const cwd of this.cwds) this.sub(this.argv, CWD_TURN, cwd); this.carried = true; }
    else if (turns) for (const turn of turns) this.sub(turn.words, LOOP_TURN, turn.cwd);
    else this.peel();
    for (const [name, value] of this.commandEnv) {
      const program = OPTIONS_ENV[name];
      this.nested(program ? optionsLine(name, program, value) : value, name, { spliceable: false });
    }
    // `sh -c "…" > FILE`, `eval … > FILE`, `f > FILE`: the string or body was read on its own, and the
    // command's redirections with it were not; they are still the shell's writes, judged as such.
    if (!this.carried && this.command.redirects.some(writesFile)) this.emit(this.command.words, ':');
  }

  private peel(): void {
    for (let peeled = 0; peeled <= MAX_WRAPPERS; peeled++) {
      const head = knownHead(this);
      if (!head) return;
      const value = head.value ?? head.tail;
      if (value === '') return; // an empty command name: the shell reports "command not found"
      // A glob is judged as what it could expand to (glob-names.ts); any other computed name is asked about.
      const globbed = value === null ? globCommand(this, head) : undefined;
      if (globbed === null) {
        // A function judged where it is defined runs its arguments (`retry() { "$@"; }`): what they are is judged at the call.
        if (this.job.definition && POSITIONAL.test(head.text)) return;
        this.raise('dynamic-command', `the command name \`${head.text}\` is computed at run time`);
        return;
      }
      if (globbed !== undefined) { if (globbed.length === 0) return; this.argv = globbed; continue; }
      if (value === null) return;
      const before = this.argv;
      if (peeled === 0 && definitions(this, head)) return;
      if (peeled > 0) records(this, head);
      if (!value.includes('/')) { const path = pathOf(this, value); if (path !== null) this.argv = [{ ...head, value: path, tail: value }, ...this.argv.slice(1)]; }
      const name = canonicalName(basename(value));
      const args = this.argv.slice(1);
      let read = false;
      for (const family of this.run0.families) {
        if (family(this, name, args)) { read = true; break; }
      }
      if (!read) { this.unknownProgram(name); this.emit(this.argv, name); return; }
      if (this.argv === before) return;
    }
    this.raise('limit', `wrapped in more than ${MAX_WRAPPERS} commands`, this.run0.input);
  }

  /** A program no family and no grammar knows (see unknown.ts). */
  private unknownProgram(name: string): void {
    const starts = this.run0.options.startsCommand;
    if (!starts || isKnown(name)) return;
    const found = embeddedLine(this.argv.slice(1).map((w) => w.value), starts);
    if (found !== undefined) this.raise('embedded-command', `\`${name}\` is a program gitops-guard does not know, and its argument \`${found.length > 80 ? found.slice(0, 77) + '…' : found}\` reads as a command it may run`);
  }

  /** Go on with these words as the command (a wrapper was peeled off). */
  continueWith(words: readonly Word[], label: string): void {
    this.via.push(label);
    this.argv = words;
  }

  emit(words: readonly Word[], program: string, extra: { scan?: Scan; facts?: ProgramFacts; target?: Target; code?: string; redirects?: readonly Redirect[]; writes?: readonly (string | null)[] } = {}): void {
    const grammar = extra.scan ? undefined : READERS[program];
    const read = extra.scan ?? (grammar ? getopt(words.slice(1).map(argOf), grammar) : undefined);
    const verb = DEFAULT_VERBS[program];
    const scan = read && verb !== undefined && read.operands.length === 0 ? { ...read, operands: [{ value: verb, index: words.length - 1 }] } : read;
    if ((extra.redirects ?? this.command.redirects) === this.command.redirects) this.carried = true;
    const { writes, replaces } = commandWrites(this, program, words, extra.redirects ?? this.command.redirects, extra.facts, extra.writes ?? []);
    this.run0.out.push({
      argv: words, program, target: extra.target ?? this.target, env: this.env, redirects: extra.redirects ?? this.command.redirects,
      stdin: this.stdin, stdout: stdoutGoes(this), start: this.range.start, end: this.range.end, via: [...this.via], spliceable: this.spliceable,
      cwd: this.cwd, rewriteCwd: this.rewriteCwd,
      ...(scan ? { scan } : {}), ...(this.run0.links.size > 0 ? { links: this.run0.links } : {}), ...(writes.length > 0 ? { writes } : {}), ...(replaces.length > 0 ? { replaces } : {}), ...(extra.code !== undefined ? { code: extra.code } : {}), ...(extra.facts ? { facts: extra.facts } : {}),
    });
  }

  raise(ev: ShellEvent, detail: string, text?: string): void {
    this.carried = true;
    this.run0.out.push({
      argv: this.argv, program: null, target: this.target, env: this.env, redirects: this.command.redirects, stdin: null,
      start: this.range.start, end: this.range.end, via: [...this.via], spliceable: false, cwd: this.cwd,
      rewriteCwd: this.rewriteCwd, event: ev, detail, text: text ?? this.argv.map((w) => w.text).join(' '),
    });
  }

  /** Read these words as a command of its own, reached through this one (`find -exec`). */
  sub(words: readonly Word[], label: string, cwd?: string | null): void {
    // A turn of a loop may run in a directory of its own (loop-turns.ts), absolute, as the command's.
    const moved = cwd === undefined ? {} : { cwd, cwdFrom: undefined, moves: undefined };
    const inner = new Scope(this.run0, { ...this.job, via: [...this.via, label], env: this.env, spliceable: false },
      { ...this.command, words: [...words], assignments: [], ...moved }, this.range, false);
    inner.run();
  }

  /** Read text from a file of the project (a script, a recipe, a package script) as shell run from `cwd`. */
  script(text: string, label: string, cwd: string | null, names?: ScriptNames): void {
    const env = names === undefined ? {} : { env: scriptNames(this.env, names) };
    this.nested(text, label, { spliceable: false, cwd, source: 'script', ...env });
  }

  nested(text: string, label: string, extra: Partial<Job> = {}): void {
    this.run0.queue.push({
      text, target: this.target, depth: this.job.depth + 1, origin: this.range, rewriteCwd: this.rewriteCwd,
      spliceable: this.spliceable, cwd: this.cwd, stdin: null, source: 'string', env: withoutScriptNames(this.env), ...extra,
      via: [...this.via, label],
    });
  }
}
