// Commands a cloud CLI runs by itself to get credentials, named in its config files: the AWS CLI and
// SDKs run `credential_process` (AWS CLI User Guide, "Sourcing credentials with an external process")
// of the profile in use, from ~/.aws/config or ~/.aws/credentials, and load the Python modules of the
// `[plugins]` section (AWS CLI v1). Judged when written, as an ssh config's ProxyCommand is.
import type { Scope } from './driver.js';

export function awsConfigCommands(scope: Scope, text: string, label: string): void {
  let section = '';
  for (const line of text.split(/\r?\n/)) {
    const head = /^\s*\[\s*([^\]]*?)\s*\]/.exec(line);
    if (head) { section = head[1]!; continue; }
    if (/^\s*(?:[#;].*)?$/.test(line)) continue;
    if (section === 'plugins') { scope.raise('unreadable-script', `${label}: the AWS CLI loads the Python modules its [plugins] section names, code not read here`); return; }
    const m = /^\s*credential_process\s*=\s*(.*)$/.exec(line);
    if (m && m[1]!.trim() !== '') scope.nested(m[1]!.trim(), `the credential_process of [${section}] ${label}`, { spliceable: false });
  }
}
