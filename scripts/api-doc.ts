/**
 * docs/api.md, written from the contracts in types/api (the one source of what each action takes
 * and who may call it), so the reference cannot drift from the code: `npx tsx scripts/api-doc.ts`
 * rewrites it and test/scripts/api-doc.test.ts fails when it is stale.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { apis, type Access, type FunctionName } from '../types/api';
import type { z } from '../types/z';

const SUMMARY: Record<FunctionName, string> = {
  auth: '登录身份、帮扶户绑定（自助核验或绑定码）与解绑。',
  households: '户籍台账：查询、新增、编辑、动态调整、导入导出、敏感信息查看（留痕）。',
  assignments: '结对帮扶：指派、调整、按帮扶人和按户查看。',
  visits: '入户走访、一户一策计划与进度、户档案动态。',
  benefits: '政策测算与应享未享排查、兑现记录（单条录入与导入）、政策参数。',
  needs: '群众需求：上报、受理、办理、办结、确认、转派、督办、提请协调、评价。',
  notices: '通知公告：发布、撤回、阅读回执、群转发统计、提醒。',
  findings: '督查整改：问题登记、认领、整改措施、佐证、销号申请、验收（回头看）、限期整改通知单、台账、回头看抽样、数据核查。',
  monitoring: '防返贫监测预警：家庭自查（无需登录）、已登记户研判、自付医疗费用录入。',
  reports: '统计报表：工作台、走访覆盖及导出。',
  feedback: '意见建议：帮扶户、帮扶责任人向县扶贫办提交投诉建议，县扶贫办答复。',
  maintenance: '数据维护（仅县级管理员）：升级后分批重建汇总数据（走访月汇总、户摘要），每次调用在函数超时内完成一批，可续跑。',
};

const ROLE: Record<string, string> = { admin: '管理员', helper: '帮扶责任人', household: '帮扶户' };
const accessText = (access: Access) => (access === 'public' ? '任何人' : access === 'signedIn' ? '已登录微信用户' : access.map((r) => ROLE[r]).join('、'));

/** The top-level fields of an input object, required ones marked. */
function fieldsOf(schema: z.ZodType): string {
  const shape = (schema as unknown as { shape?: Record<string, z.ZodType> }).shape;
  if (!shape) return '—';
  const keys = Object.entries(shape).map(([k, s]) => (s.safeParse(undefined).success ? k : `**${k}**`));
  return keys.length ? keys.join(', ') : '（无）';
}

export function apiDoc(): string {
  const lines = [
    '# 云函数接口（API）',
    '',
    '本文件由 `npx tsx scripts/api-doc.ts` 根据 `types/api` 中的接口契约生成，请勿手工修改。',
    '',
    '每个云函数接收 `{ action, payload, requestId? }`，返回 `{ ok: true, data }` 或',
    '`{ ok: false, error: { code, message, details? } }`。`code` 为 INVALID_INPUT、UNAUTHENTICATED、',
    'FORBIDDEN、NOT_FOUND、CONFLICT、RATE_LIMITED 或 INTERNAL，`message` 是可直接展示给用户的中文。',
    '调用者身份来自微信上下文（OPENID），角色与辖区在服务端逐项检查；超出辖区的对象与不存在的对象得到相同的回答。',
    '字段中加粗的为必填。',
    '',
  ];
  for (const [name, contract] of Object.entries(apis) as Array<[FunctionName, (typeof apis)[FunctionName]]>) {
    lines.push(`## ${name}`, '', SUMMARY[name], '', '| 操作 | 可调用者 | 参数 |', '|---|---|---|');
    for (const [action, spec] of Object.entries(contract.actions) as Array<[string, { input: z.ZodType; access: Access }]>) {
      lines.push(`| \`${action}\` | ${accessText(spec.access)} | ${fieldsOf(spec.input)} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

export const API_DOC_PATH = path.resolve(__dirname, '..', 'docs', 'api.md');

if (require.main === module) {
  writeFileSync(API_DOC_PATH, apiDoc());
  console.log(`wrote ${path.relative(process.cwd(), API_DOC_PATH)}`);
}
