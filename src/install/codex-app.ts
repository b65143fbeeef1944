// Codex's hook trust, asked of Codex itself: its app-server (`codex app-server`, JSON-RPC on stdio)
// lists each hook with its key, current hash and trust status (`hooks/list`), and records a hash as
// trusted (`config/batchWrite` of `hooks.state`), which is what its `/hooks` review does. Used when a
// `codex` is on the PATH: doctor then reports Codex's own answer instead of reading config.toml, and
// init can record the trust of the gitops-guard hooks (only those) when the person says yes.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { createInterface } from 'node:readline';

export interface CodexHook {
  readonly key: string;
  readonly command?: string;
  readonly currentHash: string;
  readonly trustStatus: string;
  readonly source: string;
}

export function findCodex(env: NodeJS.ProcessEnv): string | undefined {
  return (env.PATH ?? '').split(delimiter).filter(Boolean).map((d) => join(d, 'codex')).find((p) => existsSync(p));
}

/** Run requests against `codex app-server` in `cwd`; the server is stopped afterwards. */
async function withAppServer<T>(codex: string, cwd: string, env: NodeJS.ProcessEnv, timeoutMs: number,
  body: (request: (method: string, params: unknown) => Promise<any>) => Promise<T>): Promise<T> {
  const child = spawn(codex, ['app-server'], { cwd, env, stdio: ['pipe', 'pipe', 'ignore'] });
  const waiting = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();
  child.on('error', (e) => { for (const w of waiting.values()) w.reject(e); waiting.clear(); });
  createInterface({ input: child.stdout }).on('line', (line) => {
    let msg: any;
    try { msg = JSON.parse(line); } catch { return; }
    const w = typeof msg?.id === 'number' ? waiting.get(msg.id) : undefined;
    if (!w) return;
    waiting.delete(msg.id);
    if (msg.error) w.reject(new Error(`codex app-server: ${JSON.stringify(msg.error)}`));
    else w.resolve(msg.result);
  });
  let next = 1;
  const request = (method: string, params: unknown): Promise<any> => new Promise((resolve, reject) => {
    const id = next++;
    const timer = setTimeout(() => { waiting.delete(id); reject(new Error(`codex app-server did not answer ${method} within ${timeoutMs} ms`)); }, timeoutMs);
    waiting.set(id, { resolve: (v) => { clearTimeout(timer); resolve(v); }, reject: (e) => { clearTimeout(timer); reject(e); } });
    child.stdin.write(JSON.stringify({ jsonrpc: '2.0', id, method, params }) + '\n');
  });
  try {
    await request('initialize', { clientInfo: { name: 'gitops-guard', version: '1' } });
    child.stdin.write(JSON.stringify({ jsonrpc: '2.0', method: 'initialized' }) + '\n');
    return await body(request);
  } finally {
    child.kill();
  }
}

/** The project's hooks as Codex sees them from `cwd`. */
export function codexHooks(codex: string, cwd: string, env: NodeJS.ProcessEnv, timeoutMs = 15_000): Promise<CodexHook[]> {
  return withAppServer(codex, cwd, env, timeoutMs, async (request) =>
    ((await request('hooks/list', { cwds: [cwd] })).data as { hooks: CodexHook[] }[]).flatMap((d) => d.hooks));
}

/** Record the current hash of each hook named by `keys` as trusted; returns the hooks afterwards. */
export function trustCodexHooks(codex: string, cwd: string, env: NodeJS.ProcessEnv, keys: readonly string[], timeoutMs = 15_000): Promise<CodexHook[]> {
  return withAppServer(codex, cwd, env, timeoutMs, async (request) => {
    const list = async (): Promise<CodexHook[]> => ((await request('hooks/list', { cwds: [cwd] })).data as { hooks: CodexHook[] }[]).flatMap((d) => d.hooks);
    const ours = (await list()).filter((h) => keys.includes(h.key));
    const value = Object.fromEntries(ours.map((h) => [h.key, { trusted_hash: h.currentHash }]));
    await request('config/batchWrite', { edits: [{ keyPath: 'hooks.state', mergeStrategy: 'upsert', value }] });
    return (await list()).filter((h) => keys.includes(h.key));
  });
}
