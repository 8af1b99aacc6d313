import { z } from '../../../types/z';
import { getDb } from '../store';

/**
 * The only code that reads `web_identities`: one document per admin who ever signed in on the web,
 * keyed by the random web key their CloudBase custom user id carries, with the session generation
 * that signing out everywhere moves on.
 */
const identities = () => getDb().collection('web_identities');

export const WebIdentity = z.object({ _id: z.string(), userId: z.string(), generation: z.number().int(), updatedAt: z.string() });
export type WebIdentity = z.infer<typeof WebIdentity>;

export async function findWebIdentity(key: string): Promise<WebIdentity | null> {
  const { data } = await identities().doc(key).get();
  return data.length ? WebIdentity.parse(data[0]) : null;
}

export async function webIdentityOfUser(userId: string): Promise<WebIdentity | null> {
  const { data } = await identities().where({ userId }).limit(1).get();
  return data.length ? WebIdentity.parse(data[0]) : null;
}

export async function insertWebIdentity(identity: WebIdentity): Promise<void> {
  await identities().add(identity);
}

/** Ends every session of the generation it was read at; false when another sign-out got there first. */
export async function nextGeneration(identity: WebIdentity, now: Date): Promise<boolean> {
  const { updated } = await identities()
    .where({ _id: identity._id, generation: identity.generation })
    .update({ generation: identity.generation + 1, updatedAt: now.toISOString() });
  return updated === 1;
}
