// The ordinary-command corpus (issue 10, proof 3.2): thousands of commands coding agents run every day
// must all be allowed, and every container/deploy command in the managed corpus must be blocked (deny or
// ask). The files and their format are described at the top of test/corpus/ordinary.txt.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seed } from './helpers.js';

const NEWLINE_MARK = '\u2424';

/** The commands of a corpus file: comments and blank lines dropped, `␤` turned back into newlines. */
function corpus(name: string): string[] {
  const text = readFileSync(join(import.meta.dirname, 'corpus', name), 'utf8');
  return text.split('\n')
    .filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#'))
    .map((line) => line.split(NEWLINE_MARK).join('\n'));
}

/** How many different programs the corpus starts its commands with (after `VAR=value`, `sudo`, `cd dir &&`). */
function programs(commands: readonly string[]): number {
  const names = new Set<string>();
  for (const c of commands) {
    const m = /^(?:\s*(?:[A-Za-z_][A-Za-z0-9_]*=\S*|sudo|cd \S+ &&)\s+)*([A-Za-z0-9][\w.+-]*)/.exec(c);
    if (m) names.add(m[1]!);
  }
  return names.size;
}

describe('command corpus', () => {
  const ordinary = corpus('ordinary.txt');
  const managed = corpus('managed.txt');

  it('is large and varied enough to mean something', () => {
    console.log(`corpus: ${ordinary.length} ordinary commands (about ${programs(ordinary)} programs), ${managed.length} managed commands`);
    expect(ordinary.length).toBeGreaterThanOrEqual(2400);
    expect(managed.length).toBeGreaterThanOrEqual(250);
    expect(programs(ordinary)).toBeGreaterThanOrEqual(300);
    expect(new Set(ordinary).size).toBe(ordinary.length);
    expect(new Set(managed).size).toBe(managed.length);
  });

  it('allows every ordinary command', async () => {
    const guard = await seed();
    const blocked = ordinary
      .map((command) => ({ command, verdict: guard.classify(command) }))
      .filter((r) => r.verdict.decision !== 'allow')
      .map((r) => `${r.verdict.decision}: ${JSON.stringify(r.command)} — ${r.verdict.findings.filter((f) => f.decision !== 'allow').map((f) => f.ruleId).join(', ')}`);
    console.log(`ordinary: ${ordinary.length - blocked.length} allowed, ${blocked.length} blocked`);
    expect(blocked).toEqual([]);
  });

  it('blocks every managed command', async () => {
    const guard = await seed();
    const allowed = managed.filter((command) => guard.classify(command).decision === 'allow');
    console.log(`managed: ${managed.length - allowed.length} blocked, ${allowed.length} allowed`);
    expect(allowed).toEqual([]);
  });
});
