import {
  actorProblem,
  deadlineOf,
  dismissProblem,
  dueFor,
  monitoringKind,
  monitoringProblem,
  NEXT_STAGE,
  noticeDates,
  noticeProblem,
} from '../../../cloudfunctions/core/monitoring/warning.rules';
import { mergedValues, inForce } from '../../../cloudfunctions/core/monitoring/params.service';
import { removalMissing } from '../../../cloudfunctions/core/monitoring/removal.service';
import { followUpUntil, sixMonthsAfter } from '../../../cloudfunctions/core/monitoring/follow-up.rules';
import { DEFAULT_DEADLINE_PARAMS, type Assessment } from '../../../types/monitoring';

const none = new Set<string>();
const helper = { _id: 'helper-1', role: 'helper' as const };
const otherHelper = { _id: 'helper-2', role: 'helper' as const };
const admin = (level: 'village' | 'town' | 'county') => ({ _id: `admin-${level}`, role: 'admin' as const, scope: { level, regionId: `${level}-1` } });

describe('who does each step of 识别纳入', () => {
  it('the helper the warning is handed to verifies it; so may the village admin; another helper may not', () => {
    const w = { stage: 'verify' as const, assigneeId: 'helper-1' };
    expect(actorProblem(w, helper)).toBeNull();
    expect(actorProblem(w, admin('village'))).toBeNull();
    expect(actorProblem(w, otherHelper)).toBe('入户核实由负责该户的帮扶责任人或村管理员办理');
    expect(actorProblem(w, admin('county'))).toBe('入户核实由负责该户的帮扶责任人或村管理员办理');
  });

  it('the village admin does village review, the town admin town review, the county admin confirmation; no one else', () => {
    expect(actorProblem({ stage: 'village_review', assigneeId: 'helper-1' }, admin('village'))).toBeNull();
    expect(actorProblem({ stage: 'village_review', assigneeId: 'helper-1' }, helper)).toBe('村级评议由本村管理员办理');
    expect(actorProblem({ stage: 'town_review', assigneeId: null }, admin('town'))).toBeNull();
    expect(actorProblem({ stage: 'town_review', assigneeId: null }, admin('village'))).toBe('乡镇审核由乡镇管理员办理');
    expect(actorProblem({ stage: 'county_confirm', assigneeId: null }, admin('county'))).toBeNull();
    expect(actorProblem({ stage: 'county_confirm', assigneeId: null }, admin('town'))).toBe('县级确认由县扶贫办管理员办理');
  });

  it('a confirmed or dismissed warning takes no further step', () => {
    expect(actorProblem({ stage: 'confirmed', assigneeId: null }, admin('county'))).toBe('该预警已纳入监测，不能再办理');
    expect(actorProblem({ stage: 'dismissed', assigneeId: 'helper-1' }, helper)).toBe('该预警已排除，不能再办理');
  });

  it('stages follow one another: verify → village review → town review → county confirmation → confirmed', () => {
    expect(NEXT_STAGE).toEqual({ verify: 'village_review', village_review: 'town_review', town_review: 'county_confirm', county_confirm: 'confirmed' });
  });
});

describe('公示 of at least 5 days (calendar days, SPEC §3b)', () => {
  const started = { stage: 'village_review' as const, ...noticeDates('2026-11-20', 5) };
  it('a notice posted on 20 November runs to 24 November: leaving village review on the 24th is refused with the day it may', () => {
    expect(started).toMatchObject({ noticeFrom: '2026-11-20', noticeUntil: '2026-11-25' });
    expect(noticeProblem(started, '2026-11-24')).toBe('公示期不少于 5 天：自2026年11月20日起公示，2026年11月25日起才能提交乡镇审核');
  });
  it('from 25 November (5 days run, a weekend counted) it may go to town review', () => {
    expect(noticeProblem(started, '2026-11-25')).toBeNull();
  });
});

describe('dismissal (核实后排除)', () => {
  it('is possible at verification only', () => {
    expect(dismissProblem({ stage: 'verify' })).toBeNull();
    expect(dismissProblem({ stage: 'village_review' })).toBe('只有入户核实环节可以排除，该预警已进入村级评议');
    expect(dismissProblem({ stage: 'confirmed' })).toBe('该预警已纳入监测，不能再办理');
  });
});

describe('deadlines in working days', () => {
  const p = { ...DEFAULT_DEADLINE_PARAMS };
  it('verification begun on Friday 20 November 2026 is due on Friday 27 November (5 working days)', () => {
    expect(dueFor('verify', '2026-11-20', p, none)).toBe('2026-11-27');
  });
  it('village review with its notice has 7 working days; a county holiday adds one', () => {
    expect(dueFor('village_review', '2026-11-20', p, none)).toBe('2026-12-01');
    expect(dueFor('village_review', '2026-11-20', p, new Set(['2026-11-23']))).toBe('2026-12-02');
  });
  it('a step is orange (due) on its last working day and the one before, red (overdue) after it', () => {
    const w = { open: true, dueOn: '2026-11-27' };
    expect(deadlineOf(w, '2026-11-25', none)).toBe('ok');
    expect(deadlineOf(w, '2026-11-26', none)).toBe('due');
    expect(deadlineOf(w, '2026-11-27', none)).toBe('due');
    expect(deadlineOf(w, '2026-11-28', none)).toBe('overdue');
    expect(deadlineOf({ open: false, dueOn: '2026-11-01' }, '2026-11-28', none)).toBe('closed');
  });
  it('a Monday deadline is orange from the Friday before, the weekend not counted', () => {
    expect(deadlineOf({ open: true, dueOn: '2026-11-30' }, '2026-11-27', none)).toBe('due');
  });
});

