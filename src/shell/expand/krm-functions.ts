// KRM functions the Kubernetes tools run on this machine (grammars/kube.ts FunctionRun): with
// `--enable-alpha-plugins`, kustomize (and `kubectl kustomize`) runs each generator, transformer or
// validator annotated config.kubernetes.io/function, `container: {image}` by `docker run`, `exec:
// {path}` as a program; `kpt fn render` runs the Kptfile pipelines of a package and its
// subpackages the same way; `kpt fn eval --image|--exec` the one named. Each is judged as the
// command it is (a container run by hand, the program). What names a function that cannot be read
// here (a remote base, a legacy plugin from kustomize's plugin directory) asks.
import { join, resolve } from 'node:path';
import { optionIs, valuesOf, type Scan } from '../getopt.js';
import { FUNCTION_ANNOTATIONS, FUNCTION_CONTAINER, FUNCTION_FIELDS, KUSTOMIZATION_FIELDS, KUSTOMIZATION_FILES, type FunctionRun } from '../grammars/kube.js';
import type { Scope } from './driver.js';
import { documents, list, pathFrom, readText, record, runProgram } from './kube-files.js';

/** More directories than this are not read (and that is said). */
const MAX_DIRS = 32;
/** A kustomization's entry that is fetched (a git or HTTP URL), not read here. */
const REMOTE = /^(?:[a-z][a-z0-9+.-]*:\/\/|git@|github\.com\/|gitlab\.com\/|bitbucket\.org\/)|\?ref=|\/\/.*\?/i;

export function functionRuns(scope: Scope, runs: readonly FunctionRun[], scan: Scan, path: readonly (string | null)[]): void {
  for (const f of runs) {
    if (!f.path.every((w, i) => path[i] === w)) continue;
    if (f.when && !switchedOn(scan, f.when)) continue;
    for (const image of valuesOf(scan, ...(f.image ?? []))) container(scope, image, `${f.label} --image`);
    for (const exec of valuesOf(scan, ...(f.exec ?? []))) {
      const words = exec === null ? [null] : exec.split(/\s+/).filter(Boolean);
      runProgram(scope, words[0] ?? '', words.slice(1), `${f.label} --exec`);
    }
    if (!f.reads) continue;
    if (!scope.local) { scope.raise('unreadable-script', `${f.label}: the functions the server's files name are not read here`); continue; }
    const operand = path.length > f.path.length ? path[f.path.length] : '.';
    if (operand === null) { scope.raise('unreadable-script', `${f.label}: the directory is named at run time, and the functions it names cannot be read`); continue; }
    if (operand === '-') continue;
    if (REMOTE.test(operand!)) { scope.raise('unreadable-script', `${f.label}: ${operand} is fetched, and the functions it names cannot be read here`); continue; }
    const dir = pathFrom(scope, operand!);
    if (dir === null) continue;
    if (f.reads === 'kustomization') kustomization(scope, dir, f.label);
    else kptPackages(scope, dir, f.label);
  }
}

function container(scope: Scope, image: string | null, label: string): void {
  runProgram(scope, FUNCTION_CONTAINER[0]!, [...FUNCTION_CONTAINER.slice(1), image], `${label} (runs the function's container)`);
}

/** A pflag bool given and not turned off by its last spelling (`--enable-alpha-plugins=false`); a computed value counts as on. */
function switchedOn(scan: Scan, names: readonly string[]): boolean {
  const o = scan.options.filter((x) => optionIs(x, names)).pop();
  return o !== undefined && (o.value === undefined || o.value === null || /^(?:1|t|T|TRUE|true|True)$/.test(o.value));
}

const isDir = (scope: Scope, p: string): boolean => (scope.files.list?.(p) ?? null) !== null;

