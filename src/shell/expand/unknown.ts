// Programs nobody knows (issue 10, 2.8): an argument of one that reads as a command line of a
// managed program (`retry -- docker compose up -d`, `mytool --then 'git push -f'`) may be run by it.
import { getopt } from '../getopt.js';
import { RUNNERS } from '../grammars/runners.js';
import type { Runner } from '../grammars/types.js';
import { plainCommands } from '../plain.js';

/** The first argument (or run of arguments) that reads as such a command line; undefined: none. */
export function embeddedLine(args: readonly (string | null)[], starts: (text: string) => boolean): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const v = args[i];
    if (v === null || v === undefined) continue;
    // `--cmd=LINE` and `-cLINE` carry the line in the option's value.
    const value = /^--[\w-]+=/.test(v) ? v.slice(v.indexOf('=') + 1) : /^-[A-Za-z]\S/.test(v) && /\s/.test(v) ? v.slice(2) : v;
    const whole = /\s/.test(value.trim()) ? value : args.slice(i).map((a) => a ?? '').join(' ');
    const text = commandLines(whole).find((t) => starts(t));
    if (text !== undefined) return text;
  }
  return undefined;
}

let table: Map<string, Runner> | undefined;
function runner(name: string): Runner | undefined {
  table ??= new Map(RUNNERS.flatMap((r) => r.names.map((n) => [n, r] as const)));
  return table.get(name);
}

/**
 * What a command line runs once a runner of the table is taken off the front, read with that
 * runner's own options: a wrapper's command (`timeout 5 …`, `nice -n 5 …`), a shell's `-c` string
 * in any cluster (`bash -lc '…'`). Null when it starts with no such runner.
 */
function peel(line: string): string | null {
  const commands = plainCommands(line);
  if (!commands || commands.length !== 1) return null;
  const words = commands[0]!.words.map((w) => w.value);
  const lead = commands[0]!.assignments.length > 0 ? words : null;
  if (lead) return words.map((w) => w ?? '').join(' ');
  const r = words[0] ? runner(words[0]) : undefined;
  if (!r) return null;
  const args = words.slice(1);
  const scan = getopt(args, { ...r.options, permute: false });
  for (const row of r.runs) {
    if (row.when && !scan.options.some((o) => row.when!.includes(o.name) || (o.alias !== undefined && row.when!.includes(o.alias)))) continue;
    if (row.nothing) return null;
    // (fish's `-c` takes its string as the option's value.)
    if (row.shellOperand !== undefined) return scan.operands[row.shellOperand]?.value ?? scan.options.find((o) => row.when?.includes(o.name))?.value ?? null;
    if (row.shellOption) return scan.options.find((o) => row.shellOption!.includes(o.name) || row.shellOption!.includes(o.alias ?? ''))?.value ?? null;
    if (row.argv !== undefined) {
      const at = scan.operands[row.argv]?.index;
      return at === undefined ? null : args.slice(at).map((w) => w ?? '').join(' ');
    }
  }
  return null;
}

/**
 * The command lines a piece of text may stand for: itself, each part of a list (`cd server &&
 * docker …`), a group or subshell's inside, and each with the runners that wrap a command taken
 * off the front (`sudo`, `env`, `timeout 5`, assignments, `bash -lc "…"`).
 */
function commandLines(text: string): string[] {
  const out: string[] = [];
  for (const part of [text, ...text.split(/&&|\|\||;|\||\n/)]) {
    let t = part.trim();
    for (let k = 0; k < 8; k++) {
      t = t.replace(/^(?:[({!]|(?:then|do|else)(?=\s))\s*/, '').replace(/\s*[)}]+\s*$/, '').trim();
      out.push(t);
      // (An assignment whose value is not a plain word is taken off as text.)
      const next = peel(t) ?? (/^[A-Za-z_]\w*=\S*\s+/.test(t) ? t.replace(/^[A-Za-z_]\w*=\S*\s+/, '') : null);
      if (next === null || next.trim() === t) break;
      t = next.trim();
    }
  }
  return out;
}
