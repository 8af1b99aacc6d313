import type { Household } from '../../../types/household';
import type { HouseholdContact } from '../../../types/pairing';
import type { User } from '../../../types/user';
import { adminsOfRegion, findUser } from '../users/user.repository';
import { primaryHelperOf } from './pairing.repository';

/** A contact as the domain knows it: the account id goes with it for those that hand work to it. */
export type Contact = HouseholdContact & { id: string };

/**
 * Whom a household turns to (联系帮扶人), the one rule every page that says so reads: its active
 * primary helper (主帮扶人); where it has none (or that account is deactivated), the 村干部 (admin of
 * its village), as warnings are handed (SPEC §3b); null only when the village has no admin either.
 * The phone goes to the household itself, which calls them; helpers and admins have their own
 * channels and get the name only.
 */
export async function householdContact(household: Pick<Household, '_id' | 'villageId'>, viewer: User): Promise<Contact | null> {
  const phoneFor = (u: User) => (viewer.role === 'household' ? (u.phone ?? null) : null);
  const helperId = await primaryHelperOf(household._id);
  const helper = helperId ? await findUser(helperId) : null;
  if (helper?.active) return { kind: 'helper', id: helper._id, name: helper.name, phone: phoneFor(helper) };
  const admins = (await adminsOfRegion(household.villageId)).sort((a, b) => Number(!!b.phone) - Number(!!a.phone));
  const admin = admins[0];
  return admin ? { kind: 'village_admin', id: admin._id, name: admin.name, phone: phoneFor(admin) } : null;
}
