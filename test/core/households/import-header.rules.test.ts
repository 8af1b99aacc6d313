import { columnNamed, findHeader } from '../../../cloudfunctions/core/households/import/header.rules';
import { MemberRow, rowProblem } from '../../../cloudfunctions/core/households/import/row.schema';
import { COLUMNS } from '../../../cloudfunctions/core/households/import/sheet';

const APP_HEADER = COLUMNS.map((c) => c.header);
/** A county's usual names for the same columns, in its own order, some optional columns left out. */
const COUNTY_HEADER = [
  '序号',
  '户号',
  '乡（镇）',
  '村（社区）',
  '家庭住址',
  '户属性',
  '主要致贫原因',
  '识别年份',
  '收入年度',
  '家庭年纯收入（元）',
  '住房安全等级',
  '是否饮水安全',
  '姓名',
  '与户主的关系',
  '身份证号码',
  '健康状况',
  '劳动能力',
  '是否务工',
  '是否有收入',
  '是否有赡养人',
];

describe('registry column names', () => {
  it.each([
    ['身份证号码 maps to the ID number column', '身份证号码', 'idNumber'],
    ['公民身份号码 maps to the ID number column', '公民身份号码', 'idNumber'],
    ['与户主的关系 maps to the relation column', '与户主的关系', 'relation'],
    ['户号 maps to the household code column', '户号', 'code'],
    ['乡（镇） with full-width brackets maps to the town column', '乡（镇）', 'town'],
    ['家庭年纯收入（元） maps to income, its unit ignored', '家庭年纯收入（元）', 'income'],
    ['a required mark and a line break in a header are ignored', '*姓 名\n', 'name'],
    ["the app's own header still maps", '慢病已认定', 'chronicApproved'],
    ["户主姓名 is not the member's name: it maps to nothing", '户主姓名', null],
    ['序号 maps to nothing', '序号', null],
  ] as const)('%s', (_s, header, key) => {
    expect(columnNamed(header)).toBe(key);
  });
});

describe('the header row', () => {
  it('a sheet whose first row is the header is read from row 2', () => {
    expect(findHeader([{ row: 1, cells: APP_HEADER }])).toMatchObject({ ok: true, row: 1 });
  });

  it('a sheet with a title row and a date line above the header is read from below the header', () => {
    const found = findHeader([
      { row: 1, cells: ['', '青禾县2026年防返贫监测对象信息表'] },
      { row: 2, cells: ['', '填报单位：青禾镇', '', '', '填报日期：2026年11月'] },
      { row: 3, cells: ['', ...COUNTY_HEADER] },
      { row: 4, cells: ['', '1', 'QH-1', '青禾镇', '上坪村'] },
    ]);
    expect(found).toMatchObject({ ok: true, row: 3 });
    if (found.ok) expect(found.columns.get('idNumber')).toBe(COUNTY_HEADER.indexOf('身份证号码') + 1);
  });

  it('a county header may leave out the phone, assessment date, chronic approval, disability level and schooling columns', () => {
    expect(findHeader([{ row: 1, cells: COUNTY_HEADER }])).toMatchObject({ ok: true });
  });

  it('a header missing a required column names the column and the row it found', () => {
    const found = findHeader([
      { row: 1, cells: ['标题'] },
      { row: 2, cells: COUNTY_HEADER.filter((h) => h !== '身份证号码') },
    ]);
    expect(found).toEqual({ ok: false, message: expect.stringMatching(/第 2 行.*缺少列：身份证号.*导入模板/) });
  });

  it('a sheet with no header row in its first ten rows is refused with a pointer to the template', () => {
    expect(findHeader([{ row: 1, cells: ['张三', '李四'] }])).toEqual({ ok: false, message: expect.stringContaining('导入模板') });
  });
});

describe("a row's problems", () => {
  it('a member row with three problems reports all three, each naming its column', () => {
    const parsed = MemberRow.safeParse({
      code: 'QH-1',
      name: '',
      relation: '表亲',
      idNumber: '123',
      phone: '',
      health: '健康',
      chronicApproved: '否',
      disabilityLevel: '0',
      schooling: '',
      laborCapacity: '有劳动力',
      employed: '是',
      hasIncome: '是',
      hasSupporter: '否',
    });
    expect(parsed.success).toBe(false);
    const message = rowProblem(parsed.error!);
    expect(message).toContain('「姓名」');
    expect(message).toContain('「与户主关系」');
    expect(message).toContain('身份证号');
    expect(message.split('；')).toHaveLength(3);
  });
});
