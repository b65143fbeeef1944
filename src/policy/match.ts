// Structural matching: a rule names programs, subcommand paths, flags, a target and facts; an
// invocation carries what its program's grammar said (parsed once, in the shell layer), and rules
// are tried in order.
import { getopt, optionIs, type Arg, type Scan } from '../shell/getopt.js';
import { GIT_SUB_OPTIONS } from '../shell/grammars/git.js';
import type { Invocation } from '../shell/invocation.js';
import type { ContainerCommand } from '../shell/programs/container.js';
import { interactiveSession } from '../shell/programs/ssh.js';
import type { Transfer } from '../shell/programs/transfer.js';
import { archiveOrUploadToServer, curlWrites, urls } from './remote-writes.js';
import { pushesToCheckout, pushesToRunTimeRemote } from './push-remote.js';
import { changesGuardPackage } from './guard-package.js';
import { ARGOCD_API, KUBE_API } from '../shell/grammars/managed.js';
import { engineApi, httpMutation, plainSync, printsManifests } from './requests.js';
import { SERVER_ENV_RUNS, SERVER_ENV_WRITES } from '../shell/grammars/readers.js';
import { kubeConfigRetarget, kubeLocal, reconcileNudge } from './kube-target.js';
import { kubeHelp, readOnlySession } from './kube-cli.js';
import { swarmCredentialsRequest } from './engine-secrets.js';
import { trapsDebug } from './shell-traps.js';
import { runsUnnamed, type ManagedNames } from '../shell/fastpath.js';
import { computesPart } from '../shell/computed-text.js';
import type { Fact, Match, Rule } from './rules.js';
import { promotedUpdates, pushedBranches } from './branch-updates.js';
import { forgeRefUpdate, forgeRepoDelete } from './forge.js';

/** gitops-guard's project config, at any depth (a nearer one replaces the project's for what runs there). */
const GUARD_CONFIG = /(?:^|\/)gitops-guard\.(?:json|ya?ml)$/i;

const HARMLESS_TARGETS = new Set(['/dev/null', '/dev/stdout', '/dev/stderr', '/dev/tty']);

export interface MatchContext {
  readonly protectedBranches: readonly string[];
  /** Is this absolute path one of the guard's own files? (Its reason, else null.) */
  readonly guarded?: (absPath: string, whole?: 'remove' | 'replace') => string | null;
  /** Is this path a glob the shell may expand to one of the guard's own files? (Its reason, else null.) */
  readonly guardedGlob?: (absPath: string) => string | null;
  /** Is there something at this absolute path now? (`git checkout NAME` restores a file NAME rather than switch.) */
  readonly exists?: (absPath: string) => boolean;
  /** Could this text name a program the rules are about? (For events: is there something to hide?) */
  readonly mentions: (text: string) => boolean;
  /** The reconciler of the environment whose server is `host` (null: a local command, the default environment). */
  readonly engineFor?: (host: string | null) => string;
  /** kubeconfig contexts that environments deploy through (Argo CD, Flux): never a local cluster. */
  readonly kubeContexts?: readonly string[];
  /** Branches environments take by promotion (`promoteFrom`): a direct push there asks. */
  readonly promotedBranches?: readonly string[];
  /** Each server's checkout of the repository (its host without a user, and remotePath). */
  readonly checkouts?: readonly { readonly host: string; readonly path: string }[];
}

/** What rules see of an invocation; each part is computed on first use. */
export class View {
  private pathCache?: string[];
  private factCache?: Map<Fact, boolean>;
  private gitScanCache?: Scan;

  /** `earlier`: the invocations before this one in the same text (what it checked out, which pull request it opened); `input`: that text. */
  constructor(readonly inv: Invocation, readonly ctx: MatchContext, private readonly earlier: () => readonly Invocation[] = () => [], private readonly input?: string) {}

  /** The promoted branches (`promoteFrom`) this command moves on a remote. */
  promotedUpdates(): string[] {
    const promoted = this.ctx.promotedBranches ?? [];
    return promoted.length === 0 ? [] : promotedUpdates(this.inv, this.earlier(), promoted);
  }

  get program(): string | null {
    return this.inv.program;
  }


  get container(): ContainerCommand | null {
    return this.inv.facts?.kind === 'container' ? this.inv.facts.container : null;
  }

