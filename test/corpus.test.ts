// The ordinary-command corpus (issue 10, proof 3.2): thousands of commands coding agents run every day
// must all be allowed, and every container/deploy command in the managed corpus must be blocked (deny or
// ask). The files and their format are described at the top of test/corpus/ordinary.txt.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createGuard } from '../src/index.js';
import { SEED, seed } from './helpers.js';

const NEWLINE_MARK = '\u2424';

/** The commands of a corpus file: comments and blank lines dropped, `␤` turned back into newlines. */
function corpus(name: string): string[] {
  const text = readFileSync(join(import.meta.dirname, 'corpus', name), 'utf8');
  return text.split('\n')
    .filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#'))
    .map((line) => line.split(NEWLINE_MARK).join('\n'));
}

/** The commands of `commands` that `classify` does not allow, each with its decision and rule ids. */
function blockedOf(commands: readonly string[], classify: (command: string) => { decision: string; findings: readonly { decision: string; ruleId: string }[] }): string[] {
  return commands
    .map((command) => ({ command, verdict: classify(command) }))
    .filter((r) => r.verdict.decision !== 'allow')
    .map((r) => `${r.verdict.decision}: ${JSON.stringify(r.command)} — ${[...new Set(r.verdict.findings.filter((f) => f.decision !== 'allow').map((f) => f.ruleId))].join(', ')}`);
}

const SHELL_KEYWORDS = new Set(['for', 'while', 'until', 'if', 'case', 'select', 'function', 'time', 'true', 'false', 'export', 'unset', 'set']);

/** How many different programs the corpus's commands start with (after `VAR=value`, `sudo` and `cd DIR &&`). */
function programs(commands: readonly string[]): number {
  const names = new Set<string>();
  for (const c of commands) {
    const words = c.trim().split(/\s+/);
    let i = 0;
    for (;;) {
      if (/^[A-Za-z_]\w*=/.test(words[i] ?? '') || words[i] === 'sudo') i += 1;
      else if (words[i] === 'cd' && words[i + 2] === '&&') i += 3;
      else break;
    }
    const name = words[i] ?? '';
    if (/^[A-Za-z0-9][\w.+-]*$/.test(name) && !SHELL_KEYWORDS.has(name)) names.add(name);
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
    const blocked = blockedOf(ordinary, (c) => guard.classify(c));
    console.log(`ordinary: ${ordinary.length - blocked.length} allowed, ${blocked.length} blocked`);
    expect(blocked).toEqual([]);
  });

  // The same commands run in this repository: a Node project whose npm scripts run node files on
  // bundles that mention docker (issue 10, 2.11). `npm test` here must be as ordinary as anywhere.
  // `node --test` here would run test/cases/attack/nodetest/deploy.test.js, a case fixture that
  // deploys (node searches the whole tree): blocked here for what it really runs. So do jest and
  // Playwright, whose default globs (no configuration here names theirs) match it from the root.
  const HERE_RUNS_FIXTURES = (c: string): boolean => c === 'node --test' || /^(?:npx )?(?:jest|playwright test)(?: |$)/.test(c);
  it('allows every ordinary command in this repository too', async () => {
    const guard = await createGuard({ config: SEED, cwd: join(import.meta.dirname, '..') });
    const blocked = blockedOf(ordinary.filter((c) => !HERE_RUNS_FIXTURES(c)), (c) => guard.classify(c));
    expect(guard.classify('node --test').decision).toBe('deny');
    expect(guard.classify('npx jest').decision).toBe('deny');
    console.log(`ordinary in this repository: ${ordinary.length - blocked.length} allowed, ${blocked.length} blocked`);
    expect(blocked).toEqual([]);
  });

  it('blocks every managed command', async () => {
    const guard = await seed();
    const allowed = managed.filter((command) => guard.classify(command).decision === 'allow');
    console.log(`managed: ${managed.length - allowed.length} blocked, ${allowed.length} allowed`);
    expect(allowed).toEqual([]);
  });
});
