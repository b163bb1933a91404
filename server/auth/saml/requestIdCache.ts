import type { CacheProvider } from '@node-saml/passport-saml';
import type { KeyValueStore } from '../../redis/kv.js';
import { samlRequestKey } from '../../redis/keys.js';

/**
 * node-saml's InResponseTo cache on the shared key-value store, so that a response is accepted by any
 * app instance, and only for a request this SP really sent.
 */
export function requestIdCache(kv: KeyValueStore, ttlMs: number): CacheProvider {
  return {
    async saveAsync(key, value) {
      await kv.set(samlRequestKey(key), value, ttlMs);
      return { value, createdAt: Date.now() };
    },
    getAsync: (key) => kv.get(samlRequestKey(key)),
    async removeAsync(key) {
      return key ? kv.take(samlRequestKey(key)) : null;
    },
  };
}
