/**
 * Derived data has one writer: whichever path a household, visit or benefit record arrives by —
 * the seed, an action, an import — what is stored beside it equals what a rebuild from the sources
 * would write (checkDerived counts 0 differences of every kind).
 */
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { checkDerived, rebuildDerived } from '../../../cloudfunctions/core/maintenance/derived';
import { getDb } from '../../../cloudfunctions/core/store';
import { visitMonthId } from '../../../cloudfunctions/core/visits/visit-months';
import { idCheckChar } from '../../../types';
import { disbursementSheet, uploadAs } from '../../support/files';
import { call, freshDemoStore, SEED_NOW, ok } from '../../support/store';

let store: ReturnType<typeof freshDemoStore>;
beforeAll(() => {
  store = freshDemoStore({ now: SEED_NOW });
});
afterAll(() => store.close());

const NONE = { ruleFacts: 0, memberCount: 0, paidKeys: 0, visitMonths: 0, gaps: 0 };
const household = async (id: string) => (await getDb().collection('households').doc(id).get()).data[0] as any;
const idOf = (birth: string, seq: number) => {
  const f = `990301${birth}${String(seq).padStart(3, '0')}`;
  return f + idCheckChar(f);
};

const sheet = disbursementSheet;

describe('every path that writes a household, visit or benefit record keeps its derived data as a rebuild would', () => {
  it('the seed: a fresh demo county differs from its rebuild in nothing', async () => {
    expect((await checkDerived()).differences).toEqual(NONE);
  });

  it('visits.record: new months, a second helper in a month, a re-send', async () => {
    const mine = await ok(call('assignments', 'listByHelper', {}, 'demo-helper'));
    for (const { householdId } of mine.items) {
      const v = { id: randomUUID(), householdId, visitedAt: '2026-10-05T10:00:00+08:00', occasion: 'routine', notes: '十月走访' };
      await ok(call('visits', 'record', v, 'demo-helper'));
      await ok(call('visits', 'record', v, 'demo-helper'));
    }
    await ok(
      call('visits', 'record', { id: randomUUID(), householdId: 'hh-000001', visitedAt: '2026-11-19T09:00:00+08:00', occasion: 'routine' }, 'demo-doctor'),
    );
    expect((await checkDerived()).differences).toEqual(NONE);
  });

  it('households.create, update (a member fewer) and adjustStatus', async () => {
    const head = { name: '派生户主', relation: 'head', idNumber: idOf('19700101', 71), phone: '13911113333', health: 'healthy', laborCapacity: 'full' };
    const child = { name: '派生子女', relation: 'child', idNumber: idOf('20120101', 72), health: 'healthy', laborCapacity: 'none', schooling: 'primary' };
    const created = await ok(
      call(
        'households',
        'create',
        {
          code: 'D-001',
          villageId: 'village-1-1',
          address: '上坪村2组',
          status: 'poor',
          causes: ['illness'],
          identifiedYear: 2024,
          incomes: [{ year: 2025, amount: 5000 }],
          housingGrade: 'B',
          safeWater: true,
          members: [head, child],
        },
        'demo-admin',
      ),
    );
    const h = await ok(call('households', 'get', { householdId: created._id }, 'demo-admin'));
    const members = [{ id: h.members[0].id, name: head.name, relation: 'head', health: 'chronic', laborCapacity: 'partial' }];
    const updated = await ok(call('households', 'update', { householdId: created._id, version: h.version, members }, 'demo-admin'));
    await ok(
      call(
        'households',
        'adjustStatus',
        { householdId: created._id, kind: 'exit', to: 'exited_enjoying', reason: '收入稳定', effectiveOn: '2026-11-01', version: updated.version },
        'demo-admin',
      ),
    );
    expect(await household(created._id)).toMatchObject({ memberCount: 1, paidKeys: {} });
    expect((await checkDerived()).differences).toEqual(NONE);
  });

  it('benefits.recordDisbursement, including the same record sent twice', async () => {
    const h = await household('hh-000002');
    const records = [
      { householdId: h._id, policy: 'dibao', period: '2019-05', amount: 300, paidOn: '2019-05-10' },
      { householdId: h._id, policy: 'medical_premium', memberId: h.members[0].id, period: '2019', amount: 280, paidOn: '2019-03-01' },
    ];
    for (const r of [...records, records[0]]) await ok(call('benefits', 'recordDisbursement', r, 'demo-admin'));
    // Each record with what it paid (the 少享 check reads it).
    expect((await household(h._id)).paidKeys['2019'].sort()).toEqual(['2019-05:300:dibao|', `2019:280:medical_premium|${h.members[0].id}`].sort());
    expect((await checkDerived()).differences).toEqual(NONE);
  });

  it('households.importXlsx: new households, then the same sheet again updating them', async () => {
    const fileId = await uploadAs('demo-town-admin', readFileSync(path.resolve(__dirname, '../../fixtures/registry-sample.xlsx')), 'registry-sample.xlsx');
    expect(await ok(call('households', 'importXlsx', { fileId, confirm: true, from: 0, batch: 200 }, 'demo-town-admin'))).toMatchObject({ written: 3 });
    await ok(call('households', 'importXlsx', { fileId, confirm: true, from: 0, batch: 200 }, 'demo-town-admin'));
    expect((await checkDerived()).differences).toEqual(NONE);
  });

  it('benefits.importRecords: a sheet for a seeded and an imported household', async () => {
    const seeded = await household('hh-000003');
    const imported = (await getDb().collection('households').where({ code: 'QH-2026-001' }).get()).data[0] as any;
    const fileId = await sheet([
      ['medical_premium', seeded.members[0].idNumber, '2018', 250, '2018-03-01'],
      ['dibao', imported.members[0].idNumber, '2018-07', 310, '2018-07-15'],
    ]);
    expect(await ok(call('benefits', 'importRecords', { fileId }, 'demo-admin'))).toMatchObject({ created: 2, applied: true });
    expect((await household(imported._id)).paidKeys).toEqual({ 2018: ['2018-07:310:dibao|'] });
    expect((await checkDerived()).differences).toEqual(NONE);
  });
});

