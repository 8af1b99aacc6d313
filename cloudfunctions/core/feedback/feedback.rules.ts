import type { Feedback } from '../../../types/feedback';
import type { Scope } from '../../../types/region';
import type { User } from '../../../types/user';

/**
 * Which county office an item goes to: a household member's county is their household's; a
 * helper's is the first region of their path (the county they work in). Null when the account has
 * no region yet, so nothing is sent to an office that cannot read it.
 */
export function countyOfAuthor(author: Pick<User, 'role' | 'regionPath'>, householdCounty: string | null): string | null {
  if (author.role === 'household') return householdCounty;
  return author.regionPath[0] ?? null;
}

/**
 * 意见建议 go to the county office: only an admin of that county at county level reads and answers
 * them. Town and village admins do not, since a complaint may be about them (the reason such a
 * channel exists); to them, as to anyone else, an item is as if it did not exist.
 */
export function readableByAdmin(scope: Scope, item: Pick<Feedback, 'countyId'>): boolean {
  return scope.level === 'county' && scope.regionId === item.countyId;
}

/** The writer sees only what they wrote themselves. */
export const writtenBy = (user: Pick<User, '_id'>, item: Pick<Feedback, 'authorId'>): boolean => user._id === item.authorId;
