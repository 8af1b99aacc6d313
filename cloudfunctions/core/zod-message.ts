import type { z } from '../../types/z';

/** Chinese names of the fields people see in messages; unknown keys fall back to the key itself. */
const FIELD_LABELS: Record<string, string> = {
  action: '操作',
  payload: '参数',
  name: '姓名',
  idSuffix: '身份证号后 6 位',
  idNumber: '身份证号',
  phone: '手机号',
  householdId: '户编号',
  helperId: '帮扶人编号',
  limit: '每页条数',
  offset: '起始位置',
  date: '日期',
  household: '家庭',
  members: '家庭成员',
  birthDate: '出生日期',
  annualNetIncome: '家庭年纯收入',
  schooling: '在校情况',
  laborCapacity: '劳动能力',
  disabilityLevel: '残疾等级',
  status: '户状态',
  housingGrade: '住房安全等级',
  visitedAt: '走访时间',
  occasion: '走访类型',
  notes: '走访记录',
  category: '需求类别',
  description: '需求描述',
  title: '标题',
  body: '正文',
  audience: '受众',
  month: '月份',
  version: '版本号',
  to: '目标状态',
  needId: '需求编号',
  photos: '照片',
  callbackPhone: '回拨电话',
  note: '说明',
  comment: '评价',
  noticeId: '通知编号',
  id: '编号',
  rating: '评分',
};

/**
 * The field a problem is about, by its own name only: "出生日期", not "家庭 · 家庭成员 · 第 1 项 ·
 * 出生日期" (issue 13: people read schema paths as noise). Where in a list it is goes in
 * `details[].path`, so a page can put the message next to that field.
 */
function fieldLabel(path: PropertyKey[]): string {
  const key = [...path].reverse().find((k) => typeof k === 'string');
  return key === undefined ? '' : (FIELD_LABELS[key] ?? key);
}

/** One readable sentence per problem, e.g. "出生日期：日期格式应为 YYYY-MM-DD", and where each one is. */
export function describeZodError(error: z.ZodError): { message: string; details: Array<{ path: string; message: string }> } {
  const details = error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
  const lines = error.issues.slice(0, 3).map((issue) => {
    if (issue.code === 'unrecognized_keys') return `包含无法识别的字段：${issue.keys.join('、')}`;
    const label = fieldLabel(issue.path);
    return label ? `${label}：${issue.message}` : issue.message;
  });
  const more = error.issues.length > 3 ? `（另有 ${error.issues.length - 3} 处问题）` : '';
  return { message: lines.join('；') + more, details };
}
