// Validate the built-in rule packs and store them as dist/rules.json (see src/policy/builtin.ts).
import { writeFileSync } from 'node:fs';
import { builtinFiles, compiledPacks, packsStamp, COMPILED_EXAMPLES, COMPILED_RULES } from '../dist/policy/builtin.js';
import { loadPacks } from '../dist/policy/rules.js';
import { RuleIndex } from '../dist/policy/match.js';
import { configJsonSchema } from '../dist/config.js';
import { runExamples } from '../dist/policy/harness.js';
import { shellNames } from '../dist/shell/expand/names.js';

const files = builtinFiles();
const rules = loadPacks(files);
const compiled = compiledPacks(rules, packsStamp(files));
writeFileSync(COMPILED_RULES, JSON.stringify(compiled.packs));
writeFileSync(COMPILED_EXAMPLES, JSON.stringify(compiled.examples));
// What the fast path searches text for: derived from the rules and the runner table, so a new rule
// or runner is never missed by it (src/shell/fastpath.ts).
writeFileSync(new URL('../dist/fastpath.json', import.meta.url), JSON.stringify({ rules: new RuleIndex(rules).names(), shell: shellNames() }));
writeFileSync(new URL('../schema/gitops-guard.schema.json', import.meta.url), JSON.stringify(configJsonSchema(), null, 2) + '\n');
// Every rule's examples are its spec: a pack whose examples do not hold does not build (as Codex's
// execpolicy checks its match/not_match when it loads).
const checked = await runExamples(rules);
if (checked.failed > 0) {
  for (const f of checked.failures.slice(0, 20)) console.error(`FAIL ${f.where}\n  command:  ${f.command}\n  expected: ${f.expected}\n  got:      ${f.got}`);
  console.error(`gitops-guard: ${checked.failed} rule example(s) fail; the built-in rules are not built`);
  process.exit(1);
}
console.error(`gitops-guard: ${rules.length} built-in rules compiled to dist/rules.json (${checked.passed} examples hold)`);
