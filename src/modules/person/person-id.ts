import { createHash } from 'node:crypto';

/** Namespace of Flowmap person ids (a random UUID, fixed forever). */
const PERSON_NAMESPACE = Buffer.from('6f1d0c1e5b8a4c2e9d4f3a7b2c1e0d9f', 'hex');

/**
 * The id of the person with this external id: a name-based UUID (RFC 9562 version 5), so that the
 * same external id always maps to the same row, and so to the same shard when persons are
 * distributed by id.
 */
export function personIdOf(externalId: string): string {
  const hash = createHash('sha1').update(PERSON_NAMESPACE).update(externalId, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
