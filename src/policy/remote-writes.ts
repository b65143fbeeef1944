// The `writes-remote` fact for programs other than the copy tools: an archive written on a server
// (`tar -cf host:path`, `cpio -o -F host:path`), files copied to the hosts a program runs jobs on
// (`parallel --basefile f -S host`), as grammars/remote-writes.ts describes them; an upload or quote command by curl,
// and a file curl saves.
import { optionIs } from '../shell/getopt.js';
import type { Invocation } from '../shell/invocation.js';
import { REMOTE_WRITES } from '../shell/grammars/remote-writes.js';
import { remotePathOf } from '../shell/programs/transfer.js';
import { globAsWritten } from '../shell/words.js';

/**
 * URLs a curl command requests. A URL with a glob in it (`…/restart?t=0`, `http://[::1]:2375/…`) is
 * requested as written: no file is named like a URL, so the glob matches nothing and bash leaves it.
 */
export function urls(inv: Invocation): string[] {
  const scan = inv.scan;
  if (!scan) return [];
  const asWritten = (index: number): string => { const w = inv.argv[index + 1]; return w ? globAsWritten(w.text) ?? '' : ''; };
  return [...scan.operands.map((o) => o.value ?? asWritten(o.index)), ...scan.options.filter((o) => o.name === '--url').map((o) => o.value ?? '')];
}

/** Does this command write on a server by an option of its own (see REMOTE_WRITES), or upload with curl? */
export function archiveOrUploadToServer(inv: Invocation): boolean {
  const scan = inv.scan;
  if (!scan || inv.program === null) return false;
  if (inv.program === 'curl') {
    // -T uploads; -Q/--quote sends the server commands of its own (rm, rename, chmod, ln …).
    const upload = scan.options.some((o) => optionIs(o, ['-T', '--upload-file', '-Q', '--quote']));
    return upload && urls(inv).some((u) => /^(?:sftp|scp|ftps?):\/\//i.test(u));
  }
  const spec = REMOTE_WRITES[inv.program];
  if (!spec) return false;
  const given = (names: readonly string[] | undefined) => names !== undefined && scan.options.some((o) => optionIs(o, names));
  if (spec.when && !given(spec.when)) return false;
  if (given(spec.unless)) return false;
  if (spec.remoteFile) {
    const file = scan.options.filter((o) => optionIs(o, spec.remoteFile!)).pop()?.value;
    if (file === null || (typeof file === 'string' && remotePathOf(file) !== null)) return true;
  }
  if (spec.copies && given(spec.copies)) {
    const hosts = scan.options.filter((o) => optionIs(o, spec.hosts ?? []));
    return hosts.some((o) => o.value === null || (typeof o.value === 'string' && !(spec.localHosts ?? []).includes(o.value)));
  }
  return false;
}

const HARMLESS_OUTPUT = new Set(['-', '/dev/null', '/dev/stdout', '/dev/stderr']);
const CURL_FILE_OPTIONS = ['-o', '--output', '-D', '--dump-header', '-c', '--cookie-jar', '--trace', '--trace-ascii', '--stderr',
  '--libcurl', '--etag-save', '--hsts', '--alt-svc', '--ssl-sessions', '--output-dir'];

/** The `writes-output` fact: curl saves something to a file (output, headers, cookies, traces, session caches). */
export function curlWrites(inv: Invocation): boolean {
  if (inv.program !== 'curl') return false;
  const scan = inv.scan;
  if (!scan) return true;
  for (const o of scan.options) {
    if (optionIs(o, ['-O', '--remote-name', '--remote-name-all', '--create-dirs', '-J', '--remote-header-name'])) return true;
    if (optionIs(o, CURL_FILE_OPTIONS) && (o.value === null || !HARMLESS_OUTPUT.has(o.value ?? '-'))) return true;
    if (optionIs(o, ['-w', '--write-out']) && (o.value === null || /%output\{/.test(o.value ?? ''))) return true;
  }
  return false;
}
