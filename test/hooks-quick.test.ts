// Each host adapter reads well-formed input without zod (quick) and everything else with zod
// (parse). The quick reading must accept only what zod accepts, with the same result: checked here
// on the recorded fixtures and on many mutations of them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod/v3';
import { ADAPTERS } from '../src/hooks/index.js';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'hooks');

function variants(base: unknown): fc.Arbitrary<unknown> {
  const junk = fc.oneof(fc.constant(null), fc.constant(undefined), fc.integer(), fc.string(), fc.constant([]),
    fc.constant({}), fc.constant(['a']), fc.constant({ command: 'ls' }), fc.constant('{"command":"ls"}'));
  const paths: string[][] = [];
  (function walk(v: unknown, path: string[]) {
    if (path.length > 0) paths.push(path);
    if (v && typeof v === 'object' && !Array.isArray(v)) for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  })(base, []);
  return fc.array(fc.tuple(fc.constantFrom(...paths), junk, fc.boolean()), { maxLength: 3 }).map((edits) => {
    const copy = structuredClone(base) as Record<string, any>;
    for (const [path, value, remove] of edits) {
      let target: any = copy;
      for (const key of path.slice(0, -1)) {
        if (!target || typeof target !== 'object') break;
        target = target[key];
      }
      if (!target || typeof target !== 'object') continue;
      const key = path[path.length - 1]!;
      if (remove) delete target[key];
      else target[key] = structuredClone(value);
    }
    return copy;
  });
}

describe.each(Object.values(ADAPTERS).map((a) => [a.id, a] as const))('%s: quick reading agrees with zod', (id, adapter) => {
  const recorded = JSON.parse(readFileSync(join(FIXTURES, `${id}.json`), 'utf8')) as Record<string, unknown>;
  it('on the recorded inputs', () => {
    for (const kind of ['shell', 'other'] as const) {
      const input = JSON.parse(JSON.stringify(recorded[kind]).replace('COMMAND', 'docker ps'));
      const quick = adapter.quick(input);
      expect(quick, `${id} ${kind} should be read without zod`).toBeDefined();
      expect(quick).toEqual(adapter.parse(input, z));
    }
  });
  it('on mutations of them', () => {
    let quickCount = 0;
    fc.assert(fc.property(fc.oneof(variants(recorded.shell), variants(recorded.other), variants(recorded.malformed)), (input) => {
      const quick = adapter.quick(input);
      if (quick === undefined) return;
      quickCount++;
      expect(adapter.parse(input, z), JSON.stringify(input)).toEqual(quick);
    }), { numRuns: 1500 });
    expect(quickCount).toBeGreaterThan(50);
  });
});
