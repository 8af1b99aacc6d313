import type { Finding, FindingCategory, FindingSource, FindingStatus, FindingStep } from '../../../../types/finding';
import type { Household } from '../../../../types/household';
import type { User } from '../../../../types/user';
import { chinaDate } from '../../../../types/format';

const DAY = 24 * 3600 * 1000;

interface Plan {
  source: FindingSource;
  category: FindingCategory;
  severity: Finding['severity'];
  description: string;
  /** Days from now to the deadline (negative: past), and days ago it was recorded. */
  deadlineDays: number;
  createdDaysAgo: number;
  status: FindingStatus;
  noticed?: boolean;
  closedDaysAgo?: number;
  returnReason?: string;
}

/** A realistic spread: several sources, some overdue, one sent back, some closed (one late), one waiting for 回头看. */
const PLANS: Plan[] = [
  {
    source: 'cross_inspection',
    category: 'visit',
    severity: 'major',
    description: '帮扶手册走访记录与户主所述不一致，近两月无入户记录',
    deadlineDays: 12,
    createdDaysAgo: 3,
    status: 'recorded',
    noticed: true,
  },
  {
    source: 'unannounced',
    category: 'housing',
    severity: 'critical',
    description: '住房墙体开裂，未纳入危房改造台账',
    deadlineDays: -4,
    createdDaysAgo: 40,
    status: 'returned',
    noticed: true,
    returnReason: '整改照片未体现加固后的墙体',
  },
  {
    source: 'assessment',
    category: 'policy',
    severity: 'major',
    description: '家中残疾人未享受两项补贴',
    deadlineDays: 6,
    createdDaysAgo: 20,
    status: 'close_requested',
  },
  {
    source: 'third_party',
    category: 'education',
    severity: 'minor',
    description: '义务教育阶段子女资助信息未录入',
    deadlineDays: 18,
    createdDaysAgo: 8,
    status: 'planned',
  },
  { source: 'audit', category: 'funds', severity: 'major', description: '产业奖补资金发放凭证缺失', deadlineDays: -10, createdDaysAgo: 50, status: 'claimed' },
  {
    source: 'self_inspection',
    category: 'archive',
    severity: 'minor',
    description: '户档案收入测算表未签字',
    deadlineDays: 35,
    createdDaysAgo: 2,
    status: 'recorded',
  },
  {
    source: 'cross_inspection',
    category: 'health',
    severity: 'major',
    description: '慢病签约服务未落实',
    deadlineDays: -20,
    createdDaysAgo: 60,
    status: 'closed',
    closedDaysAgo: 25,
  },
  {
    source: 'assessment',
    category: 'income',
    severity: 'minor',
    description: '务工收入未及时更新',
    deadlineDays: -5,
    createdDaysAgo: 45,
    status: 'closed',
    closedDaysAgo: 2,
  },
];

const PROGRESS: FindingStep['kind'][] = ['claimed', 'planned', 'evidence', 'close_requested'];
const STEPS_BEFORE: Partial<Record<FindingStatus, number>> = { recorded: 0, claimed: 1, planned: 2, submitted: 3, close_requested: 4, returned: 4, closed: 4 };

/**
 * 督查整改 findings about the first households (the demo household first), recorded by the county
 * admin, responsible: each household's primary helper. Numbered DC-<year>-0001…; the sequence
 * document lets new findings continue the numbering.
 */
export function buildFindings(
  households: Household[],
  primaryOf: Map<string, string>,
  admins: User[],
  helpers: User[],
  now: Date,
): { findings: Finding[]; settings: object[] } {
  const admin = admins[0];
  const verifier = admins[1] ?? admin;
  const names = new Map(helpers.map((h) => [h._id, h.name]));
  const year = chinaDate(now).slice(0, 4);
  const iso = (days: number) => new Date(now.getTime() + days * DAY).toISOString();
  let notices = 0;
  const findings = PLANS.map((plan, i): Finding => {
    const h = households[i % households.length];
    const responsibleId = primaryOf.get(h._id) ?? null;
    const by = (kind: FindingStep['kind'], days: number, who: { _id: string; name: string; role: 'admin' | 'helper' }, note?: string): FindingStep => ({
      kind,
      by: who._id,
      byName: who.name,
      byRole: who.role,
      at: iso(-days),
      ...(note ? { note } : {}),
    });
    const helper = {
      _id: responsibleId ?? admin._id,
      name: (responsibleId && names.get(responsibleId)) || admin.name,
      role: (responsibleId ? 'helper' : 'admin') as 'helper' | 'admin',
    };
    const history: FindingStep[] = [by('created', plan.createdDaysAgo, { ...admin, role: 'admin' }, plan.description)];
    const span = plan.createdDaysAgo - (plan.closedDaysAgo ?? 0);
    const count = STEPS_BEFORE[plan.status]!;
    const notice = plan.noticed
      ? {
          number: `整改通知〔${year}〕${++notices}号`,
          issuedAt: iso(-plan.createdDaysAgo + 0.1),
          issuedBy: admin._id,
          issuedByName: admin.name,
          acknowledgedAt: null,
          acknowledgedBy: null,
        }
      : null;
    if (notice) history.push(by('notice', plan.createdDaysAgo - 0.1, { ...admin, role: 'admin' }, notice.number));
    for (let s = 0; s < count; s++)
      history.push(
        by(PROGRESS[s], plan.createdDaysAgo - ((s + 1) * span) / (count + 2), helper, PROGRESS[s] === 'evidence' ? '已入户核实整改，附照片' : undefined),
      );
    const closedAt = plan.status === 'closed' ? iso(-plan.closedDaysAgo!) : null;
    if (closedAt) history.push(by('passed', plan.closedDaysAgo!, { ...verifier, role: 'admin' }, '回头看属实'));
    if (plan.status === 'returned') history.push(by('returned', plan.createdDaysAgo / 4, { ...admin, role: 'admin' }, plan.returnReason));
    const evidence =
      count >= 3
        ? [{ note: '已入户核实整改，附照片', photos: [], by: helper._id, byName: helper.name, at: history.find((s) => s.kind === 'evidence')!.at }]
        : [];
    return {
      _id: `finding-seed-${i + 1}`,
      code: `DC-${year}-${String(i + 1).padStart(4, '0')}`,
      source: plan.source,
      category: plan.category,
      severity: plan.severity,
      description: plan.description,
      subject: { kind: 'household', id: h._id },
      deadline: iso(plan.deadlineDays),
      leadUnit: '县乡村振兴局',
      responsibleUnit: '乡镇人民政府',
      status: plan.status,
      open: plan.status !== 'closed',
      version: history.length,
      countyId: h.countyId,
      townId: h.townId,
      villageId: h.villageId,
      householdId: h._id,
      subjectHelperId: null,
      subjectName: `${h.headName}户（${h.code}）`,
      responsibleId,
      responsibleName: responsibleId ? (names.get(responsibleId) ?? null) : null,
      measures: count >= 2 ? ['入户核实情况', '按政策补办并留存佐证'] : [],
      evidence,
      notice,
      history,
      createdBy: admin._id,
      createdAt: history[0].at,
      closedAt,
      returnReason: plan.returnReason ?? null,
      reminders: [],
    };
  });
  const settings = [
    { _id: `seq-finding-${admin.regionPath[0]}-${year}`, value: findings.length },
    ...(notices ? [{ _id: `seq-notice-${admin.regionPath[0]}-${year}`, value: notices }] : []),
  ];
  return { findings, settings };
}
