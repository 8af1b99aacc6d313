import { z } from '../../../types/z';
import { WebLoginStatus } from '../../../types/api/auth';
import { getDb } from '../store';

/**
 * The only code that reads `web_logins`: one document per desktop sign-in request. Every change is
 * version-checked, so two phones confirming, or a confirm racing the desktop's claim, cannot both win.
 */
const logins = () => getDb().collection('web_logins');

export const WebLogin = z.object({
  _id: z.string(),
  secretHash: z.string(),
  status: WebLoginStatus,
  userAgent: z.string(),
  place: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  version: z.number().int(),
  /** The admin who confirmed (or declined), once someone did. */
  userId: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type WebLogin = z.infer<typeof WebLogin>;

export async function insertWebLogin(login: WebLogin): Promise<void> {
  await logins().add(login);
}

export async function findWebLogin(id: string): Promise<WebLogin | null> {
  const { data } = await logins().doc(id).get();
  return data.length ? WebLogin.parse(data[0]) : null;
}

/** Moves the request on unless someone else did first (its version changed); the new state, or null. */
export async function updateWebLogin(login: WebLogin, change: Partial<Omit<WebLogin, '_id' | 'version'>>): Promise<WebLogin | null> {
  const next = { ...change, version: login.version + 1 };
  const { updated } = await logins().where({ _id: login._id, version: login.version }).update(next);
  return updated === 1 ? { ...login, ...next } : null;
}

/** Requests past their time are of no use to anyone: dropped as new ones are made. */
export async function removeExpiredWebLogins(before: Date): Promise<void> {
  const _ = getDb().command;
  await logins()
    .where({ expiresAt: _.lt(before.toISOString()) })
    .remove();
}
