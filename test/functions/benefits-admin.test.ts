import ExcelJS from 'exceljs';
import { call, freshDemoStore, SEED_NOW, ok as data } from '../support/store';
import { uploadAs } from '../support/files';

let store: ReturnType<typeof freshDemoStore>;
beforeAll(() => {
  store = freshDemoStore({ now: SEED_NOW });
});
afterAll(() => store.close());

const FAMILY = {
  status: 'poor',
  annualNetIncome: 9000,
  housingGrade: 'A',
  members: [
    { birthDate: '1970-05-02', laborCapacity: 'partial' },
    { birthDate: '1972-03-01', laborCapacity: 'partial' },
  ],
};
const dibaoOn = async (date: string) =>
  (await data(call('benefits', 'calculate', { date, household: FAMILY }))).decisions.find((d: any) => d.policy === 'dibao');

describe('benefits.updatePolicyParams (dibao standard from a date on)', () => {
  it('2026-12-31 still uses 5,160; from 2027-01-01 a household of 2 with 9,000 yuan gets (6,000 − 4,500) × 2 = 3,000 yuan', async () => {
    const policy = await data(call('benefits', 'updatePolicyParams', { code: 'dibao', from: '2027-01-01', params: { standard: 6000 } }, 'demo-admin'));
    expect(policy.values.map((v: any) => v.from)).toEqual(['2018-01-01', '2020-01-01', '2027-01-01']);
    expect(policy.values[2]).toMatchObject({ setBy: expect.any(String), setAt: expect.any(String) });
    expect(await dibaoOn('2026-12-31')).toMatchObject({ entitled: true, amount: 1320 });
    expect(await dibaoOn('2027-01-01')).toMatchObject({
      entitled: true,
      amount: 3000,
      reasons: [expect.stringContaining('2027年1月1日起执行的低保标准 6,000 元'), expect.any(String)],
    });
  });

  it('asks before replacing a not-yet-effective entry of the same date: refused with the pending value unless replace is sent', async () => {
    const again = await call('benefits', 'updatePolicyParams', { code: 'dibao', from: '2027-01-01', params: { standard: 6100 } }, 'demo-admin');
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('已设置待执行的参数：低保标准 6,000') } });
    expect((await data(call('benefits', 'listPolicies', {}))).items.find((p: any) => p.code === 'dibao')!.values.at(-1)!.params).toEqual({ standard: 6000 });
  });

  it('replaces a not-yet-effective entry of the same date instead of stacking two when the admin confirmed', async () => {
    const policy = await data(
      call('benefits', 'updatePolicyParams', { code: 'dibao', from: '2027-01-01', params: { standard: 6100 }, replace: true }, 'demo-admin'),
    );
    expect(policy.values.filter((v: any) => v.from === '2027-01-01')).toHaveLength(1);
    expect((await data(call('benefits', 'listPolicies', {}))).items.find((p: any) => p.code === 'dibao')!.values.at(-1)!.params).toEqual({ standard: 6100 });
  });

  it.each([
    ['a date already past', { from: '2026-01-01', params: { standard: 6000 } }, 'INVALID_INPUT', '早于今天'],
    ['an unknown parameter', { from: '2027-02-01', params: { standard: 6000, bonus: 1 } }, 'INVALID_INPUT', '没有参数 bonus'],
    ['a missing parameter', { from: '2027-02-01', params: {} }, 'INVALID_INPUT', '缺少'],
    ['a negative standard', { from: '2027-02-01', params: { standard: -1 } }, 'INVALID_INPUT', '不能为负数'],
    ['a dibao standard of 0', { from: '2027-02-01', params: { standard: 0 } }, 'INVALID_INPUT', '低保标准应在 1,000–20,000 元/人·年之间'],
    [
      'a dibao standard of 540,000 (a slipped digit)',
      { from: '2027-02-01', params: { standard: 540000 } },
      'INVALID_INPUT',
      '低保标准应在 1,000–20,000 元/人·年之间，填写的是 540,000',
    ],
  ])('refuses %s', async (_name, change, code, text) => {
    expect(await call('benefits', 'updatePolicyParams', { code: 'dibao', ...change }, 'demo-admin')).toMatchObject({
      ok: false,
      error: { code, message: expect.stringContaining(text) },
    });
  });

  it.each([
    ['a 特困 factor of 13', 'tekun', { elderAge: 60, childAge: 16, factor: 13 }, '供养标准系数应在 1–3 倍之间'],
    ['a 危房 grade D subsidy of 3,000,000', 'housing_repair', { gradeC: 15000, gradeD: 3000000 }, 'D 级危房补助应在 1,000–200,000 元/户之间'],
    [
      'a lowest age above the highest',
      'public_job',
      { minAge: 30, maxAge: 50, monthlyMin: 900, monthlyMax: 500 },
      '岗位补贴下限（900）不能高于岗位补贴上限（500）',
    ],
  ])('refuses %s with the plausible range named', async (_name, code, params, text) => {
    expect(await call('benefits', 'updatePolicyParams', { code, from: '2027-02-01', params }, 'demo-admin')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining(text) },
    });
  });

  it('shows in the 应享未享 sweep at once when the new standard holds from today', async () => {
    const before = await data(call('benefits', 'listGaps', { limit: 1, policy: 'dibao' }, 'demo-admin'));
    await data(call('benefits', 'updatePolicyParams', { code: 'dibao', from: '2026-11-20', params: { standard: 20000 } }, 'demo-admin'));
    const after = await data(call('benefits', 'listGaps', { limit: 1, policy: 'dibao' }, 'demo-admin'));
    expect(after.total).toBeGreaterThan(before.total + 10);
  });

  it('is for county admins only', async () => {
    const input = { code: 'dibao', from: '2027-03-01', params: { standard: 7000 } };
    expect(await call('benefits', 'updatePolicyParams', input, 'demo-town-admin')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('benefits', 'updatePolicyParams', input, 'demo-helper')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('benefits', 'updatePolicyParams', input)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

async function sheet(rows: (string | number | null)[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('兑现清单');
  ws.addRow(['政策', '身份证号', '发放期间', '金额', '发放日期']);
  rows.forEach((r) => ws.addRow(r));
  return uploadAs('demo-admin', Buffer.from(await workbook.xlsx.writeBuffer()), '兑现清单.xlsx');
}

describe('benefits.importRecords (.xlsx 兑现清单)', () => {
  let idNumber: string;
  let memberId: string;
  beforeAll(async () => {
    const gaps = await data(call('benefits', 'listGaps', { limit: 100, policy: 'medical_premium' }, 'demo-admin'));
    const gap = gaps.items.find((g: any) => g.kind === 'unpaid' && g.memberId);
    const {
      data: [h],
    } = await (await import('../../cloudfunctions/core/store')).getDb().collection('households').doc(gap!.householdId).get();
    memberId = gap!.memberId!;
    idNumber = (h as any).members.find((m: any) => m.id === memberId).idNumber;
  });

  it('lists every wrong row and writes nothing when any row is wrong', async () => {
    const fileId = await sheet([
      ['城乡居民医保代缴', idNumber, '2026', 100, '2026-10-01'],
      ['不存在的政策', idNumber, '2026', 100, '2026-10-01'],
      ['medical_premium', '110101199003071234', '2026', 100, '2026-10-01'],
      ['medical_premium', idNumber, '二〇二六', 100, '2026-10-01'],
    ]);
    const result = await data(call('benefits', 'importRecords', { fileId }, 'demo-admin'));
    expect(result).toMatchObject({ total: 4, created: 0, applied: false });
    expect(result.errors.map((e: any) => e.message.split('：')[0])).toEqual(['政策', '身份证号', '发放期间']);
    expect(result.errors.map((e: any) => e.row)).toEqual([3, 4, 5]);
    expect(JSON.stringify(result.errors)).not.toContain(idNumber);
  });

  it('imports a clean sheet once: re-importing it changes nothing', async () => {
    const fileId = await sheet([['城乡居民医保代缴', idNumber, '2026', 100, '2026-10-01']]);
    expect(await data(call('benefits', 'importRecords', { fileId }, 'demo-admin'))).toMatchObject({ created: 1, unchanged: 0, applied: true, errors: [] });
    expect(await data(call('benefits', 'importRecords', { fileId }, 'demo-admin'))).toMatchObject({ created: 0, unchanged: 1, applied: true });
    const gaps = await data(call('benefits', 'listGaps', { limit: 100, policy: 'medical_premium' }, 'demo-admin'));
    expect(gaps.items.some((g: any) => g.memberId === memberId)).toBe(false);
  });

  it('refuses a row contradicting a stored record', async () => {
    const fileId = await sheet([['城乡居民医保代缴', idNumber, '2026', 300, '2026-10-01']]);
    const result = await data(call('benefits', 'importRecords', { fileId }, 'demo-admin'));
    expect(result).toMatchObject({ applied: false, errors: [{ row: 2, message: expect.stringContaining('不一致') }] });
  });

  it('reads a county 兑现 list with a title row above the header and its own column names', async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('兑现');
    ws.addRow(['2026年城乡居民医保代缴发放花名册']);
    ws.addRow(['序号', '补贴项目', '公民身份号码', '发放年度', '发放金额（元）', '发放时间']);
    ws.addRow([1, '城乡居民医保代缴', idNumber, '2026', 100, '2026-10-01']);
    const fileId = await uploadAs('demo-admin', Buffer.from(await workbook.xlsx.writeBuffer()), '花名册.xlsx');
    expect(await data(call('benefits', 'importRecords', { fileId, dryRun: true }, 'demo-admin'))).toMatchObject({ total: 1, errors: [] });
  });

  it('refuses a file that is not a sheet, with a plain message', async () => {
    const fileId = await uploadAs('demo-admin', Buffer.from('not a workbook'), 'x.xlsx');
    expect(await call('benefits', 'importRecords', { fileId }, 'demo-admin')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('.xlsx') },
    });
  });
});

describe('benefits.recordDisbursement (one payment entered by hand)', () => {
  it('is the same record as the same row imported from a sheet: entered, then imported, it is stored once and closes the gap', async () => {
    const gaps = await data(call('benefits', 'listGaps', { limit: 100 }, 'demo-admin'));
    const gap = gaps.items.find((g: any) => g.kind === 'unpaid' && g.memberId && g.amount && g.policy !== 'medical_premium')!;
    const {
      data: [h],
    } = await (await import('../../cloudfunctions/core/store')).getDb().collection('households').doc(gap.householdId).get();
    const idNumber = (h as any).members.find((m: any) => m.id === gap.memberId).idNumber;
    const entry = { householdId: gap.householdId, memberId: gap.memberId, policy: gap.policy, period: '2026', amount: gap.amount, paidOn: '2026-10-08' };
    const entered = await data(call('benefits', 'recordDisbursement', entry, 'demo-admin'));
    expect(entered.created).toBe(true);
    const after = await data(call('benefits', 'listGaps', { limit: 100, policy: gap.policy }, 'demo-admin'));
    expect(after.items.some((g: any) => g.memberId === gap.memberId)).toBe(false);
    const fileId = await sheet([[gap.policy, idNumber, '2026', gap.amount!, '2026-10-08']]);
    expect(await data(call('benefits', 'importRecords', { fileId }, 'demo-admin'))).toMatchObject({ created: 0, unchanged: 1, applied: true });
    const records = await data(call('benefits', 'listRecords', { householdId: gap.householdId, policy: gap.policy }, 'demo-admin'));
    expect(records.items.map((r: any) => r._id)).toEqual([entered._id]);
  });

  it('refuses by hand what a sheet row is refused for: a per-person policy without its member', async () => {
    const gaps = await data(call('benefits', 'listGaps', { limit: 1 }, 'demo-admin'));
    expect(
      await call(
        'benefits',
        'recordDisbursement',
        { householdId: gaps.items[0].householdId, policy: 'elderly_allowance', period: '2026', amount: 1200, paidOn: '2026-10-08' },
        'demo-admin',
      ),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('按人发放') } });
  });
});
