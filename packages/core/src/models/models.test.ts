import { describe, expect, it } from 'vitest';
import { fromFunction } from './from-function.js';
import { openaiCompatible } from './openai-compatible.js';
import { publicUrl, redact } from './redact.js';
import { modelFromSpec, ollamaBaseUrl } from './spec.js';

describe('modelFromSpec', () => {
  const env = { OPENAI_API_KEY: 'sk-secret-abcdef123456' };
  it('openai:<model> uses OPENAI_API_KEY and OPENAI_BASE_URL, and no key shows in id or describe()', () => {
    const m = modelFromSpec('openai:gpt-4o-mini', { env });
    expect(m.id).toBe('openai-compatible:https://api.openai.com/v1#gpt-4o-mini');
    expect(JSON.stringify(m.describe?.())).not.toContain('sk-secret');
    expect(modelFromSpec('openai:gpt-4o', { env: { ...env, OPENAI_BASE_URL: 'http://127.0.0.1:9/v1/' } }).id).toBe('openai-compatible:http://127.0.0.1:9/v1#gpt-4o');
    expect(() => modelFromSpec('openai:gpt-4o', { env: {} })).toThrow(/OPENAI_API_KEY is not set/);
  });
  it('ollama:<model> defaults to 127.0.0.1:11434 and follows OLLAMA_HOST', () => {
    expect(modelFromSpec('ollama:qwen2.5:7b', { env: {} }).id).toBe('openai-compatible:http://127.0.0.1:11434/v1#qwen2.5:7b');
    expect(ollamaBaseUrl('0.0.0.0:9999')).toBe('http://0.0.0.0:9999/v1');
    expect(ollamaBaseUrl('http://gpu-box')).toBe('http://gpu-box:11434/v1');
    expect(ollamaBaseUrl('https://ollama.example.com/v1')).toBe('https://ollama.example.com/v1');
  });
  it('openai-compatible:<baseURL>#<model>', () => {
    expect(modelFromSpec('openai-compatible:http://localhost:8000/v1#Qwen2.5-7B-Instruct', { env: {} }).id).toBe(
      'openai-compatible:http://localhost:8000/v1#Qwen2.5-7B-Instruct',
    );
    expect(() => modelFromSpec('openai-compatible:http://localhost:8000/v1', { env: {} })).toThrow(/<baseURL>#<model>/);
    expect(() => modelFromSpec('openai-compatible:localhost#m', { env: {} })).toThrow(/not an http\(s\) URL/);
  });
  it('openai-compatible: sends MEDEVAL_API_KEY, and OPENAI_API_KEY only to api.openai.com', async () => {
    const sent: Array<string | null> = [];
    const fetch = (async (_url: string | URL | Request, init?: RequestInit) => {
      sent.push(new Headers(init?.headers).get('authorization'));
      const body = { id: 'x', object: 'chat.completion', created: 0, model: 'm', choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: 'A' } }] };
      return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    }) as typeof globalThis.fetch;
    const ask = (spec: string, e: Record<string, string>) =>
      modelFromSpec(spec, { env: e, params: { fetch } }).generate({ messages: [{ role: 'user', content: 'q' }] }, {});
    await ask('openai-compatible:http://gpu-box:8000/v1#m', env);
    await ask('openai-compatible:http://gpu-box:8000/v1#m', { ...env, MEDEVAL_API_KEY: 'local-token' });
    await ask('openai-compatible:https://api.openai.com/v1#m', env);
    expect(sent[0]).not.toContain('sk-secret'); // the OpenAI key never goes to another host
    expect(sent[1]).toBe('Bearer local-token');
    expect(sent[2]).toBe('Bearer sk-secret-abcdef123456');
  });
  it('baseline:<name> asks the caller', () => {
    const bm25 = fromFunction(() => 'A', { id: 'baseline:bm25' });
    expect(modelFromSpec('baseline:bm25', { resolveBaseline: (n) => (n === 'bm25' ? bm25 : undefined) })).toBe(bm25);
    expect(() => modelFromSpec('baseline:nope', { resolveBaseline: () => undefined })).toThrow(/unknown baseline "nope"/);
    expect(() => modelFromSpec('baseline:bm25', {})).toThrow(/no baselines/);
  });
  it('rejects unknown forms listing the known ones', () => {
    expect(() => modelFromSpec('gpt4', { env })).toThrow(/missing "<kind>:".*openai:<model>, ollama:<model>/);
    expect(() => modelFromSpec('claude:x', { env })).toThrow(/unknown kind "claude"/);
  });
});

