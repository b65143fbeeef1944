// Replace the shipped Compose Specification schema with a newer copy, and record where it came from.
//   node scripts/refresh-compose-schema.mjs SOURCE [--upstream CHECKOUT] [--out DIR]
// SOURCE: npm:NAME@VERSION (fetched with `npm pack`), a package .tgz or directory, a compose-spec
// checkout, or a schema file. The file taken is compose-spec.json or, in a package,
// schemas/compose.schema.json. It must compile before it replaces the old one.
// --upstream: a local git checkout of the compose-spec repository; the commit whose
// schema/compose-spec.json is byte-identical to the new copy is recorded in SOURCE.json.
// additions.json keeps only the keys the new schema still lacks. --out: another target folder.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Ajv from 'ajv';
import { applyAdditions, normalizeSchema, pointer } from '../dist/compose/schema.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { upstream: { type: 'string' }, out: { type: 'string' } },
});
const arg = positionals[0];
if (!arg) {
  console.error('usage: node scripts/refresh-compose-schema.mjs SOURCE [--upstream CHECKOUT] [--out DIR]\n'
    + '  SOURCE: npm:NAME@VERSION, a package .tgz or folder, a compose-spec checkout, or a schema file');
  process.exit(2);
}
const target = resolve(values.out ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'schema', 'compose-spec'));

const taken = {};
let root = arg;
if (arg.startsWith('npm:')) {
  const spec = arg.slice(4);
  const dir = mkdtempSync(join(tmpdir(), 'compose-spec-'));
  const [packed] = JSON.parse(execFileSync('npm', ['pack', spec, '--json', '--pack-destination', dir], { encoding: 'utf8' }));
  taken.npm = `${packed.name}@${packed.version}`;
  taken.integrity = packed.integrity;
  root = join(dir, packed.filename);
}
if (root.endsWith('.tgz')) {
  const dir = mkdtempSync(join(tmpdir(), 'compose-spec-'));
  execFileSync('tar', ['xzf', root, '-C', dir]);
  root = dir;
}

const NAMES = ['compose-spec.json', 'compose.schema.json'];
function find(dir, depth = 0) {
  if (depth > 6) return null;
  const entries = readdirSync(dir);
  for (const name of NAMES) if (entries.includes(name) && statSync(join(dir, name)).isFile()) return join(dir, name);
  for (const entry of entries) {
    const p = join(dir, entry);
    if (entry !== 'node_modules' && entry !== '.git' && statSync(p).isDirectory()) {
      const hit = find(p, depth + 1);
      if (hit) return hit;
    }
  }
  return null;
}
const schemaFile = statSync(root).isFile() ? root : find(root);
if (!schemaFile) throw new Error(`no ${NAMES.join(' or ')} under ${arg}`);
if (!taken.npm) taken.path = resolve(schemaFile);
else taken.path = schemaFile.slice(root.length + 1).replace(/^package\//, '');
const text = readFileSync(schemaFile, 'utf8');
const schema = JSON.parse(text);

// Keep only the additions the new schema lacks, and check that the result compiles.
const additionsFile = join(target, 'additions.json');
const additions = existsSync(additionsFile) ? JSON.parse(readFileSync(additionsFile, 'utf8')) : { additions: [] };
additions.additions = additions.additions.filter((a) => { const props = pointer(schema, a.at); return !props || !(a.key in props); });
const check = normalizeSchema(schema);
applyAdditions(check, additions.additions);
new Ajv({ strict: false, allErrors: true, logger: false }).compile(check);

let upstream = null;
if (values.upstream) {
  const git = (...a) => execFileSync('git', ['-C', values.upstream, ...a], { encoding: 'utf8', maxBuffer: 64 << 20 });
  for (const line of git('log', '--format=%H %cs', '--', 'schema/compose-spec.json').trim().split('\n')) {
    const [commit, date] = line.split(' ');
    let old;
    try { old = git('show', `${commit}:schema/compose-spec.json`); } catch { continue; }
    if (old === text) { upstream = { repository: 'compose-spec/compose-spec', path: 'schema/compose-spec.json', commit, date, match: 'byte-identical to the file at that commit' }; break; }
  }
  if (!upstream) console.error('warning: the new schema matches no version of schema/compose-spec.json in that checkout');
}

writeFileSync(join(target, 'compose-spec.json'), text);
writeFileSync(additionsFile, JSON.stringify(additions, null, 2) + '\n');
const sourceFile = join(target, 'SOURCE.json');
const previous = existsSync(sourceFile) ? JSON.parse(readFileSync(sourceFile, 'utf8')) : {};
const source = {
  file: 'compose-spec.json',
  license: 'Apache-2.0',
  sha256: createHash('sha256').update(text).digest('hex'),
  taken,
  upstream: upstream ?? { commit: 'unknown', date: 'unknown', match: 'not compared: run again with --upstream CHECKOUT' },
  ...(additions.additions.length > 0 && previous.newestUpstream ? { newestUpstream: previous.newestUpstream } : {}),
};
writeFileSync(sourceFile, JSON.stringify(source, null, 2) + '\n');
// The specification's own LICENSE and NOTICE, when SOURCE has them (a package's LICENSE may be its own).
const specLicense = [join(dirname(schemaFile), 'LICENSE'), join(dirname(schemaFile), '..', 'LICENSE')]
  .find((p) => existsSync(p) && /Apache License/.test(readFileSync(p, 'utf8')));
if (specLicense) {
  copyFileSync(specLicense, join(target, 'LICENSE'));
  const notice = join(dirname(specLicense), 'NOTICE');
  if (existsSync(notice)) copyFileSync(notice, join(target, 'NOTICE'));
}
console.error(`compose schema refreshed from ${arg} (${schemaFile}); upstream commit ${source.upstream.commit}; `
  + `${additions.additions.length} addition(s) kept. Update SOURCE.md to match SOURCE.json.`);
