// Codex's hook trust, given the way its own UI gives it: the person reviews the project's hooks
// (/hooks, "Trust") and Codex records each hook's content hash under [hooks.state] in the user's
// config.toml. Here the same two requests go to Codex's own app-server over stdio: `hooks/list`
// (each hook's key, currentHash and trustStatus) and `config/batchWrite` (the hash, recorded).
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

interface ListedHook { key: string; currentHash: string; trustStatus: string; source: string; command?: string }

export async function trustCodexHooks(codex: string, cwd: string, env: Record<string, string>): Promise<ListedHook[]> {
  const child = spawn(codex, ['app-server'], { cwd, env, stdio: ['pipe', 'pipe', 'ignore'] });
  const waiting = new Map<number, (v: any) => void>();
  const lines = createInterface({ input: child.stdout });
  lines.on('line', (line) => {
    let msg: any;
    try { msg = JSON.parse(line); } catch { return; }
    if (typeof msg.id === 'number' && waiting.has(msg.id)) {
      waiting.get(msg.id)!(msg);
      waiting.delete(msg.id);
    }
  });
  let next = 1;
  const request = (method: string, params: unknown): Promise<any> => new Promise((resolve, reject) => {
    const id = next++;
    const timer = setTimeout(() => reject(new Error(`codex app-server: no answer to ${method} in 30 s`)), 30_000);
    waiting.set(id, (msg) => {
      clearTimeout(timer);
      if (msg.error) reject(new Error(`codex app-server ${method}: ${JSON.stringify(msg.error)}`));
      else resolve(msg.result);
    });
    child.stdin.write(JSON.stringify({ jsonrpc: '2.0', id, method, params }) + '\n');
  });
  try {
    await request('initialize', { clientInfo: { name: 'gitops-guard-host-suite', version: '1' } });
    child.stdin.write(JSON.stringify({ jsonrpc: '2.0', method: 'initialized' }) + '\n');
    const list = async (): Promise<ListedHook[]> =>
      ((await request('hooks/list', { cwds: [cwd] })).data as { hooks: ListedHook[] }[]).flatMap((d) => d.hooks);
    const project = (await list()).filter((h) => h.source === 'project');
    const state = Object.fromEntries(project.map((h) => [h.key, { trusted_hash: h.currentHash }]));
    await request('config/batchWrite', { edits: [{ keyPath: 'hooks.state', mergeStrategy: 'upsert', value: state }] });
    return (await list()).filter((h) => h.source === 'project');
  } finally {
    child.kill();
  }
}
