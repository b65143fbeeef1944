// Brace expansion as bash performs it (checked against bash here), so that a command name built
// with braces is read as the name it becomes.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BRACE_LIMIT, expandBraces } from '../src/shell/braces.js';

/** What bash itself makes of the word: its words, one per line. */
const bash = (word: string): string[] =>
  execFileSync('bash', ['-c', `for w in ${word}; do printf '%s\\n' "$w"; done`], { encoding: 'utf8' }).split('\n').slice(0, -1);

describe('brace expansion', () => {
  it.each(['d{o..o}cker', 'a{b,c}d', 'a{b,c{d,e}}f', '{1..3}', '{01..10..3}', '{a..e..2}', '{5..1}', 'x{-1..1}', '{,docker}', 'sc{p..p}', '--f{o..o}rce'])(
    'expands %s as bash does', (word) => {
      // bash drops the empty words an unquoted expansion leaves (`{,docker}`); so do the callers.
      const words = expandBraces(word);
      expect(Array.isArray(words) ? words.filter((w) => w !== '') : words).toEqual(bash(word));
    });

  it('leaves alone what bash does not expand', () => {
    for (const word of ['{}', '{a}', "'{a,b}'", '"{a,b}"', '\\{a,b}', '${x,y}', 'plain', '{a..}']) expect(expandBraces(word)).toBeNull();
  });

  it('stops at its limit instead of listing everything', () => {
    expect(expandBraces('{1..100000}')).toBe('too-many');
    expect(expandBraces('{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}')).toBe('too-many');
    expect((expandBraces(`{1..${BRACE_LIMIT}}`) as string[]).length).toBe(BRACE_LIMIT);
  });
});
