import type { Need, NeedView } from '../../../types/need';
import { maskPhone } from '../../../types/id-number';
import { getDb } from '../store';
import { regionNames } from '../regions/region.repository';
import { currentDeadline, escalationOf, isOverdue } from './deadline.rules';
import type { NeedActor } from './workflow.rules';

type Fields = Record<string, string | undefined>;

async function fieldsById(collection: 'users' | 'households', ids: string[], fields: string[]): Promise<Map<string, Fields>> {
  const unique = [...new Set(ids.filter(Boolean))];
  const found = new Map<string, Fields>();
  if (!unique.length) return found;
  const db = getDb();
  const projection = Object.fromEntries(fields.map((f) => [f, true]));
  const { data } = await db.collection(collection).where({ _id: db.command.in(unique) }).field(projection).limit(1000).get();
  for (const d of data) found.set(d._id as string, d as Fields);
  return found;
}

/** Only the household itself and the helper who must call back see the callback number in full. */
function phoneFor(need: Need, actor: NeedActor): string | undefined {
  if (!need.callbackPhone) return undefined;
  return actor === 'household' || actor === 'assignee' ? need.callbackPhone : maskPhone(need.callbackPhone);
}

/** Stored needs → what callers see: deadline and overdue for `now`, and the names pages show. */
export async function toViews(needs: Need[], now: Date, actorOf: (need: Need) => NeedActor): Promise<NeedView[]> {
  const [assignees, households, villages] = await Promise.all([
    fieldsById('users', needs.map((n) => n.assigneeId ?? ''), ['name', 'phone']),
    fieldsById('households', needs.map((n) => n.householdId), ['headName']),
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
      assigneePhone: actor === 'household' ? assignee?.phone ?? null : null,
      householdHeadName: households.get(need.householdId)?.headName ?? null,
      villageName: villages.get(need.villageId) ?? null,
    };
  });
}

export async function toView(need: Need, now: Date, actor: NeedActor): Promise<NeedView> {
  return (await toViews([need], now, () => actor))[0];
}
