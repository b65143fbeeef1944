// git's configuration files as text: the entries of one file (`[section "sub"]` / `key = value`),
// keys lower-cased as git compares them. Light on purpose: the fast path's hook probe reads them.

export interface GitConfig {
  /** Lower-cased key (`core.pager`, `alias.p`, `remote.origin.push`). */
  readonly key: string;
  /** The value; null when computed at run time. */
  readonly value: string | null;
  /** The key as written, where its case matters (`url.<base>.insteadOf`: the base is case-sensitive). */
  readonly written?: string;
}

/** The entries of a git config file, in order. */
export function parseGitConfigText(text: string): GitConfig[] {
  const out: GitConfig[] = [];
  let section = '';
  for (const raw of text.replace(/\\\r?\n/g, '').split('\n')) {
    let line = raw.trim();
    // `[core] hooksPath = x` puts an entry on the section's line.
    const head = /^\[\s*([A-Za-z0-9.-]+)(?:\s+"((?:[^"\\]|\\.)*)")?\s*\]\s*/.exec(line);
    if (head) {
      section = head[2] !== undefined ? `${head[1]}.${head[2]}` : head[1]!;
      line = line.slice(head[0].length);
    }
    line = stripComment(line);
    if (line === '') continue;
    const kv = /^([A-Za-z][A-Za-z0-9-]*)\s*(?:=\s*(.*))?$/.exec(line);
    if (!kv || section === '') continue;
    const written = `${section}.${kv[1]}`;
    out.push({ key: written.toLowerCase(), written, value: kv[2] === undefined ? 'true' : unquote(kv[2]) });
  }
  return out;
}

/** The line without a `#` or `;` comment outside double quotes. */
function stripComment(line: string): string {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\') { i++; continue; }
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '#' || c === ';')) return line.slice(0, i).trim();
  }
  return line.trim();
}

/** A value as git reads it: double quotes removed, `\"`, `\\`, `\n`, `\t` decoded. */
function unquote(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '"') continue;
    if (c === '\\' && i + 1 < value.length) {
      const n = value[++i]!;
      out += n === 'n' ? '\n' : n === 't' ? '\t' : n === 'b' ? '\b' : n;
      continue;
    }
    out += c;
  }
  return out.trim();
}
