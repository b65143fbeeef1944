// Issue 10 §1.4: the shell layer and the policy stay small modules of short functions — no function in
// src/shell/ or src/policy/ longer than 80 lines, no file longer than 400. (rolldown's parser comes with
// vitest's vite; it reads TypeScript.)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAst } from 'rolldown/parseAst';
import { describe, expect, it } from 'vitest';

const MAX_FUNCTION_LINES = 80;
const MAX_FILE_LINES = 400;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

interface AstNode { type?: string; start?: number; end?: number; id?: { name?: string } | null; [k: string]: unknown }

/** Functions longer than the limit in one file: `file:line name (N lines)`. */
function longFunctions(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const lineAt = (offset: number): number => text.slice(0, offset).split('\n').length;
  const out: string[] = [];
  const visit = (node: unknown, name: string): void => {
    if (Array.isArray(node)) { for (const c of node) visit(c, name); return; }
    if (node === null || typeof node !== 'object') return;
    const n = node as AstNode;
    if (n.type === 'FunctionDeclaration' || n.type === 'FunctionExpression' || n.type === 'ArrowFunctionExpression') {
      const lines = lineAt(n.end!) - lineAt(n.start!) + 1;
      if (lines > MAX_FUNCTION_LINES) out.push(`${file}:${lineAt(n.start!)} ${n.id?.name ?? name} (${lines} lines)`);
    }
    const key = (n as { key?: { name?: string } }).key?.name ?? (n.type === 'VariableDeclarator' ? (n.id as { name?: string } | null)?.name : undefined);
    for (const [k, v] of Object.entries(n)) if (k !== 'type' && typeof v === 'object') visit(v, key ?? name);
  };
  visit(parseAst(text, { lang: 'ts' }), '?');
  return out;
}

const files = [...sources('src/shell'), ...sources('src/policy')];

describe('shape of the shell layer and the policy', () => {
  it('reads every file', () => {
    expect(files.length).toBeGreaterThan(100);
  });
  it(`has no file longer than ${MAX_FILE_LINES} lines`, () => {
    const long = files.map((f) => [f, readFileSync(f, 'utf8').trimEnd().split('\n').length] as const).filter(([, n]) => n > MAX_FILE_LINES);
    expect(long).toEqual([]);
  });
  it(`has no function longer than ${MAX_FUNCTION_LINES} lines`, () => {
    expect(files.flatMap(longFunctions)).toEqual([]);
  });
});
