// Installs that take gitops-guard out of node_modules without naming it: `npm ci --omit=dev`,
// `npm prune --production`, `NODE_ENV=production npm install`, `pnpm install --prod` and their kin
// (grammars/writes.ts OMITS) in a project that has gitops-guard as a devDependency (or an optional or
// peer one). The hooks then run whatever `gitops-guard` PATH has: a person decides (guard-package).
import { basename, dirname, join, resolve } from 'node:path';
import { getopt, optionIs, valueOf, type Scan } from '../getopt.js';
import { npmCommand } from '../grammars/npm.js';
import { OMITS, type DependencyKind, type OmitRule, type OmitSpec } from '../grammars/writes.js';
import { argOf, type Word } from '../words.js';
import type { Scope } from './driver.js';

const KINDS: readonly DependencyKind[] = ['dev', 'optional', 'peer'];

/** The kinds one rule leaves out for a value (`undefined`: the option without one); null: cannot be told. */
function kindsOf(rule: OmitRule, value: string | null | undefined): readonly (DependencyKind | null)[] {
  if (value === null) return [null];
  if (value === 'false' || value === '0') return [];
  if (rule === 'value') return value === undefined ? [] : KINDS.filter((k) => k === value);
  if (typeof rule === 'string') return [rule];
  const kind = value === undefined ? undefined : rule[value];
  return kind === undefined ? [] : [kind];
}

/** The kinds the options of `rules` give (each occurrence), or undefined when none is given. */
function fromOptions(scan: Scan, rules: Readonly<Record<string, OmitRule>>): (DependencyKind | null)[] | undefined {
  const out: (DependencyKind | null)[] = [];
  let seen = false;
  for (const o of scan.options) {
    for (const [name, rule] of Object.entries(rules)) {
      if (!optionIs(o, [name])) continue;
      seen = true;
      out.push(...kindsOf(rule, o.value));
    }
  }
  return seen ? out : undefined;
}

/** The kinds the environment's settings leave out (npm_config_* in any case, as npm reads them). */
function fromEnv(scope: Scope, spec: OmitSpec): (DependencyKind | null)[] {
  const out: (DependencyKind | null)[] = [];
  for (const [key, value] of scope.env) {
    const rule = spec.env[key] ?? Object.entries(spec.env).find(([k]) => k.startsWith('npm_config_') && k === key.toLowerCase())?.[1];
    if (rule !== undefined) out.push(...kindsOf(rule, value));
  }
  return out;
}

/** Raise guard-package when this install leaves out the kind of dependency gitops-guard is in the project's package.json. */
export function omitsGuard(scope: Scope, name: string, args: readonly Word[]): void {
  const spec = OMITS[name];
  if (!spec || scope.cwd === null) return;
  const scan = getopt(args.map(argOf), spec.options);
  const first = scan.operands[0]?.value;
  const sub = first === undefined ? '' : first === null ? null : name === 'npm' ? npmCommand(first) ?? first : first;
  if (sub !== null && !spec.subcommands.includes(sub)) return;
  const what = sub === null || sub === '' ? name : `${name} ${sub}`;
  const dir = valueOf(scan, '--prefix', '--dir', '--cwd');
  if (typeof dir !== 'object') rewrittenWithout(scope, what, dir === undefined ? scope.cwd : resolve(scope.cwd, dir));
  const given = fromOptions(scan, spec.omit) ?? fromEnv(scope, spec);
  const back = new Set(fromOptions(scan, spec.include ?? {}) ?? []);
  const omitted = given.filter((k) => k === null || !back.has(k));
  if (omitted.length === 0) return;
  const prefix = valueOf(scan, '--prefix', '--dir', '--cwd');
  if (prefix === null) return void scope.raise('guard-package', `\`${name}\` leaves dependencies out in a directory named at run time: gitops-guard may be one of them`);
  const found = scope.files.findUp(prefix === undefined ? scope.cwd : resolve(scope.cwd, prefix), 'package.json');
  if (!found || found.kind !== 'text') return;
  let pkg: Record<string, unknown>;
  try { pkg = JSON.parse(found.text) as Record<string, unknown>; } catch { return; }
  const has = listsGuard(pkg);
  if (has('dependencies')) return;
  const kinds = omitted.includes(null) ? KINDS : omitted as DependencyKind[];
  const kind = kinds.find((k) => has(`${k}Dependencies`));
  if (kind === undefined) return;
  scope.raise('guard-package', `\`${what}\` leaves the ${kind}Dependencies of ${found.path} out of node_modules, gitops-guard among them; the hooks would then run whatever gitops-guard PATH has`);
}

