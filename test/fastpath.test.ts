// The CLI's fast path skips the parser for text that cannot contain a managed command. It must be
// sound: whatever it lets through, the full classifier allows too.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createGuard, type Guard } from '../src/index.js';
import { NOTHING_MANAGED } from '../src/guard.js';
import { cannotHideManaged, mentionsManaged } from '../src/shell/fastpath.js';
import { project, SEED } from './helpers.js';
import { readFileSync } from 'node:fs';
import { builtinFiles } from '../src/policy/builtin.js';
import { RuleIndex } from '../src/policy/match.js';
import { loadPacks } from '../src/policy/rules.js';
import { shellNames } from '../src/shell/expand/names.js';
import { notWordChar, WordSet } from '../src/shell/word-set.js';

/** The full classifier, parser and all: what the fast path must agree with. */
let guard: Guard;
beforeAll(async () => {
  guard = await createGuard({ config: SEED, cwd: project(), fastPath: false });
});

const BENIGN = ["sort access.log | uniq -c", "echo '$HOME'", 'ls -la', 'git log --oneline -5', 'cat README.md', 'git show HEAD~1', 'echo hello > out.txt', 'grep -rn TODO src',
  'mkdir -p build && cp a b', 'pwd', 'wc -l x', 'date', 'true && false || echo no'];
const NOT_FAST = ['docker ps', '"ls "*', "'a b'x?", '"<<"*', '"doc"ker ps', "$'\\x64ocker' ps", 'd\\ocker ps', './deploy.sh', 'bash x', 'sudo ./x',
  'eval x', 'make deploy', 'npm run deploy', 'python3 -c x', '. ./env', 'd*r ps', 'ssh h', 'git push', '`x`', '$x',
  'echo "$HOME"', "echo 'a' $x", "echo 'unterminated $x", 'echo \\$x', 'source x', 'doc\\\nker ps', 'env A=1 bin/x', 'npm test', "git -c alias.x='!./d' x", 'git -c a=b status',
  // awk can read its program from a file (`-f`), which the text does not show.
  "awk -f x.awk access.log", 'crontab jobs.txt', 'at now -f job.sh'];

describe('fast path', () => {
  it.each(BENIGN)('skips the parser for %s', (text) => {
    expect(cannotHideManaged(text)).toBe(true);
    expect(guard.classify(text)).toEqual(NOTHING_MANAGED);
  });
  it.each(NOT_FAST)('parses %s', (text) => {
    expect(cannotHideManaged(text)).toBe(false);
  });
  it('is sound on random text: fast means the classifier allows with no findings', () => {
    const pieces = ['ls', 'docker', 'd', 'ocker', '"', "'", '\\', ' ', ';', '|', '&', '/', '.', 'x', 'sh', 'eval', '$', '$x', "'$'", '$(', '`',
      '*', 'sudo', 'ssh', 'git', 'push', '\n', '(', ')', 'make', 'npm', '-c', 'run', 'echo', '<<', 'EOF', '~'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 24 }), (parts) => {
      const text = parts.join('');
      if (!cannotHideManaged(text)) return;
      const v = guard.classify(text);
      expect(v.decision, text).toBe('allow');
      expect(v.findings.filter((f) => f.decision !== 'allow'), text).toEqual([]);
    }), { numRuns: 3000 });
  });
  // git commands that may run the repository's hooks (grammars/git-hooks.ts) are fast only where
  // the one entry's probe finds no hook can run, and only for the working directory's repository.
  it.each(['git status', 'git diff HEAD~1', 'git add -A && git commit -m "fix: x"', 'git --no-pager status', 'hub commit -m x'])('%s is fast only where no hook can run', (text) => {
    expect(cannotHideManaged(text)).toBe(false);
    expect(cannotHideManaged(text, undefined, () => false)).toBe(false);
    expect(cannotHideManaged(text, undefined, () => true)).toBe(true);
  });
  it.each(['cd sub && git commit -m x', 'git -C sub status', 'sudo git commit -m x', 'echo x; pushd a; git status', 'xargs git add', 'git-commit -m x'])('%s is read by the classifier, whatever the probe says', (text) => {
    expect(cannotHideManaged(text, undefined, () => true)).toBe(false);
  });
  it('does not look at the repository for git commands that run no hook', () => {
    let probed = false;
    expect(cannotHideManaged('git log --oneline && git show HEAD && git --no-pager blame x && git --version', undefined, () => { probed = true; return false; })).toBe(true);
    expect(probed).toBe(false);
  });
  it('finds names after quote and escape removal', () => {
    expect(mentionsManaged('"doc"ker')).toBe(true);
    expect(mentionsManaged("$'\\x64ocker'")).toBe(true);
    expect(mentionsManaged('doc\\\nker')).toBe(true);
    expect(mentionsManaged('ls -la')).toBe(false);
  });

  it('reads the names the built-in rules and the runner table imply, as the build stored them', () => {
    const stored = JSON.parse(readFileSync(new URL('../dist/fastpath.json', import.meta.url), 'utf8'));
    expect(stored.rules).toEqual(JSON.parse(JSON.stringify(new RuleIndex(loadPacks(builtinFiles())).names())));
    expect(stored.shell).toEqual(JSON.parse(JSON.stringify(shellNames())));
    expect(stored.shell.runners).toContain('python3');
    expect(stored.shell.wrappers).toContain('sudo');
  });

  it('finds names as words exactly where the regular expression it stands for does', () => {
    const names = ['docker', 'docker-compose', 'sh', 'python3', 'python', 'g++', 'a.b', 'kubectl'];
    const alt = names.map((n) => n.replace(/[.+]/g, '\\$&')).join('|');
    const pairs = [
      { set: new WordSet(names, { before: notWordChar(), after: notWordChar(), caseless: true }),
        re: new RegExp(`(?:^|[^A-Za-z0-9_])(?:${alt})(?=$|[^A-Za-z0-9_])`, 'i') },
      { set: new WordSet(names, { before: notWordChar('.-'), after: notWordChar('-'), suffix: (c) => c === 46 || (c >= 48 && c <= 57) }),
        re: new RegExp(`(?:^|[^A-Za-z0-9_.-])(?:${alt})[0-9.]*(?=$|[^A-Za-z0-9_-])`) },
    ];
    const piece = fc.constantFrom(...names, 'Docker', 'DOCKER-compose', 'x', '3', '.', '-', '+', '_', ' ', '/', '12', 'é', 'K', '\u212A', 'ſh');
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
      const text = parts.join('');
      for (const { set, re } of pairs) expect(set.test(text), text).toBe(re.test(text));
    }), { numRuns: 5000 });
  });
});
