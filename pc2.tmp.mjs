import { Parser, Language } from 'web-tree-sitter';
import { readFileSync } from 'node:fs';
await Parser.init({ wasmBinary: readFileSync('node_modules/web-tree-sitter/web-tree-sitter.wasm') });
const lang = await Language.load(readFileSync('dist/tree-sitter-bash.wasm'));
const p = new Parser(); p.setLanguage(lang);
const inputs = {
  unbal: '$('.repeat(32 * 1024),
  unbal8k: '$('.repeat(4 * 1024),
  unbalbt: '`$('.repeat(8 * 1024),
  dq: '"' + '$(x)'.repeat(15000),
  brk: 'if '.repeat(10000),
  mix: '(( '.repeat(10000),
  paren: '$(('.repeat(10000),
  brace: '${'.repeat(20000),
  cases: 'case x in '.repeat(5000),
  lt: '<<'.repeat(20000),
  fi: 'fi '.repeat(20000),
  semi: ';;'.repeat(20000),
  bad: ') '.repeat(20000),
  heredocs2: "cat > a.md <<'A' && cat > b.md <<'B'\nThe server\nA\nsecond file\nB",
};
for (const [k, t] of Object.entries(inputs)) {
  let n = 0, e = 0, firstErr = -1; const t0 = process.hrtime.bigint();
  const tree = p.parse(t, null, { progressCallback: (s) => { n++; if (s.hasError) { e++; if (firstErr<0) firstErr = n; } return false; } });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(k.padEnd(10), String(t.length).padStart(6), 'cb', String(n).padStart(6), 'err', String(e).padStart(6), 'first', firstErr, ms.toFixed(1).padStart(8), 'ms', tree?.rootNode.hasError ? 'ERR':'ok');
  tree?.delete(); p.reset();
}
