// The text of the buffer Vim's Ex commands work on, as far as the command line shows it: the file
// vim edits (its first file operand, `-` for stdin), then the lines setline(), append() and
// `:put =EXPR` put into it, or the file `:edit FILE` and `:read FILE` load. `:w !cmd` and
// `:{range}!cmd` give cmd that text on its stdin (a shell runs it); a change not followed (`:s`,
// `:normal`, a value computed at run time) leaves it unknown, and a shell reading it asks. Also the
// files writefile() writes, with their lines (a later `:source` of one reads them).
import type { StdinSource } from '../invocations.js';
import { VIM_BUFFER_CALLS, VIM_FILE_WRITES } from '../grammars/command-languages.js';
import type { Scope } from './driver.js';
import { stdinText } from './output.js';
import { callArguments, vimExpression, vimLines } from './vim-literals.js';
import { noteWrite } from './writes.js';
import { abs } from './written-paths.js';

const CALL = new RegExp(`(?<![\\w#:.])(${[...Object.keys(VIM_BUFFER_CALLS), ...Object.keys(VIM_FILE_WRITES)].join('|')})\\s*\\(`, 'g');

export class VimBuffer {
  private parts: StdinSource[] = [];
  private unknown: string | null = null;

  /** The buffer vim starts with: its first file operand (operands starting with `+` are commands). */
  static of(scope: Scope, operands: readonly { value: string }[]): VimBuffer {
    const buffer = new VimBuffer();
    const first = operands.find((o) => !o.value.startsWith('+'));
    if (first !== undefined) buffer.load(first.value === '-' ? scope.stdin : first.value);
    // `+CMD` and `-c CMD` are read apart (payloads.ts), though vim runs them in one sequence: what one puts is not followed into the other.
    const dashC = scope.argv.some((w) => w.value !== null && /^-(?:c|-cmd)/.test(w.value));
    if (dashC && operands.some((o) => o.value.startsWith('+'))) buffer.lost('text commands given both as +CMD and as -c may put there');
    return buffer;
  }

  /** The buffer is now this file (`:edit FILE`), or stdin (null: nothing to read). */
  load(file: string | StdinSource | null): void {
    this.parts = [];
    this.unknown = null;
    this.add(file);
  }

  /** Text (or a file's) put into the buffer; null: not known. */
  add(part: string | StdinSource | null, why = 'a file named at run time'): void {
    if (part === '') this.lost(why);
    else if (typeof part === 'string') this.parts.push({ kind: 'file', path: part });
    else if (part !== null) this.parts.push(part);
  }

  lines(lines: readonly string[] | null, why: string): void {
    if (lines === null) this.lost(why);
    else this.parts.push({ kind: 'text', text: lines.map((l) => `${l}\n`).join(''), expands: false });
  }

  lost(why: string): void {
    this.unknown ??= why;
  }

  /** What a command given the buffer on its stdin reads, resolved now (vim's own write of its file comes later). */
  stdin(scope: Scope, reader: string): StdinSource {
    if (this.unknown !== null) return { kind: 'opaque', why: `${reader} reads vim's buffer, which holds ${this.unknown}` };
    let text = '';
    for (const part of this.parts) {
      const read = stdinText(scope, part, reader);
      if (read.kind === 'unknown') return { kind: 'opaque', why: read.why };
      if (read.kind === 'text') text += read.text;
    }
    return { kind: 'text', text, expands: false };
  }
}

/** Calls in an expression that put lines into the buffer (setline(), append()) or write a file (writefile()). */
export function bufferCalls(scope: Scope, expr: string, label: string, buffer: VimBuffer | undefined): void {
  for (const m of expr.matchAll(CALL)) {
    const fn = m[1]!;
    const args = callArguments(expr.slice(m.index + m[0].length));
    const at = VIM_BUFFER_CALLS[fn];
    if (at !== undefined) { buffer?.lines(args?.[at] === undefined ? null : vimLines(args[at]), `lines ${fn}() computes at run time`); continue; }
    const spec = VIM_FILE_WRITES[fn]!;
    const name = args?.[spec.path] === undefined ? null : vimExpression(args[spec.path]!, false);
    const path = name === null || !scope.local ? null : abs(name, scope.cwd);
    if (path === null) { if (scope.local) scope.raise('unreadable-script', `${label}: ${fn}() writes a file named at run time`); continue; }
    const lines = args?.[spec.lines] === undefined ? null : vimLines(args[spec.lines]!);
    scope.emit(scope.argv, 'vim', { writes: [path] });
    noteWrite(scope, path, lines === null ? null : lines.map((l) => `${l}\n`).join(''));
  }
}
