// Validating compose files before a deploy: YAML syntax (with line and column), the Compose
// Specification's JSON Schema, and checks a schema cannot make: depends_on targets exist, no two
// services publish the same host port, images carry an explicit tag, ${VAR} without a default.
// Where a local `docker compose` exists, `docker compose config -q` gives a second opinion.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { composeValidator } from './schema.js';

export interface Problem {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

export interface ValidationResult {
  readonly files: string[];
  readonly problems: Problem[];
  readonly ok: boolean;
  /** What `docker compose config -q` said, when it could run. */
  readonly secondOpinion: 'passed' | 'failed' | 'unavailable';
}

function position(doc: Document, lines: LineCounter, path: readonly (string | number)[]): { line: number; col: number } {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return lines.linePos(node.range[0]);
  }
  return { line: 1, col: 1 };
}

/** Where a key is written in the mapping at `path`. */
function keyPosition(doc: Document, lines: LineCounter, path: readonly (string | number)[], key: string): { line: number; col: number } {
  const parent = path.length === 0 ? doc.contents : doc.getIn(path, true);
  if (isMap(parent)) {
    const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
    if (pair && isNode(pair.key) && pair.key.range) return lines.linePos(pair.key.range[0]);
  }
  return position(doc, lines, [...path, key]);
}

/** `${VAR}` / `$VAR` with no default (`${VAR:-x}`, `${VAR-x}`) and no required-message (`${VAR:?m}`). */
const INTERPOLATION = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)((?::?[-?+])[^}]*)?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/** The host port a `ports` entry publishes, when it names one. */
function publishedPort(entry: unknown): string | null {
  if (typeof entry === 'number') return null;
  if (typeof entry === 'string') {
    const withoutProto = entry.split('/')[0]!;
    const parts = withoutProto.split(':');
    if (parts.length < 2) return null;
    const host = parts.length === 3 ? `${parts[0]}:${parts[1]}` : parts[0]!;
    const proto = entry.includes('/') ? entry.split('/')[1] : 'tcp';
    return `${host}/${proto}`;
  }
  if (entry && typeof entry === 'object') {
    const e = entry as { published?: unknown; host_ip?: unknown; protocol?: unknown };
    if (e.published === undefined) return null;
    return `${e.host_ip ? `${String(e.host_ip)}:` : ''}${String(e.published)}/${String(e.protocol ?? 'tcp')}`;
  }
  return null;
}

