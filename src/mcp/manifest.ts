// The MCP manifest: what the server answers to `initialize` and `tools/list`, recorded at build time
// from the real SDK server (scripts/bundle.mjs writes dist/mcp-manifest.json), so that front.ts can
// answer them before the SDK and zod are loaded. A test checks the recording against the live server.
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { LATEST_PROTOCOL_VERSION, SUPPORTED_PROTOCOL_VERSIONS, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { resolveConfig, DEFAULTS } from '../config-file.js';
import type { Manifest, ManifestMode } from './front.js';
import { createMcpServer } from './server.js';

async function record(readOnly: boolean, version: string): Promise<ManifestMode> {
  const config = resolveConfig({ ...DEFAULTS }, null, process.cwd(), process.cwd());
  const { server } = createMcpServer(config, process.cwd(), { readOnly, version });
  const [client, transport] = InMemoryTransport.createLinkedPair();
  const answers = new Map<number, unknown>();
  client.onmessage = (m: JSONRPCMessage) => { if ('id' in m && 'result' in m) answers.set(Number(m.id), m.result); };
  await server.connect(transport);
  await client.start();
  await client.send({ jsonrpc: '2.0', id: 1, method: 'initialize',
    params: { protocolVersion: LATEST_PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: 'gitops-guard-build', version } } });
  await client.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
  await client.send({ jsonrpc: '2.0', id: 2, method: 'tools/list', params: {} });
  for (let i = 0; i < 100 && answers.size < 2; i++) await new Promise((r) => setTimeout(r, 5));
  await server.close();
  const init = answers.get(1) as Record<string, unknown> | undefined;
  const tools = answers.get(2);
  if (!init || !tools) throw new Error('the MCP server did not answer initialize and tools/list while recording the manifest');
  const { protocolVersion: _, ...initialize } = init;
  return { initialize, tools: tools as Record<string, unknown> };
}

export async function buildManifest(version: string): Promise<Manifest> {
  return {
    protocol: { latest: LATEST_PROTOCOL_VERSION, supported: [...SUPPORTED_PROTOCOL_VERSIONS] },
    readWrite: await record(false, version),
    readOnly: await record(true, version),
  };
}
