export { cacheKey, memoryCache, CACHE_KEY_VERSION } from './cache.js';
export type { Cache } from './cache.js';
export { sha256Hex, canonicalJson, hashValue } from './hash.js';
