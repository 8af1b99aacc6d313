import { getDb } from '../../../cloudfunctions/core/store';
import { DERIVED_VERSION, checkDerived, derivedVersion, rebuildDerived } from '../../../cloudfunctions/core/maintenance/derived';
import { openGapsByHousehold } from '../../../cloudfunctions/core/benefits/gaps.service';
import { freshDemoStore, SEED_NOW } from '../../support/store';

let store: ReturnType<typeof freshDemoStore>;
beforeAll(() => {
  store = freshDemoStore();
});
afterAll(() => store.close());

const ids = Array.from({ length: 300 }, (_, i) => `hh-${String(i + 1).padStart(6, '0')}`);

async function all(collection: string) {
  const out: Record<string, unknown>[] = [];
  for (let offset = 0; ; offset += 1000) {
    const { data } = await getDb().collection(collection).skip(offset).limit(1000).get();
    out.push(...data);
    if (data.length < 1000) return out.sort((a, b) => String(a._id).localeCompare(String(b._id)));
  }
}

describe('rebuilding derived data for a store written by older code', () => {
  it('records the current version when the demo county is seeded', async () => {
    expect(await derivedVersion()).toBe(DERIVED_VERSION);
  });

  it('brings back the gaps, the visit rollups and the version from the sources alone', async () => {
    const gaps = await openGapsByHousehold(ids, SEED_NOW);
    const visitMonths = await all('visit_months');
    expect(visitMonths.length).toBeGreaterThan(300);
    // What a store from before these existed looks like.
    const db = getDb();
    const _ = db.command;
    await db
      .collection('households')
      .where({ _id: _.exists(true) })
      .update({ paidKeys: _.remove(), ruleFacts: _.remove(), memberCount: _.remove() });
    await db
      .collection('visit_months')
      .where({ _id: _.exists(true) })
      .remove();
    await db.collection('settings').doc('derived').remove();
    expect(await derivedVersion()).toBe(0);
    expect(await openGapsByHousehold(ids, SEED_NOW)).not.toEqual(gaps);

    const rebuilt = await rebuildDerived(SEED_NOW);
    expect(rebuilt.households).toBe(300);
    expect(rebuilt.differences).toMatchObject({ ruleFacts: 300, memberCount: 300, paidKeys: 300, visitMonths: visitMonths.length });
    expect((await checkDerived()).differences).toEqual({ ruleFacts: 0, memberCount: 0, paidKeys: 0, visitMonths: 0, gaps: 0 });
    expect(await openGapsByHousehold(ids, SEED_NOW)).toEqual(gaps);
    // helperIds is a set: its order follows whichever visit was read first.
    const asSets = (rows: Record<string, unknown>[]) => rows.map((r) => ({ ...r, helperIds: [...(r.helperIds as string[])].sort() }));
    expect(asSets(await all('visit_months'))).toEqual(asSets(visitMonths));
    const households = await all('households');
    expect(households.filter((h) => h.memberCount !== (h.members as unknown[]).length)).toEqual([]);
    expect(await derivedVersion()).toBe(DERIVED_VERSION);
  });
});
