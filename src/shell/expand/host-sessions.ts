// A nested agent host session that runs without the project's hooks (grammars/host-clis.ts HOST_SESSIONS):
// `claude --setting-sources user -p …` does not load .claude/settings.json, `claude --settings
// '{"disableAllHooks": true}'` turns every hook off; either way what that session runs is not seen by
// gitops-guard's hooks. Raised as `host-unguarded` (a person decides); the program is read on as before.
import { resolve } from 'node:path';
import { getopt, valuesOf } from '../getopt.js';
import { HOST_SESSIONS, type HostSession } from '../grammars/host-clis.js';
import { argOf, type Word } from '../words.js';
import type { Scope } from './driver.js';

/** Every program this family reads, for the fast path (expand/names.ts). */
export const HOST_SESSION_PROGRAMS: readonly string[] = Object.keys(HOST_SESSIONS);

export function hostSessionsFamily(scope: Scope, name: string, args: readonly Word[]): boolean {
  const spec = Object.hasOwn(HOST_SESSIONS, name) ? HOST_SESSIONS[name]! : undefined;
  if (!spec || !scope.local) return false;
  const scan = getopt(args.map(argOf), spec.options);
  for (const v of valuesOf(scan, spec.sources.option)) {
    if (v === null) scope.raise('unreadable-script', `\`${name} ${spec.sources.option}\` is computed at run time: it may leave the project's hooks out`);
    else if (!v.split(',').map((s) => s.trim()).includes(spec.sources.project)) {
      scope.raise('host-unguarded', `\`${name} ${spec.sources.option} ${v}\` does not load the project's settings, where gitops-guard's hooks are`);
    }
  }
  for (const v of valuesOf(scan, spec.settings.option)) hooksOff(scope, name, spec, v);
  return false;
}

/** `--settings VALUE` (JSON, or a file of it): does it turn the hooks off? */
function hooksOff(scope: Scope, name: string, spec: HostSession, value: string | null): void {
  const what = `\`${name} ${spec.settings.option}\``;
  if (value === null) { scope.raise('unreadable-script', `${what} is computed at run time: it may turn the hooks off`); return; }
  let text = value;
  if (!value.trim().startsWith('{')) {
    const r = scope.files.read(resolve(scope.cwd ?? '/', value));
    if (r.kind === 'missing') return;
    if (r.kind !== 'text') { scope.raise('unreadable-script', `${what} reads ${value}, which cannot be read`); return; }
    text = r.text;
  }
  let parsed: unknown;
  try { parsed = JSON.parse(text); } catch { scope.raise('unreadable-script', `${what} is not JSON gitops-guard can read`); return; }
  if (parsed !== null && typeof parsed === 'object' && (parsed as Record<string, unknown>)[spec.settings.hooksOff] === true) {
    scope.raise('host-unguarded', `${what} sets ${spec.settings.hooksOff}: the session runs without gitops-guard's hooks`);
  }
}
