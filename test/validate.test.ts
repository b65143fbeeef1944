// Compose validation: YAML syntax with positions, the Compose schema, and the checks a schema
// cannot make; through the library and the CLI.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { validateFiles, validateText } from '../src/compose/validate.js';
import { BIN, project } from './helpers.js';

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
  it('warns (not errors) about keys newer than the shipped schema', () => {
    expect(at('include: [a.yml]\nservices:\n  web:\n    image: nginx:1.27\n')).toEqual([
      '1:1 warning "include" is not in the shipped Compose schema (2021-10); newer Compose keys are only warned about',
    ]);
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
