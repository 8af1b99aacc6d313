import { createHash } from 'node:crypto';

/** CloudBase refuses a document `_id` longer than this (and so does the `Id` schema). */
export const MAX_ID_LENGTH = 64;
/** base64url of a sha256 is 43 characters: a kind of up to 20 and a "-" still fit in 64. */
const MAX_KIND_LENGTH = MAX_ID_LENGTH - 44;

/**
 * The `_id` of a document that is named by other ids (one member's 兑现 for a period, a household's
 * plan for a year, one user's read of a notice). Deterministic, so writing the same thing twice
 * finds the same document: that is what makes those writes idempotent.
 *
 * The readable join is kept whenever it fits in 64 characters, so every id stored so far (the
 * demo seed's `hh-000001-primary`, records of seeded households) stays what it was. Ids that
 * arrive as UUIDs make joins of 74–110 characters, which CloudBase refuses: those become
 * `<kind>-<sha256 of kind and parts>`, hashed as JSON so `["a-b","c"]` and `["a","b-c"]` differ.
 */
export function derivedId(kind: string, parts: ReadonlyArray<string | number>, separator = '-'): string {
  if (!kind || kind.length > MAX_KIND_LENGTH) throw new Error(`derivedId: kind must be 1–${MAX_KIND_LENGTH} characters`);
  const joined = parts.join(separator);
  if (joined.length <= MAX_ID_LENGTH) return joined;
  return `${kind}-${createHash('sha256')
    .update(JSON.stringify([kind, ...parts]))
    .digest('base64url')}`;
}
