// Random and mutated commands never throw, always get one of the three decisions, and finish in
// bounded time. (Speed targets live in `npm run bench`; the bound here only shows termination.)
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Guard } from '../src/index.js';
import { seed } from './helpers.js';

let guard: Guard;
beforeAll(async () => {
  guard = await seed();
});

const CORPUS = [
  'docker compose restart gateway', 'ssh ainetic.tech "docker ps"', 'cd server && docker compose up -d',
  "ssh ainetic.tech <<'EOF'\ndocker compose pull\nEOF", 'bash -c "docker restart web"', 'git push --force origin main',
  'scp a ainetic.tech:/x', 'echo "docker restart web"', "$'\\x64ocker' ps", 'find . -exec docker rm {} \\;',
  'python3 -c "import os; os.system(\'docker ps\')"', 'cat <<EOF | ssh h\ndocker ps\nEOF', 'x=$(docker ps) && echo $x',
];
const ALPHABET = ['docker', 'ssh', ' ', '"', "'", '\\', '\n', '$(', ')', '`', '|', '&&', ';', '<<', 'EOF', '$\'', '{', '}',
  '(', '#', '*', 'bash -c ', 'sudo ', 'restart', 'ps', 'web', 'git push -f', '\0', '\ud800', 'é', '<', '>', '&'];

const DECISIONS = ['allow', 'deny', 'ask'];
let slowest = 0;

function check(text: string): void {
  const start = performance.now();
  const v = guard.classify(text);
  slowest = Math.max(slowest, performance.now() - start);
  expect(DECISIONS).toContain(v.decision);
  expect(typeof v.reason).toBe('string');
  for (const f of v.findings) {
    expect(f.start).toBeGreaterThanOrEqual(0);
    expect(f.end).toBeLessThanOrEqual(text.length);
    expect(f.start).toBeLessThanOrEqual(f.end);
  }
}

describe('property: any input gets a verdict', () => {
  it('random strings from a shell-ish alphabet', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...ALPHABET), { maxLength: 60 }), (parts) => {
      check(parts.join(''));
    }), { numRuns: 1500 });
  });

  it('arbitrary unicode strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
      check(s);
    }), { numRuns: 1500 });
  });

  it('mutations of realistic commands', () => {
    const mutation = fc.record({
      base: fc.constantFrom(...CORPUS),
      ops: fc.array(fc.tuple(fc.nat(), fc.constantFrom('insert', 'delete', 'duplicate'), fc.constantFrom(...ALPHABET)), { maxLength: 8 }),
    });
    fc.assert(fc.property(mutation, ({ base, ops }) => {
      let s = base;
      for (const [pos, op, piece] of ops) {
        const i = s.length === 0 ? 0 : pos % s.length;
        if (op === 'insert') s = s.slice(0, i) + piece + s.slice(i);
        else if (op === 'delete') s = s.slice(0, i) + s.slice(i + 1);
        else s = s.slice(0, i) + s.slice(i, i + 10).repeat(3) + s.slice(i + 10);
      }
      check(s);
    }), { numRuns: 2000 });
  });

  it('mutated commands that still name a restart are never allowed when the restart survives intact', () => {
    fc.assert(fc.property(fc.constantFrom('; ', ' && ', ' || ', '\n', ' | cat; '), fc.constantFrom('ls', 'echo hi', 'true'),
      (sep, other) => {
        expect(guard.classify(`${other}${sep}docker restart web`).decision).toBe('deny');
        expect(guard.classify(`docker restart web${sep}${other}`).decision).toBe('deny');
      }));
  });

  it('finished every input in bounded time', () => {
    // Termination bound, far above normal (~0.05 ms): a hang or blow-up would exceed it by orders.
    expect(slowest).toBeLessThan(2_000);
  });
});
