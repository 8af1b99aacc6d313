import type { BindHouseholdInput, WhoAmI } from '@bangfu/types/api/auth';
import { api } from './client';
import { dropKeptAnswers, keepAnswer, readOrKept } from './kept-answers';

let current: WhoAmI | null = null;

/** The last known caller, so tab bars render at once when moving between pages. */
export function currentUser(): WhoAmI | null {
  return current;
}

export function forgetUser() {
  current = null;
  dropKeptAnswers();
}

/**
 * Who is calling; remembered for `currentUser`. Without a network, who called last time on this
 * phone: a helper starting offline still reaches the list and 记录走访 (writes queue as always).
 */
export async function whoami(): Promise<WhoAmI> {
  current = (await readOrKept('whoami', () => api.auth.whoami())).value;
  return current;
}

/** The caller as last known, asked from the server only when not known yet (a page opened from a link). */
export function knownUser(): Promise<WhoAmI> {
  return current ? Promise.resolve(current) : whoami();
}

export async function bindHousehold(input: BindHouseholdInput): Promise<WhoAmI> {
  current = await api.auth.bindHousehold(input);
  keepAnswer('whoami', current);
  return current;
}

export async function bindWithCode(code: string): Promise<WhoAmI> {
  current = await api.auth.bindWithCode({ code });
  keepAnswer('whoami', current);
  return current;
}
