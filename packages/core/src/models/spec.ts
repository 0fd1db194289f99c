// Model spec strings, as the CLI takes them: openai:<model>, ollama:<model>,
// openai-compatible:<baseURL>#<model>, baseline:<name>.
import type { Model } from '../types.js';
import { openaiCompatible, type OpenAICompatibleOptions } from './openai-compatible.js';
import { permissionAwareEnv } from './permissions.js';

export interface ModelSpecOptions {
  /** Environment to read keys and hosts from; defaults to process.env where it exists. */
  env?: Record<string, string | undefined>;
  /** Offline baselines come from dataset packages: core knows none. Return undefined if unknown. */
  resolveBaseline?: (name: string) => Model | undefined;
  /** Extra adapter options (temperature, headers, fetch...). */
  params?: Partial<Omit<OpenAICompatibleOptions, 'baseURL' | 'model'>>;
}

export const MODEL_SPEC_FORMS = [
  'openai:<model>',
  'ollama:<model>',
  'openai-compatible:<baseURL>#<model>',
  'baseline:<name>',
] as const;

/**
 * The key for an OpenAI-compatible server: MEDEVAL_API_KEY, meant for whatever server the spec names.
 * OPENAI_API_KEY goes only to OpenAI's own host, so an exported OpenAI key never reaches a third-party or
 * plain-http server by accident.
 */
export function compatibleServerKey(baseURL: string, env: Record<string, string | undefined>): string | undefined {
  if (env.MEDEVAL_API_KEY) return env.MEDEVAL_API_KEY;
  let host = '';
  try {
    host = new URL(baseURL).hostname;
  } catch {
    return undefined;
  }
  return host === 'api.openai.com' ? env.OPENAI_API_KEY : undefined;
}

/**
 * A model from a spec string, as the CLI takes them: `openai:<model>`, `ollama:<model>`,
 * `openai-compatible:<baseURL>#<model>`, `baseline:<name>` (baselines come from `options.baseline`).
 *
 * @example
 * const model = modelFromSpec('openai-compatible:http://127.0.0.1:8000/v1#qwen2.5-7b');
 * const gpt = modelFromSpec('openai:gpt-4o-mini'); // key from OPENAI_API_KEY
 */
export function modelFromSpec(spec: string, options: ModelSpecOptions = {}): Model {
  const env = options.env ?? defaultEnv();
  const colon = spec.indexOf(':');
  const kind = colon === -1 ? '' : spec.slice(0, colon);
  const rest = colon === -1 ? '' : spec.slice(colon + 1).trim();
  const bad = (why: string) => new Error(`model spec "${spec}": ${why}; expected one of ${MODEL_SPEC_FORMS.join(', ')}`);

  switch (kind) {
    case 'openai': {
      if (!rest) throw bad('missing model name');
      const baseURL = env.OPENAI_BASE_URL || 'https://api.openai.com/v1';
      const apiKey = options.params?.apiKey ?? env.OPENAI_API_KEY;
      if (!apiKey && !env.OPENAI_BASE_URL) {
        throw new Error(`model spec "${spec}": OPENAI_API_KEY is not set (export it, or set OPENAI_BASE_URL for a local server)`);
      }
      return openaiCompatible({ ...options.params, baseURL, model: rest, ...(apiKey ? { apiKey } : {}) });
    }
    case 'ollama': {
      if (!rest) throw bad('missing model name');
      return openaiCompatible({ ...options.params, baseURL: ollamaBaseUrl(env.OLLAMA_HOST), model: rest });
    }
    case 'openai-compatible': {
      const hash = rest.lastIndexOf('#');
      if (hash <= 0 || hash === rest.length - 1) throw bad('write the server URL and model as <baseURL>#<model>');
      const baseURL = rest.slice(0, hash);
      if (!/^https?:\/\//i.test(baseURL)) throw bad(`"${baseURL}" is not an http(s) URL`);
      const apiKey = options.params?.apiKey ?? compatibleServerKey(baseURL, env);
      return openaiCompatible({ ...options.params, baseURL, model: rest.slice(hash + 1), ...(apiKey ? { apiKey } : {}) });
    }
    case 'baseline': {
      if (!rest) throw bad('missing baseline name');
      if (!options.resolveBaseline) throw new Error(`model spec "${spec}": no baselines are available here`);
      const model = options.resolveBaseline(rest);
      if (!model) throw new Error(`model spec "${spec}": unknown baseline "${rest}"`);
      return model;
    }
    default:
      throw bad(kind ? `unknown kind "${kind}"` : 'missing "<kind>:"');
  }
}

/** OLLAMA_HOST may be "host:port", "http://host:port" or empty. */
export function ollamaBaseUrl(host: string | undefined): string {
  if (!host || !host.trim()) return 'http://127.0.0.1:11434/v1';
  let url = host.trim().replace(/\/+$/, '');
  if (!/^https?:\/\//i.test(url)) url = `http://${url}`;
  if (/^https?:\/\/[^/]+$/i.test(url) && !/:\d+$/.test(url)) url += ':11434';
  return url.endsWith('/v1') ? url : `${url}/v1`;
}

function defaultEnv(): Record<string, string | undefined> {
  const proc = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
  return proc?.env ? permissionAwareEnv(proc.env) : {};
}
