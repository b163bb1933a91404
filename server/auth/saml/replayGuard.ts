import { createHash } from 'node:crypto';
import type { KeyValueStore } from '../../redis/kv.js';
import { samlAssertionKey } from '../../redis/keys.js';

/** Keeps the id a little past the assertion's last valid instant, so expiry and replay never overlap. */
const MARGIN_MS = 5_000;

/**
 * Records an assertion id as used. Of any number of concurrent or later posts of the same assertion,
 * exactly one gets true: SET NX is atomic in Redis (and in the in-process stand-in).
 */
export async function claimAssertionId(
  kv: Pick<KeyValueStore, 'setIfAbsent'>,
  issuer: string,
  assertionId: string,
  acceptedUntilMs: number,
  nowMs = Date.now(),
): Promise<boolean> {
  // Hashed so an IdP's long or odd ids never shape the key; the issuer keeps two IdPs' ids apart.
  const digest = createHash('sha256').update(`${issuer}\n${assertionId}`).digest('hex');
  const ttlMs = Math.max(acceptedUntilMs - nowMs, 0) + MARGIN_MS;
  return kv.setIfAbsent(samlAssertionKey(digest), String(nowMs), ttlMs);
}
