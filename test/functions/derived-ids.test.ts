import { getDb } from '../../cloudfunctions/core/store';
import { idCheckChar } from '../../types';
import { call, freshDemoStore, SEED_NOW, ok } from '../support/store';

/**
 * A household created through the API has a UUID id and UUID member ids (36 characters each), so
 * ids joined from them (兑现 records, bind codes, notice reads) outgrow CloudBase's 64-character
 * `_id` unless they are derived (store/derived-id.ts).
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
const HEAD_ID = idOf('19700101', 61);
const SPOUSE_ID = idOf('19720301', 62);
const member = (name: string, relation: string, idNumber: string) => ({ name, relation, idNumber, health: 'healthy', laborCapacity: 'full' });
const DRAFT = {
  code: 'T-ID-01',
  villageId: 'village-1-1',
  address: '上坪村1组9号',
  status: 'monitored',
  causes: ['illness'],
  identifiedYear: 2024,
  incomes: [{ year: 2025, amount: 12000 }],
  housingGrade: 'B',
  safeWater: true,
  members: [member('长编号户主', 'head', HEAD_ID), member('长编号配偶', 'spouse', SPOUSE_ID)],
};

const stored = async (collection: string, where: object) => (await getDb().collection(collection).where(where).get()).data;

describe('ids built from the ids of a household created through the API', () => {
  let household: any;
  let spouse: any;
  beforeAll(async () => {
    household = await ok(call('households', 'create', DRAFT, 'demo-admin'));
    spouse = household.members.find((m: any) => m.relation === 'spouse');
    expect(household._id).toHaveLength(36);
    expect(spouse.id).toHaveLength(36);
  });

  it('records a member-level disbursement by hand once, and a retry finds the same record', async () => {
    const input = { householdId: household._id, memberId: spouse.id, policy: 'medical_premium', period: '2025', amount: 350, paidOn: '2025-10-01' };
    expect(await ok(call('benefits', 'recordDisbursement', input, 'demo-admin'))).toMatchObject({ created: true });
    const retry = await ok(call('benefits', 'recordDisbursement', input, 'demo-admin'));
    expect(retry).toMatchObject({ created: false, period: '2025' });
    expect(retry._id.length).toBeLessThanOrEqual(64);
    expect(await stored('benefits', { householdId: household._id, period: '2025' })).toHaveLength(1);
  });

  it('keeps one bind code per member, and a bound member can read a notice', async () => {
    const ref = { householdId: household._id, memberId: spouse.id };
    await ok(call('auth', 'createBindCode', ref, 'demo-admin'));
    const { code } = await ok(call('auth', 'createBindCode', ref, 'demo-admin'));
    const codes = await stored('bind_codes', ref);
    expect(codes).toHaveLength(1);
    expect(String(codes[0]._id).length).toBeLessThanOrEqual(64);

    const me = await ok(call('auth', 'bindWithCode', { code }, 'wx-long-id-spouse'));
    const notice = await ok(
      call(
        'notices',
        'publish',
        { title: '医保缴费提醒', body: '请核对今年的医保代缴。', audience: { roles: ['household'], regionIds: ['village-1-1'] }, requireAck: true },
        'demo-admin',
      ),
    );
    await ok(call('notices', 'markRead', { noticeId: notice._id, ack: true }, 'wx-long-id-spouse'));
    await ok(call('notices', 'markRead', { noticeId: notice._id }, 'wx-long-id-spouse'));
    const reads = await stored('notice_reads', { noticeId: notice._id });
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ userId: me.userId, ackAt: expect.any(String) });
    expect(String(reads[0]._id).length).toBeLessThanOrEqual(64);
    expect(await ok(call('notices', 'get', { noticeId: notice._id }, 'wx-long-id-spouse'))).toMatchObject({ read: true, acknowledged: true });
  });
});
