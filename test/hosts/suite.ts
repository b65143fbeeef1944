// The cases every real agent host goes through, written once; each host's file gives the data
// (how to start it, its tool names, its trust step). The host is real, installed from npm at a
// pinned version; the scripted model (./model.ts) is the only stand-in: it replaces the model,
// not the host, and asks for exactly the tool calls a case needs.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADAPTERS } from '../../src/hooks/index.js';
import { dockerCalls, prepareProject, runHost, SERVER, type Project, type Run } from './harness.js';
import { hostBin, PINS, type HostId } from './install.js';
import type { Dialect, Step, ToolResult } from './model.js';

/** The trust steps taken: all, none, or (Codex) the project's but not its hooks'. */
export type Trust = 'trusted' | 'untrusted' | 'project-only';

export interface HostSpec {
  readonly id: HostId;
  readonly dialect: Dialect;
  /** The host's shell tool and its arguments for a command. */
  readonly shell: { readonly tool: string | RegExp; input(command: string): Record<string, unknown> };
  /** Write the host's own user settings (auth against the scripted model), with or without the trust step. */
  setup(p: Project, trust: Trust): void | Promise<void>;
  env(p: Project): Record<string, string>;
  /** The command line after the executable; `permissive` turns on the host's own permissive mode. */
  args(prompt: string, permissive: boolean): string[];
  /** The permissive mode's name, for the test title. */
  readonly permissive: string;
  /**
   * The project's MCP server as the host names its tools (`tool('status')`); `register` adds the
   * entry where init does not write one for this host.
   */
  readonly mcp?: {
    tool(name: string): string | RegExp;
    /** Returns how to undo it, so the later cases see the project as init left it. */
    register?(p: Project): () => void;
    /** A first call that makes deferred tools callable (Claude Code's ToolSearch), as a model would make it. */
    discover?(tools: string[]): Step;
    /** The host passes the tool's structured content on to the model (not only its text). */
    readonly structured: boolean;
  };
  /**
   * The host's own file-editing tool: a call that replaces `file` (absolute) with `content`, and one
   * that creates a new file. `init`'s hook judges these too (issue 11).
   */
  readonly edit?: {
    replace(file: string, content: string, p: Project): Step;
    create(file: string, content: string, p: Project): Step;
  };
  /** How a run without the trust step behaves, for hosts that have one (the control run). */
  readonly untrusted?: 'hook-skipped' | 'refuses-to-start';
  /** Partial trust that also leaves the hook skipped (more control runs). */
  readonly partialTrust?: readonly { readonly trust: Trust; readonly title: string }[];
}

const PROMPT = 'Run the commands you are asked to run.';
/** The text every block carries, and the GitOps equivalent of `docker compose up -d` in the project. */
const GUARD = 'gitops-guard blocked this command';
const EQUIVALENT = 'git add server/docker-compose.yml && git commit';

export function forbidden(p: Project): { local: string; wrapped: string; benign: string } {
  return {
    local: 'docker compose up -d',
    // Over ssh to the configured host, wrapped in bash -c; -F makes the system ssh client read the
    // session's config (it ignores $HOME), so if it ran, it would reach the test sshd.
    wrapped: `ssh -F ${p.sshConfig} ${SERVER} 'bash -c "docker compose up -d"'`,
    benign: 'docker --version',
  };
}

function explain(run: Run, results: ToolResult[], missing: unknown[]): string {
  return `exit ${run.code} after ${run.ms} ms\nresults: ${JSON.stringify(results, null, 1)}\nmissing tools: ${JSON.stringify(missing)}\n`
    + `stdout: ${run.stdout.slice(-3000)}\nstderr: ${run.stderr.slice(-3000)}`;
}

