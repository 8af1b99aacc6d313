/**
 * The one access module: may this caller see or act on this household, this region, this helper's
 * pairings. Every area asks here; CloudBase security rules do not protect cloud functions, so a
 * rule written twice is a permission bug waiting (DESIGN §3).
 */
export * from './scope';
export * from './household.access';
