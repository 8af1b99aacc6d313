import { z } from '../z';
import { Id, listOf, Paging, SearchText } from '../common';
import { HouseholdSummary } from '../household';
import { HouseholdContact, Pairing, PairingRole } from '../pairing';
import { HelperKind } from '../user';
import { defineApi } from './define';
import { HouseholdRatings, RateHelperInput, RatingAverage } from '../satisfaction';

export const PairingItem = Pairing.extend({ householdHeadName: z.string().optional(), villageName: z.string().optional() });
export type PairingItem = z.infer<typeof PairingItem>;

/** A household's helper as its detail page shows it: who, what kind, how to call them. */
export const HouseholdHelper = Pairing.extend({
  helperName: z.string(),
  helperKind: HelperKind.nullable(),
  unit: z.string().nullable(),
  phone: z.string().nullable(),
});
export type HouseholdHelper = z.infer<typeof HouseholdHelper>;

/** 帮扶责任人 with their load (households per pairing role). */
export const HelperLoad = z.object({
  _id: Id,
  name: z.string(),
  helperKind: HelperKind.nullable(),
  unit: z.string().nullable(),
  townId: Id.nullable(),
  primary: z.number().int(),
  health: z.number().int(),
  education: z.number().int(),
  total: z.number().int(),
});
export type HelperLoad = z.infer<typeof HelperLoad>;

export const ListHelpersInput = z.object({
  townId: Id.optional(),
  /** true: only helpers with no household at all (无结对). */
  idle: z.boolean().default(false),
  q: SearchText(20).optional(),
});

export const assignmentsApi = defineApi('assignments', {
  /** Pairs a helper with a household; an active pairing of the same role is ended (kept as history). */
  assign: { input: z.object({ householdId: Id, helperId: Id, role: PairingRole }), output: Pairing, access: ['admin'] },
  /** Ends a health or education pairing; the primary helper can only be replaced, never removed. */
  unassign: { input: z.object({ pairingId: Id }), output: Pairing, access: ['admin'] },
  listByHelper: { input: z.object({ helperId: Id.optional() }), output: z.object({ items: z.array(PairingItem) }), access: ['admin', 'helper'] },
  /** Moves the chosen pairings (one or many) to another helper, keeping their role. */
  reassign: {
    input: z.object({ pairingIds: z.array(Id).min(1, { error: '请至少选择一户' }).max(200, { error: '一次最多调整 200 户' }), toHelperId: Id }),
    output: z.object({ moved: z.number().int() }),
    access: ['admin'],
  },
  reassignAll: { input: z.object({ fromHelperId: Id, toHelperId: Id }), output: z.object({ moved: z.number().int() }), access: ['admin'] },
  listByHousehold: {
    input: z.object({ householdId: Id, history: z.boolean().default(false) }),
    output: z.object({ items: z.array(HouseholdHelper), contact: HouseholdContact.nullable() }),
    access: ['admin', 'helper', 'household'],
  },
  /** 满意度: a bound member rates one of the household's helpers 1–5, once a quarter. */
  rateHelper: { input: RateHelperInput, output: HouseholdRatings, access: ['household'] },
  /** This quarter's ratings of the household's helpers, null where not rated yet. */
  householdRatings: { input: z.object({}), output: HouseholdRatings, access: ['household'] },
  /** A helper's own mean rating and its count, never who rated what. */
  myRating: { input: z.object({}), output: RatingAverage, access: ['helper'] },
  listHelpers: { input: ListHelpersInput, output: z.object({ items: z.array(HelperLoad) }), access: ['admin'] },
  /** Households in scope with no active primary helper. */
  listUnpaired: { input: Paging, output: listOf(HouseholdSummary), access: ['admin'] },
});
