// The files sed, awk and Ex scripts write by themselves (src/shell/expand/script-writes.ts), checked
// against the programs: each script is run in an empty directory and the files it leaves there are
// the ones the reader names. And what a .tf file runs (src/shell/expand/terraform-files.ts).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { awkWrites, edWrites, exWrites, sedWrites } from '../src/shell/expand/script-writes.js';
import { terraformCommands } from '../src/shell/expand/terraform-files.js';

/** The files `program args…` leaves in an empty directory holding only `in.txt` (two lines). */
function leaves(program: string, args: readonly string[], input?: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'gg-script-writes-'));
  try {
    writeFileSync(join(dir, 'in.txt'), 'a\nw\n');
    execFileSync(program, [...args], { cwd: dir, stdio: ['pipe', 'ignore', 'ignore'], ...(input !== undefined ? { input } : {}) });
    return readdirSync(dir).filter((n) => n !== 'in.txt').sort();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('sed scripts', () => {
  it.each([
    'w out1', 'w.out1', '1w out1', '$w out1', '/a/w out1', '1,2w out1', '1!w out1', 'W out1', 's/a/b/w out1', 's/a/b/gw out1',
    'p;w out1', '{w out1\n}', 's/w/x/g', '/w /p', 'y/aw/bx/', 's|a|w x|', 'a w text', 'i\\\nw text', 'a\\\nx\\\nw text', 'a x\\\nw text', 's/a/b/\nw out2', '# w out1\np',
    's/a/b/w out1\nw out2', 'b end;w out1\n:end',
  ])('%j writes what sed writes', (script) => {
    expect(sedWrites(script).sort()).toEqual(leaves('sed', ['-n', script, 'in.txt']));
  });
});

describe('awk programs', () => {
  it.each([
    '{ print > "out1" }', '{ print $1 >> "out1" }', '{ printf "%s", $0 > "out1" }', '{ print "x > y" }', '{ if ($1 > 1) print }',
    'BEGIN { print "a" > "out1"; print "b" > "out2" }',
  ])('%j writes what awk writes', (program) => {
    expect(awkWrites(program).filter((p): p is string => p !== null).sort()).toEqual(leaves('awk', [program, 'in.txt']));
  });

  it('a file named at run time is unknown', () => {
    expect(awkWrites('{ print > $1 }')).toEqual([null]);
  });
});

describe('Ex and ed scripts', () => {
  it.each(['w! out1', 'w out1|q', 'saveas out1', 'wincmd w', 'w !cat', '1,1w out1'])('%j as vim -es runs it', (cmd) => {
    expect(exWrites(cmd).sort()).toEqual(leaves('vim', ['-u', 'NONE', '-es', '-c', cmd, '-c', 'qa!', 'in.txt']));
  });

  // (`:w >> FILE` appends to a file that exists; vim will not make one: the reader names it anyway.)
  it('an append names its file', () => {
    expect(exWrites('write >> out1')).toEqual(['out1']);
  });

  it.each(['w out1\nq\n', '1,$w out1\nq\n', '1W out1\nq\n', 'w !cat\nq\n', 'wq out1\n'])('%j as ed runs it', (script) => {
    expect(edWrites(script).sort()).toEqual(leaves('ed', ['-s', 'in.txt'], script));
  });
});

describe('terraform configurations', () => {
  it('reads local-exec commands, their interpreter, heredocs, external programs and remote-exec lines', () => {
    const tf = [
      'resource "terraform_data" "a" {\n  provisioner "local-exec" {\n    command = "docker compose up -d"\n  }\n}',
      'resource "terraform_data" "b" {\n  provisioner "local-exec" {\n    interpreter = ["perl", "-e"]\n    command = "system(q(x))"\n  }\n}',
      'resource "terraform_data" "c" {\n  provisioner "local-exec" {\n    command = <<-EOT\n      echo a\n      echo b\n    EOT\n  }\n}',
      'data "external" "d" {\n  program = ["sh", "-c", "echo ${var.x}"]\n}',
      'resource "null_resource" "e" {\n  provisioner "remote-exec" {\n    inline = ["docker ps", "uptime"]\n  }\n}',
      '# provisioner "local-exec" { command = "not here" }',
    ].join('\n');
    expect(terraformCommands(tf)).toEqual([
      'docker compose up -d', "perl -e 'system(q(x))'", 'echo a\necho b\n', `sh -c "echo \${TF_VALUE}"`, 'docker ps', 'uptime',
    ]);
  });

  it('a command that is no literal cannot be read', () => {
    expect(() => terraformCommands('resource "x" "y" {\n  provisioner "local-exec" {\n    command = var.cmd\n  }\n}')).toThrow();
  });
});
