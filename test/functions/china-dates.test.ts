import ExcelJS from 'exceljs';
import { getDb } from '../../cloudfunctions/core/store';
import { fileStore } from '../../cloudfunctions/core/files/storage';
import { freshDemoStore, call, ok } from '../support/store';
import { readAs, uploadAs } from '../support/files';

/**
 * Issue #13 item 4: 18:30 UTC on 1 December is 02:30 on 2 December in China. What the server
 * stamps with a date in those hours carries 2 December, the day the county office is living.
 */
const AT = '2026-12-01T18:30:00.000Z';
let store: ReturnType<typeof freshDemoStore>;
beforeEach(() => {
  store = freshDemoStore({ now: AT });
});
afterEach(() => {
  jest.restoreAllMocks();
  store.close();
});

describe('at 02:30 China time on 2026-12-02 (18:30 UTC the day before)', () => {
  it('an export is named households-2026-12-02.xlsx', async () => {
    const save = jest.spyOn(fileStore(), 'save');
    await ok(call('households', 'exportXlsx', { villageId: 'village-1-1' }, 'demo-village-admin'));
    expect(save).toHaveBeenCalledWith(expect.any(Buffer), 'households-2026-12-02.xlsx');
  });

  it('a status corrected by a re-imported sheet takes effect on 2026-12-02', async () => {
    const { fileId } = await ok(call('households', 'exportXlsx', { villageId: 'village-1-1' }, 'demo-village-admin'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readAs('demo-village-admin', fileId)) as any);
    const sheet = workbook.worksheets[0];
    const statusCol = (sheet.getRow(1).values as unknown[]).indexOf('户类型');
    const row = sheet.getRow(2);
    const code = String(row.getCell(1).value);
    const before = String(row.getCell(statusCol).value);
    row.getCell(statusCol).value = before === '监测户' ? '脱贫户（享受政策）' : '监测户';
    const edited = await uploadAs('demo-village-admin', Buffer.from(await workbook.xlsx.writeBuffer()), 'edited.xlsx');
    const result = await ok(call('households', 'importXlsx', { fileId: edited, confirm: true }, 'demo-village-admin'));
    expect(result.errors).toEqual([]);
    const [household] = (await getDb().collection('households').where({ code }).get()).data;
    expect(household.statusHistory.at(-1)).toMatchObject({ kind: 'correction', effectiveOn: '2026-12-02', at: AT });
  });
});
