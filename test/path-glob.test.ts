// GlobIndex only leaves out patterns that cannot match: for any patterns and path, the patterns that
// match among its candidates are exactly those that match among all of them, in the same order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GlobIndex, globMatches, globPrefixMatches } from '../src/policy/path-glob.js';

const NAMES = ['a', 'b', '.vim', 'x.vim', 'init.lua', 'settings.json', '.claude', 'c.d'];
const PATTERN_PARTS = [...NAMES, '*', '**', '*.vim', '*.lua', '*.json', 'x*', 'x.*', '*a*'];

describe('GlobIndex', () => {
  it('keeps every pattern that matches, in order', () => {
    fc.assert(fc.property(
      fc.array(fc.array(fc.constantFrom(...PATTERN_PARTS), { maxLength: 4 }), { maxLength: 30 }),
      fc.array(fc.constantFrom(...NAMES), { maxLength: 5 }),
      (patterns, path) => {
        const entries = patterns.map((pattern, i) => ({ pattern, value: i }));
        const index = new GlobIndex(entries);
        const all = entries.filter((e) => globMatches(e.pattern, path)).map((e) => e.value);
        const picked = index.candidates(path).filter((i) => globMatches(patterns[i]!, path));
        expect(picked).toEqual(all);
      },
    ), { numRuns: 2000 });
  });

  it('leaves out patterns whose last name cannot be the path\'s', () => {
    const index = new GlobIndex([{ pattern: ['**', '*.vim'], value: 'vim' }, { pattern: ['**', 'settings.json'], value: 'json' }, { pattern: ['a', '**'], value: 'any' }]);
    expect(index.candidates(['p', 'settings.json'])).toEqual(['json', 'any']);
    expect(index.candidates(['p', 'x.vim'])).toEqual(['vim', 'any']);
    expect(index.candidates([])).toEqual(['any']);
  });
});

describe('globPrefixMatches', () => {
  it('is globMatches of some leading part of the pattern, of a length in range', () => {
    fc.assert(fc.property(
      fc.array(fc.constantFrom(...PATTERN_PARTS), { maxLength: 6 }),
      fc.array(fc.constantFrom(...NAMES), { maxLength: 5 }),
      fc.nat(6), fc.nat(6),
      (pattern, path, lo, hi) => {
        const some = Array.from({ length: pattern.length + 1 }, (_x, n) => n).some((n) => n >= lo && n <= hi && globMatches(pattern.slice(0, n), path));
        expect(globPrefixMatches(pattern, lo, hi, path)).toBe(some);
      },
    ), { numRuns: 3000 });
  });
});
