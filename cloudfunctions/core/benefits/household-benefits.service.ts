import type { HouseholdBenefits } from '../../../types/api/benefits';
import type { Household } from '../../../types/household';
import { RELATION_LABELS } from '../../../types/household';
import type { CallerCtx } from '../handler';
import { dateOf } from '../time';
import { inYear, recordsOfHousehold } from './benefit.repository';
import { householdsWithEmergency } from '../needs/need.repository';
import { householdContact } from '../assignments/contact.service';
import { evaluateFamily, factsFromHousehold } from './evaluate';
import { currentPeriod, emergencySince } from './gaps.service';
import { gapsOf } from './gaps.rules';
import { readableHousehold } from '../access';
import { loadPolicies } from './policy.repository';
import { toGap } from './gap-view';

/**
 * 我的政策 for a stored household: every decision with its reasons on `date` (today by default),
 * all benefit records, and the open gaps of the current period with whom to ask (householdContact).
 */
export async function evaluateHousehold(ctx: CallerCtx, input: { householdId?: string; date?: string }): Promise<HouseholdBenefits> {
  const household: Household = await readableHousehold(ctx.user, input.householdId);
  const date = input.date ?? dateOf(ctx.now);
  const [policies, received, emergencies, contact] = await Promise.all([
    loadPolicies(),
    recordsOfHousehold(household._id),
    householdsWithEmergency([household._id], emergencySince(ctx.now)),
    householdContact(household, ctx.user),
  ]);
  // This period's records among those already read, rather than asking again.
  const thisYear = received.filter((r) => inYear(r.period, currentPeriod(ctx.now)));
  const facts = factsFromHousehold(household, { emergencyInLast90Days: emergencies.has(household._id) });
  const decisions = evaluateFamily(facts, date, policies);
  // Gaps are always about today's entitlements, whatever date the decisions were asked for.
  const today = date === dateOf(ctx.now) ? decisions : evaluateFamily(facts, dateOf(ctx.now), policies);
  // A gap is handed to the primary helper; the village admin is only whom the household calls meanwhile.
  const helper = contact?.kind === 'helper' ? contact : null;
  const gaps = gapsOf(household, today, thisYear).map((g) => toGap(household, g, helper?.id ?? null, helper?.name ?? null));
  return {
    householdId: household._id,
    headName: household.headName,
    date,
    period: currentPeriod(ctx.now),
    members: household.members.map((m) => ({ id: m.id, name: m.name, relation: RELATION_LABELS[m.relation] })),
    decisions,
    received,
    gaps,
    contact: contact && { kind: contact.kind, name: contact.name, phone: contact.phone },
  };
}
