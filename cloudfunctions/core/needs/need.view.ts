import type { Need, NeedView } from '../../../types/need';
import { maskPhone } from '../../../types/id-number';
import { regionNames } from '../regions/region.repository';
import { userContacts } from '../users/user.repository';
import { headNames } from '../households/household.repository';
import { currentDeadline, escalationOf, isOverdue } from './deadline.rules';
import type { NeedActor } from './workflow.rules';

/** Only the household itself and the helper who must call back see the callback number in full. */
function phoneFor(need: Need, actor: NeedActor): string | undefined {
  if (!need.callbackPhone) return undefined;
  return actor === 'household' || actor === 'assignee' ? need.callbackPhone : maskPhone(need.callbackPhone);
}

/** Stored needs → what callers see: deadline and overdue for `now`, and the names pages show. */
export async function toViews(needs: Need[], now: Date, actorOf: (need: Need) => NeedActor): Promise<NeedView[]> {
  const [assignees, heads, villages] = await Promise.all([
    userContacts(needs.map((n) => n.assigneeId ?? '')),
    headNames(needs.map((n) => n.householdId)),
    regionNames(needs.map((n) => n.villageId)),
  ]);
  return needs.map((need) => {
    const assignee = need.assigneeId ? assignees.get(need.assigneeId) : undefined;
    const actor = actorOf(need);
    return {
      ...need,
      callbackPhone: phoneFor(need, actor),
      deadline: currentDeadline(need),
      overdue: isOverdue(need, now),
      escalation: escalationOf(need, now),
      assigneeName: assignee?.name ?? null,
      assigneePhone: actor === 'household' ? (assignee?.phone ?? null) : null,
      householdHeadName: heads.get(need.householdId) ?? null,
      villageName: villages.get(need.villageId) ?? null,
    };
  });
}

export async function toView(need: Need, now: Date, actor: NeedActor): Promise<NeedView> {
  return (await toViews([need], now, () => actor))[0];
}
