// The built CLI as a child process: exit codes, JSON and human output, stdin, help and version,
// colour rules, config errors, and the rule test harness.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, project, SEED, tempDir } from './helpers.js';

const VERSION = (JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { version: string }).version;

function cli(args: string[], opts: { cwd?: string; input?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? project({ 'gitops-guard.json': JSON.stringify(SEED) }),
    input: opts.input ?? '',
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1', ...opts.env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('gitops-guard check', () => {
  it('exits 2 on deny and prints decision, reason, rule ids and rewrite', () => {
    const r = cli(['check', 'cd server && docker compose restart gateway']);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^DENY {2}Blocked: `docker compose restart gateway`/);
    expect(r.stdout).toContain('rules:  container-restart');
    expect(r.stdout).toContain('rewrite: cd server && git commit --allow-empty -m "deploy: restart gateway" && git push');
  });
  it('--prompt (shell-init) takes the home from the user database, not the prompt\'s HOME or XDG_*', () => {
    // A user-level config is believed as the user's own; at a prompt, the agent chooses HOME and XDG_*.
    const forged = tempDir();
    mkdirSync(join(forged, 'gitops-guard'), { recursive: true });
    writeFileSync(join(forged, 'gitops-guard', 'gitops-guard.json'), JSON.stringify({ builtinRules: false }));
    const cwd = project({});
    const env = { XDG_CONFIG_HOME: forged, XDG_CACHE_HOME: join(forged, 'cache') };
    expect(cli(['check', 'docker restart web'], { cwd, env }).code).toBe(0);
    expect(cli(['check', '--prompt', 'docker restart web'], { cwd, env: { ...env, HOME: forged } }).code).toBe(2);
  });

  it('--prompt asks about a line that reaches the shell guard\'s own state, and allows the same shapes elsewhere', () => {
    const asked = ['read __gitops_guard_armed <<< 0', '__gitops_guard_stop=1', 'printf -v "$n" 0', 'read -r "$v" <<< 0',
      'declare -n r=x', 'echo ${!p}', 'unset "$v"', 'x=1; mapfile -t "$a" < f'];
    for (const line of asked) {
      const r = cli(['check', '--prompt', '--json', line]);
      expect(r.code, line).toBe(3);
      expect(JSON.parse(r.stdout).findings[0].ruleId, line).toBe(line.startsWith('__gitops_guard_') ? 'guard-self-redefine' : 'guard-self-prompt-state');
      expect(cli(['check', line]).code, line).toBe(line.startsWith('__gitops_guard_') ? 3 : 0);
    }
    for (const line of ['read -r line < notes.txt', 'printf -v out %s "$x"', 'export PATH="$HOME/bin:$PATH"', 'read -p "$msg" ans', 'printf "%s\\n" "$v"']) {
      expect(cli(['check', '--prompt', line]).code, line).toBe(0);
    }
  });

  it('exits 0 on allow and 3 on ask', () => {
    expect(cli(['check', 'ls -la']).code).toBe(0);
    expect(cli(['check', 'ssh ainetic.tech "docker ps"']).code).toBe(0);
    expect(cli(['check', '$d restart web']).code).toBe(3);
  });
  it('prints the verdict as JSON with --json', () => {
    const r = cli(['check', '--json', 'docker ps']);
    expect(r.code).toBe(2);
    const v = JSON.parse(r.stdout);
    expect(v.decision).toBe('deny');
    expect(v.rewrite).toBe('ssh ainetic.tech "docker ps"');
    expect(v.findings[0]).toMatchObject({ ruleId: 'container-look-local', start: 0, end: 9, target: 'local', text: 'docker ps' });
  });
  it('gives the same JSON on the fast path as the full classifier would', () => {
    const r = cli(['check', '--json', 'ls -la']);
    expect(JSON.parse(r.stdout)).toEqual({ decision: 'allow', reason: 'Allowed: no managed command is mutated.', findings: [] });
  });
  it('reads the command from stdin with -', () => {
    const r = cli(['check', '--json', '-'], { input: "ssh ainetic.tech <<'EOF'\ndocker compose pull\nEOF\n" });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).findings[0].ruleId).toBe('container-update-image');
  });
  it('uses --cwd and --config', () => {
    const dir = project({ 'ops/deploy.sh': 'docker compose up -d\n', 'conf.json': JSON.stringify({ host: 'web9' }) });
    expect(cli(['check', '--cwd', join(dir, 'ops'), './deploy.sh'], { cwd: dir }).code).toBe(2);
    const r = cli(['check', '--json', '--config', join(dir, 'conf.json'), 'docker ps'], { cwd: dir });
    expect(JSON.parse(r.stdout).rewrite).toBe('ssh web9 "docker ps"');
  });
  it('colours only on request or a terminal, never with NO_COLOR', () => {
    expect(cli(['check', 'docker ps']).stdout).not.toContain('\x1b[');
    expect(cli(['check', 'docker ps'], { env: { FORCE_COLOR: '1', NO_COLOR: '' } }).stdout).toContain('\x1b[31m');
    expect(cli(['check', 'docker ps'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toContain('\x1b[');
  });
  it('exits 1 on usage errors, with the usage', () => {
    const two = cli(['check', 'docker', 'ps']);
    expect(two.code).toBe(1);
    expect(two.stderr).toContain('quote the command');
    expect(cli(['check']).code).toBe(1);
    expect(cli(['check', '--bogus', 'x']).stderr).toContain('Usage: gitops-guard check');
    expect(cli(['frobnicate']).code).toBe(1);
  });
  it('exits 1 on a config error, naming the file', () => {
    const dir = project({ 'gitops-guard.json': '{"host": 42}' });
    const r = cli(['check', 'ls'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(join(dir, 'gitops-guard.json'));
    expect(r.stderr).toContain('host');
  });
  it('exits 1 on a broken rule pack, naming the file (the error crosses from the classify bundle)', () => {
    const dir = project({
      'gitops-guard.json': JSON.stringify({ ...SEED, rules: ['team.yaml'] }),
      'team.yaml': 'rules:\n  - id: no-decision\n    match: { program: [terraform] }\n',
    });
    const r = cli(['check', 'terraform apply'], { cwd: dir });
    expect(r.stderr).toContain(join(dir, 'team.yaml'));
    expect(r.stderr).not.toContain('internal error');
    expect(r.code).toBe(1);
  });
  it('answers --help and --version everywhere', () => {
    for (const args of [['--help'], ['help'], ['check', '--help'], ['test', '-h']]) {
      const r = cli(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).toContain('Usage: gitops-guard');
    }
    for (const args of [['--version'], ['-V'], ['check', '--version'], ['test', '--version'], ['hook', '-V']]) {
      expect(cli(args).stdout.trim()).toBe(`gitops-guard ${VERSION}`);
    }
    // After `--` it is the command to check, not an option.
    expect(cli(['check', '--json', '--', '--version']).stdout).toContain('"decision": "allow"');
  });
  it('is one bundled file for check and hook, and the ES module entry answers the same', () => {
    expect(BIN).toMatch(/\.cjs$/);
    const main = join(import.meta.dirname, '..', 'dist', 'cli', 'main.js');
    const dir = project({ 'gitops-guard.json': JSON.stringify(SEED) });
    for (const command of ['docker compose restart gateway', 'ssh ainetic.tech "docker compose up -d"', 'ls -la', 'for i in 1; do docker ps; done']) {
      const viaBin = cli(['check', '--json', command], { cwd: dir });
      const viaMain = spawnSync(process.execPath, [main, 'check', '--json', command], { cwd: dir, encoding: 'utf8' });
      expect(viaMain.stdout, command).toBe(viaBin.stdout);
      expect(viaMain.status, command).toBe(viaBin.code);
    }
    // Every other command is handed from the bundle to main.js.
    expect(cli(['validate', '--help']).stdout).toContain('Usage: gitops-guard validate');
    expect(cli(['no-such-command']).code).toBe(1);
  });
  it('packs every file the executable reads at run time', () => {
    const root = join(import.meta.dirname, '..');
    // --ignore-scripts: packing would otherwise run "prepare" and rebuild dist/ under the other tests.
    const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const packed = new Set((JSON.parse(r.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path));
    const rules = readdirSync(join(root, 'rules')).filter((n) => n.endsWith('.yaml')).map((n) => `rules/${n}`);
    expect(rules.length).toBeGreaterThan(0);
    for (const path of [relative(root, BIN), 'dist/gitops-guard-classify.cjs', 'dist/cli/main.js', 'dist/rules.json',
      'schema/compose-spec/compose-spec.json', 'schema/compose-spec/LICENSE', 'package.json', 'README.md', 'LICENSE',
      'dist/tree-sitter-bash.wasm', 'dist/tree-sitter-bash.LICENSE', ...rules]) {
      expect(packed.has(path), path).toBe(true);
    }
    // No source maps (they would point at src/, which is not shipped), no build scripts.
    expect([...packed].filter((p) => p.endsWith('.map') || p.startsWith('scripts/'))).toEqual([]);
    // Of the bash grammar only its wasm runs: it ships in dist/, the 20 MB package is not a dependency.
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; license: string };
    expect(Object.keys(pkg.dependencies)).not.toContain('tree-sitter-bash');
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(join(root, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
    expect([...packed].filter((p) => p.startsWith('test/') || p.startsWith('src/'))).toEqual([]);
  });
});

describe('gitops-guard test', () => {
  it('passes on the built-in rules and ends with the count line', () => {
    const r = cli(['test'], { cwd: project() });
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').pop()).toMatch(/^\d+ passed, 0 failed$/);
  });
  it('prints each failure with expected against got, and exits 6', () => {
    const dir = project({
      'team.cases.yaml': [
        'config: { host: ainetic.tech }',
        'cases:',
        '  - command: docker ps',
        '    decision: deny',
        '    rewrite: ssh ainetic.tech "docker ps"',
        '  - command: docker restart web',
        '    decision: allow',
        '  - command: ls',
        '    decision: allow',
        '',
      ].join('\n'),
    });
    const r = cli(['test', join(dir, 'team.cases.yaml')], { cwd: dir });
    expect(r.code).toBe(6);
    expect(r.stdout).toContain(`FAIL ${join(dir, 'team.cases.yaml')}:6`);
    expect(r.stdout).toContain('expected: allow');
    expect(r.stdout).toContain('got:      deny');
    expect(r.stdout.trim().split('\n').pop()).toMatch(/^\d+ passed, 1 failed$/);
  });
  it("runs a user's own pack and its examples", () => {
    const dir = project({
      'rules/team.yaml': [
        'rules:',
        '  - id: no-terraform-apply',
        '    description: terraform apply by hand',
        '    decision: deny',
        '    match: { program: [terraform], path: [apply] }',
        '    message: Apply through git.',
        '    examples:',
        '      match: [terraform apply]',
        '      not_match: [terraform plan, terraform apply -auto-approve]',
        '',
      ].join('\n'),
    });
    const r = cli(['test', join(dir, 'rules')], { cwd: dir });
    expect(r.stdout).toContain('FAIL');
    expect(r.stdout).toContain('no-terraform-apply not_match');
    expect(r.code).toBe(6);
  });
});

describe('exit codes and --json failures', () => {
  it('keeps docs/cli.md and src/cli/exit.ts to one table', async () => {
    const { EXIT } = await import('../src/cli/exit.js');
    const doc = readFileSync(join(import.meta.dirname, '..', 'docs', 'cli.md'), 'utf8');
    const rows = [...doc.matchAll(/^\| (\d) \|([^|]*)\|/gm)].map((m) => [Number(m[1]), [...m[2]!.matchAll(/`([a-z-]+)`/g)].map((c) => c[1])] as const);
    expect(rows.map(([n]) => n)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    const { exitOf } = await import('../src/cli/exit.js');
    for (const [n, codes] of rows) for (const c of codes) expect(exitOf(c as never), c).toBe(n);
    expect(new Set(Object.values(EXIT))).toEqual(new Set(rows.map(([n]) => n)));
  });

  it('prints one JSON object on stdout when a command fails with --json', () => {
    const noHost = project({ 'gitops-guard.json': '{}' });
    const cases: [string[], string, number][] = [
      [['status', '--json'], 'config', 1],
      [['logs', 'web', '--json'], 'config', 1],
      [['deploy', '--json'], 'usage', 1],
      [['check', '--json', 'a', 'b'], 'usage', 1],
      [['status', '--json', '--bogus'], 'usage', 1],
      [['validate', '--json'], 'usage', 1],
      [['history', '--json'], 'refused', 5],
      // An environment the config does not have: a user's error (1), for every command that takes --env.
      ...(['status', 'plan', 'history', 'rollback --last', 'deploy -m x', 'logs web'].map((c) => [[...c.split(' '), '--env', 'qa', '--json'], 'usage', 1] as [string[], string, number])),
      [['promote', 'staging', 'prod', '--json'], 'usage', 1],
    ];
    for (const [args, code, exit] of cases) {
      const r = cli(args, { cwd: noHost });
      expect(r.code, args.join(' ')).toBe(exit);
      const out = JSON.parse(r.stdout);
      expect(out, args.join(' ')).toMatchObject({ ok: false, error: { code, message: expect.any(String), next: expect.any(String) } });
    }
    const qa = JSON.parse(cli(['status', '--env', 'qa', '--json'], { cwd: noHost }).stdout);
    expect(qa.error.message).toBe('no environment "qa": this config has no environments, only the top-level one ("default")');
    const broken = cli(['check', '--json', 'ls'], { cwd: project({ 'gitops-guard.json': '{"host": 42}' }) });
    expect(JSON.parse(broken.stdout).error.code).toBe('config');
  });
});

describe('gitops-guard test reporters', () => {
  const dir = () => project({
    'team.cases.yaml': 'cases:\n  - command: docker ps\n    decision: deny\n  - command: ls <x> & "q"\n    decision: deny\n',
  });
  it('writes JUnit XML with one test case per case, failures with expected and got', () => {
    const d = dir();
    const r = cli(['test', '--reporter', 'junit', join(d, 'team.cases.yaml')], { cwd: d });
    expect(r.code).toBe(6);
    expect(r.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites')).toBe(true);
    const cases = r.stdout.match(/<testcase /g)!.length;
    expect(r.stdout).toContain(`tests="${cases}"`);
    expect(r.stdout).toContain('ls &lt;x&gt; &amp; &quot;q&quot;');
    expect(r.stdout.match(/<failure /g)!.length).toBeGreaterThanOrEqual(1);
    expect(r.stdout).toContain('got:      allow');
    expect(r.stdout.trim().endsWith('</testsuites>')).toBe(true);
  });
  it('writes TAP 13 with a plan that matches the test lines', () => {
    const d = dir();
    const r = cli(['test', '--reporter', 'tap', join(d, 'team.cases.yaml')], { cwd: d });
    expect(r.code).toBe(6);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('TAP version 13');
    const plan = Number(/^1\.\.(\d+)$/.exec(lines[1]!)![1]);
    expect(lines.filter((l) => /^(not )?ok \d+ - /.test(l))).toHaveLength(plan);
    expect(r.stdout).toMatch(/^not ok \d+ - \S+team\.cases\.yaml:4: ls <x> & "q"$/m);
    expect(cli(['test', '--reporter', 'nope']).code).toBe(1);
  });
});

describe('help and completion', () => {
  it("gives every subcommand its own --help", async () => {
    const { COMMANDS } = await import('../src/cli/commands.js');
    for (const name of Object.keys(COMMANDS)) {
      const r = cli([name, '--help']);
      expect(r.code, name).toBe(0);
      expect(r.stdout.split('\n')[0], name).toMatch(new RegExp(`^Usage: gitops-guard ${name}\\b`));
    }
  });

  it('completes subcommands, options and values in bash, and registers with zsh', () => {
    const script = cli(['completion', 'bash']).stdout;
    const complete = (...words: string[]): string => spawnSync('bash', ['-c',
      `${script}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _gitops_guard; echo "\${COMPREPLY[*]}"`],
    { encoding: 'utf8' }).stdout.trim();
    expect(complete('gitops-guard', 'do')).toBe('doctor');
    expect(complete('gitops-guard', 'init', '--agent', 'c').split(' ')).toEqual(['claude', 'codex', 'cursor', 'copilot', 'cline']);
    expect(complete('gitops-guard', 'test', '--rep')).toBe('--reporter');
    expect(complete('gitops-guard', 'shell-init', '')).toBe('bash zsh fish');
    const zsh = cli(['completion', 'zsh']).stdout;
    const home = project();
    const r = spawnSync('zsh', ['-f', '-c', `autoload -Uz compinit && compinit -u -d ${home}/.zcompdump\n${zsh}\nprint -r -- $_comps[gitops-guard]`], { encoding: 'utf8', env: { HOME: home, PATH: process.env.PATH } });
    expect(r.stdout.trim()).toBe('_gitops_guard');
    expect(cli(['completion', 'tcsh']).code).toBe(1);
  });
});

describe('gitops-guard plan', () => {
  it('shows what a deploy would carry: not pushed, not committed', () => {
    const base = project();
    const git = (cwd: string, ...args: string[]) => spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd, encoding: 'utf8' });
    git(base, 'init', '-q', '--bare', '-b', 'main', 'origin.git');
    git(base, 'clone', '-q', join(base, 'origin.git'), 'dev');
    const dev = join(base, 'dev');
    git(dev, 'checkout', '-q', '-b', 'main');
    mkdirSync(join(dev, 'server'));
    writeFileSync(join(dev, 'server', 'docker-compose.yml'), 'services: {}\n');
    writeFileSync(join(dev, 'gitops-guard.json'), JSON.stringify({ composeFiles: ['server/docker-compose.yml'] }));
    git(dev, 'add', '.');
    git(dev, 'commit', '-qm', 'deploy: one');
    git(dev, 'push', '-qu', 'origin', 'main');
    git(dev, 'commit', '-q', '--allow-empty', '-m', 'deploy: restart');
    writeFileSync(join(dev, 'server', 'docker-compose.yml'), 'services: {web: {image: "nginx:1.27"}}\n');
    const r = cli(['plan', '--json'], { cwd: dev });
    expect(r.code, r.stderr).toBe(0);
    const plan = JSON.parse(r.stdout);
    expect(plan).toMatchObject({ ok: true, branch: 'main', upstream: 'origin/main', notApplied: null, uncommitted: ['server/docker-compose.yml'] });
    expect(plan.unpushed.map((c: { message: string }) => c.message)).toEqual(['deploy: restart']);
    expect(cli(['plan'], { cwd: dev }).stdout).toContain('Next: gitops-guard deploy -m');
  });
});