  /** A git subcommand's words read by its own grammar, where one is kept (grammars/git.ts GIT_SUB_OPTIONS). */
  private get gitScan(): Scan | undefined {
    const f = this.inv.facts;
    const grammar = f?.kind === 'git' && f.git.sub !== null ? GIT_SUB_OPTIONS[f.git.sub] : undefined;
    if (f?.kind !== 'git' || grammar === undefined) return undefined;
    this.gitScanCache ??= getopt(f.git.args, grammar);
    return this.gitScanCache;
  }

  private get transfer(): Transfer | null {
    return this.inv.facts?.kind === 'transfer' ? this.inv.facts.transfer : null;
  }

  /** Subcommand path: the container CLI's own, git's subcommand and operands, else leading operands. */
  get path(): string[] {
    if (this.pathCache) return this.pathCache;
    const f = this.inv.facts;
    if (f?.kind === 'container') this.pathCache = [...f.container.path];
    else if (f?.kind === 'git') this.pathCache = f.git.sub === null ? [] : [f.git.sub, ...(this.gitScan ? leading(this.gitScan.operands.map((o) => o.value)) : operands(f.git.args))];
    else if (this.inv.scan) this.pathCache = leading(this.inv.scan.operands.map((o) => o.value));
    else this.pathCache = operands(this.inv.argv.slice(1).map((w) => w.value));
    return this.pathCache;
  }

  /** Is this flag given? By the program's grammar where it has one (clusters, abbreviations, aliases). */
  hasFlag(flag: string): boolean {
    const f = this.inv.facts;
    const options = f?.kind === 'container' ? f.container.options
      : f?.kind === 'transfer' ? f.transfer.scan.options
        : f?.kind === 'git' && f.push ? f.push.scan.options
          : f?.kind === 'git' && this.gitScan ? this.gitScan.options
          : f?.kind === 'ssh' ? f.ssh.options : this.inv.scan?.options;
    if (options) return options.some((o) => optionIs(o, [flag]));
    const args = f?.kind === 'git' ? f.git.args : this.inv.argv.slice(1).map((w) => w.value);
    return flagPresent(flag, flagWords(args));
  }

  fact(f: Fact): boolean {
    this.factCache ??= new Map();
    let v = this.factCache.get(f);
    if (v === undefined) {
      v = this.computeFact(f);
      this.factCache.set(f, v);
    }
    return v;
  }

  /** Services or containers named by a container command. */
  operands(): string[] {
    const c = this.container;
    if (!c) return [];
    return c.operands.filter((o): o is string => o !== null && !o.startsWith('-'));
  }

