// Programs nobody knows (issue 10, 2.8): an argument of one that reads as a command line of a
// managed program (`retry -- docker compose up -d`, `mytool --then 'git push -f'`) may be run by it.

/** The first argument (or run of arguments) that reads as such a command line; undefined: none. */
export function embeddedLine(args: readonly (string | null)[], starts: (text: string) => boolean): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const v = args[i];
    if (v === null || v === undefined) continue;
    // `--cmd=LINE` and `-cLINE` carry the line in the option's value.
    const value = /^--[\w-]+=/.test(v) ? v.slice(v.indexOf('=') + 1) : /^-[A-Za-z]\S/.test(v) && /\s/.test(v) ? v.slice(2) : v;
    const whole = /\s/.test(value.trim()) ? value : args.slice(i).map((a) => a ?? '').join(' ');
    const text = commandLines(whole).find((t) => starts(t));
    if (text !== undefined) return text;
  }
  return undefined;
}

/**
 * The command lines a piece of text may stand for: itself, each part of a list (`cd server &&
 * docker …`), and each with what only wraps a command taken off the front (`sudo`, `env`,
 * assignments, `bash -c "…"`).
 */
function commandLines(text: string): string[] {
  const out: string[] = [];
  for (const part of [text, ...text.split(/&&|\|\||;|\|/)]) {
    let t = part.trim();
    for (let k = 0; k < 8; k++) {
      out.push(t);
      const next = t.replace(/^(?:[A-Za-z_]\w*=\S*\s+|(?:sudo|env|nohup|nice|exec|command|time|doas)(?:\s+-\S+)*\s+)/, '')
        .replace(/^(?:ba|z|da|k)?sh\s+-c\s+(["'])(.*)\1\s*$/s, '$2');
      if (next === t) break;
      t = next.trim();
    }
  }
  return out;
}
