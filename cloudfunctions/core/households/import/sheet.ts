import {
  HEALTH_LABELS,
  HOUSEHOLD_STATUS_LABELS,
  LABOR_CAPACITY_LABELS,
  POVERTY_CAUSE_LABELS,
  RELATION_LABELS,
  SCHOOLING_LABELS,
  type Household,
  type Member,
} from '../../../../types/household';

/**
 * The registry sheet as a county office keeps it: one row per member, the household's columns
 * repeated (or filled on the head's row only). Import and export share this one layout.
 */
export const COLUMNS = [
  { key: 'code', header: '户编号', width: 16 },
  { key: 'town', header: '乡镇', width: 10 },
  { key: 'village', header: '行政村', width: 10 },
  { key: 'address', header: '住址', width: 22 },
  { key: 'status', header: '户类型', width: 16 },
  { key: 'causes', header: '致贫原因', width: 14 },
  { key: 'identifiedYear', header: '识别年度', width: 9, numeric: true },
  { key: 'incomeYear', header: '收入年度', width: 9, numeric: true },
  { key: 'income', header: '家庭年纯收入', width: 12, numeric: true },
  { key: 'housingGrade', header: '住房安全等级', width: 12 },
  { key: 'housingAssessedOn', header: '住房鉴定日期', width: 12 },
  { key: 'safeWater', header: '饮水安全', width: 9 },
  { key: 'name', header: '姓名', width: 10 },
  { key: 'relation', header: '与户主关系', width: 10 },
  { key: 'idNumber', header: '身份证号', width: 22 },
  { key: 'phone', header: '联系电话', width: 14 },
  { key: 'health', header: '健康状况', width: 9 },
  { key: 'chronicApproved', header: '慢病已认定', width: 10 },
  { key: 'disabilityLevel', header: '残疾等级', width: 9, numeric: true },
  { key: 'schooling', header: '在校情况', width: 10 },
  { key: 'laborCapacity', header: '劳动能力', width: 10 },
  { key: 'employed', header: '务工就业', width: 9 },
  { key: 'hasIncome', header: '有收入', width: 8 },
  { key: 'hasSupporter', header: '有赡养人', width: 9 },
] as const;

export type ColumnKey = (typeof COLUMNS)[number]['key'];
export type SheetRow = Record<ColumnKey, string>;
export const HEADER_OF = Object.fromEntries(COLUMNS.map((c) => [c.key, c.header])) as Record<ColumnKey, string>;

export const LABELS = {
  status: HOUSEHOLD_STATUS_LABELS,
  causes: POVERTY_CAUSE_LABELS,
  relation: RELATION_LABELS,
  health: HEALTH_LABELS,
  schooling: SCHOOLING_LABELS,
  laborCapacity: LABOR_CAPACITY_LABELS,
};

const yesNo = (b: boolean) => (b ? '是' : '否');

/** Rows of one household, in the sheet's layout (full ID numbers: the export is the import's input). */
export function householdRows(h: Household, town: string, village: string): SheetRow[] {
  const last = h.incomes.at(-1);
  return h.members.map((m: Member) => ({
    code: h.code,
    town,
    village,
    address: h.address,
    status: LABELS.status[h.status],
    causes: h.causes.map((c) => LABELS.causes[c]).join('、'),
    identifiedYear: String(h.identifiedYear),
    incomeYear: last ? String(last.year) : '',
    income: String(h.annualNetIncome),
    housingGrade: h.housingGrade,
    housingAssessedOn: h.housingAssessedOn ?? '',
    safeWater: yesNo(h.safeWater),
    name: m.name,
    relation: LABELS.relation[m.relation],
    idNumber: m.idNumber,
    phone: m.phone ?? '',
    health: LABELS.health[m.health],
    chronicApproved: yesNo(m.chronicApproved),
    disabilityLevel: String(m.disabilityLevel),
    schooling: LABELS.schooling[m.schooling],
    laborCapacity: LABELS.laborCapacity[m.laborCapacity],
    employed: yesNo(m.employed),
    hasIncome: yesNo(m.hasIncome),
    hasSupporter: yesNo(m.hasSupporter),
  }));
}
