import { columnNamedIn, findHeaderRow, type HeaderFound, type HeaderSpec } from '../../sheet-header';
import { COLUMNS, type ColumnKey } from './sheet';

/**
 * The names county offices give each registry column (防返贫监测 and 建档立卡 sheets differ by
 * county and year), besides the app's own header, which comes first and is what exports write.
 */
export const HEADER_NAMES: Record<ColumnKey, readonly string[]> = {
  code: ['户编号', '户号', '户编码', '家庭编号', '农户编号'],
  town: ['乡镇', '乡(镇)', '乡镇(街道)', '乡镇名称', '所属乡镇', '镇'],
  village: ['行政村', '村', '村(社区)', '行政村名称', '所属村', '村名'],
  address: ['住址', '家庭住址', '详细地址', '地址', '居住地址'],
  status: ['户类型', '户属性', '农户属性', '贫困户属性', '户类别', '监测对象类型'],
  causes: ['致贫原因', '主要致贫原因', '致贫返贫原因', '致贫(返贫)原因', '风险类型'],
  identifiedYear: ['识别年度', '识别年份', '识别时间', '纳入年度', '纳入监测年度'],
  incomeYear: ['收入年度', '收入年份', '收入所属年度'],
  income: ['家庭年纯收入', '家庭纯收入', '家庭年收入', '年纯收入'],
  housingGrade: ['住房安全等级', '住房等级', '房屋安全等级', '危房等级', '住房鉴定等级'],
  housingAssessedOn: ['住房鉴定日期', '鉴定日期', '房屋鉴定日期'],
  safeWater: ['饮水安全', '饮水是否安全', '是否饮水安全', '安全饮水'],
  name: ['姓名', '成员姓名', '家庭成员姓名'],
  relation: ['与户主关系', '与户主的关系', '家庭关系', '关系'],
  idNumber: ['身份证号', '身份证号码', '公民身份号码', '证件号码', '身份证件号码'],
  phone: ['联系电话', '电话', '手机号', '手机号码', '联系方式'],
  health: ['健康状况', '健康状态'],
  chronicApproved: ['慢病已认定', '慢病认定', '是否慢病认定', '慢性病认定'],
  disabilityLevel: ['残疾等级', '残疾级别'],
  schooling: ['在校情况', '在校生状况', '在校生情况', '在校状况'],
  laborCapacity: ['劳动能力', '劳动能力状况'],
  employed: ['务工就业', '是否务工', '务工状况', '就业情况'],
  hasIncome: ['有收入', '是否有收入'],
  hasSupporter: ['有赡养人', '是否有赡养人', '有无赡养人'],
};

/** Columns a sheet may leave out: a missing one reads as blank (no phone, no assessment date, 否, 0, 非在校生). */
export const OPTIONAL_COLUMNS: readonly ColumnKey[] = ['phone', 'housingAssessedOn', 'chronicApproved', 'disabilityLevel', 'schooling'];

export const HEADER_SPEC: HeaderSpec<ColumnKey> = {
  names: HEADER_NAMES,
  required: COLUMNS.map((c) => c.key).filter((k) => !OPTIONAL_COLUMNS.includes(k)),
  minimum: 3,
  hint: '请下载「导入模板」对照列名',
};

/** The registry column a header names, or null. */
export const columnNamed = (text: string): ColumnKey | null => columnNamedIn(HEADER_NAMES, text);

/** The registry sheet's header row (sheet-header.ts: among the first ten rows, the one naming the most columns). */
export const findHeader = (rows: { row: number; cells: string[] }[]): HeaderFound<ColumnKey> => findHeaderRow(HEADER_SPEC, rows);
