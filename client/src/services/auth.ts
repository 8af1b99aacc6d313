import type { BindHouseholdInput, WhoAmI } from '@bangfu/types/api/auth';
import { api } from './client';

let current: WhoAmI | null = null;

/** The last known caller, so tab bars render at once when moving between pages. */
export function currentUser(): WhoAmI | null {
  return current;
}

export function forgetUser() {
  current = null;
}

/** Who is calling; remembered for `currentUser`. */
export async function whoami(): Promise<WhoAmI> {
  current = await api.auth.whoami();
  return current;
}

/** The caller as last known, asked from the server only when not known yet (a page opened from a link). */
export function knownUser(): Promise<WhoAmI> {
  return current ? Promise.resolve(current) : whoami();
}

export async function bindHousehold(input: BindHouseholdInput): Promise<WhoAmI> {
  current = await api.auth.bindHousehold(input);
  return current;
}

export async function bindWithCode(code: string): Promise<WhoAmI> {
  current = await api.auth.bindWithCode({ code });
  return current;
}
