// Validating compose files before a deploy: YAML syntax (with line and column), the Compose
// Specification's JSON Schema, and checks a schema cannot make: depends_on targets exist, no two
// services publish the same host port, images carry an explicit tag, ${VAR} without a default.
// Where a local `docker compose` exists, `docker compose config -q` gives a second opinion.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { ErrorObject } from 'ajv';
import { composeValidator, schemaSource } from './schema.js';

/** Which kind of check found a problem: the YAML, the Compose schema, Compose's own rules, or the guard's policy. */
export type Check = 'yaml' | 'schema' | 'compose' | 'policy';

export interface Problem {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly check: Check;
}

export interface ValidationResult {
  readonly files: string[];
  readonly problems: Problem[];
  readonly ok: boolean;
  /** What `docker compose config -q` said, when it could run. */
  readonly secondOpinion: 'passed' | 'failed' | 'unavailable';
}

/** What a compose file may cost to read: larger, deeper or more aliased input is refused with a message. */
export const LIMITS = {
  /** Bytes of YAML text. */
  bytes: 4 * 1024 * 1024,
  /** Alias expansions, as the yaml package counts them (maxAliasCount). */
  aliases: 1000,
  /** Levels of nested mappings and sequences. */
  depth: 64,
} as const;

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

/** The deepest nesting of mappings and sequences in the syntax tree (aliases not followed), stopping past `limit`. */
function depthOf(root: unknown, limit: number): { depth: number; node: unknown } {
  const stack: [unknown, number][] = [[root, 1]];
  let deepest = { depth: 0, node: root as unknown };
  while (stack.length > 0) {
    const [node, d] = stack.pop()!;
    if (!isMap(node) && !isSeq(node)) continue;
    if (d > deepest.depth) deepest = { depth: d, node };
    if (d > limit) return deepest;
    if (isMap(node)) for (const pair of node.items) { stack.push([pair.key, d + 1], [pair.value, d + 1]); }
    else for (const item of node.items) stack.push([item, d + 1]);
  }
  return deepest;
}

/** ajv's "/a/b~1c" instance path as keys. */
const pathOf = (instancePath: string): string[] => instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));

/**
 * ajv's errors as problems. With allErrors, a failed oneOf/anyOf reports every branch; a branch that
 * failed only on the value's type says nothing useful when another branch took the value's type
 * (`build: {…}` is not "must be string"), so those are dropped, and when every branch failed on type
 * they become one "must be A or B".
 */
function schemaProblems(errors: readonly ErrorObject[]): { path: string[]; keyword: string; message: string; key?: string }[] {
  const unions = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
  const unionOf = (e: ErrorObject): ErrorObject | undefined =>
    unions.find((u) => u !== e && u.instancePath === e.instancePath && e.schemaPath.startsWith(`${u.schemaPath}/`)
      && /^\/\d+\/type$/.test(e.schemaPath.slice(u.schemaPath.length)));
  const out: { path: string[]; keyword: string; message: string; key?: string }[] = [];
  for (const u of unions) {
    const inside = errors.filter((e) => e !== u && e.schemaPath.startsWith(`${u.schemaPath}/`));
    const typeOnly = inside.filter((e) => unionOf(e) === u);
    if (inside.length > 0 && typeOnly.length === inside.length) {
      const types = typeOnly.map((e) => String((e.params as { type?: unknown }).type)).join(' or ');
      out.push({ path: pathOf(u.instancePath), keyword: 'type', message: `must be ${types}` });
    }
  }
  for (const e of errors) {
    if (e.keyword === 'oneOf' || e.keyword === 'anyOf') continue;
    if (unionOf(e)) continue;
    const key = e.keyword === 'additionalProperties' ? String((e.params as { additionalProperty?: string }).additionalProperty) : undefined;
    out.push({ path: pathOf(e.instancePath), keyword: e.keyword, message: e.message ?? 'is not valid', ...(key !== undefined ? { key } : {}) });
  }
  return out;
}

