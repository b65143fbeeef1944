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

// ---- wrapper stacks and runner nestings around a forbidden command (issue 10, 3.3) ----

/** Quote text for a POSIX shell as one word. */
const q = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** Forbidden commands: each must be blocked wherever it is wrapped. */
const FORBIDDEN = ['docker restart web', 'docker compose up -d', 'podman rm -f web', 'ssh ainetic.tech docker restart web',
  'git push --force origin main', 'scp .env ainetic.tech:/root/projects/CodeFoundry/server/.env'];

/** Layers that run the command inside them: argv wrappers, and runners of a shell string. */
const LAYERS: ((inner: string) => string)[] = [
  (c) => `sudo ${c}`, (c) => `sudo -u root -E ${c}`, (c) => `env A=1 ${c}`, (c) => `env -i PATH=/usr/bin ${c}`,
  (c) => `nice -n 5 ${c}`, (c) => `timeout 10 ${c}`, (c) => `nohup ${c}`, (c) => `stdbuf -oL ${c}`, (c) => `setsid ${c}`,
  (c) => `time ${c}`, (c) => `command ${c}`, (c) => `ionice -c3 ${c}`, (c) => `chrt -i 0 ${c}`, (c) => `taskset 1 ${c}`,
  (c) => `flock /tmp/l ${c}`, (c) => `doas ${c}`, (c) => `unshare -r ${c}`, (c) => `strace -f ${c}`, (c) => `xvfb-run ${c}`,
  (c) => `npx -y ${c}`, (c) => `uv run ${c}`, (c) => `poetry run ${c}`, (c) => `cross-env A=1 ${c}`, (c) => `systemd-run --user ${c}`,
  (c) => `bash -c ${q(c)}`, (c) => `sh -ec ${q(c)}`, (c) => `zsh -c ${q(c)}`, (c) => `eval ${q(c)}`, (c) => `su -c ${q(c)}`,
  (c) => `script -qc ${q(c)} /dev/null`, (c) => `tmux new -d ${q(c)}`, (c) => `watch -n1 ${q(c)}`, (c) => `flock /tmp/l -c ${q(c)}`,
  (c) => `env -S ${q(c)}`, (c) => `npx -c ${q(c)}`, (c) => `nodemon --exec ${q(c)}`, (c) => `concurrently ${q(c)}`,
  (c) => `parallel ::: ${q(c)}`, (c) => `echo ${q(c)} | bash`, (c) => `bash <<< ${q(c)}`, (c) => `bash -c "$(echo ${q(c)})"`,
  (c) => `find . -maxdepth 0 -exec sh -c ${q(c)} \\;`, (c) => `python3 -c ${q(`import os; os.system(${JSON.stringify(c)})`)}`,
  (c) => `( ${c} )`, (c) => `{ ${c}; }`, (c) => `if true; then ${c}; fi`, (c) => `true && ${c}`, (c) => `false || ${c}`,
  (c) => `x=$(${c})`, (c) => `echo \`${c.replace(/[`\\$]/g, '\\$&')}\``, (c) => `f() { ${c}; }; f`,
];

/** LAYERS before this index wrap argv; from COMPOUND_FROM on they make a compound command. */
const ARGV_LAYERS = 24;
const COMPOUND_FROM = LAYERS.findIndex((l) => l('X').startsWith('( '));

describe('wrapper stacks and runner nestings', () => {
  it('never let a forbidden command through, however they are stacked (up to 5 layers)', () => {
    fc.assert(fc.property(
      fc.constantFrom(...FORBIDDEN),
      fc.array(fc.nat(LAYERS.length - 1), { minLength: 1, maxLength: 5 }),
      (command, layers) => {
        // A wrapper runs a simple command: a compound one (`( … )`, `a && b`) goes in through a shell.
        let text = command;
        let simple = true;
        for (const k of layers) {
          if (k < ARGV_LAYERS && !simple) text = `bash -c ${q(text)}`;
          text = LAYERS[k]!(text);
          simple = k < COMPOUND_FROM;
        }
        const v = guard.classify(text);
        expect(v.decision, text).not.toBe('allow');
      },
    ), { numRuns: Number(process.env.WRAPPER_RUNS ?? 3000) });
  });

  it('a look-alike stays allowed under the same layers (a check that can fail)', () => {
    const v = guard.classify(LAYERS[24]!(LAYERS[0]!('echo docker restart web')));
    expect(v.decision).toBe('allow');
  });
});
