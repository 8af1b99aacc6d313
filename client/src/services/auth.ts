import { authApi } from '@bangfu/types';
import type { BindHouseholdInput, WhoAmI } from '@bangfu/types/api/auth';
import { call } from './api';

let current: WhoAmI | null = null;

/** The last known caller, so tab bars render at once when moving between pages. */
export function currentUser(): WhoAmI | null {
  return current;
}

export function forgetUser() {
  current = null;
}

export async function whoami(): Promise<WhoAmI> {
  current = await call(authApi, 'whoami', {});
  return current;
}

export async function bindHousehold(input: BindHouseholdInput): Promise<WhoAmI> {
  current = await call(authApi, 'bindHousehold', input);
  return current;
}

export const listBindings = (householdId: string) => call(authApi, 'listBindings', { householdId });
export const unbind = (userId: string) => call(authApi, 'unbind', { userId });
export const createBindCode = (householdId: string, memberId: string) => call(authApi, 'createBindCode', { householdId, memberId });

export async function bindWithCode(code: string): Promise<WhoAmI> {
  current = await call(authApi, 'bindWithCode', { code });
  return current;
}
