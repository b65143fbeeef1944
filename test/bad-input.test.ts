// Bad input gets a decision, never an exception: deny where a managed tool could hide in it, allow
// where none can (POLICY.md, "Bad input").
import { beforeAll, describe, expect, it } from 'vitest';
import type { Guard } from '../src/index.js';
import { seed } from './helpers.js';

let guard: Guard;
beforeAll(async () => {
  guard = await seed();
});

describe('bad input', () => {
  it('over 64 KiB with a managed name: deny', () => {
    const v = guard.classify(`echo ${'a'.repeat(70_000)}; docker restart web`);
    expect(v.decision).toBe('deny');
    expect(v.findings[0]!.ruleId).toBe('bad-input');
    expect(v.reason).toContain('larger than 64 KiB');
  });
  it('over 64 KiB without one: allow', () => {
    expect(guard.classify(`echo ${'a'.repeat(70_000)}`).decision).toBe('allow');
  });
  it('1000-deep nesting: a verdict, deny when a managed name is inside', () => {
    const deep = '$('.repeat(1000) + 'docker ps' + ')'.repeat(1000);
    expect(guard.classify(deep).decision).toBe('deny');
    const subshells = '('.repeat(1000) + 'ls' + ')'.repeat(1000);
    expect(['allow', 'deny']).toContain(guard.classify(subshells).decision);
    // bash pairs these quotes up, so the docker words are only positional parameters: nothing runs.
    const paired = 'bash -c "'.repeat(50) + 'docker restart web' + '"'.repeat(50);
    expect(guard.classify(paired).decision).toBe('allow');
  });
  it('text denser in command starts than the command limit allows stops before parsing, and denies', () => {
    for (const text of ['echo ' + '$(x) '.repeat(13106), '`x` '.repeat(16382), '$x;'.repeat(16382)]) {
      const v = guard.classify(text);
      expect(v.decision, text.slice(0, 20)).toBe('deny');
      expect(v.reason).toContain('command separators and substitutions');
    }
    // Separators in quoted data count too, but where nothing managed or computed could hide, a limit allows.
    expect(guard.classify(`echo '${';'.repeat(9000)}'`).decision).toBe('allow');
    expect(guard.classify(`echo '${';'.repeat(9000)}'; docker restart web`).decision).toBe('deny');
    // Under the bound, the same shapes are read and judged as usual.
    expect(guard.classify('echo ' + '$(x) '.repeat(50)).decision).toBe('allow');
    expect(guard.classify('echo ' + '$(x) '.repeat(50) + '$(docker restart web)').findings[0]!.ruleId).toBe('container-restart');
    // An unclosed `$(` starts nothing: the parser's answer (the shell refuses such text) stands.
    expect(guard.classify('$('.repeat(32 * 1024)).decision).toBe('allow');
  });
  it('shapes whose error recovery is costly (heredocs without a word, unclosed ${) stop before parsing, the same at any load', () => {
    for (const text of ['<<'.repeat(2000) + 'docker ps', 'cat ' + '<< '.repeat(40) + 'docker ps', '${'.repeat(5000) + ' docker ps']) {
      const v = guard.classify(text);
      expect(v.decision, text.slice(0, 20)).toBe('deny');
      expect(v.reason, text.slice(0, 20)).toMatch(/heredoc operators without a delimiter|never closed/);
    }
    expect(guard.classify('<<'.repeat(20000)).decision).toBe('allow');
    // Real heredocs, here-strings and expansions in any number are read as usual.
    const many = Array.from({ length: 100 }, (_, i) => `cat <<'E${i}'\nx\nE${i}`).join('\n');
    expect(guard.classify(many).decision).toBe('allow');
    expect(guard.classify(`${many}\ndocker restart web`).findings[0]!.ruleId).toBe('container-restart');
    expect(guard.classify('cat <<- "EOF"\nx\nEOF\ncat <<< "${HOME}" <<<"$x"').decision).toBe('allow');
    expect(guard.classify('echo ' + '${x} '.repeat(500)).decision).toBe('allow');
  });
  it('dense unclosed openers get the same decision at any load (bench/core.mjs times them)', () => {
    // Unclosed `$((`: nothing runs (bash refuses the text); a command run by path after them could run anything.
    expect(guard.classify('$(('.repeat(10000)).decision).toBe('allow');
    expect(guard.classify('$(('.repeat(21845)).decision).toBe('allow');
    expect(guard.classify('$(('.repeat(10000) + '; ./bin/deploy').decision).toBe('deny');
    // Unclosed `{` past the bound stop before parsing: a limit, bad input, denied where a command word
    // could be anything (`{a,{a,…` is one) or a managed name is there, allowed where none can be.
    for (const text of ['{a,'.repeat(20000), '{a,'.repeat(20000) + ' ; docker restart web', 'ls ' + '{'.repeat(40) + '; docker ps']) {
      const v = guard.classify(text);
      expect(v.decision, text.slice(0, 20)).toBe('deny');
      expect(v.reason, text.slice(0, 20)).toContain('`{` never closed');
    }
    expect(guard.classify('echo ' + 'x{'.repeat(40)).decision).toBe('allow');
    // Braces in any number that close are read as usual.
    expect(guard.classify('echo ' + '{a,b} '.repeat(200)).decision).toBe('allow');
    expect(guard.classify(`awk '${'{ x++ } '.repeat(100)}' f`).decision).toBe('allow');
    expect(guard.classify("$'".repeat(30000)).decision).toBe('allow');
    expect(guard.classify('"$('.repeat(20000)).decision).toBe('allow');
  });
  it('strings run as shell inside strings stop at the nesting limit and deny', () => {
    expect(guard.classify(`${'eval '.repeat(30)}docker restart web`).decision).toBe('deny');
    expect(guard.classify(`${'eval '.repeat(30)}ls`).decision).toBe('allow');
    expect(guard.classify(`${'eval '.repeat(5)}docker ps`).findings[0]!.ruleId).toBe('container-look-local');
  });
  it('NUL bytes: no shell runs them; deny when a managed name is there once NULs are removed', () => {
    expect(guard.classify('docker\0 restart web').decision).toBe('deny');
    expect(guard.classify('doc\0ker ps').decision).toBe('deny');
    expect(guard.classify('ls\0-la').decision).toBe('allow');
    expect(guard.classify('\0'.repeat(1000)).decision).toBe('allow');
  });
  it('invalid UTF-8 (as decoded by Node: replacement characters) and lone surrogates', () => {
    const text = Buffer.from([0x64, 0x6f, 0x63, 0x6b, 0x65, 0x72, 0x20, 0xff, 0xfe, 0x20, 0x70, 0x73]).toString('utf8');
    expect(guard.classify(text).decision).toBe('deny');
    expect(guard.classify('echo \ud800 docker').decision).toBe('allow');
    // Written out, a lone surrogate becomes U+FFFD: the program is "\ufffd", which nobody knows, and
    // its arguments read as a docker command line it might run: a person decides (issue 10, 2.8).
    expect(guard.classify('\udfff docker restart web').decision).toBe('ask');
    expect(guard.classify('echo \udfff; docker restart web').decision).toBe('deny');
  });
  it('unterminated quotes and substitutions', () => {
    for (const text of ['docker compose up "', "docker ps '", 'echo $(docker ps', 'echo `docker ps', 'ssh h "docker ps',
      "bash -c 'docker restart web", 'docker restart web <<EOF']) {
      const v = guard.classify(text);
      expect(v.decision, text).not.toBe('allow');
    }
    for (const text of ['echo "hi', "ls '", 'cat <<EOF', 'if then fi']) {
      expect(guard.classify(text).decision, text).toBe('allow');
    }
  });
  it('empty and whitespace-only input', () => {
    for (const text of ['', ' ', '\n\n', '\t', ';', '# just a comment']) {
      expect(guard.classify(text).decision).toBe('allow');
    }
  });
  it('expands to too many commands', () => {
    const many = Array.from({ length: 3000 }, () => 'docker ps').join(';');
    expect(guard.classify(many).decision).toBe('deny');
  });
});
