import ExcelJS from 'exceljs';
import { readLoadedSheet, readStreamedSheet, type SheetShape } from '../../cloudfunctions/core/sheet-rows';

type Col = 'idNumber' | 'name' | 'date';
const shape: SheetShape<Col> = {
  spec: {
    names: { idNumber: ['身份证号', '身份证号码'], name: ['姓名'], date: ['日期'] },
    required: ['idNumber', 'name'],
    minimum: 2,
    hint: '请下载模板对照列名',
  },
  columns: ['idNumber', 'name', 'date'],
  maxRows: 3,
  empty: '表格是空的：应有一行列名',
};

/** An .xlsx whose first sheet holds these rows from row 1 (null: a row left blank). */
async function xlsx(rows: (unknown[] | null)[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('表1');
  rows.forEach((r, i) => {
    if (r) sheet.getRow(i + 1).values = r as ExcelJS.CellValue[];
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const readers = [
  ['streamed (the registry)', readStreamedSheet],
  ['loaded (兑现 and 医保 lists)', readLoadedSheet],
] as const;

describe.each(readers)('an uploaded sheet, read %s', (_name, read) => {
  it('skips a title above the header, takes columns in any order under their usual names, and keeps the row numbers Excel shows', async () => {
    const bytes = await xlsx([
      ['2026 年 10 月名单'],
      ['姓名', '备注', '身份证号码'],
      ['张三', '无', '110105194912310021'],
      null,
      ['李四', '', ' 11010519491231002X '],
    ]);
    await expect(read(bytes, shape)).resolves.toEqual([
      { row: 3, cells: { idNumber: '110105194912310021', name: '张三', date: '' } },
      { row: 5, cells: { idNumber: '11010519491231002X', name: '李四', date: '' } },
    ]);
  });

  it('drops rows whose every known cell is blank, even when an unknown column has text', async () => {
    const bytes = await xlsx([
      ['身份证号', '姓名', '备注'],
      ['', '', '空行'],
      ['110105194912310021', '张三', ''],
    ]);
    await expect(read(bytes, shape)).resolves.toEqual([{ row: 3, cells: { idNumber: '110105194912310021', name: '张三', date: '' } }]);
  });

  it('names the missing required column of the header row', async () => {
    const bytes = await xlsx([['标题'], ['姓名', '日期'], ['张三', '2026-10-08']]);
    await expect(read(bytes, shape)).rejects.toThrow('表格第 2 行（列名行）缺少列：身份证号。请下载模板对照列名');
  });

  it('says when no header is found in the first rows', async () => {
    const bytes = await xlsx([['名单'], ['张三', '110105194912310021']]);
    await expect(read(bytes, shape)).rejects.toThrow('前 10 行中没有找到列名行（应有 身份证号、姓名 等列）。请下载模板对照列名');
  });

  it('refuses a sheet with more data rows than allowed, asking to split it', async () => {
    const bytes = await xlsx([['身份证号', '姓名'], ...['甲', '乙', '丙', '丁'].map((n) => ['110105194912310021', n])]);
    await expect(read(bytes, shape)).rejects.toThrow('表格超过 3 行，请分成几个文件导入');
  });

  it('takes as many data rows as allowed', async () => {
    const bytes = await xlsx([['身份证号', '姓名'], ...['甲', '乙', '丙'].map((n) => ['110105194912310021', n])]);
    await expect(read(bytes, shape)).resolves.toHaveLength(3);
  });

  it('says an empty sheet is empty', async () => {
    await expect(read(await xlsx([]), shape)).rejects.toThrow('表格是空的：应有一行列名');
  });

  it('says a file that is not an Excel sheet cannot be read', async () => {
    await expect(read(Buffer.from('姓名,身份证号\n张三,1'), shape)).rejects.toThrow('无法读取该文件，请确认是 Excel（.xlsx）表格');
  });
});

describe('the loaded reader', () => {
  it('reads a date-formatted cell as its day', async () => {
    const bytes = await xlsx([
      ['身份证号', '姓名', '日期'],
      ['110105194912310021', '张三', new Date(Date.UTC(2026, 9, 8))],
    ]);
    const [row] = await readLoadedSheet(bytes, shape);
    expect(row.cells.date).toBe('2026-10-08');
  });
});
