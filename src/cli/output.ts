// Terminal output: colour only on a terminal, never with NO_COLOR, never for TERM=dumb. Exit codes and
// failures are in exit.ts.
import type { Verdict } from '../policy/classify.js';

export { EXIT } from './exit.js';

export function useColour(stream: NodeJS.WriteStream): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY) && process.env.TERM !== 'dumb';
}

export interface Paint {
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  bold(s: string): string;
  dim(s: string): string;
}

export function paint(colour: boolean): Paint {
  const wrap = (open: number, close: number) => (s: string) => (colour ? `\x1b[${open}m${s}\x1b[${close}m` : s);
  return { red: wrap(31, 39), green: wrap(32, 39), yellow: wrap(33, 39), bold: wrap(1, 22), dim: wrap(2, 22) };
}

/** The human form of a verdict: decision, reason, rule ids, rewrite. */
export function formatVerdict(v: Verdict, p: Paint): string {
  const label = v.decision === 'allow' ? p.green('ALLOW') : v.decision === 'deny' ? p.red('DENY') : p.yellow('ASK');
  const lines = [`${p.bold(label)}  ${v.reason.split('\n')[0]}`];
  for (const line of v.reason.split('\n').slice(1)) lines.push(`       ${line}`);
  const ids = [...new Set(v.findings.filter((f) => f.decision !== 'allow' || v.decision === 'allow').map((f) => f.ruleId))];
  if (ids.length > 0) lines.push(`${p.dim('rules:')}  ${ids.join(', ')}`);
  if (v.rewrite !== undefined) lines.push(`${p.dim('rewrite:')} ${p.bold(v.rewrite)}`);
  return lines.join('\n');
}


/** A plain text table (colour codes do not count towards widths). */
export function table(headers: string[], rows: string[][]): string {
  const plain = (s: string): string => s.replace(/\x1b\[[0-9;]*m/g, '');
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => plain(r[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c + ' '.repeat(widths[i]! - plain(c).length))).join('  ');
  return [line(headers), ...rows.map(line)].join('\n');
}
