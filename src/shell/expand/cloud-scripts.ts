// Scripts a cloud CLI sets on an instance as keys (grammars/cloud-shells.ts `keyed`): gcloud's
// startup and shutdown scripts in the metadata, az's Custom Script extension settings. Each is the
// shell script the instance runs, read here as text; what cannot be read is said so.
import { optionIs, type Scan } from '../getopt.js';
import type { KeyedScripts } from '../grammars/cloud-shells.js';
import type { Scope } from './driver.js';
import { readLocal } from './output.js';
import { decoded } from './code-options.js';

export type KeyedResult =
  /** `hidden`: a script the instance also runs that the text does not show. */
  | { readonly kind: 'scripts'; readonly scripts: readonly string[]; readonly hidden?: string }
  | { readonly kind: 'computed'; readonly why: string };

/** The scripts these options set (none: nothing runs there). */
export function keyedScripts(scope: Scope, scan: Scan, spec: KeyedScripts): KeyedResult {
  const keys = new Map<string, { value: string; file: boolean }>();
  let hidden: string | undefined;
  for (const o of scan.options) {
    const file = spec.fromFile?.some((n) => optionIs(o, [n])) ?? false;
    if ((!file && !spec.options.some((n) => optionIs(o, [n]))) || o.value === undefined) continue;
    if (o.value === null) return { kind: 'computed', why: `${o.name} is computed at run time` };
    const pairs = spec.format === 'dict' ? dictPairs(o.value) : jsonPairs(scope, o.value);
    if (pairs === null) { hidden = `${o.name} cannot be read`; continue; }
    // A key given again keeps the last value (gcloud's dict update, the later settings object).
    for (const [k, v] of pairs) keys.set(k, { value: v, file });
  }
  const remote = spec.remote?.find((k) => keys.has(k));
  if (remote !== undefined) hidden = `\`${remote}\` names a script the instance fetches, which the text does not show`;
  const scripts: string[] = [];
  for (const [k, { value, file }] of keys) {
    const encoded = spec.encoded?.includes(k) ?? false;
    if (!encoded && !spec.scripts.includes(k)) continue;
    const raw = file ? readLocal(scope, value, scope.cwd) : value;
    const text = raw === null ? null : encoded ? decoded(raw) : raw;
    if (text === null) hidden = `the script in \`${k}\` cannot be read`;
    else scripts.push(text);
  }
  return { kind: 'scripts', scripts, ...(hidden === undefined ? {} : { hidden }) };
}

/** gcloud's ArgDict: `K=V,K2=V2`, or `^D^K=VdK2=V2` with the separator D (gcloud topic escaping). */
function dictPairs(value: string): [string, string][] {
  const alt = /^\^([^^]+)\^/s.exec(value);
  const sep = alt ? alt[1]! : ',';
  const body = alt ? value.slice(alt[0].length) : value;
  return body.split(sep).filter((p) => p !== '').map((p) => {
    const eq = p.indexOf('=');
    return eq < 0 ? [p, ''] : [p.slice(0, eq), p.slice(eq + 1)];
  });
}

/** az's JSON settings (`@FILE`: that file's text): its top-level keys with string values; null when not JSON. */
function jsonPairs(scope: Scope, value: string): [string, string][] | null {
  const text = value.startsWith('@') ? readLocal(scope, value.slice(1), scope.cwd) : value;
  if (text === null) return null;
  let parsed: unknown;
  try { parsed = JSON.parse(text); } catch { return null; }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
  return Object.entries(parsed as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]);
}
