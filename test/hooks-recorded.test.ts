// What the real hosts sent to the hook in the host suite (test/fixtures/hooks/recorded/, captured
// by `npm run test:hosts` with GITOPS_GUARD_HOSTS_CAPTURE): every shape is read by the fast path
// (no zod), agrees with the zod reading, also under small mutations, and the installed executable
// answers each with the decision the host got.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod/v3';
import { ADAPTERS } from '../src/hooks/index.js';
import { BIN, project, SEED } from './helpers.js';

const DIR = join(import.meta.dirname, 'fixtures', 'hooks', 'recorded');
const MODULE_LOG = join(import.meta.dirname, 'support', 'module-log.mjs');

/** Run the installed executable's hook on `input` in `dir`; returns the zod modules it asked for. */
function zodLoads(id: string, dir: string, input: unknown): string[] {
  const log = join(dir, 'modules.log');
  rmSync(log, { force: true });
  spawnSync(process.execPath, ['--import', MODULE_LOG, BIN, 'hook', id], { cwd: dir, input: JSON.stringify(input), encoding: 'utf8',
    env: { ...process.env, GITOPS_GUARD_MODULE_LOG: log } });
  return existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
}

interface Recorded {
  host: string;
  version: string;
  /** kind: what the adapter reads it as; decision (and rule, for a deny): what the host got back. */
  payloads: { case: string; kind: string; decision: 'deny' | 'allow'; rule?: string; input: Record<string, unknown> }[];
}

const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();

/** The payload with each top-level or nested field replaced, removed or retyped, a few at a time. */
function mutations(base: Record<string, unknown>): fc.Arbitrary<unknown> {
  const paths: string[][] = [];
  (function walk(v: unknown, path: string[]) {
    if (path.length > 0) paths.push(path);
    if (v && typeof v === 'object' && !Array.isArray(v)) for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  })(base, []);
  const junk = fc.oneof(fc.constant(null), fc.integer(), fc.string(), fc.constant([]), fc.constant({}), fc.constant({ command: 'ls' }),
    fc.constant('{"command":"ls"}'), fc.constant('{not json'), fc.constant({ command: 7 }));
  return fc.array(fc.tuple(fc.constantFrom(...paths), junk, fc.boolean()), { minLength: 1, maxLength: 3 }).map((edits) => {
    const copy = structuredClone(base) as Record<string, any>;
    for (const [path, value, remove] of edits) {
      let target: any = copy;
      for (const key of path.slice(0, -1)) target = target && typeof target === 'object' ? target[key] : undefined;
      if (!target || typeof target !== 'object') continue;
      if (remove) delete target[path[path.length - 1]!];
      else target[path[path.length - 1]!] = structuredClone(value);
    }
    return copy;
  });
}

describe.each(files)('recorded from a real host: %s', (file) => {
  const recorded = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Recorded;
  const id = file.replace(/\.json$/, '');
  const adapter = ADAPTERS[id]!;

  it.each(recorded.payloads.map((p) => [p.case, p] as const))(`${recorded.host} ${recorded.version}: %s is read by the fast path`, (_, p) => {
    const quick = adapter.quick(p.input);
    expect(quick).toBeDefined();
    expect(quick).toEqual(adapter.parse(p.input, z));
    expect(quick!.kind).toBe(p.kind);
  });

  it('the fast path agrees with zod on mutations of them', () => {
    fc.assert(fc.property(fc.oneof(...recorded.payloads.map((p) => mutations(p.input))), (input) => {
      const quick = adapter.quick(input);
      if (quick !== undefined) expect(adapter.parse(input, z), JSON.stringify(input)).toEqual(quick);
    }), { numRuns: 800 });
  });

  it('the installed executable answers each without loading zod (the bundle\'s fast path)', () => {
    const dir = project();
    execFileSync('git', ['init', '-q'], { cwd: dir });
    for (const p of recorded.payloads) expect(zodLoads(id, dir, { ...p.input, cwd: dir }), p.case).toEqual([]);
    // The same run sees zod when input is malformed and needs zod's message (required: the bundle runs from its code cache).
    const broken = { ...recorded.payloads[0]!.input, cwd: 7 };
    expect(zodLoads(id, dir, broken)).toEqual(['require zod/v3']);
  });

  it.each(recorded.payloads.map((p) => [p.case, p] as const))('the installed executable answers %s as the host got it', (_, p) => {
    const dir = project({ 'gitops-guard.json': JSON.stringify({ ...SEED, host: 'gitops-test' }) });
    execFileSync('git', ['init', '-q'], { cwd: dir });
    const r = spawnSync(process.execPath, [BIN, 'hook', id], { cwd: dir, input: JSON.stringify({ ...p.input, cwd: dir }), encoding: 'utf8' });
    const out = `${r.stdout}${r.stderr}`;
    if (p.decision === 'deny') {
      expect(out).toContain('gitops-guard blocked this');
      expect(out).toContain(`[${p.rule}]`);
    } else {
      expect(r.status, out).toBe(0);
      expect(out).not.toContain('deny');
    }
  });
});
