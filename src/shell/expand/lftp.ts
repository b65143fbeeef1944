// lftp's commands (lftp(1)) on the server it opens (a URL operand, or `open URL` in its script): each
// that changes the server is judged as the command it amounts to there (`put F` as `tee F`, `rm F`,
// `mkdir D`, `mirror -R` as a write), so the server's read-only list decides; `!CMD` runs CMD here.
import { hostOf } from '../programs/ssh.js';
import type { Scope } from './driver.js';

/** lftp commands that change the server, and the remote command each amounts to ('' : the same verb). */
const WRITES: Readonly<Record<string, string>> = {
  put: 'tee', mput: 'tee', reput: 'tee', rm: '', mrm: 'rm', rmdir: '', mkdir: '', mv: '', mmv: 'mv', chmod: '', ln: '',
  rename: 'mv', site: 'site', quote: 'quote', edit: 'tee',
};

/** The host of an lftp URL (`sftp://user@host/path`, `fish://host`, `ftp://host`), or a bare host. */
function urlHost(word: string): string | null {
  const m = /^(?:s?ftp|ftps|fish|sftp|https?|hftp):\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^:/]+)/i.exec(word);
  return m ? m[1]!.replace(/^\[|\]$/g, '') : /^[A-Za-z0-9][\w.-]*$/.test(word) ? hostOf(word) : null;
}

export function lftpScript(scope: Scope, code: string, label: string, data: readonly { value: string; from: 'option' | 'operand' }[]): void {
  let host = data.filter((d) => d.from === 'operand').map((d) => urlHost(d.value)).find((h) => h !== null) ?? null;
  for (const raw of code.split(/[;\n]/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('!')) { scope.nested(line.slice(1), `${label} !`, { spliceable: false }); continue; }
    const [verb = '', ...rest] = line.split(/\s+/);
    if (verb === 'open' || verb === 'connect') { host = rest.map(urlHost).find((h) => h !== null) ?? '?'; continue; }
    const reverse = verb === 'mirror' && rest.some((w) => /^(?:-R|--reverse)$/.test(w));
    const as = reverse ? 'tee' : WRITES[verb];
    if (as === undefined) continue;
    const target = host ?? '?';
    scope.nested(`${as === '' ? verb : as} ${rest.filter((w) => !w.startsWith('-')).join(' ')}`.trim(), `${label} ${verb} on ${target}`,
      { target: { kind: 'remote', host: target }, env: new Map(), spliceable: false });
  }
}