/**
 * package.json lists gitops-guard on disk, and a write earlier in the text leaves a package.json
 * without it (its text shown: `printf '{…}' > package.json`), or a write whose path is not known
 * may be that file: the install lays node_modules out from what it then holds, taking the guard out.
 */
function rewrittenWithout(scope: Scope, what: string, start: string): void {
  const disk = scope.run0.options.files.findUp(start, 'package.json');
  if (disk?.kind !== 'text' || !listsAnywhere(disk.text)) return;
  const now = scope.files.read(disk.path);
  const unplaced = scope.run0.unplacedWrites[0];
  if (now.kind === 'text' && now.text !== disk.text && !listsAnywhere(now.text)) {
    scope.raise('guard-package', `\`${what}\` lays node_modules out from ${disk.path} as written earlier in this command, which no longer lists gitops-guard: the hooks would then run whatever gitops-guard PATH has`);
  } else if (now.kind === 'text' && now.text === disk.text && unplaced !== undefined) {
    scope.raise('guard-package', `\`${unplaced.target}\` earlier in this command writes a file whose path is known only at run time, which may be ${disk.path}; \`${what}\` would then take gitops-guard out of node_modules`);
  }
}

/** Does this package.json text list gitops-guard among any of its dependencies? */
function listsAnywhere(text: string): boolean {
  let pkg: Record<string, unknown>;
  try { pkg = JSON.parse(text) as Record<string, unknown>; } catch { return false; }
  const has = listsGuard(pkg);
  return ['dependencies', ...KINDS.map((k) => `${k}Dependencies`)].some(has);
}

/** Does this package.json field (`dependencies`, `devDependencies`, …) list gitops-guard? */
function listsGuard(pkg: Record<string, unknown>): (key: string) => boolean {
  return (key) => typeof pkg[key] === 'object' && pkg[key] !== null && Object.hasOwn(pkg[key] as object, 'gitops-guard');
}

/**
 * `mv node_modules /tmp/x` (or its .bin) in a project whose package.json has gitops-guard: the
 * installed guard is moved away, as an install that leaves it out takes it away, and the hooks then
 * run whatever gitops-guard PATH has (guard-package). `rm -rf node_modules` stays allowed (the
 * clean-reinstall idiom; docs/adversarial-cases.md).
 */
export function movesGuardPackage(scope: Scope, moved: readonly string[]): void {
  for (const dir of moved) {
    const modules = basename(dir) === 'node_modules' ? dir : basename(dir) === '.bin' && basename(dirname(dir)) === 'node_modules' ? dirname(dir) : null;
    if (modules === null) continue;
    const read = scope.files.read(join(dirname(modules), 'package.json'));
    if (read.kind !== 'text') continue;
    let pkg: Record<string, unknown>;
    try { pkg = JSON.parse(read.text) as Record<string, unknown>; } catch { continue; }
    const has = listsGuard(pkg);
    if (!['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'].some(has)) continue;
    scope.raise('guard-package', `moving ${dir} away takes the gitops-guard package ${join(dirname(modules), 'package.json')} installs out of node_modules; the hooks would then run whatever gitops-guard PATH has`);
  }
}