export function describeHost(spec: HostSpec): void {
  const pin = PINS[spec.id];
  describe(`${pin.name} ${pin.version}, real, against the scripted model`, () => {
    let p: Project;
    beforeAll(async () => {
      p = await prepareProject(spec.id, spec.dialect);
    }, 60_000);
    afterAll(async () => { await p?.close(); });

    const shellSteps = (commands: string[]): Step[] => commands.map((c) => ({ tool: spec.shell.tool, input: spec.shell.input(c) }));

    async function play(steps: Step[], permissive: boolean, trust: Trust = 'trusted') {
      await spec.setup(p, trust);
      const before = { local: dockerCalls(p.localDocker).length, remote: dockerCalls(p.sshd.docker).length };
      const run = await runHost(p, steps, spec.args(PROMPT, permissive), spec.env(p));
      const results = [...p.model.results];
      return {
        run, results, why: explain(run, results, p.model.missing),
        local: dockerCalls(p.localDocker).slice(before.local),
        remote: dockerCalls(p.sshd.docker).slice(before.remote),
      };
    }

    for (const permissive of [false, true]) {
      const mode = permissive ? `in ${spec.permissive}` : 'in its default mode';
      it(`${mode}: docker compose up -d and the ssh-wrapped one never run, the reason and the equivalent reach the model; a benign command runs`, async () => {
        const c = forbidden(p);
        const r = await play(shellSteps([c.local, c.wrapped, c.benign]), permissive);
        expect(r.results, r.why).toHaveLength(3);
        const [local, wrapped, benign] = r.results as [ToolResult, ToolResult, ToolResult];
        for (const blocked of [local, wrapped]) {
          expect(blocked.text, r.why).toContain(GUARD);
          expect(blocked.text, r.why).toContain('Applying by hand bypasses git');
          expect(blocked.text, r.why).toContain(EQUIVALENT);
        }
        expect(wrapped.text, r.why).toContain(`on ${SERVER}`);
        // The benign command ran through the same tool, on the same PATH: the recorder is live.
        expect(benign.text, r.why).toContain('Docker version 27.3.1');
        expect(r.local, r.why).toEqual(['--version']);
        expect(r.remote, r.why).toEqual([]);
      }, 120_000);
    }

    if (spec.edit) {
      const edit = spec.edit;
      it(`in ${spec.permissive}: its own edit tool cannot rewrite the hook settings init wrote; a new source file is written`, async () => {
        const settings = join(p.dir, ADAPTERS[spec.id]!.install.file);
        const before = readFileSync(settings, 'utf8');
        const app = join(p.dir, `app-${spec.id}.ts`);
        const r = await play([edit.replace(settings, '{}\n', p), edit.create(app, 'export const port = 18790;\n', p)], true);
        expect(r.results, r.why).toHaveLength(2);
        expect(r.results[0]!.text, r.why).toContain('gitops-guard blocked this file edit');
        expect(readFileSync(settings, 'utf8'), r.why).toBe(before);
        expect(existsSync(app) ? readFileSync(app, 'utf8') : '(not written)', r.why).toBe('export const port = 18790;\n');
      }, 120_000);
    }

    if (spec.mcp) {
      const mcp = spec.mcp;
      it('calls the project\'s MCP server: check_command denies docker compose up -d, status reads the test sshd', async () => {
        const undo = mcp.register?.(p);
        const steps: Step[] = [
          { tool: mcp.tool('check_command'), input: { command: 'docker compose up -d' } },
          { tool: mcp.tool('status'), input: {} },
        ];
        const first = mcp.discover ? [mcp.discover(steps.map((s) => String(s.tool)))] : [];
        const r = await play([...first, ...steps], false).finally(() => undo?.());
        expect(r.results, r.why).toHaveLength(first.length + 2);
        const [check, status] = r.results.slice(first.length) as [ToolResult, ToolResult];
        // The answer as the host handed it to the model: the decision, the rule, the equivalent; the
        // server, its service and health. (Which of the tool's contents each host passes on, the
        // structured one or the text, is recorded in docs/hosts.md.)
        expect(check.text, r.why).toMatch(/deny/i);
        expect(check.text, r.why).toContain('container-apply');
        expect(check.text, r.why).toContain(EQUIVALENT);
        expect(status.text, r.why).toContain(SERVER);
        expect(status.text, r.why).toContain('1/1 containers running');
        expect(status.text, r.why).toMatch(/gateway.*running.*healthy/);
        if (mcp.structured) {
          expect(check.text, r.why).toMatch(/\\?"decision\\?":\s*\\?"deny\\?"/);
          expect(status.text, r.why).toMatch(/\\?"health\\?":\s*\\?"healthy\\?"/);
        }
        // Looking ran on the server (the stand-in docker there answered); nothing ran locally.
        expect(r.remote.some((c) => c.startsWith('compose') || c.startsWith('ps')), r.why).toBe(true);
        expect(r.local, r.why).toEqual([]);
      }, 120_000);
    }

    if (spec.untrusted === 'refuses-to-start') {
      it('without the trust step the host refuses to start headless, before any model call (the control run)', async () => {
        const c = forbidden(p);
        const r = await play(shellSteps([c.local]), true, 'untrusted');
        expect(r.run.code, r.why).not.toBe(0);
        expect(p.model.requests, r.why).toEqual([]);
        expect(r.local, r.why).toEqual([]);
      }, 120_000);
    }

    it(`in ${spec.permissive}, with gitops-guard not installed: the fallback in init's hook command still blocks docker compose up -d`, async () => {
      const bin = join(p.dir, 'node_modules', '.bin', 'gitops-guard');
      renameSync(bin, `${bin}.away`);
      const r = await play(shellSteps([forbidden(p).local]), true).finally(() => renameSync(`${bin}.away`, bin));
      expect(r.results, r.why).toHaveLength(1);
      expect(r.results[0]!.text, r.why).toContain('gitops-guard could not run, so the command is blocked');
      expect(r.local, r.why).toEqual([]);
    }, 120_000);

    // gitops-guard doctor, run by the person in the project (with the host's own executable on the
    // PATH, as it is on theirs), must say what the host does: live after the trust step, and not
    // live, with the step to take, wherever the host would skip the hook or refuse to start.
    const doctor = async (trust: Trust): Promise<{ code: number | null; report: any }> => {
      await spec.setup(p, trust);
      const r = spawnSync(join(p.dir, 'node_modules', '.bin', 'gitops-guard'), ['doctor', '--json', '--no-server', '--agent', spec.id], {
        cwd: p.dir, encoding: 'utf8', env: { ...spec.env(p), PATH: `${dirname(hostBin(pin))}:${p.path}`, HOME: p.home },
      });
      return { code: r.status, report: JSON.parse(r.stdout) };
    };
    it('gitops-guard doctor agrees with the host: live after the trust step, not live with the step to take without it', async () => {
      const trusted = await doctor('trusted');
      expect(trusted.report.hosts[0], JSON.stringify(trusted.report, null, 1)).toMatchObject({ host: spec.id, live: true });
      expect(trusted.code).toBe(0);
      for (const trust of [...(spec.untrusted ? ['untrusted' as Trust] : []), ...(spec.partialTrust ?? []).map((t) => t.trust)]) {
        const d = await doctor(trust);
        expect(d.code, trust).toBe(8);
        const h = d.report.hosts[0];
        expect(h.live, trust).toBe(false);
        expect(h.why.join('\n'), trust).toContain(h.trust.step);
        // The hook itself answers: only the trust step is missing.
        expect(h.hooks[0].forbidden.blocked, trust).toBe(true);
      }
      await spec.setup(p, 'trusted');
    }, 120_000);

    const skipped = [
      ...(spec.untrusted === 'hook-skipped' ? [{ trust: 'untrusted' as Trust, title: 'without the trust step' }] : []),
      ...(spec.partialTrust ?? []),
    ];
    for (const control of skipped) {
      it(`${control.title} the host skips the hook silently and docker runs (a control run)`, async () => {
        const c = forbidden(p);
        const r = await play(shellSteps([c.local]), false, control.trust);
        expect(r.results, r.why).toHaveLength(1);
        expect(r.results[0]!.text, r.why).not.toContain(GUARD);
        // What the recording docker answers to `compose up`: it ran. (Its record of the call may be
        // missing when the host's sandbox for an untrusted folder is read-only.)
        expect(r.results[0]!.text, r.why).toContain('Container web  Started');
      }, 120_000);
    }
  });
}