export function validateText(text: string, file: string): Problem[] {
  const problems: Problem[] = [];
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const add = (severity: Problem['severity'], pos: { line: number; col: number }, message: string): void => {
    problems.push({ file, line: pos.line, col: pos.col, severity, message });
  };
  for (const e of doc.errors) add('error', lines.linePos(e.pos[0]), e.message.split('\n')[0]!);
  if (doc.errors.length > 0) return problems;
  const data = doc.toJS({ maxAliasCount: 1000 }) as unknown;
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    add('error', { line: 1, col: 1 }, 'a compose file is a mapping with a "services" key');
    return problems;
  }

  const validate = composeValidator();
  if (!validate(data)) {
    for (const err of validate.errors ?? []) {
      const path = err.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
      if (err.keyword === 'additionalProperties') {
        const key = String((err.params as { additionalProperty?: string }).additionalProperty);
        add('warning', keyPosition(doc, lines, path, key),
          `"${key}" is not in the shipped Compose schema (2021-10); newer Compose keys are only warned about`);
      } else if (err.keyword !== 'oneOf' && err.keyword !== 'anyOf') {
        add('error', position(doc, lines, path), `${path.join('.') || '(top level)'} ${err.message ?? 'is not valid'}`);
      }
    }
  }

  const services = (data as { services?: unknown }).services;
  if (services && typeof services === 'object') {
    const names = new Set(Object.keys(services));
    const ports = new Map<string, string>();
    for (const [name, svc] of Object.entries(services as Record<string, Record<string, unknown>>)) {
      if (!svc || typeof svc !== 'object') continue;
      const deps = svc.depends_on;
      const depNames = Array.isArray(deps) ? deps : deps && typeof deps === 'object' ? Object.keys(deps) : [];
      for (const dep of depNames) {
        if (typeof dep === 'string' && !names.has(dep)) {
          const key = Array.isArray(deps) ? deps.indexOf(dep) : dep;
          add('error', position(doc, lines, ['services', name, 'depends_on', key]), `service "${name}" depends on "${dep}", which is not defined`);
        }
      }
      if (Array.isArray(svc.ports)) {
        svc.ports.forEach((p, i) => {
          const published = publishedPort(p);
          if (!published) return;
          const other = ports.get(published);
          if (other && other !== name) {
            add('error', position(doc, lines, ['services', name, 'ports', i]), `host port ${published} is published by both "${other}" and "${name}"`);
          } else {
            ports.set(published, name);
          }
        });
      }
      if (typeof svc.image === 'string' && !svc.image.includes('${')) {
        const image = svc.image;
        const lastPart = image.split('/').pop()!;
        if (!image.includes('@') && !lastPart.includes(':')) {
          add('error', position(doc, lines, ['services', name, 'image']), `image "${image}" has no tag: pin a version (e.g. ${image}:1.2.3) so a deploy is reproducible`);
        } else if (lastPart.endsWith(':latest')) {
          add('warning', position(doc, lines, ['services', name, 'image']), `image "${image}" uses the latest tag: pin a version so a deploy is reproducible`);
        }
      }
    }
  }

  // ${VAR} without a default, wherever it is in a scalar.
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) for (const pair of node.items) { stack.push(pair.key, pair.value); }
    else if (isSeq(node)) stack.push(...node.items);
    else if (isScalar(node) && typeof node.value === 'string' && node.range) {
      for (const m of node.value.matchAll(INTERPOLATION)) {
        if (m[0] === '$$') continue;
        const name = m[1] ?? m[3];
        if (m[2]) continue; // has a default or a required message
        add('warning', lines.linePos(node.range[0]), `\${${name}} has no default: the deploy fails or uses an empty value if it is not set on the server (write \${${name}:-default} or \${${name}:?message})`);
      }
    }
  }
  return problems.sort((a, b) => a.line - b.line || a.col - b.col);
}

/** Run a program; resolves with its exit status (null when it could not run) and output. */
function run(cmd: string, args: string[], timeoutMs: number): Promise<{ status: number | null; out: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: timeoutMs, encoding: 'utf8' }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : null) : 0;
      resolve({ status: code, out: `${stderr}${stdout}`.trim() });
    });
  });
}

/** Whether `docker compose` runs here: asked once a process (a long-lived MCP server asks once). */
let composeProbe: Promise<boolean> | undefined;
function composeAvailable(): Promise<boolean> {
  composeProbe ??= run('docker', ['compose', 'version'], 5000).then((r) => r.status === 0);
  return composeProbe;
}

/** Validate the configured compose files (paths relative to `root`). */
export async function validateFiles(root: string, files: readonly string[], options: { secondOpinion?: boolean } = {}):
  Promise<ValidationResult> {
  const problems: Problem[] = [];
  for (const f of files) {
    const path = join(root, f);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      problems.push({ file: f, line: 1, col: 1, severity: 'error', message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? e}` });
      continue;
    }
    problems.push(...validateText(text, relative(root, path)));
  }
  let secondOpinion: ValidationResult['secondOpinion'] = 'unavailable';
  if (options.secondOpinion !== false && files.length > 0 && problems.every((p) => p.severity !== 'error')) {
    if (await composeAvailable()) {
      const r = await run('docker', ['compose', ...files.flatMap((f) => ['-f', join(root, f)]), 'config', '-q'], 30_000);
      secondOpinion = r.status === 0 ? 'passed' : 'failed';
      if (r.status !== 0) problems.push({ file: files[0]!, line: 1, col: 1, severity: 'error', message: `docker compose config: ${r.out}` });
    }
  }
  return { files: [...files], problems, ok: problems.every((p) => p.severity !== 'error'), secondOpinion };
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.col} ${p.severity}: ${p.message}`;
}