  private computeFact(f: Fact): boolean {
    switch (f) {
      case 'writes-remote': return (this.transfer?.writes.length ?? 0) > 0 || archiveOrUploadToServer(this.inv);
      case 'removes-remote-source': return this.transfer?.mutatesSource ?? false;
      case 'transfer-dynamic': return this.transfer?.dynamic ?? false;
      case 'interactive': {
        if (this.inv.program === 'sftp') return this.transfer?.interactive ?? false;
        return this.inv.facts?.kind === 'ssh' && interactiveSession(this.inv.facts.ssh, this.inv.stdin);
      }
      case 'force-push-protected': {
        const push = this.inv.facts?.kind === 'git' ? this.inv.facts.push : undefined;
        if (!push) return false;
        if (push.forceFlags.length === 0 && push.forcedRefs.length === 0) return false;
        if (push.forceFlags.includes('--mirror') || push.forceFlags.includes('remote.mirror')) return true;
        const destinations = pushedBranches(this.inv, this.earlier(), this.input, this.ctx.exists ?? (() => true));
        return destinations === null || destinations.some((d) => this.ctx.protectedBranches.includes(d));
      }
      // Where git picks the destination and the text does not show the current branch, it is unknown here: not asked.
      case 'push-promoted': return this.promotedUpdates().length > 0;
      case 'writes-file':
        return this.inv.redirects.some((r) => {
          if (!r.op.includes('>')) return false;
          if (r.op === '>&' || r.op === '<&' || r.op === '>&-') {
            return r.target !== null && r.target.value !== null && !/^\d+$|^-$/.test(r.target.value);
          }
          return r.target === null || r.target.value === null || !HARMLESS_TARGETS.has(r.target.value);
        });
      case 'help-or-version': return this.container?.helpOrVersion ?? false;
      case 'kube-help': return kubeHelp(this.inv);
      case 'read-only-session': return readOnlySession(this.inv);
      case 'stdout-to-readers': return this.inv.stdout === 'terminal' || this.inv.stdout === 'readers';
      // A script run by path may run anything; past a limit, a part the shell computes could be anything too.
      case 'mentions-managed': return this.inv.text !== undefined
        && (this.ctx.mentions(this.inv.text) || runsUnnamed(this.inv.text)
          || (this.inv.event === 'limit' && computesPart(this.inv.text)));
      case 'engine-api': return engineApi(this.inv);
      case 'traps-debug': return trapsDebug(this.inv);
      case 'kube-api': return this.inv.program === 'curl' && urls(this.inv).some((u) => KUBE_API.test(u));
      case 'prints-manifests': return printsManifests(this.inv);
      // Argo CD's API changing an Application (a sync to git's revision, as `argocd app sync` is, aside).
      case 'argocd-api-change': return this.inv.program === 'curl' && urls(this.inv).some((u) => ARGOCD_API.test(u)) && httpMutation(this.inv) && !plainSync(this.inv);
      case 'http-mutation': return httpMutation(this.inv);
      case 'dry-run': {
        const d = this.inv.scan?.options.filter((o) => o.name === '--dry-run').pop();
        return d !== undefined && (d.value === undefined || d.value === 'client' || d.value === 'server' || d.value === 'true');
      }
      // A context an environment deploys through is managed, whatever it is called.
      case 'kube-local': return kubeLocal(this.inv, this.ctx.kubeContexts, this.earlier(), this.input);
      case 'reconcile-nudge': return reconcileNudge(this.inv);
      case 'kube-config-retarget': return kubeConfigRetarget(this.inv, this.ctx.kubeContexts);
      case 'engine-swarm-credentials': return swarmCredentialsRequest(this.inv);
      case 'export-only': return this.inv.scan?.options.some((o) => o.name === '--export') ?? false;
      case 'sets-system': {
        const scan = this.inv.scan;
        if (!scan) return true;
        if (scan.options.some((o) => optionIs(o, ['-s', '--set', '-F', '--file', '-b', '--boot']))) return true;
        return scan.operands.some((o) => o.value === null || !(this.inv.program === 'date' && o.value.startsWith('+')));
      }
      case 'writes-output': return curlWrites(this.inv);
      case 'changes-guard-package': return changesGuardPackage(this.inv);
      case 'writes-guarded': return (this.inv.writes?.some((p) => p !== null && (this.ctx.guarded?.(p) ?? null) !== null) ?? false)
        || (this.inv.replaces?.some((r) => (this.ctx.guarded?.(r.path, r.how) ?? null) !== null) ?? false);
      case 'writes-guarded-glob': return this.inv.writes?.some((p) => p !== null && (this.ctx.guardedGlob?.(p) ?? null) !== null) ?? false;
      case 'writes-guard-config': return this.inv.writes?.some((p) => p !== null && GUARD_CONFIG.test(p)) ?? false;
      case 'forge-ref-update': return forgeRefUpdate(this.inv, this.ctx.protectedBranches);
      case 'forge-repo-delete': return forgeRepoDelete(this.inv);
      case 'env-runs-code': return envRunsCode(this.inv);
      case 'pushes-to-checkout': return pushesToCheckout(this.inv, this.ctx.checkouts ?? [], this.earlier());
      case 'pushes-to-run-time-remote': return pushesToRunTimeRemote(this.inv, this.ctx.checkouts ?? [], this.earlier());
    }
  }
}

function envRunsCode(inv: Invocation): boolean {
  for (const [k, v] of inv.env) {
    if (SERVER_ENV_RUNS.some((re) => re.test(k))) return true;
    if (SERVER_ENV_WRITES.test(k) && (v === null || !/^(?:[0-9]|true|false|yes|no|on|off)?$/i.test(v))) return true;
  }
  return false;
}

function operands(args: readonly Arg[]): string[] {
  const out: string[] = [];
  for (const a of args) {
    if (a === null) break;
    if (a === '--') continue;
    if (a.startsWith('-')) continue;
    out.push(a);
  }
  return out;
}

function leading(ops: readonly Arg[]): string[] {
  const out: string[] = [];
  for (const a of ops) { if (a === null) break; out.push(a); }
  return out;
}

function flagWords(args: readonly Arg[]): string[] {
  const out: string[] = [];
  for (const a of args) {
    if (a === '--') break;
    if (a !== null && a.startsWith('-') && a !== '-') out.push(a);
  }
  return out;
}

