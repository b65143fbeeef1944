// Replace the shipped Compose Specification schema with a newer copy.
//   node scripts/refresh-compose-schema.mjs PATH
// PATH: a compose-spec checkout, its schema/compose-spec.json, or an npm package (directory or
// .tgz) that contains compose-spec.json. The schema is checked to compile before it replaces the
// old one; LICENSE and NOTICE are copied when PATH has them.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2019 from 'ajv/dist/2019.js';
import { normalizeSchema } from '../dist/compose/schema.js';

const target = join(dirname(fileURLToPath(import.meta.url)), '..', 'schema', 'compose-spec');
const arg = process.argv[2];
if (!arg) {
  console.error('usage: node scripts/refresh-compose-schema.mjs PATH (a compose-spec checkout, schema file, or package)');
  process.exit(1);
}
let root = arg;
if (arg.endsWith('.tgz')) {
  root = mkdtempSync(join(tmpdir(), 'compose-spec-'));
  execFileSync('tar', ['xzf', arg, '-C', root]);
}
function find(dir, name, depth = 0) {
  if (depth > 6) return null;
  for (const entry of readdirSync(dir)) {
    const p = join(dir, entry);
    if (entry === name && statSync(p).isFile()) return p;
  }
  for (const entry of readdirSync(dir)) {
    const p = join(dir, entry);
    if (entry !== 'node_modules' && statSync(p).isDirectory()) {
      const hit = find(p, name, depth + 1);
      if (hit) return hit;
    }
  }
  return null;
}
const schemaFile = statSync(root).isFile() ? root : find(root, 'compose-spec.json');
if (!schemaFile) throw new Error(`no compose-spec.json under ${arg}`);
const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
new Ajv2019({ strict: false, allErrors: true }).compile(normalizeSchema(schema));
writeFileSync(join(target, 'compose-spec.json'), JSON.stringify(schema, null, 2) + '\n');
for (const name of ['LICENSE', 'NOTICE']) {
  const p = [join(dirname(schemaFile), name), join(dirname(schemaFile), '..', name)].find(existsSync);
  if (p) copyFileSync(p, join(target, name));
}
console.error(`compose schema refreshed from ${schemaFile}; update schema/compose-spec/SOURCE.md with where it came from`);