describe('openaiCompatible', () => {
  it('keeps credentials out of the id; adapter params are part of it', () => {
    const m = openaiCompatible({ baseURL: 'http://user:pw@host:8000/v1/?token=abc', model: 'm', apiKey: 'sk-zzzzzzzz', temperature: 0.7 });
    expect(m.id).toBe('openai-compatible:http://host:8000/v1#m{"temperature":0.7}');
    expect(JSON.stringify(m.describe?.())).not.toMatch(/pw|token|sk-z/);
  });
});

describe('openaiCompatible reasoning', () => {
  const serve = (message: Record<string, unknown>, finish = 'stop') =>
    (async () => {
      const body = { id: 'x', object: 'chat.completion', created: 0, model: 'm', choices: [{ index: 0, finish_reason: finish, message: { role: 'assistant', ...message } }] };
      return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    }) as typeof globalThis.fetch;
  const ask = (message: Record<string, unknown>, finish?: string) =>
    openaiCompatible({ baseURL: 'http://127.0.0.1:9/v1', model: 'm', fetch: serve(message, finish) }).generate({ messages: [{ role: 'user', content: 'q' }] }, {});

  it('reads reasoning_content (DeepSeek, vLLM) into reasoning, never into text', async () => {
    expect(await ask({ content: '答案：C', reasoning_content: '先看A，不对，应选C' })).toEqual({
      text: '答案：C',
      reasoning: '先看A，不对，应选C',
      finishReason: 'stop',
    });
  });
  it('reads reasoning (OpenRouter, newer vLLM, Ollama) and joins both fields when they differ', async () => {
    expect((await ask({ content: 'B', reasoning: '想一想' })).reasoning).toBe('想一想');
    expect((await ask({ content: 'B', reasoning: 'x', reasoning_content: 'x' })).reasoning).toBe('x');
    expect((await ask({ content: 'B', reasoning_content: 'one', reasoning: 'two' })).reasoning).toBe('one\n\ntwo');
  });
  it('a reasoning-only answer cut off by max_tokens has empty text, the reasoning and finishReason length', async () => {
    expect(await ask({ content: null, reasoning_content: '选项A……' }, 'length')).toEqual({ text: '', reasoning: '选项A……', finishReason: 'length' });
  });
  it('no reasoning field, or an empty or non-string one, adds nothing', async () => {
    expect(await ask({ content: 'A', reasoning: '', reasoning_content: null })).toEqual({ text: 'A', finishReason: 'stop' });
  });
});

describe('redact', () => {
  it('removes the key and echoed key-like tokens', () => {
    expect(redact('bad key sk-abcdef123 here', 'sk-abcdef123')).toBe('bad key *** here');
    expect(redact('Incorrect API key provided: sk-ab***yz (see docs)', undefined)).toBe('Incorrect API key provided: *** (see docs)');
    expect(publicUrl('https://u:p@h/v1/?k=1#x')).toBe('https://h/v1');
  });
});

describe('fromFunction', () => {
  it('accepts strings or responses, and needs an id', async () => {
    expect(await fromFunction(() => 'x', { id: 'f' }).generate({ messages: [] }, {})).toEqual({ text: 'x' });
    expect(await fromFunction(async () => ({ text: 'y', finishReason: 'stop' }), { id: 'f' }).generate({ messages: [] }, {})).toEqual({ text: 'y', finishReason: 'stop' });
    await expect(fromFunction(() => 3 as never, { id: 'f' }).generate({ messages: [] }, {})).rejects.toThrow(/must return a string/);
    expect(() => fromFunction(() => 'x', {} as never)).toThrow(/id is required/);
  });
});
