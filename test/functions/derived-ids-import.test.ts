import { getDb } from '../../cloudfunctions/core/store';
import { idCheckChar } from '../../types';
import { call, freshDemoStore, SEED_NOW, ok } from '../support/store';
import { disbursementSheet } from '../support/files';

/**
 * 导入兑现清单 for a household created through the API (UUID household and member ids): a
 * member-level row's record id would be 80+ characters joined, past CloudBase's 64-character
 * `_id`, and the confirm failed with INTERNAL on every retry (store/derived-id.ts).
 */
let store: ReturnType<typeof freshDemoStore>;
beforeAll(() => {
  store = freshDemoStore({ now: SEED_NOW });
});
afterAll(() => store.close());

const idOf = (birth: string, seq: number) => {
  const f = `990301${birth}${String(seq).padStart(3, '0')}`;
  return f + idCheckChar(f);
};
const SPOUSE_ID = idOf('19720301', 72);
const member = (name: string, relation: string, idNumber: string) => ({ name, relation, idNumber, health: 'healthy', laborCapacity: 'full' });
const DRAFT = {
  code: 'T-ID-02',
  villageId: 'village-1-1',
  address: '上坪村1组10号',
  status: 'monitored',
  causes: ['illness'],
  identifiedYear: 2024,
  incomes: [{ year: 2025, amount: 12000 }],
  housingGrade: 'B',
  safeWater: true,
  members: [member('导入户主', 'head', idOf('19700101', 71)), member('导入配偶', 'spouse', SPOUSE_ID)],
};

const sheet = disbursementSheet;
const stored = async (collection: string, where: object) => (await getDb().collection(collection).where(where).get()).data;

describe('benefits.importRecords for a household created through the API', () => {
  let household: any;
  let spouse: any;
  beforeAll(async () => {
    household = await ok(call('households', 'create', DRAFT, 'demo-admin'));
    spouse = household.members.find((m: any) => m.relation === 'spouse');
  });

  it('imports a member-level 城乡居民医保代缴 row once, and re-importing it changes nothing', async () => {
    const fileId = await sheet([['城乡居民医保代缴', SPOUSE_ID, '2026', 380, '2026-10-01']]);
    expect(await ok(call('benefits', 'importRecords', { fileId }, 'demo-admin'))).toMatchObject({ created: 1, unchanged: 0, applied: true, errors: [] });
    expect(await ok(call('benefits', 'importRecords', { fileId }, 'demo-admin'))).toMatchObject({ created: 0, unchanged: 1, applied: true, errors: [] });
    const records = await stored('benefits', { householdId: household._id });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ policy: 'medical_premium', memberId: spouse.id, period: '2026', amount: 380 });
    expect(String(records[0]._id).length).toBeLessThanOrEqual(64);
  });
});
