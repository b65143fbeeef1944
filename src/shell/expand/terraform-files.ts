// What a Terraform (or OpenTofu) configuration runs on the machine that applies it: each
// `provisioner "local-exec"`'s command (with its `interpreter`), each `data "external"`'s program
// (run at plan and refresh too), and each `provisioner "remote-exec"`'s inline lines (run on the
// resource's host), and Packer's shell-local provisioners and post-processors. Read from the HCL text: strings, heredocs and lists of strings; an
// interpolation (`${var.cmd}`) is a value the shell computes. A value that is no literal throws
// (the caller asks).

/** A block's body from the `{` at `open`: its end, past strings, heredocs and comments. */
function blockEnd(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') { i = stringEnd(text, i); continue; }
    if (c === '#' || (c === '/' && text[i + 1] === '/')) { const nl = text.indexOf('\n', i); i = nl < 0 ? text.length : nl; continue; }
    if (c === '/' && text[i + 1] === '*') { const e = text.indexOf('*/', i + 2); i = e < 0 ? text.length : e + 1; continue; }
    if (c === '<' && text[i + 1] === '<') { const h = heredoc(text, i); if (h) { i = h.end - 1; continue; } }
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  return text.length;
}

/** The index of the closing quote of the string opening at `i` (`${…}` may hold quotes of its own). */
function stringEnd(text: string, i: number): number {
  let interp = 0;
  for (let j = i + 1; j < text.length; j++) {
    const c = text[j]!;
    if (c === '\\') { j++; continue; }
    if ((c === '$' || c === '%') && text[j + 1] === '{') { interp++; j++; continue; }
    if (interp > 0 && c === '}') { interp--; continue; }
    if (interp === 0 && c === '"') return j;
    if (c === '\n' && interp === 0) return j;
  }
  return text.length;
}

function heredoc(text: string, i: number): { value: string; end: number } | null {
  const m = /^<<(-?)([A-Za-z_]\w*)[ \t]*\r?\n/.exec(text.slice(i, i + 80));
  if (!m) return null;
  const start = i + m[0].length;
  const close = new RegExp(`^[ \\t]*${m[2]}[ \\t]*$`, 'm');
  const rest = text.slice(start);
  const c = close.exec(rest);
  const body = c ? rest.slice(0, c.index) : rest;
  const value = m[1] ? dedent(body) : body;
  return { value, end: c ? start + c.index + c[0].length : text.length };
}

function dedent(body: string): string {
  const lines = body.split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0].length));
  return lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join('\n');
}

/** An HCL string's text as shell text: escapes read, each interpolation a value the shell computes. */
function unquote(raw: string): string {
  return raw.replace(/\$\{(?:[^{}]|\{[^{}]*\})*\}|%\{(?:[^{}]|\{[^{}]*\})*\}/g, '${TF_VALUE}')
    .replace(/\\(["\\nrt])/g, (_m, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c === 't' ? '\t' : c))
    .replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
}

/** The value of `name = …` in a block body: a string, or the strings of a list. */
function attribute(body: string, name: string): string | string[] | undefined {
  const m = new RegExp(`(?:^|[\\s{;])${name}\\s*=\\s*`, 'm').exec(body);
  if (!m) return undefined;
  const at = m.index + m[0].length;
  if (body[at] === '"') return unquote(body.slice(at + 1, stringEnd(body, at)));
  if (body.startsWith('<<', at)) { const h = heredoc(body, at); if (h) return h.value.replace(/\$\{(?:[^{}]|\{[^{}]*\})*\}/g, '${TF_VALUE}'); }
  if (body[at] === '[') {
    const items: string[] = [];
    let i = at + 1;
    for (;;) {
      while (/[\s,]/.test(body[i] ?? '')) i++;
      if (body[i] === ']' || i >= body.length) return items;
      if (body[i] === '#') { const nl = body.indexOf('\n', i); i = nl < 0 ? body.length : nl; continue; }
      if (body[i] !== '"') throw new Error(`its \`${name}\` holds a value computed when it applies`);
      const e = stringEnd(body, i);
      items.push(unquote(body.slice(i + 1, e)));
      i = e + 1;
    }
  }
  throw new Error(`its \`${name}\` is a value computed when it applies`);
}

function shellWord(s: string): string {
  if (s.includes('${TF_VALUE}')) return `"${s.replace(/["\\`$]/g, '\\$&').replace(/\\\$\{TF_VALUE\}/g, '${TF_VALUE}')}"`;
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

const SHELLS = /^(?:\/(?:usr\/)?bin\/)?(?:sh|bash|dash|zsh|ash)$/;

/** The command lines a .tf file runs where terraform runs (and remote-exec's, on its host). */
export function terraformCommands(source: string): string[] {
  // (Whole-line comments and /* */ blocks hold no block; a `#` inside a line may be in a string.)
  const text = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*(?:#|\/\/).*$/gm, '');
  const out: string[] = [];
  for (const m of text.matchAll(/\b(provisioner|data|post-processor)\s+"(local-exec|remote-exec|external|shell-local)"\s*(?:"[^"]*"\s*)?\{/g)) {
    const open = m.index! + m[0].length - 1;
    const body = text.slice(open + 1, blockEnd(text, open) - 1);
    if (m[2] === 'local-exec') {
      const command = attribute(body, 'command');
      if (typeof command !== 'string') { if (command !== undefined) throw new Error('its local-exec command is not a string'); continue; }
      const interp = attribute(body, 'interpreter');
      const argv = typeof interp === 'string' ? [interp] : interp ?? [];
      // The default interpreter is /bin/sh -c; another one gets the command as its last argument.
      out.push(argv.length === 0 || (SHELLS.test(argv[0]!) && argv.slice(1).join(' ') === '-c') ? command : [...argv, command].map(shellWord).join(' '));
    } else if (m[2] === 'external' && m[1] === 'data') {
      const program = attribute(body, 'program');
      if (program !== undefined) out.push((typeof program === 'string' ? [program] : program).map(shellWord).join(' '));
    } else if (m[2] === 'shell-local') {
      // Packer's shell-local provisioner and post-processor: `inline` lines and `command`, run here.
      const inline = attribute(body, 'inline');
      if (inline !== undefined) out.push(...(typeof inline === 'string' ? [inline] : inline));
      const command = attribute(body, 'command');
      if (typeof command === 'string') out.push(command);
      if (attribute(body, 'script') !== undefined || attribute(body, 'scripts') !== undefined) throw new Error('its shell-local runs a script file');
    } else if (m[2] === 'remote-exec') {
      const inline = attribute(body, 'inline');
      if (inline !== undefined) out.push(...(typeof inline === 'string' ? [inline] : inline));
      if (attribute(body, 'script') !== undefined || attribute(body, 'scripts') !== undefined) throw new Error('its remote-exec runs a script file on the host');
    }
  }
  return out.filter((c) => c.trim() !== '');
}
