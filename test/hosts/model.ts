// The scripted model: the one stand-in in the host suite. It replaces the model, never the host.
// It speaks just enough of each host's model API (Anthropic Messages, OpenAI Responses, Gemini
// generateContent) to ask for the scripted tool calls, one per turn, and then to finish with a
// text. It records every request, so a test reads exactly what the host sent back to the model as
// each tool's result.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export type Dialect = 'anthropic' | 'openai' | 'gemini';

/** One tool call to ask for: a tool the host offers (by exact name or pattern) and its arguments. */
export interface Step {
  readonly tool: string | RegExp;
  readonly input: Record<string, unknown>;
}

/** What came back to the model for one step. */
export interface ToolResult {
  /** The tool name the host offered and the model called. */
  readonly tool: string;
  /** The result as the host sent it, as text (JSON of the whole result block). */
  readonly text: string;
  /** The host marked it as an error (Anthropic is_error), where the API has such a flag. */
  readonly isError: boolean | undefined;
}

export interface ScriptedModel {
  /** The path of the unix socket it listens on (forwarded to 127.0.0.1 inside the host's namespace). */
  readonly socket: string;
  /** Results per step, in order; missing entries were never answered. */
  readonly results: ToolResult[];
  /** Steps whose tool the host did not offer, with the names it did offer. */
  readonly missing: { step: number; offered: string[] }[];
  /** Every request: method, path and parsed body. */
  readonly requests: { method: string; path: string; body: unknown }[];
  /** Replace the script (one scripted model serves several runs of the same host in turn). */
  script(steps: readonly Step[]): void;
  close(): Promise<void>;
}

const FINAL = 'Done: the scripted model has no more steps.';

type Json = Record<string, any>;

interface DialectImpl {
  /** Tool names the request offers. */
  offered(body: Json): string[];
  /** Results, by call id, that the request carries. */
  results(body: Json): Map<string, { text: string; isError: boolean | undefined }>;
  /** Does this request belong to the agent loop (it offers tools), or is it a side call? */
  isTurn(body: Json): boolean;
  call(res: ServerResponse, body: Json, id: string, name: string, input: Record<string, unknown>): void;
  text(res: ServerResponse, body: Json, text: string): void;
}

function sse(res: ServerResponse, events: [string | undefined, unknown][]): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  for (const [event, data] of events) res.write(`${event ? `event: ${event}\n` : ''}data: ${JSON.stringify(data)}\n\n`);
  res.end();
}

function jsonReply(res: ServerResponse, value: unknown, status = 200): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
}

const flatText = (content: unknown): string => JSON.stringify(content);