/** A rule's path patterns, split once. */
interface CompiledPath {
  readonly words: string[];
  readonly exact: boolean;
}

export interface CompiledRule {
  readonly rule: Rule;
  readonly paths: CompiledPath[] | null;
  readonly programs: Set<string> | null;
}

export function compileRule(rule: Rule): CompiledRule {
  return {
    rule,
    programs: rule.match.program ? new Set(rule.match.program) : null,
    paths: rule.match.path?.map((p) => {
      const exact = p.endsWith('$');
      return { words: (exact ? p.slice(0, -1) : p).trim().split(/\s+/).filter(Boolean), exact };
    }) ?? null,
  };
}

function flagPresent(flag: string, words: readonly string[]): boolean {
  const long = flag.startsWith('--');
  const letter = !long && flag.length === 2 ? flag[1]! : null;
  for (const w of words) {
    if (long) {
      if (w === flag || w.startsWith(flag + '=')) return true;
    } else if (letter !== null) {
      if (w.startsWith('--')) continue;
      if (w[1] === letter) return true;
      if (/^-[A-Za-z0-9]+$/.test(w) && w.includes(letter)) return true;
    } else if (w === flag) {
      return true;
    }
  }
  return false;
}

/** Does `rule` match this invocation? */
export function matches(c: CompiledRule, view: View): boolean {
  const m: Match = c.rule.match;
  const inv = view.inv;
  if (m.event) {
    if (!inv.event || !m.event.includes(inv.event)) return false;
  } else if (inv.event) {
    return false;
  }
  if (m.target !== 'any' && m.target !== inv.target.kind) return false;
  if (m.engine && !(m.engine as readonly string[]).includes(view.ctx.engineFor?.(inv.target.kind === 'remote' ? inv.target.host : null) ?? 'gitops-guard')) return false;
  if (c.programs && (view.program === null || !c.programs.has(view.program))) return false;
  if (c.paths) {
    const path = view.path;
    const ok = c.paths.some((p) => {
      if (p.exact ? path.length !== p.words.length : path.length < p.words.length) return false;
      return p.words.every((w, i) => w === '*' || w === path[i]);
    });
    if (!ok) return false;
  }
  if (m.flags && !m.flags.some((f) => view.hasFlag(f))) return false;
  if (m.not_flags && m.not_flags.some((f) => view.hasFlag(f))) return false;
  if (m.facts && !m.facts.every((f) => view.fact(f))) return false;
  if (m.not_facts && m.not_facts.some((f) => view.fact(f))) return false;
  return true;
}

/** Rules in order, indexed by program so that each invocation tries only the rules that can match. */
export class RuleIndex {
  private readonly byProgram = new Map<string, CompiledRule[]>();
  private readonly compiled: CompiledRule[];

  constructor(rules: readonly Rule[]) {
    this.compiled = rules.map(compileRule);
  }

  candidates(program: string | null): CompiledRule[] {
    const key = program ?? '\0event';
    let list = this.byProgram.get(key);
    if (!list) {
      list = this.compiled.filter((c) => c.programs === null || (program !== null && c.programs.has(program)));
      this.byProgram.set(key, list);
    }
    return list;
  }

  /** The first rule that matches, or null. */
  first(view: View): Rule | null {
    for (const c of this.candidates(view.program)) {
      if (matches(c, view)) return c.rule;
    }
    return null;
  }

  /**
   * What the rules that deny or ask are about, for text searches (the fast path, and whether bad
   * input could hide something): their programs, and their keywords. A rule that names neither, or
   * only applies on a server, is reached through another program (ssh), an event, or a runner.
   */
  names(): ManagedNames {
    const names = new Set<string>();
    const programs = new Set<string>();
    const guarded: { program: string; keywords: string[] }[] = [];
    for (const c of this.compiled) {
      const m = c.rule.match;
      // Remote rules are reached through what sends the command there (ssh, a CLI's -H, rsync): names of their own.
      if (c.rule.decision === 'allow' || m.event || m.target === 'remote') continue;
      if (m.keywords && c.programs) for (const p of c.programs) guarded.push({ program: p, keywords: [...m.keywords] });
      else if (m.keywords) for (const k of m.keywords) names.add(k);
      else for (const p of c.programs ?? []) { names.add(p); programs.add(p); }
    }
    return { names: [...names].sort(), programs: [...programs].sort(), guarded: guarded.filter((g) => !names.has(g.program)) };
  }

}
