import { Visit } from '../../../types/visit';
import { getDb } from '../store';

export async function findVisit(id: string): Promise<Visit | null> {
  const { data } = await getDb().collection('visits').doc(id).get();
  return data.length ? Visit.parse(data[0]) : null;
}

/** Inserts with the client's id as `_id`; answers false when that id already exists (a racing re-send). */
export async function insertVisit(visit: Visit): Promise<boolean> {
  try {
    await getDb().collection('visits').add(visit);
    return true;
  } catch (error) {
    if (await findVisit(visit._id)) return false;
    throw error;
  }
}

/** A helper's visits in the given months (`helperId_month` index). */
export async function visitsOfHelper(helperId: string, months: string[]): Promise<Array<Pick<Visit, 'householdId' | 'visitedAt' | 'occasion' | 'month'>>> {
  const db = getDb();
  const out: Array<Pick<Visit, 'householdId' | 'visitedAt' | 'occasion' | 'month'>> = [];
  for (let offset = 0; ; offset += 1000) {
    const { data } = await db.collection('visits')
      .where({ helperId, month: db.command.in(months) })
      .field({ householdId: true, visitedAt: true, occasion: true, month: true })
      .skip(offset).limit(1000).get();
    out.push(...(data as typeof out));
    if (data.length < 1000) return out;
  }
}
