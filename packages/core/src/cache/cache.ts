// The response cache: one place that maps (model, request, sample) to the model's answer.
// Only successful responses are stored; an error is never cached, so a re-run asks again.
import type { Model, ModelRequest, ModelResponse } from '../types.js';
import { hashValue } from './hash.js';

/** A response store. Implementations may be sync or async; both methods may return promises. */
export interface Cache {
  get(key: string): ModelResponse | undefined | Promise<ModelResponse | undefined>;
  set(key: string, value: ModelResponse): void | Promise<void>;
  /** Flush and release resources (file caches); optional. */
  close?(): void | Promise<void>;
}

/** Version of the key recipe below; bump it if the recipe changes so old entries stop matching. */
export const CACHE_KEY_VERSION = 1;

/**
 * The cache key: sha256 (hex) of the canonical JSON (keys sorted, undefined dropped) of
 * `{ v: 1, model: model.id, request, sample: sample.id }`. The model id never holds a secret.
 */
export function cacheKey(model: Pick<Model, 'id'> | string, request: ModelRequest, sampleId: string): string {
  const id = typeof model === 'string' ? model : model.id;
  return hashValue({ v: CACHE_KEY_VERSION, model: id, request, sample: sampleId });
}

/**
 * An in-memory cache (a Map); lives as long as the object.
 *
 * @example
 * const cache = memoryCache();
 * await evaluate({ task, model, cache }); // a second evaluate() with the same cache asks the model nothing
 */
export function memoryCache(): Cache & { readonly size: number } {
  const map = new Map<string, ModelResponse>();
  return {
    get: (key) => map.get(key),
    set: (key, value) => {
      map.set(key, value);
    },
    get size() {
      return map.size;
    },
  };
}
