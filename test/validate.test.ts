// Compose validation: YAML syntax with positions, the Compose schema, and the checks a schema
// cannot make; through the library and the CLI.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPOSE_SCHEMA, COMPOSE_SCHEMA_DIR, pointer, readAdditions } from '../src/compose/schema.js';
import { LIMITS, validateFiles, validateText } from '../src/compose/validate.js';
import { BIN, project, tempDir } from './helpers.js';

const at = (text: string) => validateText(text, 'c.yml').map((p) => `${p.line}:${p.col} ${p.severity} ${p.message}`);

describe('compose validation', () => {
  it('passes a clean file', () => {
    expect(at('services:\n  web:\n    image: nginx:1.27\n    ports: ["8080:80"]\n    environment:\n      LEVEL: ${LEVEL:-info}\n')).toEqual([]);
  });
  it('reports YAML syntax errors with line and column', () => {
    expect(at('services:\n  web:\n    image: "nginx\n')[0]).toMatch(/^4:1 error Missing closing "quote/);
    expect(at('services:\n  web: {}\n  web: {}\n')[0]).toMatch(/^3:3 error .*[Uu]nique/);
  });
  it('reports schema violations at their position', () => {
    expect(at('services:\n  web:\n    image: nginx:1.27\n    restart: 3\n')).toEqual(['4:14 error services.web.restart must be string']);
  });
  it('knows the current Compose keys, and warns (not errors) only about keys Compose does not have', () => {
    expect(at('name: app\ninclude: [a.yml]\nservices:\n  web:\n    image: nginx:1.27\n    gpus: all\n'
      + '    post_start: [{command: [echo]}]\n    models: [llm]\nmodels:\n  llm: {model: ai/smollm2}\n')).toEqual([]);
    expect(at('services:\n  web:\n    image: nginx:1.27\n    restrat: always\n    x-team: payments\n')).toEqual([
      '4:5 warning "restrat" is not a Compose key in services.web (Compose Specification of 2025-07-21); check its spelling, or name it x-restrat for an extension',
    ]);
    expect(at('services:\n  web:\n    build:\n      contxt: .\n')).toEqual([
      '4:7 warning "contxt" is not a Compose key in services.web.build (Compose Specification of 2025-07-21); check its spelling, or name it x-contxt for an extension',
    ]);
  });
  it('reports a value that fits no form of a key once, naming the forms', () => {
    expect(at('services:\n  web:\n    build: 3\n')).toEqual(['3:12 error services.web.build must be string or object']);
  });
  it('applies YAML merge keys before validating, as Compose does', () => {
    const text = 'x-base: &base\n  restart: always\n  logging: {driver: json-file}\nservices:\n  a:\n    <<: *base\n    image: x/a:1\n'
      + '  b:\n    <<: [*base]\n    image: x/b:1\n    restart: 3\n';
    expect(at(text)).toEqual(['11:14 error services.b.restart must be string']);
    // A merged-in key that is not Compose's is found, and shown where it is merged.
    expect(at('x-base: &base\n  restrat: always\nservices:\n  a:\n    <<: *base\n    image: x/a:1\n')).toEqual([
      '5:5 warning "restrat" is not a Compose key in services.a (Compose Specification of 2025-07-21); check its spelling, or name it x-restrat for an extension',
    ]);
  });
  it('accepts image next to build: the image names what is built, so it needs no tag', () => {
    expect(at('services:\n  web:\n    build: .\n    image: web\n  api:\n    build: {context: ./api, provenance: true, sbom: false}\n    image: example/api\n')).toEqual([]);
  });
  it('gives a user error, not a crash, for alias bombs, deep nesting and huge files', () => {
    const bomb = ['a: &a [x,x,x,x,x,x,x,x,x]', ...'bcdef'.split('').map((n, i) => `${n}: &${n} [${Array(9).fill(`*${'abcdef'[i]}`).join(',')}]`), 'services: {}', ''].join('\n');
    expect(at(bomb)).toEqual([`1:1 error the YAML's aliases (*name) expand to more than ${LIMITS.aliases} copies (an "alias bomb"); a compose file does not need that many: write the values out or use fewer nested aliases`]);
    const block = 'services:\n' + Array.from({ length: LIMITS.depth + 2 }, (_, i) => `${' '.repeat(2 * i + 2)}k:`).join('\n') + ' 1\n';
    expect(at(block)).toEqual([expect.stringMatching(new RegExp(`^\\d+:\\d+ error the YAML nests mappings and lists more than ${LIMITS.depth} levels deep`))]);
    const flow = `services: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`;
    expect(at(flow)).toEqual([expect.stringMatching(/^\d+:\d+ error the YAML is nested too deeply to read/)]);
    expect(at(`services: {}\n# ${'x'.repeat(LIMITS.bytes)}\n`)).toEqual([expect.stringMatching(/^1:1 error the file is larger than 4 MiB/)]);
    // Just under the limits is read as usual.
    const ok = 'services:\n  web:\n    image: x/w:1\n    labels:\n' + Array.from({ length: LIMITS.depth - 4 }, (_, i) => `${' '.repeat(2 * i + 6)}k:`).join('\n') + ' 1\n';
    expect(validateText(ok, 'c.yml').filter((p) => p.check === 'yaml')).toEqual([]);
  });
  it('passes every stack of the written collection (test/fixtures/compose-stacks) with no problem', () => {
    const dir = join(import.meta.dirname, 'fixtures', 'compose-stacks');
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const f of files) expect([f, validateText(readFileSync(join(dir, f), 'utf8'), f)]).toEqual([f, []]);
  });
  it('checks what a schema cannot', () => {
    const problems = at([
      'services:',
      '  gateway:',
      '    image: ghcr.io/example/gateway',
      '    ports: ["18790:18790"]',
      '    depends_on: [db, cache]',
      '    environment:',
      '      TOKEN: ${GATEWAY_TOKEN}',
      '      COST: $$5',
      '  web:',
      '    image: nginx:latest',
      '    ports:',
      '      - target: 80',
      '        published: 18790',
      '  db:',
      '    image: postgres@sha256:abc',
      '',
    ].join('\n'));
    expect(problems).toEqual([
      '3:12 error image "ghcr.io/example/gateway" has no tag: pin a version (e.g. ghcr.io/example/gateway:1.2.3) so a deploy is reproducible',
      '5:22 error service "gateway" depends on "cache", which is not defined',
      '7:14 warning ${GATEWAY_TOKEN} has no default: the deploy fails or uses an empty value if it is not set on the server (write ${GATEWAY_TOKEN:-default} or ${GATEWAY_TOKEN:?message})',
      '10:12 warning image "nginx:latest" uses the latest tag: pin a version so a deploy is reproducible',
      '12:9 error host port 18790/tcp is published by both "gateway" and "web"',
    ]);
  });
  it('ships the schema it names in SOURCE.json, and its additions are keys that schema lacks', () => {
    const source = JSON.parse(readFileSync(join(COMPOSE_SCHEMA_DIR, 'SOURCE.json'), 'utf8')) as { sha256: string; upstream: { commit: string } };
    expect(createHash('sha256').update(readFileSync(COMPOSE_SCHEMA)).digest('hex')).toBe(source.sha256);
    expect(source.upstream.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(readFileSync(join(COMPOSE_SCHEMA_DIR, 'LICENSE'), 'utf8')).toContain('Apache License');
    const schema = JSON.parse(readFileSync(COMPOSE_SCHEMA, 'utf8')) as unknown;
    for (const a of readAdditions()) expect([a.key, a.key in (pointer(schema, a.at) ?? { [a.key]: 'no such place' })]).toEqual([a.key, false]);
  });
  it('refresh-compose-schema takes a package, finds the upstream commit in a local checkout, and drops additions the new schema has', () => {
    const shipped = readFileSync(COMPOSE_SCHEMA, 'utf8');
    const newer = JSON.parse(shipped) as Record<string, unknown>;
    for (const a of readAdditions()) pointer(newer, a.at)![a.key] = a.schema;
    const newerText = JSON.stringify(newer, null, 4) + '\n';
    // A compose-spec checkout with two versions of the schema.
    const upstream = tempDir();
    const git = (...args: string[]) => execFileSync('git', ['-C', upstream, ...args], { encoding: 'utf8' });
    git('init', '-q');
    mkdirSync(join(upstream, 'schema'));
    for (const [text, msg] of [[shipped, 'old'], [newerText, 'new']] as const) {
      writeFileSync(join(upstream, 'schema', 'compose-spec.json'), text);
      git('add', '.');
      git('-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'commit', '-q', '-m', msg);
    }
    const [oldCommit, newCommit] = git('log', '--reverse', '--format=%H').trim().split('\n');
    const out = tempDir();
    cpSync(COMPOSE_SCHEMA_DIR, out, { recursive: true });
    const pkg = project({ 'package/package.json': '{"name":"p","license":"MIT"}', 'package/LICENSE': 'MIT License', 'package/schemas/compose.schema.json': shipped });
    const refresh = (from: string) => spawnSync(process.execPath, [join(import.meta.dirname, '..', 'scripts', 'refresh-compose-schema.mjs'), from, '--upstream', upstream, '--out', out], { encoding: 'utf8' });
    let r = refresh(join(pkg, 'package'));
    expect(r.status, r.stderr).toBe(0);
    let source = JSON.parse(readFileSync(join(out, 'SOURCE.json'), 'utf8')) as { upstream: { commit: string }; taken: { path: string } };
    expect(source.upstream.commit).toBe(oldCommit);
    expect(JSON.parse(readFileSync(join(out, 'additions.json'), 'utf8')).additions).toHaveLength(readAdditions().length);
    expect(readFileSync(join(out, 'LICENSE'), 'utf8')).toContain('Apache License'); // not the package's own MIT licence
    r = refresh(join(upstream, 'schema', 'compose-spec.json'));
    expect(r.status, r.stderr).toBe(0);
    source = JSON.parse(readFileSync(join(out, 'SOURCE.json'), 'utf8')) as typeof source;
    expect(source.upstream.commit).toBe(newCommit);
    expect(JSON.parse(readFileSync(join(out, 'additions.json'), 'utf8')).additions).toEqual([]);
    expect(readFileSync(join(out, 'compose-spec.json'), 'utf8')).toBe(newerText);
  });
  it('validates the configured files, and the CLI prints file:line:col', async () => {
    const dir = project({
      'gitops-guard.json': JSON.stringify({ composeFiles: ['server/docker-compose.yml'] }),
      'server/docker-compose.yml': 'services:\n  web:\n    image: nginx\n',
    });
    const result = await validateFiles(dir, ['server/docker-compose.yml']);
    expect(result.ok).toBe(false);
    const r = spawnSync(process.execPath, [BIN, 'validate'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(6);
    expect(r.stdout).toContain('server/docker-compose.yml:3:12 error: image "nginx" has no tag');
    expect(r.stderr).toBe('');
  });
});
