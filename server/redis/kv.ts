import type { RedisClient } from './client.js';

/** The small key-value surface that SAML caches, replay guards and session indexes need. */
export interface KeyValueStore {
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** Atomic: true only for the one caller that created the key. */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  get(key: string): Promise<string | null>;
  /** Atomic get-and-delete: of two concurrent takers only one sees the value. */
  take(key: string): Promise<string | null>;
  delete(key: string): Promise<void>;
  addToSet(key: string, member: string, ttlMs: number): Promise<void>;
  removeFromSet(key: string, member: string): Promise<void>;
  setMembers(key: string): Promise<string[]>;
}

export function redisKeyValueStore(client: RedisClient): KeyValueStore {
  return {
    async set(key, value, ttlMs) {
      await client.set(key, value, { expiration: { type: 'PX', value: Math.max(1, Math.ceil(ttlMs)) } });
    },
    async setIfAbsent(key, value, ttlMs) {
      const reply = await client.set(key, value, { condition: 'NX', expiration: { type: 'PX', value: Math.max(1, Math.ceil(ttlMs)) } });
      return reply === 'OK';
    },
    get: (key) => client.get(key),
    take: (key) => client.getDel(key),
    async delete(key) {
      await client.del(key);
    },
    async addToSet(key, member, ttlMs) {
      await client.multi().sAdd(key, member).pExpire(key, Math.max(1, Math.ceil(ttlMs))).exec();
    },
    async removeFromSet(key, member) {
      await client.sRem(key, member);
    },
    setMembers: (key) => client.sMembers(key),
  };
}

/** Single-process stand-in used when REDIS_URL is absent (development and demo only). */
export function memoryKeyValueStore(now: () => number = Date.now): KeyValueStore {
  const values = new Map<string, { value: string; expiresAt: number }>();
  const sets = new Map<string, { members: Set<string>; expiresAt: number }>();
  const live = <T extends { expiresAt: number }>(map: Map<string, T>, key: string): T | undefined => {
    const entry = map.get(key);
    if (entry && entry.expiresAt <= now()) map.delete(key);
    return entry && entry.expiresAt > now() ? entry : undefined;
  };
  return {
    async set(key, value, ttlMs) {
      values.set(key, { value, expiresAt: now() + ttlMs });
    },
    async setIfAbsent(key, value, ttlMs) {
      if (live(values, key)) return false;
      values.set(key, { value, expiresAt: now() + ttlMs });
      return true;
    },
    async get(key) {
      return live(values, key)?.value ?? null;
    },
    async take(key) {
      const entry = live(values, key);
      values.delete(key);
      return entry?.value ?? null;
    },
    async delete(key) {
      values.delete(key);
    },
    async addToSet(key, member, ttlMs) {
      const entry = live(sets, key) ?? { members: new Set<string>(), expiresAt: 0 };
      entry.members.add(member);
      entry.expiresAt = now() + ttlMs;
      sets.set(key, entry);
    },
    async removeFromSet(key, member) {
      live(sets, key)?.members.delete(member);
    },
    async setMembers(key) {
      return [...(live(sets, key)?.members ?? [])];
    },
  };
}
