// respell.ts: text bash (or zsh) runs that tree-sitter cannot parse, spelled again so that it parses
// and reads as the same commands; where a spelling is not sure, nothing changes.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadParser, withTree } from '../src/shell/parse.js';
import { collectCommands } from '../src/shell/invocations.js';
import { respelled } from '../src/shell/respell.js';

beforeAll(async () => {
  await loadParser();
});

/** The command names of text that must parse. */
function names(text: string): (string | null)[] {
  const r = withTree(text, (root) => collectCommands(text, root));
  if (!('ok' in r) || !r.ok) throw new Error(`does not parse: ${text}`);
  return r.commands.map((c) => c.words[0]?.value ?? null);
}

describe('spelled again for the parser', () => {
  it('reads two heredocs on one line as their printed bodies, in order', () => {
    const text = "cat > a.md <<'A' && cat > b.md <<B\nsays $HOME 'and' \"quotes\"\nA\nsecond\nB\nls";
    const out = respelled(text)!;
    expect(out).toBe(`cat > a.md < <(printf '%s\\n' 'says $HOME '\\''and'\\'' "quotes"') && cat > b.md < <(printf '%s\\n' "second")\nls`);
    expect(names(out)).toEqual(['cat', 'printf', 'cat', 'printf', 'ls']);
  });

  it('strips the tabs of <<- bodies and keeps an unquoted body expanding', () => {
    expect(respelled('cat <<-A <<-B\n\tx\n\tA\n\t$(date) "q"\n\tB')).toBe(`cat < <(printf '%s\\n' "x") < <(printf '%s\\n' "$(date) \\"q\\"")`);
  });

  it('reads a here-string after a file redirection as the printed word', () => {
    expect(respelled("cat > f.md <<< 'Summarize the changes'")).toBe(`cat > f.md < <(printf '%s\\n' 'Summarize the changes')`);
    expect(respelled('cat 2>/dev/null <<<"$HOME x" | wc')).toBe(`cat 2>/dev/null < <(printf '%s\\n' "$HOME x") | wc`);
    // not plain enough (unquoted $, a substitution), or on another descriptor: left as it is
    expect(respelled('cat > f <<< $x y')).toBeNull();
    expect(respelled('cat > f <<< "$(date)"')).toBeNull();
    expect(respelled("exec 3<<<'x'; cat > f <<< y")).toBeNull();
  });

  it('leaves text alone where bash would read it otherwise', () => {
    // a heredoc never closed, operators inside a string that spans lines, arithmetic shifts, a single heredoc
    expect(respelled('cat <<A <<B\nx\nA')).toBeNull();
    expect(respelled('echo "\ncat <<A <<B\n"\nls\nA\nB')).toBeNull();
    expect(respelled('echo $((1<<2)) <<A\nA')).toBeNull();
    expect(respelled('cat <<A\nx\nA')).toBeNull();
  });

  it('ends each body at its delimiter as bash reads it: quotes removed, $\'…\' decoded, $A as written', () => {
    expect(respelled("cat <<$'A' <<B\nA\nB\nls\n$A\nB")).toBe(`cat < <(printf '%s\\n' '') < <(printf '%s\\n' "")\nls\n$A\nB`);
    expect(respelled("cat <<a$'\\x41' <<\\B\nx\naA\ny\nB")).toBe(`cat < <(printf '%s\\n' 'x') < <(printf '%s\\n' 'y')`);
    expect(respelled('cat <<$A <<"a\\"b"\nx\n$A\ny\na"b')).toBe(`cat < <(printf '%s\\n' "x") < <(printf '%s\\n' 'y')`);
    // A quote left open in the delimiter: not sure, left as it is.
    expect(respelled("cat <<$'A <<B\nA\nB")).toBeNull();
  });

  it('pairs parentheses in one pass: quotes skipped, a brace left open inside them is a word', () => {
    expect(respelled("echo '$((ls) )' \"$((ls) )\" $((echo a{b) )")).toBe("echo '$((ls) )' \"$( (ls) )\" $( (echo a{b) )");
    expect(respelled('echo ${ ${ ls; }; }')).toBe('echo $( $( ls; ); )');
    expect(respelled('$(('.repeat(10000))).toBeNull();
  });

  it('reads $((cmd) ) as a substitution of a subshell, and arithmetic as arithmetic', () => {
    expect(respelled('echo "$((ls) )"')).toBe('echo "$( (ls) )"');
    expect(respelled('echo $(( (1+2) * 3 ))')).toBeNull();
  });

  it("reads bash 5.3's ${ cmd; } and zsh's anonymous functions", () => {
    expect(respelled('echo ${ ls; } ${| REPLY=x; }')).toBe('echo $( ls; ) $(  REPLY=x; )');
    const anon = respelled('() { ls } a b')!;
    expect(anon).toBe('__zsh_anonymous() { ls ; }; __zsh_anonymous a b');
    expect(names(anon)).toEqual(['__zsh_anonymous']);
  });
});