export function validateText(text: string, file: string): Problem[] {
  const problems: Problem[] = [];
  const lines = new LineCounter();
  const add = (severity: Problem['severity'], check: Check, pos: { line: number; col: number }, message: string): void => {
    problems.push({ file, line: pos.line, col: pos.col, severity, message, check });
  };
  if (Buffer.byteLength(text, 'utf8') > LIMITS.bytes) {
    add('error', 'yaml', { line: 1, col: 1 }, `the file is larger than ${LIMITS.bytes / 1024 / 1024} MiB, more than a compose file needs; it was not read`);
    return problems;
  }
  // merge: true applies YAML merge keys (`<<: *base`), as Compose does.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, merge: true });
  const tooDeep = doc.errors.find((e) => /call stack/i.test(e.message));
  if (tooDeep) {
    add('error', 'yaml', lines.linePos(tooDeep.pos[0]), `the YAML is nested too deeply to read (more than ${LIMITS.depth} levels is not a compose file)`);
    return problems;
  }
  for (const e of doc.errors) add('error', 'yaml', lines.linePos(e.pos[0]), e.message.split('\n')[0]!);
  if (doc.errors.length > 0) return problems;
  const deepest = depthOf(doc.contents, LIMITS.depth);
  if (deepest.depth > LIMITS.depth) {
    const range = isNode(deepest.node) ? deepest.node.range : undefined;
    add('error', 'yaml', range ? lines.linePos(range[0]) : { line: 1, col: 1 },
      `the YAML nests mappings and lists more than ${LIMITS.depth} levels deep, more than a compose file needs; it was not validated`);
    return problems;
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: LIMITS.aliases }) as unknown;
  } catch (e) {
    if (e instanceof ReferenceError || e instanceof RangeError) {
      add('error', 'yaml', { line: 1, col: 1 }, e instanceof ReferenceError && /alias/i.test(e.message)
        ? `the YAML's aliases (*name) expand to more than ${LIMITS.aliases} copies (an "alias bomb"); a compose file does not need that many: write the values out or use fewer nested aliases`
        : `the YAML cannot be read: ${e.message}`);
      return problems;
    }
    throw e;
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    add('error', 'schema', { line: 1, col: 1 }, 'a compose file is a mapping with a "services" key');
    return problems;
  }

  const validate = composeValidator();
  if (!validate(data)) {
    for (const p of schemaProblems(validate.errors ?? [])) {
      if (p.key !== undefined) {
        const where = p.path.length > 0 ? ` in ${p.path.join('.')}` : ' at the top level';
        add('warning', 'schema', keyPosition(doc, lines, p.path, p.key),
          `"${p.key}" is not a Compose key${where} (Compose Specification of ${schemaSource().upstream.date}); check its spelling, or name it x-${p.key} for an extension`);
      } else {
        add('error', 'schema', position(doc, lines, p.path), `${p.path.join('.') || '(top level)'} ${p.message}`);
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
          add('error', 'compose', position(doc, lines, ['services', name, 'depends_on', key]), `service "${name}" depends on "${dep}", which is not defined`);
        }
      }
      if (Array.isArray(svc.ports)) {
        svc.ports.forEach((p, i) => {
          const published = publishedPort(p);
          if (!published) return;
          const other = ports.get(published);
          if (other && other !== name) {
            add('error', 'compose', position(doc, lines, ['services', name, 'ports', i]), `host port ${published} is published by both "${other}" and "${name}"`);
          } else {
            ports.set(published, name);
          }
        });
      }
      // With `build`, `image` names the image built here: nothing is pulled, so no tag is needed.
      if (typeof svc.image === 'string' && !svc.image.includes('${') && svc.build === undefined) {
        const image = svc.image;
        const lastPart = image.split('/').pop()!;
        if (!image.includes('@') && !lastPart.includes(':')) {
          add('error', 'policy', position(doc, lines, ['services', name, 'image']), `image "${image}" has no tag: pin a version (e.g. ${image}:1.2.3) so a deploy is reproducible`);
        } else if (lastPart.endsWith(':latest')) {
          add('warning', 'policy', position(doc, lines, ['services', name, 'image']), `image "${image}" uses the latest tag: pin a version so a deploy is reproducible`);
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
        add('warning', 'compose', lines.linePos(node.range[0]), `\${${name}} has no default: the deploy fails or uses an empty value if it is not set on the server (write \${${name}:-default} or \${${name}:?message})`);
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
      problems.push({ file: f, line: 1, col: 1, severity: 'error', check: 'yaml', message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? e}` });
      continue;
    }
    problems.push(...validateText(text, relative(root, path)));
  }
  let secondOpinion: ValidationResult['secondOpinion'] = 'unavailable';
  if (options.secondOpinion !== false && files.length > 0 && problems.every((p) => p.severity !== 'error')) {
    if (await composeAvailable()) {
      const r = await run('docker', ['compose', ...files.flatMap((f) => ['-f', join(root, f)]), 'config', '-q'], 30_000);
      secondOpinion = r.status === 0 ? 'passed' : 'failed';
      if (r.status !== 0) problems.push({ file: files[0]!, line: 1, col: 1, severity: 'error', check: 'compose', message: `docker compose config: ${r.out}` });
    }
  }
  return { files: [...files], problems, ok: problems.every((p) => p.severity !== 'error'), secondOpinion };
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.col} ${p.severity}: ${p.message}`;
}
