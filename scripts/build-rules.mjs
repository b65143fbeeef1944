// Validate the built-in rule packs and store them as dist/rules.json (see src/policy/builtin.ts).
import { writeFileSync } from 'node:fs';
import { builtinFiles, packsStamp, COMPILED_RULES } from '../dist/policy/builtin.js';
import { loadPacks } from '../dist/policy/rules.js';
import { RuleIndex } from '../dist/policy/match.js';
import { configJsonSchema } from '../dist/config.js';

const files = builtinFiles();
const rules = loadPacks(files);
writeFileSync(COMPILED_RULES, JSON.stringify({ stamp: packsStamp(files), rules }));
// What the fast path searches text for: derived from the rules, so a new rule is never missed by it.
writeFileSync(new URL('../dist/fastpath.json', import.meta.url), JSON.stringify(new RuleIndex(rules).names()));
writeFileSync(new URL('../schema/gitops-guard.schema.json', import.meta.url), JSON.stringify(configJsonSchema(), null, 2) + '\n');
console.error(`gitops-guard: ${rules.length} built-in rules compiled to dist/rules.json`);
