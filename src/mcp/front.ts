// The first moments of `gitops-guard mcp`: an agent host starts the server and asks `initialize`
// and `tools/list` at once. Loading the SDK, zod and the tools takes longer than answering, so this
// module (which loads neither) answers those two, and `ping`, from the manifest recorded at build
// time from the real server (manifest.ts), then loads the SDK server and hands the connection over:
// the client's `initialize` is replayed to it (its answer dropped, the client has one), then every
// message held meanwhile, in order. From then on the SDK server alone speaks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ResolvedConfig } from '../config.js';
import { PACKAGE_ROOT } from '../paths.js';

export const MANIFEST_FILE = join(PACKAGE_ROOT, 'dist', 'mcp-manifest.json');

/** What the server answers for one mode (read-write or read-only). */
export interface ManifestMode {
  /** The `initialize` result without protocolVersion (negotiated per client). */
  readonly initialize: Record<string, unknown>;
  /** The `tools/list` result. */
  readonly tools: Record<string, unknown>;
}

export interface Manifest {
  readonly protocol: { readonly latest: string; readonly supported: readonly string[] };
  readonly readWrite: ManifestMode;
  readonly readOnly: ManifestMode;
}

export interface FrontOptions {
  readonly readOnly?: boolean;
  readonly version: string;
}

type Message = { jsonrpc?: unknown; id?: unknown; method?: unknown; params?: unknown; result?: unknown; error?: unknown };
type Transport = {
  start(): Promise<void>;
  send(message: unknown): Promise<void>;
  close(): Promise<void>;
  onmessage?: (message: never) => void;
  onclose?: () => void;
  onerror?: (error: Error) => void;
};

/** The id under which the client's initialize is replayed to the SDK server (its answer is dropped). */
const REPLAY_ID = 'gitops-guard-front-initialize';

function readManifest(): Manifest | null {
  try {
    return JSON.parse(readFileSync(MANIFEST_FILE, 'utf8')) as Manifest;
  } catch {
    return null; // not built: every message goes to the SDK server
  }
}

function write(line: string): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(line)) resolve();
    else process.stdout.once('drain', resolve);
  });
}

/** Serve MCP on stdin/stdout until stdin closes. */
export async function serveStdio(config: ResolvedConfig, cwd: string, options: FrontOptions): Promise<void> {
  const readOnly = Boolean(options.readOnly || config.mcpReadOnly);
  const manifest = readManifest();
  const mode = manifest ? (readOnly ? manifest.readOnly : manifest.readWrite) : null;
  process.stderr.write(`gitops-guard MCP server on stdio (${readOnly ? 'read-only' : 'read-write'}) for ${config.root}\n`);

  let state: 'front' | 'loading' | 'sdk' = 'front';
  let initialize: Message | undefined;
  let initialized: Message | undefined;
  const held: Message[] = [];
  let transport: Transport | undefined;
  let check: ((raw: unknown) => unknown) | undefined;
  let close: (() => void) | undefined;
  let ended = false;
  let finished: () => void = () => undefined;
  const done = new Promise<void>((resolve) => { finished = resolve; });

  const answer = (id: unknown, result: unknown): void => { void write(`${JSON.stringify({ jsonrpc: '2.0', id, result })}\n`); };

  const deliver = (m: Message): void => {
    try {
      transport!.onmessage?.(check!(m) as never);
    } catch (e) {
      transport!.onerror?.(e as Error);
    }
  };

  const load = async (): Promise<void> => {
    if (state !== 'front') return;
    state = 'loading';
    const { startServer, checkMessage } = await import('./server.js');
    check = checkMessage;
    const t: Transport = {
      start: async () => undefined,
      send: async (message) => {
        const m = message as Message;
        if (m.id === REPLAY_ID && ('result' in m || 'error' in m)) return;
        await write(`${JSON.stringify(message)}\n`);
      },
      close: async () => { t.onclose?.(); },
    };
    transport = t;
    const { ctx } = await startServer(config, cwd, { readOnly, version: options.version }, t as never);
    close = () => ctx.close();
    if (initialize) deliver({ ...initialize, id: REPLAY_ID });
    if (initialized) deliver(initialized);
    for (const m of held.splice(0)) deliver(m);
    state = 'sdk';
    if (ended) { t.onclose?.(); close(); finished(); }
  };
  const loadOrFail = (): void => {
    load().catch((e: unknown) => {
      process.stderr.write(`gitops-guard mcp: the server could not start: ${(e as Error)?.stack ?? String(e)}\n`);
      process.exitCode = 2;
      finished();
    });
  };

  const receive = (m: Message): void => {
    if (state === 'sdk') return deliver(m);
    if (state === 'front' && mode && manifest) {
      if (m.method === 'initialize' && m.id !== undefined && !initialize) {
        initialize = m;
        const asked = (m.params as { protocolVersion?: unknown } | undefined)?.protocolVersion;
        const protocolVersion = typeof asked === 'string' && manifest.protocol.supported.includes(asked) ? asked : manifest.protocol.latest;
        return answer(m.id, { protocolVersion, ...mode.initialize });
      }
      if (m.method === 'notifications/initialized' && m.id === undefined) { initialized = m; return; }
      if (m.method === 'ping' && m.id !== undefined) return answer(m.id, {});
      if (m.method === 'tools/list' && m.id !== undefined && initialize) {
        answer(m.id, mode.tools);
        // The client has what it needs to start: load the rest now, before its first call.
        setImmediate(loadOrFail);
        return;
      }
    }
    held.push(m);
    loadOrFail();
  };

  let buffer = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk: string) => {
    buffer += chunk;
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl).replace(/\r$/, '');
      buffer = buffer.slice(nl + 1);
      if (!line.trim()) continue;
      let m: Message;
      try {
        m = JSON.parse(line) as Message;
      } catch (e) {
        if (state === 'sdk') transport!.onerror?.(e as Error);
        process.stderr.write(`gitops-guard mcp: a message that is not JSON was ignored: ${(e as Error).message}\n`);
        continue;
      }
      receive(m);
    }
  });
  process.stdin.on('end', () => {
    ended = true;
    if (state === 'sdk') { transport!.onclose?.(); close?.(); finished(); }
    else if (state === 'front') finished();
    // 'loading': load() finishes the handover, then closes.
  });
  if (!mode) loadOrFail();
  await done;
}