/** The kustomization in `start` and every local one it names: the functions its generators, transformers and validators name. */
function kustomization(scope: Scope, start: string, label: string): void {
  const queue = [start];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const dir = queue.shift()!;
    if (seen.has(dir)) continue;
    if (seen.size >= MAX_DIRS) { scope.raise('unreadable-script', `${label}: more than ${MAX_DIRS} kustomizations; the rest (${dir}, …) is not read`); return; }
    seen.add(dir);
    const file = KUSTOMIZATION_FILES.map((n) => join(dir, n)).find((p) => scope.files.read(p).kind !== 'missing');
    const text = file === undefined ? null : readText(scope, file);
    const doc = text === null ? null : record(documents(text)?.[0]);
    if (!doc) continue;
    for (const field of KUSTOMIZATION_FIELDS) {
      const fn = FUNCTION_FIELDS.includes(field);
      for (const entry of list(doc[field])) {
        if (typeof entry !== 'string') continue;
        // kustomize takes a function's configuration inline, as YAML text, too.
        if (fn && entry.includes('\n')) { functionConfigs(scope, entry, `${file} ${field}`, dir, label); continue; }
        if (REMOTE.test(entry)) { scope.raise('unreadable-script', `${label}: ${entry} (${field} of ${file}) is fetched, and the functions it names cannot be read here`); continue; }
        const p = resolve(dir, entry);
        if (isDir(scope, p)) { queue.push(p); continue; }
        if (!fn) continue;
        const config = readText(scope, p);
        if (config !== null) functionConfigs(scope, config, p, dir, label);
      }
    }
  }
}

/** A generator's, transformer's or validator's configuration: the function its annotation names, else a legacy plugin. */
function functionConfigs(scope: Scope, text: string, where: string, dir: string, label: string): void {
  for (const d of documents(text) ?? []) {
    const doc = record(d);
    if (!doc) continue;
    const annotations = record(record(doc.metadata)?.annotations);
    const spec = FUNCTION_ANNOTATIONS.map((a) => annotations?.[a]).find((v) => typeof v === 'string') as string | undefined;
    if (spec === undefined) {
      // kustomize's own generators and transformers (apiVersion builtin) run nothing; any other kind is a plugin it loads.
      if (doc.apiVersion !== 'builtin' && typeof doc.kind === 'string') {
        scope.raise('unreadable-script', `${label}: ${doc.kind} (${where}) is a plugin kustomize loads from its plugin directory, which is not read here`);
      }
      continue;
    }
    const fn = record(documents(spec)?.[0]);
    const image = record(fn?.container)?.image;
    const exec = record(fn?.exec)?.path;
    if (typeof image === 'string') container(scope, image, `${label}: ${where}`);
    else if (typeof exec === 'string') runProgram(scope, resolve(dir, exec), [], `${label}: ${where} (exec function)`);
    else scope.raise('unreadable-script', `${label}: the function of ${where} is not a container or a program read here`);
  }
}

/** kpt fn render: the Kptfile's pipeline of the package, then of each subpackage (a directory below with a Kptfile). */
function kptPackages(scope: Scope, start: string, label: string): void {
  const queue: [string, number][] = [[start, 0]];
  let seen = 0;
  while (queue.length > 0) {
    const [dir, depth] = queue.shift()!;
    if (++seen > MAX_DIRS) { scope.raise('unreadable-script', `${label}: more than ${MAX_DIRS} directories; the rest (${dir}, …) is not read`); return; }
    const text = scope.files.read(join(dir, 'Kptfile')).kind === 'missing' ? null : readText(scope, join(dir, 'Kptfile'));
    const pipeline = text === null ? null : record(record(documents(text)?.[0])?.pipeline);
    for (const step of [...list(pipeline?.mutators), ...list(pipeline?.validators)].map(record)) {
      if (typeof step?.image === 'string') container(scope, step.image, `${label}: ${join(dir, 'Kptfile')}`);
      else if (typeof step?.exec === 'string') runProgram(scope, resolve(dir, step.exec), [], `${label}: ${join(dir, 'Kptfile')} (exec function)`);
    }
    if (depth >= 4) continue;
    for (const e of scope.files.entries?.(dir) ?? []) if (e.dir && !e.name.startsWith('.')) queue.push([join(dir, e.name), depth + 1]);
  }
}