const anthropic: DialectImpl = {
  offered: (body) => (Array.isArray(body.tools) ? body.tools : []).map((t: Json) => String(t.name)),
  results(body) {
    const out = new Map<string, { text: string; isError: boolean | undefined }>();
    for (const m of Array.isArray(body.messages) ? body.messages : []) {
      if (!Array.isArray(m.content)) continue;
      for (const block of m.content) {
        if (block?.type === 'tool_result') out.set(String(block.tool_use_id), { text: flatText(block.content), isError: block.is_error === true });
      }
    }
    return out;
  },
  isTurn: (body) => Array.isArray(body.tools) && body.tools.length > 0,
  call(res, body, id, name, input) {
    const message = { id: `msg_${id}`, type: 'message', role: 'assistant', model: String(body.model ?? 'scripted'), content: [], stop_reason: null,
      stop_sequence: null, usage: { input_tokens: 10, output_tokens: 1 } };
    if (body.stream !== true) {
      jsonReply(res, { ...message, content: [{ type: 'tool_use', id, name, input }], stop_reason: 'tool_use', usage: { input_tokens: 10, output_tokens: 5 } });
      return;
    }
    sse(res, [
      ['message_start', { type: 'message_start', message }],
      ['content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'tool_use', id, name, input: {} } }],
      ['content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: JSON.stringify(input) } }],
      ['content_block_stop', { type: 'content_block_stop', index: 0 }],
      ['message_delta', { type: 'message_delta', delta: { stop_reason: 'tool_use', stop_sequence: null }, usage: { output_tokens: 5 } }],
      ['message_stop', { type: 'message_stop' }],
    ]);
  },
  text(res, body, text) {
    const message = { id: 'msg_text', type: 'message', role: 'assistant', model: String(body.model ?? 'scripted'), content: [], stop_reason: null,
      stop_sequence: null, usage: { input_tokens: 10, output_tokens: 1 } };
    if (body.stream !== true) {
      jsonReply(res, { ...message, content: [{ type: 'text', text }], stop_reason: 'end_turn' });
      return;
    }
    sse(res, [
      ['message_start', { type: 'message_start', message }],
      ['content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }],
      ['content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } }],
      ['content_block_stop', { type: 'content_block_stop', index: 0 }],
      ['message_delta', { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 5 } }],
      ['message_stop', { type: 'message_stop' }],
    ]);
  },
};

const usage = { input_tokens: 10, input_tokens_details: { cached_tokens: 0 }, output_tokens: 5, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 15 };

function responsesStream(res: ServerResponse, id: string, item: Json): void {
  sse(res, [
    ['response.created', { type: 'response.created', response: { id: `resp_${id}` } }],
    ['response.output_item.added', { type: 'response.output_item.added', output_index: 0, item }],
    ['response.output_item.done', { type: 'response.output_item.done', output_index: 0, item }],
    ['response.completed', { type: 'response.completed', response: { id: `resp_${id}`, usage } }],
  ]);
}

const openai: DialectImpl = {
  offered: (body) => (Array.isArray(body.tools) ? body.tools : []).flatMap((t: Json) =>
    t.type === 'namespace' && Array.isArray(t.tools) ? t.tools.map((x: Json) => `${t.name}${x.name}`) : [String(t.name ?? t.type)]),
  results(body) {
    const out = new Map<string, { text: string; isError: boolean | undefined }>();
    for (const item of Array.isArray(body.input) ? body.input : []) {
      if (item?.type === 'function_call_output' || item?.type === 'custom_tool_call_output') {
        out.set(String(item.call_id), { text: typeof item.output === 'string' ? item.output : flatText(item.output), isError: undefined });
      }
    }
    return out;
  },
  isTurn: (body) => Array.isArray(body.tools) && body.tools.length > 0,
  call(res, body, id, name, input) {
    // A freeform tool (Codex's apply_patch) takes its input as one string, in `input.input`.
    const tool = (Array.isArray(body.tools) ? body.tools : []).find((t: Json) => t.name === name);
    if (tool?.type === 'custom') {
      responsesStream(res, id, { type: 'custom_tool_call', id: `ctc_${id}`, call_id: id, name, input: String(input.input), status: 'completed' });
      return;
    }
    responsesStream(res, id, { type: 'function_call', id: `fc_${id}`, call_id: id, name, arguments: JSON.stringify(input), status: 'completed' });
  },
  text(res, _body, text) {
    responsesStream(res, 'text', { type: 'message', id: 'msg_text', role: 'assistant', status: 'completed',
      content: [{ type: 'output_text', text, annotations: [] }] });
  },
};

const geminiChunk = (parts: Json[]): Json => ({
  candidates: [{ content: { role: 'model', parts }, finishReason: 'STOP', index: 0 }],
  usageMetadata: { promptTokenCount: 10, candidatesTokenCount: 5, totalTokenCount: 15 },
  modelVersion: 'scripted',
});

const gemini: DialectImpl = {
  offered: (body) => (Array.isArray(body.tools) ? body.tools : [])
    .flatMap((t: Json) => (Array.isArray(t.functionDeclarations) ? t.functionDeclarations : []).map((f: Json) => String(f.name))),
  results(body) {
    const out = new Map<string, { text: string; isError: boolean | undefined }>();
    let n = 0;
    for (const c of Array.isArray(body.contents) ? body.contents : []) {
      for (const part of Array.isArray(c.parts) ? c.parts : []) {
        // Gemini's functionResponse carries the call's id when the call had one; count them otherwise.
        if (part?.functionResponse) out.set(String(part.functionResponse.id ?? `call_${n}`), { text: flatText(part.functionResponse), isError: undefined });
        if (part?.functionResponse) n++;
      }
    }
    return out;
  },
  isTurn: (body) => Array.isArray(body.tools) && body.tools.length > 0,
  call(res, _body, id, name, input) {
    sse(res, [[undefined, geminiChunk([{ functionCall: { id, name, args: input } }])]]);
  },
  text(res, _body, text) {
    sse(res, [[undefined, geminiChunk([{ text }])]]);
  },
};

const DIALECTS: Record<Dialect, DialectImpl> = { anthropic, openai, gemini };

/** Side calls a host makes that are not agent turns, answered so the host goes on. */
function sideCall(dialect: Dialect, req: IncomingMessage, body: Json, res: ServerResponse): boolean {
  const path = req.url ?? '';
  if (req.method === 'HEAD' || req.method === 'GET') {
    if (req.method === 'HEAD') { res.writeHead(200); res.end(); } else jsonReply(res, { data: [], models: [] });
    return true;
  }
  if (dialect === 'gemini' && path.includes(':countTokens')) { jsonReply(res, { totalTokens: 10 }); return true; }
  if (dialect === 'gemini' && path.includes(':generateContent')) {
    // Gemini CLI's model router asks for a JSON verdict on the prompt's complexity.
    jsonReply(res, geminiChunk([{ text: JSON.stringify({ complexity_reasoning: 'a scripted test prompt', complexity_score: 1,
      reasoning: 'a scripted test prompt', model_choice: 'flash' }) }]));
    return true;
  }
  if (dialect === 'anthropic' && path.includes('count_tokens')) { jsonReply(res, { input_tokens: 10 }); return true; }
  return false;
}

export async function startModel(dialect: Dialect, socket: string): Promise<ScriptedModel> {
  const impl = DIALECTS[dialect];
  let steps: readonly Step[] = [];
  const called: string[] = [];
  const model: ScriptedModel & { server?: Server } = {
    socket, results: [], missing: [], requests: [],
    script(next) {
      steps = next;
      model.results.length = 0;
      model.missing.length = 0;
      model.requests.length = 0;
      called.length = 0;
    },
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body: Json = {};
      try {
        const raw = Buffer.concat(chunks).toString('utf8');
        body = raw ? JSON.parse(raw) as Json : {};
      } catch { /* not JSON: a side call */ }
      model.requests.push({ method: req.method ?? '', path: req.url ?? '', body });
      if (sideCall(dialect, req, body, res)) return;
      if (!impl.isTurn(body)) { impl.text(res, body, 'ok'); return; }
      const results = impl.results(body);
      // The step to play is the first whose call has no result yet.
      let n = 0;
      while (n < steps.length && results.has(`call_${n}`)) {
        const r = results.get(`call_${n}`)!;
        model.results[n] = { tool: called[n] ?? '', text: r.text, isError: r.isError };
        n++;
      }
      const step = steps[n];
      if (!step) { impl.text(res, body, FINAL); return; }
      const offered = impl.offered(body);
      const name = typeof step.tool === 'string' ? offered.find((t) => t === step.tool) : offered.find((t) => (step.tool as RegExp).test(t));
      if (!name) {
        model.missing.push({ step: n, offered });
        impl.text(res, body, `The tool ${String(step.tool)} is not offered.`);
        return;
      }
      called[n] = name;
      impl.call(res, body, `call_${n}`, name, step.input);
    });
  });
  await new Promise<void>((resolve, reject) => { server.once('error', reject); server.listen(socket, () => resolve()); });
  return model;
}
