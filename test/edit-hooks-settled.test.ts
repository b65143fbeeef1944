// File-edit hook findings of the attacks on the guard that once got through (test/cases/edit-hooks.json,
// moved from test/open/edit-hooks.json when they held): each payload, sent to the built CLI's
// `hook HOST` as the host sends it, is blocked; an entry with "expect": "allow" (a look-alike) is not.
// Paths are filled into this repository and the home.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from './helpers.js';

const ROOT = join(import.meta.dirname, '..');

interface Entry { readonly host: string; readonly why: string; readonly stdin: unknown; readonly expect?: 'allow' }
const { cases } = JSON.parse(readFileSync(join(ROOT, 'test', 'cases', 'edit-hooks.json'), 'utf8')) as { cases: Entry[] };
const fill = (v: unknown): unknown => JSON.parse(JSON.stringify(v).replaceAll('${ROOT}', ROOT).replaceAll('${HOME}', homedir()));
const base = { hook_event_name: 'PreToolUse', cwd: ROOT, session_id: 'settled', transcript_path: '/tmp/settled' };

describe('settled file-edit findings', () => {
  it('there are some', () => expect(cases.length).toBeGreaterThan(5));
  it.each(cases.map((c) => [`${c.host}: ${c.why}`, c] as const))('%s is blocked (its look-alike let through)', (_name, c) => {
    const input = c.host === 'cline' ? fill(c.stdin) : { ...base, ...(fill(c.stdin) as object) };
    const r = spawnSync(process.execPath, [BIN, 'hook', c.host], { input: JSON.stringify(input), cwd: ROOT, encoding: 'utf8' });
    const blocked = r.status === 2 || /"(permissionDecision|decision|permission)"\s*:\s*"(deny|ask)"|"cancel"\s*:\s*true/.test(r.stdout ?? '');
    expect(blocked, `${r.status} ${r.stdout} ${r.stderr}`).toBe(c.expect !== 'allow');
  });
});