describe('monitoring parameters from a date on', () => {
  it('a stored change of the line from 2027 keeps every earlier default and the stage days', () => {
    const values = mergedValues([{ from: '2027-01-01', params: { line: 9_000, verifyDays: 4 }, setBy: '周主任' }]);
    expect(inForce(values, '2026-06-01')).toMatchObject({ line: 8_500, verifyDays: 5, medicalThreshold: 10_000 });
    expect(inForce(values, '2027-03-01')).toMatchObject({ line: 9_000, verifyDays: 4, medicalThreshold: 10_000, noticeDays: 5 });
    expect(values.find((v) => v.from === '2021-01-01')!.params.line).toBe(6_000);
  });
});

const assessment = (triggered: string[], reasons: Record<string, string> = {}): Assessment => ({
  level: 'none',
  suggestedType: null,
  risks: ['income_below_line', 'medical_burden', 'sudden_hardship', 'housing_unsafe'].map((rule) => ({
    rule: rule as never,
    member: null,
    triggered: triggered.includes(rule),
    reasons: [reasons[rule] ?? `${rule} 理由`],
  })),
});

describe('风险消除 readiness', () => {
  it('six months after 31 May is 30 November', () => expect(sixMonthsAfter('2026-05-31')).toBe('2026-11-30'));
  it('a household monitored since 1 May 2026 with a measure done, enough income and no high risk is ready on 1 November', () => {
    expect(removalMissing({ today: '2026-11-01', since: '2026-05-01', doneMeasures: 1, assessment: assessment([]), everyoneUnableToWork: false })).toEqual([]);
  });
  it('monitored since 1 June, nothing done, income below the line, a big medical bill and no one able to work: each is said', () => {
    const missing = removalMissing({
      today: '2026-11-01',
      since: '2026-06-01',
      doneMeasures: 0,
      everyoneUnableToWork: true,
      assessment: assessment(['income_below_line', 'medical_burden'], {
        income_below_line: '2025 年家庭人均纯收入 6,000 元，低于监测范围',
        medical_burden: '自付医疗费用 12,000 元',
      }),
    });
    expect(missing).toEqual([
      '纳入监测不满 6 个月：2026年6月1日纳入，2026年12月1日起满 6 个月',
      '帮扶计划中还没有完成的措施（至少完成 1 项）',
      '收入未达到监测范围：2025 年家庭人均纯收入 6,000 元，低于监测范围',
      '仍有高风险：自付医疗费用 12,000 元',
      '家庭成员都没有劳动能力，风险难以稳定消除',
    ]);
  });
});

describe('风险消除后回访 (6 more months of monthly visits)', () => {
  const cleared = [{ kind: 'risk_cleared' as const, effectiveOn: '2026-06-15' }];
  it('a household whose risk was removed on 15 June 2026 is followed up monthly until 14 December 2026', () => {
    expect(followUpUntil(cleared, '2026-11-20')).toBe('2026-12-14');
    expect(followUpUntil(cleared, '2026-12-14')).toBe('2026-12-14');
  });
  it('from 15 December, or when a later change came after the removal, there is no follow-up', () => {
    expect(followUpUntil(cleared, '2026-12-15')).toBeNull();
    expect(followUpUntil([...cleared, { kind: 'return_to_poverty' as const, effectiveOn: '2026-09-01' }], '2026-11-20')).toBeNull();
  });
});

describe('纳入监测: which 动态调整 a confirmed warning makes', () => {
  it.each([
    ['an ordinary household is newly identified (新识别)', 'none', 'new_identification'],
    ['a poor household not yet exited is newly identified too (SPEC §3b suggests 脱贫不稳定户 for it)', 'poor', 'new_identification'],
    ['an exited household enjoying policies returns to poverty (返贫)', 'exited_enjoying', 'return_to_poverty'],
    ['an exited household not enjoying them returns to poverty (返贫)', 'exited_not_enjoying', 'return_to_poverty'],
  ] as const)('%s', (_s, status, kind) => {
    expect(monitoringKind(status)).toBe(kind);
    expect(monitoringProblem(status)).toBeNull();
  });

  it('a household already monitored is refused at the first step, in words the worker can act on', () => {
    expect(monitoringProblem('monitored')).toBe('该户已是监测户，无需再识别纳入监测');
  });
});