describe('rebuildDerived against a store whose derived data went wrong', () => {
  it('counts each wrong document by kind, puts them right, and then finds nothing', async () => {
    const db = getDb();
    const _ = db.command;
    const [a, b, c] = ['hh-000010', 'hh-000011', 'hh-000012'];
    await db.collection('households').doc(a).update({ ruleFacts: '[2]' });
    await db.collection('households').doc(b).update({ memberCount: 99 });
    await db
      .collection('households')
      .doc(c)
      .update({ paidKeys: _.set({ 1999: ['dibao|'] }) });
    const [month] = (await db.collection('visit_months').where({ householdId: a }).limit(1).get()).data;
    await db
      .collection('visit_months')
      .doc(month._id as string)
      .remove();
    // A rollup naming a month nobody visited, and one of a household that does not exist.
    await db.collection('visit_months').add({
      _id: visitMonthId(b, '2001-01'),
      householdId: b,
      month: '2001-01',
      countyId: 'county-1',
      townId: 'town-1',
      villageId: 'village-1-1',
      helperIds: ['x'],
      prevMonthToo: false,
    });
    await db.collection('visit_months').add({
      _id: visitMonthId('hh-gone', '2001-01'),
      householdId: 'hh-gone',
      month: '2001-01',
      countyId: 'county-1',
      townId: 'town-1',
      villageId: 'village-1-1',
      helperIds: ['x'],
      prevMonthToo: false,
    });

    // A kept gap lost, and a household's gaps said to be none.
    const [gap] = (await db.collection('household_gaps').where({ open: true }).limit(1).get()).data;
    await db
      .collection('household_gaps')
      .doc(gap._id as string)
      .remove();
    const withGaps = (
      await db
        .collection('household_gaps')
        .where({ open: true, householdId: _.neq(gap.householdId) })
        .limit(1)
        .get()
    ).data[0];
    await db.collection('household_gaps').where({ householdId: withGaps.householdId }).update({ open: false, closedAt: '2026-01-01T00:00:00.000Z' });

    const wrong = { ruleFacts: 1, memberCount: 1, paidKeys: 1, visitMonths: 3, gaps: 2 };
    expect((await checkDerived()).differences).toEqual(wrong);
    expect((await rebuildDerived(SEED_NOW)).differences).toEqual(wrong);
    // Only the rollup of the household that does not exist is left: it is reported, not guessed at.
    expect((await checkDerived()).differences).toEqual({ ...NONE, visitMonths: 1 });
    expect((await household(c)).paidKeys['1999']).toBeUndefined();
  });
});
