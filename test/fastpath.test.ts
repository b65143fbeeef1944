// The CLI's fast path skips the parser for text that cannot contain a managed command. It must be
// sound: whatever it lets through, the full classifier allows too.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createGuard, type Guard } from '../src/index.js';
import { NOTHING_MANAGED } from '../src/guard.js';
import { cannotHideManaged, mentionsManaged } from '../src/shell/fastpath.js';
import { project, SEED } from './helpers.js';

/** The full classifier, parser and all: what the fast path must agree with. */
let guard: Guard;
beforeAll(async () => {
  guard = await createGuard({ config: SEED, cwd: project(), fastPath: false });
});

const BENIGN = ["sort access.log | uniq -c", "echo '$HOME'", 'ls -la', 'git status', 'git log --oneline -5', 'cat README.md', 'git diff HEAD~1', 'echo hello > out.txt', 'grep -rn TODO src',
  'mkdir -p build && cp a b', 'pwd', 'wc -l x', 'date', 'true && false || echo no'];
const NOT_FAST = ['docker ps', '"doc"ker ps', "$'\\x64ocker' ps", 'd\\ocker ps', './deploy.sh', 'bash x', 'sudo ./x',
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
  it('finds names after quote and escape removal', () => {
    expect(mentionsManaged('"doc"ker')).toBe(true);
    expect(mentionsManaged("$'\\x64ocker'")).toBe(true);
    expect(mentionsManaged('doc\\\nker')).toBe(true);
    expect(mentionsManaged('ls -la')).toBe(false);
  });
});
